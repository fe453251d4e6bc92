"""The demo's own records, found by a stable key (`DemoRecord`).

`manage.py demo` runs at every `make run`, on databases that may also hold real work. Each
demo module asks here for what it made before (`demo_object`), remembers what it makes
(`demo_remember`), and stops with `DemoSkipped` rather than act on anything that is not its
own: a user, a register (series) or a document that someone else created.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from .models import DemoRecord


class DemoSkipped(Exception):
    """A demo module left its data out; the message says why (printed by the command)."""


def demo_object[M: Model](key: str, model: type[M]) -> M | None:
    """The `model` instance the demo created under `key`, if it still exists."""
    record = DemoRecord.objects.filter(key=key).first()
    if record is None:
        return None
    found = model._default_manager.filter(pk=record.object_id).first()
    if found is None:  # deleted since (a draft, say): the key may be used again
        record.delete()
    return found


def demo_remember(key: str, obj: Model) -> None:
    DemoRecord.objects.create(
        key=key, content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
    )


def demo_objects[M: Model](model: type[M]) -> QuerySet[M]:
    """Every `model` instance the demo created (the concrete model: a note is a Document)."""
    types = [ContentType.objects.get_for_model(m, for_concrete_model=False)
             for m in [model, *_subclasses(model)]]
    ids = DemoRecord.objects.filter(content_type__in=types).values("object_id")
    return model._default_manager.filter(pk__in=ids)


def is_demo(obj: Model) -> bool:
    return demo_objects(type(obj)).filter(pk=obj.pk).exists()


def _subclasses(model):
    for sub in model.__subclasses__():
        yield sub
        yield from _subclasses(sub)
