"""The content model: typed pages and entities, the registry, and how pages are read and written."""
