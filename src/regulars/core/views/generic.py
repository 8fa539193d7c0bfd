"""One list view and one edit view for every model (after NetBox's ObjectListView).

The list view filters with the model's FilterSet (the same one the API uses), shows the
user's columns, and answers htmx requests with just the results, so search updates as
the user types.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from ..keyset import InvalidCursor
from ..pagination import ListPage, list_page
from ..panels import panels_for
from ..roles import Role
from ..services import shops_of
from .mixins import RoleRequiredMixin

#: filters that are not under "More filters": the search field, and the sort order (the column headers)
NOT_FOLDED = {"q", "ordering"}


class ShopScopedMixin:
    """A shop's records (articles, services, discounts, staff): only those of the shops the user works in."""

    #: the model's field naming its shop; "" for records of the whole business
    shop_field = ""

    def scoped(self, queryset):
        if not self.shop_field:
            return queryset
        return queryset.filter(**{f"{self.shop_field}__in": shops_of(self.request.user)})


class ObjectListView(ShopScopedMixin, RoleRequiredMixin, TemplateView):
    """List, search and filter the objects of one model."""

    template_name = "core/object_list.html"
    results_template_name = "core/_object_list_results.html"
    queryset = None
    filterset_class = None
    table_class = None
    title = ""
    add_url = ""
    add_role = Role.MANAGER
    search_placeholder = ""
    per_page = 25
    #: filters shown beside the search field; the others fold away under "More filters"
    primary_filters: tuple[str, ...] = ()
    #: the `ordering` the list has when nothing is searched and no header was clicked (the model's own order)
    default_ordering = ""

    def get_queryset(self):
        return self.scoped(self.queryset.all())

    def get_filterset(self):
        """The request's filters; a sort order the FilterSet does not know (changed by hand) is left out."""
        data = self.request.GET
        filterset = self.filterset_class(data, queryset=self.get_queryset(), request=self.request)
        if "ordering" in filterset.errors:
            data = data.copy()
            data.pop("ordering")
            filterset = self.filterset_class(data, queryset=self.get_queryset(), request=self.request)
        return filterset

    def get_table(self):
        filterset = self.get_filterset()
        rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        page = self.get_page(rows)
        table = self.table_class(page.rows, user=self.request.user)
        table.list_page = page
        table.previous_url = self._url(cursor=page.previous) if page.previous else ""
        table.next_url = self._url(cursor=page.next) if page.next else ""
        searched = filterset.form["q"].value() if "q" in filterset.form.fields else ""
        table.link_headers(
            current=self.ordering(filterset) or ("" if searched else self.default_ordering),
            url=lambda ordering: self._url(ordering=ordering),
        )
        return filterset, table

    @staticmethod
    def ordering(filterset) -> str:
        """The sort order asked for ("-city"), or "" for the list's own."""
        if "ordering" not in filterset.form.fields or not filterset.is_valid():
            return ""
        return ",".join(filterset.form.cleaned_data.get("ordering") or ())

    def get_page(self, rows) -> ListPage:
        """The page the request's cursor names; the first for a cursor of another list (changed by hand)."""
        try:
            return list_page(rows, cursor=self.request.GET.get("cursor"), per_page=self.per_page)
        except InvalidCursor:
            return list_page(rows, cursor=None, per_page=self.per_page)

    def _url(self, **changes) -> str:
        """This list with other parameters; a page of other rows starts at the first page."""
        query = self.request.GET.copy()
        query.pop("cursor", None)
        for name, value in changes.items():
            query[name] = value
        return f"?{query.urlencode()}"

    def get_context_data(self, **kwargs):
        filterset, table = self.get_table()
        return super().get_context_data(
            filterset=filterset,
            table=table,
            title=self.title,
            add_url=reverse(self.add_url) if self.add_url and self.request.user.has_role(self.add_role) else "",
            search_placeholder=self.search_placeholder,
            ordering=self.ordering(filterset),
            primary_fields=[f for f in filterset.form if f.name in self.primary_filters],
            more_fields=[f for f in filterset.form if f.name not in NOT_FOLDED and f.name not in self.primary_filters],
            filters_active=any(
                filterset.form[name].value() not in (None, "", [])
                for name in filterset.form.fields
                if name not in NOT_FOLDED and name not in self.primary_filters
            ),
            columns_available=self.table_class.available_columns(),
            columns_selected=table.selected_columns,
            prefs_key=self.table_class.prefs_key,
            **kwargs,
        )

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "results":
            return [self.results_template_name]
        return [self.template_name]


class ObjectEditView(ShopScopedMixin, RoleRequiredMixin, TemplateView):
    """Create and edit with one form (C1): without a primary key the form is empty."""

    template_name = "core/object_edit.html"
    model = None
    form_class = None
    required_role = Role.MANAGER
    success_url = ""
    #: heading of the empty form, e.g. "New shop"
    add_title = ""

    def get_object(self):
        pk = self.kwargs.get("pk")
        return get_object_or_404(self.scoped(self.model.objects.all()), pk=pk) if pk else None

    def save(self, form):
        return form.save()

    def get_actions(self, obj) -> list[tuple[str, str]]:
        """Links (url, label) beside the heading to further pages of the object, e.g. its password."""
        return []

    def get_form(self, obj):
        extra = {"user": self.request.user} if getattr(self.form_class, "takes_user", False) else {}
        return self.form_class(self.request.POST or None, instance=obj, **extra)

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        return self.render_to_response(self.get_context_data(form=self.get_form(obj), object=obj))

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        form = self.get_form(obj)
        if form.is_valid():
            saved = self.save(form)
            messages.success(request, _("Saved: %(object)s") % {"object": saved})
            return HttpResponseRedirect(reverse(self.success_url))
        return self.render_to_response(self.get_context_data(form=form, object=obj), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = str(kwargs["object"]) if kwargs.get("object") else self.add_title
        context["cancel_url"] = reverse(self.success_url)
        context["actions"] = self.get_actions(kwargs.get("object"))
        context["panels"] = panels_for("edit", self.request, kwargs["object"]) if kwargs.get("object") else []
        return context


def crud_urls(
    *,
    prefix: str,
    name: str,
    queryset,
    filterset_class,
    table_class,
    form_class,
    title,
    add_title,
    required_role: Role = Role.MANAGER,
    shop_field: str = "",
) -> list:
    """URL patterns of a list and an edit page (create = edit) for master data: "<prefix>/", "new/", "<pk>/".

    With `shop_field`, both show only the records of the shops the user works in.
    """
    from django.urls import path

    namespace = queryset.model._meta.app_label
    list_view = type(
        f"{queryset.model.__name__}ListView",
        (ObjectListView,),
        {
            "required_role": required_role,
            "queryset": queryset,
            "filterset_class": filterset_class,
            "table_class": table_class,
            "title": title,
            "add_url": f"{namespace}:{name}_add",
            "shop_field": shop_field,
        },
    )
    edit_view = type(
        f"{queryset.model.__name__}EditView",
        (ObjectEditView,),
        {
            "required_role": required_role,
            "model": queryset.model,
            "form_class": form_class,
            "success_url": f"{namespace}:{name}_list",
            "add_title": add_title,
            "shop_field": shop_field,
        },
    )
    return [
        path(f"{prefix}/", list_view.as_view(), name=f"{name}_list"),
        path(f"{prefix}/new/", edit_view.as_view(), name=f"{name}_add"),
        path(f"{prefix}/<int:pk>/", edit_view.as_view(), name=f"{name}_edit"),
    ]
