"""API permissions by role (X5): every endpoint names the least role it needs."""

from rest_framework.permissions import BasePermission

from ..roles import Role, has_role


class _RolePermission(BasePermission):
    role: Role

    def has_permission(self, request, view) -> bool:
        return has_role(request.user, self.role)


class IsCashier(_RolePermission):
    role = Role.CASHIER


class IsManager(_RolePermission):
    role = Role.MANAGER


class IsAdmin(_RolePermission):
    role = Role.ADMIN
