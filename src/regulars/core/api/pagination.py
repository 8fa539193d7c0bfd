"""API pages by cursor with a capped count: follow `next` to the last row; `count_is_exact` is false beyond 1,000."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from ..keyset import InvalidCursor
from ..pagination import list_page


class CappedCursorPagination(CursorPagination):
    """Pages in the list's own order (see core/keyset.py); a view with `count_capped(queryset, limit)` counts itself."""

    page_size_query_param = "page_size"
    max_page_size = 200
    cursor_query_description = "Where the page starts: the cursor in `next` or `previous` of another page of the list."

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        try:
            self.page = list_page(
                queryset,
                cursor=request.query_params.get(self.cursor_query_param),
                per_page=self.get_page_size(request),
                counter=getattr(view, "count_capped", None),
            )
        except InvalidCursor:
            raise ValidationError({self.cursor_query_param: [_("This is not a cursor of this list.")]}) from None
        return self.page.rows

    def _link(self, cursor: str | None) -> str | None:
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(remove_query_param(url, self.cursor_query_param), self.cursor_query_param, cursor)

    def get_next_link(self):
        return self._link(self.page.next)

    def get_previous_link(self):
        return self._link(self.page.previous)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.shown_count,
                "count_is_exact": not self.page.more,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"] = {
            "count": {"type": "integer", "example": 123, "description": "At most 1000."},
            "count_is_exact": {"type": "boolean", "description": "False when there are more than `count`."},
            **response["properties"],
        }
        response["required"] = ["count", "count_is_exact", *response.get("required", ["results"])]
        return response

    def get_html_context(self):
        return {"previous_url": self.get_previous_link(), "next_url": self.get_next_link()}
