"""Fast inserts of many rows: COPY on PostgreSQL, executemany on SQLite."""

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
