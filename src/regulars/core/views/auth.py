"""Log in and out; repeated failures lock the login for a while (X5)."""

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.translation import gettext as _


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True


def locked_out(request, credentials=None, *args, **kwargs):
    """Shown instead of the login when a user name failed too often (django-axes)."""
    message = _("Too many failed logins. Please wait 15 minutes, or ask an administrator to unlock the account.")
    return render(request, "core/login.html", {"locked_message": message, "form": None}, status=429)
