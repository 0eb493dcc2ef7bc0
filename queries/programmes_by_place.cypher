// title: Programmes a place runs
// description: Every programme the place carries out, with the sentence and document that say so.
// params: place=https://w3id.org/citykg/place/321000
// vars: programme label quote document
MATCH (place:Resource {uri: $place})-[r:RUNS_PROGRAMME]->(p:Resource)
RETURN DISTINCT p.uri AS programme, p.label AS label, r.quote AS quote, r.document AS document
ORDER BY label, programme, document, quote
