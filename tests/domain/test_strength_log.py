from __future__ import annotations

from datetime import date

import pytest

from stridewell.domain.athletes import MAX_NOTES_CHARS, ValidationError
from stridewell.domain.strength_log import (
    SetEntry,
    SorenessContext,
    SorenessEntry,
    StrengthSession,
    check_distinct_regions,
    check_log_date,
    exercise_by_slug,
    side_term,
    soreness_context_term,
    soreness_region,
)
from stridewell.domain.vocab import Region, Side

TODAY = date(2026, 3, 11)


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("quads", Region.QUAD),
        ("Glutes", Region.GLUTE),
        ("hamstrings", Region.HAMSTRING),
        ("calves", Region.CALF),
        ("hips", Region.HIP),
        ("groin", Region.GROIN),
        ("knees", Region.KNEE),
        ("IT band", Region.IT_BAND),
        ("it-band", Region.IT_BAND),
        ("shins", Region.SHIN),
        ("feet", Region.FOOT),
        ("lower back", Region.LOWER_BACK),
        ("achilles", Region.ACHILLES),
    ],
)
def test_the_issues_everyday_region_names_map_to_the_vocabulary(typed: str, region: Region) -> None:
    assert soreness_region(typed) is region


def test_an_unknown_region_lists_the_vocabulary() -> None:
    with pytest.raises(ValidationError, match="unknown region 'elbow'; expected one of: hip"):
        soreness_region("elbow")


def test_sides_and_contexts_accept_the_usual_spellings() -> None:
    assert side_term("L") is Side.LEFT and side_term("right") is Side.RIGHT
    assert soreness_context_term("post-run") is SorenessContext.POST_RUN
    assert soreness_context_term("after race") is SorenessContext.POST_RACE
    with pytest.raises(ValidationError, match="unknown side 'up'"):
        side_term("up")
    with pytest.raises(ValidationError, match="unknown context 'lunch'"):
        soreness_context_term("lunch")


def test_exercises_are_found_by_slug_or_name_and_unknown_ones_get_suggestions() -> None:
    assert exercise_by_slug("Glute bridge").slug == "glute-bridge"
    assert exercise_by_slug("single_leg_rdl").slug == "single-leg-rdl"
    with pytest.raises(ValidationError, match="did you mean: clamshell"):
        exercise_by_slug("clamshel")


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        (SetEntry("clamshell", reps=0), "reps 0 must be 1 to 100"),
        (SetEntry("clamshell", reps=101), "reps 101 must be 1 to 100"),
        (SetEntry("back-squat", reps=5, load_kg=501), "load 501 kg must be 0 to 500 kg"),
        (SetEntry("back-squat", reps=5, load_kg=-1), "load -1 kg"),
        (SetEntry("side-plank", hold_s=0), "hold 0 s must be 1 to 600 s"),
        (SetEntry("side-plank", hold_s=601), "hold 601 s"),
        (SetEntry("clamshell", reps=10, rpe=10.5), "set RPE 10.5 must be 0 to 10"),
        (SetEntry("clamshell"), "give reps or a hold time"),
        (SetEntry("moonwalk", reps=10), "unknown exercise 'moonwalk'"),
    ],
)
def test_impossible_sets_are_refused(entry: SetEntry, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        entry.validate()


def test_a_session_checks_its_date_duration_rpe_and_every_set() -> None:
    good = StrengthSession(
        date=TODAY,
        sets=(SetEntry("goblet-squat", reps=10, load_kg=16), SetEntry("side-plank", hold_s=30)),
        duration_s=2700,
        rpe=7,
    )
    good.validate(TODAY)
    assert good.tonnage_kg == 160
    with pytest.raises(ValidationError, match="is in the future"):
        StrengthSession(date(2026, 3, 12), good.sets).validate(TODAY)
    with pytest.raises(ValidationError, match="at least one set"):
        StrengthSession(TODAY, ()).validate(TODAY)
    with pytest.raises(ValidationError, match="session RPE 11"):
        StrengthSession(TODAY, good.sets, rpe=11).validate(TODAY)
    with pytest.raises(ValidationError, match=r"duration 0:00:30 is out of range \(1 minute"):
        StrengthSession(TODAY, good.sets, duration_s=30).validate(TODAY)
    with pytest.raises(ValidationError, match="hold 700 s"):
        StrengthSession(TODAY, (*good.sets, SetEntry("plank", hold_s=700))).validate(TODAY)


def test_a_log_before_1970_is_a_typing_slip() -> None:
    sets = (SetEntry("goblet-squat", reps=10),)
    StrengthSession(date(1970, 1, 1), sets).validate(TODAY)
    with pytest.raises(ValidationError, match="^date 1900-01-01 is before 1970$") as caught:
        StrengthSession(date(1900, 1, 1), sets).validate(TODAY)
    assert caught.value.field == "date"
    with pytest.raises(ValidationError, match="^date 1969-12-31 is before 1970$"):
        SorenessEntry(date(1969, 12, 31), SorenessContext.MORNING, Region.QUAD, 2).validate(TODAY)
    check_log_date(TODAY, TODAY)
    with pytest.raises(ValidationError, match="in the future"):
        check_log_date(date(2026, 3, 12), TODAY)


def test_session_notes_are_at_most_2000_characters() -> None:
    sets = (SetEntry("goblet-squat", reps=10),)
    StrengthSession(TODAY, sets, notes="n" * MAX_NOTES_CHARS).validate(TODAY)
    with pytest.raises(ValidationError, match="at most 2,000") as caught:
        StrengthSession(TODAY, sets, notes="n" * 5000).validate(TODAY)
    assert caught.value.field == "notes"


def test_soreness_scores_are_0_to_10_and_one_per_region_and_side() -> None:
    entry = SorenessEntry(TODAY, SorenessContext.MORNING, Region.QUAD, 11)
    with pytest.raises(ValidationError, match="quad score 11 must be 0 to 10"):
        entry.validate(TODAY)
    left = SorenessEntry(TODAY, SorenessContext.MORNING, Region.QUAD, 3, Side.LEFT)
    right = SorenessEntry(TODAY, SorenessContext.MORNING, Region.QUAD, 3, Side.RIGHT)
    check_distinct_regions((left, right))
    with pytest.raises(ValidationError, match=r"quad \(left\) is scored twice"):
        check_distinct_regions((left, right, left))
