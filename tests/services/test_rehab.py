from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.domain.rehab import LAST_STAGE, Gate, ReadinessCheck
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import add_injury, injury_from_text
from stridewell.services.plans import build_plan
from stridewell.services.rehab import (
    choose_injury,
    log_readiness,
    log_rehab_session,
    rehab_report,
    rehab_report_to_dict,
    yes_no,
)


def _athlete_id(session: Session, today: date, name: str = "A") -> int:
    athlete = create_athlete(
        session,
        athlete_from_text(
            name=name, sex="F", birth_year=1988, weekly_km=40, days="tue,thu,sat,sun"
        ),
        today,
    )
    assert athlete.id is not None
    return athlete.id


def _injury_id(session: Session, athlete_id: int, today: date, **text: object) -> int:
    values: dict[str, object] = {"region": "it_band", "side": "right", "onset": "2026-02-01",
                                 "severity": 6, **text}  # fmt: skip
    injury = add_injury(session, athlete_id, injury_from_text(**values), today)  # type: ignore[arg-type]
    assert injury.id is not None
    return injury.id


def _ready(session: Session, athlete_id: int, injury_id: int, today: date) -> None:
    log_readiness(
        session, athlete_id, injury_id, ReadinessCheck(date(2026, 3, 1), 1, 2, 0, 1), today
    )


def test_the_default_injury_is_the_latest_one_a_return_to_run_is_about(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    with pytest.raises(NotFoundError, match="no injury recorded yet"):
        choose_injury(session, athlete_id, None, today)
    _injury_id(session, athlete_id, today, onset="2025-01-01", resolved="2025-01-10")
    with pytest.raises(NotFoundError, match="no injury needs a return to run"):
        choose_injury(session, athlete_id, None, today)
    long_off = _injury_id(session, athlete_id, today, onset="2025-06-01", resolved="2025-07-01",
                          days_off_running=21)  # fmt: skip
    assert choose_injury(session, athlete_id, None, today).id == long_off
    active = _injury_id(session, athlete_id, today, onset="2026-02-01")
    assert choose_injury(session, athlete_id, None, today).id == active
    assert choose_injury(session, athlete_id, long_off, today).id == long_off


def test_another_athletes_injury_is_not_found(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    other_injury = _injury_id(session, _athlete_id(session, today, "B"), today)
    with pytest.raises(NotFoundError, match=f"no injury with id {other_injury} for this athlete"):
        rehab_report(session, athlete_id, today, other_injury)


def test_a_return_from_readiness_through_the_stages(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    injury_id = _injury_id(session, athlete_id, today)
    report = rehab_report(session, athlete_id, today)
    assert report.injury.id == injury_id and report.status.stage == 0

    failed = log_readiness(
        session, athlete_id, injury_id, ReadinessCheck(date(2026, 2, 26), 1, 4, 0, 1), today
    )
    assert failed.status.stage == 0 and "single leg squat" in failed.status.next_action
    _ready(session, athlete_id, injury_id, today)

    # Logged in the evening, completed the next morning.
    first, report = log_rehab_session(
        session, athlete_id, injury_id, today, day=date(2026, 3, 3), stage=1, pain_during=1
    )
    assert report.status.history[-1].result.gate is Gate.PENDING
    completed, report = log_rehab_session(
        session, athlete_id, injury_id, today, day=date(2026, 3, 3), stage=1,
        pain_next_morning=0, settled_24h=True,
    )  # fmt: skip
    assert completed.id == first.id and completed.pain_during == 1
    assert report.status.history[-1].result.gate is Gate.GREEN
    assert (report.status.stage, report.status.green_sessions) == (1, 1)

    _, report = log_rehab_session(
        session, athlete_id, injury_id, today, day=date(2026, 3, 5), stage=1, pain_during=2,
        pain_next_morning=0, settled_24h=True,
    )  # fmt: skip
    assert (report.status.stage, report.status.green_sessions) == (2, 0)

    _, report = log_rehab_session(
        session, athlete_id, injury_id, today, day=date(2026, 3, 7), stage=2, pain_during=6,
        pain_next_morning=3, settled_24h=False,
    )  # fmt: skip
    assert report.status.stage == 1
    data = rehab_report_to_dict(report, today)
    assert [row["gate"] for row in data["history"]] == ["green", "green", "red"]
    assert [row["stage_after"] for row in data["history"]] == [1, 2, 1]
    assert data["history"][-1]["reasons"][0] == "pain during was 6/10, above 5/10"
    assert data["readiness_passed"] is True and data["readiness"][0]["failed"] == [
        "single_leg_squat"
    ]
    assert data["next_date"] == "2026-03-09"
    assert data["stages"][0] == {
        "stage": 1,
        "description": "walk 4 min / jog 2 min, 5 times (30 min)",
    }


def test_stage_skipping_is_refused_and_nothing_is_stored(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    injury_id = _injury_id(session, athlete_id, today)
    with pytest.raises(ValidationError, match="pass the readiness checks first"):
        log_rehab_session(session, athlete_id, injury_id, today, day=date(2026, 3, 3), stage=1,
                          pain_during=1)  # fmt: skip
    _ready(session, athlete_id, injury_id, today)
    with pytest.raises(ValidationError, match="stage 3 is not unlocked yet: you are at stage 1"):
        log_rehab_session(session, athlete_id, injury_id, today, day=date(2026, 3, 3), stage=3,
                          pain_during=1)  # fmt: skip
    assert rehab_report(session, athlete_id, today).status.history == ()


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"day": date(2026, 1, 31)}, "before the injury's onset 2026-02-01"),
        ({"day": date(2026, 3, 12)}, "is in the future"),
        ({"day": date(2026, 3, 11), "pain_next_morning": 0}, "has not come yet"),
        ({"pain_during": None}, "needs its pain during"),
        ({"pain_during": 11}, "pain during 11 must be 0 to 10"),
        ({"stage": 9}, f"stage 9 must be 1 to {LAST_STAGE}"),
    ],
)
def test_impossible_rehab_sessions_are_refused(
    session: Session, today: date, values: dict[str, object], words: str
) -> None:
    athlete_id = _athlete_id(session, today)
    injury_id = _injury_id(session, athlete_id, today)
    _ready(session, athlete_id, injury_id, today)
    arguments: dict[str, object] = {"day": date(2026, 3, 3), "stage": 1, "pain_during": 1,
                                    **values}  # fmt: skip
    with pytest.raises(ValidationError, match=words):
        log_rehab_session(session, athlete_id, injury_id, today, **arguments)  # type: ignore[arg-type]


