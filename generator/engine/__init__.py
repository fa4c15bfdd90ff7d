"""What runs around the site engine, whichever it is: the index step (search marks, the Pagefind index), the live preview."""
