// title: Places that share programmes with a place
// description: Other places ranked by how many programmes they run in common with the place, with the shared programmes' names; places sharing none are not listed.
// title.zh: 与某地有共同举措的地方
// description.zh: 按与该地共同开展的举措数排序的其他地方，附共同举措名称；没有共同举措的不列出。
// param: place place 320500 地方 | Place
// vars: other label shared programmes
MATCH (place:Resource {uri: $place})-[:RUNS_PROGRAMME]->(p:Resource)<-[:RUNS_PROGRAMME]-(other:Resource)
WHERE other.uri <> place.uri
WITH DISTINCT other, coalesce(p.label, p.uri) AS name
ORDER BY name
WITH other, collect(name) AS names
RETURN other.uri AS other, other.label AS label, size(names) AS shared,
  reduce(s = '', n IN names | CASE WHEN s = '' THEN n ELSE s + '、' + n END) AS programmes
ORDER BY shared DESC, other
