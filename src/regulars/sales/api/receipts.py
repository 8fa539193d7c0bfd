"""Receipts through the API: book with an Idempotency-Key, read, cancel; never change or delete (S2, S3, R1)."""

import hashlib
import json

from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import ListAPIView
from rest_framework.response import Response

from regulars.customers.models import Customer

from ..models import IdempotencyKey, Receipt, Till
from ..panels import customer_receipts
from ..printing import PrinterError, print_receipt
from ..services import BookingError, LineInput, PaymentInput, book_receipt, cancel_receipt, link_receipt
from .serializers import CancelRequestSerializer, LinkRequestSerializer, ReceiptRequestSerializer, ReceiptSerializer

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    description="Any unique text per receipt; a retry with the same key returns the receipt booked first.",
)

PRINT_RESULT = inline_serializer("PrintResult", {"detail": serializers.CharField()})


def receipts_queryset():
    return Receipt.objects.select_related("cancelled_by").prefetch_related("lines", "payments")


class ReceiptViewSet(mixins.RetrieveModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Receipts are booked and cancelled, never changed: PATCH, PUT and DELETE answer 405."""

    serializer_class = ReceiptSerializer
    queryset = receipts_queryset()
    filterset_fields = ["till", "customer"]

    @extend_schema(request=ReceiptRequestSerializer, responses={201: ReceiptSerializer}, parameters=[IDEMPOTENCY_KEY])
    def create(self, request, *args, **kwargs):
        request_data = ReceiptRequestSerializer(data=request.data)
        request_data.is_valid(raise_exception=True)
        key = request.headers.get("Idempotency-Key", "").strip()[:255]
        fingerprint = hashlib.sha256(json.dumps(request.data, sort_keys=True, default=str).encode()).hexdigest()
        if key:
            earlier = IdempotencyKey.objects.filter(user=request.user, key=key).select_related("receipt").first()
            if earlier is not None:
                return self._replay(earlier, fingerprint)
        try:
            with transaction.atomic():
                receipt = self._book(request, request_data.validated_data)
                if key:
                    IdempotencyKey.objects.create(user=request.user, key=key, fingerprint=fingerprint, receipt=receipt)
        except BookingError as error:
            return Response({error.field: [error.message]}, status=status.HTTP_400_BAD_REQUEST)
        except IntegrityError:
            if not key:
                raise
            return self._replay(IdempotencyKey.objects.get(user=request.user, key=key), fingerprint)
        return Response(ReceiptSerializer(receipt).data, status=status.HTTP_201_CREATED)  # lines kept by the booking

    def _replay(self, earlier: IdempotencyKey, fingerprint: str) -> Response:
        if earlier.fingerprint != fingerprint:
            detail = _("This Idempotency-Key was used for another receipt. Use a new key for a new receipt.")
            return Response({"detail": detail}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
        return Response(ReceiptSerializer(receipts_queryset().get(pk=earlier.receipt_id)).data, status=201)

    def _book(self, request, data) -> Receipt:
        staff = data.get("staff") or getattr(request.user, "staff_member", None)
        if staff is None:
            raise BookingError(_("Please name the staff member who serves."), "staff")
        till = data.get("till") or self._only_till(request.user)
        lines = [
            LineInput(
                article=line.get("article"), service=line.get("service"), quantity=line["quantity"],
                staff=line.get("staff"), customer=line.get("customer"),
            )
            for line in data["lines"]
        ]  # fmt: skip
        payments = [PaymentInput(method=p["method"], amount=p["amount"]) for p in data["payments"]]
        return book_receipt(
            till=till, staff=staff, lines=lines, payments=payments, customer=data.get("customer"), user=request.user
        )

    @staticmethod
    def _only_till(user) -> Till:
        tills = list(Till.objects.filter(active=True, shop=user.shop)[:2]) if user.shop_id else []
        if len(tills) != 1:
            raise BookingError(_("Please name the till: the shop has more than one, or none."), "till")
        return tills[0]

    @extend_schema(request=LinkRequestSerializer, responses={200: ReceiptSerializer})
    @action(detail=True, methods=["post"])
    def link(self, request, pk=None):
        """Link a receipt booked without customer to a customer afterwards (R9); only once."""
        receipt = self.get_object()
        data = LinkRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            link_receipt(receipt=receipt, customer=data.validated_data["customer"], user=request.user)
        except BookingError as error:
            return Response({error.field: [error.message]}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ReceiptSerializer(receipts_queryset().get(pk=receipt.pk)).data)

    @extend_schema(request=CancelRequestSerializer, responses={201: ReceiptSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Book a cancellation that reverses this receipt (S3)."""
        receipt = self.get_object()
        data = CancelRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        staff = data.validated_data.get("staff") or getattr(request.user, "staff_member", None) or receipt.staff
        try:
            cancellation = cancel_receipt(receipt=receipt, staff=staff, user=request.user)
        except BookingError as error:
            return Response({error.field: [error.message]}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ReceiptSerializer(cancellation).data, status=201)

    @extend_schema(request=None, responses={200: PRINT_RESULT, 503: PRINT_RESULT})
    @action(detail=True, methods=["post"], url_path="print")
    def reprint(self, request, pk=None):
        """Print a copy of this receipt on its till's receipt printer (R6); 503 when the printer cannot be reached."""
        receipt = self.get_object()
        try:
            print_receipt(receipt=receipt, user=request.user)
        except PrinterError as error:
            return Response({"detail": str(error)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        return Response({"detail": _("Printed on %(till)s.") % {"till": receipt.till.name}})


class CustomerReceiptsView(ListAPIView):
    """The customer's receipts, newest first: as main customer or with a line booked to them (R1)."""

    serializer_class = ReceiptSerializer
    filter_backends = []

    def get_queryset(self):
        customer = get_object_or_404(Customer, pk=self.kwargs["pk"])
        return customer_receipts(customer)
