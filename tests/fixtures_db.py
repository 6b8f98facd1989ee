"""Database fixtures: filled in by the corpus work (SQLite file and throwaway PostgreSQL cluster)."""
