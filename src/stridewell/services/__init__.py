"""Use cases that combine the domain and the store; the CLI and the web call only these.

Each use case takes an SQLAlchemy `Session` (the caller's unit of work: the caller commits) and
"today" as an argument, and returns domain value objects. `*_to_dict` functions give the JSON
shape of design.md, shared by `--format json` and the web API.
"""
