"""Every exercise in the library, in one tuple, and the evidence keys they may cite.

The entries live in the `data_*` modules, grouped by the body region they train; this module
only gathers them. Progressions and regressions link exercises of the same pattern, from
easier to harder, so the planner can step a runner up or down a chain.
"""

from __future__ import annotations

from stridewell.domain.exercises.data_core import CORE
from stridewell.domain.exercises.data_glute import GLUTE
from stridewell.domain.exercises.data_hinge import HIP_DOMINANT
from stridewell.domain.exercises.data_hip import HIP_PLANES
from stridewell.domain.exercises.data_knee import KNEE_DOMINANT
from stridewell.domain.exercises.data_lower_leg import LOWER_LEG
from stridewell.domain.exercises.data_mobility import MOBILITY
from stridewell.domain.exercises.data_plyometric import PLYOMETRICS
from stridewell.domain.exercises.model import Exercise

__all__ = ["ALL", "EVIDENCE_KEYS"]

ALL: tuple[Exercise, ...] = (
    *KNEE_DOMINANT,
    *HIP_DOMINANT,
    *GLUTE,
    *HIP_PLANES,
    *CORE,
    *LOWER_LEG,
    *PLYOMETRICS,
    *MOBILITY,
)

# Anchors of docs/science.md that an exercise's `evidence` may name.
EVIDENCE_KEYS: frozenset[str] = frozenset(
    {
        "lauersen2014",  # strength training cut sports injuries (RR 0.32)
        "blagrove2018",  # strength and plyometrics improve running economy
        "fredericson2000",  # hip abductor weakness and a gluteus medius programme for ITBS
        "distefano2009",  # gluteus medius EMG: side-lying abduction 81 % MVC
        "selkowitz2013",  # gluteal-to-TFL activation index
        "boren2011",  # side plank and single-leg squat: high gluteus medius activity
        "crossley2016",  # patellofemoral pain: hip and knee exercise
        "haroy2019",  # Copenhagen adductor programme
        "alfredson1998",  # eccentric heel drops for Achilles tendinopathy
        "beyer2015",  # heavy slow resistance for Achilles tendinopathy
        "petersen2011",  # Nordic hamstring programme
        "willcox2013",  # clam: pelvis position and hip flexion
    }
)
