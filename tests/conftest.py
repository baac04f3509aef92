"""Shared fixtures: databases on both backends, and a fixed "today".

Store and service tests run twice, on SQLite and on PostgreSQL. Each PostgreSQL test gets a
schema of its own (selected through `search_path`), so parallel workers (pytest -n 2) and
parallel runs never see each other's tables. Under CI=true a missing PostgreSQL fails the run;
elsewhere those tests are skipped with one line saying why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from functools import cache

import pytest
from hypothesis import settings
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from stridewell.domain.planning.model import (
    ExercisePrescription,
    Plan,
    PlannedSession,
    PlanRequest,
    PlanWeek,
    RunPrescription,
)
from stridewell.domain.vocab import Category, Phase, RunType
from stridewell.store.db import open_engine, session_factory
from stridewell.store.migrate import upgrade

POSTGRES_URL = os.environ.get(
    "STRIDEWELL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# CI explores the same examples every run (a red build means a code change, not a new random
# draw); locally Hypothesis keeps drawing fresh ones, which is where new cases are found.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
TODAY = date(2026, 3, 11)  # a Wednesday


@cache
def _postgres_problem() -> str | None:
    """None when PostgreSQL answers, else one line saying why not (checked once per process)."""
    try:
        engine = open_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as error:  # any failure to connect means "not available"
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        return f"PostgreSQL not reachable at {POSTGRES_URL}: {first_line}"
    return None


def require_postgres() -> None:
    problem = _postgres_problem()
    if problem is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(problem, pytrace=False)
    pytest.skip(problem)


@contextmanager
def database(backend: str) -> Iterator[Engine]:
    """An empty database (no tables): in-memory SQLite, or a fresh PostgreSQL schema."""
    if backend == "sqlite":
        engine = open_engine("sqlite://")
        try:
            yield engine
        finally:
            engine.dispose()
        return
    require_postgres()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with _postgres_admin().begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = open_engine(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield engine
    finally:
        engine.dispose()
        with _postgres_admin().begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@cache
def _postgres_admin() -> Engine:
    """One engine per test process for creating and dropping the per-test schemas."""
    return open_engine(POSTGRES_URL)


@pytest.fixture(params=BACKENDS)
def any_blank_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An empty database, once on SQLite and once on PostgreSQL."""
    with database(request.param) as engine:
        yield engine


@pytest.fixture
def engine(any_blank_engine: Engine) -> Engine:
    """A database migrated to the newest schema, once on SQLite and once on PostgreSQL."""
    upgrade(any_blank_engine)
    return any_blank_engine


@pytest.fixture
def sqlite_engine() -> Iterator[Engine]:
    """A migrated in-memory SQLite database, for tests that need only one backend."""
    engine = open_engine("sqlite://")
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on `engine` (both backends); the test decides whether to commit."""
    with session_factory(engine)() as db_session:
        yield db_session


@pytest.fixture
def today() -> date:
    return TODAY


class TinyPlanner:
    """A stand-in for the domain planner: a small, fixed-shape plan, and the requests it saw.

    Services take the planner as a parameter, so their tests pass this one in (no patching).
    """

    def __init__(self) -> None:
        self.requests: list[PlanRequest] = []

    def __call__(self, request: PlanRequest) -> Plan:
        self.requests.append(request)
        monday = request.start - timedelta(days=request.start.weekday())
        week_count = request.weeks or 2
        km = request.weekly_km if request.weekly_km is not None else request.athlete.weekly_km
        long_day = request.athlete.availability.long_run_day.number
        weeks = []
        for offset in range(week_count):
            start = monday + timedelta(weeks=offset)
            strength = PlannedSession(
                date=start + timedelta(days=1),
                kind="strength",
                title="Hip strength",
                why="Strong hip abductors protect the IT band.",
                exercises=(
                    ExercisePrescription(
                        slug="clamshell",
                        name="Clamshell",
                        category=Category.GLUTE_ACCESSORY,
                        sets=3,
                        reps="12-15",
                        hold_s=None,
                        per_side=True,
                        intensity="RPE 7",
                        rest_s=60,
                        why="Gluteus medius.",
                    ),
                    ExercisePrescription(
                        slug="side_plank",
                        name="Side plank",
                        category=Category.CORE,
                        sets=2,
                        reps=None,
                        hold_s=30,
                        per_side=True,
                        intensity="RPE 6",
                        rest_s=45,
                        why="Lateral trunk.",
                        heavy=False,
                    ),
                ),
            )
            long_run = PlannedSession(
                date=start + timedelta(days=long_day),
                kind="run",
                title="Long run",
                why="Endurance.",
                run=RunPrescription(
                    type=RunType.LONG,
                    distance_km=round(km * 0.3, 1),
                    duration_min=round(km * 0.3 * 6),
                    why="Time on feet.",
                    description="Easy pace throughout.",
                ),
            )
            weeks.append(
                PlanWeek(
                    index=offset + 1,
                    start=start,
                    phase=Phase.BASE,
                    run_km=float(km),
                    strength_sessions=1,
                    sessions=(strength, long_run),
                    deload=offset == 2,
                    why="Build the base.",
                )
            )
        return Plan(
            athlete_id=request.athlete.id,
            start=monday,
            end=monday + timedelta(weeks=week_count, days=-1),
            race=request.race,
            weeks=tuple(weeks),
            notes=("A tiny plan for tests.",),
        )


@pytest.fixture
def tiny_planner() -> TinyPlanner:
    return TinyPlanner()


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with its cheapest parameters: the same code path, without ~0.1 s per hash."""
    import argon2

    from stridewell.services import accounts

    monkeypatch.setattr(
        accounts, "HASHER", argon2.PasswordHasher.from_parameters(argon2.profiles.CHEAPEST)
    )
