"""`stridewell serve`: the web app on this computer."""

from __future__ import annotations

from typing import Annotated

import typer

from stridewell.cli.context import fail, state, user_errors


def serve(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(metavar="HOST", help="Address to listen on (127.0.0.1: this computer only)."),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(metavar="PORT", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
) -> None:
    """Start the web app and keep it running until Ctrl+C.

    Open the printed address in a browser; an empty database starts with onboarding.

    Example:

        stridewell serve --port 8000
    """
    cli_state = state(ctx)
    with user_errors(), cli_state.database.session():
        pass  # fail now, in one line, if the database cannot be used
    # Imported here: the web stack costs ~0.5 s to load, which no other command should pay.
    from stridewell.web.server import port_problem
    from stridewell.web.server import serve as run_server

    problem = port_problem(host, port)
    if problem is not None:
        fail(f"{problem}; choose another with --port")
    shown_host = f"[{host}]" if ":" in host else host
    typer.echo(f"Stridewell is running at http://{shown_host}:{port}/ (Ctrl+C to stop).")
    with user_errors():  # e.g. a STRIDEWELL_SECRET_KEY too short to sign with
        run_server(cli_state.settings, host, port)
