"""Builders: read the store through the unit of work and fill the read models of ``documents``."""
