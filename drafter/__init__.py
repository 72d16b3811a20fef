"""drafter: an offline drafting assistant for Chinese government speeches."""

__version__ = "0.1.0"
