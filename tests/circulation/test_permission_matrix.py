"""Every portal and dispatch URL × every role × where the document went (SECURITY.md 1, 2).

The URLs are read from the resolver: adding a URL to the `portal` or `dispatch` namespace
without a row here fails `test_every_url_has_a_row`.
"""

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from cica_docs.audit.models import AuditEvent
from cica_docs.circulation import services
from cica_docs.circulation.models import Receipt
from tests.conftest import make_user, reauthenticate
from tests.factories import upload_file

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "drafter", "reviewer", "registrar", "admin",
         "delegate of the recipient state", "delegate of another state", "deactivated delegate"]

# Portal: (dispatched to the user's state, to another state, not dispatched at all).
L, N = 302, 404  # L: to the login page; N: the refusal 404 (one security event)
A = "acknowledged"  # 302 back to the document page, one receipt (an acknowledgement)
STAFF = {"drafter": (N, N, N), "reviewer": (N, N, N), "registrar": (N, N, N),
         "admin": (N, N, N)}
PORTAL = {
    "inbox": {"anonymous": L, **{r: N for r in STAFF}, "delegate of the recipient state": 200,
              "delegate of another state": 200, "deactivated delegate": L},
    "unacknowledged": {"anonymous": L, **{r: N for r in STAFF},
                       "delegate of the recipient state": 200, "delegate of another state": 200,
                       "deactivated delegate": L},
    "document": {"anonymous": (L, L, L), **STAFF,
                 "delegate of the recipient state": (200, N, N),
                 "delegate of another state": (200, N, N), "deactivated delegate": (L, L, L)},
    "download": {"anonymous": (L, L, L), **STAFF,
                 "delegate of the recipient state": (200, N, N),
                 "delegate of another state": (200, N, N), "deactivated delegate": (L, L, L)},
    "preview": {"anonymous": (L, L, L), **STAFF,
                "delegate of the recipient state": (200, N, N),
                "delegate of another state": (200, N, N), "deactivated delegate": (L, L, L)},
    # One enclosure on its own (an uploaded PDF): only as the package would be served.
    "enclosure": {"anonymous": (L, L, L), **STAFF,
                  "delegate of the recipient state": (200, N, N),
                  "delegate of another state": (200, N, N), "deactivated delegate": (L, L, L)},
    # A POST: A = back to the document page (302), one acknowledgement recorded.
    "acknowledge": {"anonymous": (L, L, L), **STAFF,
                    "delegate of the recipient state": (A, N, N),
                    "delegate of another state": (A, N, N),
                    "deactivated delegate": (L, L, L)},
}
PORTAL_ARGS = {"inbox": {}, "unacknowledged": {}, "document": {}, "download": {"variant": "ru"},
               "preview": {"variant": "package"}, "enclosure": {"number": 1}, "acknowledge": {}}
PORTAL_POST = {"acknowledge"}
SIGNED_OUT = ("anonymous", "deactivated delegate")  # the others must get no-store answers

# The registrar's pages: (method, expected per role). Delegates are refused like other
# staff-only pages (403); the registrar has confirmed the password. The admin is a superuser
# (as in the demo), who holds every permission: for "create" they are asked for the password.
F = 403
DISPATCH = {
    "create": ("get", {"anonymous": L, "drafter": F, "reviewer": F, "registrar": 200,
                       "admin": 200, "delegate of the recipient state": F,
                       "delegate of another state": F, "deactivated delegate": L}),
    "detail": ("get", {"anonymous": L, "drafter": F, "reviewer": F, "registrar": 200,
                       "admin": 200, "delegate of the recipient state": F,
                       "delegate of another state": F, "deactivated delegate": L}),
    "csv": ("get", {"anonymous": L, "drafter": F, "reviewer": F, "registrar": 200, "admin": 200,
                    "delegate of the recipient state": F, "delegate of another state": F,
                    "deactivated delegate": L}),
    "resend": ("post", {"anonymous": L, "drafter": F, "reviewer": F, "registrar": 302,
                        "admin": 302, "delegate of the recipient state": F,
                        "delegate of another state": F, "deactivated delegate": L}),
}


