"""The in-memory full-text index (never written to disk)."""
