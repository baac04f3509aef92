"""Finding exercises: by slug, by filter, by what an athlete can do, and by substitution.

Substitution never leaves an exercise's movement pattern: a squat is replaced by another squat,
a Copenhagen plank by another adductor exercise. Choosing across patterns is the planner's job.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator

from stridewell.domain.exercises.library import ALL
from stridewell.domain.exercises.model import Exercise
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

__all__ = [
    "ALL",
    "UnknownExerciseError",
    "available",
    "by_slug",
    "find",
    "progression_chain",
    "substitute",
]

_BY_SLUG: dict[str, Exercise] = {exercise.slug: exercise for exercise in ALL}
_MAX_SUGGESTIONS = 5


class UnknownExerciseError(KeyError):
    """No exercise has the slug asked for; the message names the closest ones."""

    def __str__(self) -> str:
        # KeyError would show the message quoted, as if it were the missing key.
        return str(self.args[0]) if self.args else ""


def by_slug(slug: str) -> Exercise:
    """The exercise with this slug; `UnknownExerciseError` (a KeyError) suggests close ones."""
    try:
        return _BY_SLUG[slug]
    except KeyError:
        raise UnknownExerciseError(_unknown_message(slug)) from None


def find(
    *,
    muscle: Muscle | None = None,
    category: Category | None = None,
    equipment: Equipment | None = None,
    text: str | None = None,
) -> list[Exercise]:
    """Exercises matching every filter given, in library order.

    `muscle` matches primary or secondary muscles; `equipment` keeps what can be done with that
    kit alone (bodyweight exercises always qualify); `text` matches slug, name or alias, ignoring
    case and punctuation ("single leg squat" finds `single-leg-squat`).
    """
    kit = None if equipment is None else frozenset({equipment})
    needle = None if text is None else _normalise(text)
    return [
        exercise
        for exercise in ALL
        if (muscle is None or exercise.works(muscle))
        and (category is None or exercise.category == category)
        and (kit is None or exercise.can_do_with(kit))
        and (needle is None or _mentions(exercise, needle))
    ]


def available(
    exercises: Iterable[Exercise],
    equipment: frozenset[Equipment],
    excluded_regions: frozenset[Region],
    max_level: int,
) -> list[Exercise]:
    """The exercises doable with this kit, loading no excluded region, at most `max_level`."""
    return [e for e in exercises if _doable(e, equipment, excluded_regions, max_level)]


def substitute(
    exercise: Exercise,
    equipment: frozenset[Equipment],
    excluded_regions: frozenset[Region],
    max_level: int = 5,
) -> Exercise | None:
    """The best doable exercise of the same pattern, or None when nothing in it fits.

    The exercise itself is returned when it is already doable. When it is too hard or needs
    kit the athlete lacks, its regressions are tried first, nearest first, since they are the
    curated easier versions. Otherwise (or if no regression fits) every exercise of the pattern
    is ranked: same category first, then most primary muscles in common, then level closest to
    the original's; ties go to the alphabetically first slug.
    """

    def doable(candidate: Exercise) -> bool:
        return _doable(candidate, equipment, excluded_regions, max_level)

    if doable(exercise):
        return exercise
    closeness = _closeness_to(exercise)
    if exercise.level > max_level or not exercise.can_do_with(equipment):
        for layer in _regression_layers(exercise):
            fits = [e for e in layer if e.pattern == exercise.pattern and doable(e)]
            if fits:
                return min(fits, key=closeness)
    same_pattern = [
        e for e in ALL if e.pattern == exercise.pattern and e.slug != exercise.slug and doable(e)
    ]
    return min(same_pattern, key=closeness, default=None)


def progression_chain(slug: str) -> tuple[str, ...]:
    """Slugs from easiest to hardest along the links through `slug`.

    Where an exercise lists several regressions or progressions, the first listed is the main
    line of the chain.
    """
    start = by_slug(slug)
    seen = {start.slug}
    easier = _follow(start, lambda e: e.regressions, seen)
    harder = _follow(start, lambda e: e.progressions, seen)
    return (*reversed(easier), start.slug, *harder)


def _doable(
    exercise: Exercise,
    equipment: frozenset[Equipment],
    excluded_regions: frozenset[Region],
    max_level: int,
) -> bool:
    return (
        exercise.level <= max_level
        and exercise.can_do_with(equipment)
        and not excluded_regions.intersection(exercise.loads_regions)
    )


def _closeness_to(original: Exercise) -> Callable[[Exercise], tuple[bool, int, int, str]]:
    muscles = set(original.primary_muscles)

    def key(candidate: Exercise) -> tuple[bool, int, int, str]:
        return (
            candidate.category != original.category,
            -len(muscles.intersection(candidate.primary_muscles)),
            abs(candidate.level - original.level),
            candidate.slug,
        )

    return key


def _regression_layers(exercise: Exercise) -> Iterator[list[Exercise]]:
    """Regressions breadth-first: the direct ones, then theirs, and so on."""
    seen = {exercise.slug}
    layer = [exercise]
    while layer:
        following: list[Exercise] = []
        for current in layer:
            for slug in current.regressions:
                if slug not in seen:
                    seen.add(slug)
                    following.append(by_slug(slug))
        if following:
            yield following
        layer = following


def _follow(
    start: Exercise, links: Callable[[Exercise], tuple[str, ...]], seen: set[str]
) -> list[str]:
    path: list[str] = []
    current = start
    while links(current) and links(current)[0] not in seen:
        current = by_slug(links(current)[0])
        seen.add(current.slug)
        path.append(current.slug)
    return path


def _normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _mentions(exercise: Exercise, needle: str) -> bool:
    labels = (exercise.slug, exercise.name, *exercise.aliases)
    return any(needle in _normalise(label) for label in labels)


def _unknown_message(slug: str) -> str:
    wanted = _normalise(slug)
    # Everything a runner might type (slug, name, alias), each pointing at its slug.
    labels: dict[str, str] = {}
    for exercise in ALL:
        for label in (exercise.slug, exercise.name, *exercise.aliases):
            labels.setdefault(_normalise(label), exercise.slug)
    suggestions: list[str] = []
    if wanted in labels:
        suggestions.append(labels[wanted])
    for close in difflib.get_close_matches(wanted, list(labels), n=3 * _MAX_SUGGESTIONS):
        if labels[close] not in suggestions:
            suggestions.append(labels[close])
    if suggestions:
        listed = ", ".join(suggestions[:_MAX_SUGGESTIONS])
        return f"unknown exercise {slug!r}; did you mean: {listed}?"
    return f"unknown exercise {slug!r}; none of the {len(ALL)} exercises is a close match"
