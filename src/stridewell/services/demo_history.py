"""The demo runner's last twelve weeks: runs with their samples, strength sessions, soreness.

So that someone who loads the demo to look around sees what months of use look like: weekly
volume, ACWR and fitness/fatigue, best efforts, e1RM and hard sets, the quad-vs-glute soreness
trend. Twelve full weeks ending on the Sunday before the current week; nothing in the current
week, so "this week" on Today starts empty. The same `today` always gives the same history
(one seeded `random.Random`).

- Runs on her days: easy Tuesday, tempo Wednesday (2 km warm-up, 4–5 km at about 4:45/km,
  1.5 km cool-down), recovery Thursday, easy Saturday, long Sunday: 42–48 km a week with a
  cut-back week of 36–38 km every fourth week (weeks 3, 7 and 11, so she comes into her plan
  off a full week; no week-on-week rise over 30 %, docs/science.md#nielsen2014) and the long
  run growing from 16 to 22 km. Paces and heart rates fit a 3:24 marathoner with a max HR of
  186 and a rest HR of 48: easy about 5:45/km at 140 bpm, long 5:55 with a drift late on,
  tempo 4:45 at 165 — a few seconds a km quicker and a few beats lower by the twelfth week.
  Each run has 5-second samples (time, distance, speed, heart rate, cadence, altitude) and
  goes through what an import does (activity_metrics.derive, the stored stream blob, the
  heart-rate stream load) with its own source kind, "demo".
- Strength on Wednesday evening (after the tempo: hard run first, lift hours later,
  docs/science.md#doma2013) and Friday, the days her plan gives it: a runner's A/B rotation of
  hinge, single-leg, hip-abductor, adductor, core and calf work, loads rising slowly, per-side
  sets for single-leg work, and a deload in each cut-back week (two easier sets instead of
  three; docs/science.md#deload).
- Soreness: quads and glutes after every Sunday long run — quads dominant at first, more even
  by the end as her glutes get stronger (the quad-vs-glute index falls) — and a morning check
  every other Monday.
"""

from __future__ import annotations

import functools
import hashlib
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity, FloatArray, Streams
from stridewell.domain.activity_metrics import derive
from stridewell.domain.load import HeartRateProfile, streams_load, week_start_of
from stridewell.domain.strength_log import SetEntry, SorenessContext, SorenessEntry, StrengthSession
from stridewell.domain.vocab import Region, Sex, Side
from stridewell.services.athletes import get_athlete
from stridewell.services.soreness import log_soreness
from stridewell.services.strength_log import log_strength_session
from stridewell.store.repositories.activities import (
    ActivityRepository,
    EncodedActivity,
    StreamLoad,
    encode_activity,
    stored_columns,
)
from stridewell.store.repositories.analytics import LOAD_STREAM_COLUMNS

HISTORY_WEEKS = 12
SEED = 20260311  # any fixed number: the history depends on nothing else but the dates
DEMO_SOURCE = "demo"  # activity.source_kind: recorded like an import, not typed in by hand
SAMPLE_S = 5.0

# (weekly km, long run km, cut-back week?), oldest week first.
WEEKS: tuple[tuple[float, float, bool], ...] = (
    (42.0, 16.0, False),
    (43.0, 16.5, False),
    (36.0, 13.0, True),
    (43.0, 16.5, False),
    (44.0, 17.5, False),
    (45.5, 18.5, False),
    (37.0, 14.0, True),
    (45.0, 19.0, False),
    (46.5, 20.0, False),
    (47.0, 21.0, False),
    (38.0, 15.0, True),
    (48.0, 22.0, False),
)
WARM_UP_M = 2000.0
COOL_DOWN_M = 1500.0
TEMPO_KM = (4.0, 5.0)  # the tempo block grows over the twelve weeks
# Shares of what the tempo and long runs leave of the week: Tuesday, Thursday, Saturday.
EASY_SHARES = (0.36, 0.28, 0.36)


@dataclass(frozen=True)
class Segment:
    """A stretch of a run at one pace and the heart rate it settles at."""

    distance_m: float
    pace_s_per_km: float
    hr_bpm: float


