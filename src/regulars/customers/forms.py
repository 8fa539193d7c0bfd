"""The customer form: the same for a new customer and for changes (C1)."""

from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regulars.catalog.models import Discount
from regulars.core.forms import IdMultipleChoiceField
from regulars.core.models import StaffMember
from regulars.core.roles import Role, has_role
from regulars.core.services import shops_of

from .models import (
    CONTACT_FIELDS,
    INFO_FIELDS,
    MANAGER_FIELDS,
    MASTER_FIELDS,
    MAX_PARTS,
    NAME_FIELDS,
    ConsentKind,
    ConsentSource,
    Customer,
    CustomerGroup,
    EmailKind,
    PhoneKind,
)
from .services import CustomerData
from .validators import (
    check_referrer,
    format_phone,
    normalise_phone,
    normalise_postcode,
    normalise_vat_id,
    require_name,
    require_vat_id_for_reverse_charge,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class CustomerForm(forms.ModelForm):
    """Master data, contact preferences and consents of one customer."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Customer
        fields = list(MASTER_FIELDS)
        widgets = {
            "birthday": DateInput,
            "anniversary": DateInput,
            "groups": forms.CheckboxSelectMultiple,
            "referred_by": forms.HiddenInput,
            "popup_text": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"number": _("Leave empty to get the next free number.")}
        field_classes = {"groups": IdMultipleChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False
        self._offer_active_and_current("groups", CustomerGroup.objects.all())
        self._offer_active_and_current("regular_staff", StaffMember.objects.all())
        discounts = Discount.objects.filter(shop__in=shops_of(user)).select_related("shop")
        self._offer_active_and_current("service_discount", discounts.filter(applies_to="services"))
        self._offer_active_and_current("article_discount", discounts.filter(applies_to="articles"))
        if not has_role(user, Role.MANAGER):
            for name in MANAGER_FIELDS:  # what the customer pays: shown, kept, not changed by a cashier
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Only a manager changes this.")
        if self.instance.pk:
            self.fields["version"].required = True
            self.fields["version"].initial = self.instance.version
            self.fields["version"].error_messages["required"] = _(
                "This form is outdated. Please open the customer again and repeat your change."
            )
        for kind, label in ConsentKind.choices:
            given = self._given_consent(kind)
            self.fields[f"consent_{kind}"] = forms.BooleanField(
                label=label, label_suffix="", required=False, initial=bool(given)
            )
            self.fields[f"consent_{kind}_date"] = forms.DateField(
                label=_("date"), required=False, widget=DateInput, initial=given.given_on if given else None
            )
            self.fields[f"consent_{kind}_source"] = forms.ChoiceField(
                label=_("source"), choices=ConsentSource.choices, initial=given.source if given else ConsentSource.TILL
            )

    def _offer_active_and_current(self, name: str, queryset) -> None:
        """Active choices, plus what the customer has now even when it was deactivated since."""
        current = Q(pk__in=[])
        if self.instance.pk:
            value = getattr(self.instance, name)
            ids = [obj.pk for obj in value.all()] if name == "groups" else ([value.pk] if value else [])
            current = Q(pk__in=ids)
        self.fields[name].queryset = queryset.filter(Q(active=True) | current)

    def _given_consent(self, kind):
        if not self.instance.pk:
            return None
        return next((c for c in self.instance.consents.all() if c.kind == kind), None)

    @property
    def contact_fields(self):
        return [self[name] for name in CONTACT_FIELDS]

    @property
    def info_fields(self):
        return [self[name] for name in INFO_FIELDS]

    @property
    def consent_rows(self):
        return [
            (self[f"consent_{kind}"], self[f"consent_{kind}_date"], self[f"consent_{kind}_source"])
            for kind in ConsentKind.values
        ]

    def clean_vat_id(self):
        return normalise_vat_id(self.cleaned_data["vat_id"])

    def clean_referred_by(self):
        return check_referrer(self.cleaned_data.get("referred_by"), self.instance.pk)

    def clean(self):
        data = super().clean()
        try:
            require_vat_id_for_reverse_charge(data.get("vat_treatment"), data.get("vat_id"))
        except ValidationError as error:
            self.add_error("vat_treatment", error)
        if "postcode" in data and data.get("country"):
            try:
                data["postcode"] = normalise_postcode(data["postcode"], data["country"])
            except ValidationError as error:
                self.add_error("postcode", error)
        require_name(**{name: data.get(name) for name in NAME_FIELDS})  # raised here: an error of the whole form
        for kind in ConsentKind.values:
            if data.get(f"consent_{kind}") and not data.get(f"consent_{kind}_date"):
                data[f"consent_{kind}_date"] = date.today()
            given_on = data.get(f"consent_{kind}_date")
            if given_on and given_on > date.today():
                self.add_error(f"consent_{kind}_date", _("This date lies in the future."))
        return data

    def consents(self) -> dict:
        data = self.cleaned_data
        return {
            kind: (data[f"consent_{kind}_date"], data[f"consent_{kind}_source"])
            for kind in ConsentKind.values
            if data.get(f"consent_{kind}")
        }

    def to_data(self, phones: "PhoneFormSet", emails: "EmailFormSet") -> CustomerData:
        fields = {name: self.cleaned_data[name] for name in MASTER_FIELDS if name != "groups"}
        return CustomerData(
            fields=fields,
            phones=phones.entries(),
            emails=emails.entries(),
            groups=list(self.cleaned_data["groups"]),
            consents=self.consents(),
        )


class PhoneForm(forms.Form):
    number = forms.CharField(label=_("phone number"), max_length=40, required=False)
    kind = forms.ChoiceField(label=_("kind"), choices=PhoneKind.choices, initial=PhoneKind.MOBILE)

    def __init__(self, *args, region="", **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["number"].widget.attrs.update({"type": "tel", "autocomplete": "off"})

    def clean_number(self):
        raw = self.cleaned_data["number"].strip()
        return normalise_phone(raw, self.region) if raw else ""


class EmailForm(forms.Form):
    address = forms.EmailField(label=_("e-mail address"), max_length=254, required=False)
    kind = forms.ChoiceField(label=_("kind"), choices=EmailKind.choices, initial=EmailKind.PRIVATE)


class _EntriesFormSet(forms.BaseFormSet):
    value_field = ""

    def entries(self) -> list[tuple[str, str]]:
        seen, rows = set(), []
        for form in self.forms:
            value = form.cleaned_data.get(self.value_field)
            if value and not form.cleaned_data.get("DELETE") and value not in seen:
                seen.add(value)
                rows.append((value, form.cleaned_data["kind"]))
        return rows


class _PhoneFormSet(_EntriesFormSet):
    value_field = "number"


class _EmailFormSet(_EntriesFormSet):
    value_field = "address"


_ROWS = {"extra": 1, "can_delete": True, "max_num": MAX_PARTS, "validate_max": True, "absolute_max": MAX_PARTS + 5}
PhoneFormSet = forms.formset_factory(PhoneForm, formset=_PhoneFormSet, **_ROWS)
EmailFormSet = forms.formset_factory(EmailForm, formset=_EmailFormSet, **_ROWS)


def part_formsets(customer: Customer | None, data=None):
    """The phone and e-mail rows of the form, filled from the customer or from the submitted data."""
    region = (data.get("country") if data else None) or (str(customer.country) if customer else "")
    region = region or settings.REGULARS_DEFAULT_COUNTRY
    phones_initial = (
        [{"number": format_phone(p.number, region), "kind": p.kind} for p in customer.phones.all()] if customer else []
    )
    emails_initial = [{"address": e.address, "kind": e.kind} for e in customer.emails.all()] if customer else []
    phones = PhoneFormSet(data, initial=phones_initial, prefix="phones", form_kwargs={"region": region})
    emails = EmailFormSet(data, initial=emails_initial, prefix="emails")
    return phones, emails


class GroupForm(forms.ModelForm):
    """A customer group; its key is what the API and imports use ("standard", "webshop")."""

    class Meta:
        model = CustomerGroup
        fields = ["name", "key", "active"]
        help_texts = {"key": _("Short name for interfaces and imports: lower-case letters, digits and hyphens.")}
