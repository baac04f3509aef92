"""The JSON API, mounted at /api/v1 with its own OpenAPI document (/api/v1/openapi.json).

Each router answers with the same service functions as the pages. A later slice adds its
router to `ROUTERS`; all of them need a session once the database has accounts
(`POST /session` signs in).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI

from stridewell import __version__
from stridewell.web.access import current_viewer
from stridewell.web.api import (
    activities,
    athletes,
    exercises,
    injuries,
    log,
    plans,
    progress,
    session,
    users,
)
from stridewell.web.api.errors import install_error_handlers
from stridewell.web.state import WebState

API_PREFIX = "/api/v1"
ROUTERS: tuple[APIRouter, ...] = (
    athletes.router,
    plans.router,
    exercises.router,
    activities.router,
    progress.router,
    log.router,
    injuries.router,
    session.me_router,
    users.router,
)
# Reachable without a session: signing in.
PUBLIC_ROUTERS: tuple[APIRouter, ...] = (session.router,)


def create_api(state: WebState) -> FastAPI:
    api = FastAPI(
        title="Stridewell API",
        version=__version__,
        summary=(
            "Athletes, injuries, races, plans, logging, activities, load, records, insights,"
            " return to run, the exercise library, exports and accounts, as JSON."
        ),
        openapi_url="/openapi.json",
        # The interactive docs load their scripts from a CDN; pages here must work offline.
        docs_url=None,
        redoc_url=None,
    )
    api.state.web = state
    install_error_handlers(api)
    for router in PUBLIC_ROUTERS:
        api.include_router(router)
    for router in ROUTERS:
        api.include_router(router, dependencies=[Depends(current_viewer)])
    return api
