"""Server-rendered pages, one router per area. A later slice adds its router to `ROUTERS`."""

from __future__ import annotations

from fastapi import APIRouter

from stridewell.web.pages import calendar_file, dashboard, exercises, onboarding, plan, profile

ROUTERS: tuple[APIRouter, ...] = (
    dashboard.router,
    onboarding.router,
    profile.router,
    plan.router,
    calendar_file.router,
    exercises.router,
)
