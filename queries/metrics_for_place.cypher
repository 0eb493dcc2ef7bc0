// title: Metrics about a place
// description: Every figure reported for the place (targets included), with the indicator, value, unit, year, qualifier and the sentence and document it comes from.
// params: place=https://w3id.org/citykg/place/321000
// vars: observation indicator label value unit year qualifier quote document
MATCH (place:Resource {uri: $place})-[:HAS_OBSERVATION|REF_AREA]-(o:Observation)
WITH DISTINCT o
OPTIONAL MATCH (o)-[:INDICATOR]->(i:Resource)
OPTIONAL MATCH (:Resource)-[h:HAS_OBSERVATION]->(o)
RETURN DISTINCT o.uri AS observation, i.uri AS indicator, coalesce(o.indicatorLabel, i.label) AS label,
  o.value AS value, o.unit AS unit, o.year AS year, o.qualifier AS qualifier, h.quote AS quote,
  h.document AS document
ORDER BY label, year, observation, quote
