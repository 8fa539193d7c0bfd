"""Forms of the core: users and shops (administrators only)."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from .models import Shop, StaffMember, User
from .roles import Role


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

    def clean(self):
        data = super().clean()
        was_admin = (
            self.instance.pk and User.objects.filter(pk=self.instance.pk, role=Role.ADMIN, is_active=True).exists()
        )
        stays_admin = data.get("role") == Role.ADMIN and data.get("is_active")
        if was_admin and not stays_admin:
            others = User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=self.instance.pk)
            if not others.exists():
                raise forms.ValidationError(_("This is the last active administrator: someone must keep that role."))
        return data

    def clean_password(self):
        password = self.cleaned_data.get("password")
        if password:
            username = self.cleaned_data.get("username") or self.instance.username
            validate_password(password, User(username=username, first_name=self.data.get("first_name", "")))
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
