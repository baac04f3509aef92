"""The load watch: every session's load in two channels, and the report as of a day.

Runs and other endurance sessions load the cardio channel (heart rate where the streams have
it, else session RPE, else distance); runs also load the musculoskeletal channel by distance
(impact), and strength sessions load it by session RPE or tonnage. The headline series is the
two channels added together, so gym work always counts (docs/science.md#load_scales).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import numpy as np
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.domain.load import (
    Channel,
    DailySeries,
    HeartRateProfile,
    LoadDay,
    LoadEntry,
    LoadFlag,
    LoadReport,
    LoadWeek,
    streams_load,
)
from stridewell.domain.load.columns import (
    BoolArray,
    ChannelColumns,
    EnduranceColumns,
    FloatArray,
    IntArray,
    daily_sum,
    endurance_loads,
    strength_loads,
)
from stridewell.domain.load.report import ACWR_CAVEAT, report_from_series, series_start
from stridewell.services.athletes import get_athlete
from stridewell.store.repositories.activities import ActivityRepository, StreamLoad
from stridewell.store.repositories.analytics import (
    ActivityTable,
    AnalyticsRepository,
    StrengthLoadTable,
)

DEFAULT_DAYS = 90
MAX_DAYS = 3660
# Sessions this many days before the first day shown are still measured from their streams;
# older ones from their summaries (average HR), which keeps a long archive fast. By then a
# session weighs under e^(-120/42) ≈ 6 % in CTL and nothing in the 7- and 28-day means, so
# the two methods' difference moves CTL on the first day shown by around 1 % at most. A
# stream's load is measured once and kept with the activity (store/repositories/activities.py),
# so the lookback bounds the streams decoded after the athlete's HR profile changes.
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
    activities: ActivityTable | None = None,
) -> LoadWatch:
    """The athlete's load as of `as_of` (default today): the last `days` days, their weeks and
    flags, for the combined load and for each channel. The whole record feeds the averages.

    `activities` are the athlete's activities when the caller has read them already
    (`read_activities`, at least up to `as_of`): a page that also shows insights reads once."""
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
    history = load_history(
        session,
        athlete,
        as_of,
        streams_from=first_day - timedelta(days=STREAM_LOOKBACK_DAYS),
        activities=activities,
    )
    reports = history.reports(as_of, days)
    return LoadWatch(
        athlete_id=athlete_id,
        as_of=as_of,
        combined=reports[COMBINED],
        cardio=reports[Channel.CARDIO.value],
        musculoskeletal=reports[Channel.MUSCULOSKELETAL.value],
        sessions=history.sessions(first_day, as_of),
        flags=_flags(reports),
    )


def read_activities(session: Session, athlete: Athlete, last_day: date) -> ActivityTable:
    """The athlete's activities that can fall on local days up to `last_day`, as the columns
    `load_watch` and `insights` read: for a caller that shows both."""
    assert athlete.id is not None
    return AnalyticsRepository(session).activity_table(
        athlete.id, athlete.timezone, end_utc=_end_utc(last_day)
    )


def session_loads(
    session: Session, athlete: Athlete, last_day: date, *, streams_from: date | None = None
) -> list[SessionLoad]:
    """Every session of the athlete up to local day `last_day`, with its load, by date.

    Activities from `streams_from` on are measured from their streams; earlier ones from their
    summaries (None: from the summaries only)."""
    history = load_history(session, athlete, last_day, streams_from=streams_from)
    return list(history.sessions(date.min, last_day))


@dataclass(frozen=True, eq=False)
class LoadHistory:
    """Every session's load up to a day, as columns (domain.load.columns): the daily series of
    ten years take a few array operations, and `SessionLoad` objects are made only for the
    days shown."""

    activities: ActivityTable
    activity_days: IntArray  # local days, as date.toordinal()
    cardio: ChannelColumns
    impact: ChannelColumns
    strength: StrengthLoadTable
    strength_entries: ChannelColumns
    # Every entry in the order the sessions are listed (date, strength first, id; cardio
    # before musculoskeletal), so each day's sum adds them as one session after another would.
    entry_day: IntArray
    entry_channel: IntArray  # 0 cardio, 1 musculoskeletal
    entry_load: FloatArray
    entry_run_km: FloatArray

    def reports(self, as_of: date, days: int) -> dict[str, LoadReport]:
        channels = {
            COMBINED: self.entry_channel >= 0,
            Channel.CARDIO.value: self.entry_channel == 0,
            Channel.MUSCULOSKELETAL.value: self.entry_channel == 1,
        }
        until = self.entry_day <= as_of.toordinal()
        firsts = {
            name: _first_day(self.entry_day[mask & until]) for name, mask in channels.items()
        }
        start = series_start(as_of, days, 0, firsts[COMBINED])
        # Running km come from the cardio entries only: a run carries them in both channels.
        combined_km = np.where(self.entry_channel == 0, self.entry_run_km, 0.0)
        reports = {}
        for name, mask in channels.items():
            run_km = combined_km if name == COMBINED else self.entry_run_km
            series = DailySeries(
                start,
                daily_sum(self.entry_day[mask], self.entry_load[mask], start, as_of),
                daily_sum(self.entry_day[mask], run_km[mask], start, as_of),
            )
            reports[name] = report_from_series(series, firsts[name], days)
        return reports

    def sessions(self, first_day: date, last_day: date) -> tuple[SessionLoad, ...]:
        """The sessions on local days `first_day` to `last_day`, by date (strength first)."""
        found = []
        first, last = first_day.toordinal(), last_day.toordinal()
        table = self.activities
        is_run = table.is_run
        shown = (self.activity_days >= first) & (self.activity_days <= last)
        for i in np.flatnonzero(shown).tolist():
            day = date.fromordinal(int(self.activity_days[i]))
            distance_m = float(table.distance_m[i])
            run = bool(is_run[i])
            found.append(
                SessionLoad(
                    date=day,
                    kind="run" if run else "endurance",
                    id=int(table.id[i]),
                    name=table.name[i],
                    run_km=(0.0 if math.isnan(distance_m) else distance_m) / 1000.0 if run else 0.0,
                    cardio=_entry(self.cardio, i, day, Channel.CARDIO),
                    musculoskeletal=_entry(self.impact, i, day, Channel.MUSCULOSKELETAL),
                )
            )
        strength = self.strength
        shown = (strength.day >= first) & (strength.day <= last)
        for i in np.flatnonzero(shown).tolist():
            day = date.fromordinal(int(strength.day[i]))
            entry = _entry(self.strength_entries, i, day, Channel.MUSCULOSKELETAL)
            found.append(SessionLoad(day, "strength", int(strength.id[i]), None, 0.0, None, entry))
        found.sort(key=lambda item: (item.date, item.kind != "strength", item.id or 0))
        return tuple(found)


def load_history(
    session: Session,
    athlete: Athlete,
    last_day: date,
    *,
    streams_from: date | None,
    activities: ActivityTable | None = None,
) -> LoadHistory:
    """The load of every session up to local day `last_day`. Activities that start from
    `streams_from` on (with the UTC margin) take their stream's load — stored, or measured now
    and stored; earlier ones are measured from their summaries (average HR, RPE, distance).
    Two queries however long the archive, plus the streams of activities not measured yet."""
    assert athlete.id is not None
    profile = HeartRateProfile(
        max_hr_bpm=athlete.max_hr, rest_hr_bpm=athlete.rest_hr, sex=athlete.sex
    )
    repository = AnalyticsRepository(session)
    end_utc = _end_utc(last_day)
    table = activities if activities is not None else repository.activity_table(
        athlete.id, athlete.timezone, end_utc=end_utc
    )
    table = _kept(
        table,
        (table.start_unix_s < _unix_s(end_utc)) & (table.local_day <= last_day.toordinal()),
    )
    days = table.local_day

    # Activities from here on are measured by their stream (its load stored with them).
    if streams_from is None:
        with_streams = np.zeros(len(table), dtype=bool)
    else:
        cut = datetime.combine(streams_from, time(), UTC) - _UTC_MARGIN
        with_streams = table.start_unix_s >= _unix_s(cut)
    stored = table.load
    to_measure = with_streams & np.isnan(stored)
    measured = measure_stream_loads(session, profile, table.id[to_measure].tolist())
    with np.errstate(invalid="ignore"):
        stream_load = np.where(with_streams & (stored >= 0), stored, np.nan)
    for i in np.flatnonzero(to_measure).tolist():
        value = measured[int(table.id[i])].load
        if value is not None:
            stream_load[i] = value
    is_run = table.is_run
    cardio, impact = endurance_loads(
        EnduranceColumns(
            is_run=is_run,
            distance_m=table.distance_m,
            duration_s=table.duration_s,
            rpe=table.rpe,
            avg_hr_bpm=table.avg_hr,
            stream_load=stream_load,
        ),
        profile,
    )
    strength = repository.strength_load_table(athlete.id, end=last_day)
    strength_entries = strength_loads(strength.duration_s, strength.rpe, strength.tonnage_kg)

    n, m = len(table), len(strength)
    day = np.concatenate([days, days, strength.day])
    kind = np.concatenate([np.ones(2 * n, dtype=np.int64), np.zeros(m, dtype=np.int64)])
    ids = np.concatenate([table.id, table.id, strength.id])
    channel = np.concatenate([np.zeros(n, dtype=np.int64), np.ones(n + m, dtype=np.int64)])
    load = np.concatenate([cardio.load, impact.load, strength_entries.load])
    run_km = np.concatenate([cardio.run_km, impact.run_km, strength_entries.run_km])
    order = np.lexsort((channel, ids, kind, day))
    order = order[~np.isnan(load[order])]
    return LoadHistory(
        activities=table,
        activity_days=days,
        cardio=cardio,
        impact=impact,
        strength=strength,
        strength_entries=strength_entries,
        entry_day=day[order],
        entry_channel=channel[order],
        entry_load=load[order],
        entry_run_km=run_km[order],
    )


def _kept(table: ActivityTable, kept: BoolArray) -> ActivityTable:
    return table if kept.all() else table.take(kept)


def measure_stream_loads(
    session: Session, profile: HeartRateProfile, activity_ids: Sequence[int]
) -> dict[int, StreamLoad]:
    """Measure what the heart-rate streams of these activities give (decoding their blobs) and
    store it, so that the next reader finds it. Storing is best effort: on a database this
    process may not write to, the loads are still returned and measured again next time."""
    if not activity_ids:
        return {}
    measured = {activity_id: StreamLoad(None) for activity_id in activity_ids}
    for activity_id, streams in AnalyticsRepository(session).load_streams(activity_ids):
        found = streams_load(streams, profile)
        measured[activity_id] = StreamLoad(None if found is None else found[0])
    try:
        with session.begin_nested():
            ActivityRepository(session).set_stream_loads(measured)
    except SQLAlchemyError:
        pass  # a read-only database or user: correct figures now, stored another time
    return measured


def _end_utc(last_day: date) -> datetime:
    """Activities starting before this can fall on local days up to `last_day`."""
    return datetime.combine(last_day + timedelta(days=1), time(), UTC) + _UTC_MARGIN


def _unix_s(moment: datetime) -> int:
    """Whole seconds since 1970 (the summaries' start times), rounded down."""
    return math.floor(moment.timestamp())


def _first_day(days: IntArray) -> date | None:
    return date.fromordinal(int(days.min())) if days.size else None


def _entry(columns: ChannelColumns, index: int, day: date, channel: Channel) -> LoadEntry | None:
    source = columns.source_of(index)
    if source is None:
        return None
    return LoadEntry(
        day, channel, float(columns.load[index]), float(columns.run_km[index]), source
    )


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


def load_watch_to_dict(watch: LoadWatch, *, channels: bool = True) -> dict[str, Any]:
    """The JSON of `stridewell load`; without `channels`, the per-channel days, weeks and
    flags are left out (a page that draws the combined load only)."""
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
    data: dict[str, Any] = {
        "athlete_id": watch.athlete_id,
        "as_of": watch.as_of.isoformat(),
        "channel": COMBINED,
        "combination": COMBINATION,
        "caveat": ACWR_CAVEAT,
        "days": days,
        "weeks": [_week_dict(week) for week in watch.combined.weeks],
        "flags": [flag_to_dict(flag) for flag in watch.flags],
    }
    if channels:
        data["channels"] = {
            channel.value: {
                "days": [_day_dict(day) for day in watch.report(channel.value).days],
                "weeks": [_week_dict(week) for week in watch.report(channel.value).weeks],
                "flags": [
                    flag_to_dict(flag) for flag in watch.flags if flag.channel == channel.value
                ],
            }
            for channel in Channel
        }
    data["sessions"] = [_session_dict(item) for item in watch.sessions]
    return data


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
