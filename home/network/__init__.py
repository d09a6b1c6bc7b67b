"""The network's people and places: national customs training institutions
and regional intelligence liaison offices (a public list, their contacts for
the Partners only), and the Partners' roster of resource persons."""
