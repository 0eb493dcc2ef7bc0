// title: Programme adoption by province
// description: For each province and programme, how many places in that province (the province itself, its cities and their districts) run the programme.
// title.zh: 各省的举措采用情况
// description.zh: 每个省和举措：该省（省本身、其地级市及市辖区县）有多少地方开展该举措。
// vars: province provinceLabel programme label places
MATCH (place:Resource)-[:RUNS_PROGRAMME]->(p:Resource)
MATCH (place)-[:CONTAINED_IN*0..]->(province:Place {level: 'province'})
RETURN province.uri AS province, province.label AS provinceLabel, p.uri AS programme, p.label AS label,
  count(DISTINCT place) AS places
ORDER BY province, places DESC, label, programme
