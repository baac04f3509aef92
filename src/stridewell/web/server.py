"""Running the app with Uvicorn: `stridewell serve` calls `serve`."""

from __future__ import annotations

import socket

import uvicorn

from stridewell.config import Settings
from stridewell.web.app import create_app


def port_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port (None when it can), in one line."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return f"unknown host {host!r}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            return f"cannot listen on {host}:{port}: {error.strerror or error}"
    return None


def serve(settings: Settings, host: str, port: int) -> None:
    """Serve the app until interrupted (Ctrl+C)."""
    app = create_app(settings)
    uvicorn.run(app, host=host, port=port, server_header=False, log_level="info")
