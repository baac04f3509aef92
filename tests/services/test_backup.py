"""The JSON backup: export then import into an empty database gives back every row of every table.

The comparison is generic over the store's tables, so a table added by a later migration is
covered without touching this file: the fixture fills any table it does not know with a row made
from the column types, and a check insists that every table holds at least one row.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Engine, Integer, func, insert, select, text
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity, BestEffort, Lap, Streams
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.backup import (
    BackupError,
    column_kind,
    decode_value,
    encode_value,
    read_backup,
    restore_backup,
    write_backup,
)
from stridewell.services.injuries import add_injury, injury_from_text
from stridewell.services.plans import build_plan
from stridewell.services.races import add_race, race_from_text
from stridewell.store.db import session_factory
from stridewell.store.migrate import upgrade
from stridewell.store.models import (
    Base,
    CoachAthleteRow,
    InjuryRow,
    PlannedSessionRow,
    RaceRow,
    SetEntryRow,
    SorenessRow,
    StrengthSessionRow,
    UserRow,
)
from stridewell.store.repositories import ActivityRepository
from tests.conftest import TODAY, database

EXPORTED = datetime(2026, 3, 11, 20, 15, 1, 250000, tzinfo=UTC)
PAIRS = [
    pytest.param("sqlite", "sqlite", id="sqlite-to-sqlite"),
    pytest.param("postgres", "postgres", id="postgres-to-postgres", marks=pytest.mark.postgres),
    pytest.param("sqlite", "postgres", id="sqlite-to-postgres", marks=pytest.mark.postgres),
    pytest.param("postgres", "sqlite", id="postgres-to-sqlite", marks=pytest.mark.postgres),
]


@pytest.fixture
def migrated() -> Iterator[Any]:
    """A factory of migrated, empty databases on either backend (closed after the test)."""
    stack: list[Any] = []

    def make(backend: str) -> Engine:
        context = database(backend)
        engine = context.__enter__()
        stack.append(context)
        upgrade(engine)
        return engine

    yield make
    for context in reversed(stack):
        context.__exit__(None, None, None)


def fill_everything(session: Session) -> None:
    """Rows in every table, with the awkward values: None, unicode, exact floats, JSON, bytes,
    aware times with microseconds, ids with gaps."""
    ada = create_athlete(
        session,
        athlete_from_text(name="Zoë Ødegård “Ada”", sex="F", birth_year=1988, weekly_km=42.5,
                          equipment="band,dumbbell", days="tue,thu,sun", max_hr=187,
                          timezone="Europe/Oslo"),
        TODAY,
    )  # fmt: skip
    bo = create_athlete(session, athlete_from_text(name="Bo", sex="M", birth_year=1979), TODAY)
    assert ada.id is not None and bo.id is not None
    injury = add_injury(
        session,
        ada.id,
        injury_from_text(region="it_band", side="right", onset="2025-04-02",
                         resolved="2025-05-10", severity=6, days_off_running=21,
                         notes="after a hilly half; line one\nline two"),
        TODAY,
    )  # fmt: skip
    gap = add_injury(
        session, ada.id, injury_from_text(region="knee", side="left", onset="2026-01-01",
                                          severity=2), TODAY,
    )  # fmt: skip
    add_injury(
        session, ada.id, injury_from_text(region="hip", side="both", onset="2026-02-01",
                                          severity=3), TODAY,
    )  # fmt: skip
    session.delete(session.get(InjuryRow, gap.id))  # ids 1 and 3 remain: a gap to preserve
    session.flush()
    assert injury.id is not None
    t = np.arange(0.0, 120.0)
    hr = 120 + 30 * np.sin(t / 17)
    hr[5:9] = np.nan  # dropouts
    activity = Activity(
        source_kind="fit",
        sport="running",
        start_utc=datetime(2026, 3, 1, 7, 3, 4, 567891, tzinfo=UTC),
        tz_offset_s=-18000,
        elapsed_s=119.0,
        moving_s=None,
        distance_m=0.1 + 0.2,  # 0.30000000000000004: must come back to the last bit
        avg_hr=float(np.nanmean(hr)),
        name="Morgenlauf ☀",
        streams=Streams({"t": t, "distance": t * 3.1, "hr": hr, "lat": 59.9 + t * 1e-7}),
        laps=(
            Lap(
                start_utc=datetime(2026, 3, 1, 7, 3, 4, 567891, tzinfo=UTC),
                elapsed_s=119.0,
                distance_m=372.0,
                avg_hr=None,
            ),
        ),  # fmt: skip
        best_efforts=(
            BestEffort(distance_m=400.0, label="400m", time_s=1e-3 + 118.0, start_offset_s=0.5),
        ),  # fmt: skip
        hr_zone_s=(10.0, 20.5, 0.0, 88.25, 0.0),
        notes=("salvaged: file truncated at byte 768",),
    )
    activity_id = ActivityRepository(session).add(
        ada.id, activity, source_sha256="ab" * 32, source_path="runs/2026-03-01.fit", load=41.7,
        imported_utc=datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1))),
    )  # fmt: skip
    ActivityRepository(session).add(
        bo.id, Activity(source_kind="manual", sport="cycling",
                        start_utc=datetime(2026, 3, 3, 17, 0, tzinfo=UTC)),
    )  # fmt: skip
    race = add_race(
        session, ada.id, race_from_text(name="Oslo Half", race_date="2025-09-20",
                                        distance="half", result="1:38:12"), TODAY,
    )  # fmt: skip
    session.get(RaceRow, race.id).activity_id = activity_id  # type: ignore[union-attr]
    add_race(
        session, ada.id, race_from_text(name="Goal", race_date="2026-06-07", distance="marathon",
                                        goal="3:20:00"), TODAY,
    )  # fmt: skip
    build_plan(session, ada.id, TODAY, weeks=2)
    planned_id = session.scalar(
        select(PlannedSessionRow.id).where(PlannedSessionRow.kind == "strength").limit(1)
    )
    coach = UserRow(email="coach@example.org", password_hash="$argon2id$v=19$x", role="coach",
                    athlete_id=None, created_utc=datetime(2026, 1, 1, tzinfo=UTC))  # fmt: skip
    runner = UserRow(email="ada@example.org", password_hash="$argon2id$v=19$y", role="athlete",
                     athlete_id=ada.id, created_utc=datetime(2026, 1, 2, tzinfo=UTC))  # fmt: skip
    session.add_all([coach, runner])
    session.flush()
    session.add(CoachAthleteRow(coach_id=coach.id, athlete_id=ada.id))
    lift = StrengthSessionRow(
        athlete_id=ada.id,
        date=date(2026, 3, 3),
        planned_session_id=planned_id,
        duration_s=2700,
        rpe=7.5,
        notes="",
    )
    lift.sets = [
        SetEntryRow(exercise_slug="clamshell", order=0, side="L", reps=15, load_kg=None,
                    hold_s=None, rpe=7.0),
        SetEntryRow(exercise_slug="side_plank", order=1, side="both", reps=None, load_kg=2.5,
                    hold_s=30, rpe=None),
    ]  # fmt: skip
    session.add(lift)
    session.add(SorenessRow(athlete_id=ada.id, date=date(2026, 3, 2), context="morning",
                            region="quad", side="both", score=4))  # fmt: skip
    session.flush()
    for table in Base.metadata.sorted_tables:
        if not session.scalar(select(func.count()).select_from(table)):
            synthesize_row(session, table)
    session.flush()


def synthesize_row(session: Session, table: Any) -> None:
    """One row for a table the fixture does not know, from its column types."""
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.foreign_keys:
            (foreign_key,) = column.foreign_keys
            values[column.name] = session.scalar(select(foreign_key.column).limit(1))
        elif column.primary_key and isinstance(column.type, Integer):
            continue
        else:
            values[column.name] = sample_value(column)
    session.execute(insert(table).values(**values))


def sample_value(column: Column[Any]) -> Any:
    return {
        "datetime": datetime(2026, 3, 1, 6, 30, 15, 123456, tzinfo=UTC),
        "date": date(2026, 2, 28),
        "binary": bytes(range(256)),
        "json": {"nested": [1, 2.5, None, "ü"]},
        "boolean": True,
        "float": 0.1 + 0.2,
        "integer": 3,
        "text": "ü",
    }.get(column_kind(column.type), None)


def all_rows(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, by primary key, with binary values as bytes."""
    rows = {}
    for table in Base.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        rows[table.name] = [
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
            for row in session.execute(query)
        ]
    return rows


