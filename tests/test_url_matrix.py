"""Every page of the site × every role (SECURITY.md 2: deny by default).

The URL names are read from the resolver: a URL added to the site without a row here fails
`test_every_url_has_a_row`. The portal and dispatch pages have their own, finer matrix
(tests/circulation/test_permission_matrix.py: × where the document went), the API its own
(tests/api/test_permissions.py), and the Django admin is Django's.

A row gives the method, the URL's arguments and the form data, and what each role gets:
- a status, or "login" for the redirect to the login page;
- for a page about a document, a pair: on a draft and on an issued note;
- for a POST on an object, a pair (status, whether the object changed): the action is made
  on a fresh object each time, so one role's action cannot change what another finds.
"""

import itertools

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from cica_docs.accounts.models import User
from cica_docs.circulation.models import CirculationList, MemberState
from cica_docs.documents import services
from cica_docs.documents.models import Document, Series
from cica_docs.letterhead.models import Addressee
from cica_docs.meetings.models import Meeting
from cica_docs.termbase.models import Term
from cica_docs.workbench.models import LanguageCheck, LanguageRight, SignOff, Unpaired
from letters.models import Formula, Signatory
from tests.conftest import make_user, reauthenticate
from tests.factories import approved_note, make_note, note_content, pdfs_stored, upload_file

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "drafter", "reviewer", "registrar", "admin", "delegate")
OWN_MATRIX = ("portal", "dispatch", "api", "admin")  # namespaces with a matrix of their own
LOGIN = "login"


def _every_url():
    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                if inner and namespace:  # a kind's pages inside manage: "manage:note-reference"
                    inner = f"{namespace}:{inner}"
                yield from walk(pattern.url_patterns, inner or namespace)
            elif (namespace or "").split(":")[0] not in OWN_MATRIX and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns, None))


@pytest.fixture
def client_of(drafter, reviewer, registrar, admin_user, delegate_kz):
    """A new client per request (logging out or switching language affects no other row),
    logged in as the role, with the password confirmed where a page asks for it again."""
    users = {"drafter": drafter, "reviewer": reviewer, "registrar": registrar,
             "admin": admin_user, "delegate": delegate_kz}

    def make(role):
        client = Client()
        if role in users:
            client.force_login(users[role])
            reauthenticate(client)
        return client

    return make


@pytest.fixture
def objects(drafter, reviewer, registrar, admin_user, django_capture_on_commit_callbacks):
    """Makers of the objects the URLs name; each call makes a fresh one."""
    from cica_docs.circulation import services as circulation

    numbers = itertools.count(1)

    def issued():
        # Its PDFs stored as after the worker's render: stand-ins (`pdfs_stored`), since
        # what is checked here is who may reach them, not what they print.
        note = approved_note(drafter, reviewer)
        services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
        pdfs_stored(note)
        return note

    def revised():
        note = make_note(drafter)
        content = note_content()
        content["fields"]["body"]["en"] += " Revised."
        services.revision_create(document=note, author=drafter, content=content,
                                 base_revision=1)
        return note

    def circulation_list():
        n = next(numbers)
        return circulation.circulation_list_create(
            by=admin_user, names={code: f"List {n} {code}" for code in ("en", "ru", "kk")},
            states=MemberState.objects.filter(code="IND"),
        )

    def delegate(active=True):
        user = make_user(f"delegate.in.{next(numbers)}", "delegate", state_code="IND")
        if not active:
            circulation.delegate_deactivate(delegate=user, by=admin_user)
        return user

    def staff_member(active=True):
        user = make_user(f"staff.{next(numbers)}", "drafter")
        if not active:
            user.is_active = False
            user.save(update_fields=["is_active"])
        return user

    return {
        "draft": lambda: make_note(drafter),
        "revised": revised,
        "approved": lambda: approved_note(drafter, reviewer),
        "issued": issued,
        "file": lambda: upload_file(drafter),
        "state": lambda: MemberState.objects.get(code="IND"),
        "list": circulation_list,
        "delegate": delegate,
        "inactive delegate": lambda: delegate(active=False),
        "staff": staff_member,
        "inactive staff": lambda: staff_member(active=False),
        "series": lambda: Series.objects.create(code=f"TEST/{next(numbers)}", next_number=5),
        "term": lambda: Term.objects.order_by("pk").first(),
        "right": lambda: LanguageRight.objects.create(
            user=make_user(f"reviser.{next(numbers)}", "drafter"), language="kk",
            granted_by=admin_user),
        "addressee": lambda: Addressee.objects.get(code="cica-member-states"),
        "meeting": lambda: Meeting.objects.create(
            kind="soc", title_en="SOC", title_ru="КСДЛ", title_kk="ЛАК",
            starts_on="2026-12-10", ends_on="2026-12-11"),
        "letter formula": lambda: Formula.objects.get(code="excellency"),
        "signatory": lambda: Signatory.objects.get(code="secretary-general"),
    }


