"""/api/v1/athletes/{id}/injuries/{injury_id} and /rehab: change or resolve an injury, and the
return to run (readiness checks, walk-run sessions and their pain gates).

Listing and adding injuries are in `athletes.py` (`GET/POST /athletes/{id}/injuries`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from stridewell.domain.athletes import ValidationError
from stridewell.domain.rehab import READINESS_TESTS, ReadinessCheck
from stridewell.services import parsing
from stridewell.services.injuries import injury_to_dict, resolve_injury, update_injury
from stridewell.services.rehab import (
    choose_injury,
    log_readiness,
    log_rehab_session,
    outcome_to_dict,
    rehab_report,
    rehab_report_to_dict,
)
from stridewell.web.access import AuthorisedAthlete
from stridewell.web.api.errors import ERROR_RESPONSES
from stridewell.web.ids import Id
from stridewell.web.state import web_state

router = APIRouter(tags=["injuries"], responses=ERROR_RESPONSES)

# The domain names fields in words ("pain during"); the API, as in the request body.
_FIELDS = {
    "pain during": "pain_during",
    "next-morning pain": "pain_next_morning",
    **{f"{name.replace('_', ' ')} pain": f"{name}_pain" for name, _ in READINESS_TESTS},
}


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InjuryPatch(_Body):
    severity: int | None = Field(default=None, description="0 to 10")
    notes: str | None = None
    days_off_running: int | None = None


class ResolveIn(_Body):
    resolved: str = Field(description="YYYY-MM-DD: when it cleared up", examples=["2026-03-01"])
    days_off_running: int | None = Field(default=None, description="Days without running in all")


class RehabSessionIn(_Body):
    injury_id: Id | None = Field(
        default=None, description="Default: the injury a return to run is about"
    )
    date: str = Field(description="YYYY-MM-DD")
    stage: int = Field(examples=[1])
    pain_during: int | None = Field(default=None, description="0 to 10; needed for a new session")
    pain_next_morning: int | None = Field(default=None, description="0 to 10, the day after")
    settled_24h: bool | None = Field(default=None, description="Had the pain settled in 24 h?")
    notes: str | None = None


class ReadinessIn(_Body):
    injury_id: Id | None = None
    date: str | None = Field(default=None, description="YYYY-MM-DD; default today")
    walk_pain: int = Field(description="Worst pain on a 30-minute walk, 0 to 10")
    single_leg_squat_pain: int = Field(description="Worst pain in 10 single-leg squats")
    jog_on_spot_pain: int = Field(description="Worst pain in a minute of jogging on the spot")
    hop_pain: int = Field(description="Worst pain in 30 s of hopping")
    notes: str = ""


@router.patch("/athletes/{athlete_id}/injuries/{injury_id}", summary="Change an injury")
def patch_injury(
    request: Request, athlete: AuthorisedAthlete, injury_id: Id, body: InjuryPatch
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    with state.database.session() as session:
        stored = update_injury(
            session,
            athlete.id,
            injury_id,
            state.today(),
            severity=body.severity,
            notes=body.notes,
            days_off_running=body.days_off_running,
        )
    return {"injury": injury_to_dict(stored, state.today())}


@router.post("/athletes/{athlete_id}/injuries/{injury_id}/resolve", summary="Mark an injury healed")
def post_resolve(
    request: Request, athlete: AuthorisedAthlete, injury_id: Id, body: ResolveIn
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    resolved = parsing.iso_date(body.resolved, "resolved")
    with state.database.session() as session:
        stored = resolve_injury(
            session,
            athlete.id,
            injury_id,
            resolved,
            state.today(),
            days_off_running=body.days_off_running,
        )
    return {"injury": injury_to_dict(stored, state.today())}


@router.get("/athletes/{athlete_id}/rehab", summary="Where the return to run stands")
def get_rehab(
    request: Request,
    athlete: AuthorisedAthlete,
    injury: Annotated[Id | None, Query(description="Injury id; default: the one rehabbed")] = None,
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    with state.database.session() as session:
        report = rehab_report(session, athlete.id, state.today(), injury)
    return rehab_report_to_dict(report, state.today())


@router.post(
    "/athletes/{athlete_id}/rehab/log",
    status_code=201,
    summary="Log a walk-run session, or its next-morning answers",
)
def post_rehab_session(
    request: Request, athlete: AuthorisedAthlete, body: RehabSessionIn
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    day = parsing.iso_date(body.date, "date")
    with _named_fields(), state.database.session() as session:
        chosen = choose_injury(session, athlete.id, body.injury_id, today)
        assert chosen.id is not None
        stored, report = log_rehab_session(
            session,
            athlete.id,
            chosen.id,
            today,
            day=day,
            stage=body.stage,
            pain_during=body.pain_during,
            pain_next_morning=body.pain_next_morning,
            settled_24h=body.settled_24h,
            notes=body.notes,
        )
    outcome = next(o for o in report.status.history if o.session.id == stored.id)
    return {"session": outcome_to_dict(outcome), "rehab": rehab_report_to_dict(report, today)}


@router.post(
    "/athletes/{athlete_id}/rehab/readiness",
    status_code=201,
    summary="Record the readiness checks before the first run",
)
def post_readiness(
    request: Request, athlete: AuthorisedAthlete, body: ReadinessIn
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    check = ReadinessCheck(
        date=parsing.iso_date(body.date or today.isoformat(), "date"),
        walk_pain=body.walk_pain,
        single_leg_squat_pain=body.single_leg_squat_pain,
        jog_on_spot_pain=body.jog_on_spot_pain,
        hop_pain=body.hop_pain,
        notes=body.notes,
    )
    with _named_fields(), state.database.session() as session:
        chosen = choose_injury(session, athlete.id, body.injury_id, today)
        assert chosen.id is not None
        report = log_readiness(session, athlete.id, chosen.id, check, today)
    return {"rehab": rehab_report_to_dict(report, today)}


@contextmanager
def _named_fields() -> Iterator[None]:
    """Rename the domain's field words to the body's names in a `ValidationError`."""
    try:
        yield
    except ValidationError as error:
        if error.field in _FIELDS:
            raise ValidationError(str(error), _FIELDS[error.field]) from None
        raise
