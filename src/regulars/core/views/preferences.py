"""Saving the columns a user chose for a list (L4)."""

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from ..services import save_table_columns
from ..tables import table_registry
from .mixins import RoleRequiredMixin


class TableColumnsView(RoleRequiredMixin, View):
    def post(self, request, table):
        table_class = table_registry.get(table)
        if table_class is None:
            return HttpResponseBadRequest()
        allowed = {name for name, _label in table_class.available_columns()}
        if request.POST.get("reset"):
            columns = []
        else:
            columns = [name for name in request.POST.getlist("columns") if name in allowed]
        save_table_columns(user=request.user, table=table, columns=list(dict.fromkeys(columns)))
        back = request.POST.get("next", "/")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/"
        return HttpResponseRedirect(back)
