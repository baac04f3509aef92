"""The Progress page's figures, from the JSON of `stridewell load` and `insights`: weekly
volume and load, ACWR, fitness and fatigue, e1RM, hard sets per muscle, injuries against
strength adherence, and the quad-vs-glute soreness index (layout: charts.py)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from stridewell.domain.load.dates import week_start_of
from stridewell.domain.load.report import ACWR_HIGH
from stridewell.web.charts import (
    BLUE,
    GREEN,
    GREY,
    HEIGHT_PX,
    PURPLE,
    RED,
    SERIES_COLOURS,
    Figure,
    figure,
    numbers,
)

# The ratio's axis stops here: early-record ratios (a tiny chronic load) run off the top.
ACWR_AXIS_MAX = 3.0
_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "cross")


def weekly_volume_figure(weeks: Sequence[dict[str, Any]], days: Sequence[dict[str, Any]]) -> Figure:
    """Running km per week (bars) and the week's total load (line, right axis)."""
    load_by_week = weekly_load(weeks, days)
    starts = [week["week_start"] for week in weeks]
    bars = {
        "type": "bar",
        "name": "Running (km)",
        "x": starts,
        "y": numbers((week["run_km"] for week in weeks), 1),
        "marker": {"color": BLUE},
        "hovertemplate": "%{y:.1f} km<extra>running</extra>",
    }
    line = {
        "type": "scatter",
        "mode": "lines+markers",
        "name": "Load (week total)",
        "x": starts,
        "y": numbers((load_by_week[start] for start in starts), 0),
        "yaxis": "y2",
        "line": {"color": RED, "width": 2, "dash": "dot"},
        "marker": {"color": RED, "size": 5, "symbol": "diamond"},
        "hovertemplate": "%{y:.0f}<extra>load</extra>",
    }
    return figure(
        [bars, line],
        x_title="Week",
        y_title="Running (km)",
        x_type="date",
        legend=True,
        yaxis2={
            "title": {"text": "Load"},
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
            "showgrid": False,
            "fixedrange": True,
            "automargin": True,
        },
        margin={"r": 56},
    )


def weekly_load(
    weeks: Sequence[dict[str, Any]], days: Sequence[dict[str, Any]]
) -> dict[str, float]:
    """Each week's summed daily load, keyed by its `week_start` (weeks start on Monday)."""
    totals = {week["week_start"]: 0.0 for week in weeks}
    for day in days:
        start = week_start_of(date.fromisoformat(day["date"])).isoformat()
        if start in totals:
            totals[start] += float(day["load"] or 0.0)
    return totals


def acwr_figure(days: Sequence[dict[str, Any]]) -> Figure:
    """ACWR, rolling 7:28-day means and EWMA, with the 1.5 line where a spike is pointed out."""
    dates = [day["date"] for day in days]
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": "Rolling (7 ÷ 28 days)",
            "x": dates,
            "y": numbers((day["acwr"] for day in days), 2),
            "line": {"color": BLUE, "width": 2},
            "hovertemplate": "%{y:.2f}<extra>rolling</extra>",
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": "EWMA",
            "x": dates,
            "y": numbers((day["acwr_ewma"] for day in days), 2),
            "line": {"color": PURPLE, "width": 2, "dash": "dash"},
            "hovertemplate": "%{y:.2f}<extra>EWMA</extra>",
        },
    ]
    return figure(
        traces,
        x_title="Day",
        y_title="Acute ÷ chronic",
        x_type="date",
        legend=True,
        shapes=[_horizontal_line(ACWR_HIGH, RED)],
        annotations=[
            {
                "xref": "paper",
                "x": 0,
                "y": ACWR_HIGH,
                "yref": "y",
                "text": f"{ACWR_HIGH:g}: a spike worth a look",
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"color": RED, "size": 11},
            }
        ],
        yaxis={"range": [0, acwr_axis_top(days)]},
    )


