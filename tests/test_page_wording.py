"""Every page in /ru/ and /kk/ is wholly in that language: no English word leaks through.

The pages are read from the URL resolver, as the permission matrices do (a page added to
the site without a row here fails `test_every_page_has_a_row`), and rendered for every role
that may see them, with demo-like data (an issued and dispatched note with its PDFs, an
enclosed concept paper and PDF file, downloads and an acknowledgement, drafts with
history, a withdrawn note, lists, states and delegates), and a form sent empty where the
page has one, so its error messages are read too.

What counts is what a reader sees: text, and the title, placeholder, aria-label, alt and
confirmation attributes. Text marked as another language (`lang="en"`: the English column
of the editor, the English copy in a preview, the language switcher's "English") is not
interface text. Codes (NCT/CT/275, SHA-256, A4), addresses, user names and numbers are
left out by their form; the Latin words a page may show are ALLOWED below, each with why.

The API (JSON) and the Django admin (Django's own interface and catalogue) are not pages
of the app's interface and are left out.
"""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from cica_docs.circulation import dispatching
from cica_docs.circulation import services as circulation
from cica_docs.circulation.models import MemberState
from cica_docs.documents import services
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Series
from cica_docs.letterhead.models import Addressee
from cica_docs.meetings.models import DocumentMeeting, Meeting
from cica_docs.termbase.models import Term
from letters.models import Formula, Signatory
from tests.conftest import make_user, reauthenticate
from tests.factories import approved_note, concept_content, make_note, note_content, upload_file

pytestmark = pytest.mark.django_db

LEFT_OUT = ("api", "admin")
ROLES = ("anonymous", "drafter", "reviewer", "registrar", "admin", "delegate")
# People of the test data: proper names, as a delegate from India writes his.
PEOPLE = {"Priya", "Sharma", "Arjun", "Mehta"}
ALLOWED = {
    "CICA", "Docs",  # the product's name, "CICA Docs", is a proper name in every language
    "PDF", "CSV", "XLSX", "PNG", "JPEG",  # file formats, written so in Russian and Kazakh
    "EN", "RU", "KK",  # language codes on the compact per-language badges
    "ISO",  # the standard's name ("ISO 3166")
    "PAdES", "SHA",  # the standards' names of the seal and its hash ("подпись PAdES", SHA-256)
    "Adobe", "Acrobat", "Reader", "Okular",  # PDF readers the verification page names
    "IP",  # «IP-адрес», «IP мекенжайы»: the term in Russian and Kazakh
    "API", "QR",  # «токен API», «QR-код»: the terms in Russian and Kazakh
    "XLIFF",  # the exchange format of translation tools, so named in Russian and Kazakh
    "FreeOTP", "Google", "Microsoft", "Authenticator",  # the authenticator apps' names
    *PEOPLE,
}
SCANNED_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "data-confirm",
                      "data-dirty-warning")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
HIDDEN = {"script", "style", "textarea", "template"}
LATIN_WORD = re.compile(r"[A-Za-z]+")
# codes, numbers, addresses, file names, {placeholders}
NOT_A_WORD = re.compile(r"[0-9/@_=:#%&?{}]|\w\.\w")


class _Reader(HTMLParser):
    """The text a reader of `language` sees, without what is marked as another language."""

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack = []  # (tag, shown)
        self.seen: list[str] = []

    @property
    def shown(self) -> bool:
        return not self.stack or self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        lang = (a.get("lang") or "").split("-")[0]
        shown = self.shown and tag not in HIDDEN and (not lang or lang == self.language)
        if shown:
            self.seen += [a[name] for name in SCANNED_ATTRIBUTES if a.get(name)]
            if tag == "input" and a.get("type") in ("submit", "button") and a.get("value"):
                self.seen.append(a["value"])
        if tag not in VOID:
            self.stack.append((tag, shown))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.shown and data.strip():
            self.seen.append(data)


def data_codes() -> set[str]:
    """Codes and logins the data holds: member states' ISO codes (KAZ), user names."""
    from cica_docs.accounts.models import User

    return {*MemberState.objects.values_list("code", flat=True),
            *User.objects.values_list("username", flat=True)}


def latin_words(html: str, language: str) -> set[str]:
    reader = _Reader(language)
    reader.feed(html)
    words = set()
    for text in reader.seen:
        for chunk in text.split():
            if not NOT_A_WORD.search(chunk):
                words.update(LATIN_WORD.findall(chunk))
    return words - ALLOWED


def test_the_reader_finds_english_in_russian_text_but_not_codes_or_marked_english():
    html = """<html lang="ru"><head><title>Список · CICA Docs</title></head><body>
      <p title="Download">Нота № NCT/CT/275 (EN, PACKAGE), SHA-256 ab12, delegate.kz</p>
      <section lang="en"><p>The Secretariat presents its compliments</p></section>
      <script>var hidden = "English";</script><input type="submit" value="Save">
      <p>Сохранить</p><img alt="emblem"></body></html>"""
    assert latin_words(html, "ru") == {"Download", "PACKAGE", "Save", "emblem"}


