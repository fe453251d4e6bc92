"""How the API answers when something goes wrong, and the plumbing that keeps it JSON.

Every error is `{"detail": "...", "errors": {"field": ["message", ...]}}`: 400 invalid input,
401 not authenticated, 403 not allowed for the role, 404 not found or not visible (the same
answer), 409 stale revision or a transition the document's state refuses, or a stored PDF
that no longer matches its SHA-256, 413 body too big.
"""

import json

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, parsers, renderers, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response

from cica_docs.rendering.stored import StoredFileRefused


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The document changed or is in a state that refuses this action.")
    default_code = "conflict"


class StoredFileConflict(Conflict):
    """A stored PDF that no longer matches its SHA-256 (or is missing): refused, logged."""

    default_code = "stored_file_refused"


class BodyTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "too_large"


class Invalid(exceptions.APIException):
    """400 with field errors: `Invalid({"series": ["..."]})`."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = _("The request contains invalid data.")
    default_code = "invalid"

    def __init__(self, errors: dict, detail=None):
        super().__init__(detail)
        self.errors = errors


class JSONRenderer(renderers.JSONRenderer):
    """UTF-8 JSON; text that cannot be encoded (a lone surrogate echoed back in an error)
    is escaped instead of failing."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        try:
            return super().render(data, accepted_media_type, renderer_context)
        except UnicodeEncodeError:
            return json.dumps(data, cls=self.encoder_class, ensure_ascii=True).encode("ascii")


class LimitedJSONParser(parsers.JSONParser):
    """JSON bodies up to DATA_UPLOAD_MAX_MEMORY_SIZE bytes, checked before reading."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = (parser_context or {}).get("request")
        length = request.META.get("CONTENT_LENGTH") if request is not None else None
        try:
            declared = int(length) if length else 0
        except ValueError:
            declared = 0
        if limit is not None and declared > limit:
            raise BodyTooLarge()
        data = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(data) > limit:
            raise BodyTooLarge()
        try:
            return json.loads(data.decode("utf-8"), parse_constant=_refuse_constant)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise exceptions.ParseError(_("The body is not valid JSON.")) from None


def _refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


class AlwaysJSON(BaseContentNegotiation):
    """Answer JSON whatever the Accept header says (PDF views return their own response)."""

    def select_parser(self, request, parsers):
        content_type = request.content_type.split(";")[0].strip().lower()
        for parser in parsers:
            if parser.media_type == content_type:
                return parser
        return None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _flatten(value, prefix="") -> dict[str, list[str]]:
    """DRF's nested error structures as {"field.sub": ["message"]}."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            name = "non_field_errors" if key in ("__all__", "non_field_errors") else str(key)
            result.update(_flatten(item, f"{prefix}.{name}" if prefix else name))
        return result
    if isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
        result = {}
        for index, item in enumerate(value):
            result.update(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
        return result
    messages = value if isinstance(value, list) else [value]
    return {prefix or "non_field_errors": [str(message) for message in messages]}


def error_body(detail, errors=None) -> dict:
    return {"detail": str(detail), "errors": errors or {}}


def exception_handler(exc, context):
    # Imported here: rest_framework.views reads the renderer setting, which names this module.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, RequestDataTooBig):
        exc = BodyTooLarge()
    elif isinstance(exc, StoredFileRefused):
        exc = StoredFileConflict(StoredFileRefused.message)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, SuspiciousOperation):
        exc = exceptions.ParseError()
    elif isinstance(exc, DjangoValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors":
                                                                      exc.messages}
        exc = Invalid(errors)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Invalid):
        response.data = error_body(exc.detail, _flatten(exc.errors))
    elif isinstance(exc, exceptions.ValidationError):
        response.data = error_body(Invalid.default_detail, _flatten(exc.detail))
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else exc
        if isinstance(detail, dict | list):
            response.data = error_body(Invalid.default_detail, _flatten(detail))
        else:
            response.data = error_body(detail)
        extra = getattr(exc, "extra", None)
        if extra:
            response.data.update(extra)
    return response


def not_found(request, *args, **kwargs):
    """Any unknown URL under /api/: a JSON 404, not the site's HTML page."""
    from django.http import JsonResponse

    return JsonResponse(error_body(exceptions.NotFound.default_detail), status=404)


def error_response(exc: exceptions.APIException) -> Response:
    return Response(error_body(exc.detail), status=exc.status_code)
