"""The load watch through the store, on both databases. Numbers are worked by hand from the
formulas of docs/science.md (#banister_trimp, #foster2001, #load_scales, #acwr, #pmc,
#foster1998); each test shows its arithmetic."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.domain.vocab import Sex
from stridewell.services.athletes import get_athlete, update_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.load import (
    load_watch,
    load_watch_to_dict,
    read_activities,
    session_loads,
)
from stridewell.store.db import open_engine, unit_of_work
from stridewell.store.migrate import upgrade
from stridewell.store.repositories import ActivityRepository
from tests.services.training_rows import (
    add_activity,
    add_athlete,
    add_strength,
    at,
    steady_hr_streams,
)

AS_OF = date(2026, 3, 11)  # a Wednesday, the fixed "today"
# Banister TRIMP for a woman (a 0.86, b 1.67), HR 120 with rest 50 and max 190:
# x = 70 / 140 = 0.5, per minute 0.5 · 0.86 · e^(1.67 · 0.5) = 0.43 · e^0.835.
TRIMP_PER_MIN_120 = 0.43 * math.exp(0.835)
CTL_K = 1 - math.exp(-1 / 42)
ATL_K = 1 - math.exp(-1 / 7)


def _week_of_sessions(session: Session) -> int:
    """Five sessions, one per method:

    Mon 03-02  run, 30 min at HR 120, 5 km: cardio TRIMP 30 · 0.43 · e^0.835 = 29.73,
               impact 5 km · 20 = 100
    Wed 03-04  strength, 40 min at RPE 6: 240 (session RPE)
    Sat 03-07  run, 60 min at RPE 4, 10 km, no HR: cardio 4 · 60 = 240, impact 200
    Mon 03-09  run, 8 km, no HR, no RPE: cardio 8 · 8 = 64, impact 160
    Tue 03-10  strength, no RPE, 4 × 5 × 100 kg = 2,000 kg: tonnage 2,000 · 0.05 = 100
    """
    athlete_id = add_athlete(session)
    add_activity(session, athlete_id, at(date(2026, 3, 2)), distance_m=5000, moving_s=1800,
                 streams=steady_hr_streams(30, 120, 5000), name="Easy")  # fmt: skip
    add_strength(session, athlete_id, date(2026, 3, 4), duration_s=2400, rpe=6,
                 sets=[("split-squat", "L", 8, 20.0, None, 7)])  # fmt: skip
    add_activity(session, athlete_id, at(date(2026, 3, 7)), distance_m=10_000, moving_s=3600,
                 rpe=4)  # fmt: skip
    add_activity(session, athlete_id, at(date(2026, 3, 9)), distance_m=8000, moving_s=2880)
    add_strength(session, athlete_id, date(2026, 3, 10),
                 sets=[("back-squat", "both", 5, 100.0, None, None)] * 4)  # fmt: skip
    return athlete_id


def test_each_session_is_measured_by_the_best_method_its_data_allows(
    session: Session, today: date
) -> None:
    athlete_id = _week_of_sessions(session)
    watch = load_watch(session, athlete_id, today, days=14)
    measured = [
        (s.date, s.kind, s.run_km,
         None if s.cardio is None else (round(s.cardio.load, 2), s.cardio.source.value),
         None if s.musculoskeletal is None
         else (round(s.musculoskeletal.load, 2), s.musculoskeletal.source.value))
        for s in watch.sessions
    ]  # fmt: skip
    assert measured == [
        (date(2026, 3, 2), "run", 5.0, (round(30 * TRIMP_PER_MIN_120, 2), "trimp"),
         (100.0, "distance")),
        (date(2026, 3, 4), "strength", 0.0, None, (240.0, "srpe")),
        (date(2026, 3, 7), "run", 10.0, (240.0, "srpe"), (200.0, "distance")),
        (date(2026, 3, 9), "run", 8.0, (64.0, "distance"), (160.0, "distance")),
        (date(2026, 3, 10), "strength", 0.0, None, (100.0, "tonnage")),
    ]  # fmt: skip


def test_daily_load_adds_both_channels_and_counts_running_km_once(
    session: Session, today: date
) -> None:
    """Combined = cardio + musculoskeletal; acute = mean of the last 7 days; chronic = mean of
    days 8–28 back, known days only (the record starts 03-02); CTL/ATL with k = 1 − e^(−1/N)."""
    athlete_id = _week_of_sessions(session)
    watch = load_watch(session, athlete_id, today, days=14)
    trimp = 30 * TRIMP_PER_MIN_120
    combined = {
        date(2026, 3, 2): trimp + 100,
        date(2026, 3, 4): 240.0,
        date(2026, 3, 7): 440.0,
        date(2026, 3, 9): 224.0,
        date(2026, 3, 10): 100.0,
    }
    days = {day.date: day for day in watch.combined.days}
    assert len(days) == 14 and max(days) == AS_OF
    for day, row in days.items():
        assert row.load == pytest.approx(combined.get(day, 0.0))
    assert days[date(2026, 3, 2)].run_km == 5.0  # not 10: the km ride in both channels
    assert sum(row.run_km for row in days.values()) == pytest.approx(23.0)

    last = days[AS_OF]
    assert last.acute == pytest.approx((440 + 224 + 100) / 7)
    assert last.chronic == pytest.approx((trimp + 100 + 240) / 3)
    assert last.acwr == pytest.approx(last.acute / last.chronic)
    ctl = sum(load * CTL_K * (1 - CTL_K) ** (AS_OF - day).days for day, load in combined.items())
    assert last.ctl == pytest.approx(ctl)
    yesterday = AS_OF - timedelta(days=1)
    ctl_y = sum(load * CTL_K * (1 - CTL_K) ** (yesterday - d).days
                for d, load in combined.items() if d <= yesterday)  # fmt: skip
    atl_y = sum(load * ATL_K * (1 - ATL_K) ** (yesterday - d).days
                for d, load in combined.items() if d <= yesterday)  # fmt: skip
    assert last.tsb == pytest.approx(ctl_y - atl_y)

    cardio = watch.cardio.days[-1]
    assert cardio.load == 0.0
    assert cardio.acute == pytest.approx((240 + 64) / 7)
    assert cardio.chronic == pytest.approx(trimp / 3)
    msk = watch.musculoskeletal.days[-1]
    assert msk.acute == pytest.approx((200 + 160 + 100) / 7)
    assert msk.chronic == pytest.approx((100 + 240) / 3)


def test_weeks_start_on_monday_with_ramp_and_monotony(session: Session, today: date) -> None:
    """Week of 03-02: 15 km, no ramp (the week before is not on record), monotony = mean ÷
    population SD of its 7 daily loads (Foster 1998). Week of 03-09: 8 km so far, ramp
    (8 − 15) / 15 = −46.7 %, monotony waits for the week to end."""
    athlete_id = _week_of_sessions(session)
    weeks = load_watch(session, athlete_id, today, days=14).combined.weeks
    assert [w.week_start for w in weeks] == [date(2026, 2, 23), date(2026, 3, 2),
                                             date(2026, 3, 9)]  # fmt: skip
    full, current = weeks[1], weeks[2]
    loads = [30 * TRIMP_PER_MIN_120 + 100, 0, 240, 0, 0, 440, 0]
    assert full.run_km == pytest.approx(15.0) and full.ramp_pct is None
    assert full.monotony == pytest.approx(statistics.mean(loads) / statistics.pstdev(loads))
    assert full.strain == pytest.approx(sum(loads) * full.monotony)
    assert current.run_km == pytest.approx(8.0)
    assert current.ramp_pct == pytest.approx(-700 / 15)
    assert current.monotony is None


def test_json_has_the_contract_keys_and_says_how_load_was_measured(
    session: Session, today: date
) -> None:
    athlete_id = _week_of_sessions(session)
    data = load_watch_to_dict(load_watch(session, athlete_id, today, days=14))
    assert {"as_of", "days", "weeks", "flags"} <= set(data)
    assert data["as_of"] == "2026-03-11" and data["channel"] == "combined"
    day_keys = {"date", "load", "run_km", "acute", "chronic", "acwr", "acwr_ewma", "ctl", "atl",
                "tsb"}  # fmt: skip
    assert all(day_keys <= set(day) for day in data["days"])
    assert all({"week_start", "run_km", "ramp_pct", "monotony", "strain"} <= set(week)
               for week in data["weeks"])  # fmt: skip
    monday = next(day for day in data["days"] if day["date"] == "2026-03-02")
    assert monday["sources"] == {"distance": 1, "trimp": 1}
    assert monday["cardio_load"] + monday["musculoskeletal_load"] == pytest.approx(monday["load"])
    assert set(data["channels"]) == {"cardio", "musculoskeletal"}
    assert len(data["channels"]["cardio"]["days"]) == 14
    strength = [s for s in data["sessions"] if s["kind"] == "strength"]
    assert [s["musculoskeletal"]["method"] for s in strength] == ["srpe", "tonnage"]


def test_a_running_jump_is_flagged_once(session: Session) -> None:
    """Week of 02-16: 3 × 5 km = 15 km; week of 02-23: 3 × 7 km = 21 km → +40 % (> 30 %,
    Nielsen 2014) on a base of at least 10 km: one ramp_high flag, not one per channel."""
    athlete_id = add_athlete(session)
    for offset in (0, 2, 4):
        add_activity(session, athlete_id, at(date(2026, 2, 16) + timedelta(days=offset)),
                     distance_m=5000, moving_s=1800)  # fmt: skip
        add_activity(session, athlete_id, at(date(2026, 2, 23) + timedelta(days=offset)),
                     distance_m=7000, moving_s=2520)  # fmt: skip
    watch = load_watch(session, athlete_id, date(2026, 3, 1), days=14)
    ramps = [f for f in watch.flags if f.flag.code == "ramp_high"]
    assert [(f.channel, f.flag.date, round(f.flag.value, 6)) for f in ramps] == [
        ("combined", date(2026, 2, 23), 40.0)
    ]
    assert "+40 %" in load_watch_to_dict(watch)["flags"][0]["message"]


def test_gym_work_alone_can_raise_a_flag(session: Session) -> None:
    """Four weeks of 5 km a day (musculoskeletal 100 a day, cardio 40), then a week adding an
    hour of strength at RPE 8 every day (480). Musculoskeletal acute 580 ÷ chronic 100 = 5.8:
    flagged; combined 620 ÷ 140 = 4.4: flagged; cardio stays at 1.0: not flagged."""
    athlete_id = add_athlete(session, max_hr=None, rest_hr=None)
    first = date(2026, 2, 2)
    for offset in range(35):
        add_activity(session, athlete_id, at(first + timedelta(days=offset)), distance_m=5000,
                     moving_s=1800)  # fmt: skip
    for offset in range(28, 35):
        add_strength(session, athlete_id, first + timedelta(days=offset), duration_s=3600, rpe=8)
    as_of = first + timedelta(days=34)
    watch = load_watch(session, athlete_id, as_of, days=14)
    spikes = {f.channel: f.flag for f in watch.flags if f.flag.code == "acwr_high"}
    assert set(spikes) == {"combined", "musculoskeletal"}
    assert spikes["musculoskeletal"].value == pytest.approx(5.8)
    assert spikes["combined"].value == pytest.approx(620 / 140)
    assert watch.musculoskeletal.days[-1].acwr == pytest.approx(5.8)
    assert watch.cardio.days[-1].acwr == pytest.approx(1.0)
    messages = [f["message"] for f in load_watch_to_dict(watch)["flags"]]
    assert any(m.startswith("musculoskeletal load: acute load 5.8× chronic") for m in messages)
    assert all("not an injury prediction" in m for m in messages)


def test_a_spike_every_channel_shares_is_listed_once(session: Session) -> None:
    """Runs without HR load both channels in proportion to distance (8 and 20 per km), so
    tripling the daily distance raises every ratio alike, to 3.0: the cardio and
    musculoskeletal flags would only repeat the combined one."""
    athlete_id = add_athlete(session, max_hr=None, rest_hr=None)
    first = date(2026, 2, 2)
    for offset in range(35):
        add_activity(session, athlete_id, at(first + timedelta(days=offset)),
                     distance_m=5000 if offset < 28 else 15_000, moving_s=1800)  # fmt: skip
    watch = load_watch(session, athlete_id, first + timedelta(days=34), days=14)
    for report in (watch.cardio, watch.musculoskeletal):
        (spike,) = [flag for flag in report.flags if flag.code == "acwr_high"]
        assert spike.value == pytest.approx(3.0)
    listed = [(f.channel, f.flag.code, round(f.flag.value, 6)) for f in watch.flags]
    assert listed == [("combined", "ramp_high", 200.0), ("combined", "acwr_high", 3.0)]


def test_local_days_follow_the_time_zone_and_its_daylight_saving(session: Session) -> None:
    """Europe/London moves to BST at 01:00 UTC on 2026-03-29. A run at 23:30 UTC on 03-28 is
    on the 28th (GMT); at 23:30 UTC on 03-29 it is 00:30 BST on the 30th. A run whose file
    says UTC−5 (a race abroad) at 03:00 UTC on 03-30 was run on the evening of the 29th there,
    though it was already the 30th in London. Weeks start on Monday 03-23 and 03-30."""
    athlete_id = add_athlete(session, timezone="Europe/London")
    add_activity(session, athlete_id, at(date(2026, 3, 28), 23, 30), distance_m=5000,
                 moving_s=1800)  # fmt: skip
    add_activity(session, athlete_id, at(date(2026, 3, 29), 23, 30), distance_m=6000,
                 moving_s=2160)  # fmt: skip
    add_activity(session, athlete_id, at(date(2026, 3, 30), 3, 0), distance_m=7000,
                 moving_s=2520, tz_offset_s=-5 * 3600)  # fmt: skip
    watch = load_watch(session, athlete_id, date(2026, 4, 1), days=7)
    km = {day.date: day.run_km for day in watch.combined.days if day.run_km}
    assert km == {date(2026, 3, 28): 5.0, date(2026, 3, 29): 7.0, date(2026, 3, 30): 6.0}
    assert [(w.week_start, w.run_km) for w in watch.combined.weeks] == [
        (date(2026, 3, 23), 12.0),
        (date(2026, 3, 30), 6.0),
    ]
    # As of the 29th, the run at 23:30 UTC that day is tomorrow's, and is left out.
    earlier = load_watch(session, athlete_id, date(2026, 4, 1), as_of=date(2026, 3, 29), days=2)
    assert [s.date for s in earlier.sessions] == [date(2026, 3, 28), date(2026, 3, 29)]


def test_older_activities_are_measured_from_their_summaries(session: Session) -> None:
    """Streams are read only from `streams_from` on; before it the average HR stands in. For a
    steady run both give the same Banister TRIMP: 30 · 0.43 · e^0.835."""
    athlete_id = add_athlete(session)
    for day in (date(2025, 9, 1), date(2026, 3, 2)):
        add_activity(session, athlete_id, at(day), distance_m=5000, moving_s=1800, avg_hr=120,
                     streams=steady_hr_streams(30, 120, 5000))  # fmt: skip
    athlete = get_athlete(session, athlete_id)
    old, new = session_loads(session, athlete, date(2026, 3, 11), streams_from=date(2026, 1, 1))
    assert old.cardio is not None and new.cardio is not None
    assert (old.cardio.source.value, new.cardio.source.value) == ("trimp_avg_hr", "trimp")
    assert old.cardio.load == pytest.approx(new.cardio.load)
    assert new.cardio.load == pytest.approx(30 * TRIMP_PER_MIN_120)


def test_without_max_and_rest_hr_the_stream_cannot_be_used(session: Session, today: date) -> None:
    athlete_id = add_athlete(session, max_hr=None, rest_hr=None, sex=Sex.M)
    add_activity(session, athlete_id, at(date(2026, 3, 2)), distance_m=5000, moving_s=1800,
                 streams=steady_hr_streams(30, 120, 5000))  # fmt: skip
    (item,) = load_watch(session, athlete_id, today, days=14).sessions
    assert item.cardio is not None and item.cardio.source.value == "distance"
    assert item.cardio.load == pytest.approx(40.0)


def test_an_empty_record_gives_zeros_and_no_flags(session: Session, today: date) -> None:
    athlete_id = add_athlete(session)
    data = load_watch_to_dict(load_watch(session, athlete_id, today))
    assert len(data["days"]) == 90 and data["flags"] == [] and data["sessions"] == []
    assert all(day["load"] == 0 and day["acwr"] is None for day in data["days"])


def test_bad_requests_are_refused(session: Session, today: date) -> None:
    athlete_id = add_athlete(session)
    with pytest.raises(ValidationError, match="in the future"):
        load_watch(session, athlete_id, today, as_of=today + timedelta(days=1))
    with pytest.raises(ValidationError, match="days must be"):
        load_watch(session, athlete_id, today, days=0)
    with pytest.raises(NotFoundError):
        load_watch(session, athlete_id + 1, today)


def test_only_the_athletes_own_sessions_count(session: Session, today: date) -> None:
    mine, other = add_athlete(session), add_athlete(session)
    add_activity(session, other, at(date(2026, 3, 9)), distance_m=8000, moving_s=2880)
    add_strength(session, other, date(2026, 3, 9), duration_s=1800, rpe=5)
    assert load_watch(session, mine, today, days=7).sessions == ()
    assert len(load_watch(session, other, today, days=7).sessions) == 2


# --- stream loads kept with the activity (store/repositories/activities.py) -------------------


def _stream_reads(session: Session) -> tuple[list[str], Callable[[], None]]:
    """The SQL statements that read stream blobs from now on, and how to stop listening."""
    statements: list[str] = []
    bind = session.get_bind()

    def listener(*args: object) -> None:
        if "activity_stream" in str(args[2]):
            statements.append(str(args[2]))

    event.listen(bind, "before_cursor_execute", listener)
    return statements, lambda: event.remove(bind, "before_cursor_execute", listener)


def test_a_streams_load_is_measured_once_then_read_back(session: Session, today: date) -> None:
    """The first look at the load decodes the HR stream and keeps what it gives with the
    activity (30 min at HR 120: 30 · 0.43 · e^0.835); later looks read that number, decode no
    stream, and show exactly the same figures."""
    athlete_id = add_athlete(session)
    run = add_activity(session, athlete_id, at(date(2026, 3, 2)), distance_m=5000,
                       moving_s=1800, streams=steady_hr_streams(30, 120, 5000))  # fmt: skip
    unmeasured = ActivityRepository(session).get(run, with_streams=False)
    assert unmeasured is not None and unmeasured.stream_load is None

    first = load_watch_to_dict(load_watch(session, athlete_id, today, days=14))
    stored = ActivityRepository(session).get(run, with_streams=False)
    assert stored is not None and stored.stream_load is not None
    assert stored.stream_load.load == pytest.approx(30 * TRIMP_PER_MIN_120)

    reads, stop = _stream_reads(session)
    try:
        again = load_watch_to_dict(load_watch(session, athlete_id, today, days=14))
    finally:
        stop()
    assert reads == [] and again == first
    (item,) = again["sessions"]
    assert item["cardio"] == {"load": stored.stream_load.load, "method": "trimp"}


def test_a_new_max_hr_is_measured_again(session: Session, today: date) -> None:
    """Max HR 190 → 175 (rest 50): x for HR 150 goes from 100/140 to 100/125, and the stored
    stream load is measured again: 10 · 0.86 · x · e^(1.67 · x) for a woman."""
    athlete_id = add_athlete(session)
    add_activity(session, athlete_id, at(date(2026, 3, 9)), distance_m=2000, moving_s=600,
                 streams=steady_hr_streams(10, 150, 2000))  # fmt: skip

    def trimp(max_hr: float) -> float:
        x = (150 - 50) / (max_hr - 50)
        return 10 * 0.86 * x * math.exp(1.67 * x)

    before = load_watch(session, athlete_id, today, days=7).sessions[0].cardio
    assert before is not None and before.load == pytest.approx(trimp(190))
    athlete = get_athlete(session, athlete_id)
    update_athlete(session, replace(athlete, max_hr=175), today)
    after = load_watch(session, athlete_id, today, days=7)
    assert after.sessions[0].cardio is not None
    assert after.sessions[0].cardio.load == pytest.approx(trimp(175))
    monday = next(day for day in after.combined.days if day.date == date(2026, 3, 9))
    assert monday.load == pytest.approx(trimp(175) + 2 * 20)  # and 2 km of impact


def test_without_max_hr_a_stream_loads_by_distance_until_max_hr_is_given(
    session: Session, today: date
) -> None:
    """No max HR: the stream cannot be used (cardio 5 km × 8 = 40). Once max and rest HR are
    on the profile, the run is measured by its stream."""
    athlete_id = add_athlete(session, max_hr=None, rest_hr=None)
    add_activity(session, athlete_id, at(date(2026, 3, 2)), distance_m=5000, moving_s=1800,
                 streams=steady_hr_streams(30, 120, 5000))  # fmt: skip
    (item,) = load_watch(session, athlete_id, today, days=14).sessions
    assert item.cardio is not None and (item.cardio.source.value, item.cardio.load) == (
        "distance",
        40.0,
    )
    athlete = get_athlete(session, athlete_id)
    update_athlete(session, replace(athlete, max_hr=190, rest_hr=50), today)
    (item,) = load_watch(session, athlete_id, today, days=14).sessions
    assert item.cardio is not None and item.cardio.source.value == "trimp"
    assert item.cardio.load == pytest.approx(30 * TRIMP_PER_MIN_120)


def test_the_load_watch_answers_from_a_database_it_may_not_write(
    tmp_path: Path, today: date
) -> None:
    """A read-only database (a copy, a read-only user): the streams are measured for the
    answer, and the figures are those a writable database gives."""
    path = tmp_path / "archive.sqlite"
    engine = open_engine(f"sqlite:///{path}")
    upgrade(engine)
    with unit_of_work(engine) as session:
        athlete_id = _week_of_sessions(session)
    engine.dispose()
    read_only = open_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with unit_of_work(read_only) as session:
            data = load_watch_to_dict(load_watch(session, athlete_id, today, days=14))
            stored = [a.load for a in ActivityRepository(session).list_for(athlete_id)]
    finally:
        read_only.dispose()
    assert stored == [None, None, None]  # nothing could be kept
    writable = open_engine(f"sqlite:///{path}")
    try:
        with unit_of_work(writable) as session:
            assert load_watch_to_dict(load_watch(session, athlete_id, today, days=14)) == data
    finally:
        writable.dispose()


def test_the_load_watch_reads_activities_read_before(session: Session, today: date) -> None:
    """A page that shows the load and the insights reads the activities once and hands them
    to both: the figures are the same as each reading them itself."""
    athlete_id = _week_of_sessions(session)
    athlete = get_athlete(session, athlete_id)
    shared = read_activities(session, athlete, today)
    alone = load_watch_to_dict(load_watch(session, athlete_id, today, days=14))
    assert load_watch_to_dict(load_watch(session, athlete_id, today, days=14,
                                         activities=shared)) == alone  # fmt: skip
    earlier = date(2026, 3, 5)
    assert load_watch_to_dict(
        load_watch(session, athlete_id, today, as_of=earlier, days=7, activities=shared)
    ) == load_watch_to_dict(load_watch(session, athlete_id, today, as_of=earlier, days=7))