def test_readiness_pains_and_dates_are_checked(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    injury_id = _injury_id(session, athlete_id, today)
    with pytest.raises(ValidationError, match="walk pain 12 must be 0 to 10"):
        log_readiness(session, athlete_id, injury_id, ReadinessCheck(date(2026, 3, 1), 12, 0, 0, 0),
                      today)  # fmt: skip
    with pytest.raises(ValidationError, match="before the injury's onset"):
        log_readiness(session, athlete_id, injury_id, ReadinessCheck(date(2026, 1, 1), 0, 0, 0, 0),
                      today)  # fmt: skip


def test_a_return_to_run_logged_before_1970_is_a_typing_slip(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    injury_id = _injury_id(session, athlete_id, today, onset="1960-05-01")
    with pytest.raises(ValidationError, match="^date 1965-01-01 is before 1970$"):
        log_readiness(session, athlete_id, injury_id, ReadinessCheck(date(1965, 1, 1), 0, 0, 0, 0),
                      today)  # fmt: skip
    with pytest.raises(ValidationError, match="^date 1965-01-02 is before 1970$"):
        log_rehab_session(session, athlete_id, injury_id, today, day=date(1965, 1, 2), stage=1,
                          pain_during=0)  # fmt: skip


def test_the_report_points_at_the_plans_return_to_run_strength_work(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    injury_id = _injury_id(session, athlete_id, today)
    before = rehab_report(session, athlete_id, today, injury_id)
    assert before.strength.weeks == ()
    assert "stridewell plan generate" in before.strength.message
    build_plan(session, athlete_id, today, weeks=8)  # the real planner: it sees the active injury
    after = rehab_report_to_dict(rehab_report(session, athlete_id, today, injury_id), today)
    weeks = after["strength"]["weeks"]
    assert weeks and after["strength"]["phase"] == "return_to_run"
    assert all(week["strength_sessions"] >= 2 for week in weeks)
    assert f"{len(weeks)} weeks from {weeks[0]['week_start']}" in after["strength"]["message"]


def test_yes_no() -> None:
    assert yes_no("Yes", "settled") is True and yes_no("n", "settled") is False
    with pytest.raises(ValidationError, match="settled must be yes or no, not 'maybe'"):
        yes_no("maybe", "settled")
