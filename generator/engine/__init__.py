"""What runs inside or around the site engine: MkDocs hooks, the search index, the live preview."""
