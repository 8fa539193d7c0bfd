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

    def clean_password(self):
        password = self.cleaned_data.get("password")
        return password if password else (self.instance.password if self.instance.pk else "")
