"""PTCE Desktop: the coordinator's tool for a pôle territorial de coopération économique."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ptce-desktop")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
