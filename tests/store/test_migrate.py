from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, select

from stridewell.domain.athletes import Athlete, Race
from stridewell.domain.planning.model import Plan
from stridewell.domain.vocab import Sex
from stridewell.store import migrate
from stridewell.store.db import unit_of_work
from stridewell.store.models import (
    ACTIVITY_TABLES,
    CORE_TABLES,
    REHAB_TABLES,
    Base,
    PlanRow,
)
from stridewell.store.repositories import AthleteRepository, PlanRepository, RaceRepository


def test_migrations_create_exactly_the_schema_of_the_models(any_blank_engine: Engine) -> None:
    assert migrate.upgrade(any_blank_engine) == migrate.head_revision()
    with any_blank_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_first_migration_holds_the_core_tables_and_second_the_activities(
    any_blank_engine: Engine,
) -> None:
    migrate.upgrade(any_blank_engine, "0001")
    tables = set(inspect(any_blank_engine).get_table_names()) - {"alembic_version"}
    assert tables == set(CORE_TABLES)
    migrate.upgrade(any_blank_engine)
    tables = set(inspect(any_blank_engine).get_table_names()) - {"alembic_version"}
    assert tables == set(CORE_TABLES) | set(ACTIVITY_TABLES) | set(REHAB_TABLES)


def test_upgrade_from_0001_keeps_plans_linked_to_their_races(any_blank_engine: Engine) -> None:
    # 0002 rebuilds the race table on SQLite; with foreign keys on, that would unlink plans.
    migrate.upgrade(any_blank_engine, "0001")
    with unit_of_work(any_blank_engine) as session:
        athlete = AthleteRepository(session).add(Athlete(name="A", sex=Sex.F, birth_year=1990))
        assert athlete.id is not None
        race = RaceRepository(session).add(
            athlete.id, Race(name="Marathon", date=date(2026, 10, 4), distance_m=42195.0)
        )
        plan = Plan(
            athlete_id=athlete.id,
            start=date(2026, 6, 1),
            end=date(2026, 10, 4),
            race=race,
            weeks=(),
        )
        PlanRepository(session).add(athlete.id, plan, inputs={})
    migrate.upgrade(any_blank_engine)
    with unit_of_work(any_blank_engine) as session:
        assert session.scalars(select(PlanRow.race_id)).all() == [race.id]


def test_downgrade_to_base_removes_every_table(any_blank_engine: Engine) -> None:
    migrate.upgrade(any_blank_engine)
    migrate.downgrade(any_blank_engine, "base")
    assert set(inspect(any_blank_engine).get_table_names()) <= {"alembic_version"}
    assert migrate.schema_status(any_blank_engine) is migrate.SchemaStatus.EMPTY


def test_schema_status_follows_the_migrations(any_blank_engine: Engine) -> None:
    assert migrate.schema_status(any_blank_engine) is migrate.SchemaStatus.EMPTY
    migrate.upgrade(any_blank_engine, "0001")
    assert migrate.schema_status(any_blank_engine) is migrate.SchemaStatus.OUTDATED
    migrate.upgrade(any_blank_engine)
    assert migrate.schema_status(any_blank_engine) is migrate.SchemaStatus.CURRENT


def test_ensure_schema_creates_an_empty_database_but_refuses_an_outdated_one(
    any_blank_engine: Engine,
) -> None:
    migrate.upgrade(any_blank_engine, "0001")
    with pytest.raises(migrate.SchemaError, match="stridewell init"):
        migrate.ensure_schema(any_blank_engine)
    migrate.downgrade(any_blank_engine, "base")
    migrate.ensure_schema(any_blank_engine)
    assert migrate.schema_status(any_blank_engine) is migrate.SchemaStatus.CURRENT


def test_tables_made_without_migrations_are_not_mistaken_for_an_empty_database(
    any_blank_engine: Engine,
) -> None:
    Base.metadata.create_all(any_blank_engine)
    assert migrate.schema_status(any_blank_engine) is migrate.SchemaStatus.UNKNOWN
    with pytest.raises(migrate.SchemaError):
        migrate.ensure_schema(any_blank_engine)


def test_migrations_run_from_the_package_without_an_ini_file() -> None:
    config = migrate.alembic_config()
    assert config.config_file_name is None
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    assert migrate.head_revision() >= "0002"


def test_stored_times_come_back_aware_and_in_utc(engine: Engine) -> None:
    created = datetime(2026, 3, 11, 21, 30, tzinfo=UTC)
    with unit_of_work(engine) as session:
        athlete = AthleteRepository(session).add(
            Athlete(name="A", sex=Sex.F, birth_year=1990), created_utc=created
        )
        assert athlete.id is not None
        plan = Plan(athlete.id, date(2026, 3, 16), date(2026, 6, 7), None, ())
        PlanRepository(session).add(athlete.id, plan, inputs={}, created_utc=created)
    with unit_of_work(engine) as session:
        stored = PlanRepository(session).latest(athlete.id)
        assert stored is not None
        assert stored.created_utc == created
        assert stored.created_utc.utcoffset() is not None
