"""What every request handler shares: settings, the database, the signer and the templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jinja2 import Environment
from starlette.requests import HTTPConnection

from stridewell.config import Settings
from stridewell.services.database import Database
from stridewell.web.signing import Signer


@dataclass
class WebState:
    settings: Settings
    database: Database
    signer: Signer
    templates: Environment

    def today(self) -> date:
        return self.settings.today()


def web_state(connection: HTTPConnection) -> WebState:
    """The state `create_app` stored on the app (and on the mounted API)."""
    state = connection.app.state.web
    assert isinstance(state, WebState)
    return state
