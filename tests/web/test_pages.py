"""The pages a runner reads: Today, the plan calendar, a session, the library, the profile."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from stridewell.domain.exercises.lookup import by_slug
from stridewell.services.runs import log_manual_run
from stridewell.store.db import unit_of_work
from stridewell.web.templating import km_text
from tests.conftest import TODAY
from tests.web.conftest import Web, make_app
from tests.web.html import field_error, links, page_text, parse, text_of


def plan_json(web: Web) -> dict[str, object]:
    response = web.api("GET", "/athletes/1/plan")
    assert response.status_code == 200
    plan = response.json()["plan"]
    assert isinstance(plan, dict)
    return plan


def sessions_on(web: Web, day: str) -> list[dict[str, object]]:
    plan = plan_json(web)
    weeks = plan["weeks"]
    assert isinstance(weeks, list)
    return [s for week in weeks for s in week["sessions"] if s["date"] == day]


def test_today_lists_todays_sessions_from_the_latest_plan(demo_web: Web, engine: Engine) -> None:
    start = date.fromisoformat(str(plan_json(demo_web)["start"]))
    day = next(
        start + timedelta(days=offset)
        for offset in range(7)
        if len(sessions_on(demo_web, (start + timedelta(days=offset)).isoformat())) > 1
    )
    with TestClient(make_app(engine, day)) as client:
        page = client.get("/")
    text = page_text(page.text)
    assert f"{day:%A} {day.day} {day:%B %Y}" in text
    planned = sessions_on(demo_web, day.isoformat())
    today_section = text.split("Today’s sessions")[1].split("Coming up")[0]
    for session in planned:
        assert str(session["title"]) in today_section
    for number in range(1, len(planned) + 1):
        assert f"/plan/sessions/{day.isoformat()}/{number}" in links(page.text, "/plan/sessions/")


def test_before_the_plan_starts_today_says_when_it_does(demo_web: Web) -> None:
    start = date.fromisoformat(str(plan_json(demo_web)["start"]))
    assert start > TODAY  # plans start on a Monday
    text = page_text(demo_web.get("/").text)
    assert f"Your plan starts on {start:%A} {start.day} {start:%B}" in text


def test_today_shows_the_week_the_goal_race_and_best_results(demo_web: Web, engine: Engine) -> None:
    a_week_later = TODAY + timedelta(days=7)
    with TestClient(make_app(engine, a_week_later)) as client:
        text = page_text(client.get("/").text)
    week = next(
        w
        for w in plan_json(demo_web)["weeks"]  # type: ignore[attr-defined]
        if date.fromisoformat(w["start"])
        <= a_week_later
        < date.fromisoformat(w["start"]) + timedelta(days=7)
    )
    runs = sum(1 for s in week["sessions"] if s["kind"] == "run")
    strength = sum(1 for s in week["sessions"] if s["kind"] == "strength")
    assert f"Runs {runs}" in text and f"Strength {strength}" in text
    assert f"week {week['index']}" in text
    assert "Planned Done" in text  # nothing done yet, and the page says so with zeros
    race_day = date.fromisoformat(str(plan_json(demo_web)["race"]["date"]))  # type: ignore[index]
    assert f"{(race_day - a_week_later).days} days to Autumn Marathon" in text
    assert "marathon 3:24:06" in text  # her PB, from the race results on file
    assert "Personal bests" in text
    assert "No active injury" in text


def test_a_logged_run_shows_as_done_and_in_the_load(demo_web: Web, engine: Engine) -> None:
    plan = plan_json(demo_web)
    start = date.fromisoformat(str(plan["start"]))
    first_week = plan["weeks"][0]  # type: ignore[index]
    planned_runs = sum(1 for s in first_week["sessions"] if s["kind"] == "run")
    planned_km = km_text(first_week["run_km"])
    run_day, later = start + timedelta(days=1), start + timedelta(days=2)
    with TestClient(make_app(engine, later)) as client:
        before = page_text(client.get("/").text)
        load_before = client.get("/api/v1/athletes/1/today").json()["load"]
        assert "once you log sessions" not in before  # adherence knows: nothing done yet
        assert f"Runs {planned_runs} 0" in before
        with unit_of_work(engine) as session:
            log_manual_run(session, 1, later, day=run_day, distance_km=8.2, duration_s=2880, rpe=4)
        after = page_text(client.get("/").text)
        load_after = client.get("/api/v1/athletes/1/today").json()["load"]
    assert f"Runs {planned_runs} 1" in after
    assert f"Running {planned_km} 8.2 km" in after
    # The demo runner's history is in the load already; yesterday's run adds to it.
    assert load_after["atl"] > load_before["atl"] and load_after["tsb"] < load_before["tsb"]
    assert f"Fatigue (ATL) {load_after['atl']:.0f}" in after
    assert f"Fatigue (ATL) {load_before['atl']:.0f}" in before


def test_today_gives_return_to_run_advice_for_the_browser_not_the_terminal(
    demo_web: Web,
) -> None:
    injury = {"region": "achilles", "side": "left", "onset": "2026-03-01", "severity": "4"}
    assert demo_web.submit("/profile", "/profile/injuries", injury).status_code == 303
    page = demo_web.get("/")
    assert "readiness checks" in page_text(page.text)
    assert "return-to-run page" in page_text(page.text)
    assert "stridewell " not in page_text(page.text)
    assert "`" not in page_text(page.text)
    assert "/rehab" in links(page.text, "/rehab")


def test_today_shows_an_active_injury(demo_web: Web) -> None:
    injury = {"region": "achilles", "side": "left", "onset": "2026-03-01", "severity": "4"}
    assert demo_web.submit("/profile", "/profile/injuries", injury).status_code == 303
    text = page_text(demo_web.get("/").text)
    assert "Achilles (left)" in text and "active" in text
    assert "Return to run: stage 0, readiness checks" in text


def test_the_calendar_shows_every_week_with_its_phase_and_sessions(demo_web: Web) -> None:
    page = demo_web.get("/plan")
    plan = plan_json(demo_web)
    weeks = plan["weeks"]
    assert isinstance(weeks, list)
    doc = parse(page.text)
    summaries = [text_of(s) for s in doc.xpath('//details[contains(@class, "week")]/summary')]
    assert len(summaries) == len(weeks)
    for summary, week in zip(summaries, weeks, strict=True):
        assert summary.startswith(f"Week {week['index']}")
        assert str(week["phase"]).replace("_", " ").capitalize() in summary
    session_links = links(page.text, "/plan/sessions/")
    assert len(session_links) == sum(len(week["sessions"]) for week in weeks)
    focus = doc.xpath('//details[contains(@class, "focus")][@open]')
    assert len(focus) == 1, "the week to look at is open"
    assert focus[0].getprevious().get("id") == "this-week", "and can be jumped to"


def test_a_strength_session_shows_its_exercises_doses_cues_and_every_why(demo_web: Web) -> None:
    plan = plan_json(demo_web)
    weeks = plan["weeks"]
    assert isinstance(weeks, list)
    strength = next(s for w in weeks for s in w["sessions"] if s["kind"] == "strength")
    same_day = [s for w in weeks for s in w["sessions"] if s["date"] == strength["date"]]
    number = same_day.index(strength) + 1
    page = demo_web.get(f"/plan/sessions/{strength['date']}/{number}")
    assert page.status_code == 200
    text = page_text(page.text)
    assert strength["title"] in text
    assert strength["why"] in text
    for exercise in strength["exercises"]:
        assert exercise["name"] in text
        assert exercise["why"] in text
        assert f"{exercise['sets']} ×" in text
        assert exercise["intensity"] in text
        for cue in by_slug(exercise["slug"]).cues:
            assert cue in text
        assert f"/exercises/{exercise['slug']}" in links(page.text, "/exercises/")


def test_a_run_session_shows_the_run_and_its_why(demo_web: Web) -> None:
    weeks = plan_json(demo_web)["weeks"]
    assert isinstance(weeks, list)
    run = next(s for w in weeks for s in w["sessions"] if s["kind"] == "run")
    same_day = [s for w in weeks for s in w["sessions"] if s["date"] == run["date"]]
    page = demo_web.get(f"/plan/sessions/{run['date']}/{same_day.index(run) + 1}")
    text = page_text(page.text)
    assert run["run"]["why"] in text
    assert f"{run['run']['duration_min']} min" in text


def test_every_planned_session_logs_where_its_kind_is_logged(demo_web: Web) -> None:
    """Strength opens the strength logger, a run the run form filled in from the plan, a
    walk-run stage the return-to-run page; a rest day has nothing to log. No link is dead."""
    weeks = plan_json(demo_web)["weeks"]
    assert isinstance(weeks, list)
    seen: set[str] = set()
    for path in links(demo_web.get("/plan").text, "/plan/sessions/"):
        day, number = path.split("/")[-2:]
        planned = sessions_on(demo_web, day)[int(number) - 1]
        kind = planned["kind"]
        run = planned.get("run") or {}
        label = "walk_run" if run.get("type") == "walk_run" else kind
        if label in seen:
            continue
        seen.add(label)
        page = demo_web.get(path)
        buttons = parse(page.text).xpath('//a[contains(@class, "button primary")]')
        if kind == "rest":
            assert not buttons
            continue
        (button,) = buttons
        target = button.get("href")
        opened = demo_web.get(target)
        assert opened.status_code == 200, (label, target)
        if label == "strength":
            assert target == f"/log/strength/{day}/{number}"
        elif label == "walk_run":
            assert target == "/rehab"
        else:
            form = parse(opened.text)
            assert form.xpath('//input[@name="date"]/@value') == [day]
            assert form.xpath('//input[@name="distance_km"]/@value') == [f"{run['distance_km']:g}"]
            assert form.xpath('//input[@name="name"]/@value') == [planned["title"]]
    assert {"strength", "run"} <= seen


def test_the_run_form_ignores_a_prefill_it_cannot_read(ada_web: Web) -> None:
    page = ada_web.get("/log/run?date=yesterday&distance_km=1e9&name=")
    form = parse(page.text)
    assert form.xpath('//input[@name="date"]/@value') == [TODAY.isoformat()]
    assert form.xpath('//input[@name="distance_km"]/@value') in ([], [""])


def test_a_run_time_typed_with_dots_on_a_phone_is_saved(ada_web: Web) -> None:
    saved = ada_web.submit(
        "/log/run",
        "/log/run",
        {"date": TODAY.isoformat(), "distance_km": "8.5", "duration": "48.30"},
    )
    assert saved.status_code == 303, saved.text
    (run,) = ada_web.api("GET", "/activities?athlete_id=1").json()["activities"]
    assert run["elapsed_s"] == 2910


def test_a_session_that_does_not_exist_is_a_404_page(demo_web: Web) -> None:
    for path in (
        "/plan/sessions/2001-01-01/1",
        "/plan/sessions/not-a-date/1",
        "/plan/sessions/2026-03-16/x",
    ):
        response = demo_web.get(path)
        assert response.status_code == 404
        assert "Not found" in response.text


def test_regenerating_with_fewer_weeks_replaces_the_calendar(demo_web: Web) -> None:
    response = demo_web.submit("/plan", "/plan/generate", {"weeks": "6", "start": "2026-03-16"})
    assert response.status_code == 303
    assert len(plan_json(demo_web)["weeks"]) == 6  # type: ignore[arg-type]
    page = demo_web.get("/plan")
    assert len(parse(page.text).xpath('//details[contains(@class, "week")]')) == 6


def test_a_bad_generate_request_is_refused_next_to_its_field(demo_web: Web) -> None:
    before = plan_json(demo_web)
    response = demo_web.submit("/plan", "/plan/generate", {"weeks": "500"})
    assert response.status_code == 422
    message = field_error(response.text, "weeks")
    assert message is not None and "between 1 and 104" in message
    assert plan_json(demo_web) == before
    long_ago = demo_web.submit("/plan", "/plan/generate", {"start": "2025-06-02"})
    assert long_ago.status_code == 422
    assert "four weeks ago" in (field_error(long_ago.text, "start") or "")
    assert plan_json(demo_web) == before


def test_without_a_plan_the_calendar_offers_to_generate_one(ada_web: Web) -> None:
    text = page_text(ada_web.get("/plan").text)
    assert "Generate a plan" in text
    assert "Generate my plan" in page_text(ada_web.get("/").text)


def test_the_calendar_links_to_its_icalendar_file(demo_web: Web) -> None:
    page = demo_web.get("/plan")
    assert "/plan.ics" in links(page.text, "/plan.ics")
    response = demo_web.get("/plan.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    disposition = response.headers["content-disposition"]
    assert disposition == 'attachment; filename="stridewell-maren-holt.ics"'
    weeks = plan_json(demo_web)["weeks"]
    assert isinstance(weeks, list)
    training = [s for w in weeks for s in w["sessions"] if s["kind"] != "rest"]
    assert response.text.count("BEGIN:VEVENT") == len(training)
    assert response.text.startswith("BEGIN:VCALENDAR")


def test_without_a_plan_there_is_no_calendar_file(ada_web: Web) -> None:
    assert ada_web.get("/plan.ics").status_code == 404
    assert ".ics" not in ada_web.get("/plan").text


def test_the_library_filters_by_muscle_category_and_equipment(web: Web) -> None:
    everything = parse(web.get("/exercises").text).xpath("//ul[@class='exercise-grid']/li")
    filtered = web.get(
        "/exercises",
        params={"muscle": "gluteus_medius", "category": "glute_accessory", "equipment": "band"},
    )
    names = [text_of(n) for n in parse(filtered.text).xpath("//span[@class='exercise-name']")]
    expected = web.api(
        "GET",
        "/exercises",
        params={
            "muscle": "gluteus_medius",
            "category": "glute_accessory",
            "equipment": "band",
            "limit": 200,
        },
    ).json()["exercises"]
    assert names == [e["name"] for e in expected]
    assert 0 < len(names) < len(everything)
    assert f"{len(names)} exercises" in page_text(filtered.text)


def test_the_library_searches_names_and_aliases(web: Web) -> None:
    text = page_text(web.get("/exercises", params={"q": "wall squat hold"}).text)
    assert "Wall sit" in text
    assert "1 exercise" in text


def test_an_unknown_filter_term_is_reported_next_to_the_filter(web: Web) -> None:
    response = web.get("/exercises", params={"muscle": "biceps"})
    assert response.status_code == 422
    message = field_error(response.text, "muscle")
    assert message is not None and "unknown muscle" in message.lower()


def test_an_exercise_page_has_its_cues_variants_and_why_for_runners(web: Web) -> None:
    exercise = next(
        e
        for e in (by_slug(s) for s in ("glute-bridge", "clamshell", "wall-sit"))
        if e.progressions or e.regressions
    )
    page = web.get(f"/exercises/{exercise.slug}")
    text = page_text(page.text)
    assert exercise.why_runners in text
    for cue in exercise.cues:
        assert cue in text
    variant_links = links(page.text, "/exercises/")
    for slug in (*exercise.progressions, *exercise.regressions):
        assert f"/exercises/{slug}" in variant_links
        assert web.get(f"/exercises/{slug}").status_code == 200
    assert web.get("/exercises/no-such-move").status_code == 404


def test_the_profile_page_adds_a_race_and_lists_it(demo_web: Web) -> None:
    race = {"name": "Spring Half", "date": "2026-04-19", "distance": "half", "goal": "1:35:00"}
    response = demo_web.submit("/profile", "/profile/races", race)
    assert response.status_code == 303
    assert "Spring Half" in page_text(demo_web.get("/profile").text)


def test_a_bad_race_on_the_profile_page_opens_its_form_with_the_error(demo_web: Web) -> None:
    race = {"name": "Spring Half", "date": "2026-04-19", "distance": "half", "goal": "ninety"}
    response = demo_web.submit("/profile", "/profile/races", race)
    assert response.status_code == 422
    assert field_error(response.text, "goal") is not None
    assert "Spring Half" not in page_text(demo_web.get("/profile").text).split("Add a race")[0]


def test_with_several_athletes_the_browser_chooses_one(demo_web: Web) -> None:
    second = {
        "name": "Bo",
        "sex": "M",
        "birth_year": "1990",
        "days": ["mon", "wed", "sat"],
        "long_run_day": "sat",
    }
    assert demo_web.submit("/onboarding/profile", "/onboarding/profile", second).status_code == 303
    assert "Bo" in demo_web.get("/").text  # the new athlete is this browser's athlete
    demo_web.client.cookies.delete("stridewell_athlete")
    assert demo_web.get("/").headers["location"] == "/athletes"
    chooser = demo_web.get("/athletes")
    assert "Maren Holt" in chooser.text and "Bo" in chooser.text
    response = demo_web.submit("/athletes", "/athletes/choose", {"athlete_id": "1"})
    assert response.status_code == 303
    assert "Maren Holt" in demo_web.get("/").text


def test_a_tampered_athlete_cookie_is_ignored(demo_web: Web) -> None:
    demo_web.client.cookies.set("stridewell_athlete", "2.forged")
    assert "Maren Holt" in demo_web.get("/").text