def export_text(session: Session) -> str:
    out = io.StringIO()
    write_backup(session, out, EXPORTED)
    return out.getvalue()


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_export_then_import_gives_back_every_row_of_every_table(
    migrated: Any, source: str, target: str
) -> None:
    with session_factory(migrated(source))() as session:
        fill_everything(session)
        session.commit()
        before = all_rows(session)
        backup = export_text(session)
    assert all(before.values()), [name for name, rows in before.items() if not rows]
    target_engine = migrated(target)
    with session_factory(target_engine)() as session:
        summary = restore_backup(session, read_backup(io.StringIO(backup)))
        session.commit()
    assert summary.rows == {name: len(rows) for name, rows in before.items()}
    with session_factory(target_engine)() as session:
        after = all_rows(session)
        for name in before:
            assert after[name] == before[name], name
        # Same bytes again: nothing was lost or reshaped on the way.
        assert export_text(session) == backup
        # New rows get fresh ids after the imported ones (PostgreSQL sequences moved on).
        new = create_athlete(session, athlete_from_text(name="New", sex="X", birth_year=2000),
                             TODAY)  # fmt: skip
        assert new.id == max(row[0] for row in before["athlete"]) + 1


@pytest.mark.postgres
def test_every_postgres_sequence_moves_past_the_imported_ids(migrated: Any) -> None:
    with session_factory(migrated("sqlite"))() as session:
        fill_everything(session)
        before = all_rows(session)
        backup = export_text(session)
    with session_factory(migrated("postgres"))() as session:
        restore_backup(session, read_backup(io.StringIO(backup)))
        checked = 0
        for table in Base.metadata.sorted_tables:
            key = list(table.primary_key.columns)
            if len(key) != 1 or key[0].foreign_keys:
                continue
            next_id = session.scalar(
                text("SELECT nextval(pg_get_serial_sequence(:t, 'id'))"),
                {"t": f'"{table.name}"'},
            )
            assert next_id > max(row[0] for row in before[table.name]), table.name
            checked += 1
        assert checked >= 10


