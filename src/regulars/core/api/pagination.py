"""API page numbers with a capped count: `count_is_exact` is false when there are more."""

from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from ..pagination import COUNT_CAP, CappedPaginator


class CountingPaginator(CappedPaginator):
    """A CappedPaginator that lets the view count when it knows a faster way.

    `counter(object_list, limit)` returns min(rows, limit), or None to count the usual way.
    """

    def __init__(self, *args, counter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.counter = counter

    @cached_property
    def count(self) -> int:
        if self.counter is not None:
            counted = self.counter(self.object_list, COUNT_CAP + 1)
            if counted is not None:
                return counted
        return CappedPaginator.count.func(self)


class CappedPageNumberPagination(PageNumberPagination):
    """Pages of a capped count; a view with a `count_capped(queryset, limit)` method counts its lists itself."""

    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        self.counter = getattr(view, "count_capped", None)
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, object_list, per_page, **kwargs):
        return CountingPaginator(object_list, per_page, counter=getattr(self, "counter", None), **kwargs)

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        return Response(
            {
                "count": paginator.shown_count,
                "count_is_exact": not paginator.more,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count_is_exact"] = {"type": "boolean"}
        return response