@dataclass(frozen=True)
class DemoRun:
    day: date
    start: time
    name: str
    segments: tuple[Segment, ...]
    hr_drift_bpm: float = 0.0  # how far heart rate drifts up over the second half
    pause_at: float | None = None  # where a stop at a crossing falls, as a share of the run

    @property
    def distance_m(self) -> float:
        return sum(segment.distance_m for segment in self.segments)


@dataclass(frozen=True)
class DemoHistory:
    """What `add_demo_history` stored."""

    first_day: date
    last_day: date
    runs: int
    run_km: float
    strength_sessions: int
    sets: int
    soreness_scores: int


def history_weeks(today: date) -> tuple[date, date]:
    """The first Monday and the last Sunday of the history: twelve full weeks before the week
    holding `today`."""
    this_monday = week_start_of(today)
    return this_monday - timedelta(weeks=HISTORY_WEEKS), this_monday - timedelta(days=1)


def add_demo_history(session: Session, athlete_id: int, today: date) -> DemoHistory:
    """Store the demo runner's last twelve weeks (see the module docstring)."""
    athlete = get_athlete(session, athlete_id)
    first, last = history_weeks(today)
    training = demo_training(first, athlete.timezone, athlete.max_hr, athlete.rest_hr, athlete.sex)
    repository = ActivityRepository(session)
    for run in training.runs:
        repository.add(
            athlete_id,
            run.encoded,
            source_sha256=run.source_sha256,
            load=run.stream_load,
            imported_utc=run.synced_utc,
        )
    for strength in training.strength:
        log_strength_session(session, athlete_id, strength, today)
    for day_scores in training.soreness:
        log_soreness(session, athlete_id, day_scores, today)
    return DemoHistory(
        first_day=first,
        last_day=last,
        runs=len(training.runs),
        run_km=round(sum(run.encoded.activity.distance_m or 0.0 for run in training.runs) / 1e3, 1),
        strength_sessions=len(training.strength),
        sets=sum(len(strength.sets) for strength in training.strength),
        soreness_scores=sum(len(day_scores) for day_scores in training.soreness),
    )


@dataclass(frozen=True)
class RecordedRun:
    """A run as an import leaves it, ready to store."""

    encoded: EncodedActivity  # derived summary, best efforts, the stream blob
    source_sha256: str
    stream_load: StreamLoad
    synced_utc: datetime


@dataclass(frozen=True)
class DemoTraining:
    runs: tuple[RecordedRun, ...]
    strength: tuple[StrengthSession, ...]
    soreness: tuple[tuple[SorenessEntry, ...], ...]


# A pure function of its arguments, and a tenth of a second of numpy a call: kept for the last
# few, since test suites load the demo hundreds of times a run (everything in it is frozen).
@functools.lru_cache(maxsize=4)
def demo_training(
    first_monday: date,
    timezone: str,
    max_hr: int | None,
    rest_hr: int | None,
    sex: Sex,
) -> DemoTraining:
    """Everything the history holds, from one seeded random stream: the runs recorded and
    derived, the strength sessions and the soreness scores."""
    rng = random.Random(SEED)
    runs = demo_runs(first_monday, rng)
    profile = HeartRateProfile(max_hr, rest_hr, sex)
    recorded = tuple(
        record_run(
            run_activity(run, timezone, rest_hr, np.random.default_rng(rng.getrandbits(64))),
            profile,
        )
        for run in runs
    )
    strength = tuple(strength_sessions(first_monday, rng))
    soreness = tuple(soreness_scores(first_monday, rng))
    return DemoTraining(recorded, strength, soreness)


