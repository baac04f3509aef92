"""Local days and weeks: loads are booked on the athlete's calendar, not on UTC dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

TimeZoneLike = str | int | timedelta | tzinfo
_DAY_S = 86_400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def as_tzinfo(tz: TimeZoneLike) -> tzinfo:
    """An IANA name ("Europe/London"), an offset in seconds east of UTC, a timedelta or a tzinfo."""
    if isinstance(tz, tzinfo):
        return tz
    if isinstance(tz, str):
        return ZoneInfo(tz)  # raises ZoneInfoNotFoundError (a KeyError) for an unknown name
    if isinstance(tz, bool):
        raise TypeError("a time zone cannot be a bool")
    offset = tz if isinstance(tz, timedelta) else timedelta(seconds=tz)
    return timezone(offset)


def local_date(start_utc: datetime, tz: TimeZoneLike) -> date:
    """The athlete's calendar day on which a session that began at `start_utc` falls.

    With an IANA name the offset in force at that instant is used, so a run at 00:30 local time on
    the night the clocks change lands on the right day; a fixed offset (what a FIT file records)
    is taken as it is.
    """
    if start_utc.tzinfo is None or start_utc.utcoffset() is None:
        raise ValueError("start_utc must be timezone-aware")
    return start_utc.astimezone(as_tzinfo(tz)).date()


def local_day_numbers(
    start_unix_s: Sequence[int] | npt.NDArray[np.int64],
    tz_offset_s: Sequence[int | None],
    home: TimeZoneLike,
) -> npt.NDArray[np.int64]:
    """The local day (as `date.toordinal()`) of each session starting at these Unix times:
    by the offset its file recorded when there is one, else by the athlete's home zone `home`
    (as `local_date`). Whole-second times; a long archive's fixed offsets in one array step."""
    if len(start_unix_s) != len(tz_offset_s):
        raise ValueError("give one offset (or None) per start time")
    starts = np.array(start_unix_s, dtype=np.int64).reshape(len(start_unix_s))
    offsets = np.array([offset or 0 for offset in tz_offset_s], dtype=np.int64)
    days = (starts + offsets) // _DAY_S + _EPOCH_ORDINAL
    zone = as_tzinfo(home)
    for i, offset in enumerate(tz_offset_s):
        if offset is None:
            days[i] = datetime.fromtimestamp(int(starts[i]), zone).toordinal()
    return days


def week_start_of(day: date, week_start: int = 0) -> date:
    """The first day of the week holding `day`; `week_start` is 0 = Monday … 6 = Sunday."""
    if not 0 <= week_start <= 6:
        raise ValueError(f"week_start must be 0 (Monday) to 6 (Sunday), not {week_start}")
    return day - timedelta(days=(day.weekday() - week_start) % 7)


def date_range(start: date, end: date) -> list[date]:
    """Every day from `start` to `end`, both included (empty when end < start)."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
