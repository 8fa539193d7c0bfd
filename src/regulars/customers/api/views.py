"""Customer endpoints: search, create, read with ETag, change with If-Match, protocol."""

import re

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from regulars.audit.services import changes_since, history
from regulars.core.api.serializers import ErrorSerializer

from ..filters import CustomerFilterSet
from ..models import Consent, Customer, CustomerGroup
from ..protocol import KIND
from ..search import count, resolve, search
from ..services import DuplicateNumberError, StaleCustomerError
from .serializers import CustomerGroupSerializer, CustomerSerializer, ProtocolEntrySerializer, StaleCustomerSerializer

#: query parameters of a plain quick search (the till's search as you type)
QUICK_SEARCH_PARAMS = {"q", "cursor", "page_size"}

ETAG_VERSION = re.compile(r"[0-9]{1,9}")
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="The ETag of the customer as last read; without it the change is refused (428).",
)


def etag(customer: Customer) -> str:
    return f'"{customer.pk}-{customer.version}"'


def version_from_if_match(header: str | None, customer_id: int) -> int | None:
    """The version named by an If-Match header; None when the header is absent; -1 when it is no ETag of ours.

    If-Match compares strongly (RFC 9110, 13.1.1): a weak ETag ("W/...") never matches.
    """
    if not header:
        return None
    value = header.strip()
    if not (value.startswith('"') and value.endswith('"')):
        return -1
    pk, _sep, version = value.strip('"').partition("-")
    if pk != str(customer_id) or not ETAG_VERSION.fullmatch(version):
        return -1
    return int(version)


ETAG = OpenApiParameter(
    "ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=True,
    description="The customer's version; send it as If-Match to change the customer.",
)  # fmt: skip
STALE = OpenApiResponse(
    StaleCustomerSerializer, description="Someone else changed the customer since it was read: the changes made."
)
PRECONDITION_REQUIRED = OpenApiResponse(ErrorSerializer, description="If-Match is missing.")
CHANGED = {200: CustomerSerializer, 412: STALE, 428: PRECONDITION_REQUIRED}


@extend_schema_view(
    retrieve=extend_schema(parameters=[ETAG]),
    create=extend_schema(parameters=[ETAG]),
    partial_update=extend_schema(parameters=[IF_MATCH, ETAG], responses=CHANGED),
    update=extend_schema(parameters=[IF_MATCH, ETAG], responses=CHANGED),
)
class CustomerViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Customers: `q` searches names in any spelling, numbers, phones and e-mails. Never deleted."""

    serializer_class = CustomerSerializer
    filterset_class = CustomerFilterSet
    queryset = Customer.objects.prefetch_related(
        "phones", "emails", "groups", Prefetch("consents", queryset=Consent.objects.order_by("kind"))
    )

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "list":  # CustomerListSerializer reads the parts of a page itself, as plain values
            return queryset.prefetch_related(None)
        return queryset

    def filter_queryset(self, queryset):
        text = self._quick_search()
        if text is None:
            return super().filter_queryset(queryset)
        everyone = not queryset.query.has_filters()  # search.count() can count them from the keys
        query = resolve(text)  # once for the page and the count
        found = search(queryset.filter(active=True), text if query is None else query)  # active: the default
        if everyone:
            self._quick_found = (found, query)
        return found

    def count_capped(self, queryset, limit: int) -> int | None:
        """The capped count of a plain quick search, read from the search keys alone (see search.count)."""
        found, query = getattr(self, "_quick_found", (None, None))
        return count(query, limit, active=True) if queryset is found and query is not None else None

    def _quick_search(self) -> str | None:
        """What was typed when the list is asked for nothing but `q` (and a page); else None.

        Such a request goes straight to search(): building the FilterSet and its form for it costs more
        than the search itself. Anything else, and a `q` the FilterSet would refuse, takes the FilterSet.
        """
        if self.action != "list" or list(self.filter_backends) != [DjangoFilterBackend]:
            return None
        params = self.request.query_params
        if not params.keys() <= QUICK_SEARCH_PARAMS:
            return None
        text = params.get("q", "")
        max_length = CustomerFilterSet.base_filters["q"].extra.get("max_length")
        if "\x00" in text or (max_length is not None and len(text.strip()) > max_length):
            return None
        return text

    def retrieve(self, request, *args, **kwargs):
        customer = self.get_object()
        response = Response(self.get_serializer(customer).data)
        response["ETag"] = etag(customer)
        return response

    def update(self, request, *args, **kwargs):
        customer = self.get_object()
        version = version_from_if_match(request.headers.get("If-Match"), customer.pk)
        if version is None:
            detail = _("Send the customer's ETag as If-Match, so that no one else's change is overwritten.")
            return Response({"detail": detail}, status=status.HTTP_428_PRECONDITION_REQUIRED)
        if version != customer.version:
            return self._stale(customer, version)
        context = {**self.get_serializer_context(), "expected_version": version}
        serializer = self.serializer_class(
            customer, data=request.data, partial=kwargs.get("partial", False), context=context
        )
        serializer.is_valid(raise_exception=True)
        try:
            saved = serializer.save()
        except StaleCustomerError as stale:
            return self._stale(stale.customer, version)
        except DuplicateNumberError:
            return Response({"number": [_("This customer number is taken already.")]}, status=400)
        fresh = self.get_queryset().get(pk=saved.pk)
        response = Response(self.get_serializer(fresh).data)
        response["ETag"] = etag(fresh)
        return response

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            saved = serializer.save()
        except DuplicateNumberError:
            return Response({"number": [_("This customer number is taken already.")]}, status=400)
        fresh = self.get_queryset().get(pk=saved.pk)
        response = Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)
        response["ETag"] = etag(fresh)
        response["Location"] = f"{request.build_absolute_uri(request.path)}{fresh.pk}/"
        return response

    def _stale(self, customer: Customer, version: int | None):
        changes = changes_since(kind_key=KIND, record_id=customer.pk, version=max(version or 0, 0))
        body = {
            "detail": _(
                "This customer was changed by someone else in the meantime. Read it again and repeat your change."
            ),
            "current_version": customer.version,
            "changes": ProtocolEntrySerializer(changes, many=True).data,
        }
        response = Response(body, status=status.HTTP_412_PRECONDITION_FAILED)
        response["ETag"] = etag(customer)
        return response

    @extend_schema(responses=ProtocolEntrySerializer(many=True), filters=False)
    @action(detail=True, methods=["get"], filterset_class=None)
    def protocol(self, request, pk=None):
        """The customer's protocol entries, newest first (P1)."""
        customer = self.get_object()
        entries = history(kind_key=KIND, record_id=customer.pk).select_related("supersedes")
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(ProtocolEntrySerializer(page, many=True).data)


class CustomerGroupViewSet(viewsets.ReadOnlyModelViewSet):
    """Customer groups; their keys are what `groups` takes on a customer."""

    serializer_class = CustomerGroupSerializer
    queryset = CustomerGroup.objects.all()
    filterset_fields = ["active"]
