"""The « Simulation » page (« Et si… ? »): see :mod:`.page`."""
