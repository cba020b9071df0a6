"""The storage layer: the only place that knows SQL and ORM classes.

Everything above it receives frozen dataclasses from :mod:`reflectdesk.domain`.
"""