def _state_of(obj):
    """What an action on `obj` would change, read afresh from the database."""
    if isinstance(obj, Document):
        found = (*Document.objects.filter(pk=obj.pk).values_list(
            "state", "revision_number", "number").first(), obj.corrections.count(),
            *(model.objects.filter(document=obj).count()
              for model in (LanguageCheck, SignOff, Unpaired)))
    elif isinstance(obj, LanguageRight):
        found = LanguageRight.objects.filter(pk=obj.pk).exists()
    elif isinstance(obj, User):
        found = User.objects.filter(pk=obj.pk).values_list("is_active").first()
    elif isinstance(obj, Series):
        found = Series.objects.filter(pk=obj.pk).values_list("next_number").first()
    elif isinstance(obj, CirculationList):
        found = CirculationList.objects.filter(pk=obj.pk).exists()
    else:
        found = None
    return found


F, N = 403, 404
STAFF_PAGE = {"anonymous": LOGIN, "drafter": 200, "reviewer": 200, "registrar": 200,
              "admin": 200, "delegate": F}
DOCUMENT_PAGE = {"anonymous": (LOGIN, LOGIN), "drafter": (200, 200), "reviewer": (200, 200),
                 "registrar": (200, 200), "admin": (200, 200), "delegate": (F, F)}
ADMIN_PAGE = {"anonymous": LOGIN, "drafter": F, "reviewer": F, "registrar": F, "admin": 200,
              "delegate": F}
EVERYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)}


def _post(allowed, *, anonymous=(LOGIN, False), others=(F, False), delegate=(F, False)):
    """A POST on a fresh object: the roles in `allowed` change it (302 back to a page)."""
    return {"anonymous": anonymous, "delegate": delegate,
            **{role: (302, True) if role in allowed else others for role in ROLES[1:-1]}}


