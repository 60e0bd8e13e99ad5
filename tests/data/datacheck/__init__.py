"""Validation of the compatibility table in data/ (schema and cross-file consistency)."""
