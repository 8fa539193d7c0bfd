"""Every page names the least role it needs (X5)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from ..roles import Role, has_role


class RoleRequiredMixin(LoginRequiredMixin):
    required_role: Role = Role.CASHIER

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not has_role(request.user, self.required_role):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
