"""The web app: server-rendered pages and the JSON API (/api/v1) over the services."""

from stridewell.web.app import create_app

__all__ = ["create_app"]
