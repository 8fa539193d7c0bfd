"""Master data forms of the catalogue; amounts are typed as people write them ("12,50")."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from regulars.core.fields import MoneyFormField
from regulars.core.forms import ShopScopedForm
from regulars.core.models import Shop
from regulars.core.services import shops_of
from regulars.core.vat import standard_rate

from .models import Article, ArticleCategory, Brand, Discount, DiscountKind, Service


class BrandForm(forms.ModelForm):
    class Meta:
        model = Brand
        fields = ["name", "active"]


class ArticleCategoryForm(forms.ModelForm):
    class Meta:
        model = ArticleCategory
        fields = ["name", "active"]


class GoodsForm(ShopScopedForm):
    """An article or service of a shop: a new one starts at the standard VAT rate of the user's shop."""

    price = MoneyFormField(label=_("price (gross)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and self.user.shop_id:
            self.initial.setdefault("vat_rate", standard_rate(Shop.objects.get(pk=self.user.shop_id).country))


class ArticleForm(GoodsForm):
    class Meta:
        model = Article
        fields = ["shop", "name", "ean", "brand", "category", "price", "vat_rate", "active"]

    def clean_ean(self):
        return (self.cleaned_data.get("ean") or "").strip() or None


class ServiceForm(GoodsForm):
    class Meta:
        model = Service
        fields = ["shop", "name", "price", "vat_rate", "duration", "active"]


class DiscountForm(ShopScopedForm):
    """A discount of some percent, or of a fixed amount per line."""

    percent = forms.DecimalField(
        label=_("percent"), required=False, min_value=Decimal("0.01"), max_value=Decimal(100), decimal_places=2
    )
    amount = MoneyFormField(label=_("amount per line"), required=False, min_cents=1)

    class Meta:
        model = Discount
        fields = ["shop", "name", "applies_to", "kind", "percent", "amount", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.percent is not None:
            self.initial["percent"] = Decimal(self.instance.percent) / 100

    def clean(self):
        data = super().clean()
        if data.get("kind") == DiscountKind.PERCENT:
            if data.get("percent") is None:
                self.add_error("percent", _("Please enter the percentage."))
            else:
                data["percent"] = int(data["percent"] * 100)
            data["amount"] = None
        elif data.get("kind") == DiscountKind.AMOUNT:
            if data.get("amount") is None:
                self.add_error("amount", _("Please enter the amount."))
            data["percent"] = None
        return data

    def save(self, commit=True):
        self.instance.percent = self.cleaned_data["percent"]
        self.instance.amount = self.cleaned_data["amount"]
        return super().save(commit)


class CopyCatalogueForm(forms.Form):
    """Which shop's articles and services go to which other shop."""

    source = forms.ModelChoiceField(label=_("from shop"), queryset=Shop.objects.none())
    target = forms.ModelChoiceField(label=_("to shop"), queryset=Shop.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = self.fields["target"].queryset = shops_of(user)

    def clean(self):
        data = super().clean()
        if data.get("source") and data.get("source") == data.get("target"):
            raise forms.ValidationError(_("Please choose two different shops."))
        return data
