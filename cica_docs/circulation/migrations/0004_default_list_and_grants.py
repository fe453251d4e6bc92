from django.db import migrations

from cica_docs.accounts.migration_helpers import grant

DEFAULT_LIST = {
    "name_en": "All member states",
    "name_ru": "Все государства-члены",
    "name_kk": "Барлық мүше мемлекеттер",
}

# Frozen copy of the grants made here (roles.ROLE_PERMISSIONS may grow).
ROLE_PERMISSIONS = {
    "admin": [
        "circulation.view_circulationlist",
        "circulation.add_circulationlist",
        "circulation.change_circulationlist",
        "circulation.delete_circulationlist",
    ],
}


def create_default_list(apps, schema_editor):
    CirculationList = apps.get_model("circulation", "CirculationList")
    MemberState = apps.get_model("circulation", "MemberState")
    default, _created = CirculationList.objects.update_or_create(
        is_default=True, defaults={"name": DEFAULT_LIST["name_en"], **DEFAULT_LIST}
    )
    default.states.set(MemberState.objects.filter(status="member"))
    grant(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("circulation", "0003_circulation_lists"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(create_default_list, migrations.RunPython.noop)]
