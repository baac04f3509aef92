"""Request bodies of the API. Values stay text where the domain parses them, so the API and
the forms reject bad input with the same words (and the same `field`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from stridewell.web.ids import Id


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AthleteIn(_Body):
    name: str = Field(examples=["Ada"])
    sex: str = Field(description="F, M or X", examples=["F"])
    birth_year: int = Field(examples=[1988])
    weekly_km: float | None = Field(default=None, description="Current weekly running volume.")
    experience: str | None = Field(default=None, description="novice, intermediate or advanced")
    equipment: list[str] | None = Field(default=None, examples=[["bodyweight", "band"]])
    days: list[str] | None = Field(default=None, examples=[["tue", "thu", "sat", "sun"]])
    long_run_day: str | None = Field(default=None, examples=["sun"])
    max_hr: int | None = None
    rest_hr: int | None = None
    timezone: str | None = Field(default=None, examples=["Europe/London"])


class AthleteChanges(_Body):
    """Only the fields sent change; `null` clears max_hr or rest_hr."""

    name: str | None = None
    sex: str | None = Field(default=None, description="F, M or X")
    birth_year: int | None = None
    weekly_km: float | None = None
    experience: str | None = None
    equipment: list[str] | None = Field(default=None, examples=[["bodyweight", "band"]])
    days: list[str] | None = Field(default=None, examples=[["tue", "thu", "sat", "sun"]])
    long_run_day: str | None = None
    max_hr: int | None = Field(default=None, examples=[188])
    rest_hr: int | None = None
    timezone: str | None = None
    units: str | None = Field(default=None, description="km or mi")


class InjuryIn(_Body):
    region: str = Field(examples=["it_band"])
    side: str = Field(description="left, right or both", examples=["right"])
    onset: str = Field(description="YYYY-MM-DD", examples=["2026-01-05"])
    resolved: str | None = Field(default=None, description="YYYY-MM-DD")
    severity: int = Field(description="0 to 10", examples=[5])
    days_off_running: int = 0
    notes: str = ""


class RaceIn(_Body):
    name: str = Field(examples=["Autumn Marathon"])
    date: str = Field(description="YYYY-MM-DD", examples=["2026-10-04"])
    distance: str = Field(description="5k, 10k, half, marathon or metres", examples=["marathon"])
    goal: str | None = Field(default=None, description="H:MM:SS", examples=["3:20:00"])
    result: str | None = Field(default=None, description="H:MM:SS")


class PlanIn(_Body):
    race_id: Id | None = Field(default=None, description="Default: the next goal race.")
    start: str | None = Field(default=None, description="YYYY-MM-DD; default today.")
    weeks: int | None = Field(default=None, description="Default: up to the race.")
    weekly_km: float | None = Field(default=None, description="Default: the athlete's.")


class UserIn(_Body):
    email: str = Field(examples=["coach@club.example"])
    password: str = Field(description="At least 10 characters.")
    role: str = Field(default="athlete", description="athlete, coach or admin")
    athlete_id: Id | None = Field(default=None, description="The account's own athlete profile.")


class UserChanges(_Body):
    """Only the fields sent change; `athlete_id: null` clears the account's own athlete."""

    role: str | None = Field(default=None, description="athlete, coach or admin")
    athlete_id: Id | None = Field(default=None, examples=[3])
    password: str | None = Field(default=None, description="A new password; its sessions end.")
