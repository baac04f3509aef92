"""Server-rendered pages, one router per area. A later slice adds its router to `ROUTERS`.

Every router in `ROUTERS` sits behind the login (when the database has accounts);
`PUBLIC_ROUTERS` holds the sign-in pages themselves.
"""

from __future__ import annotations

from fastapi import APIRouter

from stridewell.web.pages import (
    account,
    activities,
    admin,
    calendar_file,
    dashboard,
    exercises,
    injuries,
    log,
    log_body,
    log_strength,
    onboarding,
    plan,
    profile,
    progress,
)

ROUTERS: tuple[APIRouter, ...] = (
    dashboard.router,
    onboarding.router,
    profile.router,
    plan.router,
    calendar_file.router,
    exercises.router,
    activities.router,
    progress.router,
    log.router,
    log_strength.router,
    log_body.router,
    injuries.router,
    account.account_router,
    admin.router,
)
PUBLIC_ROUTERS: tuple[APIRouter, ...] = (account.router,)