def acwr_axis_top(days: Sequence[dict[str, Any]]) -> float:
    """The top of the ACWR axis: room above the 1.5 line, but no more than 3, so the wild
    ratios of the first weeks of a record (a tiny chronic load) do not flatten the rest."""
    values = [
        float(day[key])
        for day in days
        for key in ("acwr", "acwr_ewma")
        if day[key] is not None and math.isfinite(float(day[key]))
    ]
    return round(min(max([ACWR_HIGH + 0.5, *values]), ACWR_AXIS_MAX) + 0.1, 2)


def fitness_figure(days: Sequence[dict[str, Any]]) -> Figure:
    """Fitness (CTL), fatigue (ATL) and form (TSB = CTL − ATL) by day."""
    dates = [day["date"] for day in days]
    series = (
        ("Fitness (CTL)", "ctl", BLUE, "solid"),
        ("Fatigue (ATL)", "atl", RED, "dash"),
        ("Form (TSB)", "tsb", GREEN, "dot"),
    )
    traces = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": name,
            "x": dates,
            "y": numbers((day[key] for day in days), 1),
            "line": {"color": colour, "width": 2, "dash": dash},
            "hovertemplate": f"%{{y:.0f}}<extra>{key.upper()}</extra>",
        }
        for name, key, colour, dash in series
    ]
    return figure(
        traces,
        x_title="Day",
        y_title="Load units",
        x_type="date",
        legend=True,
        shapes=[_horizontal_line(0.0, GREY)],
    )


def e1rm_figure(series: Sequence[dict[str, Any]]) -> Figure:
    """Estimated 1RM (Epley) per exercise over time, one line each."""
    traces = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": item["name"],
            "x": [point["date"] for point in item["points"]],
            "y": numbers((point["e1rm_kg"] for point in item["points"]), 1),
            "line": {"color": SERIES_COLOURS[index % len(SERIES_COLOURS)], "width": 2},
            "marker": {"size": 6, "symbol": _SYMBOLS[index % len(_SYMBOLS)]},
            "hovertemplate": f"%{{y:.1f}} kg<extra>{item['name']}</extra>",
        }
        for index, item in enumerate(series)
    ]
    return figure(traces, x_title="Day", y_title="e1RM (kg)", x_type="date", legend=True)


def hard_sets_figure(
    week_starts: Sequence[str], muscles: Sequence[str], sets: Sequence[Sequence[float]]
) -> Figure:
    """Hard sets per muscle and week as a grid of shaded cells with the count in each."""
    trace = {
        "type": "heatmap",
        "x": list(week_starts),
        "y": list(muscles),
        "z": [numbers(row, 1) for row in sets],
        "colorscale": [[0.0, "#f5f6f3"], [1.0, BLUE]],
        "zmin": 0,
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
        "texttemplate": "%{z:g}",
        "hovertemplate": "%{y}, week of %{x}: %{z:g} hard sets<extra></extra>",
    }
    return figure(
        [trace],
        x_title="Week",
        y_title="",
        x_type="date",
        height_px=max(HEIGHT_PX, 90 + 26 * len(muscles)),
        hovermode="closest",
        margin={"l": 8},
        yaxis={"autorange": "reversed", "gridcolor": "rgba(0,0,0,0)"},
        xaxis={"gridcolor": "rgba(0,0,0,0)"},
    )


