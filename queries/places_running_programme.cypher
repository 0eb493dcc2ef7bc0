// title: Places that run a programme
// description: Every place said to carry out exactly this programme, with its division code and how many documents say so; kin programmes are not counted.
// title.zh: 开展某举措的地方
// description.zh: 被写明开展该举措的每个地方，附行政区划代码和相关文档数；不计同类举措。
// param: programme programme yi-wang-tong-ban 举措 | Programme
// vars: place label code documents
MATCH (p:Resource {uri: $programme})<-[r:RUNS_PROGRAMME]-(place:Resource)
RETURN place.uri AS place, place.label AS label, place.code AS code, count(DISTINCT r.document) AS documents
ORDER BY documents DESC, code, place
