"""Passwords: one's own new password, an administrator's for a user, and a forgotten one by a link in an e-mail.

Each goes through core.services.set_password (protocolled without the value; the user's other sessions end).
"""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView

from ..forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from ..models import User
from ..roles import Role
from ..user_mail import can_mail_users
from .mixins import RoleRequiredMixin


class PasswordFormView(RoleRequiredMixin, FormView):
    """A new password on the page of the edit forms; the session of the one who sets it stays logged in."""

    template_name = "core/object_edit.html"
    form_class = SetPasswordForm

    def target(self) -> User:
        return self.request.user

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.target()}

    def form_valid(self, form):
        user = form.save()
        if user.pk == self.request.user.pk:
            update_session_auth_hash(self.request, user)
        messages.success(self.request, self.saved_message(user))
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PasswordChangeView(PasswordFormView):
    """Every user changes their own password, after typing the current one."""

    required_role = Role.CASHIER
    form_class = PasswordChangeForm
    success_url = reverse_lazy("core:profile")

    def get_context_data(self, **kwargs):
        title, cancel, save = _("Change your password"), reverse("core:profile"), _("Change password")
        return super().get_context_data(**kwargs) | {"title": title, "cancel_url": cancel, "save_label": save}

    def saved_message(self, user):
        return _("Your password was changed. Other devices where you were logged in have been logged out.")


class UserPasswordView(PasswordFormView):
    """An administrator sets a new password for a user, e.g. one who forgot it and has no e-mail address."""

    required_role = Role.ADMIN

    def target(self) -> User:
        return get_object_or_404(User, pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("core:user_edit", args=[self.kwargs["pk"]])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        title = _("New password for %(user)s") % {"user": context["form"].user}
        return context | {"title": title, "cancel_url": self.get_success_url(), "save_label": _("Set password")}

    def saved_message(self, user):
        return _("%(user)s has a new password and is logged out everywhere.") % {"user": user}


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for a link to choose a new password. The answer is the same for every user name and address: it never
    tells whether a login exists. Without a way to send mails the page says to ask an administrator."""

    template_name = "core/password_reset.html"
    form_class = PasswordResetForm
    subject_template_name = "core/password_reset_subject.txt"
    email_template_name = "core/password_reset_email.txt"
    success_url = reverse_lazy("core:login")

    def dispatch(self, request, *args, **kwargs):
        if not can_mail_users():
            return self.render_to_response(self.get_context_data(form=None))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"title": _("Forgot your password?")}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.info(
            self.request,
            _(
                "If a login with this user name or e-mail address has an e-mail address, a link to choose a new "
                "password is on its way there. It works for one hour."
            ),
        )
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The page the link in the e-mail opens: a new password, typed twice; the link works once."""

    template_name = "core/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("core:login")

    def get_context_data(self, **kwargs):
        title = _("Choose a new password") if self.validlink else _("This link no longer works")
        return super().get_context_data(**kwargs) | {"title": title}

    def form_valid(self, form):
        self.request.user = self.user  # who followed the link is the user: the protocol names them as the author
        response = super().form_valid(form)
        messages.success(self.request, _("Your new password is set. Please log in with it."))
        return response
