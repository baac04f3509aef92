"""Insights: is the strength work paying off? Pure functions over the athlete's own record.

- injury incidence per 1000 h of running, before and after strength-training adherence began;
- the quad-vs-glute soreness index after runs and races (our own construct,
  docs/science.md#quad_glute_index);
- strength progression: estimated 1RM per exercise over time (docs/science.md#epley_brzycki),
  weekly hard sets per muscle, and left/right balance on one-sided moves.

Everything here describes one runner's history. None of it is a controlled comparison: fewer
injuries after the gym work began is encouraging, not proof that the gym work caused it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from stridewell.domain.exercises.lookup import UnknownExerciseError, by_slug
from stridewell.domain.load.dates import week_start_of
from stridewell.domain.performance import brzycki_1rm, epley_1rm
from stridewell.domain.strength_log import (
    SetEntry,
    SorenessContext,
    SorenessEntry,
    StrengthSession,
)
from stridewell.domain.vocab import Muscle, Region, Side

__all__ = [
    "BALANCE_FLAG_RATIO",
    "HARD_SET_RPE",
    "ONE_SIDE_SET_WEIGHT",
    "POST_EXERTION_CONTEXTS",
    "SECONDARY_MUSCLE_WEIGHT",
    "AdherenceRule",
    "E1rmPoint",
    "E1rmSeries",
    "HardSetVolume",
    "IncidencePeriod",
    "InjuryIncidence",
    "MuscleWeek",
    "QuadGlutePoint",
    "QuadGluteWeek",
    "RunExposure",
    "SideBalance",
    "adherence_start",
    "e1rm_progression",
    "hard_sets_per_muscle",
    "injury_incidence",
    "is_hard_set",
    "quad_glute_points",
    "side_balance",
    "weekly_quad_glute",
]

# --- strength adherence and injury incidence ------------------------------------------------


@dataclass(frozen=True)
class AdherenceRule:
    """When strength training counts as "adhered to": at least `min_sessions_per_week`
    sessions in at least `min_weeks` of `window_weeks` consecutive weeks.

    Our convention. The defaults (2 sessions a week, 4 weeks in 6) follow the 2–3 sessions a
    week of the programmes that made runners faster and less injured (Blagrove 2018; Lauersen
    2014 — docs/science.md#blagrove2018, #lauersen2014), allowing for a missed week or two.
    """

    min_sessions_per_week: int = 2
    min_weeks: int = 4
    window_weeks: int = 6

    def __post_init__(self) -> None:
        if self.min_sessions_per_week < 1:
            raise ValueError("at least one session a week is needed to define adherence")
        if not 1 <= self.min_weeks <= self.window_weeks:
            raise ValueError("need 1 ≤ min_weeks ≤ window_weeks")

    def describe(self) -> str:
        return (
            f"the first week with ≥ {self.min_sessions_per_week} strength sessions that starts "
            f"a run of {self.window_weeks} weeks of which ≥ {self.min_weeks} had "
            f"≥ {self.min_sessions_per_week} sessions"
        )


def adherence_start(
    session_dates: Iterable[date], rule: AdherenceRule | None = None, *, week_start: int = 0
) -> date | None:
    """The first day of the week strength-training adherence began, or None.

    That is the earliest week W with enough sessions such that, of the `window_weeks` weeks
    starting at W, at least `min_weeks` had enough sessions. Weeks not yet lived count as
    weeks without sessions, so adherence is recognised as soon as the record shows it.
    """
    rule = rule or AdherenceRule()
    per_week: dict[date, int] = defaultdict(int)
    for day in session_dates:
        per_week[week_start_of(day, week_start)] += 1
    adherent = sorted(week for week, n in per_week.items() if n >= rule.min_sessions_per_week)
    adherent_set = set(adherent)
    for week in adherent:
        window = (week + timedelta(weeks=i) for i in range(rule.window_weeks))
        if sum(1 for w in window if w in adherent_set) >= rule.min_weeks:
            return week
    return None


@dataclass(frozen=True)
class RunExposure:
    """Time spent running on a local day (one run, or several added up)."""

    date: date
    duration_s: float

    def __post_init__(self) -> None:
        if not self.duration_s >= 0:
            raise ValueError(f"running time must be ≥ 0 s, not {self.duration_s!r}")


@dataclass(frozen=True)
class IncidencePeriod:
    """Injuries and hours of running between `start` and `end` (both included)."""

    start: date | None
    end: date | None
    injuries: int
    run_hours: float

    @property
    def per_1000h(self) -> float | None:
        """Injuries per 1000 hours of running; None without running time to divide by."""
        return self.injuries / self.run_hours * 1000.0 if self.run_hours > 0 else None


@dataclass(frozen=True)
class InjuryIncidence:
    before: IncidencePeriod
    after: IncidencePeriod
    adherence_start: date | None
    rule: AdherenceRule
    # Injuries that began before the first recorded run: there is no running time to set
    # them against, so they are left out of both rates.
    excluded_injuries: int

    @property
    def rate_ratio(self) -> float | None:
        """after ÷ before incidence, when both are defined and the one before is not 0."""
        before, after = self.before.per_1000h, self.after.per_1000h
        if before is None or after is None or before == 0:
            return None
        return after / before

    @property
    def definition(self) -> str:
        return (
            "injuries whose onset falls in the period ÷ hours of recorded running in it × 1000; "
            "the record starts at the first recorded run; 'after' starts at the adherence start: "
            f"{self.rule.describe()}"
        )


def injury_incidence(
    runs: Iterable[RunExposure],
    injury_onsets: Iterable[date],
    adherence_start: date | None,
    as_of: date,
    rule: AdherenceRule | None = None,
) -> InjuryIncidence:
    """Injury incidence per 1000 h of running before and after `adherence_start`.

    Exposure is what the record shows: the hours of every run up to `as_of`. The record begins
    on the day of the first run; injuries that began earlier are counted as excluded. Runs and
    injuries after `as_of` are ignored. Order of the inputs does not matter.
    """
    kept_runs = [run for run in runs if run.date <= as_of]
    onsets = [onset for onset in injury_onsets if onset <= as_of]
    record_start = min((run.date for run in kept_runs), default=None)
    split = adherence_start if adherence_start is not None else as_of + timedelta(days=1)

    def period(start: date | None, end: date | None) -> IncidencePeriod:
        if start is None or end is None or end < start:
            return IncidencePeriod(None, None, 0, 0.0)
        seconds = sum(run.duration_s for run in kept_runs if start <= run.date <= end)
        injuries = sum(1 for onset in onsets if start <= onset <= end)
        return IncidencePeriod(start, end, injuries, seconds / 3600.0)

    before_start = record_start
    after_start = None
    if adherence_start is not None and record_start is not None:
        after_start = max(adherence_start, record_start)
    excluded = sum(1 for onset in onsets if record_start is None or onset < record_start)
    return InjuryIncidence(
        before=period(before_start, split - timedelta(days=1)),
        after=period(after_start, as_of if after_start is not None else None),
        adherence_start=adherence_start,
        rule=rule or AdherenceRule(),
        excluded_injuries=excluded,
    )


# --- quad-vs-glute soreness index -----------------------------------------------------------

# The index reads soreness after running: quads dominate after a marathon (Takayama 2017), and
# fatigue shifts work towards knee and hip (Sanno 2018) — docs/science.md#quad_glute_index.
POST_EXERTION_CONTEXTS = frozenset({SorenessContext.POST_RUN, SorenessContext.POST_RACE})


@dataclass(frozen=True)
class QuadGlutePoint:
    """One soreness log after a run or race: the worst quad and the worst glute score (0–10)."""

    date: date
    context: SorenessContext
    quad: int
    glute: int

    @property
    def index(self) -> float | None:
        """quad ÷ (quad + glute): 1 = all quads, 0 = all glutes; None when neither is sore."""
        total = self.quad + self.glute
        return self.quad / total if total > 0 else None


@dataclass(frozen=True)
class QuadGluteWeek:
    week_start: date
    entries: int  # logs in the week
    quad: float  # mean of the logs' quad scores
    glute: float
    index: float | None  # mean of the defined indexes; None when no log had any soreness


def quad_glute_points(
    entries: Iterable[SorenessEntry],
    contexts: frozenset[SorenessContext] = POST_EXERTION_CONTEXTS,
) -> tuple[QuadGlutePoint, ...]:
    """One point per log (date and context) that scored quads or glutes, by date.

    A side-specific score counts as it is: the worst of left, right and both is the region's
    score. A log that scores one of the two regions and not the other counts the other as 0
    (a log lists what is sore).
    """
    logs: dict[tuple[date, SorenessContext], dict[Region, int]] = {}
    for entry in entries:
        if entry.context not in contexts or entry.region not in (Region.QUAD, Region.GLUTE):
            continue
        scores = logs.setdefault((entry.date, entry.context), {})
        scores[entry.region] = max(scores.get(entry.region, 0), entry.score)
    return tuple(
        QuadGlutePoint(day, context, scores.get(Region.QUAD, 0), scores.get(Region.GLUTE, 0))
        for (day, context), scores in sorted(logs.items())
    )


def weekly_quad_glute(
    points: Iterable[QuadGlutePoint], week_start: int = 0
) -> tuple[QuadGluteWeek, ...]:
    """Weekly means of the points, for the trend over months."""
    weeks: dict[date, list[QuadGlutePoint]] = defaultdict(list)
    for point in points:
        weeks[week_start_of(point.date, week_start)].append(point)
    rows = []
    for start, week_points in sorted(weeks.items()):
        indexes = [p.index for p in week_points if p.index is not None]
        rows.append(
            QuadGluteWeek(
                week_start=start,
                entries=len(week_points),
                quad=sum(p.quad for p in week_points) / len(week_points),
                glute=sum(p.glute for p in week_points) / len(week_points),
                index=sum(indexes) / len(indexes) if indexes else None,
            )
        )
    return tuple(rows)


# --- strength progression -------------------------------------------------------------------

# Zourdos 2016: RPE 7 ≈ 3 reps in reserve, the usual floor of a set "hard enough" to count
# toward volume (docs/science.md#zourdos2016).
HARD_SET_RPE = 7.0
# Our convention: a secondary mover gets half the stimulus of a prime mover.
SECONDARY_MUSCLE_WEIGHT = 0.5
# A set done on one side works one leg's muscles: left + right make one set for the muscle.
ONE_SIDE_SET_WEIGHT = 0.5
# Our convention: a weaker side under 90 % of the stronger one is worth pointing out.
BALANCE_FLAG_RATIO = 0.90


def is_hard_set(entry: SetEntry) -> bool:
    """RPE ≥ 7 when rated; without an RPE every working set (reps or a hold) counts."""
    if entry.rpe is not None:
        return entry.rpe >= HARD_SET_RPE
    return (entry.reps or 0) > 0 or (entry.hold_s or 0) > 0


@dataclass(frozen=True)
class E1rmPoint:
    """The best estimated 1RM of one exercise on one day, and the set it came from."""

    date: date
    e1rm_kg: float  # Epley
    brzycki_kg: float
    load_kg: float
    reps: int
    side: Side


@dataclass(frozen=True)
class E1rmSeries:
    exercise_slug: str
    points: tuple[E1rmPoint, ...]  # by date

    @property
    def best(self) -> E1rmPoint:
        return max(self.points, key=lambda point: (point.e1rm_kg, point.date))

    @property
    def change_pct(self) -> float | None:
        """Latest against first estimate, in percent; None with a single point."""
        if len(self.points) < 2:
            return None
        first, latest = self.points[0].e1rm_kg, self.points[-1].e1rm_kg
        return (latest - first) / first * 100.0


def _set_e1rm(entry: SetEntry) -> tuple[float, float] | None:
    """(Epley, Brzycki) of a loaded set of 1–10 reps; None otherwise."""
    if entry.reps is None or entry.reps < 1 or not entry.load_kg:
        return None
    epley, brzycki = epley_1rm(entry.load_kg, entry.reps), brzycki_1rm(entry.load_kg, entry.reps)
    if epley is None or brzycki is None:
        return None
    return epley, brzycki


def e1rm_progression(sessions: Iterable[StrengthSession]) -> tuple[E1rmSeries, ...]:
    """Per exercise (by slug), the day's best Epley e1RM over loaded sets of ≤ 10 reps.

    Sets longer than 10 reps, body-weight sets and holds give no estimate
    (docs/science.md#epley_brzycki). Sets short of failure underestimate the 1RM, so read the
    trend, not the number.
    """
    return e1rm_progression_of_sets(
        (strength_session.date, entry)
        for strength_session in sessions
        for entry in strength_session.sets
    )


def e1rm_progression_of_sets(sets: Iterable[tuple[date, SetEntry]]) -> tuple[E1rmSeries, ...]:
    """`e1rm_progression` of sets given with their day, in the order they were done: of equal
    estimates on a day, the first set's stands."""
    best: dict[str, dict[date, E1rmPoint]] = defaultdict(dict)
    for day, entry in sets:
        estimate = _set_e1rm(entry)
        if estimate is None or entry.reps is None or entry.load_kg is None:
            continue
        days = best[entry.exercise_slug]
        current = days.get(day)
        if current is None or estimate[0] > current.e1rm_kg:
            days[day] = E1rmPoint(
                day, estimate[0], estimate[1], entry.load_kg, entry.reps, entry.side
            )
    return tuple(
        E1rmSeries(slug, tuple(point for _, point in sorted(days.items())))
        for slug, days in sorted(best.items())
    )


@dataclass(frozen=True)
class MuscleWeek:
    week_start: date
    muscle: Muscle
    hard_sets: float


@dataclass(frozen=True)
class HardSetVolume:
    weeks: tuple[MuscleWeek, ...]  # by week, then muscle in vocabulary order
    unknown_exercises: tuple[str, ...]  # slugs not in the library: their sets are not counted


def hard_sets_per_muscle(
    sessions: Iterable[StrengthSession], week_start: int = 0
) -> HardSetVolume:
    """Hard sets per muscle per week, from the library's muscle lists.

    Each hard set (`is_hard_set`) counts 1 for every primary muscle of its exercise and
    `SECONDARY_MUSCLE_WEIGHT` for every secondary one; a set on one side counts
    `ONE_SIDE_SET_WEIGHT` of that (left and right together make one set).
    """
    totals: dict[tuple[date, Muscle], float] = defaultdict(float)
    unknown: set[str] = set()
    for strength_session in sessions:
        week = week_start_of(strength_session.date, week_start)
        for entry in strength_session.sets:
            if not is_hard_set(entry):
                continue
            try:
                exercise = by_slug(entry.exercise_slug)
            except UnknownExerciseError:
                unknown.add(entry.exercise_slug)
                continue
            side_weight = 1.0 if entry.side == Side.BOTH else ONE_SIDE_SET_WEIGHT
            for muscle in exercise.primary_muscles:
                totals[(week, muscle)] += side_weight
            for muscle in exercise.secondary_muscles:
                totals[(week, muscle)] += side_weight * SECONDARY_MUSCLE_WEIGHT
    order = {muscle: i for i, muscle in enumerate(Muscle)}
    rows = sorted(totals.items(), key=lambda item: (item[0][0], order[item[0][1]]))
    return HardSetVolume(
        weeks=tuple(MuscleWeek(week, muscle, sets) for (week, muscle), sets in rows),
        unknown_exercises=tuple(sorted(unknown)),
    )


@dataclass(frozen=True)
class SideBalance:
    """Left against right on one exercise done one side at a time."""

    exercise_slug: str
    measure: str  # what the volume adds up: tonnage_kg (reps × kg), reps, or hold_s
    left_volume: float
    right_volume: float
    left_e1rm_kg: float | None
    right_e1rm_kg: float | None

    @property
    def volume_ratio(self) -> float | None:
        """Weaker ÷ stronger side's volume (1 = even); None when neither side has any."""
        return _weaker_share(self.left_volume, self.right_volume)

    @property
    def e1rm_ratio(self) -> float | None:
        if self.left_e1rm_kg is None or self.right_e1rm_kg is None:
            return None
        return _weaker_share(self.left_e1rm_kg, self.right_e1rm_kg)

    @property
    def weaker_side(self) -> Side | None:
        """The side with the lower e1RM when both have one and they differ, else the side with
        the lower volume; None when the sides are even."""
        pairs = [(self.left_volume, self.right_volume)]
        if self.left_e1rm_kg is not None and self.right_e1rm_kg is not None:
            pairs.insert(0, (self.left_e1rm_kg, self.right_e1rm_kg))
        for left, right in pairs:
            if left != right:
                return Side.LEFT if left < right else Side.RIGHT
        return None

    @property
    def flagged(self) -> bool:
        """True when the weaker side is under 90 % of the stronger on volume or on e1RM."""
        ratios = (self.volume_ratio, self.e1rm_ratio)
        return any(ratio is not None and ratio < BALANCE_FLAG_RATIO for ratio in ratios)


def _weaker_share(a: float, b: float) -> float | None:
    stronger = max(a, b)
    return min(a, b) / stronger if stronger > 0 else None


def side_balance(sessions: Iterable[StrengthSession]) -> tuple[SideBalance, ...]:
    """Left/right balance per exercise over the sets logged as left or right, by slug.

    Volume is tonnage (Σ reps × kg) when either side lifted a load, else repetitions, else
    seconds held, the same measure on both sides. e1RM is each side's best estimate.
    """
    sides: dict[str, dict[Side, list[SetEntry]]] = defaultdict(lambda: defaultdict(list))
    for strength_session in sessions:
        for entry in strength_session.sets:
            if entry.side in (Side.LEFT, Side.RIGHT):
                sides[entry.exercise_slug][entry.side].append(entry)
    rows = []
    for slug, by_side in sorted(sides.items()):
        left, right = by_side[Side.LEFT], by_side[Side.RIGHT]
        measure, left_volume, right_volume = _volume(left, right)
        rows.append(
            SideBalance(
                slug, measure, left_volume, right_volume, _best_e1rm(left), _best_e1rm(right)
            )
        )
    return tuple(rows)


def _tonnage_kg(entry: SetEntry) -> float:
    return (entry.reps or 0) * (entry.load_kg or 0.0)


def _reps(entry: SetEntry) -> float:
    return float(entry.reps or 0)


def _hold_s(entry: SetEntry) -> float:
    return float(entry.hold_s or 0)


_VOLUME_MEASURES: tuple[tuple[str, Callable[[SetEntry], float]], ...] = (
    ("tonnage_kg", _tonnage_kg),
    ("reps", _reps),
    ("hold_s", _hold_s),
)


def _volume(left: list[SetEntry], right: list[SetEntry]) -> tuple[str, float, float]:
    for name, amount in _VOLUME_MEASURES:
        left_total = sum(amount(entry) for entry in left)
        right_total = sum(amount(entry) for entry in right)
        if left_total > 0 or right_total > 0:
            return name, left_total, right_total
    return "reps", 0.0, 0.0


def _best_e1rm(entries: list[SetEntry]) -> float | None:
    estimates = [e[0] for e in (_set_e1rm(entry) for entry in entries) if e is not None]
    return max(estimates, default=None)
