"""The contract every registered kind meets (cica_docs/documents/kinds.py): its example
draft (`DocumentKind.example()`) is created through the browser's form and through the API,
revised, compared, submitted, approved, issued, rendered in each of its languages and as the
package, dispatched, downloaded by a delegate of a state it went to (and by no other), and
corrected. A kind that does not meet the contract fails here. One rendering per kind: at
issue."""

import datetime

import pytest
from django.test import Client

from cica_docs.documents.kinds import kinds
from cica_docs.documents.models import Document, Series
from cica_docs.languages import language_codes
from tests.api.conftest import token_client
from tests.html_forms import form_data
from tests.rendering.conftest import pdftotext

pytestmark = pytest.mark.django_db
SERIES = "KIND/T"


def _browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _form_values(kind, example: dict) -> dict[str, list[str]]:
    """The example as the editor's fields name it: "body_en", "languages", "addressee"."""
    values = {"languages": list(example["languages"])}
    for name in ("title", *kind.translated_fields):
        for lang, text in example.get(name, {}).items():
            values[f"{name}_{lang}"] = [text]
    for name in kind.plain_fields:
        if name not in example:
            continue
        field = kind.model._meta.get_field(name)
        value = example[name]
        if field.is_relation:
            value = field.related_model.objects.get(code=value).pk
        values[name] = [str(value)]
    if kind.requires_series:
        values["series"] = [str(Series.objects.get(code=SERIES).pk)]
    return values


def _pdf_text(response) -> str:
    assert response.status_code == 200, getattr(response, "content", b"")[:300]
    assert response["Content-Type"] == "application/pdf"
    return pdftotext(b"".join(response.streaming_content))


@pytest.mark.parametrize("kind", kinds(), ids=lambda kind: kind.key)
def test_the_kind_meets_the_contract(
    kind, admin_user, drafter, reviewer, registrar, delegate_kz, delegate_in,
    django_capture_on_commit_callbacks, smtp_server,
):
    Series.objects.create(code=SERIES, name="Contract test", next_number=1)
    example = kind.example()
    languages = [lang for lang in language_codes() if lang in example["languages"]]
    first = languages[0]

    # The browser's editor creates it from what the page offers plus the example's fields.
    browser = _browser(drafter)
    page = browser.get(f"/en/work/new/{kind.key}/")
    assert page.status_code == 200
    data = form_data(page.content.decode(), containing="base_revision")
    data.update(_form_values(kind, example))
    data["comment"] = ["Drafted in the browser"]
    response = browser.post(f"/en/work/new/{kind.key}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    drafted = Document.objects.get(kind=kind.key)
    assert drafted.specific.title == example["title"]["en"]
    assert browser.get(f"/en/work/{drafted.pk}/").status_code == 200

    # The API creates it from the example, and revises it.
    drafting = token_client(drafter)
    path = f"/api/v1/{kind.api_path}"
    series = {"series": SERIES} if kind.requires_series else {}
    response = drafting.post(f"{path}/", {**example, **series}, format="json")
    assert response.status_code == 201, response.json()
    document = response.json()
    assert not [c for c in document["checks"] if c["level"] == "error"], document["checks"]
    pk = document["id"]
    printed = kind.required_fields[0]  # a field every copy prints
    revised = {**example[printed], first: example[printed][first] + " Revised text."}
    response = drafting.patch(f"{path}/{pk}/", {"revision": 1, printed: revised,
                                                 "comment": "Revised"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["revision"] == 2
    diff = browser.get(f"/en/work/{pk}/diff/?a=1&b=2")
    assert diff.status_code == 200 and "Revised text." in diff.content.decode()

    for client, action in ((drafting, "submit"), (token_client(reviewer), "approve")):
        response = client.post(f"{path}/{pk}/{action}/", {"acknowledge_warnings": True},
                               format="json")
        assert response.status_code == 200, response.json()
    registering = token_client(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        response = registering.post(f"{path}/{pk}/issue/", {
            "date": datetime.date.today().isoformat(), "acknowledge_warnings": True,
        }, format="json")
    assert response.status_code == 200, response.json()
    issued = response.json()
    assert issued["status"] == "issued"
    assert bool(issued["symbol"]) == kind.requires_series

    # Rendered once at issue: each language, and the package with every language.
    for lang in languages:
        text = _pdf_text(registering.get(f"{path}/{pk}/pdf/?lang={lang}"))
        assert issued["symbol"] in text and ("Revised text." in text) == (lang == first)
    package = _pdf_text(registering.get(f"{path}/{pk}/package/"))
    assert package.count("Revised text.") == 1

    # Dispatched to Kazakhstan: its delegate downloads it (API and portal), India's does not.
    admin = token_client(admin_user)
    states = {s["code"]: s["id"] for s in admin.get("/api/v1/member-states/?page_size=100")
              .json()["results"]}
    response = admin.post("/api/v1/circulation-lists/", {
        "name": {"en": "Kazakhstan", "ru": "Казахстан", "kk": "Қазақстан"},
        "member_states": [states["KAZ"]],
    }, format="json")
    assert response.status_code == 201, response.json()
    with django_capture_on_commit_callbacks(execute=True):
        response = registering.post(f"{path}/{pk}/dispatch/",
                                    {"circulation_list": response.json()["id"]}, format="json")
    assert response.status_code == 201, response.json()
    assert [m["To"] for m in smtp_server.messages] == [delegate_kz.email]
    kazakh, indian = token_client(delegate_kz), token_client(delegate_in)
    assert [item["id"] for item in kazakh.get("/api/v1/inbox/").json()["results"]] == [pk]
    assert "Revised text." in _pdf_text(kazakh.get(f"{path}/{pk}/pdf/?lang={first}"))
    portal = _browser(delegate_kz).get(f"/en/portal/documents/{pk}/pdf/package/")
    assert _pdf_text(portal).count("Revised text.") == 1
    assert indian.get(f"{path}/{pk}/package/").status_code == 404
    assert _browser(delegate_in).get(f"/en/portal/documents/{pk}/pdf/package/").status_code \
        == 404

    # Corrected: a new draft of the same kind with the issued text, pointing to it.
    response = drafting.post(f"{path}/{pk}/correct/", format="json")
    assert response.status_code == 201, response.json()
    correction = response.json()
    assert (correction["status"], correction["corrects"]) == ("draft", pk)
    assert correction[printed] == revised
    assert Document.objects.get(pk=correction["id"]).kind == kind.key


def test_every_kind_names_its_own_api_path_and_enclosure_item():
    registered = kinds()
    assert len({kind.api_path for kind in registered}) == len(registered)
    assert len({kind.api_item for kind in registered}) == len(registered)
    assert len({kind.api_component for kind in registered}) == len(registered)


def test_a_kind_without_its_print_parts_and_example_cannot_be_made():
    from cica_docs.documents.kinds import DocumentKind

    class HalfAKind(DocumentKind):
        key = "half"

    with pytest.raises(TypeError, match="example|print_parts"):
        HalfAKind()
