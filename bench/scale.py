"""`make bench-scale`: the lists, searches and inbox at 100,000 documents (not a test: figures).

Creates a PostgreSQL database of its own (`cica_bench_scale`, as the `postgres` superuser;
dropped first if it is left over), migrates it as the owner (cica_owner), loads 100,000
notes — each with its revision and search texts in three languages; three in five issued,
each issued one dispatched, every sixth to Kazakhstan, so the Kazakh delegate's inbox holds
~10,000 entries — with COPY, then asks the real views through the Django test client as
the app's runtime role (cica_app) and prints p50/p95 and the queries of each request beside
its target (p95 ≤ 50 ms), with pass/fail. The database is dropped at the end (--keep keeps
it).

    python -m bench.scale [--documents N] [--runs N] [--keep]
"""

import argparse
import contextlib
import csv
import datetime
import hashlib
import io
import json
import os
import random
import statistics
import sys
import time
import warnings

DATABASE = "cica_bench_scale"
HOST = os.environ.get("BENCH_PG_HOST", "127.0.0.1:5432")
SUPERUSER = f"postgres://postgres@{HOST}"
TARGET_MS = 50
LANGS = ("en", "ru", "kk")

_COMMON = {
    "en": "member states confirm commitment dialogue confidence building measures security "
          "cooperation economic dimension environmental secretariat conference ministers "
          "meeting senior officials committee working group report implementation plan "
          "action priority area partner observer sustainable development energy water",
    "ru": "государства члены подтверждают приверженность диалогу мерам доверия безопасности "
          "сотрудничеству экономическому измерению секретариат конференция министров "
          "заседание старших должностных лиц комитет рабочая группа доклад реализация план "
          "действий приоритетное направление партнер наблюдатель устойчивое развитие энергия",
    "kk": "мүше мемлекеттер сенім шаралары қауіпсіздік ынтымақтастық экономикалық өлшем "
          "хатшылық министрлер кеңесі отырыс аға лауазымды тұлғалар комитеті жұмыс тобы "
          "баяндама іске асыру іс қимыл жоспары басым бағыт әріптес бақылаушы тұрақты даму",
}
_SYLLABLES = {  # the rare words are made of these
    "en": ["ba", "ce", "di", "fo", "gu", "ha", "ki", "lo", "mu", "ne", "pa", "ri", "so", "tu",
           "va", "we", "xo", "za"],
    "ru": ["ба", "ве", "ги", "до", "жу", "зо", "ки", "ло", "му", "не", "по", "ре", "су", "ты",
           "фа", "хе", "цо", "ша"],
    "kk": ["бә", "ғы", "дө", "жү", "қа", "ла", "мұ", "нө", "өр", "пі", "рә", "сү", "тұ", "ұл",
           "үй", "ші", "ың", "іс"],
}
RARE_WORDS = 2000  # distinct rare words per language: each in ~100 documents of 100,000


def _rare_words(lang: str) -> list[str]:
    syllables = _SYLLABLES[lang]
    words = []
    for n in range(RARE_WORDS):
        word, k = "", n + 7 * len(syllables) ** 2
        while k:
            word, k = word + syllables[k % len(syllables)], k // len(syllables)
        words.append(word)
    return words


def _environment():
    os.environ["DATABASE_URL"] = f"postgres://cica_app@{HOST}/{DATABASE}"
    os.environ["DATABASE_OWNER_URL"] = f"postgres://cica_owner@{HOST}/{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cica_docs.settings")


@contextlib.contextmanager
def _superuser(database="postgres"):
    import psycopg2

    connection = psycopg2.connect(f"{SUPERUSER}/{database}")
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def _create_database():
    with _superuser() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{DATABASE}" OWNER cica_owner')


