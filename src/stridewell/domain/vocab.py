"""The fixed vocabularies of design.md. Terms may be added, never renamed."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar


class Muscle(StrEnum):
    GLUTEUS_MAXIMUS = "gluteus_maximus"
    GLUTEUS_MEDIUS = "gluteus_medius"
    GLUTEUS_MINIMUS = "gluteus_minimus"
    HIP_EXTERNAL_ROTATORS = "hip_external_rotators"
    HIP_FLEXORS = "hip_flexors"
    ADDUCTORS = "adductors"
    QUADRICEPS = "quadriceps"
    HAMSTRINGS = "hamstrings"
    GASTROCNEMIUS = "gastrocnemius"
    SOLEUS = "soleus"
    TIBIALIS_ANTERIOR = "tibialis_anterior"
    FOOT_INTRINSICS = "foot_intrinsics"
    RECTUS_ABDOMINIS = "rectus_abdominis"
    OBLIQUES = "obliques"
    TRANSVERSE_ABDOMINIS = "transverse_abdominis"
    ERECTOR_SPINAE = "erector_spinae"
    LATISSIMUS_DORSI = "latissimus_dorsi"
    UPPER_BACK = "upper_back"


class Equipment(StrEnum):
    BODYWEIGHT = "bodyweight"
    BAND = "band"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    CABLE = "cable"
    MACHINE = "machine"
    SWISS_BALL = "swiss_ball"
    BENCH = "bench"
    BOX = "box"
    STEP = "step"
    BAR = "bar"
    SLIDER = "slider"


class Region(StrEnum):
    """Injury and soreness regions."""

    HIP = "hip"
    GROIN = "groin"
    KNEE = "knee"
    IT_BAND = "it_band"
    HAMSTRING = "hamstring"
    CALF = "calf"
    ACHILLES = "achilles"
    SHIN = "shin"
    FOOT = "foot"
    ANKLE = "ankle"
    LOWER_BACK = "lower_back"
    GLUTE = "glute"
    QUAD = "quad"


class Category(StrEnum):
    COMPOUND = "compound"
    GLUTE_ACCESSORY = "glute_accessory"
    ACTIVATION = "activation"
    CORE = "core"
    PLYOMETRIC = "plyometric"
    CALF_FOOT = "calf_foot"
    MOBILITY = "mobility"


class RunType(StrEnum):
    EASY = "easy"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    RECOVERY = "recovery"
    WALK_RUN = "walk_run"
    RACE = "race"


class Phase(StrEnum):
    RETURN_TO_RUN = "return_to_run"
    BASE = "base"
    BUILD = "build"
    PEAK = "peak"
    TAPER = "taper"
    RACE = "race"
    RECOVERY = "recovery"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class Sex(StrEnum):
    F = "F"
    M = "M"
    X = "X"


class Experience(StrEnum):
    NOVICE = "novice"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        """Monday = 0, as `date.weekday()`."""
        return list(Weekday).index(self)

    @classmethod
    def from_index(cls, index: int) -> Weekday:
        return list(Weekday)[index % 7]


E = TypeVar("E", bound=StrEnum)


def parse_term(enum: type[E], text: str, what: str) -> E:
    """Parse one vocabulary term, with an error that lists the allowed ones."""
    try:
        return enum(text.strip().lower() if enum is not Sex else text.strip().upper())
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ValueError(f"unknown {what} {text!r}; expected one of: {allowed}") from None
