from __future__ import annotations

from stridewell.domain.exercises.library import ALL
from tests.cli.runner import Cli


def test_json_lists_the_library_with_the_contract_fields(cli: Cli) -> None:
    exercises = cli.json("exercises")["exercises"]
    assert len(exercises) == len(ALL)
    assert {"slug", "name", "aliases", "category", "pattern", "primary_muscles",
            "secondary_muscles", "unilateral", "equipment", "level", "loads_regions",
            "progressions", "regressions", "cues"} == set(exercises[0])  # fmt: skip


def test_filters_narrow_the_list(cli: Cli) -> None:
    everything = cli.json("exercises")["exercises"]
    glute_med = cli.json("exercises", "--muscle", "gluteus_medius")["exercises"]
    assert 0 < len(glute_med) < len(everything)
    assert all("gluteus_medius" in e["primary_muscles"] + e["secondary_muscles"] for e in glute_med)
    core_band = cli.json("exercises", "--category", "core", "--equipment", "band")["exercises"]
    assert core_band and all(e["category"] == "core" for e in core_band)


def test_unknown_filter_terms_exit_1(cli: Cli) -> None:
    assert "unknown muscle 'biceps'" in cli.error("exercises", "--muscle", "biceps")
    assert "unknown equipment" in cli.error("exercises", "--equipment", "rowing_machine")
    assert "unknown category" in cli.error("exercises", "--category", "cardio")


def test_table_shows_names(cli: Cli) -> None:
    output = cli.ok("exercises", "--category", "glute_accessory").stdout
    assert "exercises" in output
    assert any(e.name in output for e in ALL)
