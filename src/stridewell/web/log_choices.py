"""The options of the logging forms: effort, soreness and pain scales, when soreness was felt."""

from __future__ import annotations

import re

from stridewell.domain.strength_log import SorenessContext
from stridewell.domain.vocab import Region
from stridewell.web.choices import Choice

# The CR-10 effort scale as Foster's group worded it (foster2001): 0 rest … 10 maximal.
_EFFORT_WORDS = {
    0: "rest",
    1: "very, very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    7: "very hard",
    10: "maximal",
}


def _scale(words: dict[int, str]) -> tuple[Choice, ...]:
    return tuple(
        Choice(str(value), f"{value} — {words[value]}" if value in words else str(value))
        for value in range(11)
    )


RPE_CHOICES = _scale(_EFFORT_WORDS)

# Pain, 0–10; silbernagel2007: 0–2 is the safe band, above 5 is too much.
_PAIN_WORDS = {0: "none", 2: "top of the safe band", 5: "the most that is acceptable", 10: "worst"}
PAIN_CHOICES = _scale(_PAIN_WORDS)

# Soreness, 0 (none) to 10 (worst imaginable).
SCORE_CHOICES: tuple[Choice, ...] = tuple(Choice(str(value), str(value)) for value in range(11))

CONTEXT_CHOICES: tuple[Choice, ...] = (
    Choice(SorenessContext.MORNING.value, "In the morning"),
    Choice(SorenessContext.POST_RUN.value, "After a run"),
    Choice(SorenessContext.POST_STRENGTH.value, "After strength work"),
    Choice(SorenessContext.POST_RACE.value, "After a race"),
)

# Regions scored once, not per side.
MIDLINE_REGIONS = frozenset({Region.LOWER_BACK})

YES_NO_CHOICES: tuple[Choice, ...] = (Choice("yes", "Yes"), Choice("no", "No"))


# The services' advice names CLI commands; on a page the form is right there.
_COMMAND_HINTS = (
    (
        re.compile(r" Then log them with `stridewell rehab readiness`\."),
        " Then log them on the return-to-run page.",
    ),
    (re.compile(r" \((?:`?stridewell [^)]*|--[^)]*)\)"), ""),
)


def for_the_page(message: str) -> str:
    """A service message without its command-line hints (`stridewell …`, `--option`)."""
    for pattern, replacement in _COMMAND_HINTS:
        message = pattern.sub(replacement, message)
    return message
