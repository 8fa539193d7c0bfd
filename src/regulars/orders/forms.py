from django import forms
from django.utils.translation import gettext_lazy as _

from regulars.core.fields import MoneyFormField

from .models import Order


class OrderForm(forms.ModelForm):
    class Meta:
        model = Order
        fields = ["status", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class OrderLineForm(forms.Form):
    description = forms.CharField(label=_("description"), max_length=300, required=False)
    quantity = forms.IntegerField(label=_("quantity"), min_value=1, initial=1)
    price = MoneyFormField(label=_("price"), required=False)


class _LineFormSet(forms.BaseFormSet):
    def lines(self) -> list[dict]:
        return [
            {"description": f.cleaned_data["description"], "quantity": f.cleaned_data["quantity"],
             "price": f.cleaned_data.get("price") or 0}
            for f in self.forms
            if f.cleaned_data.get("description") and not f.cleaned_data.get("DELETE")
        ]  # fmt: skip


OrderLineFormSet = forms.formset_factory(OrderLineForm, formset=_LineFormSet, extra=2, can_delete=True, max_num=50)
