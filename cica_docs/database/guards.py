"""Database triggers that make the database itself refuse what no code path may do.

The guards, each installed by a migration and installed again after every `migrate`
(`guards_install`): SQLite rebuilds a table to alter it and drops its triggers with it, so
a guard that exists only because an old migration once created it can silently vanish.

- **append-only** records (every `AppendOnlyModel`: revisions, issued revisions, dispatches,
  recipients, receipts, audit events, …): PostgreSQL refuses UPDATE and DELETE, SQLite
  UPDATE (SQLite's test flush deletes rows, so DELETE stays guarded by the models there).
- **issued documents** (`documents_document`): once a document is issued or withdrawn, its
  identity (kind, series, number, year, date of issue, subject, languages, revision,
  author, the document it corrects) never changes, and its state makes one move only,
  issued → withdrawn. PostgreSQL also refuses to delete it.
- **issued content** (each kind's own table, `<kind app>_<model>`): the text of an issued or
  withdrawn document never changes.
- **series counters** (`documents_series`): the next number never goes below the highest
  number given, and rises by more than one only with the NumberGap row of `series_skip`.
- **audited recipients** (`circulation_dispatchrecipient`): a state is given a document only
  by the dispatch service, right after the audit event that names it; an INSERT of a
  recipient by anyone else is refused.

TRUNCATE and DISABLE TRIGGER are not row operations: the runtime role is refused them by
its privileges (`cica_docs.database.roles`), and the audit log's hash chain shows what a
role with higher rights changed (`manage.py audit_verify`).
"""

from django.apps import apps as global_apps
from django.db import transaction

FROZEN_STATES = ("issued", "withdrawn")
# The columns of `documents_document` that an issued document keeps for ever (the title's
# language columns are added from the model). `state` has its own rule; `updated_at` and
# any column added later for bookkeeping stay writable.
DOCUMENT_IDENTITY = (
    "id", "kind", "series", "number", "number_year", "issued_on", "title", "languages",
    "revision_number", "corrects", "created_by", "created_at",
    # what it answers or cites (documents/references.py): part of its printed text
    "reference_relation", "reference_document", "reference_sender", "reference_number",
    "reference_date",
)
DOCUMENT_TABLE = "documents_document"

_PG_APPEND_ONLY = """
CREATE OR REPLACE FUNCTION cica_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'records of % are append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""

_PG_DOCUMENT = """
CREATE OR REPLACE FUNCTION cica_issued_document() RETURNS trigger AS $$
BEGIN
    IF OLD.state NOT IN ({frozen}) THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'issued document % cannot be deleted', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state
       AND NOT (OLD.state = 'issued' AND NEW.state = 'withdrawn') THEN
        RAISE EXCEPTION 'issued document %: its state cannot change from % to %',
            OLD.id, OLD.state, NEW.state USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF ({new}) IS DISTINCT FROM ({old}) THEN
        RAISE EXCEPTION
            'issued document %: its number, series, date, kind and subject cannot change',
            OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

# One function for every kind's table; the trigger names the column that links the row to
# its document (TG_ARGV[0]).
_PG_CONTENT = """
CREATE OR REPLACE FUNCTION cica_issued_content() RETURNS trigger AS $$
BEGIN
    IF (TG_OP = 'DELETE' OR NEW IS DISTINCT FROM OLD) AND EXISTS (
        SELECT 1 FROM documents_document
        WHERE id = (to_jsonb(OLD) ->> TG_ARGV[0])::bigint AND state IN ({frozen})
    ) THEN
        RAISE EXCEPTION 'the content of issued document % cannot change (% refused)',
            to_jsonb(OLD) ->> TG_ARGV[0], TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;
"""


# A recipient is accepted only right after the audit event of its dispatch, which names
# its state: `dispatch_create` records the event first, and holds the chain head until it
# commits, so the last event of the chain is that one (cica_docs/audit/chain.py).
RECIPIENT_TABLE = "circulation_dispatchrecipient"
_PG_RECIPIENT = """
CREATE OR REPLACE FUNCTION cica_audited_recipient() RETURNS trigger AS $$
DECLARE
    last record;
BEGIN
    SELECT action, detail, target_id INTO last FROM audit_auditevent
        ORDER BY sequence DESC LIMIT 1;
    IF last.action IS DISTINCT FROM 'document.dispatch'
       OR (last.detail ->> 'dispatch') IS DISTINCT FROM NEW.dispatch_id::text
       OR NOT coalesce(last.detail -> 'state_ids', '[]'::jsonb) @> to_jsonb(NEW.state_id)
       OR last.target_id IS DISTINCT FROM NEW.document_id::text
       OR NOT EXISTS (SELECT 1 FROM circulation_dispatch
                      WHERE id = NEW.dispatch_id AND document_id = NEW.document_id) THEN
        RAISE EXCEPTION 'no audit event records dispatch % of document % to state %',
            NEW.dispatch_id, NEW.document_id, NEW.state_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
_SQLITE_RECIPIENT = """
CREATE TRIGGER circulation_dispatchrecipient_audited BEFORE INSERT
ON circulation_dispatchrecipient
WHEN NOT EXISTS (
    SELECT 1 FROM (SELECT action, detail, target_id FROM audit_auditevent
                   ORDER BY sequence DESC LIMIT 1) AS last
    WHERE last.action = 'document.dispatch'
      AND json_extract(last.detail, '$.dispatch') = NEW.dispatch_id
      AND EXISTS (SELECT 1 FROM json_each(last.detail, '$.state_ids')
                  WHERE value = NEW.state_id)
      AND last.target_id = CAST(NEW.document_id AS TEXT)
) OR NOT EXISTS (SELECT 1 FROM circulation_dispatch
                 WHERE id = NEW.dispatch_id AND document_id = NEW.document_id)
