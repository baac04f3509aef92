"""What every response shares: security headers, local static files, CSRF, body size limits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from stridewell.web.app import MAX_BODY_BYTES, plotly_js_path
from tests.web.conftest import PROFILE, Web, make_app
from tests.web.html import page_text


@pytest.fixture
def client(sqlite_engine: Engine, today: date) -> TestClient:
    return TestClient(make_app(sqlite_engine, today), follow_redirects=False)


@pytest.mark.parametrize("path", ["/welcome", "/api/v1/exercises", "/static/app.css", "/nope"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


def test_pages_load_only_local_assets(client: TestClient) -> None:
    page = client.get("/welcome").text
    assert "http://" not in page and "https://" not in page
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200


def test_plotly_is_served_from_the_installed_package(client: TestClient) -> None:
    response = client.get("/static/plotly.min.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.content == plotly_js_path().read_bytes()
    assert b"plotly" in response.content[:2000].lower()


def test_plotly_travels_gzipped_to_browsers_that_accept_it(client: TestClient) -> None:
    response = client.get("/static/plotly.min.js", headers={"accept-encoding": "gzip, br"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["vary"] == "accept-encoding"
    size = int(response.headers["content-length"])
    assert size < plotly_js_path().stat().st_size / 2
    # The test client unpacks it as a browser would: the same bundle.
    assert response.content == plotly_js_path().read_bytes()
    plain = client.get("/static/plotly.min.js", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers


def test_pages_are_not_cached(client: TestClient) -> None:
    assert client.get("/welcome").headers["cache-control"] == "no-store"


def test_the_csrf_cookie_is_http_only_and_same_site(client: TestClient) -> None:
    cookie = client.get("/welcome").headers["set-cookie"]
    assert "stridewell_csrf=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    # It survives a browser restart, so a restored tab's form still posts.
    assert f"Max-Age={365 * 24 * 3600}" in cookie


@pytest.mark.parametrize(
    "token", [None, "", "0" * 64, "forged-token"], ids=["missing", "empty", "zeros", "forged"]
)
def test_a_form_without_this_browsers_token_is_refused_and_saves_nothing(
    web: Web, token: str | None
) -> None:
    web.get("/onboarding/profile")  # the browser has its CSRF cookie
    data = dict(PROFILE) if token is None else {**PROFILE, "csrf_token": token}
    response = web.client.post("/onboarding/profile", data=data)
    assert response.status_code == 403
    assert "Nothing was saved" in page_text(response.text)
    assert web.api("GET", "/athletes").json()["total"] == 0


def test_a_token_from_another_browser_is_refused(web: Web) -> None:
    other_token = web.token("/onboarding/profile")
    web.client.cookies.clear()
    web.get("/welcome")  # a new CSRF cookie, as a different browser would have
    response = web.client.post("/onboarding/profile", data={**PROFILE, "csrf_token": other_token})
    assert response.status_code == 403


def test_an_oversized_form_is_refused_before_it_is_read(web: Web) -> None:
    token = web.token("/onboarding/profile")
    response = web.client.post(
        "/onboarding/profile",
        data={**PROFILE, "name": "A" * (MAX_BODY_BYTES + 1), "csrf_token": token},
    )
    assert response.status_code == 413
    assert web.api("GET", "/athletes").json()["total"] == 0


def test_an_oversized_json_body_gets_the_api_error_shape(web: Web) -> None:
    response = web.api(
        "POST",
        "/athletes",
        content=b"{" + b" " * (MAX_BODY_BYTES + 10) + b"}",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_a_streamed_body_over_the_limit_is_cut_off(web: Web) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"x" * (MAX_BODY_BYTES // 10)

    response = web.client.post(
        "/api/v1/athletes", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_unknown_pages_get_an_html_404(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text


def test_another_site_cannot_write_through_the_app(web: Web) -> None:
    fit = ("run.fit", b".FIT")
    cross_site = {"sec-fetch-site": "cross-site", "origin": "https://evil.example"}
    refused = web.client.post("/api/v1/activities", files=[("files", fit)], headers=cross_site)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"
    page = web.client.post(
        "/onboarding/demo",
        data={"csrf_token": web.token("/welcome")},
        headers={"origin": "https://evil.example"},  # an older browser: Origin only
    )
    assert page.status_code == 403 and "other sites" in page.text
    null_origin = web.client.post("/onboarding/demo", headers={"origin": "null"})
    assert null_origin.status_code == 403
    assert web.api("GET", "/athletes").json()["total"] == 0  # nothing was written
    # The app's own pages, and clients that are not browsers, still write.
    same = {"sec-fetch-site": "same-origin", "origin": "http://testserver"}
    token = web.token("/welcome")
    loaded = web.client.post("/onboarding/demo", data={"csrf_token": token}, headers=same)
    assert loaded.status_code == 303
    script = web.api("POST", "/athletes", json={"name": "Bo", "sex": "M", "birth_year": 1980})
    assert script.status_code == 201
    # Reading stays open to links from anywhere (a bookmark, a mail).
    assert web.get("/exercises", headers=cross_site).status_code == 200
