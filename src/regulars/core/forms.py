"""Forms of the core: users and shops (administrators only)."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from .models import Shop, StaffMember, User


class UserForm(forms.ModelForm):
    """A login: name, role, language, shop; the password is set here or left as it is."""

    password = forms.CharField(
        label=_("New password"),
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Leave empty to keep the current password."),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "language", "shop", "is_active"]

    def clean_password(self):
        password = self.cleaned_data.get("password")
        if password:
            validate_password(password, self.instance)
        elif not self.instance.pk:
            raise forms.ValidationError(_("A new user needs a password."))
        return password

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_staff = user.role == "admin"
        if self.cleaned_data.get("password"):
            user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
        return user


class ShopForm(forms.ModelForm):
    class Meta:
        model = Shop
        fields = ["name", "street", "postcode", "city", "country", "language", "currency", "vat_id"]


class StaffMemberForm(forms.ModelForm):
    """Someone who serves customers; the login is optional."""

    class Meta:
        model = StaffMember
        fields = ["name", "shop", "user", "active"]
