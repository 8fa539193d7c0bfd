"""Users and shops (the administrator's settings) and staff members (the manager's master data), X5."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ..context_processors import master_data_sections
from ..filters import ShopFilterSet, StaffMemberFilterSet, UserFilterSet
from ..forms import ShopForm, StaffMemberForm, UserForm
from ..models import Shop, StaffMember, User
from ..roles import Role
from ..tables import ShopTable, StaffMemberTable, UserTable
from .generic import ObjectEditView, ObjectListView
from .mixins import RoleRequiredMixin


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
    add_title = _("New user")

    def get_actions(self, obj):
        return [(reverse("core:user_password", args=[obj.pk]), gettext("Set a new password"))] if obj else []


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
    add_title = _("New shop")


class StaffMemberListView(ObjectListView):
    required_role = Role.MANAGER
    shop_field = "shop"
    queryset = StaffMember.objects.select_related("shop", "user")
    filterset_class = StaffMemberFilterSet
    table_class = StaffMemberTable
    title = _("Staff members")
    add_url = "core:staff_add"


class StaffMemberEditView(ObjectEditView):
    required_role = Role.MANAGER
    shop_field = "shop"
    model = StaffMember
    form_class = StaffMemberForm
    success_url = "core:staff_list"
    add_title = _("New staff member")


class MasterDataView(RoleRequiredMixin, TemplateView):
    """The hub of everything managers and administrators set up."""

    required_role = Role.MANAGER
    template_name = "core/master_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sections=master_data_sections(self.request.user), title=gettext("Master data"), **kwargs
        )
