"""Alembic migrations, shipped inside the package and run through `stridewell.store.migrate`."""