BAD_LINK = {"uidb64": "MQ", "token": "set-password"}
ACK = {"acknowledge_warnings": "on"}
# name: (method, URL arguments, form data, expected per role)
ROWS = {
    "home": ("get", {}, {}, {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 302)}),
    "set_language": ("post", {}, {"language": "ru", "next": "/ru/"},
                     dict.fromkeys(ROLES, 302)),
    # The same answer for everyone, signed in or not (503 here: no worker runs in the tests).
    "healthz": ("get", {}, {}, dict.fromkeys(ROLES, 503)),
    "accounts:login": ("get", {}, {}, {"anonymous": 200, **dict.fromkeys(ROLES[1:], 302)}),
    # Public, the same for everyone: the verification page, and a guessed address (404).
    "seal:verify": ("get", {}, {}, EVERYONE),
    "seal:address": ("get", {"token": "0" * 32}, {}, dict.fromkeys(ROLES, N)),
    "accounts:logout": ("post", {}, {}, dict.fromkeys(ROLES, LOGIN)),
    # A signed-in user who has a role is sent on to their own page.
    "accounts:no-role": ("get", {}, {}, {"anonymous": LOGIN,
                                          **dict.fromkeys(ROLES[1:], 302)}),
    # Two-factor sign-in: the registrar and the administrator have passed it (the tests'
    # force_login attaches their device); the others have not set it up.
    "accounts:two-factor": ("get", {}, {}, {"anonymous": LOGIN,
                                            **dict.fromkeys(ROLES[1:], 302)}),
    "accounts:two-factor-enrol": ("get", {}, {}, {**SIGNED_IN, "registrar": 302,
                                                  "admin": 302}),
    "accounts:two-factor-reset": ("get", {}, {}, ADMIN_PAGE),
    "accounts:security": ("get", {}, {}, SIGNED_IN),
    "accounts:two-factor-recovery-codes": ("post", {}, {}, {
        **SIGNED_IN, "drafter": 302, "reviewer": 302, "delegate": 302}),
    "accounts:two-factor-remove": ("post", {}, {}, SIGNED_IN),
    "accounts:api-token": ("post", {}, {}, SIGNED_IN),
    "accounts:password-change": ("get", {}, {}, SIGNED_IN),
    "accounts:password-change-done": ("get", {}, {}, SIGNED_IN),
    "accounts:password-reset": ("get", {}, {}, EVERYONE),
    "accounts:password-reset-done": ("get", {}, {}, EVERYONE),
    "accounts:password-reset-confirm": ("get", BAD_LINK, {}, EVERYONE),
    "accounts:password-reset-complete": ("get", {}, {}, EVERYONE),
    "documents:worklist": ("get", {}, {}, STAFF_PAGE),
    "documents:create": ("get", {"kind_key": "note"}, {},
                         {**STAFF_PAGE, "reviewer": F, "registrar": F}),
    "documents:preview": ("post", {"kind_key": "note"}, {}, STAFF_PAGE),
    "documents:files": ("get", {}, {}, STAFF_PAGE),
    "documents:file": ("get", {"pk": "@file"}, {}, STAFF_PAGE),
    "documents:detail": ("get", {"pk": "@document"}, {}, DOCUMENT_PAGE),
    # An issued document is frozen: its editor sends everyone back to its page.
    "documents:edit": ("get", {"pk": "@document"}, {},
                       {**DOCUMENT_PAGE, **{r: (200, 302) for r in ROLES[1:-1]}}),
    "documents:history": ("get", {"pk": "@document"}, {}, DOCUMENT_PAGE),
    "documents:diff": ("get", {"pk": "@document"}, {}, DOCUMENT_PAGE),
    "documents:pdf-status": ("get", {"pk": "@document"}, {}, DOCUMENT_PAGE),
    "documents:pdf": ("get", {"pk": "@document", "variant": "en"}, {}, DOCUMENT_PAGE),
    "documents:restore": ("post", {"pk": "@revised"}, {"number": 1, "base_revision": 2},
                          _post({"drafter", "admin"})),
    # The PDFs of an issued note exist: asking again changes nothing, for anyone.
    "documents:pdf-retry": ("post", {"pk": "@issued"}, {},
                            {**_post(set()), "registrar": (302, False), "admin": (302, False)}),
    # A role without the right is told so on the document's page; nothing changes.
    "documents:issue": ("post", {"pk": "@approved"}, ACK,
                        _post({"registrar", "admin"}, others=(302, False))),
    "documents:correct": ("post", {"pk": "@issued"}, {}, _post({"drafter", "admin"})),
    "documents:transition": ("post", {"pk": "@draft", "action": "submit"}, ACK,
                             _post({"drafter", "admin"}, others=(302, False))),
    "manage:audit": ("get", {}, {}, ADMIN_PAGE),
    "my-work": ("get", {}, {}, STAFF_PAGE),
    "notifications": ("get", {}, {}, STAFF_PAGE),
    "register:register": ("get", {}, {}, STAFF_PAGE),
    "register:export": ("get", {"format": "csv"}, {}, STAFF_PAGE),
    # A year that has no number: nothing to print, the staff are sent back to the register.
    "register:print": ("get", {}, {"year": 1992},
                       {**STAFF_PAGE, **dict.fromkeys(ROLES[1:-1], 302)}),
    "manage:states": ("get", {}, {}, ADMIN_PAGE),
    "manage:state-add": ("get", {}, {}, ADMIN_PAGE),
    "manage:state-edit": ("get", {"pk": "@state"}, {}, ADMIN_PAGE),
    "manage:delegates": ("get", {}, {}, ADMIN_PAGE),
    "manage:delegate-add": ("get", {}, {}, ADMIN_PAGE),
    "manage:delegate-deactivate": ("post", {"pk": "@delegate"}, {}, _post({"admin"})),
    "manage:delegate-reactivate": ("post", {"pk": "@inactive delegate"}, {}, _post({"admin"})),
    # An invitation is an e-mail: the delegate's record does not change.
    "manage:delegate-invite": ("post", {"pk": "@delegate"}, {},
                               {**_post(set()), "admin": (302, False)}),
    # Secretariat staff accounts: administrators only (accounts.change_user).
    "manage:staff": ("get", {}, {}, ADMIN_PAGE),
    "manage:staff-add": ("get", {}, {}, ADMIN_PAGE),
    "manage:staff-edit": ("get", {"pk": "@staff"}, {}, ADMIN_PAGE),
    "manage:staff-deactivate": ("post", {"pk": "@staff"}, {}, _post({"admin"})),
    "manage:staff-reactivate": ("post", {"pk": "@inactive staff"}, {}, _post({"admin"})),
    "manage:staff-invite": ("post", {"pk": "@staff"}, {}, {**_post(set()), "admin": (302, False)}),
    "manage:lists": ("get", {}, {}, ADMIN_PAGE),
    "manage:list-add": ("get", {}, {}, ADMIN_PAGE),
    "manage:list-edit": ("get", {"pk": "@list"}, {}, ADMIN_PAGE),
    "manage:list-delete": ("post", {"pk": "@list"}, {}, _post({"admin"})),
    "manage:series": ("get", {}, {}, {**ADMIN_PAGE, "registrar": 200}),
    "xliff:export": ("get", {"pk": "@document", "lang": "kk"}, {}, DOCUMENT_PAGE),
    # Importing is drafting: drafters and administrators (an issued document's page says it
    # takes no new revision).
    "xliff:import": ("get", {"pk": "@document"}, {},
                     {**DOCUMENT_PAGE, "reviewer": (F, F), "registrar": (F, F)}),
    "terms:list": ("get", {}, {}, ADMIN_PAGE),
    "terms:add": ("get", {}, {}, ADMIN_PAGE),
    "terms:edit": ("get", {"pk": "@term"}, {}, ADMIN_PAGE),
    "terms:found": ("post", {}, {"lang": "en", "text": "Special Working Group"}, STAFF_PAGE),
    # The translation workbench: the aligned view of any document (an issued one to read);
    # a check by translators (drafters), a sign-off by the language's revisers only (none
    # of these roles is one), unpaired marks by drafters; revisers named by administrators.
    "workbench:aligned": ("get", {"pk": "@document"}, {}, DOCUMENT_PAGE),
    "workbench:check": ("post", {"pk": "@draft", "lang": "kk"}, {"revision": 1},
                        _post({"drafter", "admin"}, others=(302, False))),
    "workbench:sign-off": ("post", {"pk": "@draft", "lang": "kk"}, {"revision": 1},
                           _post(set(), others=(302, False))),
    "workbench:unpaired": ("post", {"pk": "@draft"}, {"block": "body__kk__0"},
                           _post({"drafter", "admin"}, others=(302, False))),
    "workbench:revisers": ("get", {}, {}, ADMIN_PAGE),
    "workbench:reviser-remove": ("post", {"pk": "@right"}, {}, _post({"admin"})),
    # Assigning a document in work: reviewers and registrars (the document itself unchanged).
    "register:assign": ("post", {"pk": "@draft"}, {},
                        {**_post(set()), "reviewer": (302, False), "registrar": (302, False),
                         "admin": (302, False)}),
    # Meetings: kept by registrars and administrators; tagging a document changes none of it.
    "meetings:list": ("get", {}, {}, {**ADMIN_PAGE, "registrar": 200}),
    "meetings:add": ("get", {}, {}, {**ADMIN_PAGE, "registrar": 200}),
    "meetings:edit": ("get", {"pk": "@meeting"}, {}, {**ADMIN_PAGE, "registrar": 200}),
    "meetings:document": ("post", {"pk": "@issued"}, {},
                          {**_post(set()), "registrar": (302, False), "admin": (302, False)}),
    # A deliberate gap in a series: registrar or administrator, with a reason.
    "manage:series-skip": ("post", {"pk": "@series"}, {"to_number": 900, "reason": "Reserved"},
                           _post({"registrar", "admin"})),
    # Reference data: the administrators' pages (the previews save nothing).
    "manage:series-add": ("get", {}, {}, ADMIN_PAGE),
    "manage:series-edit": ("get", {"pk": "@series"}, {}, ADMIN_PAGE),
    "manage:reference": ("get", {}, {}, ADMIN_PAGE),
    "manage:addressees": ("get", {}, {}, ADMIN_PAGE),
    "manage:addressee-add": ("get", {}, {}, ADMIN_PAGE),
    "manage:addressee-edit": ("get", {"pk": "@addressee"}, {}, ADMIN_PAGE),
    "manage:addressee-preview": ("post", {}, {"dative_en": "the Ministry"}, ADMIN_PAGE),
    "manage:letterhead": ("get", {}, {}, ADMIN_PAGE),
    "manage:letterhead-preview": ("post", {}, {"place_en": "Almaty"}, ADMIN_PAGE),
    "manage:note-reference:formulas": ("get", {}, {}, ADMIN_PAGE),
    "manage:note-reference:formulas-preview": ("post", {}, {}, ADMIN_PAGE),
    "manage:letter-reference:list": ("get", {}, {}, ADMIN_PAGE),
    "manage:letter-reference:formula-add": ("get", {}, {}, ADMIN_PAGE),
    "manage:letter-reference:formula-edit": ("get", {"pk": "@letter formula"}, {}, ADMIN_PAGE),
    "manage:letter-reference:signatory-add": ("get", {}, {}, ADMIN_PAGE),
    "manage:letter-reference:signatory-edit": ("get", {"pk": "@signatory"}, {}, ADMIN_PAGE),
}