BEGIN SELECT RAISE(ABORT, 'no audit event records this dispatch to this state'); END
"""


# The counter of a series (`documents_series.next_number`) never goes below the highest
# number given in it (in the counter's year, for a series that restarts yearly): it would
# give a number twice. It rises by one at each issue, or by more only with the NumberGap row
# that `series_skip` writes in the same transaction (the skipped numbers and the reason).
SERIES_TABLE = "documents_series"
_SERIES_HIGHEST = """(SELECT max(number) FROM documents_document
    WHERE series_id = NEW.id AND number IS NOT NULL
      AND number_year = CASE WHEN NEW.restart_yearly THEN coalesce(NEW.year, 0) ELSE 0 END)"""
_SERIES_UNRECORDED_GAP = """(NEW.next_number > OLD.next_number + 1
    AND NEW.year IS NOT DISTINCT FROM OLD.year AND NEW.restart_yearly = OLD.restart_yearly
    AND NOT EXISTS (SELECT 1 FROM documents_numbergap
                    WHERE series_id = NEW.id AND first = OLD.next_number
                      AND last = NEW.next_number - 1))"""
_PG_SERIES = f"""
CREATE OR REPLACE FUNCTION cica_series_counter() RETURNS trigger AS $$
BEGIN
    IF NEW.next_number <= {_SERIES_HIGHEST} THEN
        RAISE EXCEPTION 'series %: the counter cannot go below the highest number given',
            NEW.code USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND {_SERIES_UNRECORDED_GAP} THEN
        RAISE EXCEPTION 'series %: numbers are skipped only with their recorded reason',
            NEW.code USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
_SQLITE_SERIES = f"""
CREATE TRIGGER documents_series_counter BEFORE UPDATE ON documents_series
WHEN NEW.next_number <= {_SERIES_HIGHEST}
  OR {_SERIES_UNRECORDED_GAP.replace("IS NOT DISTINCT FROM", "IS")}
BEGIN SELECT RAISE(ABORT, 'a series counter stays above the highest number given and skips
numbers only with their recorded reason'); END
"""


def _frozen_list() -> str:
    return ", ".join(f"'{state}'" for state in FROZEN_STATES)


def _tables(connection) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def _columns(connection, table: str) -> list[str]:
    with connection.cursor() as cursor:
        return [c.name for c in connection.introspection.get_table_description(cursor, table)]


def append_only_tables(apps=global_apps) -> list[str]:
    """The tables of every append-only model (`cica_docs.db.AppendOnlyModel`)."""
    from cica_docs.db import AppendOnlyModel

    return sorted(
        model._meta.db_table for model in apps.get_models()
        if issubclass(model, AppendOnlyModel) and not model._meta.proxy
    )


def document_identity_columns(connection) -> list[str]:
    """The identity columns of `documents_document` present in the database, the subject
    in each language included."""
    from cica_docs.documents.models import Document

    wanted = set()
    for field in Document._meta.concrete_fields:
        original = getattr(field, "translated_field", None)  # modeltranslation's title_en …
        if (original or field).name in DOCUMENT_IDENTITY:
            wanted.add(field.column)
    return [column for column in _columns(connection, DOCUMENT_TABLE) if column in wanted]


def _kind_tables() -> list[tuple[str, str, list[str]]]:
    """(table, column of the link to the document, content columns) of each kind."""
    from cica_docs.documents.kinds import kinds
    from cica_docs.documents.models import Document

    found = []
    for kind in kinds():
        meta = kind.model._meta
        link = meta.parents[Document]
        columns = [f.column for f in meta.local_concrete_fields if f is not link]
        found.append((meta.db_table, link.column, columns))
    return found


# --- installing -------------------------------------------------------------------------


