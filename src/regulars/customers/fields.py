"""A text column that sorts and compares byte by byte, so that prefix ranges use the index."""

from django.db import models


class SearchKeyField(models.CharField):
    """CharField with binary collation ("C" on PostgreSQL, SQLite's default BINARY)."""

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params
