"""The store: tables, migrations, blob store and full-text search, for SQLite and PostgreSQL."""
