"""Filters for the server's log (LOGGING in the settings)."""

import logging


class ClientErrorsInOneLine(logging.Filter):
    """A refused request (403, 400, 404, ...) is logged in one line: the client's mistake needs no traceback.

    Django logs some of them with the exception that caused them (PermissionDenied, SuspiciousOperation, Http404);
    server errors (5xx) keep their traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if 400 <= getattr(record, "status_code", 0) < 500:
            record.exc_info = record.exc_text = None
        return True
