// title: Programmes a place runs
// description: Every programme the place carries out, with the sentence and document that say so.
// title.zh: 一个地方开展的举措
// description.zh: 该地开展的每个举措，附说明这一点的句子和文档。
// param: place place 320500 地方 | Place
// vars: programme label quote document
MATCH (place:Resource {uri: $place})-[r:RUNS_PROGRAMME]->(p:Resource)
RETURN DISTINCT p.uri AS programme, p.label AS label, r.quote AS quote, r.document AS document
ORDER BY label, programme, document, quote
