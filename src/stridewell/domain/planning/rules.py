"""The planner's numbers, each with the fact it rests on (keys into docs/science.md).

Several of these are coaching conventions rather than trial results; docs/science.md says which.
"""

from __future__ import annotations

from stridewell.domain.vocab import Experience, Phase

# --- Running volume -------------------------------------------------------------------------
# ramp10: at most ~10 % more running than the last full (non-cut-back) week. A conservative
# convention: Buist 2008 found a 10 %-rule plan did not cut injuries, Nielsen 2014 linked > 30 %
# jumps to distance-related injuries (suggestive only).
MAX_WEEKLY_RAMP = 0.10
# After a planned cut-back week the plan returns to the level before it, never more than this
# above the cut-back week itself; it stays below the 30 % jump our load watch flags (nielsen2014).
MAX_RETURN_JUMP = 0.25
# ramp10 / deload: a lighter week every 4th week (every 3rd for novices), about 20 % less running.
CUTBACK_EVERY_WEEKS = {Experience.NOVICE: 3, Experience.INTERMEDIATE: 4, Experience.ADVANCED: 4}
CUTBACK_FRACTION = 0.80
# ramp10: the long run is at most about a third of the week's running.
LONG_RUN_MAX_SHARE = 1 / 3
# A week below this is built up from scratch, not ramped by percentages.
MIN_WEEK_KM = 8.0
MIN_RUN_KM = 3.0

# Peak weekly volume worth building to, by goal distance and experience (convention, ramp10).
PEAK_KM = {
    "5k": {Experience.NOVICE: 25.0, Experience.INTERMEDIATE: 40.0, Experience.ADVANCED: 60.0},
    "10k": {Experience.NOVICE: 30.0, Experience.INTERMEDIATE: 45.0, Experience.ADVANCED: 70.0},
    "half": {Experience.NOVICE: 35.0, Experience.INTERMEDIATE: 50.0, Experience.ADVANCED: 80.0},
    "marathon": {Experience.NOVICE: 45.0, Experience.INTERMEDIATE: 65.0, Experience.ADVANCED: 95.0},
}
# Never plan more than this above what the athlete runs now (ramp10).
PEAK_OVER_CURRENT = 1.5
LONG_RUN_CAP_KM = {"5k": 14.0, "10k": 18.0, "half": 22.0, "marathon": 32.0}

# --- Periodisation (periodisation: conventions built on blagrove2018) ------------------------
TAPER_WEEKS = {"5k": 1, "10k": 1, "half": 2, "marathon": 2}
PEAK_WEEKS = {"5k": 2, "10k": 2, "half": 2, "marathon": 3}
BUILD_WEEKS = {"5k": 4, "10k": 5, "half": 5, "marathon": 6}
RECOVERY_WEEKS = {"5k": 1, "10k": 1, "half": 1, "marathon": 2}
# Share of peak volume in each taper week, nearest the race last (periodisation).
TAPER_SHARE = (0.75, 0.6)
RECOVERY_SHARE = (0.4, 0.55)
# No heavy lower-body lifting in the last ~10 days before a race (periodisation, doma2019).
NO_HEAVY_DAYS_BEFORE_RACE = 10

# --- Return to run (return_to_run, silbernagel2007) ------------------------------------------
RETURN_AFTER_DAYS_OFF = 14  # two weeks or more off running → staged return
RETURN_WINDOW_DAYS = 42  # an injury resolved within six weeks of the start still counts
RETURN_STAGES = (
    # (walk minutes, jog minutes, repeats) — walk 4/jog 2 → 3/3 → 2/4 → 30 min continuous.
    (4, 2, 5),
    (3, 3, 5),
    (2, 4, 5),
    (0, 30, 1),
)
RETURN_SESSIONS_PER_WEEK = 3  # a rest day between walk-run sessions
PAIN_GATE = (
    "Pain gate: pain during at most 2/10 (5/10 is the ceiling), settled by the next morning and "
    "not rising week to week; otherwise repeat this stage (Silbernagel 2007 pain-monitoring model)."
)

# --- Strength dose (blagrove2018, lauersen2014, zourdos2016, double_progression, deload) ------
STRENGTH_SESSIONS = {
    Phase.RETURN_TO_RUN: 3,  # strength continues and is emphasised during time off running
    Phase.BASE: 2,
    Phase.BUILD: 2,
    Phase.PEAK: 1,
    Phase.TAPER: 1,
    Phase.RACE: 1,
    Phase.RECOVERY: 1,
}
# Runners with few run days have room for a third base session (blagrove2018: 2–3 a week).
BASE_THIRD_SESSION_MAX_RUN_DAYS = 4
# Minimum hours between a hard run and lifting on the same day (doma2013, schumann2022).
HOURS_AFTER_RUN = 6