def test_the_backup_is_strict_json_with_its_format_and_readable_values(
    sqlite_engine: Engine,
) -> None:
    with session_factory(sqlite_engine)() as session:
        fill_everything(session)
        data = json.loads(export_text(session), parse_constant=pytest.fail)
    assert data["format"] == "stridewell-backup" and data["format_version"] == 1
    assert data["exported_utc"] == "2026-03-11T20:15:01.250000+00:00"
    assert data["schema_revision"]
    activity = data["tables"]["activity"]
    first = dict(zip(activity["columns"], activity["rows"][0], strict=True))
    assert first["start_utc"] == "2026-03-01T07:03:04.567891+00:00"
    assert first["distance_m"] == 0.30000000000000004 and first["moving_s"] is None
    assert first["hr_zone_s"] == [10.0, 20.5, 0.0, 88.25, 0.0]
    stream = data["tables"]["activity_stream"]["rows"][0]
    assert stream[2].startswith("U1dT")  # base64 of the b"SWS" blob header
    # Every table, each after the tables it refers to, so an import can go in file order.
    names = list(data["tables"])
    assert set(names) == set(Base.metadata.tables)
    for table in Base.metadata.sorted_tables:
        for foreign_key in table.foreign_keys:
            assert names.index(foreign_key.column.table.name) < names.index(table.name)


def test_a_database_that_holds_anything_is_refused_and_left_alone(sqlite_engine: Engine) -> None:
    with session_factory(sqlite_engine)() as session:
        fill_everything(session)
        backup = read_backup(io.StringIO(export_text(session)))
        session.commit()
        before = all_rows(session)
    with session_factory(sqlite_engine)() as session:
        with pytest.raises(BackupError, match=r"not empty \(2 athlete"):
            restore_backup(session, backup)
        session.rollback()
        assert all_rows(session) == before


