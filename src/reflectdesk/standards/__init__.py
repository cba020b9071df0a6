"""Teaching-standards taxonomies as data (MBE 2021 built in)."""
