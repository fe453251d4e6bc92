"""Uploaded PDFs are rewritten, not trusted (SECURITY.md 14): what is stored, merged and
downloaded has no action but plain internal links; a file that does not start as a PDF is
refused. Each construction is built here with pikepdf and read back with pikepdf."""

import hashlib
import io

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pikepdf import Array, Dictionary, Name, String

from cica_docs.audit.models import AuditEvent
from cica_docs.documents.models import EnclosedFile
from cica_docs.documents.uploads import UploadRefused, enclosed_file_create
from cica_docs.issuing.packages import render_one
from tests.api.conftest import token_client
from tests.factories import house_pdf, make_note
from tests.rendering.conftest import pdftotext

pytestmark = pytest.mark.django_db

# Action types of ISO 32000-2, 12.6.4, but the internal jump.
ACTIONS_BUT_GOTO = {
    "/GoToR", "/GoToE", "/GoToDp", "/Launch", "/Thread", "/URI", "/Sound", "/Movie", "/Hide",
    "/Named", "/SubmitForm", "/ResetForm", "/ImportData", "/JavaScript", "/SetOCGState",
    "/Rendition", "/Trans", "/GoTo3DView", "/RichMediaExecute",
}
UNC = "\\\\10.66.66.66\\share\\p.pdf"
WEB = "http://198.51.100.7/track"


@pytest.fixture(scope="module")
def base_pdf():
    """Two pages of real text with embedded fonts (WeasyPrint), as made elsewhere."""
    return house_pdf(text="Provisional programme of the meeting", pages=2)


def _uri(address=WEB):
    return Dictionary(S=Name.URI, URI=String(address))


def _gotor():
    return Dictionary(S=Name.GoToR, F=String(UNC), D=Array([0, Name.Fit]))


def _link(pdf, action=None, dest=None):
    annotation = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([72, 72, 300, 100]))
    if action is not None:
        annotation.A = action
    if dest is not None:
        annotation.Dest = dest
    return pdf.make_indirect(annotation)


def _build(data, change) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def _open_action_uri(pdf):
    pdf.Root.OpenAction = _uri()


def _open_action_unc(pdf):
    pdf.Root.OpenAction = _gotor()


def _page_additional_actions(pdf):
    pdf.pages[0].obj.AA = Dictionary(O=_uri(), C=_gotor())
    pdf.Root.AA = Dictionary(WC=_uri())


def _links_to_outside(pdf):
    pdf.pages[0].obj.Annots = pdf.make_indirect(Array([
        _link(pdf, action=_gotor()), _link(pdf, action=_uri()),
        _link(pdf, action=Dictionary(S=Name.Named, N=Name.Print)),
    ]))


def _a_chain_after_an_internal_link(pdf):
    second = pdf.pages[1].obj
    pdf.pages[0].obj.Annots = Array([_link(pdf, action=Dictionary(
        S=Name.GoTo, D=Array([second, Name.Fit]), Next=_uri()))])


def _annotations_that_play(pdf):
    """A sound and a screen (video) annotation, each also reached from the structure tree,
    where removing them from the page alone would leave their payload in the file."""
    sound = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Sound,
                                         Rect=Array([0, 0, 10, 10]),
                                         Sound=pdf.make_stream(b"10.66.66.66")))
    screen = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Screen,
                                          Rect=Array([0, 0, 10, 10]), A=Dictionary(
                                              S=Name.Rendition, OP=0, AN=Name.Null)))
    pdf.pages[0].obj.Annots = Array([sound, screen])
    pdf.Root.Extra = Array([Dictionary(Type=Name.OBJR, Obj=sound),
                            Dictionary(Type=Name.OBJR, Obj=screen)])


def _bookmarks_to_outside(pdf):
    with pdf.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem("Programme", 0))
    first = pdf.Root.Outlines.First
    first.A = _gotor()


CONSTRUCTIONS = [_open_action_uri, _open_action_unc, _page_additional_actions,
                 _links_to_outside, _a_chain_after_an_internal_link,
                 _annotations_that_play, _bookmarks_to_outside]


def _within(obj):
    """`obj` and the dictionaries written directly inside it."""
    if isinstance(obj, Dictionary | pikepdf.Stream):
        yield obj
        children = obj.values()
    elif isinstance(obj, Array):
        children = obj
    else:
        return
    for child in children:
        if isinstance(child, Dictionary | Array | pikepdf.Stream) and not child.is_indirect:
            yield from _within(child)


