"""Forms of the core: users and shops (administrators only), passwords, staff members, and the base of a shop's
records."""

import logging

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .ids import parse_id
from .models import Shop, StaffMember, User
from .roles import Role
from .services import claim_password_mail, set_password, shops_of
from .user_mail import mail_user
from .validators import normalise_bic, normalise_iban, normalise_kvk, normalise_tax_number, normalise_vat_id

logger = logging.getLogger(__name__)


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


#: Django 5.2 words this refusal anew, and its Dutch catalogue still has only the old wording (Dutch users would read
#: the German fallback); our catalogues translate it
PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    8,
)


def password_rules() -> str:
    """The rules of AUTH_PASSWORD_VALIDATORS as one line of help (Django gives an HTML list)."""
    return " ".join(str(text) for text in password_validators_help_texts())


class UserForm(forms.ModelForm):
    """A login: name, role, language, shop, e-mail address; a new one gets its first password here, later ones
    are set on their own page (SetPasswordForm)."""

    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "language", "shop", "shops", "is_active"]
        field_classes = {"shops": IdMultipleChoiceField}
        widgets = {"shops": forms.CheckboxSelectMultiple}
        help_texts = {"email": _("Where the link to choose a new password goes when it is forgotten.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["password"]
        else:
            self.fields["password"].help_text = password_rules()

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
        password = self.cleaned_data["password"]
        username = self.cleaned_data.get("username", "")
        validate_password(password, User(username=username, first_name=self.data.get("first_name", "")))
        return password

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_staff = user.role == "admin"
        if self.cleaned_data.get("password"):
            user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
        return user


class NewPasswordForm:
    """A new password, typed twice and checked by AUTH_PASSWORD_VALIDATORS; saved by core.services.set_password."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = password_rules()

    def save(self, commit=True):
        set_password(user=self.user, password=self.cleaned_data["new_password1"])
        return self.user


class SetPasswordForm(NewPasswordForm, auth_forms.SetPasswordForm):
    """A new password without the old one: an administrator's for a user, or after the link of a forgotten one."""


class PasswordChangeForm(NewPasswordForm, auth_forms.PasswordChangeForm):
    """One's own new password, after the current one."""


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Asks for a link to choose a new password by user name or e-mail address. The link goes to the address stored
    for an active login with a password; the answer is the same whether there is one or not."""

    email = forms.CharField(
        label=_("User name or e-mail address"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )

    def get_users(self, email):
        users = {user.pk: user for user in super().get_users(email)}
        by_name = User.objects.filter(username=email, is_active=True).exclude(email="")
        users.update({user.pk: user for user in by_name if user.has_usable_password()})
        return users.values()

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        """Mail the link in the user's language through the app that sends mails (core.user_mail), at most one per
        PASSWORD_MAIL_INTERVAL; a failure is logged and not shown, so that the answer stays the same."""
        user = context["user"]
        if not claim_password_mail(user=user):
            return
        with translation.override(user.effective_language):
            subject = "".join(render_to_string(subject_template_name, context).splitlines())
            body = render_to_string(email_template_name, context)
        try:
            mail_user(user=user, subject=subject, body=body)
        except Exception:
            logger.exception("The link to choose a new password could not be mailed to user %s", user.pk)


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
