"""Shared fixtures. Store tests run on SQLite and on a real PostgreSQL through one parametrisation."""