def test_every_url_has_a_row():
    assert _every_url() == set(ROWS)


def _outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("name", sorted(ROWS))
def test_every_url_for_every_role(client_of, objects, name):
    method, spec, data, expected_by_role = ROWS[name]
    kinds = ("draft", "issued") if "@document" in spec.values() else (None,)
    wrong = []
    for role in ROLES:
        got = tuple(_one(client_of, objects, role, method, name, spec, data, kind)
                    for kind in kinds)
        got = got if len(got) > 1 else got[0]
        if got != expected_by_role[role]:
            wrong.append(f"{role} {method.upper()} {name}: got {got}, "
                         f"expected {expected_by_role[role]}")
    assert wrong == []


def _one(client_of, objects, role, method, name, spec, data, document_kind):
    """One request as `role`; for a POST on an object, also whether the object changed."""
    kwargs, target = {}, None
    for key, value in spec.items():
        if isinstance(value, str) and value.startswith("@"):
            target = objects[document_kind if value == "@document" else value[1:]]()
            value = target.pk
        kwargs[key] = value
    before = _state_of(target)
    response = getattr(client_of(role), method)(reverse(name, kwargs=kwargs), data)
    if role != "anonymous":  # SECURITY.md 15: nothing a signed-in user gets is stored
        assert "no-store" in response.get("Cache-Control", ""), f"{role} {method} {name}"
    if method == "post" and before is not None:
        return (_outcome(response), _state_of(target) != before)
    return _outcome(response)
