"""Builders for documents in the states tests need, through the real services."""

import functools

from cica_docs.documents import services
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Series
from cica_docs.letterhead.models import Addressee

REFERENCE = {
    "title": {
        "en": "Concept Paper on relations with the UN Office of Counter-Terrorism",
        "ru": "Концепция отношений с Контртеррористическим управлением ООН",
        "kk": "БҰҰ Терроризмге қарсы басқармасымен қатынастар тұжырымдамасы",
    },
    "opening": {
        "en": "submit the Concept Paper on the Establishment of Relations between the "
              "Secretariat and the United Nations Office of Counter-Terrorism for consideration "
              "of the Member States.",
        "ru": "направить на рассмотрение государств-членов Концепцию установления отношений "
              "между Секретариатом и Контртеррористическим управлением Организации "
              "Объединенных Наций.",
        "kk": "мүше мемлекеттердің қарауына Хатшылық пен Біріккен Ұлттар Ұйымының "
              "Терроризмге қарсы басқармасы арасындағы қатынастарды орнату тұжырымдамасын "
              "жолдауды",
    },
    "body": {
        "en": "The issue is tentatively scheduled for consideration at the meetings of the "
              "CICA Special Working Group on 12 March and the CICA Senior Officials Committee "
              "on 14 March 2024.",
        "ru": "Вопрос предварительно планируется к рассмотрению на заседаниях Специальной "
              "рабочей группы 12 марта и Комитета старших должностных лиц СВМДА 14 марта "
              "2024 года.",
        "kk": "Мәселе 2024 жылғы 12 наурызда өтетін Арнаулы жұмыс тобының және 14 наурызда "
              "өтетін Аға лауазымды тұлғалар комитетінің отырыстарында қаралады деп "
              "жоспарланып отыр.",
    },
}


def note_content(*, series=None, addressee=None, languages=("en", "ru", "kk"), enclosures=(),
                 **overrides):
    if series is None:
        series = Series.objects.get_or_create(code="NCT/CT", defaults={"next_number": 275})[0]
    if addressee is None:
        addressee = Addressee.objects.get(code="cica-member-states")
    content = {
        "title": dict(REFERENCE["title"]),
        "fields": {
            "opening": dict(REFERENCE["opening"]),
            "body": dict(REFERENCE["body"]),
            "place": {"en": "", "ru": "", "kk": ""},
            "reference_sender": {"en": "", "ru": "", "kk": ""},
        },
        "plain": {"addressee": addressee.pk if addressee else None, "closing": True,
                  "print_subject": False, "reference_relation": "",
                  "reference_document": None, "reference_number": "",
                  "reference_date": None},
        "languages": list(languages),
        "series": series.pk if series else None,
        "enclosures": list(enclosures),
    }
    for key, value in overrides.items():
        field, _, lang = key.rpartition("_")
        target = content["title"] if field == "title" else content["fields"][field]
        target[lang] = value
    return content


def make_note(author, **kwargs):
    return services.document_create(
        kind=get_kind("note"), author=author, content=note_content(**kwargs)
    )


def approved_note(drafter, reviewer, **kwargs):
    note = make_note(drafter, **kwargs)
    # A test's own wording (a title "Only for India") leaves the reference text's CICA terms
    # without their equivalent: the drafter and the reviewer confirm the termbase's
    # warnings, as in the editor.
    services.document_transition(document=note, action="submit", by=drafter,
                                 acknowledge_warnings=True)
    services.document_transition(document=note, action="approve", by=reviewer,
                                 acknowledge_warnings=True)
    signed_off(note)
    note.refresh_from_db()
    return note


def language_reviser(*languages):
    """A reviser of `languages` (default all), named as an administrator would name one."""
    from django.contrib.auth.models import Group

    from cica_docs.accounts.models import User
    from cica_docs.languages import language_codes
    from cica_docs.workbench.models import LanguageRight

    user, created = User.objects.get_or_create(
        username="language.reviser", defaults={"first_name": "Гульнара", "last_name": "Ахметова"})
    if created:
        user.groups.set(Group.objects.filter(name="reviewer"))
    for lang in languages or language_codes():
        LanguageRight.objects.get_or_create(user=user, language=lang,
                                            defaults={"granted_by": user})
    return user


def signed_off(document, reviser=None):
    """Every language of `document` signed off on its current revision by a reviser."""
    from cica_docs.workbench.signoffs import language_sign_off, standings

    document.refresh_from_db()
    reviser = reviser or language_reviser()
    found = standings(document)
    for lang in document.languages:
        if found.get(lang) is None or found[lang].signoff is None:
            language_sign_off(document=document, language=lang, by=reviser,
                              revision_number=document.revision_number)
    return document


def correction_issued(original, *, drafter, reviewer, registrar):
    """The correction of an issued document, taken through review and issued."""
    correction, _left_out = services.document_correct(document=original, by=drafter)
    for action, who in (("submit", drafter), ("approve", reviewer)):
        services.document_transition(document=correction, action=action, by=who,
                                     acknowledge_warnings=True)
    signed_off(correction)
    services.document_issue(document=correction, by=registrar, acknowledge_warnings=True)
    correction.refresh_from_db()
    return correction


