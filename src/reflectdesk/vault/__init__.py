"""The vault's key hierarchy and on-disk header (docs/vault-format.md)."""
