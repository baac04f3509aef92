"""The `stridewell` command line: a thin Typer layer over `stridewell.services`."""