CONCEPT = {
    "title": {
        "en": "on Cooperation between the CICA Secretariat and a Regional Organisation",
        "ru": "сотрудничества между Секретариатом СВМДА и региональной организацией",
        "kk": "",
    },
    "body": {
        "en": "# INTRODUCTION\n\nThe Conference was founded in 1992.\n\n"
              "# AREAS OF COOPERATION\n\n- exchange of information;\n- joint seminars.",
        "ru": "# ВВЕДЕНИЕ\n\nСовещание было основано в 1992 году.\n\n"
              "# НАПРАВЛЕНИЯ СОТРУДНИЧЕСТВА\n\n- обмен информацией;\n- совместные семинары.",
        "kk": "",
    },
    "author": {"en": "CICA Secretariat", "ru": "Секретариат СВМДА", "kk": ""},
}


def concept_content(*, languages=("en", "ru"), paper_date="2024-03-01", enclosures=()):
    return {
        "title": dict(CONCEPT["title"]),
        "fields": {"body": dict(CONCEPT["body"]), "author": dict(CONCEPT["author"])},
        "plain": {"paper_date": paper_date},
        "languages": list(languages),
        "series": None,
        "enclosures": list(enclosures),
    }


def make_concept(author, **kwargs):
    return services.document_create(
        kind=get_kind("concept"), author=author, content=concept_content(**kwargs)
    )


def approved_concept(drafter, reviewer, **kwargs):
    paper = make_concept(drafter, **kwargs)
    services.document_transition(document=paper, action="submit", by=drafter,
                                 acknowledge_warnings=True)
    services.document_transition(document=paper, action="approve", by=reviewer,
                                 acknowledge_warnings=True)
    paper.refresh_from_db()
    return paper


# --- PDF files as they arrive from outside, for uploaded enclosures ---------------------------

A4 = (595.28, 841.89)
LETTER = (612, 792)


def foreign_pdf(*, pages=1, size=A4, font=None, javascript=False, attachment=False,
                password=None) -> bytes:
    """A PDF made by other software (pypdf), optionally with a text in a font that is not
    embedded, a script, an embedded file or a password."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        TextStringObject,
    )

    writer = PdfWriter()
    for _number in range(pages):
        page = writer.add_blank_page(*size)
        if font:
            font_ref = writer._add_object(DictionaryObject({
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject(f"/{font}"),
            }))
            page[NameObject("/Resources")] = DictionaryObject({
                NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref}),
            })
            stream = DecodedStreamObject()
            stream.set_data(b"BT /F1 12 Tf 72 720 Td (Programme of the meeting) Tj ET")
            page[NameObject("/Contents")] = writer._add_object(stream)
    if javascript:
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello');"),
        })
    if attachment:
        writer.add_attachment("list.txt", b"names")
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@functools.cache
def house_pdf(text="Provisional programme of the meeting", pages=1) -> bytes:
    """A PDF with embedded fonts on A4 (WeasyPrint), like one made with care elsewhere.
    Rendered once per session for each (text, pages): the renderer is deterministic, and
    the bytes cannot be changed by a test."""
    from cica_docs.rendering.pdf import render_pdf

    breaks = "".join(f"<p style='break-before: page'>{text} {n}</p>" for n in range(2, pages + 1))
    return render_pdf(html=f"<html lang='en'><body><h1>{text}</h1>{breaks}</body></html>",
                      title=text, author="", language="en")


def upload_file(user, data: bytes | None = None, title="Provisional programme"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cica_docs.documents.uploads import enclosed_file_create

    data = house_pdf() if data is None else data
    upload = SimpleUploadedFile("programme.pdf", data, content_type="application/pdf")
    return enclosed_file_create(upload=upload, title=title, by=user)[0]


_STAND_IN = {}


def pdfs_stored(document):
    """Store a small real PDF as each official PDF of an issued `document` and mark its
    rendering ready, as a worker would have: for tests of what comes after the rendering
    (dispatch, notices), which need not render the document itself."""
    import hashlib

    from django.core.files.base import ContentFile

    from cica_docs.issuing.models import RenderedFile, Rendering
    from cica_docs.issuing.services import file_name, missing_pdfs

    if "pdf" not in _STAND_IN:
        _STAND_IN["pdf"] = house_pdf("Stand-in for the official PDF")
    data = _STAND_IN["pdf"]
    for variant in missing_pdfs(document):
        name = file_name(document, variant)
        record = RenderedFile(document=document, variant=variant, filename=name, pages=1,
                              sha256=hashlib.sha256(data).hexdigest(), size=len(data))
        record.file.save(name, ContentFile(data), save=False)
        record.save()
    Rendering.objects.update_or_create(document=document,
                                       defaults={"status": Rendering.Status.READY})
    return document
