"""The base of every list table: the columns each user chose, in their order (L4).

After NetBox's BaseTable.configure: the user's choice is kept as JSON on the user.
"""

import django_tables2 as tables
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

#: prefs_key -> table class, for the column chooser
table_registry: dict[str, type["BaseTable"]] = {}


class BaseTable(tables.Table):
    """A table whose visible columns and their order come from the user's preferences."""

    #: key under which the user's column choice is stored; set by subclasses
    prefs_key = ""
    #: columns shown until the user chooses others
    default_columns: tuple[str, ...] = ()
    #: columns always shown (e.g. the row's name) and never offered for hiding
    fixed_columns: tuple[str, ...] = ()
    #: column -> the list's `ordering` that sorts by it (the FilterSet's OrderingFilter): its header is a link
    sort_by: dict[str, str] = {}
    #: the page shown and the links to the pages before and after it (set by the list view)
    list_page = None
    previous_url = next_url = ""

    class Meta:
        attrs = {"class": "table", "data-table": "1"}
        empty_text = _("Nothing found.")
        orderable = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.prefs_key:
            table_registry[cls.prefs_key] = cls

    def __init__(self, *args, user=None, **kwargs):
        self.selected_columns = self.columns_for(user)
        shown = {*self.fixed_columns, *self.selected_columns}
        kwargs.setdefault("sequence", [*self.fixed_columns, *self.selected_columns, "..."])
        kwargs.setdefault("exclude", [name for name in self.base_columns if name not in shown])
        super().__init__(*args, **kwargs)

    def link_headers(self, *, current: str, url) -> None:
        """Each sortable column's header links to the list sorted by it, reversed when it sorts by it already.

        `current` is the list's `ordering` ("city", "-city"); `url(ordering)` is the list sorted so.
        """
        self._header_links = {}
        for name, ordering in self.sort_by.items():
            state = {ordering: "ascending", f"-{ordering}": "descending"}.get(current, "")
            self._header_links[name] = (url(f"-{ordering}" if state == "ascending" else ordering), state)

    @property
    def headers(self) -> list[tuple]:
        """(column, link, "ascending"/"descending"/"") of every column shown."""
        links = getattr(self, "_header_links", {})
        return [(column, *links.get(column.name, ("", ""))) for column in self.columns]

    @classmethod
    def available_columns(cls) -> list[tuple[str, str]]:
        """(name, label) of every column a user may choose."""
        return [
            (name, str(column.verbose_name))
            for name, column in cls.base_columns.items()
            if name not in cls.fixed_columns
        ]

    @classmethod
    def columns_for(cls, user) -> list[str]:
        names = {name for name, _label in cls.available_columns()}
        chosen = (getattr(user, "table_columns", None) or {}).get(cls.prefs_key)
        if not chosen:
            return list(cls.default_columns)
        return [name for name in chosen if name in names]


class UserTable(BaseTable):
    prefs_key = "users"
    default_columns = ("first_name", "last_name", "role", "language", "shop", "is_active", "last_login")
    fixed_columns = ("username",)
    username = tables.Column(linkify=("core:user_edit", {"pk": tables.A("pk")}), verbose_name=_("user name"))
    first_name = tables.Column(verbose_name=_("first name"))
    last_name = tables.Column(verbose_name=_("last name"))
    role = tables.Column(verbose_name=_("role"))
    language = tables.Column(verbose_name=_("language"))
    shop = tables.Column(verbose_name=_("shop"))
    is_active = tables.BooleanColumn(verbose_name=_("active"))
    last_login = tables.DateTimeColumn(verbose_name=_("last login"), format="SHORT_DATETIME_FORMAT")

    class Meta(BaseTable.Meta):
        row_attrs = {"data-href": lambda record: reverse("core:user_edit", args=[record.pk])}


class ShopTable(BaseTable):
    prefs_key = "shops"
    default_columns = ("city", "country", "language", "vat_id")
    fixed_columns = ("name",)
    name = tables.Column(linkify=("core:shop_edit", {"pk": tables.A("pk")}), verbose_name=_("name"))
    city = tables.Column(verbose_name=_("city"))
    country = tables.Column(verbose_name=_("country"))
    language = tables.Column(verbose_name=_("language"))
    vat_id = tables.Column(verbose_name=_("VAT ID"))

    class Meta(BaseTable.Meta):
        row_attrs = {"data-href": lambda record: reverse("core:shop_edit", args=[record.pk])}


class StaffMemberTable(BaseTable):
    prefs_key = "staff"
    default_columns = ("shop", "user", "active")
    fixed_columns = ("name",)
    name = tables.Column(linkify=("core:staff_edit", {"pk": tables.A("pk")}), verbose_name=_("name"))
    shop = tables.Column(verbose_name=_("shop"))
    user = tables.Column(verbose_name=_("login"))
    active = tables.BooleanColumn(verbose_name=_("active"))

    class Meta(BaseTable.Meta):
        row_attrs = {"data-href": lambda record: reverse("core:staff_edit", args=[record.pk])}
