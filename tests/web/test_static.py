"""The stylesheet's colour pairs meet WCAG AA contrast, and templates label what they ask."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stridewell.web.app import STATIC_DIR

CSS = (STATIC_DIR / "app.css").read_text(encoding="utf-8")
COLOURS = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", CSS))

# (text colour, background colour, minimum ratio): WCAG 2.1 AA is 4.5 for body text and 3 for
# large text, focus rings and input borders (1.4.3, 1.4.11).
PAIRS = [
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("accent", "surface", 4.5),
    ("accent", "bg", 4.5),
    ("accent", "now-bg", 4.5),
    ("on-accent", "accent", 4.5),
    ("error", "surface", 4.5),
    ("error", "error-bg", 4.5),
    ("warn", "warn-bg", 4.5),
    ("focus", "surface", 3.0),
    ("focus", "bg", 3.0),
    ("input-line", "surface", 3.0),
    *[
        ("text", f"phase-{phase}", 4.5)
        for phase in ("base", "build", "peak", "taper", "race", "recovery", "return")
    ],
]


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.1 definition)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("fore", "back", "minimum"), PAIRS)
def test_colour_pairs_have_enough_contrast(fore: str, back: str, minimum: float) -> None:
    assert contrast(COLOURS[fore], COLOURS[back]) >= minimum


def test_focus_is_always_visible() -> None:
    assert re.search(r":focus-visible\s*{[^}]*outline:\s*3px solid var\(--focus\)", CSS)
    assert "outline: none" not in CSS.replace("main:focus { outline: none; }", "")


def test_touch_targets_are_at_least_44_px() -> None:
    assert "--tap: 44px" in CSS


@pytest.mark.parametrize("template", sorted((STATIC_DIR.parent / "templates").glob("*.html")))
def test_templates_load_nothing_from_other_sites(template: Path) -> None:
    assert not re.search(r"(src|href)=\"(https?:)?//", template.read_text(encoding="utf-8"))
