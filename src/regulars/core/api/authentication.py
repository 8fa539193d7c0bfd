"""Token authentication that also switches to the user's language, as the web pages do (X1)."""

from django.utils import translation
from rest_framework import authentication


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            translation.activate(result[0].effective_language)
            request.LANGUAGE_CODE = translation.get_language()
        return result