def test_a_failed_import_leaves_nothing_behind(migrated: Any) -> None:
    with session_factory(migrated("sqlite"))() as session:
        fill_everything(session)
        backup = read_backup(io.StringIO(export_text(session)))
    # A soreness row pointing at an athlete that is not in the backup.
    soreness = backup["tables"]["soreness"]
    soreness["rows"][0][soreness["columns"].index("athlete_id")] = 99
    engine = migrated("sqlite")
    with session_factory(engine)() as session, pytest.raises(BackupError, match="soreness"):
        with session.begin():
            restore_backup(session, backup)
    with session_factory(engine)() as session:
        assert not any(all_rows(session).values())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b["tables"].update(coach_notes={"columns": [], "rows": []}),
         "does not know \\(coach_notes\\)"),
        (lambda b: b["tables"]["athlete"]["columns"].append("shoe_size"),
         "columns this Stridewell does not know \\(shoe_size\\)"),
        (lambda b: b["tables"]["athlete"]["rows"][0].__setitem__(3, "1988"),
         "row 1 of table athlete, column birth_year: '1988' is not a whole number"),
        (lambda b: b["tables"]["activity"]["rows"][0].__setitem__(8, "2026-03-01T07:03:04"),
         "column start_utc: time .* has no UTC offset"),
        (lambda b: b["tables"]["lap"]["rows"].append([1]), "row 2 of table lap does not match"),
    ],
)  # fmt: skip
def test_a_damaged_backup_is_refused_with_the_place_named(
    migrated: Any, change: Any, message: str
) -> None:
    with session_factory(migrated("sqlite"))() as session:
        fill_everything(session)
        backup = read_backup(io.StringIO(export_text(session)))
    change(backup)
    with (
        session_factory(migrated("sqlite"))() as session,
        pytest.raises(BackupError, match=message),
    ):
        restore_backup(session, backup)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "something-else", "tables": {}}', "not a Stridewell backup"),
        ('{"format": "stridewell-backup", "format_version": 9, "tables": {}}', "upgrade"),
        ('{"format": "stridewell-backup", "format_version": 1, "tables": {"athlete": NaN}}',
         "NaN is not valid JSON"),
    ],
)  # fmt: skip
def test_files_that_are_not_backups_are_refused(content: str, message: str) -> None:
    with pytest.raises(BackupError, match=message):
        read_backup(io.StringIO(content))


def test_an_older_backup_imports_and_missing_columns_take_their_defaults(migrated: Any) -> None:
    with session_factory(migrated("sqlite"))() as session:
        fill_everything(session)
        backup = read_backup(io.StringIO(export_text(session)))
    # As made before migration 0003 (no source_index) and 0004 (no rehab log).
    del backup["tables"]["rehab_log"]
    activity = backup["tables"]["activity"]
    index = activity["columns"].index("source_index")
    del activity["columns"][index]
    for row in activity["rows"]:
        del row[index]
    engine = migrated("sqlite")
    with session_factory(engine)() as session:
        summary = restore_backup(session, backup)
        assert "rehab_log" not in summary.rows
        rows = all_rows(session)
    assert rows["rehab_log"] == []
    assert [row[4] for row in rows["activity"]] == [0, 0]


ALL_COLUMNS = [column for table in Base.metadata.sorted_tables for column in table.columns]
VALUES = {
    "datetime": st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    "date": st.dates(),
    "binary": st.binary(max_size=64),
    "json": st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
        max_leaves=8,
    ),
    "boolean": st.booleans(),
    "float": st.floats(allow_nan=True, allow_infinity=True),
    "integer": st.integers(-(2**31), 2**31 - 1),
    "text": st.text(),
}


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_column_value_survives_encoding_as_strict_json(data: st.DataObject) -> None:
    column = data.draw(st.sampled_from(ALL_COLUMNS))
    kind = column_kind(column.type)
    assert kind in VALUES, f"{column.table.name}.{column.name} has no backup encoding"
    value = data.draw(VALUES[kind] | st.none())
    encoded = json.loads(json.dumps(encode_value(column, value), allow_nan=False))
    back = decode_value(column, encoded)
    if isinstance(value, float) and math.isnan(value):
        assert isinstance(back, float) and math.isnan(back)
    else:
        assert back == value and type(back) is type(value)
