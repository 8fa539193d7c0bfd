"""The history panel below every master-data form, for records whose kind the protocol covers."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regulars.core.panels import Panel
from regulars.core.roles import has_role

from .display import history_lines
from .registry import for_model
from .services import history

SHOWN = 20


def covered(request, obj) -> bool:
    """A record of a protocolled kind, shown to users with the kind's role (administrators for users and shops)."""
    logged = for_model(type(obj)) if obj is not None and obj.pk is not None else None
    return logged is not None and has_role(request.user, logged.required_role)


def history_context(request, obj) -> dict:
    logged = for_model(type(obj))
    entries = list(history(kind_key=logged.key, record_id=obj.pk).select_related("supersedes")[: SHOWN + 1])
    return {
        "history": history_lines(entries[:SHOWN]),
        "more": len(entries) > SHOWN,
        "all_url": reverse("audit:history", args=[logged.key, obj.pk]),
    }


PANEL = Panel(
    key="history", title=_("Protocol"), template="audit/_history_panel.html", context=history_context, order=90,
    applies=covered,
)  # fmt: skip
