"""Soreness scores: 0–10 by body region and side, with when they were taken."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.domain.strength_log import (
    SorenessEntry,
    check_distinct_regions,
    side_term,
    soreness_context_term,
    soreness_region,
)
from stridewell.domain.vocab import Side
from stridewell.services import parsing
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.store.repositories.logs import SorenessRepository


def soreness_from_text(
    *,
    day: str,
    context: str,
    regions: Sequence[str] = (),
    sides: Sequence[str] = (),
    scores: Sequence[int] = (),
    scores_text: str | None = None,
) -> tuple[SorenessEntry, ...]:
    """Soreness entries from repeated `--region/--side/--score` values and/or a compact list
    `quad:6,glute/left:2` (a region, an optional `/side`, a score).

    `sides` is either empty (every region scored for both sides) or one side per region.
    """
    when = parsing.iso_date(day, "date")
    moment = soreness_context_term(context)
    if len(scores) != len(regions):
        raise ValidationError(
            f"give one --score per --region ({len(regions)} regions, {len(scores)} scores)",
            "score",
        )
    if sides and len(sides) != len(regions):
        raise ValidationError(
            f"give one --side per --region, or none for both sides ({len(regions)} regions, "
            f"{len(sides)} sides)",
            "side",
        )
    pairs: list[tuple[str, str, int]] = [
        (region, sides[index] if sides else Side.BOTH.value, scores[index])
        for index, region in enumerate(regions)
    ]
    if scores_text is not None:
        pairs.extend(_compact_scores(scores_text))
    if not pairs:
        raise ValidationError("give at least one region and score (--region/--score or --scores)")
    entries = tuple(
        SorenessEntry(
            date=when,
            context=moment,
            region=soreness_region(region),
            side=side_term(side),
            score=score,
        )
        for region, side, score in pairs
    )
    check_distinct_regions(entries)
    return entries


def _compact_scores(text: str) -> list[tuple[str, str, int]]:
    pairs = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        where, colon, score_text = item.rpartition(":")
        if not colon or not where.strip():
            raise ValidationError(f"soreness {item!r}: expected region[/side]:score", "scores")
        region, _, side = where.partition("/")
        try:
            score = int(score_text.strip())
        except ValueError:
            raise ValidationError(
                f"soreness {item!r}: score {score_text.strip()!r} is not a whole number", "scores"
            ) from None
        pairs.append((region, side or Side.BOTH.value, score))
    return pairs


def log_soreness(
    session: Session, athlete_id: int, entries: Sequence[SorenessEntry], today: date
) -> list[SorenessEntry]:
    """Check and store the scores together (all or nothing); returns them with their ids."""
    get_athlete(session, athlete_id)
    batch = tuple(entries)
    for entry in batch:
        entry.validate(today)
    check_distinct_regions(batch)
    return SorenessRepository(session).add_all(athlete_id, batch)


def list_soreness(
    session: Session,
    athlete_id: int,
    start: date | None = None,
    end: date | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[SorenessEntry]:
    """The athlete's soreness scores from `start` to `end` (both included), oldest first."""
    get_athlete(session, athlete_id)
    return SorenessRepository(session).list_for(athlete_id, start, end, limit=limit, offset=offset)


def get_soreness(session: Session, athlete_id: int, entry_id: int) -> SorenessEntry:
    """One of the athlete's scores; `NotFoundError` for another athlete's or none."""
    get_athlete(session, athlete_id)
    entry = SorenessRepository(session).get(entry_id)
    if entry is None or entry.athlete_id != athlete_id:
        raise NotFoundError(f"no soreness score with id {entry_id} for this athlete")
    return entry


def delete_soreness(session: Session, athlete_id: int, entry_id: int) -> SorenessEntry:
    """Remove one score (the other regions logged with it stay); returns it as it was."""
    entry = get_soreness(session, athlete_id, entry_id)
    SorenessRepository(session).delete(entry_id)
    return entry


def count_soreness(
    session: Session, athlete_id: int, start: date | None = None, end: date | None = None
) -> int:
    """How many scores `list_soreness` lists without `limit`."""
    get_athlete(session, athlete_id)
    return SorenessRepository(session).count_for(athlete_id, start, end)


def soreness_to_dict(entry: SorenessEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "context": entry.context.value,
        "region": entry.region.value,
        "side": entry.side.value,
        "score": entry.score,
    }
