"""Entries as Markdown and sanitised HTML: the one place Markdown becomes HTML."""
