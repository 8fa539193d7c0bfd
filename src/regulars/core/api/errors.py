"""Errors of the API are JSON, whatever went wrong: DRF's own, a page not found, and a server error."""

import logging

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger("regulars.api")

API_PREFIX = "/api/"


def exception_handler(exc, context):
    """DRF's answer for its own exceptions; anything else is logged with its traceback and answered as JSON 500."""
    response = drf_exception_handler(exc, context)
    if response is not None:
        return response
    logger.exception("API error in %s", context.get("view").__class__.__name__, exc_info=exc)
    return JsonResponse({"detail": _("Something went wrong on the server. Please try again.")}, status=500)


def _json_or(default, status: int, detail):
    def view(request, *args, **kwargs):
        if request.path.startswith(API_PREFIX):
            return JsonResponse({"detail": str(detail())}, status=status)
        return default(request, *args, **kwargs)

    return view


page_not_found = _json_or(defaults.page_not_found, 404, lambda: _("Not found."))
server_error = _json_or(defaults.server_error, 500, lambda: _("Something went wrong on the server. Please try again."))
permission_denied = _json_or(defaults.permission_denied, 403, lambda: _("You may not do this."))
bad_request = _json_or(defaults.bad_request, 400, lambda: _("The request is not valid."))