def url_names(namespace: str) -> set[str]:
    def walk(patterns, current):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or current)
            elif current == namespace:
                yield pattern.name

    return set(walk(get_resolver().url_patterns, None))


def test_every_url_has_a_row():
    assert url_names("portal") == set(PORTAL) == set(PORTAL_ARGS)
    assert url_names("dispatch") == set(DISPATCH)


@pytest.fixture
def clients(drafter, reviewer, registrar, admin_user, delegate_kz, delegate_in):
    deactivated = make_user("delegate.kz.old", "delegate", state_code="KAZ")
    users = {"drafter": drafter, "reviewer": reviewer, "registrar": registrar,
             "admin": admin_user, "delegate of the recipient state": delegate_kz,
             "delegate of another state": delegate_in, "deactivated delegate": deactivated}
    result = {"anonymous": Client()}
    for role, user in users.items():
        result[role] = Client()
        result[role].force_login(user)
    reauthenticate(result["registrar"])
    services.delegate_deactivate(delegate=deactivated, by=admin_user)  # old session stays
    return result


def test_every_portal_url_for_every_role_and_every_document(issue, dispatch_to, clients,
                                                             drafter):
    enclosed = upload_file(drafter).reference
    to_kaz, to_ind, nowhere = (issue(render=True, enclosures=[enclosed]) for _ in range(3))
    dispatch_to(to_kaz, "KAZ")
    dispatch_to(to_ind, "IND")
    documents = {role: (to_kaz, to_ind, nowhere) for role in ROLES}
    documents["delegate of another state"] = (to_ind, to_kaz, nowhere)

    wrong = []
    for name, expected_by_role in PORTAL.items():
        for role in ROLES:
            expected = expected_by_role[role]
            cases = (
                [(None, expected)] if name in ("inbox", "unacknowledged")
                else list(zip(documents[role], expected, strict=True))
            )
            for document, status in cases:
                kwargs = dict(PORTAL_ARGS[name])
                if document is not None:
                    kwargs["pk"] = document.pk
                url = reverse(f"portal:{name}", kwargs=kwargs)
                events = AuditEvent.objects.filter(action="portal.refused").count()
                receipts = Receipt.objects.count()
                method = "post" if name in PORTAL_POST else "get"
                response = getattr(clients[role], method)(url)
                body = b"".join(response.streaming_content) if response.streaming else (
                    response.content)
                refused = AuditEvent.objects.filter(action="portal.refused").count() - events
                served = Receipt.objects.count() - receipts
                # SECURITY.md 15: nothing a signed-in user gets is stored by a cache.
                stored = role not in SIGNED_OUT and "no-store" not in response.get(
                    "Cache-Control", "")
                got = (response.status_code, refused, served, body.startswith(b"%PDF"),
                       stored)
                pdf = name in ("download", "preview", "enclosure") and status == 200
                acknowledged = status == A
                want = (302 if acknowledged else status, 1 if status == N else 0,
                        1 if pdf or acknowledged else 0, pdf, False)
                if got != want:
                    wrong.append(f"{role} {url}: got {got}, expected {want}")
                if status == L and "/accounts/login/" not in response["Location"] or (
                        acknowledged and not response["Location"].endswith(
                            f"/portal/documents/{document.pk}/")):
                    wrong.append(f"{role} {url}: redirected to {response['Location']}")
    assert wrong == []


def test_every_dispatch_url_for_every_role(issue, dispatch_to, clients):
    note = issue()
    dispatch = dispatch_to(note, "KAZ")
    wrong = []
    for name, (method, expected_by_role) in DISPATCH.items():
        pk = note.pk if name == "create" else dispatch.pk
        url = reverse(f"dispatch:{name}", kwargs={"pk": pk})
        for role in ROLES:
            response = getattr(clients[role], method)(url)
            if response.status_code != expected_by_role[role]:
                wrong.append(f"{role} {method} {url}: {response.status_code}")
            if role not in SIGNED_OUT and "no-store" not in response.get("Cache-Control", ""):
                wrong.append(f"{role} {method} {url}: may be stored by a cache")
    assert wrong == []
