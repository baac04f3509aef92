"""Return to run after time off: readiness checks, walk-run stages and pain gates.

The rules, in order (docs/science.md#return_to_run, #silbernagel2007):

1. Before stage 1, four readiness checks, each at most 2/10 pain: a 30-minute walk, 10
   single-leg squats, a minute of jogging on the spot and 30 seconds of hopping.
2. The stages are the planner's walk-run ladder (`planning.rules.RETURN_STAGES`); after the last
   one the runner is back to normal training.
3. Each logged stage session passes three pain gates: pain during at most 2/10 (above 5/10:
   stop), pain settled within 24 hours, and no rise in pain the next morning. A rest day must
   come before it.
4. Green: the session counts. Two green sessions in a row at a stage unlock the next stage.
   Amber (pain 3–5, a rise the next morning, or no rest day): repeat the stage. Red (pain above
   5, or not settled within 24 h): step back one stage (never below stage 1).

Everything here is a pure function of the logged checks and sessions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from stridewell.domain.athletes import MAX_NOTES_CHARS, ValidationError, check_length
from stridewell.domain.planning.rules import RETURN_STAGES

# silbernagel2007: 0–2/10 is the "safe" band (secondary sources ⚠); pain during may reach 5/10,
# and above that the activity is too much.
SAFE_PAIN = 2
MAX_PAIN = 5
PAIN_SCALE_MAX = 10
# return_to_run: each stage at least twice, with a rest day between runs.
SESSIONS_TO_PASS = 2
MIN_DAYS_BETWEEN_SESSIONS = 2
READINESS_STAGE = 0  # before stage 1: the readiness checks are not passed yet


class Gate(StrEnum):
    """The verdict on one stage session."""

    GREEN = "green"  # counts toward the stage
    AMBER = "amber"  # repeat the stage
    RED = "red"  # step back one stage
    PENDING = "pending"  # next-day answers missing; does not count yet


@dataclass(frozen=True)
class Stage:
    number: int  # 1-based
    walk_min: int
    jog_min: int
    repeats: int

    @property
    def description(self) -> str:
        if self.walk_min:
            return (
                f"walk {self.walk_min} min / jog {self.jog_min} min, {self.repeats} times"
                f" ({self.total_min} min)"
            )
        return f"{self.jog_min} min continuous easy jogging"

    @property
    def total_min(self) -> int:
        return (self.walk_min + self.jog_min) * self.repeats


STAGES: tuple[Stage, ...] = tuple(
    Stage(index + 1, walk_min, jog_min, repeats)
    for index, (walk_min, jog_min, repeats) in enumerate(RETURN_STAGES)
)
LAST_STAGE = len(STAGES)
CLEARED_STAGE = LAST_STAGE + 1  # every stage passed: back to normal training


def stage_description(number: int) -> str:
    if number == READINESS_STAGE:
        return "readiness checks"
    if number >= CLEARED_STAGE:
        return "normal training"
    return STAGES[number - 1].description


# name, what to do
READINESS_TESTS: tuple[tuple[str, str], ...] = (
    ("walk", "a 30-minute brisk walk"),
    ("single_leg_squat", "10 single-leg squats on each leg"),
    ("jog_on_spot", "1 minute of jogging on the spot"),
    ("hop", "30 seconds of hopping on each leg"),
)


def _check_pain(value: int, what: str) -> None:
    if not 0 <= value <= PAIN_SCALE_MAX:
        raise ValidationError(f"{what} {value} must be 0 to {PAIN_SCALE_MAX}", what)


@dataclass(frozen=True)
class ReadinessCheck:
    """The worst pain (0–10) felt in each readiness test on one day."""

    date: date
    walk_pain: int
    single_leg_squat_pain: int
    jog_on_spot_pain: int
    hop_pain: int
    notes: str = ""
    id: int | None = None

    @property
    def pains(self) -> dict[str, int]:
        return {
            "walk": self.walk_pain,
            "single_leg_squat": self.single_leg_squat_pain,
            "jog_on_spot": self.jog_on_spot_pain,
            "hop": self.hop_pain,
        }

    def validate(self) -> None:
        for name, pain in self.pains.items():
            _check_pain(pain, f"{name.replace('_', ' ')} pain")
        check_length(self.notes, MAX_NOTES_CHARS, "the notes", "notes")

    @property
    def failed(self) -> tuple[str, ...]:
        """The tests that hurt more than the safe 2/10 (return_to_run)."""
        return tuple(name for name, pain in self.pains.items() if pain > SAFE_PAIN)

    @property
    def passed(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class RehabSession:
    """One walk-run session at a stage, with the pain answers the gates need."""

    date: date
    stage: int
    pain_during: int
    pain_next_morning: int | None = None
    settled_24h: bool | None = None
    notes: str = ""
    id: int | None = None

    def validate(self) -> None:
        if not 1 <= self.stage <= LAST_STAGE:
            raise ValidationError(f"stage {self.stage} must be 1 to {LAST_STAGE}", "stage")
        _check_pain(self.pain_during, "pain during")
        if self.pain_next_morning is not None:
            _check_pain(self.pain_next_morning, "next-morning pain")
        check_length(self.notes, MAX_NOTES_CHARS, "the notes", "notes")


@dataclass(frozen=True)
class GateResult:
    gate: Gate
    reasons: tuple[str, ...]  # why it is not green (empty when green)


_SEVERITY = {Gate.GREEN: 0, Gate.AMBER: 1, Gate.PENDING: 2, Gate.RED: 3}


def judge(session: RehabSession, previous: RehabSession | None = None) -> GateResult:
    """The pain gates for one session; `previous` is the stage session logged before it.

    Red outranks everything (stop now); otherwise a missing next-day answer leaves the session
    pending; otherwise amber if any gate is amber.
    """
    red: list[str] = []
    amber: list[str] = []
    # silbernagel2007: pain during up to 5/10 is acceptable, 0–2 is the safe band.
    if session.pain_during > MAX_PAIN:
        red.append(f"pain during was {session.pain_during}/10, above {MAX_PAIN}/10")
    elif session.pain_during > SAFE_PAIN:
        amber.append(f"pain during was {session.pain_during}/10, above the safe {SAFE_PAIN}/10")
    # silbernagel2007: pain must settle by the next morning.
    if session.settled_24h is False:
        red.append("the pain had not settled within 24 hours")
    morning = session.pain_next_morning
    if morning is not None:
        if morning > MAX_PAIN:
            red.append(f"next-morning pain was {morning}/10, above {MAX_PAIN}/10")
        elif morning > SAFE_PAIN:
            amber.append(f"next-morning pain was {morning}/10, above the safe {SAFE_PAIN}/10")
        # silbernagel2007: pain must not creep up from one session to the next.
        reference = None if previous is None else previous.pain_next_morning
        if reference is not None and morning > reference:
            amber.append(f"next-morning pain rose from {reference}/10 to {morning}/10")
    # return_to_run: a rest day between runs.
    if previous is not None and (session.date - previous.date).days < MIN_DAYS_BETWEEN_SESSIONS:
        amber.append(f"no rest day since the session on {previous.date.isoformat()}")
    missing = [
        what
        for what, value in (
            ("next-morning pain", morning),
            ("whether the pain settled within 24 h", session.settled_24h),
        )
        if value is None
    ]
    if red:
        return GateResult(Gate.RED, tuple(red + amber))
    if missing:
        return GateResult(Gate.PENDING, (f"not logged yet: {' and '.join(missing)}", *amber))
    if amber:
        return GateResult(Gate.AMBER, tuple(amber))
    return GateResult(Gate.GREEN, ())


@dataclass(frozen=True)
class Outcome:
    """A session in the history: its verdict and the stage it left the runner at."""

    session: RehabSession
    result: GateResult
    stage_before: int
    stage_after: int
    green_after: int  # green sessions in a row at `stage_after`


@dataclass(frozen=True)
class RehabStatus:
    stage: int  # 0: readiness checks to pass; 1..LAST_STAGE: walk-run; CLEARED_STAGE: done
    green_sessions: int  # green sessions in a row at the current stage
    readiness_passed: bool
    next_action: str
    next_date: date | None  # the earliest day for the next session (a rest day first)
    history: tuple[Outcome, ...]
    readiness: tuple[ReadinessCheck, ...]
    sessions_needed: int = SESSIONS_TO_PASS

    @property
    def cleared(self) -> bool:
        return self.stage >= CLEARED_STAGE

    @property
    def stage_description(self) -> str:
        return stage_description(self.stage)


def _ordered_sessions(sessions: Sequence[RehabSession]) -> list[RehabSession]:
    return sorted(sessions, key=lambda s: (s.date, s.id if s.id is not None else 0))


def rehab_status(
    readiness: Sequence[ReadinessCheck], sessions: Sequence[RehabSession]
) -> RehabStatus:
    """Where the runner is on the ladder, replaying every logged session in date order."""
    checks = tuple(sorted(readiness, key=lambda c: (c.date, c.id if c.id is not None else 0)))
    ready = any(check.passed for check in checks)
    stage = 1 if ready else READINESS_STAGE
    green = 0
    previous: RehabSession | None = None
    history: list[Outcome] = []
    for session in _ordered_sessions(sessions):
        before = max(stage, 1)  # a session logged before readiness starts the ladder at 1
        result = judge(session, previous)
        if session.stage > before:
            # Never jump ahead: a session above the unlocked stage cannot count toward it.
            reason = f"stage {session.stage} was not unlocked yet (stage {before} was)"
            gate = Gate.RED if result.gate is Gate.RED else Gate.AMBER
            result = GateResult(gate, (reason, *result.reasons))
            at = before
        else:
            at = session.stage  # the same stage, or a step back the runner chose
            if at < before:
                green = 0
        if result.gate is Gate.GREEN:
            stage, green = at, green + 1
            if green >= SESSIONS_TO_PASS:
                stage, green = min(at + 1, CLEARED_STAGE), 0
        elif result.gate is Gate.RED:
            stage, green = max(1, at - 1), 0
        else:
            stage, green = at, 0
        history.append(Outcome(session, result, before, stage, green))
        previous = session
    return RehabStatus(
        stage=stage,
        green_sessions=green,
        readiness_passed=ready,
        next_action=_next_action(stage, green, checks, history),
        next_date=(
            None
            if previous is None or stage >= CLEARED_STAGE
            else previous.date + timedelta(days=MIN_DAYS_BETWEEN_SESSIONS)
        ),
        history=tuple(history),
        readiness=checks,
    )


def _next_action(
    stage: int, green: int, checks: tuple[ReadinessCheck, ...], history: list[Outcome]
) -> str:
    if stage == READINESS_STAGE:
        tests = "; ".join(what for _, what in READINESS_TESTS)
        if checks:
            failed = ", ".join(name.replace("_", " ") for name in checks[-1].failed)
            return (
                f"Not ready to run yet: {failed} hurt more than {SAFE_PAIN}/10. Keep up the "
                "strength work and repeat the readiness checks in a few days."
            )
        return (
            f"Before the first run, do the readiness checks ({tests}); each should hurt no more "
            f"than {SAFE_PAIN}/10. Then log them with `stridewell rehab readiness`."
        )
    if history and history[-1].result.gate is Gate.PENDING:
        last = history[-1].session
        return (
            f"Log how the stage {last.stage} session on {last.date.isoformat()} felt the next "
            "morning (--pain-morning and --settled) before the next session."
        )
    if stage >= CLEARED_STAGE:
        return (
            "Every stage passed: back to normal training. Build up gradually with the plan's "
            "base weeks and keep the strength work going."
        )
    what = f"stage {stage}: {stage_description(stage)} at an easy effort (RPE 3–4)"
    if history and history[-1].result.gate is Gate.RED:
        reasons = "; ".join(history[-1].result.reasons)
        return (
            f"Stop and step back ({reasons}). After a rest day do {what}. If pain stays above "
            f"{MAX_PAIN}/10 or keeps coming back, see a physiotherapist."
        )
    if history and history[-1].result.gate is Gate.AMBER:
        reasons = "; ".join(history[-1].result.reasons)
        return f"Repeat {what} after a rest day ({reasons})."
    return (
        f"Do {what}, session {green + 1} of {SESSIONS_TO_PASS}, with a rest day after the "
        f"last one. Pain during at most {SAFE_PAIN}/10, settled within 24 h, no worse the "
        "next morning."
    )


def check_can_log(
    readiness: Sequence[ReadinessCheck],
    sessions: Sequence[RehabSession],
    new: RehabSession,
) -> None:
    """Refuse a session at a stage that was not unlocked on its date (no stage skipping)."""
    new.validate()
    checks = [check for check in readiness if check.date <= new.date]
    earlier = [s for s in sessions if s.date <= new.date and (new.id is None or s.id != new.id)]
    status = rehab_status(checks, earlier)
    if status.stage == READINESS_STAGE:
        raise ValidationError(
            f"stage {new.stage} is not unlocked yet: pass the readiness checks first "
            "(stridewell rehab readiness)",
            "stage",
        )
    if new.stage > status.stage:
        raise ValidationError(
            f"stage {new.stage} is not unlocked yet: you are at stage {status.stage} "
            f"({status.green_sessions} of {SESSIONS_TO_PASS} green sessions done)",
            "stage",
        )