def _drop_database():
    from django.db import connections

    connections.close_all()
    with _superuser() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def _people():
    """The staff and the delegate the requests are made as, and the fixed records."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import Token

    from cica_docs.accounts import roles
    from cica_docs.circulation.models import CirculationList, MemberState
    from cica_docs.documents.models import Series
    from cica_docs.letterhead.models import Addressee

    User = get_user_model()
    staff = User.objects.create_user("bench.registrar", email="registrar@example.org")
    staff.groups.set(Group.objects.filter(name__in=[roles.DRAFTER, roles.REVIEWER,
                                                    roles.REGISTRAR]))
    kaz = MemberState.objects.get(code="KAZ")
    delegate = User.objects.create_user("bench.delegate", email="delegate@example.kz",
                                        member_state=kaz)
    delegate.groups.set(Group.objects.filter(name=roles.DELEGATE))
    circulation_list = CirculationList.objects.order_by("-is_default", "pk").first()
    if circulation_list is None:
        circulation_list = CirculationList.objects.create(name="All member states",
                                                          created_by=staff, updated_by=staff)
    return {
        "staff": staff, "delegate": delegate, "kaz": kaz.pk,
        "states": list(MemberState.objects.order_by("pk").values_list("pk", flat=True)),
        "series": Series.objects.get_or_create(code="NCT/CT")[0].pk,
        "addressee": Addressee.objects.order_by("pk").values_list("pk", flat=True).first(),
        "list": circulation_list.pk,
        "staff_token": Token.objects.create(user=staff).key,
        "delegate_token": Token.objects.create(user=delegate).key,
    }


def _copy(cursor, table, columns, rows):
    """COPY `rows` into `table` as CSV: None is NULL (unquoted), "" an empty string."""
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_NOTNULL).writerows(rows)
    buffer.seek(0)
    cursor.copy_expert(f'COPY "{table}" ({", ".join(columns)}) FROM STDIN WITH (FORMAT csv)',
                       buffer)


def _texts(rng, lang, rare):
    common = _COMMON[lang].split()
    title = " ".join([*rng.sample(common, 5), rare[rng.randrange(RARE_WORDS)]])
    body = " ".join([*rng.choices(common, k=60), rare[rng.randrange(RARE_WORDS)],
                     rare[rng.randrange(RARE_WORDS)]])
    return title, body


def _load(people, count):
    """`count` notes with what a list, a search and an inbox read; COPY as the superuser
    (triggers off: the rows are made whole, as the services would make them)."""
    from cica_docs.documents.search import texts

    rng = random.Random(14)
    rare = {lang: _rare_words(lang) for lang in LANGS}
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    staff = people["staff"].pk
    others = [pk for pk in people["states"] if pk != people["kaz"]]
    documents, notes, revisions, issued, dispatches, recipients, search = ([] for _ in range(7))
    number = 0
    for pk in range(1, count + 1):
        at = start + datetime.timedelta(minutes=7 * pk)
        pair = {lang: _texts(rng, lang, rare[lang]) for lang in LANGS}
        titles = {lang: pair[lang][0] for lang in LANGS}
        bodies = {lang: pair[lang][1] for lang in LANGS}
        is_issued = pk % 5 < 3
        state = "issued" if is_issued else ("draft", "submitted")[pk % 2]
        doc_number = None
        if is_issued:
            number += 1
            doc_number = number
        content = {
            "title": titles,
            "fields": {"opening": {lang: "" for lang in LANGS}, "body": bodies,
                       "place": {lang: "" for lang in LANGS}},
            "plain": {"addressee": people["addressee"], "closing": True},
            "languages": list(LANGS), "series": people["series"], "enclosures": [],
        }
        encoded = json.dumps(content, ensure_ascii=False)
        documents.append((pk, "note", titles["en"], titles["en"], titles["ru"], titles["kk"],
                          state, doc_number, 0, at.date() if is_issued else None,
                          json.dumps(list(LANGS)), 1, at, at, staff, people["series"],
                          "", "", ""))
        notes.append((pk, "", "", "", "", bodies["en"], bodies["en"], bodies["ru"],
                      bodies["kk"], True, "", "", "", "", people["addressee"], False))
        revisions.append((pk, 1, encoded, hashlib.sha256(encoded.encode()).hexdigest(),
                          json.dumps(list(LANGS)), "[]", at, "", staff, pk))
        for lang, (title, body) in texts(content).items():
            search.append((pk, lang, title, body))
        if is_issued:
            issued.append((pk, f"NCT/CT/{doc_number}", at.date(), at, pk, staff, pk))
            dispatches.append((pk, at, people["list"], staff, pk, pk))
            states = {others[pk % len(others)], others[(pk * 7) % len(others)]}
            if pk % 10 == 0:  # every sixth issued document: 10 % of all, 1 in 6 issued
                states.add(people["kaz"])
            recipients += [(pk, pk, state_pk) for state_pk in sorted(states)]
    with _superuser(DATABASE) as cursor:
        cursor.execute("SET session_replication_role = replica")
        _copy(cursor, "documents_document",
              ["id", "kind", "title", "title_en", "title_ru", "title_kk", "state", "number",
               "number_year", "issued_on", "languages", "revision_number", "created_at",
               "updated_at", "created_by_id", "series_id", "reference_relation",
               "reference_sender", "reference_number"], documents)
        _copy(cursor, "notes_note",
              ["document_ptr_id", "opening", "opening_en", "opening_ru", "opening_kk", "body",
               "body_en", "body_ru", "body_kk", "closing", "place", "place_en", "place_ru",
               "place_kk", "addressee_id", "print_subject"], notes)
        _copy(cursor, "documents_revision",
              ["id", "number", "content", "content_hash", "changed_languages",
               "modified_languages", "created_at", "comment", "author_id", "document_id"],
              revisions)
        _copy(cursor, "documents_issuedrevision",
              ["id", "symbol", "issued_on", "issued_at", "document_id", "issued_by_id",
               "revision_id"], issued)
        _copy(cursor, "circulation_dispatch",
              ["id", "dispatched_at", "circulation_list_id", "dispatched_by_id",
               "document_id", "issued_id"], dispatches)
        _copy(cursor, "circulation_dispatchrecipient", ["dispatch_id", "document_id",
                                                         "state_id"], recipients)
        _copy(cursor, "documents_searchtext", ["document_id", "language", "title", "body"],
              search)
        cursor.execute("UPDATE documents_series SET next_number = %s WHERE id = %s",
                       [number + 1, people["series"]])
        for table in ("documents_document", "documents_revision", "documents_issuedrevision",
                      "circulation_dispatch"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 (our table names)
                           f"(SELECT max(id) FROM {table}))")
    # The vectors as the app computes them (documents.search), then fresh statistics.
    from django.db import connection as django_connection

    from cica_docs.database.roles import owner_connection
    from cica_docs.documents.models import SearchText
    from cica_docs.documents.search import vectors_fill

    with owner_connection():
        vectors_fill(SearchText.objects.all())
    django_connection.close()
    with _superuser(DATABASE) as cursor:
        cursor.execute("VACUUM ANALYZE")
    rare_title = next(t for t in documents[count // 2][3].split() if t in set(rare["en"]))
    return {
        "issued": number,
        "kaz": sum(1 for row in recipients if row[2] == people["kaz"]),
        "rare_title": rare_title,
        "rare_body_en": next(w for w in notes[count // 3][6].split() if w in set(rare["en"])),
        "rare_body_ru": next(w for w in notes[count // 4][7].split() if w in set(rare["ru"])),
        "rare_body_kk": next(w for w in notes[count // 5][8].split() if w in set(rare["kk"])),
        "dispatch": dispatches[len(dispatches) // 2][0],
    }


def _cursor_url(client, path, number, **headers):
    """The URL of page `number` as a user reaches it: the Next link of the page before
    (a cursor, cica_docs/pagination.py), where the page before was opened by its number."""
    import re
    from html import unescape
    from urllib.parse import urlsplit

    response = client.get(f"{path}?page={number - 1}", **headers)
    if path.startswith("/api/"):
        link = urlsplit(response.json()["next"])
        return f"{link.path}?{link.query}"
    found = re.search(r'href="\?([^"]*cursor=[^"]+)">Next<', response.content.decode())
    return f"{path}?{unescape(found.group(1))}"


def _measure(client, url, runs, **headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, db_times, queries = [], [], 0
    for run in range(runs + 2):
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            response = client.get(url, **headers)
            elapsed = (time.perf_counter() - began) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        if run >= 2:  # the first two warm the caches
            times.append(elapsed)
            db_times.append(sum(float(query["time"]) for query in captured) * 1000)
            queries = len(captured)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, statistics.median(db_times), queries


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args(argv)
    _environment()
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client, override_settings

    from bench.signin import sign_in

    began = time.perf_counter()
    _create_database()
    call_command("migrate", verbosity=0)
    people = _people()
    facts = _load(people, args.documents)
    loaded = time.perf_counter() - began
    print(f"Loaded {args.documents:,} documents ({facts['issued']:,} issued and dispatched; "
          f"the Kazakh inbox holds {facts['kaz']:,}) in {loaded:.0f} s.\n")

    staff, delegate = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    sign_in(staff, people["staff"])
    sign_in(delegate, people["delegate"])
    staff_api = {"HTTP_AUTHORIZATION": f"Token {people['staff_token']}"}
    delegate_api = {"HTTP_AUTHORIZATION": f"Token {people['delegate_token']}"}
    middle = facts["issued"] // 2
    from cica_docs.circulation.portal.views import PER_PAGE

    # Three quarters of the way down each list: OFFSET's cost, where it is the highest
    # anyone pages to.
    deep_work = args.documents // 25 * 3 // 4
    deep_api = args.documents // 50 * 3 // 4
    deep_inbox = facts["kaz"] // PER_PAGE * 3 // 4
    deep_api_inbox = facts["kaz"] // 50 * 3 // 4
    rows = [
        ("work list", staff, "/en/work/", {}),
        (f"work list, deep page ({deep_work}) by number", staff, f"/en/work/?page={deep_work}",
         {}),
        (f"work list, deep page ({deep_work}) by cursor", staff,
         lambda: _cursor_url(staff, "/en/work/", deep_work), {}),
        ("search by subject (part of a word)", staff, f"/en/work/?q={facts['rare_title'][1:]}",
         {}),
        ("search by number", staff, f"/en/work/?q=NCT/CT/{middle}", {}),
        ("full-text body search, English", staff, f"/en/work/?q={facts['rare_body_en']}", {}),
        ("full-text body search, Russian", staff, f"/ru/work/?q={facts['rare_body_ru']}", {}),
        ("full-text body search, Kazakh", staff, f"/kk/work/?q={facts['rare_body_kk']}", {}),
        ("full-text search, a word in every document", staff, "/en/work/?q=security", {}),
        ("delegate inbox", delegate, "/en/portal/", {}),
        (f"delegate inbox, deep page ({deep_inbox}) by number", delegate,
         f"/en/portal/?page={deep_inbox}", {}),
        (f"delegate inbox, deep page ({deep_inbox}) by cursor", delegate,
         lambda: _cursor_url(delegate, "/en/portal/", deep_inbox), {}),
        ("delegate inbox search, body", delegate, f"/en/portal/?q={facts['rare_body_en']}",
         {}),
        ("API notes, page 1", staff, "/api/v1/notes/", staff_api),
        (f"API notes, deep page ({deep_api}) by number", staff,
         f"/api/v1/notes/?page={deep_api}", staff_api),
        (f"API notes, deep page ({deep_api}) by cursor", staff,
         lambda: _cursor_url(staff, "/api/v1/notes/", deep_api, **staff_api), staff_api),
        ("API notes, page of 200", staff, "/api/v1/notes/?page_size=200", staff_api),
        ("API inbox, page 1", delegate, "/api/v1/inbox/", delegate_api),
        (f"API inbox, deep page ({deep_api_inbox}) by number", delegate,
         f"/api/v1/inbox/?page={deep_api_inbox}", delegate_api),
        (f"API inbox, deep page ({deep_api_inbox}) by cursor", delegate,
         lambda: _cursor_url(delegate, "/api/v1/inbox/", deep_api_inbox, **delegate_api),
         delegate_api),
        ("dispatch and its receipts", staff, f"/en/circulation/dispatches/{facts['dispatch']}/",
         {}),
        ("API receipts of a document", staff, f"/api/v1/notes/{facts['dispatch']}/receipts/",
         staff_api),
        ("API revisions of a document", staff, f"/api/v1/notes/{facts['dispatch']}/revisions/",
         staff_api),
    ]
    print(f"{'figure':<46} {'p50 ms':>7} {'p95 ms':>7} {'SQL ms':>7} {'queries':>7}  target")
    failed = 0
    # Static files as found, not from a collected manifest (there is none here).
    plain_static = override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}})
    try:
        plain_static.enable()
        for label, client, url, headers in rows:
            url = url() if callable(url) else url  # a cursor link, read from the page before
            p50, p95, sql, queries = _measure(client, url, args.runs, **headers)
            ok = p95 <= TARGET_MS
            failed += not ok
            print(f"{label:<46} {p50:>7.1f} {p95:>7.1f} {sql:>7.1f} {queries:>7}  "
                  f"≤ {TARGET_MS} ms p95 {'pass' if ok else 'FAIL'}", flush=True)
    finally:
        plain_static.disable()
        if not args.keep:
            _drop_database()
    print(f"\n{len(rows) - failed} of {len(rows)} within target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