# --- the site, as after a few days of use ----------------------------------------------------


@pytest.fixture
def site(drafter, reviewer, registrar, admin_user, delegate_kz, delegate_in,
         django_capture_on_commit_callbacks):
    for user, (first, last) in ((delegate_kz, ("Айгерим", "Сарыбай")),
                                (delegate_in, ("Priya", "Sharma"))):
        user.first_name, user.last_name = first, last
        user.save()
    make_user("arjun.mehta", "delegate", state_code="IND", first_name="Arjun",
              last_name="Mehta", is_active=False)
    kazakh_titles = {"title_kk": "Хатшылықтың ескертпесі"}
    pdf = upload_file(drafter, title="Предварительная программа")
    paper = _kazakh_concept(drafter, reviewer)
    issued = approved_note(drafter, reviewer, enclosures=[paper.pk, pdf.reference])
    with django_capture_on_commit_callbacks(execute=True):  # its PDFs, as after issue
        services.document_issue(document=issued, by=registrar, acknowledge_warnings=True,
                                issued_on=datetime.date(2024, 3, 6),
                            backdating_reason="Подписана ранее.")
    issued.refresh_from_db()
    names = {"en": "Kazakhstan and India", "ru": "Казахстан и Индия",
             "kk": "Қазақстан мен Үндістан"}
    circulation_list = circulation.circulation_list_create(
        by=admin_user, names=names, states=MemberState.objects.filter(code__in=["KAZ", "IND"]))
    dispatch = dispatching.dispatch_create(document=issued, circulation_list=circulation_list,
                                           by=registrar)
    delegate_client = Client()
    delegate_client.force_login(delegate_kz)
    for variant in ("ru", "package"):
        delegate_client.get(reverse("portal:download", args=[issued.pk, variant]))
    dispatching.receipt_acknowledge(dispatch=dispatch, user=delegate_in)
    draft = make_note(drafter, **kazakh_titles)
    content = note_content(**kazakh_titles)
    content["fields"]["body"]["ru"] += " Дополнение."
    services.revision_create(document=draft, author=drafter, content=content, base_revision=1,
                             comment="Дополнение к тексту")
    withdrawn = approved_note(drafter, reviewer)
    services.document_issue(document=withdrawn, by=registrar, acknowledge_warnings=True,
                            issued_on=datetime.date(2024, 3, 7),
                            backdating_reason="Подписана ранее.")
    services.document_transition(document=withdrawn, action="withdraw", by=registrar,
                                 comment="Отозвана по просьбе отправителя")
    submitted = make_note(drafter)
    services.document_transition(document=submitted, action="submit", by=drafter,
                                 acknowledge_warnings=True)
    series = Series.objects.get(code="NCT/CT")
    services.series_skip(series=series, to_number=series.next_number + 3, by=registrar,
                         reason="Номера зарезервированы для нот Совещания министров.")
    meeting = Meeting.objects.create(
        kind=Meeting.Kind.SOC, title_en="Senior Officials Committee",
        title_ru="Комитет старших должностных лиц", title_kk="Аға лауазымды тұлғалар комитеті",
        place_ru="Астана", place_kk="Астана", starts_on=datetime.date(2024, 4, 2),
        ends_on=datetime.date(2024, 4, 3))
    DocumentMeeting.objects.create(document=issued, meeting=meeting, tagged_by=registrar)
    users = {"drafter": drafter, "reviewer": reviewer, "registrar": registrar,
             "admin": admin_user, "delegate": delegate_kz}
    return {
        "users": users, "draft": draft, "issued": issued, "withdrawn": withdrawn,
        "paper": paper, "file": pdf, "state": MemberState.objects.get(code="KAZ"),
        "list": circulation_list, "dispatch": dispatch, "series": series,
        "addressee": Addressee.objects.get(code="cica-member-states"),
        "letter formula": Formula.objects.order_by("pk").first(),
        "signatory": Signatory.objects.order_by("pk").first(),
        "meeting": meeting, "term": Term.objects.order_by("pk").first(),
        "staff member": drafter,
    }


def _kazakh_concept(drafter, reviewer):
    """A concept paper in the three languages (the reference one has no Kazakh copy)."""
    content = concept_content(languages=("en", "ru", "kk"))
    content["title"]["kk"] = "Хатшылық пен өңірлік ұйым арасындағы ынтымақтастық туралы"
    content["fields"]["body"]["kk"] = "# КІРІСПЕ\n\nКеңес 1992 жылы құрылды."
    content["fields"]["author"]["kk"] = "Азия Кеңесінің Хатшылығы"
    paper = services.document_create(kind=get_kind("concept"), author=drafter, content=content)
    for action, who in (("submit", drafter), ("approve", reviewer)):
        services.document_transition(document=paper, action=action, by=who,
                                     acknowledge_warnings=True)
    paper.refresh_from_db()
    return paper


