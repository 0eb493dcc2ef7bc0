"""The graph layer between the loaders and the faces: RDF stores (embedded Oxigraph, a remote SPARQL 1.1
store) with their facts graph, the build that writes documents into them, sandboxed SPARQL and read-only
Cypher, and the property-graph mirror (FalkorDB, Neo4j). The API, the CLI and the web (`app/`) use it;
it uses `loaders/` and nothing of the faces.
"""
