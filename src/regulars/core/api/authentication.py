"""Token authentication against the hashed API tokens, switching to the user's language as the web pages do (X1)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from regulars.core.services import api_token_user


class TokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token <key>` or `Bearer <key>` with a key from `regulars token`; only its hash is stored
    (core.ApiToken). Bearer is what the schema declares and what generated clients send."""

    def authenticate(self, request):
        scheme = authentication.get_authorization_header(request).split(b" ", 1)[0]
        self.keyword = "Bearer" if scheme.lower() == b"bearer" else "Token"
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
