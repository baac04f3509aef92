from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine, inspect, select

from stridewell.domain.athletes import Athlete, Injury
from stridewell.domain.rehab import ReadinessCheck, RehabSession
from stridewell.domain.vocab import Region, Sex, Side
from stridewell.store import migrate
from stridewell.store.db import unit_of_work
from stridewell.store.models import InjuryRow, RehabLogRow
from stridewell.store.repositories import AthleteRepository, InjuryRepository
from stridewell.store.repositories.rehab import RehabRepository


def _injury(engine: Engine) -> tuple[int, int]:
    with unit_of_work(engine) as session:
        athlete = AthleteRepository(session).add(Athlete(name="A", sex=Sex.F, birth_year=1990))
        assert athlete.id is not None
        injury = InjuryRepository(session).add(
            athlete.id, Injury(Region.HIP, Side.LEFT, date(2026, 2, 1), severity=5)
        )
        assert injury.id is not None
        return athlete.id, injury.id


def test_stage_sessions_and_readiness_checks_round_trip_apart(engine: Engine) -> None:
    athlete_id, injury_id = _injury(engine)
    check = ReadinessCheck(date(2026, 3, 1), 1, 2, 0, 3, notes="hop hurt a bit")
    first = RehabSession(date(2026, 3, 3), 1, 2, notes="windy")
    with unit_of_work(engine) as session:
        repository = RehabRepository(session)
        stored_check = repository.add_readiness(athlete_id, injury_id, check)
        stored = repository.add_session(athlete_id, injury_id, first)
        repository.add_session(athlete_id, injury_id, RehabSession(date(2026, 3, 2), 1, 0))
    with unit_of_work(engine) as session:
        repository = RehabRepository(session)
        assert repository.readiness(injury_id) == [stored_check]
        assert stored_check.id is not None and stored_check.failed == ("hop",)
        sessions = repository.sessions(injury_id)
        assert [s.date for s in sessions] == [date(2026, 3, 2), date(2026, 3, 3)]
        assert sessions[1] == stored and stored.notes == "windy"
        completed = repository.update_session(
            replace(stored, pain_next_morning=1, settled_24h=False)
        )
        # A readiness row keeps the worst test as its pain and each test's pain beside it.
        row = session.scalars(select(RehabLogRow).where(RehabLogRow.stage == 0)).one()
        assert row.pain_during == 3 and row.checks == {
            "walk": 1,
            "single_leg_squat": 2,
            "jog_on_spot": 0,
            "hop": 3,
        }
    with unit_of_work(engine) as session:
        assert RehabRepository(session).sessions(injury_id)[1] == completed
        assert completed.settled_24h is False and completed.pain_next_morning == 1
        assert RehabRepository(session).injury_ids_with_log(athlete_id) == [injury_id]


def test_a_readiness_row_cannot_be_updated_as_a_session(engine: Engine) -> None:
    athlete_id, injury_id = _injury(engine)
    with unit_of_work(engine) as session:
        repository = RehabRepository(session)
        check = repository.add_readiness(
            athlete_id, injury_id, ReadinessCheck(date(2026, 3, 1), 0, 0, 0, 0)
        )
        with pytest.raises(LookupError):
            repository.update_session(RehabSession(date(2026, 3, 1), 1, 0, id=check.id))


def test_injury_edits_are_written(engine: Engine) -> None:
    _, injury_id = _injury(engine)
    with unit_of_work(engine) as session:
        repository = RehabRepository(session)
        injury = repository.injury(injury_id)
        assert injury is not None
        repository.update_injury(
            replace(injury, severity=2, resolved=date(2026, 3, 1), days_off_running=20, notes="ok")
        )
        assert repository.injury(999) is None
    with unit_of_work(engine) as session:
        row = session.get(InjuryRow, injury_id)
        assert row is not None
        assert (row.severity, row.resolved, row.days_off_running, row.notes) == (
            2,
            date(2026, 3, 1),
            20,
            "ok",
        )


def test_deleting_an_injury_deletes_its_rehab_log(engine: Engine) -> None:
    athlete_id, injury_id = _injury(engine)
    with unit_of_work(engine) as session:
        RehabRepository(session).add_session(
            athlete_id, injury_id, RehabSession(date(2026, 3, 3), 1, 2)
        )
    with unit_of_work(engine) as session:
        row = session.get(InjuryRow, injury_id)
        session.delete(row)
    with unit_of_work(engine) as session:
        assert session.scalars(select(RehabLogRow)).all() == []


def test_migration_0004_adds_and_removes_the_rehab_log(any_blank_engine: Engine) -> None:
    migrate.upgrade(any_blank_engine, "0003")
    assert "rehab_log" not in inspect(any_blank_engine).get_table_names()
    migrate.upgrade(any_blank_engine, "0004")
    columns = {c["name"] for c in inspect(any_blank_engine).get_columns("rehab_log")}
    assert columns == {
        "id", "athlete_id", "injury_id", "date", "stage", "pain_during", "pain_next_morning",
        "pain_24h_settled", "checks", "notes",
    }  # fmt: skip
    migrate.downgrade(any_blank_engine, "0003")
    assert "rehab_log" not in inspect(any_blank_engine).get_table_names()
