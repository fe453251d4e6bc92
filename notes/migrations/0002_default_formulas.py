from django.db import migrations

from cica_docs.accounts.migration_helpers import grant

# Defaults from FORMAT_RULES.md; an administrator may correct them later.
FORMULAS = {
    "sender_full": {
        "en": "The Secretariat of the Conference on Interaction and Confidence Building "
              "Measures in Asia (CICA)",
        "ru": "Секретариат Совещания по взаимодействию и мерам доверия в Азии (СВМДА)",
        "kk": "Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің (Азия Кеңесінің) "
              "Хатшылығы",
    },
    "sender_short": {
        "en": "The CICA Secretariat",
        "ru": "Секретариат СВМДА",
        "kk": "Азия Кеңесінің Хатшылығы",
    },
    "opening_template": {
        "en": "{sender} presents its compliments to {addressee} and has the honour to {text}",
        "ru": "{sender} свидетельствует свое уважение {addressee} и имеет честь {text}",
        "kk": "{sender} {addressee} өзінің зор ілтипатын білдіреді және {text} "
              "өзіне мәртебе санайды.",
    },
    "closing_template": {
        "en": "{sender_short} avails itself of this opportunity to renew to {addressee} "
              "the assurances of its highest consideration.",
        "ru": "{sender_short} пользуется случаем, чтобы возобновить {addressee} уверения "
              "в своем весьма высоком уважении.",
        "kk": "{sender_short} осы мүмкіндікті пайдалана отырып, {addressee} өзінің зор "
              "ілтипатын тағы да растайды.",
    },
    "enclosure_template": {
        "en": "Enclosure: as stated, on {pages} p.",
        "ru": "Приложение: упомянутое, на {pages} л.",
        "kk": "Қосымша: аталған, {pages} парақта.",
    },
    "place": {"en": "Astana", "ru": "город Астана", "kk": "Астана қаласы"},
    "letterhead": {
        "en": "SECRETARIAT OF THE CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING "
              "MEASURES IN ASIA\nСЕКРЕТАРИАТ СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ И МЕРАМ ДОВЕРИЯ В АЗИИ",
        "ru": "SECRETARIAT OF THE CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING "
              "MEASURES IN ASIA\nСЕКРЕТАРИАТ СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ И МЕРАМ ДОВЕРИЯ В АЗИИ",
        "kk": "АЗИЯДАҒЫ ӨЗАРА ІС-ҚИМЫЛ ЖӘНЕ СЕНІМ ШАРАЛАРЫ КЕҢЕСІНІҢ ХАТШЫЛЫҒЫ\n"
              "SECRETARIAT OF THE CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING "
              "MEASURES IN ASIA\nСЕКРЕТАРИАТ СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ И МЕРАМ ДОВЕРИЯ В АЗИИ",
    },
}

MEMBER_STATES = {
    "dative": {
        "en": "the CICA Member States",
        "ru": "государствам-членам СВМДА",
        "kk": "Азия Кеңесіне мүше мемлекеттерге",
    },
    "block": {
        "en": "Member States\nof the Conference on Interaction\n"
              "and Confidence Building Measures\nin Asia",
        "ru": "Государства-члены\nСовещания по взаимодействию\nи мерам доверия в Азии",
        "kk": "Азиядағы өзара іс-қимыл және\nсенім шаралары кеңесіне\nмүше мемлекеттер",
    },
}


def _localized(values):
    fields = {}
    for name, per_language in values.items():
        fields[name] = per_language["en"]
        for lang, text in per_language.items():
            fields[f"{name}_{lang}"] = text
    return fields


def load_defaults(apps, schema_editor):
    FormulaSet = apps.get_model("notes", "FormulaSet")
    Addressee = apps.get_model("notes", "Addressee")
    if not FormulaSet.objects.exists():
        FormulaSet.objects.create(**_localized(FORMULAS))
    Addressee.objects.update_or_create(code="cica-member-states", defaults=_localized(MEMBER_STATES))
    grant(apps, {"admin": [
        "notes.add_addressee", "notes.change_addressee", "notes.view_addressee",
        "notes.change_formulaset", "notes.view_formulaset",
    ]})


class Migration(migrations.Migration):
    dependencies = [
        ("notes", "0001_note"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
