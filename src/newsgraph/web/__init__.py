"""HTTP API and web UI: ``create_app(store)`` builds the FastAPI app ``newsgraph serve`` runs."""

from .app import create_app

__all__ = ["create_app"]
