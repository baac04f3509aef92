"""Pure domain logic: frozen dataclasses and functions, no I/O (stdlib + numpy only)."""
