from django import forms

from .models import Till


class TillForm(forms.ModelForm):
    class Meta:
        model = Till
        fields = ["shop", "name", "printer_host", "printer_port", "active"]
