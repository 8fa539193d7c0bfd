"""The OpenAPI document as a generated client needs it: the same for every user (English), JSON bodies only, and
every status an operation can answer declared with its body (drf-spectacular postprocessing hook)."""

from django.utils import translation
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.views import SpectacularAPIView

ERROR = {
    "type": "object",
    "description": "What went wrong, in the user's language.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERROR = {
    "type": "object",
    "description": "The refused fields, each with its messages in the user's language; `non_field_errors` for the "
    "request as a whole, `lines` by the position of the line (from 0).",
    "additionalProperties": {},
}
#: status → (what it means, the schema of its body), for every operation
ALWAYS = {
    "401": ("Not logged in: send `Authorization: Token <key>`.", "Error"),
    "403": ("The user's role may not do this.", "Error"),
    "500": ("An error on the server; nothing was changed.", "Error"),
}
WITH_BODY = {
    "400": ("The request was refused; nothing was changed.", "ValidationError"),
    "413": ("The request is too large.", "Error"),
}
WITH_ID = {"404": ("There is no such record.", "Error")}


class TokenScheme(OpenApiAuthenticationExtension):
    """The API token as an HTTP bearer token, which generated clients send by themselves."""

    target_class = "regulars.core.api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token from `regulars token USERNAME`, sent as `Authorization: Bearer <key>` "
            "(or `Token <key>`).",
        }


def _response(description: str, schema: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def declare_errors(result, generator, request, public):
    """Add the error answers to every operation, and their bodies to the components."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("ValidationError", VALIDATION_ERROR)
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            declared = dict(ALWAYS)
            if method in ("post", "put", "patch"):
                declared.update(WITH_BODY)
            if "{" in path:
                declared.update(WITH_ID)
            for status, (description, schema) in declared.items():
                responses.setdefault(status, _response(description, schema))
    return result


class EnglishSchemaView(SpectacularAPIView):
    """The schema in English for every user: a client generated from it is the same whoever downloaded it."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # after authentication, which switches to the user's language; kept until the answer is rendered
        translation.activate("en")
        request.LANGUAGE_CODE = "en"
