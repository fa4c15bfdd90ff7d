"""The site's Markdown: every page, section and view, and the export files."""
