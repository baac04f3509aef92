from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.domain.strength_log import SetEntry, StrengthSession
from stridewell.domain.vocab import Side
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.plans import build_plan
from stridewell.services.strength_log import (
    count_strength_sessions,
    list_strength_sessions,
    log_strength_session,
    parse_set,
    read_session_file,
    strength_session_from_text,
    strength_session_to_dict,
)
from stridewell.store.models import PlannedSessionRow, PlanRow
from tests.conftest import TinyPlanner

YAML_SESSION = """\
# Tuesday gym
date: 2026-03-10
duration: 45:00
rpe: 7
notes: felt strong
sets:
  - {exercise: single-leg-rdl, side: left, reps: 10, load_kg: 12, rpe: 7}
  - {exercise: single-leg-rdl, side: right, reps: 10, load_kg: 12, rpe: 8}
  - {exercise: Side plank, side: both, hold_s: 30s}
"""
CSV_SESSION = """\
date,duration,session_rpe,notes,exercise,side,reps,load_kg,hold_s,rpe
2026-03-10,45,7,felt strong,single-leg-rdl,left,10,12,,7
,,,,single-leg-rdl,right,10,12,,8
2026-03-10,,,,side_plank,both,,,30,
"""


def _athlete_id(session: Session, today: date, name: str = "A") -> int:
    athlete = create_athlete(session, athlete_from_text(name=name, sex="F", birth_year=1990), today)
    assert athlete.id is not None
    return athlete.id


def test_a_session_from_set_specs_is_stored_and_listed_with_its_sets_in_order(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    typed = strength_session_from_text(
        day="2026-03-10",
        duration="0:45:00",
        rpe=7,
        set_specs=[
            "Goblet squat:both:10:16:7",
            "single-leg-rdl:left:10:12",
            "single-leg-rdl:r:10:12:8",
            "side-plank:left:hold=30s",
        ],
        notes=" new shoes ",
    )
    stored = log_strength_session(session, athlete_id, typed, today)
    assert stored.id is not None and len(stored.sets) == 4
    (listed,) = list_strength_sessions(session, athlete_id)
    assert listed == stored
    data = strength_session_to_dict(listed)
    assert data["date"] == "2026-03-10" and data["duration_s"] == 2700 and data["rpe"] == 7
    assert data["notes"] == "new shoes"
    assert data["tonnage_kg"] == 10 * 16 + 10 * 12 * 2
    assert [(s["exercise"], s["side"]) for s in data["sets"]] == [
        ("goblet-squat", "both"),  # typed as a name, stored as the library slug
        ("single-leg-rdl", "left"),
        ("single-leg-rdl", "right"),
        ("side-plank", "left"),
    ]
    assert data["sets"][0]["name"] == "Goblet squat"
    assert data["sets"][2]["rpe"] == 8 and data["sets"][3]["hold_s"] == 30


@pytest.mark.parametrize(
    ("spec", "entry"),
    [
        ("clamshell:left:15", SetEntry("clamshell", Side.LEFT, reps=15)),
        ("back-squat:both:5:80:8", SetEntry("back-squat", Side.BOTH, 5, 80.0, None, 8.0)),
        ("back-squat:both:5:80kg", SetEntry("back-squat", Side.BOTH, 5, 80.0)),
        ("clamshell:right:15::7", SetEntry("clamshell", Side.RIGHT, 15, None, None, 7.0)),
        ("side-plank:left:hold=30s", SetEntry("side-plank", Side.LEFT, hold_s=30)),
        ("side-plank:l:hold=45:rpe=6", SetEntry("side-plank", Side.LEFT, None, None, 45, 6.0)),
        ("step-up:right:reps=12:load=10", SetEntry("step-up", Side.RIGHT, 12, 10.0)),
    ],
)
def test_set_specs(spec: str, entry: SetEntry) -> None:
    assert parse_set(spec) == entry


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("clamshell", "expected exercise:side:reps"),
        ("clamshell:left", "expected exercise:side:reps"),
        ("clamshell:up:15", "unknown side 'up'"),
        ("clamshell:left:ten", "reps 'ten' is not a number"),
        ("clamshell:left:10.5", "reps '10.5' is not a whole number"),
        ("clamshell:left:10:0:7:9", "too many fields"),
        ("clamshell:left:tempo=3", "unknown field 'tempo'"),
        ("clamshel:left:15", "unknown exercise 'clamshel'; did you mean: clamshell"),
        ("clamshell:left:15:reps=12", "reps is given twice"),
    ],
)
def test_bad_set_specs_name_the_set(spec: str, words: str) -> None:
    with pytest.raises(ValidationError, match=f"set '{spec}': .*{words}"):
        parse_set(spec)


