"""Sport labels as GPX, TCX and Strava write them, mapped to FIT sport names (design.md data model).

Unknown labels map to FIT's "generic" rather than failing the import: the sport is metadata the
runner can correct, not a reason to lose the activity.
"""

from __future__ import annotations

GENERIC = "generic"

# (sport, sub_sport) by lower-case label with spaces, dashes and underscores removed.
_BY_LABEL: dict[str, tuple[str, str | None]] = {
    "run": ("running", None),
    "running": ("running", None),
    "trailrun": ("running", "trail"),
    "trailrunning": ("running", "trail"),
    "treadmill": ("running", "treadmill"),
    "treadmillrunning": ("running", "treadmill"),
    "virtualrun": ("running", "virtual_activity"),
    "ride": ("cycling", None),
    "cycling": ("cycling", None),
    "biking": ("cycling", None),
    "bike": ("cycling", None),
    "mountainbikeride": ("cycling", "mountain"),
    "gravelride": ("cycling", "gravel_cycling"),
    "virtualride": ("cycling", "virtual_activity"),
    "ebikeride": ("e_biking", None),
    "walk": ("walking", None),
    "walking": ("walking", None),
    "hike": ("hiking", None),
    "hiking": ("hiking", None),
    "swim": ("swimming", None),
    "swimming": ("swimming", None),
    "weighttraining": ("training", "strength_training"),
    "strengthtraining": ("training", "strength_training"),
    "workout": ("training", None),
    "crossfit": ("training", None),
    "yoga": ("training", "yoga"),
    "elliptical": ("fitness_equipment", "elliptical"),
    "rowing": ("rowing", None),
    "alpineski": ("alpine_skiing", None),
    "nordicski": ("cross_country_skiing", None),
    "other": (GENERIC, None),
    "generic": (GENERIC, None),
}
# Strava writes its activity-type number into GPX <type>; 9 (Run) and 16 (Swim) are confirmed by
# the corpus' Strava exports, the rest follow the same enumeration of Strava's activity types.
_STRAVA_TYPE_NUMBERS: dict[str, str] = {
    "1": "ride",
    "2": "alpineski",
    "4": "hike",
    "7": "nordicski",
    "9": "run",
    "10": "walk",
    "11": "workout",
    "16": "swim",
    "17": "virtualride",
}


def sport_from_label(label: str | None) -> tuple[str, str | None] | None:
    """(sport, sub_sport) for a file's or export's sport label, or None when it names no sport."""
    if label is None:
        return None
    key = "".join(ch for ch in label.strip().lower() if ch not in " -_")
    key = _STRAVA_TYPE_NUMBERS.get(key, key)
    return _BY_LABEL.get(key)
