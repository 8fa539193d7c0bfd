"""Regulars: customer management for the tills of shops and salons."""

__version__ = "0.1.0"
