"""How fast is the planner? Times 24-week plans for the persona (issue: well under a second).

Run: .venv/bin/python benchmarks/plan_bench.py
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from stridewell.domain.athletes import Athlete, Availability, Injury, Race
from stridewell.domain.planning.model import PlanRequest
from stridewell.domain.planning.planner import generate_plan
from stridewell.domain.vocab import Equipment, Experience, Region, Sex, Side, Weekday


def main() -> None:
    athlete = Athlete(
        id=1, name="Persona", sex=Sex.F, birth_year=1988, experience=Experience.INTERMEDIATE,
        equipment=frozenset(Equipment),
        availability=Availability(
            (Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.SAT, Weekday.SUN), Weekday.SUN
        ),
        weekly_km=45.0,
    )
    injuries = (
        Injury(Region.IT_BAND, Side.RIGHT, date(2025, 6, 1), 6, resolved=date(2025, 7, 20)),
        Injury(Region.GROIN, Side.LEFT, date(2024, 9, 1), 4, resolved=date(2024, 10, 1)),
    )
    start = date(2026, 11, 30)
    race = Race("Marathon", date(2027, 5, 9), 42195.0)  # 23 weeks out → 24+ week plan
    request = PlanRequest(athlete=athlete, start=start, today=start, injuries=injuries, race=race)
    timings = []
    for _ in range(20):
        began = time.perf_counter()
        plan = generate_plan(request)
        timings.append(time.perf_counter() - began)
    print(
        f"{len(plan.weeks)}-week plan, {len(plan.sessions())} sessions: "
        f"median {statistics.median(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
