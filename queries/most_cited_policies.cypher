// title: Most cited policies
// description: Policy documents ranked by how many source documents cite them by title, with the issuers the texts name (as written by the last document mirrored that cites it).
// params:
// vars: policy title issuers documents
MATCH (d:Resource)-[:CITES_POLICY]->(p:Resource)
WITH p, count(DISTINCT d) AS documents
RETURN p.uri AS policy, p.title AS title, p.issuers AS issuers, documents
ORDER BY documents DESC, title, policy
