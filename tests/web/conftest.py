"""The web app on the shared `engine` fixture (SQLite and PostgreSQL), through a test client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from stridewell.config import Settings
from stridewell.services.database import Database
from stridewell.web import create_app

SECRET_KEY = "test-secret-key-that-is-long-enough"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class EngineDatabase(Database):
    """A `Database` over a test's engine (the fixture disposes of it, not the app)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine.url.render_as_string(hide_password=False))
        self._test_engine = engine

    @property
    def engine(self) -> Engine:
        return self._test_engine

    def close(self) -> None:
        pass


@dataclass
class Web:
    """Like a browser: keeps cookies, and reads the CSRF token from the page it posts from."""

    client: TestClient

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(path, **kwargs)

    def token(self, page: str) -> str:
        response = self.client.get(page)
        found = _TOKEN.search(response.text)
        assert found, f"no CSRF token on {page} ({response.status_code})"
        return found.group(1)

    def submit(self, page: str, action: str, data: dict[str, Any]) -> Any:
        """Open `page`, then post `data` to `action` as its form would (no redirects followed)."""
        return self.client.post(action, data={**data, "csrf_token": self.token(page)})

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        return self.client.request(method, f"/api/v1{path}", **kwargs)


def make_app(engine: Engine, today: date) -> Any:
    settings = Settings(database_url=str(engine.url), today_override=today)
    return create_app(settings, database=EngineDatabase(engine), secret_key=SECRET_KEY)


@pytest.fixture
def web(engine: Engine, today: date) -> Iterator[Web]:
    """The app on an empty database, on SQLite and on PostgreSQL."""
    with TestClient(make_app(engine, today), follow_redirects=False) as client:
        yield Web(client)


@pytest.fixture
def demo_web(web: Web) -> Web:
    """The app with the demo athlete and her plan loaded through the welcome page."""
    response = web.submit("/welcome", "/onboarding/demo", {})
    assert response.status_code == 303, response.text
    return web


PROFILE = {
    "name": "Ada",
    "sex": "F",
    "birth_year": "1988",
    "weekly_km": "35",
    "experience": "intermediate",
    "equipment": ["bodyweight", "band", "dumbbell"],
    "days": ["tue", "thu", "sat", "sun"],
    "long_run_day": "sun",
    "timezone": "Europe/Oslo",
}


@pytest.fixture
def ada_web(web: Web) -> Web:
    """The app with one athlete, Ada, created through the onboarding form."""
    response = web.submit("/onboarding/profile", "/onboarding/profile", PROFILE)
    assert response.status_code == 303, response.text
    return web
