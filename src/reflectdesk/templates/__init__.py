"""Structured prompts: the template format, the built-in library and descriptive hints."""
