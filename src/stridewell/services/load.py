"""The load watch: every session's load in two channels, and the report as of a day.

Runs and other endurance sessions load the cardio channel (heart rate where the streams have
it, else session RPE, else distance); runs also load the musculoskeletal channel by distance
(impact), and strength sessions load it by session RPE or tonnage. The headline series is the
two channels added together, so gym work always counts (docs/science.md#load_scales).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.domain.load import (
    Channel,
    HeartRateProfile,
    LoadDay,
    LoadEntry,
    LoadFlag,
    LoadReport,
    LoadWeek,
    activity_load_entries,
    load_report,
    local_date,
    strength_load_entry,
)
from stridewell.domain.load.report import ACWR_CAVEAT
from stridewell.services.athletes import get_athlete
from stridewell.store.repositories.analytics import AnalyticsRepository

DEFAULT_DAYS = 90
MAX_DAYS = 3660
# Sessions this many days before the first day shown are still measured from their streams;
# older ones from their summaries (average HR), which keeps a long archive fast. By then a
# session weighs under e^(-120/42) ≈ 6 % in CTL and nothing in the 7- and 28-day means, so
# the two methods' difference moves CTL on the first day shown by around 1 % at most.
STREAM_LOOKBACK_DAYS = 120
# A channel's flag on the day the combined load was flagged too is shown only when its value
# differs by this much (as printed, to one decimal); otherwise it repeats the same news.
CHANNEL_FLAG_DIFFERENCE = 0.1
# A local day can start up to 14 h before or 12 h after midnight UTC (UTC+14 … UTC−12).
_UTC_MARGIN = timedelta(hours=14)

COMBINED = "combined"
COMBINATION = (
    "load = cardio + musculoskeletal: a run counts in both (its cardio cost, and its impact "
    "by distance), a strength session in the musculoskeletal channel only; running km are "
    "counted once"
)
CHANNEL_WORDS = {
    COMBINED: "all training",
    Channel.CARDIO.value: "cardio load",
    Channel.MUSCULOSKELETAL.value: "musculoskeletal load",
}


@dataclass(frozen=True)
class SessionLoad:
    """One session's share of the load, with the method each channel was measured by."""

    date: date
    kind: str  # run | endurance | strength
    id: int | None  # activity id (runs, endurance) or strength session id
    name: str | None
    run_km: float
    cardio: LoadEntry | None
    musculoskeletal: LoadEntry | None

    @property
    def entries(self) -> tuple[LoadEntry, ...]:
        return tuple(e for e in (self.cardio, self.musculoskeletal) if e is not None)


@dataclass(frozen=True)
class ChannelFlag:
    channel: str  # combined | cardio | musculoskeletal
    flag: LoadFlag


@dataclass(frozen=True)
class LoadWatch:
    athlete_id: int
    as_of: date
    combined: LoadReport
    cardio: LoadReport
    musculoskeletal: LoadReport
    sessions: tuple[SessionLoad, ...]  # the sessions on the days reported, by date
    flags: tuple[ChannelFlag, ...]

    def report(self, channel: str) -> LoadReport:
        if channel == COMBINED:
            return self.combined
        return self.cardio if channel == Channel.CARDIO else self.musculoskeletal


def load_watch(
    session: Session,
    athlete_id: int,
    today: date,
    *,
    as_of: date | None = None,
    days: int = DEFAULT_DAYS,
) -> LoadWatch:
    """The athlete's load as of `as_of` (default today): the last `days` days, their weeks and
    flags, for the combined load and for each channel. The whole record feeds the averages."""
    athlete = get_athlete(session, athlete_id)
    as_of = as_of or today
    if as_of > today:
        raise ValidationError(
            f"as-of date {as_of.isoformat()} is in the future (today is {today.isoformat()})",
            "as_of",
        )
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(f"days must be 1 to {MAX_DAYS}", "days")
    first_day = as_of - timedelta(days=days - 1)
    sessions = session_loads(
        session, athlete, as_of, streams_from=first_day - timedelta(days=STREAM_LOOKBACK_DAYS)
    )
    entries = [entry for item in sessions for entry in item.entries]
    reports = {
        COMBINED: load_report(entries, as_of, days, channel=None),
        Channel.CARDIO.value: load_report(entries, as_of, days, channel=Channel.CARDIO),
        Channel.MUSCULOSKELETAL.value: load_report(
            entries, as_of, days, channel=Channel.MUSCULOSKELETAL
        ),
    }
    return LoadWatch(
        athlete_id=athlete_id,
        as_of=as_of,
        combined=reports[COMBINED],
        cardio=reports[Channel.CARDIO.value],
        musculoskeletal=reports[Channel.MUSCULOSKELETAL.value],
        sessions=tuple(item for item in sessions if first_day <= item.date <= as_of),
        flags=_flags(reports),
    )


