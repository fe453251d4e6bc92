"""The addressees moved from the notes app to the platform (notes 0006): every row keeps
its id and every language's forms, new rows get fresh ids, the notes point at them, and the
administrators keep the right to edit them."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from cica_docs.letterhead.models import Addressee, Letterhead
from tests.factories import make_note

COLUMNS = ("id", "code", "dative", "dative_en", "dative_ru", "dative_kk",
           "block", "block_en", "block_ru", "block_kk")
ROWS = [
    (7, "mfa-india", "the Ministry", "the Ministry", "Министерству", "Министрлігіне",
     "MINISTRY", "MINISTRY", "МИНИСТЕРСТВО", "МИНИСТРЛІГІ"),
    (9, "mfa-kz", "the MFA", "the MFA", "МИД", "СІМ", "MFA", "MFA", "МИД", "СІМ"),
]


def test_every_addressee_survives_the_move_to_the_platform(reference_data, drafter):
    # reference_data: an earlier transactional test may have flushed what migrations load.
    call_command("migrate", "notes", "0005_formula_placeholders", verbosity=0)
    marks = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        for row in ROWS:
            cursor.execute(f"INSERT INTO notes_addressee ({', '.join(COLUMNS)}) "
                           f"VALUES ({marks})", row)
    call_command("migrate", verbosity=0)

    kept = {a.pk: tuple(getattr(a, name) for name in COLUMNS)
            for a in Addressee.objects.filter(pk__in=[7, 9])}
    assert kept == {row[0]: row for row in ROWS}
    assert Addressee.objects.filter(code="cica-member-states").exists()
    assert Addressee.objects.create(code="new", dative="x", block="X").pk > 9
    assert "notes_addressee" not in connection.introspection.table_names()
    note = make_note(drafter, addressee=Addressee.objects.get(pk=9))
    assert note.addressee.code == "mfa-kz"
    admin = Group.objects.get(name="admin")
    assert admin.permissions.filter(content_type__app_label="letterhead",
                                    codename="change_addressee").exists()


def test_the_letterhead_and_sender_names_move_to_the_platform_and_back(reference_data):
    """notes 0007: every language's letterhead, names, place and the emblem survive the move
    (and the way back); the collective addressee keeps its block in capitals."""
    call_command("migrate", "notes", "0006_addressee_to_letterhead", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE notes_formulaset SET sender_short_kk = %s, place_ru = %s, "
                       "letterhead_en = %s, emblem = %s, enclosure_template_kk = %s",
                       ["Хатшылық", "город Алматы", "LINE ONE\nLINE TWO", "letterhead/e.png",
                        "Қосымша: {pages} бет."])
    call_command("migrate", verbosity=0)

    row = Letterhead.current()
    assert (row.sender_short_kk, row.place_ru, row.letterhead_en, row.emblem.name) == (
        "Хатшылық", "город Алматы", "LINE ONE\nLINE TWO", "letterhead/e.png")
    assert row.sender_full_ru.startswith("Секретариат Совещания")
    assert row.enclosure_template_kk == "Қосымша: {pages} бет."
    assert Addressee.objects.get(code="cica-member-states").block_in_capitals
    assert not Addressee.objects.create(code="new-one", dative="x", block="x").block_in_capitals
