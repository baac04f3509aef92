"""The options of the forms' selects and checkboxes, from the domain's vocabularies."""

from __future__ import annotations

from dataclasses import dataclass

from stridewell.domain.athletes import RACE_DISTANCES_M
from stridewell.domain.vocab import (
    Category,
    Equipment,
    Experience,
    Muscle,
    Region,
    Side,
    Weekday,
)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def _labelled(values: list[str], labels: dict[str, str] | None = None) -> tuple[Choice, ...]:
    names = labels or {}
    return tuple(
        Choice(value, names.get(value, value.replace("_", " ").capitalize())) for value in values
    )


_DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}

CHOICES: dict[str, tuple[Choice, ...]] = {
    "sex": _labelled(["F", "M", "X"], {"F": "Female", "M": "Male", "X": "Other / not said"}),
    "experience": _labelled([e.value for e in Experience]),
    "equipment": _labelled(
        [e.value for e in Equipment],
        {"bar": "Pull-up bar", "swiss_ball": "Swiss ball", "bodyweight": "Bodyweight only"},
    ),
    "weekday": _labelled([d.value for d in Weekday], _DAY_NAMES),
    "region": _labelled(
        [r.value for r in Region], {"it_band": "IT band", "lower_back": "Lower back"}
    ),
    "side": _labelled([s.value for s in Side]),
    "muscle": _labelled([m.value for m in Muscle]),
    "category": _labelled([c.value for c in Category]),
    "distance": (
        *_labelled(
            list(RACE_DISTANCES_M),
            {"5k": "5 km", "10k": "10 km", "half": "Half marathon", "marathon": "Marathon"},
        ),
        Choice("other", "Other distance"),
    ),
}
