"""The API's permission matrix: every endpoint × every role, with what each must answer.

"ok" means the request passed the permission gate (any answer but 401, 403 or 404). A new
API URL without its row here fails `test_every_api_endpoint_has_a_row_in_the_matrix`.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, get_resolver
from rest_framework.test import APIClient

from cica_docs.accounts import roles
from cica_docs.accounts.models import User
from cica_docs.api.resources import published
from cica_docs.circulation.models import MemberState
from cica_docs.documents.models import Series
from tests.conftest import make_user
from tests.factories import make_note, upload_file

from .conftest import token_client

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "delegate", "drafter", "reviewer", "registrar", "admin")
PUBLIC = "ok ok ok ok ok ok ok"
STAFF_READ = "401 404 404 ok ok ok ok"
ADMIN_WRITE = "401 404 404 403 403 403 ok"
DRAFTER_WRITE = "401 404 404 ok 403 403 403"
REVIEWER_WRITE = "401 404 404 403 ok 403 403"
REGISTRAR_WRITE = "401 404 404 403 403 ok 403"
CIRCULATION_READ = "401 404 404 403 403 ok ok"

MATRIX = {
    ("GET", "openapi.json"): PUBLIC,
    ("GET", "docs/"): PUBLIC,
    # Public: member states' systems verify files they hold (an empty POST: a 400, no auth).
    ("POST", "verify/"): PUBLIC,
    ("GET", "series/"): STAFF_READ,
    ("POST", "series/"): ADMIN_WRITE,
    ("GET", "series/<str:pk>/"): STAFF_READ,
    ("GET", "addressees/"): STAFF_READ,
    ("POST", "addressees/"): ADMIN_WRITE,
    ("GET", "addressees/<str:pk>/"): STAFF_READ,
    ("GET", "member-states/"): CIRCULATION_READ,
    ("GET", "circulation-lists/"): CIRCULATION_READ,
    ("POST", "circulation-lists/"): ADMIN_WRITE,
    ("GET", "register/"): STAFF_READ,
    ("GET", "inbox/"): "401 404 ok 404 404 404 404",
    # A note never dispatched: nobody may acknowledge it (the delegate's 404 is the scope).
    ("POST", "inbox/<str:pk>/acknowledge/"): "401 404 404 404 404 404 404",
    # Nor read it, nor download its enclosures (tests/circulation/test_api_enclosures.py:
    # the delegate of a state it went to gets them).
    ("GET", "inbox/<str:pk>/"): "401 404 404 404 404 404 404",
    ("GET", "inbox/<str:pk>/enclosures/<str:number>/"): "401 404 404 404 404 404 404",
    ("GET", "files/"): STAFF_READ,
    ("POST", "files/"): DRAFTER_WRITE,
    ("GET", "files/<str:pk>/"): STAFF_READ,
    ("GET", "files/<str:pk>/pdf/"): STAFF_READ,
}
for _resource in published():
    _p = _resource.path
    MATRIX.update({
        ("GET", f"{_p}/"): STAFF_READ,
        ("POST", f"{_p}/"): DRAFTER_WRITE,
        ("GET", f"{_p}/<str:pk>/"): STAFF_READ,
        ("PATCH", f"{_p}/<str:pk>/"): DRAFTER_WRITE,
        ("GET", f"{_p}/<str:pk>/revisions/"): STAFF_READ,
        ("GET", f"{_p}/<str:pk>/revisions/<str:number>/"): STAFF_READ,
        ("GET", f"{_p}/<str:pk>/pdf/"): STAFF_READ,
        ("GET", f"{_p}/<str:pk>/package/"): STAFF_READ,
        ("POST", f"{_p}/<str:pk>/submit/"): DRAFTER_WRITE,
        ("POST", f"{_p}/<str:pk>/approve/"): REVIEWER_WRITE,
        ("POST", f"{_p}/<str:pk>/return/"): REVIEWER_WRITE,
        ("POST", f"{_p}/<str:pk>/issue/"): REGISTRAR_WRITE,
        ("POST", f"{_p}/<str:pk>/dispatch/"): REGISTRAR_WRITE,
        ("GET", f"{_p}/<str:pk>/receipts/"): REGISTRAR_WRITE,
        ("POST", f"{_p}/<str:pk>/withdraw/"): REGISTRAR_WRITE,
        ("POST", f"{_p}/<str:pk>/correct/"): DRAFTER_WRITE,
        # The draft is another drafter's: only its author or an administrator discards it.
        ("POST", f"{_p}/<str:pk>/discard/"): "401 404 404 403 403 403 ok",
        # The draft is not discarded: the gate passes, the state refuses (409).
        ("POST", f"{_p}/<str:pk>/reinstate/"): "401 404 404 ok 403 403 ok",
        # The right to sign off is a language's (LanguageRight), decided by the service once
        # the body names the language: an empty body is a 400 for every member of staff.
        ("POST", f"{_p}/<str:pk>/sign-off/"): STAFF_READ,
        ("POST", f"{_p}/<str:pk>/check/"): STAFF_READ,
        ("GET", f"{_p}/<str:pk>/xliff/<str:lang>/"): STAFF_READ,
        ("POST", f"{_p}/<str:pk>/xliff/"): DRAFTER_WRITE,
    })

CASES = [
    (method, route, role, expected)
    for (method, route), row in MATRIX.items()
    for role, expected in zip(ROLES, row.split(), strict=True)
]


def _fast_user(username, *role_names, state_code=None):
    """A user with a role and no password: tokens are all the matrix needs (hashing a
    password 340 times would dominate the run)."""
    user = User.objects.create(
        username=username,
        member_state=MemberState.objects.get(code=state_code) if state_code else None,
    )
    user.groups.set(Group.objects.filter(name__in=role_names))
    return user


def _user(role):
    if role == "anonymous":
        return None
    if role == "outsider":
        return _fast_user("outsider")
    if role == "delegate":
        return _fast_user("delegate.kz", roles.DELEGATE, state_code="KAZ")
    # Role users as the roles define them (the admin is not a superuser here).
    return _fast_user(role, role)


def _document(route, author):
    from cica_docs.documents import services
    from cica_docs.documents.kinds import get_kind

    if route.startswith(("notes/", "inbox/")):
        return make_note(author)
    resource = next(r for r in published() if route.startswith(r.path + "/"))
    from cica_docs.api.resources import blank_content

    return services.document_create(kind=get_kind(resource.kind_key), author=author,
                                     content=blank_content(resource))


@pytest.mark.parametrize("method, route, role, expected", CASES)
def test_each_role_gets_what_the_matrix_says(method, route, role, expected):
    author = _fast_user("author", roles.DRAFTER)
    series = Series.objects.create(code="PM/T")
    path = route.replace("<str:pk>", str(series.pk)) if route.startswith("series/") else route
    if "<str:pk>" in path:
        if route.startswith("addressees/"):
            from cica_docs.letterhead.models import Addressee

            path = path.replace("<str:pk>", str(Addressee.objects.first().pk))
        elif route.startswith("files/"):
            path = path.replace("<str:pk>", str(upload_file(author).pk))
        else:
            path = path.replace("<str:pk>", str(_document(route, author).pk))
    path = path.replace("<str:number>", "1").replace("<str:lang>", "ru")
    if path.endswith("/pdf/"):
        path += "?lang=en"
    user = _user(role)
    client = token_client(user) if user else APIClient()
    response = client.generic(method, f"/api/v1/{path}", b"{}", content_type="application/json")

    if expected == "ok":
        assert response.status_code not in (401, 403, 404), (response.status_code,
                                                             response.content[:300])
    else:
        assert response.status_code == int(expected), response.content[:300]
    if response.status_code in (401, 403, 404) and path != "docs/":
        assert set(response.json()) == {"detail", "errors"}
    # SECURITY.md 15: no API answer, to anyone, is kept by a cache.
    assert "no-store" in response["Cache-Control"]


def _api_routes():
    resolver = get_resolver()
    api = next(p for p in resolver.url_patterns if str(p.pattern) == "api/v1/")
    for pattern in api.url_patterns:
        if not isinstance(pattern, URLPattern) or str(pattern.pattern) == "^.*$":
            continue
        view = pattern.callback
        view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
        methods = (["GET"] if view_class is None else
                   [m.upper() for m in ("get", "post", "patch", "put", "delete")
                    if hasattr(view_class, m)])
        for method in methods:
            yield method, str(pattern.pattern)


def test_every_api_endpoint_has_a_row_in_the_matrix():
    missing = sorted(set(_api_routes()) - set(MATRIX))
    assert missing == []


def test_a_delegate_gets_the_same_404_for_an_existing_note_as_for_a_missing_one(drafter):
    note = make_note(drafter)
    delegate = make_user("delegate.in", roles.DELEGATE, state_code="IND")
    client = token_client(delegate)
    existing = client.get(f"/api/v1/notes/{note.pk}/package/")
    missing = client.get(f"/api/v1/notes/{note.pk + 1000}/package/")
    assert existing.status_code == missing.status_code == 404
    assert existing.content == missing.content