def record_run(activity: Activity, profile: HeartRateProfile) -> RecordedRun:
    """A run as an import stores a file's: derived data (distance, moving time, ascent, HR
    statistics and zones, best efforts), the encoded streams, and the load its heart-rate
    stream gives, measured on the samples as the database keeps them."""
    derived = derive(activity, profile.max_hr_bpm)
    found = streams_load(stored_columns(derived.streams, LOAD_STREAM_COLUMNS), profile)
    encoded = encode_activity(derived)
    blob = encoded.stream_blob or b""
    source = hashlib.sha256(
        f"{DEMO_SOURCE}\0{derived.start_utc.isoformat()}\0".encode() + blob
    ).hexdigest()
    return RecordedRun(
        encoded=encoded,
        source_sha256=source,
        stream_load=StreamLoad(None if found is None else found[0]),
        # Synced from the watch as the run ended.
        synced_utc=derived.start_utc + timedelta(seconds=derived.elapsed_s or 0.0),
    )


# --- runs -------------------------------------------------------------------------------------


# Over the twelve weeks she gets fitter: the same effort a few seconds a km quicker, the same
# paces a few beats easier on the heart.
FITTER_S_PER_KM = 5.0
FITTER_BPM = 3.0


def _pace(base_s_per_km: float, progress: float, rng: random.Random) -> float:
    """A day's pace near `base`, quicker by the end (`progress` 0 → 1 over the weeks)."""
    return base_s_per_km - FITTER_S_PER_KM * progress + rng.uniform(-6.0, 6.0)


def _steady(
    km: float, pace_s_per_km: float, hr_bpm: float, progress: float, rng: random.Random
) -> tuple[Segment, ...]:
    """A run at one even effort."""
    pace = _pace(pace_s_per_km, progress, rng)
    return (Segment(km * 1000.0, pace, hr_bpm - FITTER_BPM * progress + rng.uniform(-2.0, 2.0)),)


def _tempo(tempo_km: float, progress: float, rng: random.Random) -> tuple[Segment, ...]:
    """Warm-up, a block at about 4:45/km (threshold effort, heart rate ~165), cool-down."""
    fitter_bpm = FITTER_BPM * progress
    return (
        Segment(WARM_UP_M, _pace(350.0, progress, rng), 136.0 - fitter_bpm),
        Segment(
            tempo_km * 1000.0,
            _pace(285.0, progress, rng),
            165.0 - fitter_bpm + rng.uniform(-1.5, 1.5),
        ),
        Segment(COOL_DOWN_M, _pace(365.0, progress, rng), 140.0 - fitter_bpm),
    )


def _pause(rng: random.Random) -> float | None:
    """Where a stop at a crossing falls (a share of the run), on about a third of the runs."""
    return rng.uniform(0.2, 0.8) if rng.random() < 0.35 else None


def demo_runs(first_monday: date, rng: random.Random) -> list[DemoRun]:
    """Five runs a week for the twelve weeks from `first_monday`, in date order."""
    runs: list[DemoRun] = []
    for week, (total_km, long_km, cut_back) in enumerate(WEEKS):
        monday = first_monday + timedelta(weeks=week)
        progress = week / (len(WEEKS) - 1)  # 0 → 1 over the twelve weeks
        tempo_km = 0.0 if cut_back else round(TEMPO_KM[0] + (TEMPO_KM[1] - TEMPO_KM[0]) * progress)
        wednesday_km = (
            round(6.0 + rng.uniform(-0.3, 0.3), 1)
            if cut_back
            else (WARM_UP_M + COOL_DOWN_M) / 1000.0 + tempo_km
        )
        rest_km = total_km - long_km - wednesday_km
        tuesday_km = round(rest_km * EASY_SHARES[0] + rng.uniform(-0.3, 0.3), 1)
        thursday_km = round(rest_km * EASY_SHARES[1] + rng.uniform(-0.3, 0.3), 1)
        saturday_km = round(rest_km - tuesday_km - thursday_km, 1)
        wednesday = (
            _steady(wednesday_km, 345.0, 139.0, progress, rng)
            if cut_back
            else _tempo(tempo_km, progress, rng)
        )
        runs += [
            DemoRun(
                monday + timedelta(days=1),
                _clock(7, 0, rng),
                "Easy run",
                _steady(tuesday_km, 345.0, 140.0, progress, rng),
                pause_at=_pause(rng),
            ),
            DemoRun(
                monday + timedelta(days=2),
                _clock(6, 40, rng),
                "Easy run" if cut_back else "Tempo run",
                wednesday,
            ),
            DemoRun(
                monday + timedelta(days=3),
                _clock(7, 10, rng),
                "Recovery run",
                _steady(thursday_km, 370.0, 132.0, progress, rng),
                pause_at=_pause(rng),
            ),
            DemoRun(
                monday + timedelta(days=5),
                _clock(8, 30, rng),
                "Easy run",
                _steady(saturday_km, 345.0, 140.0, progress, rng),
                pause_at=_pause(rng),
            ),
            DemoRun(
                monday + timedelta(days=6),
                _clock(8, 0, rng),
                "Long run",
                _steady(long_km, 355.0, 142.0, progress, rng),
                # Cardiac drift: heart rate creeps up over the second half of a long run.
                hr_drift_bpm=4.0 + 4.0 * (long_km - 13.0) / 9.0,
            ),
        ]
    return runs


