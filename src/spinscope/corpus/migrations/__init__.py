"""Alembic migrations of the corpus store; run automatically when a store is opened."""
