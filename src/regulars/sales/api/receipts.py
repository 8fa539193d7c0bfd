"""Receipts through the API: book with an Idempotency-Key, read, cancel; never change or delete (S2, S3, R1)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import ListAPIView
from rest_framework.response import Response

from regulars.core.api.serializers import ErrorSerializer
from regulars.core.services import default_staff
from regulars.customers.models import Customer

from ..models import Receipt
from ..panels import customer_receipts
from ..printing import PrinterError, print_receipt
from ..services import (
    BookingError,
    IdempotencyConflict,
    LineInput,
    PaymentInput,
    book_once,
    book_receipt,
    cancel_receipt,
    default_till,
    link_receipt,
    request_fingerprint,
)
from .serializers import BookingSerializer, CancellationSerializer, LinkSerializer, ReceiptSerializer

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    description="Any unique text per receipt; a retry with the same key returns the receipt booked first.",
)

KEY_REUSED = "The Idempotency-Key was sent before with another request; nothing was booked."

PRINT_RESULT = inline_serializer("PrintResult", {"detail": serializers.CharField()})


def receipts_queryset():
    return Receipt.objects.select_related("cancelled_by", "link", "seller", "till__shop").prefetch_related(
        "lines", "payments"
    )


class ReceiptViewSet(mixins.RetrieveModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Receipts are booked and cancelled, never changed: PATCH, PUT and DELETE answer 405."""

    serializer_class = ReceiptSerializer
    queryset = receipts_queryset()
    filterset_fields = ["till", "customer"]

    @extend_schema(
        request=BookingSerializer,
        responses={201: ReceiptSerializer, 422: OpenApiResponse(ErrorSerializer, description=KEY_REUSED)},
        parameters=[IDEMPOTENCY_KEY],
    )
    def create(self, request, *args, **kwargs):
        """Book a receipt; a retry with the same Idempotency-Key answers the receipt booked first."""
        request_data = BookingSerializer(data=request.data)
        request_data.is_valid(raise_exception=True)
        try:
            booked = book_once(
                user=request.user,
                key=request.headers.get("Idempotency-Key", ""),
                fingerprint=request_fingerprint(request.data),
                book=lambda: self._book(request, request_data.validated_data),
            )
        except BookingError as error:
            return Response(error.as_api_error(), status=status.HTTP_400_BAD_REQUEST)
        except IdempotencyConflict:
            detail = _("This Idempotency-Key was used for another receipt. Use a new key for a new receipt.")
            return Response({"detail": detail}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
        receipt = receipts_queryset().get(pk=booked.receipt.pk) if booked.replayed else booked.receipt
        return Response(ReceiptSerializer(receipt).data, status=status.HTTP_201_CREATED)  # lines kept by the booking

    def _book(self, request, data) -> Receipt:
        staff = data.get("staff") or default_staff(request.user)
        if staff is None:
            raise BookingError(_("Please name the staff member who serves."), "staff")
        till = data.get("till") or default_till(request.user)
        if till is None:
            raise BookingError(_("Please name the till: your shop has more than one, or none."), "till")
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

    @extend_schema(request=LinkSerializer, responses={200: ReceiptSerializer})
    @action(detail=True, methods=["post"])
    def link(self, request, pk=None):
        """Link a receipt booked without customer to a customer afterwards (R9); only once."""
        receipt = self.get_object()
        data = LinkSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            link_receipt(receipt=receipt, customer=data.validated_data["customer"], user=request.user)
        except BookingError as error:
            return Response(error.as_api_error(), status=status.HTTP_400_BAD_REQUEST)
        return Response(ReceiptSerializer(receipts_queryset().get(pk=receipt.pk)).data)

    @extend_schema(request=CancellationSerializer, responses={201: ReceiptSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Book a cancellation that reverses this receipt (S3)."""
        receipt = self.get_object()
        data = CancellationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            cancellation = cancel_receipt(receipt=receipt, staff=data.validated_data.get("staff"), user=request.user)
        except BookingError as error:
            return Response(error.as_api_error(), status=status.HTTP_400_BAD_REQUEST)
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
