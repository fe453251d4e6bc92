"""The seal on issued files (cica_docs/seal): every stored PDF carries a PAdES signature that
pyHanko's validator accepts against the Secretariat's CA; the verification page, the API and
`manage.py verify` say whether a file is authentic and what became of its document, and
reveal nothing about any other document."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from cica_docs.documents import services
from cica_docs.issuing.models import RenderedFile
from cica_docs.seal import keys
from cica_docs.seal.line import text_digest
from cica_docs.seal.models import Seal

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued_en(issue):
    """An issued one-language note, rendered and sealed as a worker does it."""
    return issue(render=True, languages=("en",))


def _files(document):
    return {f.variant: f for f in RenderedFile.objects.filter(document=document)}


def _data(rendered):
    with rendered.file.open("rb") as handle:
        return handle.read()


def _verify_page(data, client=None):
    client = client or Client(HTTP_HOST="127.0.0.1")
    upload = io.BytesIO(data)
    upload.name = "note.pdf"
    return client.post(reverse("seal:verify"), {"file": upload})


def test_issued_files_are_sealed_and_validate_with_pyhanko(issued_en, seal_authority):
    files = _files(issued_en)
    assert set(files) == {"en", "package"}
    _p12, ca_pem = seal_authority
    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(ca_pem))],
                                allow_fetching=False)
    for rendered in files.values():
        data = _data(rendered)
        status = validate_pdf_signature(PdfFileReader(io.BytesIO(data)).embedded_signatures[0],
                                        context)
        assert status.bottom_line and status.coverage.name == "ENTIRE_FILE"
        # The stored hash covers the signed file; the signature is an incremental update.
        assert rendered.seal.sha256 == rendered.sha256
        assert data.count(b"%%EOF") >= 2
        assert len(rendered.seal.token) == 32


def test_one_flipped_byte_fails_the_command_page_and_api(issued_en, tmp_path):
    data = _data(_files(issued_en)["en"])
    good = tmp_path / "good.pdf"
    good.write_bytes(data)
    out = io.StringIO()
    call_command("verify", str(good), stdout=out)
    assert "VALID" in out.getvalue() and issued_en.symbol in out.getvalue()

    forged = bytearray(data)
    forged[len(forged) // 3] ^= 0x01
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(forged))
    out = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("verify", str(bad), stdout=out)
    assert exited.value.code == 1
    assert "NOT VALID" in out.getvalue() and issued_en.symbol not in out.getvalue()

    page = _verify_page(bytes(forged))
    assert page.status_code == 200
    assert "Not verified" in page.content.decode() and issued_en.symbol not in page.content.decode()
    api = Client(HTTP_HOST="127.0.0.1").post(
        "/api/v1/verify/", {"file": io.BytesIO(bytes(forged))})
    assert api.status_code == 200
    assert api.json() == {"valid": False, "reason": "unknown", "message": api.json()["message"]}


def test_a_withdrawn_document_verifies_as_authentic_but_withdrawn(issued_en, registrar):
    data = _data(_files(issued_en)["package"])
    services.document_transition(document=issued_en, action="withdraw", by=registrar,
                                 comment="Superseded.")
    api = Client(HTTP_HOST="127.0.0.1").post("/api/v1/verify/", {"file": io.BytesIO(data)})
    body = api.json()
    assert body["valid"] is True and body["status"] == "withdrawn"
    assert body["symbol"] == issued_en.symbol and body["file"] == "package"
    assert body["withdrawn_at"] and body["signature_checked"] is True
    for language, words in (("en", "withdrew this document"),
                            ("ru", "отозвал этот документ"), ("kk", "кері шақырып алды")):
        client = Client(HTTP_HOST="127.0.0.1")
        page = _verify_page(data, client) if language == "en" else client.post(
            f"/{language}/verify/", {"file": _named(data)})
        assert words in page.content.decode(), language


def _named(data):
    upload = io.BytesIO(data)
    upload.name = "copy.pdf"
    return upload


def test_the_verification_address_names_only_its_own_file(issued_en, issue):
    other = issue(pdfs=True)  # another state's document: stand-in files, never sealed
    rendered = _files(issued_en)["en"]
    client = Client(HTTP_HOST="127.0.0.1")
    page = client.get(reverse("seal:address", args=[rendered.seal.token]))
    assert page.status_code == 200
    text = page.content.decode()
    assert issued_en.symbol in text and rendered.sha256 in text
    assert text_digest(issued_en) in text  # the printed line shows its first characters
    assert other.symbol not in text
    # A guessed token, a token of the right shape, and the other file's would-be token.
    from cica_docs.seal.services import token_for

    for token in ("0" * 32, rendered.seal.token[:-1] + "x", token_for(other.pk, "en")):
        assert client.get(reverse("seal:address", args=[token])).status_code == 404
    assert not Seal.objects.filter(rendered_file__document=other).exists()


def test_verification_is_rate_limited(settings, issued_en):
    settings.VERIFY_RATE_PER_MINUTE = 2
    client = Client(HTTP_HOST="127.0.0.1", REMOTE_ADDR="198.51.100.7")
    token = _files(issued_en)["en"].seal.token
    codes = [client.get(reverse("seal:address", args=[token])).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.post("/api/v1/verify/", {"file": _named(b"%PDF-1.7")}).status_code == 429


def test_files_sealed_with_a_replaced_certificate_still_verify(
        settings, issue, tmp_path, seal_authority):
    first = issue(render=True, languages=("en",))
    # The Secretariat's new key, from a new CA that verifications trust beside the old.
    ca_key, ca = keys.new_authority("CICA Docs second CA")
    key, certificate = keys.issue_certificate(ca_key, ca, "CICA Secretariat seal 2027")
    keys.write_pkcs12(tmp_path / "new.p12", key, certificate, [ca], b"new-password")
    (tmp_path / "ca2.pem").write_bytes(
        ca.public_bytes(__import__("cryptography.hazmat.primitives.serialization",
                                   fromlist=["Encoding"]).Encoding.PEM))
    settings.SEAL_PKCS12 = str(tmp_path / "new.p12")
    settings.SEAL_PKCS12_PASSWORD = "new-password"
    settings.SEAL_TRUST_ROOTS = [str(seal_authority[1]), str(tmp_path / "ca2.pem")]
    second = issue(render=True, languages=("en",))

    seen = {}
    for document in (first, second):
        data = _data(_files(document)["en"])
        body = Client(HTTP_HOST="127.0.0.1").post(
            "/api/v1/verify/", {"file": io.BytesIO(data)}).json()
        assert body["valid"] is True, body
        seen[document.pk] = body["certificate"]["subject"]
    assert "CICA Secretariat seal (demo)" in seen[first.pk]
    assert "CICA Secretariat seal 2027" in seen[second.pk]


def test_a_missing_key_fails_the_rendering_visibly_and_stores_nothing(settings, issue, tmp_path):
    settings.SEAL_PKCS12 = str(tmp_path / "absent.p12")
    note = issue(render=True, pdfs=False, languages=("en",))
    note.rendering.refresh_from_db()
    assert note.rendering.status != "ready"
    assert "sealing key" in note.rendering.error
    assert not RenderedFile.objects.filter(document=note).exists()