def injury_timeline_figure(
    weeks: Sequence[dict[str, Any]],
    injuries: Sequence[dict[str, Any]],
    adherence_start: str | None,
    as_of: date,
    min_sessions: int,
) -> Figure:
    """Strength sessions per week (dark bars: adherent weeks) with each injury as a shaded
    span from onset to healed (or to today), and the day adherence began."""
    adherent = [week for week in weeks if week["adherent"]]
    other = [week for week in weeks if not week["adherent"]]
    traces: list[dict[str, Any]] = [
        {
            "type": "bar",
            "name": f"≥ {min_sessions} strength sessions",
            "x": [week["week_start"] for week in adherent],
            "y": [week["sessions"] for week in adherent],
            "marker": {"color": BLUE},
            "hovertemplate": "%{y} sessions<extra>week of %{x}</extra>",
        },
        {
            "type": "bar",
            "name": f"Fewer than {min_sessions}",
            "x": [week["week_start"] for week in other],
            "y": [week["sessions"] for week in other],
            "marker": {"color": GREY},
            "hovertemplate": "%{y} sessions<extra>week of %{x}</extra>",
        },
    ]
    top = max((week["sessions"] for week in weeks), default=0) + 1
    if injuries:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "Injury onset",
                "x": [injury["onset"] for injury in injuries],
                "y": [top] * len(injuries),
                "text": [_injury_words(injury) for injury in injuries],
                "marker": {"color": RED, "symbol": "x", "size": 11},
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": injury["onset"],
            "x1": injury["resolved"] or as_of.isoformat(),
            "y0": 0,
            "y1": 1,
            "fillcolor": "rgba(163, 23, 27, 0.12)",
            "line": {"width": 0},
            "layer": "below",
        }
        for injury in injuries
    ]
    annotations = []
    if adherence_start is not None:
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": adherence_start,
                "x1": adherence_start,
                "y0": 0,
                "y1": 1,
                "line": {"color": GREEN, "width": 2, "dash": "dash"},
            }
        )
        annotations.append(
            {
                "x": adherence_start,
                "xref": "x",
                "y": 1,
                "yref": "paper",
                "text": "adherence began ",
                "showarrow": False,
                "xanchor": "right",
                "yanchor": "top",
                "font": {"color": GREEN, "size": 11},
            }
        )
    first = weeks[0]["week_start"] if weeks else as_of.isoformat()
    last = (as_of + timedelta(days=7)).isoformat()
    return figure(
        traces,
        x_title="Week",
        y_title="Strength sessions",
        xaxis={"range": [first, last]},
        x_type="date",
        legend=True,
        barmode="overlay",
        bargap=0.15,
        shapes=shapes,
        annotations=annotations,
        yaxis={"rangemode": "tozero", "dtick": 1, "range": [0, top + 0.8]},
    )


def _injury_words(injury: dict[str, Any]) -> str:
    region = str(injury["region"]).replace("_", " ")
    healed = f", healed {injury['resolved']}" if injury["resolved"] else ", not healed"
    return f"{region} ({injury['side']}), from {injury['onset']}{healed}"


def soreness_figure(points: Sequence[dict[str, Any]], weekly: Sequence[dict[str, Any]]) -> Figure:
    """The quad-vs-glute index of each post-run log (dots) and its weekly mean (line)."""
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "mode": "markers",
            "name": "One log",
            "x": [point["date"] for point in points],
            "y": numbers((point["index"] for point in points), 2),
            "marker": {"color": GREY, "size": 7, "symbol": "circle-open"},
            "hovertemplate": "%{y:.2f}<extra>%{x}</extra>",
        },
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": "Weekly mean",
            "x": [week["week"] for week in weekly],
            "y": numbers((week["index"] for week in weekly), 2),
            "line": {"color": PURPLE, "width": 2},
            "marker": {"color": PURPLE, "size": 5},
            "connectgaps": True,
            "hovertemplate": "%{y:.2f}<extra>week of %{x}</extra>",
        },
    ]
    return figure(
        traces,
        x_title="Day",
        y_title="Quad share of soreness",
        x_type="date",
        legend=True,
        shapes=[_horizontal_line(0.5, GREY)],
        yaxis={
            "range": [-0.05, 1.05],
            "tickvals": [0, 0.5, 1],
            "ticktext": ["0 glutes", "0.5", "1 quads"],
        },
    )


def _horizontal_line(y: float, colour: str) -> dict[str, Any]:
    return {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "yref": "y",
        "y0": y,
        "y1": y,
        "line": {"color": colour, "width": 1.5, "dash": "dash"},
    }