def _pages():
    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                if inner and namespace:  # a kind's pages inside manage: "manage:note-reference"
                    inner = f"{namespace}:{inner}"
                yield from walk(pattern.url_patterns, inner or namespace)
            elif (namespace or "").split(":")[0] not in LEFT_OUT and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns, None))


BAD_LINK = {"uidb64": "MQ", "token": "set-password"}
# name: [(method, URL arguments, form data)] — "@x" is the site's object x. None: the URL
# answers no HTML page of its own (a redirect, a file, an action) and is read where it lands.
PAGES = {
    "home": None,
    "healthz": None,  # JSON for load balancers, no page
    "set_language": None,
    "accounts:login": [("get", {}, {}), ("post", {}, {"username": "x", "password": "y"})],
    "accounts:logout": None,
    "accounts:no-role": None,
    "accounts:password-change": [("get", {}, {}), ("post", {}, {})],
    "accounts:password-change-done": [("get", {}, {})],
    "accounts:password-reset": [("get", {}, {}), ("post", {}, {"email": "not an address"})],
    # Two-factor sign-in; the code after the password is only reached in a session that
    # owes it (tests/accounts/test_two_factor.py reads its refusal in ru and kk).
    "accounts:two-factor": None,
    "accounts:two-factor-enrol": [("get", {}, {}), ("post", {}, {"code": "1"})],
    "accounts:two-factor-reset": [("get", {}, {}), ("post", {}, {"username": ""})],
    "accounts:security": [("get", {}, {})],
    "accounts:two-factor-recovery-codes": [("post", {}, {})],
    "accounts:two-factor-remove": [("post", {}, {"code": ""})],
    "accounts:api-token": [("post", {}, {})],
    "accounts:password-reset-done": [("get", {}, {})],
    "accounts:password-reset-confirm": [("get", BAD_LINK, {})],
    "accounts:password-reset-complete": [("get", {}, {})],
    "documents:worklist": [("get", {}, {}), ("get", {}, {"list": "issued"})],
    "documents:create": [("get", {"kind_key": "note"}, {}), ("get", {"kind_key": "concept"}, {}),
                         ("post", {"kind_key": "note"}, {"base_revision": "0"})],
    "documents:preview": [("post", {"kind_key": "note"}, {"base_revision": "0",
                                                          "languages": ["en", "ru", "kk"],
                                                          "title_ru": "Нота", "opening_en": "x"})],
    "documents:files": [("get", {}, {}), ("post", {}, {"title": ""})],
    "documents:file": [("get", {"pk": "@file"}, {})],
    "documents:detail": [("get", {"pk": f"@{name}"}, {})
                         for name in ("draft", "issued", "withdrawn", "paper")],
    "documents:edit": [("get", {"pk": "@draft"}, {}), ("get", {"pk": "@paper"}, {})],
    "documents:history": [("get", {"pk": "@draft"}, {})],
    "documents:diff": [("get", {"pk": "@draft"}, {"a": "1", "b": "2"})],
    "documents:restore": None,
    "documents:pdf-status": [("get", {"pk": "@issued"}, {}), ("get", {"pk": "@draft"}, {})],
    "documents:pdf-retry": None,
    "documents:pdf": None,
    "documents:issue": None,
    "documents:correct": None,
    "documents:transition": None,
    "portal:inbox": [("get", {}, {})],
    "portal:document": [("get", {"pk": "@issued"}, {})],
    "portal:download": None,
    "portal:preview": None,
    "portal:acknowledge": None,
    "dispatch:create": [("get", {"pk": "@issued"}, {})],
    "dispatch:detail": [("get", {"pk": "@dispatch"}, {})],
    "dispatch:csv": None,
    "dispatch:resend": None,
    "manage:states": [("get", {}, {})],
    "manage:state-add": [("get", {}, {}), ("post", {}, {"code": "x"})],
    "manage:state-edit": [("get", {"pk": "@state"}, {})],
    "manage:delegates": [("get", {}, {})],
    "manage:delegate-add": [("get", {}, {}), ("post", {}, {"email": "x", "username": "a b"})],
    "manage:delegate-deactivate": None,
    "manage:delegate-reactivate": None,
    "manage:delegate-invite": None,
    "manage:staff": [("get", {}, {}), ("get", {}, {"role": "registrar"})],
    "manage:staff-add": [("get", {}, {}), ("post", {}, {"email": "x", "username": "a b"})],
    "manage:staff-edit": [("get", {"pk": "@staff member"}, {}),
                          ("post", {"pk": "@staff member"}, {"email": "x"})],
    "manage:staff-deactivate": None,
    "manage:staff-reactivate": None,
    "manage:staff-invite": None,
    "manage:lists": [("get", {}, {})],
    "manage:list-add": [("get", {}, {}), ("post", {}, {"name_ru": "x"})],
    "manage:list-edit": [("get", {"pk": "@list"}, {})],
    "manage:list-delete": [("get", {"pk": "@list"}, {})],
    "my-work": [("get", {}, {})],
    "notifications": [("get", {}, {})],
    "register:register": [("get", {}, {})],
    "register:export": None,
    "register:print": None,
    "manage:series": [("get", {}, {})],
    "manage:audit": [("get", {}, {}), ("get", {}, {"since": "2026-05-02", "until": "2026-05-01"})],
    "seal:verify": [("get", {}, {}), ("post", {}, {})],
    "seal:address": None,  # a verdict on one file: its words are the verification page's
    "manage:series-skip": [("post", {"pk": "@series"}, {"to_number": "1", "reason": ""})],
    "workbench:aligned": [("get", {"pk": "@draft"}, {}), ("get", {"pk": "@issued"}, {}),
                          ("post", {"pk": "@draft"}, {"base_revision": "x"})],
    "workbench:check": None,
    "workbench:sign-off": None,
    "workbench:unpaired": None,
    "workbench:revisers": [("get", {}, {}), ("post", {}, {})],
    "workbench:reviser-remove": None,
    "meetings:list": [("get", {}, {})],
    "meetings:add": [("get", {}, {}), ("post", {}, {"starts_on": "x"})],
    "meetings:edit": [("get", {"pk": "@meeting"}, {})],
    "meetings:document": None,  # tags the document and returns to its page
    "portal:enclosure": None,  # a file
    "portal:unacknowledged": [("get", {}, {})],
    "register:assign": None,  # assigns and returns to the document's page
    "terms:list": [("get", {}, {})],
    "terms:add": [("get", {}, {}), ("post", {}, {})],
    "terms:edit": [("get", {"pk": "@term"}, {})],
    "terms:found": None,  # JSON for the editor's side panel
    "xliff:export": None,  # a file
    "xliff:import": [("get", {"pk": "@draft"}, {}), ("post", {"pk": "@draft"}, {})],
    "manage:series-add": [("get", {}, {}), ("post", {}, {"code": "x", "next_number": "0"})],
    "manage:series-edit": [("get", {"pk": "@series"}, {})],
    "manage:reference": [("get", {}, {})],
    "manage:addressees": [("get", {}, {})],
    "manage:addressee-add": [("get", {}, {}), ("post", {}, {"code": "a b"})],
    "manage:addressee-edit": [("get", {"pk": "@addressee"}, {})],
    "manage:addressee-preview": [("post", {}, {})],
    "manage:letterhead": [("get", {}, {}), ("post", {}, {"place_ru": "{место}"})],
    "manage:letterhead-preview": [("post", {}, {})],
    "manage:note-reference:formulas": [("get", {}, {})],
    "manage:note-reference:formulas-preview": [("post", {}, {})],
    "manage:letter-reference:list": [("get", {}, {})],
    "manage:letter-reference:formula-add": [("get", {}, {})],
    "manage:letter-reference:formula-edit": [("get", {"pk": "@letter formula"}, {})],
    "manage:letter-reference:signatory-add": [("get", {}, {})],
    "manage:letter-reference:signatory-edit": [("get", {"pk": "@signatory"}, {})],
}


def test_every_page_has_a_row():
    assert _pages() == set(PAGES)


def _client(site, role):
    client = Client()
    if role != "anonymous":
        client.force_login(site["users"][role])
        reauthenticate(client)
    return client


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_no_english_word_on_any_page(site, language):
    from django.utils import translation

    found, pages, codes = {}, 0, data_codes()
    clients = {role: _client(site, role) for role in ROLES}
    for name, requests in sorted(PAGES.items()):
        for method, spec, data in requests or ():
            kwargs = {key: site[value[1:]].pk if str(value).startswith("@") else value
                      for key, value in spec.items()}
            with translation.override(language):
                url = reverse(name, kwargs=kwargs)
            for role, client in clients.items():
                response = getattr(client, method)(url, data)
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    continue
                pages += 1
                for word in latin_words(response.content.decode(), language) - codes:
                    found.setdefault(word, set()).add(f"{method.upper()} {url} ({role})")
    assert pages > 60  # the pages were seen, not refused
    assert found == {}, "\n".join(f"{word}: {sorted(where)[:3]}" for word, where in
                                  sorted(found.items()))
