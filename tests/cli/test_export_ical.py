"""`stridewell export ical`: the plan as a calendar file, read back with the icalendar package."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from icalendar import Calendar

from tests.cli.runner import Cli


def _plan(cli: Cli) -> dict[str, Any]:
    cli.ok("race", "add", "--name", "Spring Half", "--date", "2026-05-10", "--distance", "half",
           "--goal", "1:35:00")  # fmt: skip
    cli.ok("injury", "add", "--region", "it_band", "--side", "right", "--onset", "2025-09-01",
           "--resolved", "2025-10-15", "--severity", "5")  # fmt: skip
    return cli.json("plan", "generate", "--start", "2026-03-02", "--weeks", "6")["plan"]


def _events(ics: bytes) -> list[Any]:
    calendar = Calendar.from_ical(ics)
    assert calendar.name == "VCALENDAR"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Stridewell//")
    return list(calendar.walk("VEVENT"))


def test_every_run_and_strength_session_is_an_event_with_its_exercises_and_why(
    athlete_cli: Cli, tmp_path: Path
) -> None:
    plan = _plan(athlete_cli)
    target = tmp_path / "plan.ics"
    message = athlete_cli.ok("export", "ical", "--output", str(target)).stdout
    events = _events(target.read_bytes())
    sessions = [s for w in plan["weeks"] for s in w["sessions"] if s["kind"] != "rest"]
    assert message.strip() == f"Wrote {len(sessions)} sessions of plan 1 to {target}"
    assert len(events) == len(sessions)
    assert any(s["exercises"] for s in sessions) and any(s["run"] for s in sessions)
    by_day_title = {(e.decoded("DTSTART"), str(e["SUMMARY"])): e for e in events}
    for week in plan["weeks"]:
        for session in week["sessions"]:
            key = (date.fromisoformat(session["date"]), session["title"])
            if session["kind"] == "rest":
                assert key not in by_day_title
                continue
            event = by_day_title[key]
            description = str(event["DESCRIPTION"])
            assert session["why"] in description
            assert event.decoded("DTEND") == date.fromordinal(key[0].toordinal() + 1)
            categories = [str(c) for c in event["CATEGORIES"].cats]
            assert categories[:2] == [session["kind"], week["phase"]]
            for exercise in session["exercises"]:
                dose = f"{exercise['sets']}×{exercise['reps'] or str(exercise['hold_s']) + ' s'}"
                line = next(x for x in description.splitlines() if x.startswith(exercise["name"]))
                assert dose in line and exercise["intensity"] in line
                assert f"rest {exercise['rest_s']} s" in line and exercise["why"] in line
                assert ("each side" in line) == exercise["per_side"]
            if session["run"] is not None:
                assert f"{session['run']['distance_km']:g} km" in description
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids) and all(u.endswith("@stridewell") for u in uids)


def test_the_file_is_folded_and_escaped_as_rfc_5545_asks(athlete_cli: Cli) -> None:
    _plan(athlete_cli)
    ics = athlete_cli.ok("export", "ical").stdout_bytes
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.endswith(b"END:VCALENDAR\r\n")
    lines = ics.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75  # octets, continuation lines included
    assert any(line.startswith(b" ") for line in lines)  # long descriptions are folded
    assert b"\\," in ics and b"\\n" in ics  # commas and newlines in text are escaped
    for event in _events(ics):
        assert event.decoded("DTSTAMP").tzinfo is not None


def test_re_exporting_a_regenerated_plan_updates_the_same_events(athlete_cli: Cli) -> None:
    _plan(athlete_cli)
    first = {str(e["UID"]): e for e in _events(athlete_cli.ok("export", "ical").stdout_bytes)}
    athlete_cli.ok("plan", "regenerate", "--reason", "ill")
    second = {str(e["UID"]): e for e in _events(athlete_cli.ok("export", "ical").stdout_bytes)}
    kept = [uid for uid, e in first.items() if e.decoded("DTSTART") < date(2026, 3, 11)]
    later = [uid for uid, e in second.items() if e.decoded("DTSTART") >= date(2026, 3, 16)]
    assert kept and later and set(kept) <= set(second)
    assert all(int(second[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"]) for uid in kept)
    assert set(later) & set(first)  # the same day and kind keep their UID in the new plan


def test_no_plan_is_an_error(athlete_cli: Cli) -> None:
    assert "no plan yet" in athlete_cli.error("export", "ical")
