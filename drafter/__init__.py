"""drafter: an offline drafting assistant for Chinese government speeches."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("drafter")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
