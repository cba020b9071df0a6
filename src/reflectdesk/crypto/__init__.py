"""Standard constructions from ``cryptography``; parameters in docs/vault-format.md."""
