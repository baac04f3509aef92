"""Progress: volume and load, ACWR, fitness and fatigue, strength, records, injuries against
strength adherence, and the quad-vs-glute soreness index — charts with their numbers.

`build_progress` gathers the same dicts as `stridewell load`, `records` and `insights`
(`--format json`), plus the weekly strength sessions the injury timeline needs; the page draws
them and /api/v1/progress returns them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.domain.insights import AdherenceRule
from stridewell.domain.load.dates import week_start_of
from stridewell.domain.load.report import ACWR_CAVEAT, ACWR_HIGH
from stridewell.domain.load.series import ATL_DAYS, CHRONIC_DAYS, CTL_DAYS
from stridewell.domain.vocab import Muscle
from stridewell.services.adherence import logged_strength
from stridewell.services.injuries import injury_to_dict, list_injuries
from stridewell.services.insights import insights, insights_to_dict
from stridewell.services.load import LoadWatch, load_watch, load_watch_to_dict, read_activities
from stridewell.services.records import format_pace, records, records_to_dict
from stridewell.web import charts, progress_charts
from stridewell.web.access import CurrentAthlete
from stridewell.web.choices import Choice
from stridewell.web.forms import FormState
from stridewell.web.pages.activities import display_helpers
from stridewell.web.rendering import render
from stridewell.web.state import web_state

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

router = APIRouter(include_in_schema=False)

PERIOD_WEEKS = {12: "12 weeks", 26: "6 months", 52: "1 year", 104: "2 years"}
DEFAULT_WEEKS = 26
# A grid of more weeks than this is unreadable on a phone.
MAX_HARD_SET_WEEKS = 26
# The injury timeline reaches back to the first injury or strength session, up to this far.
MAX_TIMELINE_WEEKS = 520


@dataclass(frozen=True)
class Progress:
    athlete_id: int
    as_of: date
    weeks: int
    watch: LoadWatch
    records: dict[str, Any]  # `stridewell records --format json`
    insights: dict[str, Any]  # `stridewell insights --format json`
    strength_weeks: tuple[dict[str, Any], ...]  # week_start, sessions, adherent
    injuries: tuple[dict[str, Any], ...]
    rule: AdherenceRule

    @cached_property
    def load(self) -> dict[str, Any]:
        """`stridewell load --format json`."""
        return load_watch_to_dict(self.watch)

    @cached_property
    def combined_load(self) -> dict[str, Any]:
        """The same without the separate channels: what the page draws."""
        return load_watch_to_dict(self.watch, channels=False)


def build_progress(session: Session, athlete: Athlete, today: date, weeks: int) -> Progress:
    """The athlete's progress over the last `weeks` weeks (the whole record where it counts)."""
    assert athlete.id is not None
    if weeks not in PERIOD_WEEKS:
        choices = ", ".join(str(n) for n in PERIOD_WEEKS)
        raise ValidationError(f"the period must be {choices} weeks, not {weeks}", "weeks")
    rule = AdherenceRule()
    # One read of the activity summaries for both the load watch and the insights.
    activities = read_activities(session, athlete, today)
    watch = load_watch(session, athlete.id, today, days=weeks * 7, activities=activities)
    found = insights(
        session,
        athlete.id,
        today,
        rule=rule,
        hard_set_weeks=min(weeks, MAX_HARD_SET_WEEKS),
        activities=activities,
    )
    injuries = list_injuries(session, athlete.id)
    # Dates only (one narrow query): the sessions themselves were read by `insights`.
    strength_dates = [done.date for done in logged_strength(session, athlete.id, date.min, today)]
    return Progress(
        athlete_id=athlete.id,
        as_of=today,
        weeks=weeks,
        watch=watch,
        records=records_to_dict(records(session, athlete.id, today)),
        insights=insights_to_dict(found),
        strength_weeks=strength_weeks(
            strength_dates,
            [injury.onset for injury in injuries],
            today - timedelta(weeks=weeks),
            today,
            rule,
        ),
        injuries=tuple(injury_to_dict(injury, today) for injury in injuries),
        rule=rule,
    )


def strength_weeks(
    session_dates: list[date],
    injury_onsets: list[date],
    window_start: date,
    today: date,
    rule: AdherenceRule,
) -> tuple[dict[str, Any], ...]:
    """Strength sessions in each week from the earliest of the window, the first session and
    the first injury up to this week; a week is adherent with ≥ `min_sessions_per_week`."""
    if not session_dates and not injury_onsets:
        return ()
    earliest = min([window_start, *session_dates, *injury_onsets])
    first = max(week_start_of(earliest), week_start_of(today) - timedelta(weeks=MAX_TIMELINE_WEEKS))
    per_week = Counter(week_start_of(day) for day in session_dates)
    rows = []
    week = first
    while week <= today:
        count = per_week.get(week, 0)
        rows.append(
            {
                "week_start": week.isoformat(),
                "sessions": count,
                "adherent": count >= rule.min_sessions_per_week,
            }
        )
        week += timedelta(weeks=1)
    return tuple(rows)


