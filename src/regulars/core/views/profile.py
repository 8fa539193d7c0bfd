"""A user's own settings: the language Regulars speaks to them (X1), and the way to their password."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import User
from ..roles import Role
from .generic import ObjectEditView


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "language"]


class ProfileView(ObjectEditView):
    required_role = Role.CASHIER
    model = User
    form_class = ProfileForm
    success_url = "customers:list"

    def get_object(self):
        return self.request.user

    def get_actions(self, obj):
        return [(reverse("core:password_change"), _("Change password"))]

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your settings were saved."))
            return redirect("core:profile")
        return self.render_to_response(self.get_context_data(form=form, object=request.user), status=400)
