"""Situation Wiki generator: raw news articles in, a cross-linked Markdown wiki out."""
