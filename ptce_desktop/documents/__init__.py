"""Read models of every document (frozen data classes importing only ``domain``) and, in
``builders``, the functions that fill them from the store."""
