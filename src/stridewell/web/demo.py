"""Loading the demo athlete from the web: her profile, injury history, twelve weeks of training
and a plan, in one transaction."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from stridewell.domain.athletes import Athlete
from stridewell.services.demo import create_demo_athlete
from stridewell.services.plans import build_plan

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_demo_athlete(session: Session, today: date) -> Athlete | None:
    """The demo athlete with her training history and first plan, or None when the database
    already has athletes."""
    athlete = create_demo_athlete(session, today)
    if athlete is None or athlete.id is None:
        return None
    build_plan(session, athlete.id, today)
    return athlete
