"""A receipt's A4 invoice through the API (R6)."""

import json

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.renderers import BaseRenderer
from rest_framework.views import APIView

from ..document_views import pdf_response
from ..documents import invoice_filename, invoice_pdf
from ..models import Receipt, ReceiptKind


class PdfRenderer(BaseRenderer):
    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        """Errors (a dict) come as JSON text; the PDF itself is an HttpResponse and bypasses this."""
        return data if isinstance(data, bytes) else json.dumps(data, default=str).encode()


class InvoicePdfView(APIView):
    """The receipt's A4 invoice as a PDF, in the shop's language."""

    renderer_classes = [PdfRenderer]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk: int):
        receipt = get_object_or_404(Receipt.objects.exclude(kind=ReceiptKind.ABORTED), pk=pk)
        return pdf_response(invoice_pdf(receipt), invoice_filename(receipt), inline=True)
