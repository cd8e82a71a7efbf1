"""One error shape for the whole HTTP API, and friendly HTML pages for the UI.

Every 4xx/5xx from ``/api`` is ``{"error": {"code", "message", "detail"}}``. A bad
parameter is a 4xx with the parameter named; only a bug is a 500, and its message never
leaks a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, NewsgraphError, StoreError

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_parameter",
    500: "internal",
    503: "unavailable",
}


class ApiError(Exception):
    """An error the API reports on purpose: status, a short code, a human message."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def not_found(what: str, key: str) -> ApiError:
    """A 404 that names what was looked for."""
    return ApiError(404, "not_found", f"no {what} {key!r} in this corpus")


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    """The API's one error shape."""
    return {"error": {"code": code, "message": message, "detail": detail}}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path == "/openapi.json"


def respond(request: Request, status: int, code: str, message: str, detail: Any) -> Response:
    """The error as the API's JSON shape, or as an HTML page for the UI."""
    if _wants_json(request):
        return JSONResponse(error_body(code, message, detail), status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "code": code, "message": message, "detail": detail, "nav": ""},
        status_code=status,
    )


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        out.append(
            {
                "parameter": loc[-1] if loc else None,
                "in": loc[0] if loc else None,
                "problem": err.get("msg", "invalid"),
            }
        )
    return out


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception through the one error shape (JSON) or the error page (HTML)."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = _validation_detail(exc)
        names = ", ".join(sorted({str(d["parameter"]) for d in detail if d["parameter"]}))
        message = f"invalid parameter(s): {names}" if names else "invalid request"
        return respond(request, 422, "invalid_parameter", message, detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _CODES.get(exc.status_code, "error")
        message = str(exc.detail) if exc.detail else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return respond(request, exc.status_code, code, message, None)

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        return respond(request, 400, exc.code, exc.message, None)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc.message)
        return respond(request, 503, "store", "the corpus store failed: " + exc.reason, None)

    @app.exception_handler(NewsgraphError)
    async def _ng(request: Request, exc: NewsgraphError) -> Response:
        return respond(request, 400, exc.code, exc.message, None)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return respond(request, 500, "internal", "internal error; please report it", None)


__all__ = ["ApiError", "error_body", "install_error_handlers", "not_found", "respond"]
