"""How an athlete's injury history shapes the strength work (docs/science.md keys in brackets).

- IT band, knee, hip, glute → hip abductors and external rotators, single-leg control
  [fredericson2000, crossley2016, ferber2015];
- groin → adductors, Copenhagen progression [haroy2019];
- Achilles, calf → heavy slow calf loading [beyer2015, alfredson1998];
- hamstring → Nordic curls and Romanian deadlifts [petersen2011];
- lower back → anti-extension core, careful hinge progression;
- shin, foot, ankle → lower-leg and foot capacity.
An active injury also excludes every exercise that loads its region.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from stridewell.domain.athletes import Injury
from stridewell.domain.vocab import Muscle, Region

HIP_CONTROL = (Region.IT_BAND, Region.KNEE, Region.HIP, Region.GLUTE)
REGION_WORDS = {
    Region.IT_BAND: "IT-band",
    Region.LOWER_BACK: "lower-back",
    Region.ACHILLES: "Achilles",
}


def region_words(region: Region) -> str:
    return REGION_WORDS.get(region, region.value.replace("_", " "))


@dataclass(frozen=True)
class Emphasis:
    history: frozenset[Region]  # every region ever injured
    active: frozenset[Region]  # regions injured on the plan's start day
    muscles: frozenset[Muscle]  # muscles to favour
    extra_slots: tuple[str, ...]  # "adductor", "calf", "nordic", "tibialis", "foot"
    reasons: dict[str, str]  # slot or muscle → "because you've had IT-band trouble"

    @property
    def hip_control(self) -> bool:
        return bool(self.history & set(HIP_CONTROL))

    @property
    def careful_hinge(self) -> bool:
        return Region.LOWER_BACK in self.history


def _trouble(regions: Sequence[Region]) -> str:
    words = [region_words(r) for r in regions]
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"because you've had {joined} trouble"


def emphasis_for(injuries: tuple[Injury, ...], on: date) -> Emphasis:
    history = frozenset(i.region for i in injuries)
    active = frozenset(i.region for i in injuries if i.is_active(on))
    muscles: set[Muscle] = set()
    extras: list[str] = []
    reasons: dict[str, str] = {}
    hip = [r for r in HIP_CONTROL if r in history]
    if hip:
        muscles |= {Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MINIMUS, Muscle.HIP_EXTERNAL_ROTATORS}
        reasons["glute_med"] = _trouble(hip) + " (Fredericson 2000: weak hip abductors)"
        reasons["single_leg"] = _trouble(hip) + " — single-leg control keeps the pelvis level"
    if Region.GROIN in history:
        muscles.add(Muscle.ADDUCTORS)
        extras.append("adductor")
        reasons["adductor"] = _trouble([Region.GROIN]) + " (Harøy 2019: Copenhagen programme)"
    if Region.ACHILLES in history or Region.CALF in history:
        muscles |= {Muscle.GASTROCNEMIUS, Muscle.SOLEUS}
        extras.append("calf")
        calf = [r for r in (Region.ACHILLES, Region.CALF) if r in history]
        reasons["calf"] = _trouble(calf) + " (Beyer 2015: heavy slow resistance)"
    if Region.HAMSTRING in history:
        muscles.add(Muscle.HAMSTRINGS)
        extras.append("nordic")
        reasons["nordic"] = _trouble([Region.HAMSTRING]) + " (Petersen 2011: Nordic programme)"
    if Region.SHIN in history:
        muscles.add(Muscle.TIBIALIS_ANTERIOR)
        extras.append("tibialis")
        reasons["tibialis"] = _trouble([Region.SHIN]) + " — lower-leg capacity"
    if Region.FOOT in history or Region.ANKLE in history:
        muscles.add(Muscle.FOOT_INTRINSICS)
        extras.append("foot")
        foot = [r for r in (Region.FOOT, Region.ANKLE) if r in history]
        reasons["foot"] = _trouble(foot) + " — foot and ankle control"
    if Region.LOWER_BACK in history:
        muscles.add(Muscle.TRANSVERSE_ABDOMINIS)
        reasons["core"] = _trouble([Region.LOWER_BACK]) + " — anti-extension core first"
    if Region.QUAD in history or Region.KNEE in history:
        knee = [r for r in (Region.KNEE, Region.QUAD) if r in history]
        reasons["knee"] = _trouble(knee) + " (Crossley 2016: hip and knee work together)"
    return Emphasis(
        history=history,
        active=active,
        muscles=frozenset(muscles),
        extra_slots=tuple(extras),
        reasons=reasons,
    )
