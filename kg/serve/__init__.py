"""`kg serve`: the graph as a read-only SPARQL 1.1 endpoint with an offline query page."""
