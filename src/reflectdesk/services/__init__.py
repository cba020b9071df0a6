"""The one Qt-free API the CLI and the GUI both call."""

from reflectdesk.services.vault import NewProfile, Vault

__all__ = ["NewProfile", "Vault"]
