"""Research core (issue 15): REFI-QDA exchange and pseudonymisation, Qt-free and storage-free.

Pure functions over the plain dataclasses of :mod:`reflectdesk.research.model`; the
services wire them to the vault and the front ends (docs/research.md).
"""
