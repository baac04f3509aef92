"""Build a plan: phases, weekly running, strength days, sessions, and the reasons for each."""

from __future__ import annotations

from datetime import date, timedelta

from stridewell.domain.athletes import Race
from stridewell.domain.exercises.model import Exercise
from stridewell.domain.planning import explain, rules
from stridewell.domain.planning.dose import dose_for, prescribe
from stridewell.domain.planning.emphasis import Emphasis, emphasis_for
from stridewell.domain.planning.model import (
    Plan,
    PlannedSession,
    PlanRequest,
    PlanWeek,
)
from stridewell.domain.planning.phases import (
    WeekFrame,
    monday_of,
    monday_on_or_after,
    plan_weeks,
    race_key,
    return_to_run_weeks,
)
from stridewell.domain.planning.running import (
    PlannedRun,
    build_week_runs,
    race_week_km,
    run_name,
)
from stridewell.domain.planning.scheduling import place_strength
from stridewell.domain.planning.selection import Slot, choose, session_slots, target_level
from stridewell.domain.planning.volume import weekly_km
from stridewell.domain.vocab import Experience, Phase, RunType

BASE_LEVEL = {Experience.NOVICE: 2, Experience.INTERMEDIATE: 3, Experience.ADVANCED: 4}
MAX_LEVEL = {Experience.NOVICE: 3, Experience.INTERMEDIATE: 4, Experience.ADVANCED: 5}
HEAVY_PHASES = (Phase.RETURN_TO_RUN, Phase.BASE, Phase.BUILD, Phase.PEAK)
MAX_WEEKS = 104


class PlanningError(ValueError):
    """The request cannot be planned; the message says why in one line."""


def plan_start(request: PlanRequest) -> date:
    """Plans start on a Monday: the first one on or after the requested start."""
    first = monday_on_or_after(request.start)
    if request.race is not None and request.race.date < first:
        first = monday_of(request.start)
    return first


def peak_volume_km(current_km: float, race: Race | None, experience: Experience) -> float:
    """The weekly volume build and peak weeks aim for (ramp10)."""
    if race is None:
        # An open-ended base plan builds gently; base weeks aim at 85 % of this figure.
        goal = max(current_km, min(current_km * 1.2, rules.PEAK_KM["half"][experience]))
        return max(goal, rules.MIN_WEEK_KM) / 0.85
    target = rules.PEAK_KM[race_key(race)][experience]
    reachable = max(current_km, rules.MIN_WEEK_KM) * rules.PEAK_OVER_CURRENT
    return max(current_km, min(target, reachable))


def generate_plan(request: PlanRequest) -> Plan:
    """A deterministic, periodised plan for `request` (same inputs → same plan)."""
    athlete = request.athlete
    race = request.race
    first = plan_start(request)
    if race is not None and race.date < first:
        raise PlanningError(f"the race on {race.date.isoformat()} is before the plan starts")
    if request.weeks is not None and not 1 <= request.weeks <= MAX_WEEKS:
        raise PlanningError(f"weeks must be between 1 and {MAX_WEEKS}")
    if race is not None and (race.date - first).days > MAX_WEEKS * 7:
        raise PlanningError("the race is more than two years away; plan a nearer goal first")

    notes: list[str] = [f"Paces: {request.paces.source}."]
    return_weeks, return_reason = return_to_run_weeks(request.injuries, first)
    if return_weeks:
        notes.append(f"Return to run first: {return_reason}.")
    frames = plan_weeks(first, race, request.weeks, return_weeks, athlete.experience)
    emphasis = emphasis_for(request.injuries, first)
    current_km = request.weekly_km if request.weekly_km is not None else athlete.weekly_km
    peak_km = peak_volume_km(current_km, race, athlete.experience)
    run_days = athlete.availability.day_indexes
    long_day = athlete.availability.long_run_day.number
    race_in_plan = race is not None and any(f.phase == Phase.RACE for f in frames)
    race_km = race_week_km(race, run_days, peak_km) if race is not None and race_in_plan else None
    targets = weekly_km(frames, current_km, peak_km, race_km, request.paces.easy_s_per_km)
    long_cap = rules.LONG_RUN_CAP_KM[race_key(race)] if race is not None else 22.0

    week_runs: list[list[PlannedRun]] = []
    for frame, km in zip(frames, targets, strict=True):
        week_runs.append(
            build_week_runs(
                frame, km, run_days, long_day, athlete.experience, request.paces, long_cap,
                race if frame.phase == Phase.RACE else None,
            )
        )
    runs_by_day: dict[date, list[PlannedRun]] = {}
    for runs in week_runs:
        for run in runs:
            runs_by_day.setdefault(run.day, []).append(run)

    builder = _SessionBuilder(request, emphasis)
    weeks: list[PlanWeek] = []
    race_day = race.date if race_in_plan and race is not None else None
    for frame, runs in zip(frames, week_runs, strict=True):
        weeks.append(builder.week(frame, runs, runs_by_day, race_day, len(run_days)))
    if race is not None and race_in_plan:
        _note_race_week_jump(weeks, notes)
    if race is not None and not race_in_plan:
        notes.append("The race falls after the last planned week; generate again nearer the day.")
    end = frames[-1].start + timedelta(days=6)
    return Plan(
        athlete_id=athlete.id,
        start=first,
        end=end,
        race=race,
        weeks=tuple(weeks),
        notes=tuple(notes),
    )


