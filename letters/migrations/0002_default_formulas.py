"""The letter's usual formulas and signatory (FORMAT_RULES.md, "Signed letter"), the
optional series CICA/SG, and the administrators' right to edit them. An administrator may
correct any of them later; a run on a database that has them changes nothing."""

from django.db import migrations

from cica_docs.accounts.migration_helpers import grant

FORMULAS = [
    ("excellency", "salutation", {
        "en": "Excellency,", "ru": "Ваше Превосходительство,", "kk": "Ұлы мәртебелі мырза!"}),
    ("dear-minister", "salutation", {
        "en": "Dear Mr. Minister,", "ru": "Уважаемый господин Министр!",
        "kk": "Құрметті Министр мырза!"}),
    ("highest-consideration-excellency", "close", {
        "en": "Please accept, Excellency, the assurances of my highest consideration.",
        "ru": "Примите, Ваше Превосходительство, уверения в моем весьма высоком уважении.",
        "kk": "Ұлы мәртебелі мырза, Сізге деген аса жоғары құрметімді қабыл алуыңызды "
              "сұраймын.",
    }),
    ("highest-consideration-minister", "close", {
        "en": "Please accept, Mr. Minister, the assurances of my highest consideration.",
        "ru": "Примите, господин Министр, уверения в моем весьма высоком уважении.",
        "kk": "Министр мырза, Сізге деген аса жоғары құрметімді қабыл алуыңызды сұраймын.",
    }),
]
SECRETARY_GENERAL = {
    "name": {"en": "Kairat Sarybay", "ru": "Кайрат Сарыбай", "kk": "Қайрат Сарыбай"},
    "title": {"en": "Secretary General", "ru": "Генеральный секретарь", "kk": "Бас хатшы"},
}


def _localized(name, per_language) -> dict:
    return {name: per_language["en"],
            **{f"{name}_{lang}": text for lang, text in per_language.items()}}


def load_defaults(apps, schema_editor):
    alias = schema_editor.connection.alias if schema_editor else "default"
    Formula = apps.get_model("letters", "Formula")
    for position, (code, part, text) in enumerate(FORMULAS):
        Formula.objects.using(alias).get_or_create(
            code=code, defaults={"part": part, "position": position, **_localized("text", text)})
    apps.get_model("letters", "Signatory").objects.using(alias).get_or_create(
        code="secretary-general", defaults={
            **_localized("name", SECRETARY_GENERAL["name"]),
            **_localized("title", SECRETARY_GENERAL["title"])})
    apps.get_model("documents", "Series").objects.using(alias).get_or_create(
        code="CICA/SG")
    grant(apps, {"admin": [f"letters.{action}_{model}" for model in ("formula", "signatory")
                           for action in ("add", "change", "view")]})


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_letter"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
