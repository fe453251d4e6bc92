"""Builders for documents in the states tests need, through the real services."""

from cica_docs.documents import services
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Series
from notes.models import Addressee

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


def note_content(*, series=None, addressee=None, languages=("en", "ru", "kk"), **overrides):
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
        },
        "plain": {"addressee": addressee.pk if addressee else None, "closing": True},
        "languages": list(languages),
        "series": series.pk if series else None,
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
    services.document_transition(document=note, action="submit", by=drafter)
    services.document_transition(document=note, action="approve", by=reviewer)
    note.refresh_from_db()
    return note


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
