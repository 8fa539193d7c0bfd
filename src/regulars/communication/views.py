"""Pages of communication: the mail account (administrators) and e-mailing a receipt (R6)."""

from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views import View

from regulars.core.roles import Role
from regulars.core.views.generic import crud_urls
from regulars.core.views.mixins import RoleRequiredMixin
from regulars.sales.models import Receipt

from .filters import MailAccountFilterSet
from .forms import MailAccountForm
from .models import MailAccount
from .services import MailError, send_receipt_email
from .tables import MailAccountTable


class ReceiptEmailView(RoleRequiredMixin, View):
    """E-mail a receipt's invoice to its customer; answers a small status fragment for htmx."""

    def post(self, request, pk):
        receipt = get_object_or_404(Receipt, pk=pk)
        try:
            entry = send_receipt_email(receipt=receipt, user=request.user)
        except MailError as error:
            context = {"ok": False, "message": error.message}
            # htmx swaps only successful answers: the refusal is a 200 fragment for it, a 422 for anyone else
            status = 200 if request.htmx else 422
            return render(request, "communication/_email_status.html", context, status=status)
        return render(request, "communication/_email_status.html", {"ok": True, "entry": entry})


def _mail_account_urls() -> list:
    return crud_urls(
        prefix="mail-accounts", name="mailaccount", queryset=MailAccount.objects.select_related("shop"),
        filterset_class=MailAccountFilterSet, table_class=MailAccountTable, form_class=MailAccountForm,
        title=_("Mail accounts"), add_title=_("New mail account"), required_role=Role.ADMIN,
    )  # fmt: skip


urlpatterns = [
    path("receipts/<int:pk>/email/", ReceiptEmailView.as_view(), name="receipt_email"),
    *_mail_account_urls(),
]
