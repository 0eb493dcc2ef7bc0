// title: Metrics about a place
// description: Every figure reported for the place (targets included), with the indicator, value, unit, year, qualifier and the sentence and document it comes from.
// title.zh: 一个地方的指标
// description.zh: 该地报告的每个数字（含目标），附指标、数值、单位、年份、限定词及出处句子和文档。
// param: place place 320500 地方 | Place
// vars: observation indicator label value unit year qualifier quote document
MATCH (place:Resource {uri: $place})-[:HAS_OBSERVATION|REF_AREA]-(o:Observation)
WITH DISTINCT o
OPTIONAL MATCH (o)-[:INDICATOR]->(i:Resource)
OPTIONAL MATCH (:Resource)-[h:HAS_OBSERVATION]->(o)
RETURN DISTINCT o.uri AS observation, i.uri AS indicator, coalesce(o.indicatorLabel, i.label) AS label,
  o.value AS value, o.unit AS unit, o.year AS year, o.qualifier AS qualifier, h.quote AS quote,
  h.document AS document
ORDER BY label, year, observation, quote
