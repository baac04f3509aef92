"""`stridewell serve`: the web app on this computer."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from stridewell.cli.context import fail, state, user_errors
from stridewell.services.accounts import accounts_enabled


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
    with user_errors(), cli_state.database.session() as session:
        has_accounts = accounts_enabled(session)  # and fail now, in one line, if it cannot be used
    warning = exposure_warning(host, has_accounts)
    if warning is not None:
        typer.echo(f"Warning: {warning}", err=True)
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


def exposure_warning(host: str, has_accounts: bool) -> str | None:
    """A warning when other computers can reach an app that asks nobody to sign in."""
    if has_accounts or _loopback(host):
        return None
    return (
        f"listening on {host} without accounts: anyone who can reach this computer sees every"
        " athlete; add one with `stridewell user add EMAIL --role admin` to require sign-in"
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: assume others can reach it
