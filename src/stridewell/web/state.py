"""What every request handler shares: settings, the database, the signer, the templates and
the login rate limit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from jinja2 import Environment
from starlette.requests import HTTPConnection

from stridewell.config import Settings
from stridewell.services.database import Database
from stridewell.web.login_limit import LoginThrottle
from stridewell.web.signing import Signer


@dataclass
class WebState:
    settings: Settings
    database: Database
    signer: Signer
    templates: Environment
    login_throttle: LoginThrottle = field(default_factory=LoginThrottle)

    def today(self) -> date:
        return self.settings.today()


def web_state(connection: HTTPConnection) -> WebState:
    """The state `create_app` stored on the app (and on the mounted API)."""
    state = connection.app.state.web
    assert isinstance(state, WebState)
    return state
