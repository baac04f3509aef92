"""The web app: pages and the JSON API over the same services, static files, safety middleware."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from importlib import resources
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from stridewell import __version__
from stridewell.config import Settings
from stridewell.services.database import Database
from stridewell.web.access import current_viewer
from stridewell.web.api import API_PREFIX, create_api
from stridewell.web.errors import install_page_error_handlers
from stridewell.web.middleware import (
    BodyLimit,
    BodySizeLimitMiddleware,
    SameOriginWritesMiddleware,
    SecurityHeadersMiddleware,
)
from stridewell.web.pages import PUBLIC_ROUTERS, ROUTERS
from stridewell.web.secret_key import load_secret_key
from stridewell.web.signing import Signer
from stridewell.web.state import WebState
from stridewell.web.templating import make_templates

STATIC_DIR = Path(__file__).parent / "static"
# Forms and JSON bodies are small; uploads of activity files get their own, larger limit.
MAX_BODY_BYTES = 1024 * 1024
MAX_UPLOAD_BYTES = 256 * 1024 * 1024
# Paths that take file uploads (the activities slice adds its pages here).
UPLOAD_LIMITS: tuple[BodyLimit, ...] = (
    BodyLimit("/activities/upload", MAX_UPLOAD_BYTES),
    BodyLimit("/api/v1/activities", MAX_UPLOAD_BYTES),
)
STATIC_MAX_AGE_S = 24 * 3600


def create_app(
    settings: Settings,
    *,
    database: Database | None = None,
    secret_key: str | None = None,
) -> FastAPI:
    """The whole web app for `settings`; tests may pass their own database and key."""
    owns_database = database is None
    state = WebState(
        settings=settings,
        database=database if database is not None else Database(settings.database_url),
        signer=Signer(secret_key if secret_key is not None else load_secret_key()),
        templates=make_templates(),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_database:
            state.database.close()

    app = FastAPI(
        title="Stridewell",
        lifespan=lifespan,
        version=__version__,
        openapi_url=None,  # the API's document is at /api/v1/openapi.json
        docs_url=None,
        redoc_url=None,
    )
    app.state.web = state
    install_page_error_handlers(app)
    for router in PUBLIC_ROUTERS:
        app.include_router(router)
    for router in ROUTERS:
        app.include_router(router, dependencies=[Depends(current_viewer)])
    app.add_api_route("/static/plotly.min.js", plotly_js, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount(API_PREFIX, create_api(state))
    app.add_middleware(
        BodySizeLimitMiddleware, default_max_bytes=MAX_BODY_BYTES, limits=UPLOAD_LIMITS
    )
    app.add_middleware(SameOriginWritesMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def plotly_js(request: Request) -> Response:
    """Plotly's browser bundle from the installed plotly package, so charts work offline;
    gzipped for browsers that accept it (4.8 MB becomes about 1.4 MB on a phone's connection)."""
    headers = {"cache-control": f"public, max-age={STATIC_MAX_AGE_S}", "vary": "accept-encoding"}
    if "gzip" in request.headers.get("accept-encoding", "").lower():
        return Response(
            plotly_js_gzip(),
            media_type="text/javascript",
            headers={**headers, "content-encoding": "gzip"},
        )
    return FileResponse(plotly_js_path(), media_type="text/javascript", headers=headers)


@cache
def plotly_js_gzip() -> bytes:
    """The bundle gzipped once per process (about 0.2 s; `server.settle_heap` does it before
    the first request)."""
    return gzip.compress(plotly_js_path().read_bytes(), compresslevel=6, mtime=0)


def plotly_js_path() -> Path:
    path = Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))
    if not path.is_file():
        raise FileNotFoundError(f"plotly.min.js is not in the plotly package ({path})")
    return path
