"""Log in and out; repeated failures lock the login for a while (X5). A forgotten password: views/passwords.py."""

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..user_mail import can_mail_users


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(password_mail=can_mail_users(), **kwargs)


def locked_out(request, credentials=None, *args, **kwargs):
    """Shown instead of the login when a user name failed too often (django-axes)."""
    message = _("Too many failed logins. Please wait 15 minutes, or ask an administrator to unlock the account.")
    context = {"locked_message": message, "form": None, "password_mail": can_mail_users()}
    return render(request, "core/login.html", context, status=429)