def _note_race_week_jump(weeks: list[PlanWeek], notes: list[str]) -> None:
    for before, week in zip(weeks, weeks[1:], strict=False):
        if week.phase == Phase.RACE and before.run_km > 0:
            jump = week.run_km / before.run_km - 1
            if jump > rules.MAX_RETURN_JUMP:
                notes.append(
                    f"Race week is {jump:.0%} above the week before because of the race itself; "
                    "your current volume is low for this distance — consider a later race."
                )


class _SessionBuilder:
    """Builds strength sessions, keeping exercise choices fixed within a phase block."""

    def __init__(self, request: PlanRequest, emphasis: Emphasis) -> None:
        self.request = request
        self.emphasis = emphasis
        self.athlete = request.athlete
        self._choices: dict[tuple[Phase, int, str, bool], list[tuple[Slot, Exercise]]] = {}

    def week(
        self,
        frame: WeekFrame,
        runs: list[PlannedRun],
        runs_by_day: dict[date, list[PlannedRun]],
        race_day: date | None,
        run_day_count: int,
    ) -> PlanWeek:
        days = [frame.start + timedelta(days=i) for i in range(7)]
        count = rules.STRENGTH_SESSIONS[frame.phase]
        if frame.phase == Phase.BASE and run_day_count <= rules.BASE_THIRD_SESSION_MAX_RUN_DAYS:
            count = 3  # room for a third session (Blagrove 2018: 2–3 a week)
        slots = place_strength(days, count, frame.phase in HEAVY_PHASES, runs_by_day, race_day)
        sessions: list[PlannedSession] = []
        for run in runs:
            title = _run_title(run)
            sessions.append(
                PlannedSession(date=run.day, kind="run", title=title, why=run.run.why, run=run.run)
            )
        for number, slot in enumerate(slots):
            template = "A" if number % 2 == 0 else "B"
            sessions.append(self._strength(frame, slot.day, template, not slot.heavy, slot.reason))
        busy = {s.date for s in sessions}
        for day in days:
            if day not in busy:
                sessions.append(PlannedSession(day, "rest", "Rest", explain.REST_WHY))
        order = {"run": 0, "strength": 1, "rest": 2}
        sessions.sort(key=lambda s: (s.date, order[s.kind]))
        run_km = round(sum(r.run.distance_km for r in runs), 1)
        why = explain.PHASE_WHY[frame.phase]
        if frame.cutback:
            why += " Cut-back week: about 20 % less running and a lighter gym dose."
        return PlanWeek(
            index=frame.index,
            start=frame.start,
            phase=frame.phase,
            run_km=run_km,
            strength_sessions=len(slots),
            sessions=tuple(sessions),
            deload=frame.cutback,
            why=why,
        )

    def _strength(
        self, frame: WeekFrame, day: date, template: str, light: bool, day_reason: str
    ) -> PlannedSession:
        light = light or frame.phase not in HEAVY_PHASES
        block_start = frame.index - frame.phase_week
        # A new level every six weeks of a long block: a fresh choice along the progressions.
        step = (frame.phase_week - 1) // 6
        key = (frame.phase, block_start * 100 + step, template, light)
        if key not in self._choices:
            level = target_level(
                BASE_LEVEL[self.athlete.experience], frame.phase, frame.phase_week
            )
            self._choices[key] = choose(
                session_slots(template, frame.phase, self.emphasis, light),
                self.athlete.equipment,
                self.emphasis,
                level,
                MAX_LEVEL[self.athlete.experience],
                light,
            )
        exercises = []
        for slot, exercise in self._choices[key]:
            dose = dose_for(exercise, frame.phase, frame.phase_week, frame.cutback, light)
            why = explain.exercise_why(exercise, slot, dose, frame.phase, self.emphasis)
            exercises.append(prescribe(exercise, dose, why, heavy=exercise.heavy and not light))
        why = explain.strength_why(template, day_reason, frame.phase, frame.cutback)
        why += explain.missing_parts({slot.role for slot, _ in self._choices[key]}, self.emphasis)
        return PlannedSession(
            date=day,
            kind="strength",
            title=explain.strength_title(template, light, frame.phase),
            why=why,
            exercises=tuple(exercises),
        )


def _run_title(run: PlannedRun) -> str:
    if run.run.type is RunType.RACE:
        return f"Race: {run.run.description}"
    return f"{run_name(run.run.type).capitalize()} {run.run.distance_km:g} km"
