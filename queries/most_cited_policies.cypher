// title: Most cited policies
// description: Policy documents ranked by how many source documents cite them by title, with the issuers the texts name (as written by the last document mirrored that cites it).
// title.zh: 被引用最多的政策
// description.zh: 按被多少篇来源文档以标题引用排序的政策文件，附文中写明的发布机关。
// vars: policy title issuers documents
MATCH (d:Resource)-[:CITES_POLICY]->(p:Resource)
WITH p, count(DISTINCT d) AS documents
RETURN p.uri AS policy, p.title AS title, p.issuers AS issuers, documents
ORDER BY documents DESC, title, policy
