"""The OpenAPI description: every operation lists the errors it can answer, in the one
error shape, so a client (and schemathesis) can rely on the published schema."""

from django.shortcuts import render
from drf_spectacular.openapi import AutoSchema as BaseAutoSchema
from rest_framework import serializers

from .fields import FindingSerializer


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages per field; translated fields are named like “opening.ru”.",
    )
    checks = FindingSerializer(
        many=True, required=False,
        help_text="The pre-issue checks that stopped a transition, when that was the reason.",
    )


READ_ERRORS = ("400", "401", "403", "404")
WRITE_ERRORS = ("400", "401", "403", "404", "409", "413", "415")


class AutoSchema(BaseAutoSchema):
    """Operations of a kind's views (api/documents.py KindView) are tagged with the kind's
    path, answer with its document, and name their components after it ("Note",
    "NoteContent")."""

    def _resource(self):
        return getattr(self.view, "resource", None)

    def get_tags(self):
        resource = self._resource()
        return [resource.path] if resource is not None else super().get_tags()

    def get_response_serializers(self):
        from .documents import DocumentSerializer

        resource, codes = self._resource(), getattr(self.view, "document_responses", ())
        if resource is None or not codes:
            return super().get_response_serializers()
        serializer = DocumentSerializer(resource=resource)
        return serializer if codes == (200,) else {code: serializer for code in codes}

    def _get_serializer_name(self, serializer, direction, bypass_extensions=False):
        name = super()._get_serializer_name(serializer, direction, bypass_extensions)
        resource = getattr(serializer, "_resource", None) or (
            self._resource() if hasattr(serializer, "_resource") else None)
        if resource is None:
            return name
        return resource.component + name.removeprefix("Document")

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = READ_ERRORS if self.method in ("GET", "HEAD") else WRITE_ERRORS
        codes = (*codes, *getattr(self.view, "extra_error_codes", ()))
        for code in codes:
            responses.setdefault(code, self._get_response_for_code(ErrorSerializer, code))
        return responses


def docs(request):
    """Swagger UI from the app's own static files, started by a static script (the CSP
    forbids inline script)."""
    return render(request, "api/docs.html")
