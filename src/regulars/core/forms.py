"""Forms of the core: users and shops (administrators only), staff members, and the base of a shop's records."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from .ids import parse_id
from .models import Shop, StaffMember, User
from .roles import Role
from .services import shops_of
from .validators import normalise_bic, normalise_iban, normalise_kvk, normalise_tax_number, normalise_vat_id


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several records by id: anything that is no id of ours ("abc", 2**64) is refused as a choice, not a server error
    (an id beyond the database's integers breaks the query behind the field)."""

    def _check_values(self, value):
        for pk in value:
            if parse_id(pk) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class ShopScopedForm(forms.ModelForm):
    """A form of a shop's records (articles, services, discounts, staff): the shop is one the user works in,
    for a new record the user's current shop."""

    takes_user = True  #: ObjectEditView passes the user

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["shop"].queryset = shops_of(user)
        if not self.instance.pk and user.shop_id:
            self.initial.setdefault("shop", user.shop_id)


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
        fields = ["username", "first_name", "last_name", "email", "role", "language", "shop", "shops", "is_active"]
        field_classes = {"shops": IdMultipleChoiceField}
        widgets = {"shops": forms.CheckboxSelectMultiple}

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
    """A shop and the data its invoices name; the numbers are checked (python-stdnum) and kept in their usual form."""

    class Meta:
        model = Shop
        fields = [
            "name", "street", "postcode", "city", "country", "language", "currency", "vat_id", "tax_number",
            "kvk_number", "bank_name", "iban", "bic", "invoice_footer",
        ]  # fmt: skip
        widgets = {"invoice_footer": forms.Textarea(attrs={"rows": 3})}

    def clean_vat_id(self):
        return normalise_vat_id(self.cleaned_data["vat_id"], str(self.cleaned_data.get("country") or ""))

    def clean_tax_number(self):
        return normalise_tax_number(self.cleaned_data["tax_number"])

    def clean_kvk_number(self):
        return normalise_kvk(self.cleaned_data["kvk_number"])

    def clean_iban(self):
        return normalise_iban(self.cleaned_data["iban"])

    def clean_bic(self):
        return normalise_bic(self.cleaned_data["bic"])


class StaffMemberForm(ShopScopedForm):
    """Someone who serves customers in a shop; the login is optional."""

    class Meta:
        model = StaffMember
        fields = ["shop", "name", "user", "active"]
