"""The history of one record, page by page (P1), for every kind the protocol covers."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views import View

from regulars.core.roles import has_role
from regulars.core.views.mixins import RoleRequiredMixin

from .display import history_lines, record_url
from .registry import kind
from .services import history

PER_PAGE = 50


class HistoryView(RoleRequiredMixin, View):
    """All entries of a record, newest first; the least role is the one its kind names (managers for master data)."""

    def get(self, request, kind_key, pk):
        try:
            logged = kind(kind_key)
        except KeyError:
            raise Http404 from None
        if not has_role(request.user, logged.required_role):
            raise PermissionDenied
        record = get_object_or_404(logged.model._base_manager, pk=pk)
        page = Paginator(history(kind_key=kind_key, record_id=pk).select_related("supersedes"), PER_PAGE).get_page(
            request.GET.get("page")
        )
        context = {
            "record": record,
            "page": page,
            "history": history_lines(page),
            "back_url": record_url(logged, pk),
            "title": str(record),
        }
        return render(request, "audit/history.html", context)
