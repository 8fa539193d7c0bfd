"""Users and shops: the administrator's settings (X5)."""

from django.utils.translation import gettext_lazy as _

from ..filters import ShopFilterSet, UserFilterSet
from ..forms import ShopForm, UserForm
from ..models import Shop, User
from ..roles import Role
from ..tables import ShopTable, UserTable
from .generic import ObjectEditView, ObjectListView


class UserListView(ObjectListView):
    required_role = Role.ADMIN
    add_role = Role.ADMIN
    queryset = User.objects.select_related("shop")
    filterset_class = UserFilterSet
    table_class = UserTable
    title = _("Users")
    add_url = "core:user_add"


class UserEditView(ObjectEditView):
    required_role = Role.ADMIN
    model = User
    form_class = UserForm
    success_url = "core:user_list"


class ShopListView(ObjectListView):
    required_role = Role.ADMIN
    add_role = Role.ADMIN
    queryset = Shop.objects.all()
    filterset_class = ShopFilterSet
    table_class = ShopTable
    title = _("Shops")
    add_url = "core:shop_add"


class ShopEditView(ObjectEditView):
    required_role = Role.ADMIN
    model = Shop
    form_class = ShopForm
    success_url = "core:shop_list"
