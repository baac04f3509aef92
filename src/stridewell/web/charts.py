"""Plotly figures as plain dicts (`{"data", "layout"}`), drawn in the page by plotly.min.js:
the house layout, and one activity's pace, heart rate and elevation (progress_charts.py has
the Progress page's).

Plain dicts rather than `plotly.graph_objects`: the same JSON, without validating every
property on each request (the progress page builds eight figures). Every value is JSON-safe:
NaN becomes None, which Plotly draws as a gap.

Charts never trap a finger: axes are fixed and dragging is off, so a phone scrolls the page
over a chart; tapping shows the values. The numbers are also in a table beside each chart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np

from stridewell.domain.activities import FloatArray
from stridewell.services.activity_browser import ChartStreams

Figure = dict[str, Any]

# Each at least 4.5:1 on white (WCAG AA, so also the 3:1 for graphics); lines differ by dash
# and marker too, not by colour alone.
BLUE = "#0b5873"
RED = "#a3171b"
GREEN = "#2f7d32"
BROWN = "#6a4700"
PURPLE = "#5b3a8c"
GREY = "#6c7782"
GRID = "#e3e6e8"
SERIES_COLOURS = (BLUE, RED, GREEN, BROWN, PURPLE, GREY)
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
HEIGHT_PX = 260
_PACE_TICK_STEPS_S = (5, 10, 15, 20, 30, 60, 120, 300, 600)
_MAX_TICKS = 6


def figure(
    traces: list[dict[str, Any]],
    *,
    x_title: str,
    y_title: str,
    x_type: str = "linear",
    legend: bool = False,
    height_px: int = HEIGHT_PX,
    **layout: Any,
) -> Figure:
    """A figure with the house layout: small margins, fixed axes, legend under the plot."""
    # Dates label themselves; without a title the legend below the plot has room.
    shown_x_title = "" if x_type == "date" else x_title
    base: dict[str, Any] = {
        "height": height_px,
        "margin": {"l": 56, "r": 16, "t": 12, "b": 44},
        "font": {"family": FONT, "size": 12, "color": "#1b2127"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "dragmode": False,
        "hovermode": "x unified" if x_type == "date" else "closest",
        "showlegend": legend,
        "legend": {"orientation": "h", "y": -0.25, "x": 0},
        "xaxis": {
            "title": {"text": shown_x_title},
            "type": x_type,
            "gridcolor": GRID,
            "zeroline": False,
            "fixedrange": True,
            "automargin": True,
        },
        "yaxis": {
            "title": {"text": y_title},
            "gridcolor": GRID,
            "zeroline": False,
            "fixedrange": True,
            "automargin": True,
        },
    }
    if legend:
        base["margin"]["b"] = 64
    for key, value in layout.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return {"data": traces, "layout": base}


def numbers(values: Iterable[float | None] | FloatArray, digits: int = 2) -> list[float | None]:
    """JSON-safe numbers: NaN and None become None (a gap in the line)."""
    out: list[float | None] = []
    for value in values:
        if value is None or not math.isfinite(float(value)):
            out.append(None)
        else:
            out.append(round(float(value), digits))
    return out


def clock(seconds: float) -> str:
    """`M:SS` (or `H:MM:SS`) of a duration in seconds."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# --- one activity ------------------------------------------------------------------------------


def activity_figures(chart: ChartStreams, shows_pace: bool) -> dict[str, Figure]:
    """Pace (or speed), heart rate and elevation over distance (or time): the charts the
    activity has data for, by name."""
    if chart.points == 0:
        return {}
    if chart.x == "distance":
        x = numbers(chart.distance_km, 3)
        x_title, x_hover = "Distance (km)", "%{x:.2f} km"
    else:
        x = numbers(chart.time_s / 60.0, 2)
        x_title, x_hover = "Time (min)", "%{x:.1f} min"
    figures: dict[str, Figure] = {}
    if chart.has("speed_m_s"):
        figures["pace" if shows_pace else "speed"] = (
            _pace_figure(x, x_title, x_hover, chart.pace_s_per_km)
            if shows_pace
            else _line_figure(x, x_title, x_hover, chart.speed_m_s * 3.6, "Speed (km/h)", BLUE)
        )
    if chart.has("hr_bpm"):
        figures["hr"] = _line_figure(x, x_title, x_hover, chart.hr_bpm, "Heart rate (bpm)", RED)
    if chart.has("altitude_m"):
        elevation = _line_figure(x, x_title, x_hover, chart.altitude_m, "Elevation (m)", BROWN)
        elevation["data"][0]["fill"] = "tozeroy"
        elevation["data"][0]["fillcolor"] = "rgba(106, 71, 0, 0.12)"
        finite = chart.altitude_m[np.isfinite(chart.altitude_m)]
        low, high = float(finite.min()), float(finite.max())
        pad = max((high - low) * 0.1, 5.0)
        elevation["layout"]["yaxis"]["range"] = [low - pad, high + pad]
        figures["elevation"] = elevation
    return figures


def _line_figure(
    x: list[float | None],
    x_title: str,
    x_hover: str,
    values: FloatArray,
    y_title: str,
    colour: str,
) -> Figure:
    trace = {
        "type": "scatter",
        "mode": "lines",
        "x": x,
        "y": numbers(values, 1),
        "line": {"color": colour, "width": 1.5},
        "hovertemplate": f"%{{y:.0f}}<br>{x_hover}<extra></extra>",
        "connectgaps": False,
    }
    return figure([trace], x_title=x_title, y_title=y_title)


def _pace_figure(
    x: list[float | None], x_title: str, x_hover: str, pace_s_per_km: FloatArray
) -> Figure:
    """Pace with faster at the top (the axis is reversed) and M:SS ticks."""
    finite = pace_s_per_km[np.isfinite(pace_s_per_km)]
    # The 2nd to 98th percentile: a stop at a crossing should not flatten the whole run.
    low, high = (float(v) for v in np.percentile(finite, [2, 98]))
    pad = max((high - low) * 0.1, 10.0)
    low, high = max(low - pad, 0.0), high + pad
    ticks = pace_ticks(low, high)
    trace = {
        "type": "scatter",
        "mode": "lines",
        "x": x,
        "y": numbers(pace_s_per_km, 1),
        "customdata": [None if v is None else clock(v) for v in numbers(pace_s_per_km, 1)],
        "line": {"color": BLUE, "width": 1.5},
        "hovertemplate": f"%{{customdata}} /km<br>{x_hover}<extra></extra>",
        "connectgaps": False,
    }
    return figure(
        [trace],
        x_title=x_title,
        y_title="Pace (min/km)",
        yaxis={
            "range": [high, low],
            "tickvals": ticks,
            "ticktext": [clock(tick) for tick in ticks],
        },
    )


def pace_ticks(low_s: float, high_s: float) -> list[float]:
    """Round tick values (every 5 s … 10 min) between two paces, at most six of them."""
    span = max(high_s - low_s, 1.0)
    step = next((s for s in _PACE_TICK_STEPS_S if span / s <= _MAX_TICKS), _PACE_TICK_STEPS_S[-1])
    first = math.ceil(low_s / step) * step
    return [float(v) for v in range(int(first), int(high_s) + 1, step)]
