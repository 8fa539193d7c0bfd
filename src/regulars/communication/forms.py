from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MailAccount


class MailAccountForm(forms.ModelForm):
    """The SMTP account; the password is never shown again, an empty field keeps the stored one."""

    password = forms.CharField(
        label=_("password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Leave empty to keep the stored password."),
    )

    class Meta:
        model = MailAccount
        fields = ["shop", "host", "port", "security", "username", "password", "sender", "sender_name"]

    def save(self, commit=True):
        """Save the account, encrypting a newly typed password; an empty field keeps the stored one."""
        if password := self.cleaned_data.get("password"):
            self.instance.set_password(password)
        return super().save(commit)
