"""The API takes JSON only, of a bounded size and depth: a body too large is a 413, JSON nested too deep a 400."""

import io

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, parsers, status


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request is too large.")
    default_code = "too_large"


class JSONParser(parsers.JSONParser):
    """JSON bodies of at most API_MAX_BODY bytes; nesting too deep for Python's parser is refused, not a crash."""

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        length = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        limit = settings.API_MAX_BODY
        if length.isdecimal() and int(length) > limit:
            raise RequestTooLarge(_("The request is larger than %(limit)s bytes.") % {"limit": f"{limit:,}"})
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise RequestTooLarge(_("The request is larger than %(limit)s bytes.") % {"limit": f"{limit:,}"})
        try:
            return super().parse(io.BytesIO(body), media_type, parser_context)
        except RecursionError as error:
            raise exceptions.ParseError(_("The JSON is nested too deeply.")) from error

