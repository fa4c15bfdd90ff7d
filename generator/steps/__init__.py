"""The pipeline's steps, each a function of the corpus: ingest, retag, graph, link, check, and rename/merge."""