def _actions(data) -> list[str]:
    """Every action, additional action and open action left in `data` (read with pikepdf,
    object streams included), and the outside addresses still written in it."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for top in [pdf.trailer, *pdf.objects]:
            for obj in _within(top):
                for key in ("/AA", "/OpenAction", "/JS", "/EF", "/PA"):
                    if key in obj:
                        found.append(key)
                if str(obj.get("/S")) in ACTIONS_BUT_GOTO:
                    found.append(f"action {obj.S}")
                if obj.get("/S") == Name.GoTo and "/Next" in obj:  # a chained action
                    found.append("/Next")
                if obj.get("/Subtype") in (Name.Sound, Name.Screen) and (
                        "/Sound" in obj or "/A" in obj):
                    found.append(f"annotation {obj.Subtype} that plays")
            text = top.unparse() + (top.read_bytes() if isinstance(top, pikepdf.Stream) else b"")
            for address in (b"10.66.66.66", b"198.51.100.7"):
                if address in text:
                    found.append(address.decode())
    return found


def _upload(user, data, title="Programme"):
    upload = SimpleUploadedFile("programme.pdf", data, content_type="application/pdf")
    return enclosed_file_create(upload=upload, title=title, by=user)


@pytest.mark.parametrize("construction", CONSTRUCTIONS, ids=lambda c: c.__name__.strip("_"))
def test_the_stored_file_keeps_its_pages_and_loses_every_outside_action(construction, base_pdf,
                                                                        drafter):
    data = _build(base_pdf, construction)
    assert _actions(data)  # the construction is there before the upload
    enclosed, new = _upload(drafter, data)
    stored = enclosed.file.open("rb").read()
    assert new and _actions(stored) == []
    text = pdftotext(stored)
    assert "Provisional programme of the meeting" in text and "meeting 2" in text
    assert enclosed.pages == 2 and enclosed.size == len(stored)
    assert enclosed.sha256 == hashlib.sha256(stored).hexdigest()
    event = AuditEvent.objects.get(action="enclosed_file.upload")
    assert event.detail["removed"]


def test_plain_internal_links_and_bookmarks_survive(base_pdf, drafter):
    def internal(pdf):
        second = pdf.pages[1].obj
        pdf.pages[0].obj.Annots = Array([
            _link(pdf, action=Dictionary(S=Name.GoTo, D=Array([second, Name.Fit]))),
            _link(pdf, dest=Array([second, Name.XYZ, 0, 800, 0])),
        ])
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem("Second page", 1))

    enclosed, _new = _upload(drafter, _build(base_pdf, internal))
    with pikepdf.open(enclosed.file.open("rb")) as pdf:
        links = pdf.pages[0].obj.Annots
        assert len(links) == 2
        assert str(links[0].A.S) == "/GoTo"
        assert links[0].A.D[0].objgen == pdf.pages[1].obj.objgen
        assert links[1].Dest[0].objgen == pdf.pages[1].obj.objgen
        with pdf.open_outline() as outline:
            assert [item.title for item in outline.root] == ["Second page"]


def test_what_delegates_get_in_the_package_has_no_outside_action(base_pdf, drafter):
    enclosed, _new = _upload(drafter, _build(base_pdf, _links_to_outside))
    note = make_note(drafter, enclosures=[enclosed.reference])
    package = render_one(note, "package").data
    assert _actions(package) == []
    assert "Provisional programme of the meeting" in pdftotext(package)


def test_a_file_attached_to_a_page_is_refused_like_other_embedded_files(base_pdf, drafter):
    def attach(pdf):
        payload = pdf.make_stream(b"names of the delegation", Type=Name.EmbeddedFile)
        spec = Dictionary(Type=Name.Filespec, F=String("list.txt"), EF=Dictionary(F=payload))
        pdf.pages[0].obj.Annots = Array([pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.FileAttachment, Rect=Array([0, 0, 10, 10]), FS=spec))])

    with pytest.raises(UploadRefused) as refusal:
        _upload(drafter, _build(base_pdf, attach))
    assert "scripts, actions or embedded files" in refusal.value.message
    assert not EnclosedFile.objects.exists()


@pytest.mark.parametrize("prefix", [
    b"<html><body><script>alert(1)</script></body></html>\n",
    b"\xef\xbb\xbf",  # a byte-order mark: no PDF begins with one
    b"\n",
], ids=["html_polyglot", "bom", "newline"])
def test_a_file_that_does_not_start_with_a_pdf_header_is_refused(prefix, base_pdf, drafter):
    with pytest.raises(UploadRefused) as refusal:
        _upload(drafter, prefix + base_pdf)
    assert "does not begin with a PDF header" in refusal.value.message
    assert not EnclosedFile.objects.exists()


@pytest.mark.parametrize("language, words", [
    ("en", "does not begin with a PDF header"),
    ("ru", "не начинается с заголовка PDF"),
    ("kk", "PDF тақырыбынан басталмайды"),
])
def test_the_refusal_of_a_polyglot_is_said_in_each_language(language, words, client, drafter,
                                                            base_pdf):
    client.force_login(drafter)
    upload = SimpleUploadedFile("x.pdf", b"<html>hello</html>\n" + base_pdf,
                                content_type="application/pdf")
    response = client.post(f"/{language}/work/files/", {"title": "P", "file": upload})
    assert response.status_code == 200 and words in response.text
    assert not EnclosedFile.objects.exists()


def test_the_api_refuses_a_polyglot_with_the_reason(drafter, base_pdf):
    upload = SimpleUploadedFile("x.pdf", b"<html>hello</html>\n" + base_pdf,
                                content_type="application/pdf")
    response = token_client(drafter).post("/api/v1/files/", {"title": "P", "file": upload},
                                          format="multipart")
    assert response.status_code == 400
    assert "does not begin with a PDF header" in response.json()["errors"]["file"][0]
