"""The audit API: every service calls `record`; refusals and login failures call
`security_event`, which also writes one line to the `cica_docs.security` logger.

    from cica_docs.audit.log import record, security_event
    record(action="delegate.create", actor=admin, request=request, target=delegate,
           state=delegate.member_state, language="kk")

`actor` defaults to the request's user; `target` is any model instance; the keyword
arguments left over become the event's JSON detail.
"""

import ipaddress
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .chain import chain_append
from .models import AuditEvent

logger = logging.getLogger("cica_docs.security")


def _clean(value):
    """Make text storable everywhere: PostgreSQL refuses NUL in text and jsonb, and a lone
    surrogate cannot be encoded; both can arrive in a forged login name."""
    if isinstance(value, str):
        value = value.replace("\x00", "\ufffd")
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {_clean(str(key)): _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [_clean(item) for item in value]
    if isinstance(value, models.Model):
        return _clean(str(value))
    return value


def client_ip(request) -> str | None:
    # REMOTE_ADDR is what the server saw; behind a proxy it is set by the proxy layer
    # (the same address django-axes uses), never by a header the client controls.
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def record(*, action, actor=None, request=None, target=None, state=None, **detail) -> AuditEvent:
    """Append one event to the audit log (at the end of its hash chain) and return it.

    Call it last in a service's transaction: the chain head stays locked until the
    transaction commits, and every other audited action waits for it."""
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    if actor is not None and not actor.is_authenticated:
        actor = None
    username = detail.pop("username", None)
    if actor is not None:
        username = actor.get_username()
    event = AuditEvent(
        action=action,
        actor=actor,
        actor_username=_clean(username or "")[:150],
        member_state_id=getattr(state, "pk", state),  # a MemberState or its id
        ip_address=client_ip(request),
        detail=_clean(detail),
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        event.target_id = str(target.pk)
        event.target_repr = _clean(str(target))[:300]
    return chain_append(event)


def security_event(
    *, action, actor=None, request=None, target=None, state=None, level=logging.WARNING, **detail
) -> AuditEvent:
    """Record the event and log one line about it for the operators' log collector."""
    event = record(
        action=action, actor=actor, request=request, target=target, state=state, **detail
    )
    # %r keeps a forged value on one line: no newline can forge a second log entry.
    logger.log(
        level,
        "%s actor=%r ip=%s target=%r detail=%r",
        event.action,
        event.actor_username,
        event.ip_address or "-",
        event.target_repr,
        event.detail,
    )
    return event
