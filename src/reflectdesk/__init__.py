"""ReflectDesk: encrypted, offline-first practicum reflection journals."""

__version__ = "0.1.0"
