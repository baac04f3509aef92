"""Return-to-run rules (docs/science.md#return_to_run, #silbernagel2007)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.domain.athletes import ValidationError
from stridewell.domain.planning.rules import RETURN_STAGES
from stridewell.domain.rehab import (
    CLEARED_STAGE,
    LAST_STAGE,
    READINESS_STAGE,
    STAGES,
    Gate,
    ReadinessCheck,
    RehabSession,
    check_can_log,
    judge,
    rehab_status,
)

DAY0 = date(2026, 3, 2)
READY = ReadinessCheck(DAY0, walk_pain=1, single_leg_squat_pain=2, jog_on_spot_pain=0, hop_pain=1)


def run(day: int, stage: int, during: int = 1, morning: int | None = 0, settled: bool | None = True
        ) -> RehabSession:  # fmt: skip
    return RehabSession(DAY0 + timedelta(days=day), stage, during, morning, settled, id=day + 1)


def green_ladder(stage_count: int) -> list[RehabSession]:
    """Two green sessions per stage, every other day, through `stage_count` stages."""
    sessions = []
    day = 1
    for stage in range(1, stage_count + 1):
        for _ in range(2):
            sessions.append(run(day, stage))
            day += 2
    return sessions


def test_the_stages_are_the_planners_walk_run_ladder() -> None:
    assert [(s.walk_min, s.jog_min, s.repeats) for s in STAGES] == list(RETURN_STAGES)
    assert STAGES[0].description == "walk 4 min / jog 2 min, 5 times (30 min)"
    assert STAGES[-1].description == "30 min continuous easy jogging"
    assert CLEARED_STAGE == len(RETURN_STAGES) + 1


# --- readiness ---------------------------------------------------------------------------------


def test_without_readiness_checks_the_runner_is_told_to_do_them() -> None:
    status = rehab_status([], [])
    assert status.stage == READINESS_STAGE and not status.readiness_passed
    assert "readiness checks" in status.next_action
    assert "30-minute" in status.next_action and "hopping" in status.next_action
    assert status.next_date is None


def test_a_readiness_test_above_2_of_10_fails_and_names_the_test() -> None:
    check = ReadinessCheck(DAY0, walk_pain=2, single_leg_squat_pain=3, jog_on_spot_pain=0,
                           hop_pain=4)  # fmt: skip
    assert not check.passed and check.failed == ("single_leg_squat", "hop")
    status = rehab_status([check], [])
    assert status.stage == READINESS_STAGE
    assert "single leg squat, hop hurt more than 2/10" in status.next_action


def test_passed_readiness_unlocks_stage_1() -> None:
    status = rehab_status([READY], [])
    assert status.stage == 1 and status.readiness_passed
    assert "Do stage 1: walk 4 min / jog 2 min" in status.next_action
    assert "session 1 of 2" in status.next_action


def test_stage_1_cannot_be_logged_before_readiness_is_passed() -> None:
    failed = ReadinessCheck(DAY0, 1, 5, 1, 1)
    with pytest.raises(ValidationError, match="pass the readiness checks first"):
        check_can_log([failed], [], run(1, 1))
    # Readiness passed later than the session's date does not count for it either.
    later = ReadinessCheck(DAY0 + timedelta(days=5), 0, 0, 0, 0)
    with pytest.raises(ValidationError, match="readiness"):
        check_can_log([later], [], run(1, 1))
    check_can_log([READY], [], run(1, 1))


def test_readiness_pains_are_0_to_10() -> None:
    with pytest.raises(ValidationError, match="hop pain 11 must be 0 to 10"):
        ReadinessCheck(DAY0, 0, 0, 0, 11).validate()


def test_notes_are_at_most_2000_characters() -> None:
    with pytest.raises(ValidationError, match="at most 2,000") as caught:
        ReadinessCheck(DAY0, 0, 0, 0, 0, notes="n" * 2001).validate()
    assert caught.value.field == "notes"
    with pytest.raises(ValidationError, match="at most 2,000"):
        RehabSession(DAY0, 1, 1, notes="n" * 2001).validate()
    RehabSession(DAY0, 1, 1, notes="n" * 2000).validate()


# --- the gates of one session ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("during", "morning", "settled", "gate"),
    [
        (0, 0, True, Gate.GREEN),
        (2, 2, True, Gate.GREEN),  # 2/10 is still the safe band
        (3, 0, True, Gate.AMBER),
        (5, 0, True, Gate.AMBER),  # Silbernagel's ceiling: acceptable, but not progress
        (6, 0, True, Gate.RED),
        (1, 0, False, Gate.RED),  # not settled within 24 h
        (1, 4, True, Gate.AMBER),
        (1, 6, True, Gate.RED),
        (1, None, None, Gate.PENDING),
        (1, 0, None, Gate.PENDING),
        (7, None, None, Gate.RED),  # red does not wait for the next morning
    ],
)
def test_pain_gates(during: int, morning: int | None, settled: bool | None, gate: Gate) -> None:
    assert judge(run(1, 1, during, morning, settled)).gate is gate


def test_a_rise_in_next_morning_pain_is_amber() -> None:
    first = run(1, 1, morning=1)
    result = judge(run(3, 1, morning=2), previous=first)
    assert result.gate is Gate.AMBER
    assert result.reasons == ("next-morning pain rose from 1/10 to 2/10",)
    assert judge(run(3, 1, morning=1), previous=first).gate is Gate.GREEN


def test_no_rest_day_since_the_last_session_is_amber() -> None:
    result = judge(run(2, 1), previous=run(1, 1))
    assert result.gate is Gate.AMBER
    assert "no rest day since the session on 2026-03-03" in result.reasons[0]


# --- progression over sessions -----------------------------------------------------------------


def test_two_green_sessions_unlock_the_next_stage() -> None:
    status = rehab_status([READY], [run(1, 1)])
    assert (status.stage, status.green_sessions) == (1, 1)
    assert "session 2 of 2" in status.next_action
    status = rehab_status([READY], [run(1, 1), run(3, 1)])
    assert (status.stage, status.green_sessions) == (2, 0)
    assert "Do stage 2: walk 3 min / jog 3 min" in status.next_action
    assert status.next_date == DAY0 + timedelta(days=5)  # a rest day after the last session


def test_an_amber_session_repeats_the_stage_and_needs_two_greens_in_a_row() -> None:
    sessions = [run(1, 1), run(3, 1, during=4), run(5, 1)]
    status = rehab_status([READY], sessions)
    assert (status.stage, status.green_sessions) == (1, 1)
    assert [o.result.gate for o in status.history] == [Gate.GREEN, Gate.AMBER, Gate.GREEN]
    status = rehab_status([READY], [run(1, 1), run(3, 1, during=4)])
    assert status.next_action.startswith("Repeat stage 1")
    assert "pain during was 4/10" in status.next_action


def test_a_red_session_steps_back_one_stage() -> None:
    sessions = [*green_ladder(2), run(9, 3, during=6)]
    status = rehab_status([READY], sessions)
    assert status.history[-1].stage_before == 3
    assert (status.stage, status.green_sessions) == (2, 0)
    assert status.next_action.startswith("Stop and step back (pain during was 6/10")
    assert "stage 2: walk 3 min / jog 3 min" in status.next_action


def test_red_at_stage_1_stays_at_stage_1() -> None:
    status = rehab_status([READY], [run(1, 1, settled=False)])
    assert status.stage == 1
    assert "the pain had not settled within 24 hours" in status.next_action


def test_a_pending_session_asks_for_the_next_morning_answers() -> None:
    status = rehab_status([READY], [run(1, 1, morning=None, settled=None)])
    assert (status.stage, status.green_sessions) == (1, 0)
    assert "Log how the stage 1 session on 2026-03-03 felt the next morning" in status.next_action


def test_passing_every_stage_clears_the_runner_for_normal_training() -> None:
    status = rehab_status([READY], green_ladder(LAST_STAGE))
    assert status.cleared and status.stage == CLEARED_STAGE
    assert status.stage_description == "normal training"
    assert "back to normal training" in status.next_action
    assert status.next_date is None


def test_a_lower_stage_chosen_by_the_runner_restarts_counting_there() -> None:
    sessions = [*green_ladder(1), run(5, 2), run(7, 1)]
    status = rehab_status([READY], sessions)
    assert (status.stage, status.green_sessions) == (1, 1)


def test_sessions_are_replayed_in_date_order_whatever_order_they_come_in() -> None:
    sessions = green_ladder(2)
    assert rehab_status([READY], list(reversed(sessions))) == rehab_status([READY], sessions)


def test_stage_skipping_is_refused() -> None:
    with pytest.raises(ValidationError, match="stage 2 is not unlocked yet: you are at stage 1"):
        check_can_log([READY], [run(1, 1)], run(3, 2))
    check_can_log([READY], green_ladder(1), run(5, 2))
    # Backfilling an earlier day is judged by what was unlocked on that day.
    with pytest.raises(ValidationError, match="stage 2 is not unlocked"):
        check_can_log([READY], green_ladder(1), run(2, 2))


def test_a_stage_outside_the_ladder_or_a_pain_outside_0_to_10_is_refused() -> None:
    with pytest.raises(ValidationError, match=f"stage 0 must be 1 to {LAST_STAGE}"):
        check_can_log([READY], [], run(1, 0))
    with pytest.raises(ValidationError, match="pain during 11 must be 0 to 10"):
        check_can_log([READY], [], run(1, 1, during=11))
    with pytest.raises(ValidationError, match="next-morning pain -1"):
        check_can_log([READY], [], run(1, 1, morning=-1))


# --- properties --------------------------------------------------------------------------------

# Mostly comfortable sessions, so runs reach the higher stages where stepping back shows.
pains = st.integers(min_value=0, max_value=1) | st.integers(min_value=0, max_value=10)
sessions_strategy = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=3) | st.just(2),  # days since the previous session
        st.integers(min_value=1, max_value=LAST_STAGE),
        pains,
        st.just(0) | st.none() | pains,
        st.just(True) | st.none() | st.booleans(),
    ),
    max_size=25,
)


def _sessions(raw: list[tuple[int, int, int, int | None, bool | None]]) -> list[RehabSession]:
    day = 0
    sessions = []
    for index, (gap, stage, during, morning, settled) in enumerate(raw):
        day += gap
        sessions.append(
            RehabSession(DAY0 + timedelta(days=day), stage, during, morning, settled, id=index)
        )
    return sessions


@settings(max_examples=300, deadline=None)
@given(raw=sessions_strategy, ready=st.booleans())
def test_the_stage_never_jumps_more_than_one_forward(
    raw: list[tuple[int, int, int, int | None, bool | None]], ready: bool
) -> None:
    status = rehab_status([READY] if ready else [], _sessions(raw))
    for outcome in status.history:
        assert outcome.stage_after <= outcome.stage_before + 1
        assert 1 <= outcome.stage_after <= CLEARED_STAGE
        if outcome.stage_after > outcome.stage_before:
            assert outcome.result.gate is Gate.GREEN
            assert outcome.session.stage == outcome.stage_before


@settings(max_examples=300, deadline=None)
@given(raw=sessions_strategy)
def test_red_always_steps_back_or_stays_at_stage_1(
    raw: list[tuple[int, int, int, int | None, bool | None]],
) -> None:
    status = rehab_status([READY], _sessions(raw))
    for outcome in status.history:
        if outcome.result.gate is Gate.RED:
            assert outcome.stage_after < outcome.stage_before or outcome.stage_after == 1
            assert outcome.green_after == 0


@settings(max_examples=200, deadline=None)
@given(raw=sessions_strategy)
def test_a_stage_is_passed_only_after_two_green_sessions_in_a_row_at_it(
    raw: list[tuple[int, int, int, int | None, bool | None]],
) -> None:
    history = rehab_status([READY], _sessions(raw)).history
    for index, outcome in enumerate(history):
        if outcome.stage_after > outcome.stage_before:
            assert index >= 1
            before = history[index - 1]
            assert before.result.gate is Gate.GREEN
            assert before.stage_after == outcome.stage_before == before.session.stage
