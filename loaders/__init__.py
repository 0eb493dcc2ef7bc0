"""Reading documents and turning them into extraction records and RDF."""