def test_yaml_and_csv_files_give_the_same_session(tmp_path: Path) -> None:
    yaml_file = tmp_path / "session.yaml"
    yaml_file.write_text(YAML_SESSION, encoding="utf-8")
    csv_file = tmp_path / "session.csv"
    csv_file.write_text(CSV_SESSION, encoding="utf-8")
    from_yaml = strength_session_from_text(file=yaml_file)
    from_csv = strength_session_from_text(file=csv_file)
    assert from_yaml == from_csv
    assert from_yaml.date == date(2026, 3, 10)
    assert from_yaml.duration_s == 2700  # "45:00" in YAML is a clock time, not 2700 minutes
    assert from_yaml.rpe == 7 and from_yaml.notes == "felt strong"
    assert [s.hold_s for s in from_yaml.sets] == [None, None, 30]
    assert from_yaml.sets[1] == SetEntry("single-leg-rdl", Side.RIGHT, 10, 12.0, None, 8.0)


def test_typed_values_win_over_the_file_and_typed_sets_come_after_its_sets(
    tmp_path: Path,
) -> None:
    yaml_file = tmp_path / "session.yml"
    yaml_file.write_text(YAML_SESSION, encoding="utf-8")
    merged = strength_session_from_text(
        file=yaml_file, day="2026-03-09", rpe=6, set_specs=["clamshell:left:15"]
    )
    assert merged.date == date(2026, 3, 9) and merged.rpe == 6
    assert merged.duration_s == 2700
    assert [s.exercise_slug for s in merged.sets][-1] == "clamshell"
    assert len(merged.sets) == 4


def test_without_a_date_anywhere_the_default_day_is_used_else_it_is_an_error() -> None:
    spec = ["clamshell:left:15"]
    assert strength_session_from_text(set_specs=spec, default_day=date(2026, 3, 1)).date == date(
        2026, 3, 1
    )
    with pytest.raises(ValidationError, match="needs a date"):
        strength_session_from_text(set_specs=spec)


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("s.yaml", "date: 2026-03-10\nsets: [{exercise: clamshell, reps: 10, tempo: 3}]\n",
         "s.yaml: set 1: unknown field 'tempo'"),
        ("s.yaml", "date: 2026-03-10\nload: 3\n", "s.yaml: unknown field 'load'"),
        ("s.yaml", "date: [2026\n", "s.yaml: not valid YAML at line"),
        ("s.yaml", "- just a list\n", "expected a mapping"),
        ("s.yaml", "sets: [{side: left, reps: 10}]\n", "set 1: the exercise is missing"),
        ("s.yaml", "sets: [{exercise: clamshell, side: up, reps: 10}]\n",
         r"set 1 \(clamshell\): unknown side 'up'"),
        ("s.csv", "exercise,side,weight\nclamshell,left,3\n", "unknown column 'weight'"),
        ("s.csv", "date,exercise,reps\n2026-03-10,clamshell,10\n2026-03-11,clamshell,10\n",
         "row 2: date '2026-03-11' differs from '2026-03-10'"),
        ("s.csv", "date,reps\n2026-03-10,10\n", "needs an `exercise` column"),
        ("s.txt", "date: 2026-03-10\n", "must end in .yaml, .yml or .csv"),
    ],
)  # fmt: skip
def test_bad_session_files_are_refused_with_one_line(
    tmp_path: Path, name: str, text: str, words: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match=words) as caught:
        read_session_file(path)
    assert "\n" not in str(caught.value)


