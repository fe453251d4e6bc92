"""The CICA terms that the reference package (shared/seed/000_5190afcc10c6634b.txt) and
FORMAT_RULES.md give in their languages. A language that neither text gives (the reference
concept paper has no Kazakh copy) is left empty rather than guessed: the term is then not
looked for in that language until an administrator adds it.

Left out on purpose: the abbreviation CICA / СВМДА / Азия Кеңесі, which the reference does not
render one-to-one ("the CICA Special Working Group" is «Специальной рабочей группы»), and the
courtesy formulas a letter words in the first person ("I avail myself" against «Пользуясь
случаем»), which would be flagged in every letter.
"""

from django.db import migrations

SOURCE_REFERENCE = "Reference package NCT/CT/274"
SOURCE_RULES = "FORMAT_RULES.md"

TERMS = [
    # (category, en, ru, kk, where it is given)
    ("body", "Senior Officials Committee", "Комитет старших должностных лиц",
     "Аға лауазымды тұлғалар комитеті", SOURCE_REFERENCE),
    ("body", "Special Working Group", "Специальная рабочая группа", "Арнаулы жұмыс тобы",
     SOURCE_REFERENCE),
    ("body", "Conference on Interaction and Confidence Building Measures in Asia",
     "Совещание по взаимодействию и мерам доверия в Азии",
     "Азиядағы өзара іс-қимыл және сенім шаралары кеңесі", SOURCE_RULES),
    ("body", "Secretariat", "Секретариат", "Хатшылық", SOURCE_RULES),
    ("body", "Member States", "государства-члены", "мүше мемлекеттер", SOURCE_REFERENCE),
    ("body", "United Nations Office of Counter-Terrorism",
     "Контртеррористическое управление Организации Объединенных Наций",
     "Біріккен Ұлттар Ұйымының Терроризмге қарсы басқармасы", SOURCE_REFERENCE),
    ("body", "Ministry of Foreign Affairs", "Министерство иностранных дел",
     "Сыртқы істер министрлігі", SOURCE_RULES),
    ("body", "United Nations Counter-Terrorism Centre",
     "Контртеррористический центр Организации Объединенных Наций", "", SOURCE_REFERENCE),
    ("body", "Ministerial Meeting", "Министерская встреча", "", SOURCE_REFERENCE),
    ("body", "Summit", "Саммит", "", SOURCE_REFERENCE),
    ("title", "Secretary General", "Генеральный секретарь", "Бас хатшы", SOURCE_RULES),
    ("title", "Excellency", "Ваше Превосходительство", "Ұлы мәртебелі мырза", SOURCE_RULES),
    ("title", "Concept Paper", "Концепция", "Тұжырымдама", SOURCE_RULES),
    ("title", "Almaty Act", "Алматинский акт", "", SOURCE_REFERENCE),
    ("title", "Catalogue of Confidence Building Measures", "Каталог мер доверия", "",
     SOURCE_REFERENCE),
    ("title", "Plan of Action", "План действий", "", SOURCE_REFERENCE),
    ("title", "Global Counter-Terrorism Strategy", "Глобальная контртеррористическая стратегия",
     "", SOURCE_REFERENCE),
    ("title", "Memorandum of Understanding", "Меморандум о взаимопонимании", "",
     SOURCE_REFERENCE),
    ("phrase", "presents its compliments to", "свидетельствует свое уважение",
     "өзінің зор ілтипатын білдіреді", SOURCE_RULES),
    ("phrase", "the assurances of its highest consideration",
     "уверения в своем весьма высоком уважении", "өзінің зор ілтипатын тағы да растайды",
     SOURCE_RULES),
]


def seed(apps, schema_editor):
    from cica_docs.termbase.matching import term_forms

    Term = apps.get_model("termbase", "Term")
    for category, en, ru, kk, source in TERMS:
        if Term.objects.filter(text_en=en).exists():
            continue
        texts = {"en": en, "ru": ru, "kk": kk}
        Term.objects.create(
            text=en, text_en=en, text_ru=ru, text_kk=kk, category=category, note=source,
            forms={lang: term_forms(text, lang) for lang, text in texts.items() if text},
        )


class Migration(migrations.Migration):
    dependencies = [("termbase", "0001_term")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
