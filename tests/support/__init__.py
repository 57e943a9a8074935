"""Test helpers shared by every test folder: world builders, factories, a UI context.

Imported as a package (``from support.factories.costs import seed_world``); ``tests`` is on
pytest's ``pythonpath`` (pyproject.toml).
"""
