"""Saving reference data from the administrators' pages (addressees, the letterhead, a
kind's formulas, a series' name): one service for all of them, `reference_save`.

What it guarantees, whatever the record:
- each language is written to its own column (the form names the columns, `dative_ru`, never
  the plain attribute that modeltranslation points at the interface language's column);
- two administrators editing the same record: the second save is refused (`StaleEdit`) with
  what the first saved, and the form keeps what the second typed. The version is a hash of
  the saved values the page was opened with (`fingerprint`): no column to migrate, and it
  changes with any save, from here, the API or the Django admin;
- issued documents do not change: their PDFs are rendered once at issue from the reference
  data of that moment and served from storage. While one of them still waits for its PDFs
  (a rendering queued, running or failed), a change that would reach it is refused;
- every save is audited, with the columns changed and their previous values.
"""

import hashlib
import json

from django.db import transaction
from django.db.models import ForeignKey, Q
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cica_docs.audit.log import record
from cica_docs.documents.models import Document
from cica_docs.documents.services import DocumentError, NotPermitted

MANAGE = "accounts.manage_reference_data"


class StaleEdit(DocumentError):
    """Someone saved the record since the page was opened. `current`: the columns that
    differ from what the page started from, as saved now; `version`: the saved version."""

    def __init__(self, *, current: dict, version: str):
        super().__init__(_("Someone else saved this record after you opened it. Nothing of "
                           "yours was saved; your text is kept below, with what is saved now "
                           "beside each field that changed. Save again to keep yours."))
        self.current, self.version = current, version


def _stored(value):
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def fingerprint(instance, columns) -> str:
    """The version of `instance`'s saved `columns` ("" for a record not saved yet)."""
    if instance.pk is None:
        return ""
    data = [[name, _stored(getattr(instance, name))] for name in sorted(columns)]
    return hashlib.sha256(
        json.dumps(data, ensure_ascii=False, default=str).encode()).hexdigest()[:32]


def _referring(instance) -> Q | None:
    """Documents of any kind that point at `instance` (a kind's foreign key to it)."""
    condition = None
    for relation in instance._meta.related_objects:
        model, field = relation.related_model, relation.field
        if not (isinstance(field, ForeignKey) and issubclass(model, Document)):
            continue
        ids = model.objects.filter(**{field.name: instance.pk}).values("pk")
        found = Q(pk__in=ids)
        condition = found if condition is None else condition | found
    return condition


def issued_using(instance, *, everything: bool = False, kind: str = ""):
    """The issued (or withdrawn) documents that print `instance`: those pointing at it, or
    every one when `everything` (the letterhead is on every page; a kind's formulas on each
    of its documents: `kind`)."""
    issued = Document.objects.filter(state__in=Document.FROZEN_STATES)
    if kind:
        issued = issued.filter(kind=kind)
    if everything:
        return issued
    if instance.pk is None:
        return issued.none()
    condition = _referring(instance)
    return issued.filter(condition) if condition is not None else issued.none()


def unrendered(documents):
    """Those of `documents` whose official PDFs are not all stored yet."""
    return documents.filter(Q(rendering__isnull=True) | ~Q(rendering__status="ready"))


@transaction.atomic
def reference_save(*, instance, values: dict, version: str, by, action: str,
                   everything: bool = False, kind: str = "", prints: bool = True,
                   request=None):
    """Write `values` ({column: value}) into `instance` (a new record when unsaved) and
    audit it as `action`; refuses a stale `version` (`StaleEdit`), a change that would
    reach an issued document still waiting for its PDFs (unless what is saved `prints`
    nowhere: a series' name), and any role but an administrator's. Returns (the saved
    record, the columns changed)."""
    if not by.has_perm(MANAGE):
        raise NotPermitted(_("Your role does not allow this action."))
    model, creating = type(instance), instance.pk is None
    record_now = model.objects.select_for_update().get(pk=instance.pk) if instance.pk \
        else instance
    columns = list(values)
    saved = fingerprint(record_now, columns)
    if saved != (version or ""):
        raise StaleEdit(current={name: _stored(getattr(record_now, name)) for name in columns},
                        version=saved)
    changed = [name for name in columns
               if _stored(getattr(record_now, name)) != _stored(values[name])]
    if prints and not creating and changed:
        waiting = unrendered(issued_using(record_now, everything=everything, kind=kind)).count()
        if waiting:
            raise DocumentError(ngettext(
                "%(count)s issued document that prints this is still waiting for its PDFs; "
                "they must print what was issued. Save again once they are rendered (the "
                "registrar can render a failed one again from its page).",
                "%(count)s issued documents that print this are still waiting for their "
                "PDFs; they must print what was issued. Save again once they are rendered "
                "(the registrar can render a failed one again from its page).",
                waiting) % {"count": waiting})
    before = {name: _stored(getattr(record_now, name)) for name in changed}
    for name in columns:
        setattr(record_now, name, values[name])
    record_now.full_clean()
    record_now.save()
    if changed or creating:
        record(action=action, actor=by, request=request, target=record_now,
               changed=changed, before={} if creating else before,
               after={name: _stored(getattr(record_now, name)) for name in changed})
    return record_now, changed
