"""Reading raw input: files of every format into clean articles."""