def test_a_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="cannot read"):
        read_session_file(tmp_path / "nowhere.yaml")


def test_one_bad_set_stores_nothing(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    typed = strength_session_from_text(
        day="2026-03-10", set_specs=["clamshell:left:15", "clamshell:right:101"]
    )
    with pytest.raises(ValidationError, match="clamshell: reps 101 must be 1 to 100"):
        log_strength_session(session, athlete_id, typed, today)
    assert list_strength_sessions(session, athlete_id) == []


def _planned_ids(session: Session, athlete_id: int) -> dict[str, int]:
    query = (
        select(PlannedSessionRow.kind, PlannedSessionRow.id)
        .join(PlanRow)
        .where(PlanRow.athlete_id == athlete_id)
        .order_by(PlannedSessionRow.id)
    )
    ids: dict[str, int] = {}
    for kind, row_id in session.execute(query):
        ids.setdefault(kind, row_id)
    return ids


def test_a_session_may_name_the_planned_strength_session_it_fulfils(
    session: Session, today: date, tiny_planner: TinyPlanner
) -> None:
    athlete_id = _athlete_id(session, today)
    other_id = _athlete_id(session, today, "B")
    build_plan(session, athlete_id, today, planner=tiny_planner)
    build_plan(session, other_id, today, planner=tiny_planner)
    mine, theirs = _planned_ids(session, athlete_id), _planned_ids(session, other_id)

    def typed(planned: int) -> StrengthSession:
        return strength_session_from_text(
            day="2026-03-10", set_specs=["clamshell:left:15"], planned_session_id=planned
        )

    stored = log_strength_session(session, athlete_id, typed(mine["strength"]), today)
    assert stored.planned_session_id == mine["strength"]
    with pytest.raises(NotFoundError, match="no planned session with id"):
        log_strength_session(session, athlete_id, typed(theirs["strength"]), today)
    with pytest.raises(NotFoundError, match="no planned session with id 9999"):
        log_strength_session(session, athlete_id, typed(9999), today)
    with pytest.raises(ValidationError, match="is a run session, not a strength session"):
        log_strength_session(session, athlete_id, typed(mine["run"]), today)
    assert len(list_strength_sessions(session, athlete_id)) == 1


def test_listing_can_be_limited_to_a_date_range(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    for day in ("2026-03-01", "2026-03-05", "2026-03-10"):
        log_strength_session(
            session,
            athlete_id,
            strength_session_from_text(day=day, set_specs=["clamshell:left:15"]),
            today,
        )
    listed = list_strength_sessions(session, athlete_id, date(2026, 3, 2), date(2026, 3, 10))
    assert [s.date.isoformat() for s in listed] == ["2026-03-05", "2026-03-10"]


def test_a_page_of_sessions_comes_from_the_database_with_the_total(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    for day in range(1, 8):
        strength = strength_session_from_text(
            day=f"2026-03-0{day}", duration="30", rpe=6, set_specs=[f"glute-bridge:both:{day}"]
        )
        log_strength_session(session, athlete_id, strength, today)
    page = list_strength_sessions(session, athlete_id, limit=3, offset=2)
    assert [s.date.day for s in page] == [3, 4, 5]
    assert [s.sets[0].reps for s in page] == [3, 4, 5]  # each page row carries its own sets
    assert count_strength_sessions(session, athlete_id) == 7
    assert count_strength_sessions(session, athlete_id, start=date(2026, 3, 6)) == 2
