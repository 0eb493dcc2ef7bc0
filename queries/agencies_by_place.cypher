// title: Agencies of a place
// description: Government, party and public bodies of the place, with each document that names them.
// title.zh: 一个地方的机构
// description.zh: 该地的政府、党委和事业单位，以及提到它们的每篇文档。
// param: place place 320500 地方 | Place
// vars: agency label document title
MATCH (place:Resource {uri: $place})<-[r:LOCATED_IN]-(agency:Agency)
OPTIONAL MATCH (d:Resource {uri: r.document})
RETURN DISTINCT agency.uri AS agency, agency.label AS label, r.document AS document, d.title AS title
ORDER BY label, agency, document
