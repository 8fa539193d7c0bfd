"""Token authentication against the hashed API tokens, switching to the user's language as the web pages do (X1)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from regulars.core.services import api_token_user


class TokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token <key>` with a key from `regulars token`; only its hash is stored (core.ApiToken)."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            translation.activate(result[0].effective_language)
            request.LANGUAGE_CODE = translation.get_language()
        return result

    def authenticate_credentials(self, key):
        user = api_token_user(key=key)
        if user is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return user, None
