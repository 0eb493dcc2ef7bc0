// title: Places that run a programme
// description: Every place said to carry out exactly this programme, with its division code and how many documents say so; kin programmes are not counted.
// params: programme=https://w3id.org/citykg/programme/yi-wang-tong-ban
// vars: place label code documents
MATCH (p:Resource {uri: $programme})<-[r:RUNS_PROGRAMME]-(place:Resource)
RETURN place.uri AS place, place.label AS label, place.code AS code, count(DISTINCT r.document) AS documents
ORDER BY documents DESC, code, place
