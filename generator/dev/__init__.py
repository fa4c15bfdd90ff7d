"""Developer tools: benchmark, synthetic corpus, tagging evaluation, registry import."""
