"""One log line per request, and the request's identity on every log line it causes.

`RequestLogMiddleware` gives each request an id (the proxy's `X-Request-ID` when it is a
plain token, else a new one; sent back in the response), times it, and logs on
`cica_docs.request`: method, path, status, duration, user id and document id. The ids are
also put on every record logged while the request runs (`RequestContextFilter`), so with
`LOG_FORMAT=json` (`JsonFormatter`) each line of stdout is one JSON object a log collector
can join on `request_id`.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

logger = logging.getLogger("cica_docs.request")
_context: contextvars.ContextVar[dict | None] = contextvars.ContextVar("request_log",
                                                                      default=None)
_TOKEN = re.compile(r"[A-Za-z0-9._-]{1,64}")
# URL namespaces whose `pk` is a document's (pages, delegate portal, API resources).
DOCUMENT_NAMESPACES = ("documents", "portal", "api")
FIELDS = ("request_id", "user_id", "document_id")


def _document_id(request):
    match = request.resolver_match
    if match is None or match.namespace.split(":")[0] not in DOCUMENT_NAMESPACES:
        return None
    pk = match.kwargs.get("pk")
    return int(pk) if pk is not None and str(pk).isdigit() else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _TOKEN.fullmatch(given) else uuid.uuid4().hex
        context = {"request_id": request_id, "user_id": None, "document_id": None}
        token = _context.set(context)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            self._identify(request, context)
            logger.info(
                "%s %s %s", request.method, request.path, response.status_code,
                extra={"method": request.method, "path": request.path,
                       "status": response.status_code,
                       "duration_ms": round((time.perf_counter() - started) * 1000, 1)},
            )
            response["X-Request-ID"] = request_id
            return response
        finally:
            _context.reset(token)


    def process_view(self, request, view_func, view_args, view_kwargs):
        """Once the URL is resolved and the user known, the lines the view logs carry both."""
        context = _context.get()
        if context is not None:
            self._identify(request, context)

    @staticmethod
    def _identify(request, context):
        user = getattr(request, "user", None)
        context["user_id"] = user.pk if user is not None and user.is_authenticated else None
        context["document_id"] = _document_id(request)


class RequestContextFilter(logging.Filter):
    """Put the current request's ids on the record (None outside a request)."""

    def filter(self, record):
        context = _context.get() or {}
        for field in FIELDS:
            if not hasattr(record, field):
                setattr(record, field, context.get(field))
        return True


class JsonFormatter(logging.Formatter):
    EXTRA = ("method", "path", "status", "duration_ms")

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in (*FIELDS, *self.EXTRA):
            value = getattr(record, field, None)
            if value is not None:
                line[field] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)
