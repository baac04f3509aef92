"""The Jinja2 environment: templates from web/templates, filters for dates, times and terms."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from stridewell.domain.accounts import may_add_athlete
from stridewell.domain.athletes import distance_label, format_duration
from stridewell.web.choices import CHOICES
from stridewell.web.log_choices import for_the_page
from stridewell.web.navigation import NAV_ITEMS

TEMPLATES_DIR = Path(__file__).parent / "templates"


@cache
def make_templates() -> Environment:
    """One environment per process: templates compile once, and reload when their file changes."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        # A misspelt variable fails the page (and its test) instead of rendering blank.
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        {
            "duration": format_duration,
            "day": short_day,
            "long_date": long_date,
            "date_text": date_text,
            "km": km_text,
            "label": term_label,
            "rest": rest_text,
            "distance": distance_label,
            "sentence": sentence,
            "for_the_page": for_the_page,
        }
    )
    env.globals["nav_items"] = NAV_ITEMS
    env.globals["choices"] = CHOICES
    # No button that leads to a refusal: an athlete account has its one profile.
    env.globals["may_add_athlete"] = lambda user: user is None or may_add_athlete(user)
    return env


def short_day(day: date) -> str:
    """`Tue 17 Mar`."""
    return f"{day:%a} {day.day} {day:%b}"


def long_date(day: date) -> str:
    """`Wednesday 11 March 2026`."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def date_text(day: date | str) -> str:
    """`11 Mar 2026`, also from the ISO dates of the services' JSON dicts."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return f"{day.day} {day:%b %Y}"


def km_text(distance_km: float) -> str:
    return f"{distance_km:.1f} km" if distance_km % 1 else f"{distance_km:.0f} km"


def term_label(term: str) -> str:
    """A vocabulary term for people: `gluteus_medius` → `Gluteus medius`, `it_band` → `IT band`."""
    words = term.replace("_", " ").replace("-", " ").split()
    if not words:
        return ""
    special = {"it": "IT", "rpe": "RPE"}
    words = [special.get(word.lower(), word) for word in words]
    first = words[0]
    words[0] = first if first.isupper() and len(first) > 1 else first.capitalize()
    return " ".join(words)


def sentence(message: str) -> str:
    """A service's one-line message (lower case, no stop) as a sentence for a page."""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def rest_text(seconds: int) -> str:
    if seconds >= 120 and seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"
