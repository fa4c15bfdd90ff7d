"""I/O and caching: the generator's memory, the file cache, the lock, work on every core."""
