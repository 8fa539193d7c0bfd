"""E-mailing a receipt through the API (R6)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from regulars.sales.models import Receipt

from ..services import MailError, send_receipt_email

EMAIL_RESULT = inline_serializer(
    "ReceiptEmailResult",
    {"status": serializers.CharField(), "recipient": serializers.CharField(), "subject": serializers.CharField()},
)
EMAIL_ERROR = inline_serializer("ReceiptEmailError", {"detail": serializers.CharField()})


class ReceiptEmailView(APIView):
    """Send the receipt's A4 invoice to the customer's e-mail address; 422 with the reason when it fails."""

    @extend_schema(request=None, responses={200: EMAIL_RESULT, 422: EMAIL_ERROR})
    def post(self, request, pk: int):
        receipt = get_object_or_404(Receipt, pk=pk)
        try:
            entry = send_receipt_email(receipt=receipt, user=request.user)
        except MailError as error:
            return Response({"detail": error.message}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
        return Response({"status": entry.status, "recipient": entry.recipient, "subject": entry.subject})