def _drop(connection, cursor, name: str, table: str) -> None:
    if connection.vendor == "postgresql":
        cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    else:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def install_append_only(connection, tables) -> None:
    present = _tables(connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_APPEND_ONLY)
        for table in tables:
            if table not in present:
                continue
            name = f"{table}_append_only"
            _drop(connection, cursor, name, table)
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION cica_refuse_change()"
                )
            elif connection.vendor == "sqlite":
                cursor.execute(
                    f"CREATE TRIGGER {name} BEFORE UPDATE ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'records of {table} are append-only'); END"
                )


def install_issued_document(connection) -> None:
    if DOCUMENT_TABLE not in _tables(connection):
        return
    columns = document_identity_columns(connection)
    frozen = _frozen_list()
    name = f"{DOCUMENT_TABLE}_issued"
    with connection.cursor() as cursor:
        _drop(connection, cursor, name, DOCUMENT_TABLE)
        if connection.vendor == "postgresql":
            cursor.execute(_PG_DOCUMENT.format(
                frozen=frozen,
                new=", ".join(f"NEW.{c}" for c in columns),
                old=", ".join(f"OLD.{c}" for c in columns),
            ))
            cursor.execute(
                f"CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {DOCUMENT_TABLE} "
                "FOR EACH ROW EXECUTE FUNCTION cica_issued_document()"
            )
        elif connection.vendor == "sqlite":
            changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)
            cursor.execute(
                f"CREATE TRIGGER {name} BEFORE UPDATE ON {DOCUMENT_TABLE} "
                f"WHEN OLD.state IN ({frozen}) AND ({changed} OR (NEW.state IS NOT OLD.state "
                "AND NOT (OLD.state = 'issued' AND NEW.state = 'withdrawn'))) "
                "BEGIN SELECT RAISE(ABORT, 'an issued document keeps its number, series, "
                "date, kind, subject and state (only withdrawal is allowed)'); END"
            )


def install_issued_content(connection) -> None:
    present = _tables(connection)
    frozen = _frozen_list()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_CONTENT.format(frozen=frozen))
        for table, link, columns in _kind_tables():
            if table not in present:
                continue
            columns = [c for c in _columns(connection, table) if c in columns]
            name = f"{table}_issued"
            _drop(connection, cursor, name, table)
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION cica_issued_content('{link}')"
                )
            elif connection.vendor == "sqlite" and columns:
                changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)
                cursor.execute(  # names from the models, never from input
                    f"CREATE TRIGGER {name} BEFORE UPDATE ON {table} "  # noqa: S608
                    f"WHEN (SELECT state FROM {DOCUMENT_TABLE} WHERE id = OLD.{link}) "
                    f"IN ({frozen}) AND ({changed}) "
                    "BEGIN SELECT RAISE(ABORT, 'the content of an issued document cannot "
                    "change'); END"
                )


def _install_row_trigger(connection, table: str, name: str, *, events: str, function_sql: str,
                         function: str, sqlite_sql: str) -> None:
    """One guard on `table`, replacing the one of that name: on PostgreSQL `function_sql`
    defines `function`, run BEFORE `events` for each row; on SQLite `sqlite_sql` is it."""
    with connection.cursor() as cursor:
        _drop(connection, cursor, name, table)
        if connection.vendor == "postgresql":
            cursor.execute(function_sql)
            cursor.execute(f"CREATE TRIGGER {name} BEFORE {events} ON {table} "
                           f"FOR EACH ROW EXECUTE FUNCTION {function}()")
        elif connection.vendor == "sqlite":
            cursor.execute(sqlite_sql)


def install_audited_recipients(connection) -> None:
    present = _tables(connection)
    if not {RECIPIENT_TABLE, "audit_auditevent"} <= present or "sequence" not in _columns(
        connection, "audit_auditevent"
    ):
        return
    _install_row_trigger(connection, RECIPIENT_TABLE, f"{RECIPIENT_TABLE}_audited",
                         events="INSERT", function_sql=_PG_RECIPIENT,
                         function="cica_audited_recipient", sqlite_sql=_SQLITE_RECIPIENT)


def install_series_counter(connection) -> None:
    if not {SERIES_TABLE, DOCUMENT_TABLE, "documents_numbergap"} <= _tables(connection):
        return
    _install_row_trigger(connection, SERIES_TABLE, f"{SERIES_TABLE}_counter",
                         events="INSERT OR UPDATE", function_sql=_PG_SERIES,
                         function="cica_series_counter", sqlite_sql=_SQLITE_SERIES)


def guards_install(connection) -> None:
    """Install every guard on the tables that exist (idempotent; run after `migrate`)."""
    with transaction.atomic(using=connection.alias):
        install_append_only(connection, append_only_tables())
        install_issued_document(connection)
        install_issued_content(connection)
        install_audited_recipients(connection)
        install_series_counter(connection)


def guard_names(connection) -> set[str]:
    """The names of the guard triggers present in the database (for checks and tests)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'"
            )
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall()}
