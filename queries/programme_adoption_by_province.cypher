// title: Programme adoption by province
// description: For each province and programme, how many places in that province (the province itself, its cities and their districts) run the programme.
// params:
// vars: province provinceLabel programme label places
MATCH (place:Resource)-[:RUNS_PROGRAMME]->(p:Resource)
MATCH (place)-[:CONTAINED_IN*0..]->(province:Place {level: 'province'})
RETURN province.uri AS province, province.label AS provinceLabel, p.uri AS programme, p.label AS label,
  count(DISTINCT place) AS places
ORDER BY province, places DESC, label, programme
