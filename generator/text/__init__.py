"""The pure text core: folding, matching names, reading them in context, discovering new ones, dates, slugs."""
