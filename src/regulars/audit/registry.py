"""Which kinds of record the protocol covers, and how each kind and field is labelled.

Every app registers its own kinds in its AppConfig.ready() (audit registers the core's), so the protocol
never imports the apps it records: `register(Article, key="article", ...)`.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import models
from django.utils.functional import Promise

from regulars.core.roles import Role

#: fields no kind logs: bookkeeping of the row itself, not data someone entered
NEVER_LOGGED = frozenset({"id", "created_at", "updated_at", "search_text", "sort_name", "version", "last_login"})


@dataclass(frozen=True)
class LoggedKind:
    """A kind of record whose changes the protocol keeps, e.g. "article".

    `fields` are the logged model fields in the order a reader expects them; `parts` are further values that
    are no model fields (a customer's phones, an order's lines), each read from the record by a function.
    `secret` fields are logged as "changed", never with their values. `personal` kinds hold personal data
    that erasure removes from the entries (audit.services.erase_personal_values). `automatic` kinds are
    logged on every save (audit.automatic); the others by their app's services, which know their parts.
    """

    key: str
    model: type[models.Model]
    fields: tuple[str, ...]
    parts: Mapping[str, Callable] = field(default_factory=dict)
    labels: Mapping[str, str | Promise] = field(default_factory=dict)
    formatters: Mapping[str, Callable] = field(default_factory=dict)
    secret: frozenset[str] = frozenset()
    personal: bool = False
    automatic: bool = True
    url_name: str = ""
    required_role: Role = Role.MANAGER

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)

    def model_field(self, name: str) -> models.Field | None:
        if name in self.parts or name not in self.fields:
            return None
        return self.model._meta.get_field(name)


_kinds: dict[str, LoggedKind] = {}
_by_model: dict[type[models.Model], LoggedKind] = {}


def register(
    model: type[models.Model],
    *,
    key: str,
    fields: tuple[str, ...] | None = None,
    exclude: tuple[str, ...] = (),
    **options,
) -> LoggedKind:
    """Put a model's changes into the protocol; by default every field a person can edit, in model order."""
    if fields is None:
        secret = options.get("secret", ())
        fields = tuple(
            f.name
            for f in (*model._meta.concrete_fields, *model._meta.many_to_many)
            if (f.editable or f.name in secret) and not f.primary_key and f.name not in NEVER_LOGGED | set(exclude)
        )
    options["secret"] = frozenset(options.get("secret", ()))
    fields = (*fields, *(name for name in options.get("parts", {}) if name not in fields))
    kind = LoggedKind(key=key, model=model, fields=tuple(fields), **options)
    _kinds[key] = kind
    _by_model[model] = kind
    return kind


def kind(key: str) -> LoggedKind:
    """The registered kind; KeyError for a kind no app registered."""
    return _kinds[key]


def for_model(model: type[models.Model]) -> LoggedKind | None:
    return _by_model.get(model)


def kinds() -> list[LoggedKind]:
    return list(_kinds.values())
