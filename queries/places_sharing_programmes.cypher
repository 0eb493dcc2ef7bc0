// title: Places that share programmes with a place
// description: Other places ranked by how many programmes they run in common with the place, with the shared programmes' names; places sharing none are not listed.
// params: place=https://w3id.org/citykg/place/371600
// vars: other label shared programmes
MATCH (place:Resource {uri: $place})-[:RUNS_PROGRAMME]->(p:Resource)<-[:RUNS_PROGRAMME]-(other:Resource)
WHERE other.uri <> place.uri
WITH DISTINCT other, coalesce(p.label, p.uri) AS name
ORDER BY name
WITH other, collect(name) AS names
RETURN other.uri AS other, other.label AS label, size(names) AS shared,
  reduce(s = '', n IN names | CASE WHEN s = '' THEN n ELSE s + '、' + n END) AS programmes
ORDER BY shared DESC, other
