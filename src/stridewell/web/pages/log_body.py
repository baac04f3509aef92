"""Logging soreness: every region from the back down to the feet, a 0–10 score per side; and
one logged score, which can be deleted."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.domain.strength_log import SorenessContext, SorenessEntry
from stridewell.domain.vocab import Region, Side
from stridewell.services.soreness import (
    delete_soreness,
    get_soreness,
    log_soreness,
    soreness_from_text,
)
from stridewell.web.access import CurrentAthlete
from stridewell.web.forms import GENERAL, FormState
from stridewell.web.ids import Id
from stridewell.web.log_choices import CONTEXT_CHOICES, MIDLINE_REGIONS, SCORE_CHOICES
from stridewell.web.pages.activities import confirmed_removal
from stridewell.web.rendering import CheckedForm, render, see_other
from stridewell.web.state import web_state

router = APIRouter(include_in_schema=False)

# Top of the body to the bottom, the order a runner checks herself in.
REGION_ORDER: tuple[Region, ...] = (
    Region.LOWER_BACK,
    Region.HIP,
    Region.GLUTE,
    Region.GROIN,
    Region.QUAD,
    Region.HAMSTRING,
    Region.IT_BAND,
    Region.KNEE,
    Region.SHIN,
    Region.CALF,
    Region.ACHILLES,
    Region.ANKLE,
    Region.FOOT,
)
SCORES_FIELD = "scores"  # the region list as a whole


@dataclass(frozen=True)
class ScoreField:
    region: Region
    side: Side

    @property
    def name(self) -> str:
        return score_field(self.region, self.side)


def score_field(region: Region, side: Side) -> str:
    return f"score-{region.value}-{side.value}"


def region_fields(region: Region) -> tuple[ScoreField, ...]:
    if region in MIDLINE_REGIONS:
        return (ScoreField(region, Side.BOTH),)
    return (ScoreField(region, Side.LEFT), ScoreField(region, Side.RIGHT))


REGION_ROWS: tuple[tuple[Region, tuple[ScoreField, ...]], ...] = tuple(
    (region, region_fields(region)) for region in REGION_ORDER
)
FIELDS = ("date", "context", SCORES_FIELD) + tuple(
    field.name for _, fields in REGION_ROWS for field in fields
)


@router.get("/log/soreness", response_class=HTMLResponse)
def soreness_page(request: Request, athlete: CurrentAthlete) -> Response:
    today = web_state(request).today()
    defaults = FormState.initial(
        {"date": today.isoformat(), "context": SorenessContext.MORNING.value}
    )
    return _page(request, athlete, defaults)


@router.post("/log/soreness")
def save_soreness(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    entered = FormState.from_form(form)
    today = state.today()
    try:
        entries = soreness_from_form(entered)
        for entry in entries:
            try:
                entry.validate(today)
            except ValidationError as error:
                field = score_field(entry.region, entry.side) if error.field == "score" else None
                raise ValidationError(str(error), field or error.field) from None
        with state.database.session() as session:
            log_soreness(session, athlete.id, entries, today)
    except ValidationError as error:
        entered.reject(error, FIELDS, {"region": SCORES_FIELD})
        return _page(request, athlete, entered, status_code=422)
    return see_other("/log?saved=soreness")


@router.get("/log/soreness/{entry_id}", response_class=HTMLResponse)
def soreness_entry_page(request: Request, athlete: CurrentAthlete, entry_id: Id) -> Response:
    """One logged score, and the form that deletes it."""
    return _entry_page(request, athlete, entry_id, FormState())


@router.post("/log/soreness/{entry_id}/delete")
def remove_soreness_entry(
    request: Request, athlete: CurrentAthlete, entry_id: Id, form: CheckedForm
) -> Response:
    athlete_id = athlete.id
    assert athlete_id is not None
    return confirmed_removal(
        request,
        form,
        "Yes, delete this score",
        lambda session: delete_soreness(session, athlete_id, entry_id),
        lambda entered: _entry_page(request, athlete, entry_id, entered, status_code=422),
        "/log?removed=soreness",
    )


def _entry_page(
    request: Request,
    athlete: Athlete,
    entry_id: int,
    delete_form: FormState,
    *,
    status_code: int = 200,
) -> Response:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        entry = get_soreness(session, athlete.id, entry_id)
    context = next(
        (choice.label for choice in CONTEXT_CHOICES if choice.value == entry.context.value),
        entry.context.value,
    )
    return render(
        request,
        "soreness_entry.html",
        {"entry": entry, "context_label": context, "delete_form": delete_form},
        athlete=athlete,
        status_code=status_code,
    )


def soreness_from_form(form: FormState) -> tuple[SorenessEntry, ...]:
    """The scored regions (a blank select is a region not scored)."""
    regions: list[str] = []
    sides: list[str] = []
    scores: list[int] = []
    for region, fields in REGION_ROWS:
        for field in fields:
            score = form.integer(field.name, f"{region.value.replace('_', ' ')} score")
            if score is None:
                continue
            regions.append(region.value)
            sides.append(field.side.value)
            scores.append(score)
    if not scores:
        raise ValidationError("score at least one region (0 means not sore)", SCORES_FIELD)
    context = form.text("context")
    if context is None:
        raise ValidationError("choose when you felt it", "context")
    return soreness_from_text(
        day=form.text("date") or "",
        context=context,
        regions=regions,
        sides=sides,
        scores=scores,
    )


def _page(request: Request, athlete: Athlete, form: FormState, status_code: int = 200) -> Response:
    return render(
        request,
        "log_soreness.html",
        {
            "form": form,
            "rows": REGION_ROWS,
            "score_choices": SCORE_CHOICES,
            "context_choices": CONTEXT_CHOICES,
            "general": GENERAL,
        },
        athlete=athlete,
        status_code=status_code,
    )