def progress_to_dict(progress: Progress) -> dict[str, Any]:
    return {
        "athlete_id": progress.athlete_id,
        "as_of": progress.as_of.isoformat(),
        "weeks": progress.weeks,
        "load": progress.load,
        "records": progress.records,
        "insights": progress.insights,
        "strength_weeks": list(progress.strength_weeks),
        "strength_adherent_sessions_per_week": progress.rule.min_sessions_per_week,
        "injuries": list(progress.injuries),
    }


@router.get("/progress", response_class=HTMLResponse)
def progress_page(request: Request, athlete: CurrentAthlete) -> Response:
    state = web_state(request)
    form = FormState.initial({"weeks": request.query_params.get("weeks", str(DEFAULT_WEEKS))})
    text = form.value("weeks")
    weeks = int(text) if text.isdigit() and int(text) in PERIOD_WEEKS else None
    if weeks is None:
        form.errors["weeks"] = "choose one of the periods in the list"
        form = FormState(values={"weeks": [str(DEFAULT_WEEKS)]}, errors=form.errors)
    with state.database.session() as session:
        progress = build_progress(session, athlete, state.today(), weeks or DEFAULT_WEEKS)
    return render(
        request,
        "progress.html",
        {
            "form": form,
            "period_choices": [Choice(str(n), label) for n, label in PERIOD_WEEKS.items()],
            "p": progress,
            "view": progress_view(progress),
            "format_pace": format_pace,
            **display_helpers(),
            "words": {
                "acwr_caveat": ACWR_CAVEAT,
                "acwr_high": ACWR_HIGH,
                "acute_days": 7,
                "chronic_days": CHRONIC_DAYS,
                "ctl_days": CTL_DAYS,
                "atl_days": ATL_DAYS,
            },
        },
        athlete=athlete,
        status_code=422 if form.errors else 200,
    )


def progress_view(progress: Progress) -> dict[str, Any]:
    """The figures and the rows of their tables, from the progress dicts."""
    load = progress.combined_load
    days = load["days"]
    weeks = load["weeks"]
    window_start = (progress.as_of - timedelta(weeks=progress.weeks)).isoformat()
    strength = progress.insights["strength"]
    e1rm = [
        {**series, "points": [p for p in series["points"] if p["date"] >= window_start]}
        for series in strength["e1rm"]
    ]
    e1rm = [series for series in e1rm if series["points"]]
    soreness = [p for p in progress.insights["soreness_index"] if p["date"] >= window_start]
    soreness_weekly = [
        w for w in progress.insights["soreness_index_weekly"] if w["week"] >= window_start
    ]
    grid = hard_set_grid(strength["hard_sets_per_muscle"], strength["hard_sets_since"], progress)
    weekly_load = progress_charts.weekly_load(weeks, days)
    has_load = bool(load["sessions"])
    figures: dict[str, charts.Figure] = {}
    if has_load:
        figures["volume"] = progress_charts.weekly_volume_figure(weeks, days)
        figures["acwr"] = progress_charts.acwr_figure(days)
        figures["fitness"] = progress_charts.fitness_figure(days)
    if e1rm:
        figures["e1rm"] = progress_charts.e1rm_figure(e1rm)
    if grid["muscles"]:
        figures["hard_sets"] = progress_charts.hard_sets_figure(
            grid["weeks"],
            [m["label"] for m in grid["muscles"]],
            [m["sets"] for m in grid["muscles"]],
        )
    if progress.strength_weeks:
        figures["injuries"] = progress_charts.injury_timeline_figure(
            progress.strength_weeks,
            progress.injuries,
            progress.insights["injury_incidence"]["adherence_start"],
            progress.as_of,
            progress.rule.min_sessions_per_week,
        )
    if soreness:
        figures["soreness"] = progress_charts.soreness_figure(soreness, soreness_weekly)
    return {
        "figures": figures,
        "has_load": has_load,
        "weeks": [{**week, "load": weekly_load[week["week_start"]]} for week in weeks],
        "week_end_days": week_end_days(days),
        "e1rm": e1rm,
        "hard_sets": grid,
        "soreness": soreness,
        "adherent_weeks": sum(1 for week in progress.strength_weeks if week["adherent"]),
    }


def week_end_days(days: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each week's last day in the series (Sunday, or the last day shown): the daily series in
    a table one can read."""
    rows = []
    for index, day in enumerate(days):
        is_last = index == len(days) - 1
        if is_last or date.fromisoformat(day["date"]).weekday() == 6:
            rows.append(day)
    return rows


def hard_set_grid(rows: list[dict[str, Any]], since: str, progress: Progress) -> dict[str, Any]:
    """Hard sets as muscles × weeks (every week since `since`, muscles in body order)."""
    first = date.fromisoformat(since)
    week_starts = []
    week = first
    while week <= progress.as_of:
        week_starts.append(week.isoformat())
        week += timedelta(weeks=1)
    sets: dict[str, dict[str, float]] = {}
    for row in rows:
        sets.setdefault(row["muscle"], {})[row["week_start"]] = float(row["hard_sets"])
    muscles = [
        {
            "muscle": muscle.value,
            "label": muscle.value.replace("_", " ").capitalize(),
            "sets": [sets[muscle.value].get(start, 0.0) for start in week_starts],
        }
        for muscle in Muscle
        if muscle.value in sets
    ]
    return {"weeks": week_starts, "muscles": muscles}