def _clock(hour: int, minute: int, rng: random.Random) -> time:
    """A start time within a quarter of an hour after hour:minute."""
    total = hour * 60 + minute + rng.randrange(0, 15)
    return time(total // 60, total % 60)


def run_activity(
    run: DemoRun, timezone: str, rest_hr: int | None, noise: np.random.Generator
) -> Activity:
    """The run as a watch would record it: summary left to `derive`, as a GPX file leaves it."""
    start_local = datetime.combine(run.day, run.start, tzinfo=ZoneInfo(timezone))
    offset = start_local.utcoffset()
    return Activity(
        source_kind=DEMO_SOURCE,
        sport="running",
        start_utc=start_local.astimezone(UTC),
        tz_offset_s=None if offset is None else int(offset.total_seconds()),
        name=run.name,
        streams=run_streams(run, noise, rest_hr_bpm=float(rest_hr or 50)),
    )


def run_streams(run: DemoRun, noise: np.random.Generator, rest_hr_bpm: float = 50.0) -> Streams:
    """5-second samples of the run: pace wanders a little around each segment's, heart rate
    follows its target with a lag (and climbs with the hills), altitude follows a rolling
    route, a stop at a crossing holds the clock running while the distance stands still."""
    speeds: list[FloatArray] = []
    targets: list[FloatArray] = []
    for segment in run.segments:
        segment_mps = 1000.0 / segment.pace_s_per_km
        samples = math.ceil(segment.distance_m / (segment_mps * SAMPLE_S))
        speeds.append(np.full(samples, segment_mps))
        targets.append(np.full(samples, segment.hr_bpm))
    # Room to finish the distance if the wandering pace came out slow.
    extra = math.ceil(0.1 * sum(len(s) for s in speeds))
    speeds.append(np.full(extra, speeds[-1][-1]))
    targets.append(np.full(extra, targets[-1][-1]))
    speed = np.concatenate(speeds)
    target = np.concatenate(targets)
    count = int(speed.shape[0])
    jitter: FloatArray = noise.normal(0.0, 0.04, size=count)
    wander = np.convolve(jitter, np.full(6, 1.0 / 6.0), mode="same")
    speed = speed * (1.0 + wander)
    if run.pause_at is not None:
        stop = int(run.pause_at * count * 0.9)
        length = int(noise.integers(5, 12))  # 25–55 s
        speed[stop : stop + length] = 0.0
        target[stop : stop + length] -= 25.0
    speed = np.round(speed, 2)
    distance: FloatArray = np.concatenate(([0.0], np.cumsum(speed[1:] * SAMPLE_S)))
    end = int(np.searchsorted(distance, run.distance_m))
    end = min(end, count - 1)
    distance = distance[: end + 1]
    distance[-1] = min(distance[-1], run.distance_m)
    speed, target = speed[: end + 1], target[: end + 1]
    count = end + 1

    altitude = _route_altitude(distance, noise)
    step_m = np.diff(distance, prepend=0.0)
    rise_m = np.diff(altitude, prepend=altitude[0])
    grade = np.divide(rise_m, step_m, out=np.zeros(count), where=step_m > 0)
    half = run.distance_m / 2.0
    drift = run.hr_drift_bpm * np.clip((distance - half) / half, 0.0, 1.0)
    target = target + drift + np.clip(grade * 120.0, -4.0, 6.0)
    hr = np.empty(count)
    level = rest_hr_bpm + 40.0  # a few steps in: well above rest, far below the run's
    lag = 1.0 - math.exp(-SAMPLE_S / 35.0)  # heart rate settles over about half a minute
    for i, aim in enumerate(target.tolist()):
        level += (aim - level) * lag
        hr[i] = level
    hr = np.round(hr + noise.normal(0.0, 1.2, count))
    steps = np.round(140.0 + 11.0 * speed + noise.normal(0.0, 1.5, count))
    cadence: FloatArray = np.where(speed > 0, steps, 0.0).astype(np.float64)
    return Streams(
        {
            "t": np.arange(count, dtype=np.float64) * SAMPLE_S,
            "distance": np.round(distance, 1).astype(np.float64),
            "speed": speed,
            "hr": hr,
            "cadence": cadence,
            # Quarter metres are exact in the float32 the store keeps altitude in, so the
            # ascent derived now is the one the stored samples give.
            "altitude": np.round(altitude * 4.0) / 4.0,
        }
    )


def _route_altitude(distance_m: FloatArray, noise: np.random.Generator) -> FloatArray:
    """Rolling hills: three waves of 1–4 km with a few metres of rise each."""
    altitude = np.full(distance_m.shape[0], 35.0 + float(noise.uniform(-10.0, 10.0)))
    for wavelength_m, height_m in ((4000.0, 9.0), (1700.0, 5.0), (900.0, 2.5)):
        phase = float(noise.uniform(0.0, 2.0 * math.pi))
        altitude += (
            height_m
            * float(noise.uniform(0.6, 1.2))
            * np.sin(2.0 * math.pi * distance_m / wavelength_m + phase)
        )
    return altitude


# --- strength ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lift:
    """One exercise of the rotation and how it progresses over the twelve weeks."""

    slug: str
    single_leg: bool
    reps: tuple[int, int] | None = None  # first → last week (more reps is the progression)
    load_kg: tuple[float, float] | None = None  # first → last week, in `step_kg` steps
    step_kg: float = 2.5
    hold_s: tuple[int, int] | None = None  # first → last week, in 5 s steps


# A: after Wednesday's tempo; B: Friday. Hinge and single-leg strength for the posterior chain,
# hip abductors for the IT band and knee (Fredericson 2000), the Copenhagen plank for the groin
# (Harøy 2019), calves — docs/science.md#fredericson2000, #haroy2019.
ROTATION: tuple[tuple[Lift, ...], ...] = (
    (
        Lift("romanian-deadlift", False, (8, 8), (45.0, 55.0)),
        Lift("dumbbell-bulgarian-split-squat", True, (8, 8), (16.0, 22.0), step_kg=2.0),
        Lift("side-lying-hip-abduction", True, reps=(12, 20)),
        Lift("copenhagen-plank", True, hold_s=(20, 35)),
        Lift("single-leg-calf-raise", True, (12, 15), (8.0, 14.0), step_kg=2.0),
    ),
    (
        Lift("hip-thrust", False, (8, 8), (60.0, 75.0)),
        Lift("dumbbell-single-leg-rdl", True, (8, 8), (16.0, 22.0), step_kg=2.0),
        Lift("weighted-step-up", True, (8, 8), (12.0, 16.0), step_kg=2.0),
        Lift("side-plank", True, hold_s=(30, 45)),
        Lift("clamshell", True, reps=(15, 20)),
    ),
)
STRENGTH_DAYS = (2, 4)  # Wednesday, Friday: the days her plan puts them on


def strength_sessions(first_monday: date, rng: random.Random) -> list[StrengthSession]:
    """Two sessions a week, A then B; a deload (two easier sets) in each cut-back week."""
    sessions = []
    for week, (_total, _long, cut_back) in enumerate(WEEKS):
        progress = week / (len(WEEKS) - 1)
        monday = first_monday + timedelta(weeks=week)
        for weekday, workout in zip(STRENGTH_DAYS, ROTATION, strict=True):
            sets = tuple(
                entry for lift in workout for entry in lift_sets(lift, progress, cut_back, rng)
            )
            minutes = rng.randrange(28, 34) if cut_back else rng.randrange(40, 52)
            rpe = rng.choice((4.0, 5.0)) if cut_back else rng.choice((6.0, 7.0, 7.0))
            sessions.append(
                StrengthSession(
                    date=monday + timedelta(days=weekday),
                    sets=sets,
                    duration_s=minutes * 60,
                    rpe=rpe,
                )
            )
    return sessions


def lift_sets(lift: Lift, progress: float, deload: bool, rng: random.Random) -> list[SetEntry]:
    """Three sets (two in a deload) of the lift at this point of the twelve weeks; each side
    for single-leg work."""

    def stepped(span: tuple[float, float], step: float) -> float:
        """Where the span has got to by now, down to a whole step (a plate, a rep, 5 s)."""
        return math.floor(_between(span, progress) / step + 1e-9) * step

    reps = None if lift.reps is None else int(stepped(lift.reps, 1))
    load = None if lift.load_kg is None else stepped(lift.load_kg, lift.step_kg)
    hold = None if lift.hold_s is None else int(stepped(lift.hold_s, 5))
    sides = (Side.LEFT, Side.RIGHT) if lift.single_leg else (Side.BOTH,)
    count = 2 if deload else 3
    entries = []
    for number in range(count):
        if deload:
            rpe = 6.0
        else:  # the last set is the hardest
            rpe = 8.0 if number == count - 1 else rng.choice((7.0, 7.0, 7.5))
        entries += [
            SetEntry(lift.slug, side, reps=reps, load_kg=load, hold_s=hold, rpe=rpe)
            for side in sides
        ]
    return entries


# --- soreness ---------------------------------------------------------------------------------

# After a long run, first → last week: quads dominate at first, glutes take more of the work
# once they are stronger (docs/science.md#quad_glute_index: a personal trend, not a norm).
LONG_RUN_QUAD = (5.5, 3.0)
LONG_RUN_GLUTE = (1.5, 2.8)
MORNING_REGIONS = (Region.QUAD, Region.GLUTE, Region.HAMSTRING, Region.CALF)


def soreness_scores(first_monday: date, rng: random.Random) -> list[tuple[SorenessEntry, ...]]:
    """A post-run score of quads and glutes after every Sunday long run, and a morning check
    of four regions every other Monday (from the second week: after a long run)."""
    days: list[tuple[SorenessEntry, ...]] = []
    for week, (_total, _long, cut_back) in enumerate(WEEKS):
        progress = week / (len(WEEKS) - 1)
        monday = first_monday + timedelta(weeks=week)
        if week % 2 == 1:
            days.append(
                tuple(
                    SorenessEntry(monday, SorenessContext.MORNING, region, rng.choice((0, 1, 1, 2)))
                    for region in MORNING_REGIONS
                )
            )
        easier = 1.0 if cut_back else 0.0  # a shorter long run leaves less
        quad = _score(_between(LONG_RUN_QUAD, progress) - easier, rng)
        glute = _score(_between(LONG_RUN_GLUTE, progress) - easier / 2, rng)
        sunday = monday + timedelta(days=6)
        days.append(
            (
                SorenessEntry(sunday, SorenessContext.POST_RUN, Region.QUAD, quad),
                SorenessEntry(sunday, SorenessContext.POST_RUN, Region.GLUTE, glute),
            )
        )
    return days


def _between(span: Sequence[float], progress: float) -> float:
    """From the first week's value to the last week's, `progress` (0 → 1) of the way."""
    return span[0] + (span[1] - span[0]) * progress


def _score(mean: float, rng: random.Random) -> int:
    return max(0, min(10, round(mean + rng.choice((-0.5, 0.0, 0.0, 0.5)))))
