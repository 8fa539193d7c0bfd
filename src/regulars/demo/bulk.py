"""Fast inserts of many rows: COPY on PostgreSQL, executemany on SQLite."""

import contextlib

from django.db import connection


def bulk_insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Insert plain tuples into the model's table; no signals, no save(), for demo and import volumes."""
    if not rows:
        return
    table = model._meta.db_table
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["?"] * len(columns))
            sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({marks})"  # noqa: S608 (names quoted)
            # straight to sqlite3: Django's cursor would rewrite the placeholders and copy every batch
            connection.connection.executemany(sql, rows)


@contextlib.contextmanager
def foreign_keys_checked_at_the_end(*models):
    """PostgreSQL: the tables' foreign keys are dropped for a bulk load and added again when it ends.

    Within one transaction, as pg_restore does: adding a foreign key checks all rows in one query, where
    Django's deferred constraints would check every row one by one at the commit. SQLite checks nothing.
    """
    if connection.vendor != "postgresql":
        yield
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        _run_pending_checks(cursor)
        cursor.execute(
            "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype = 'f' AND t.relname = ANY(%s) ORDER BY 1, 2",
            [[model._meta.db_table for model in models]],
        )
        keys = cursor.fetchall()
        for table, name, _definition in keys:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
    yield
    with connection.cursor() as cursor:
        _run_pending_checks(cursor)
        for table, name, definition in keys:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")


def _run_pending_checks(cursor) -> None:
    """Deferred checks still pending in the transaction block ALTER TABLE on their tables: run them now."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
