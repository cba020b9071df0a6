"""Frozen dataclasses the services hand to the CLI and the GUI."""