def session_loads(
    session: Session, athlete: Athlete, last_day: date, *, streams_from: date | None = None
) -> list[SessionLoad]:
    """Every session of the athlete up to local day `last_day`, with its load, by date.

    Activities from `streams_from` on are measured from their streams; earlier ones from their
    summaries (None: from the summaries only). Three queries however long the archive.
    """
    assert athlete.id is not None
    profile = HeartRateProfile(
        max_hr_bpm=athlete.max_hr, rest_hr_bpm=athlete.rest_hr, sex=athlete.sex
    )
    repository = AnalyticsRepository(session)
    stored = repository.activities(
        athlete.id,
        end_utc=datetime.combine(last_day + timedelta(days=1), time(), UTC) + _UTC_MARGIN,
        streams_from_utc=(
            None
            if streams_from is None
            else datetime.combine(streams_from, time(), UTC) - _UTC_MARGIN
        ),
    )
    loads: list[SessionLoad] = []
    for item in stored:
        activity = item.activity
        tz = activity.tz_offset_s if activity.tz_offset_s is not None else athlete.timezone
        day = local_date(activity.start_utc, tz)
        if day > last_day:
            continue
        entries = activity_load_entries(activity, profile, athlete.timezone)
        by_channel = {entry.channel: entry for entry in entries}
        loads.append(
            SessionLoad(
                date=day,
                kind="run" if activity.is_run else "endurance",
                id=item.id,
                name=activity.name,
                run_km=(activity.distance_m or 0.0) / 1000.0 if activity.is_run else 0.0,
                cardio=by_channel.get(Channel.CARDIO),
                musculoskeletal=by_channel.get(Channel.MUSCULOSKELETAL),
            )
        )
    for strength in repository.strength_loads(athlete.id, end=last_day):
        entry = strength_load_entry(
            strength.date,
            duration_s=strength.duration_s,
            rpe=strength.rpe,
            tonnage=strength.tonnage_kg,
        )
        loads.append(
            SessionLoad(strength.date, "strength", strength.id, None, 0.0, None, entry)
        )
    loads.sort(key=lambda item: (item.date, item.kind != "strength", item.id or 0))
    return loads


def _flags(reports: dict[str, LoadReport]) -> tuple[ChannelFlag, ...]:
    """The combined load's flags, and a channel's flag where it adds something: a day the
    combined load was not flagged, or a value at least `CHANNEL_FLAG_DIFFERENCE` apart.
    Running-volume ramps are the same in every report (they count kilometres), so they are
    listed once."""
    combined = {(flag.code, flag.date): flag.value for flag in reports[COMBINED].flags}
    flags = []
    for channel, report in reports.items():
        for flag in report.flags:
            if channel != COMBINED:
                if flag.code == "ramp_high":
                    continue
                value = combined.get((flag.code, flag.date))
                if value is not None and abs(value - flag.value) < CHANNEL_FLAG_DIFFERENCE:
                    continue
            flags.append(ChannelFlag(channel, flag))
    order = {name: i for i, name in enumerate(reports)}
    flags.sort(key=lambda item: (item.flag.date, item.flag.code, order[item.channel]))
    return tuple(flags)


# --- JSON -----------------------------------------------------------------------------------


def load_watch_to_dict(watch: LoadWatch) -> dict[str, Any]:
    by_day: dict[date, list[SessionLoad]] = {}
    for item in watch.sessions:
        by_day.setdefault(item.date, []).append(item)
    days = []
    for day, cardio, musculoskeletal in zip(
        watch.combined.days, watch.cardio.days, watch.musculoskeletal.days, strict=True
    ):
        sources = Counter(
            entry.source.value for item in by_day.get(day.date, []) for entry in item.entries
        )
        days.append(
            {
                **_day_dict(day),
                "cardio_load": _rounded(cardio.load),
                "musculoskeletal_load": _rounded(musculoskeletal.load),
                "sources": dict(sorted(sources.items())),
            }
        )
    return {
        "athlete_id": watch.athlete_id,
        "as_of": watch.as_of.isoformat(),
        "channel": COMBINED,
        "combination": COMBINATION,
        "caveat": ACWR_CAVEAT,
        "days": days,
        "weeks": [_week_dict(week) for week in watch.combined.weeks],
        "flags": [flag_to_dict(flag) for flag in watch.flags],
        "channels": {
            channel.value: {
                "days": [_day_dict(day) for day in watch.report(channel.value).days],
                "weeks": [_week_dict(week) for week in watch.report(channel.value).weeks],
                "flags": [
                    flag_to_dict(flag) for flag in watch.flags if flag.channel == channel.value
                ],
            }
            for channel in Channel
        },
        "sessions": [_session_dict(item) for item in watch.sessions],
    }


def flag_to_dict(item: ChannelFlag) -> dict[str, Any]:
    flag = item.flag
    message = flag.message
    if flag.code != "ramp_high":
        message = f"{CHANNEL_WORDS[item.channel]}: {message}"
    return {
        "code": flag.code,
        "date": flag.date.isoformat(),
        "value": flag.value,
        "message": message,
        "channel": item.channel,
    }


def _rounded(value: float | None) -> float | None:
    """Four decimals: enough for every load figure, and no 1e-60 tails of decayed averages."""
    return None if value is None else round(value, 4)


def _day_dict(day: LoadDay) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(),
        "load": _rounded(day.load),
        "run_km": _rounded(day.run_km),
        "acute": _rounded(day.acute),
        "chronic": _rounded(day.chronic),
        "acwr": _rounded(day.acwr),
        "acwr_ewma": _rounded(day.acwr_ewma),
        "ctl": _rounded(day.ctl),
        "atl": _rounded(day.atl),
        "tsb": _rounded(day.tsb),
    }


def _week_dict(week: LoadWeek) -> dict[str, Any]:
    return {
        "week_start": week.week_start.isoformat(),
        "run_km": _rounded(week.run_km),
        "ramp_pct": _rounded(week.ramp_pct),
        "monotony": _rounded(week.monotony),
        "strain": _rounded(week.strain),
    }


def _entry_dict(entry: LoadEntry | None) -> dict[str, Any] | None:
    return None if entry is None else {"load": entry.load, "method": entry.source.value}


def _session_dict(item: SessionLoad) -> dict[str, Any]:
    return {
        "date": item.date.isoformat(),
        "kind": item.kind,
        "id": item.id,
        "name": item.name,
        "run_km": item.run_km,
        "cardio": _entry_dict(item.cardio),
        "musculoskeletal": _entry_dict(item.musculoskeletal),
    }
