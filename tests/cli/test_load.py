from __future__ import annotations

from datetime import date, timedelta

from tests.cli.runner import Cli
from tests.services.training_rows import add_activity, add_strength, at, database_at

DAY_KEYS = {"date", "load", "run_km", "acute", "chronic", "acwr", "acwr_ewma", "ctl", "atl", "tsb"}
WEEK_KEYS = {"week_start", "run_km", "ramp_pct", "monotony", "strain"}
FLAG_KEYS = {"code", "date", "value", "message"}


def _running_jump(cli: Cli) -> None:
    """Athlete 1: 3 × 5 km in the week of 2026-02-23, 3 × 7 km in the week of 03-02 (+40 %),
    and a 45-minute strength session at RPE 7 on Tuesday 03-10 (315)."""
    with database_at(cli.env["STRIDEWELL_DATABASE_URL"]) as session:
        for offset in (0, 2, 4):
            add_activity(session, 1, at(date(2026, 2, 23) + timedelta(days=offset)),
                         distance_m=5000, moving_s=1800)  # fmt: skip
            add_activity(session, 1, at(date(2026, 3, 2) + timedelta(days=offset)),
                         distance_m=7000, moving_s=2520)  # fmt: skip
        add_strength(session, 1, date(2026, 3, 10), duration_s=2700, rpe=7,
                     sets=[("hip-thrust", "both", 8, 60.0, None, 8)])  # fmt: skip


def test_json_matches_the_contract(athlete_cli: Cli) -> None:
    _running_jump(athlete_cli)
    data = athlete_cli.json("load")
    assert {"as_of", "days", "weeks", "flags"} <= set(data)
    assert data["as_of"] == "2026-03-11"
    assert len(data["days"]) == 90 and data["days"][-1]["date"] == "2026-03-11"
    assert all(DAY_KEYS <= set(day) for day in data["days"])
    assert all(WEEK_KEYS <= set(week) for week in data["weeks"])
    assert all(date.fromisoformat(week["week_start"]).weekday() == 0 for week in data["weeks"])
    (flag,) = data["flags"]
    assert FLAG_KEYS <= set(flag)
    assert (flag["code"], flag["date"], round(flag["value"])) == ("ramp_high", "2026-03-02", 40)


def test_gym_work_counts_toward_the_daily_load(athlete_cli: Cli) -> None:
    """45 min × RPE 7 = 315 on Tuesday, a day without running (Foster 2001)."""
    _running_jump(athlete_cli)
    days = {day["date"]: day for day in athlete_cli.json("load")["days"]}
    tuesday = days["2026-03-10"]
    assert tuesday["load"] == 315.0 and tuesday["run_km"] == 0.0
    assert tuesday["musculoskeletal_load"] == 315.0 and tuesday["cardio_load"] == 0.0


def test_as_of_moves_the_window(athlete_cli: Cli) -> None:
    _running_jump(athlete_cli)
    data = athlete_cli.json("load", "--as-of", "2026-03-01", "--days", "7")
    assert data["as_of"] == "2026-03-01"
    assert [day["date"] for day in data["days"]][0] == "2026-02-23"
    assert data["flags"] == []  # the jump came later
    assert sum(day["run_km"] for day in data["days"]) == 15.0


def test_table_shows_two_weeks_eight_weeks_flags_and_the_caveat(athlete_cli: Cli) -> None:
    _running_jump(athlete_cli)
    out = athlete_cli.ok("load").stdout
    assert "last 14 days to 2026-03-11" in out
    assert "2026-02-26" in out and "2026-02-25" not in out.split("Last 8 weeks")[0]
    assert "Last 8 weeks" in out and "2026-01-19" in out
    assert "running volume +40 % on last week" in out
    assert "descriptive signal, not a prediction" in out


def test_an_athlete_without_sessions_gets_an_empty_report(athlete_cli: Cli) -> None:
    data = athlete_cli.json("load")
    assert data["flags"] == [] and all(day["load"] == 0 for day in data["days"])
    assert "No flags" in athlete_cli.ok("load").stdout


def test_bad_input_exits_1_with_one_line(athlete_cli: Cli) -> None:
    assert "is not a date" in athlete_cli.error("load", "--as-of", "yesterday")
    assert "in the future" in athlete_cli.error("load", "--as-of", "2026-03-12")
    assert "days must be" in athlete_cli.error("load", "--days", "0")
    athlete_cli.error("load", "--format", "xml", exit_code=2)


def test_no_athlete_is_a_user_error(cli: Cli) -> None:
    assert "no athlete yet" in cli.error("load")
