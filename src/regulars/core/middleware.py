"""Per-user language and a request id that ties protocol entries of one request together."""

import contextvars
import uuid

from django.conf import settings
from django.utils import translation

current_request_id: contextvars.ContextVar[uuid.UUID | None] = contextvars.ContextVar("request_id", default=None)
#: the request being answered, for who changed a record (its user is read when the change is written: DRF sets it late)
current_request: contextvars.ContextVar = contextvars.ContextVar("request", default=None)


class UserLanguageMiddleware:
    """Speak the user's language, else the shop's, else the browser's (X1)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = user.effective_language
        else:
            language = translation.get_language_from_request(request) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        # the language the answer was given in: an API token's user switches to theirs during the view
        response.headers.setdefault("Content-Language", translation.get_language() or request.LANGUAGE_CODE)
        translation.deactivate()
        return response


class RequestIdMiddleware:
    """Give every request an id; protocol entries written during it carry the id and the request's user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = uuid.uuid4()
        token, request_token = current_request_id.set(request.id), current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
            current_request.reset(request_token)
        response.headers["X-Request-ID"] = str(request.id)
        return response


class ContentSecurityPolicyMiddleware:
    """Every page may load scripts, styles and images from Regulars itself only: no inline script, no other site.

    The policy is `settings.CONTENT_SECURITY_POLICY`; it goes on HTML answers (PDFs and JSON have no scripts).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
