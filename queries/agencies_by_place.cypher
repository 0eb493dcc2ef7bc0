// title: Agencies of a place
// description: Government, party and public bodies of the place, with each document that names them.
// params: place=https://w3id.org/citykg/place/371600
// vars: agency label document title
MATCH (place:Resource {uri: $place})<-[r:LOCATED_IN]-(agency:Agency)
OPTIONAL MATCH (d:Resource {uri: r.document})
RETURN DISTINCT agency.uri AS agency, agency.label AS label, r.document AS document, d.title AS title
ORDER BY label, agency, document
