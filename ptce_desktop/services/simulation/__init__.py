"""The scenario simulator (« Et si… ? »): see :mod:`.simulation`."""
