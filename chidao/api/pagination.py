"""Cursor pages for long API lists: page 3,000 costs what page 1 costs.

``KeysetPagination`` pages a queryset in its own order (which must end with ``pk``) with
``core.keyset``, the same implementation as the task list page. A client follows
``next`` and ``previous``; ``cursor`` is opaque. Clients written for the numbered pages
keep them: ``?page=N`` answers as before (``count``, ``next``, ``previous``,
``results``), at the old cost of an OFFSET that grows with N.
"""

from rest_framework import exceptions
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from chidao.core.keyset import CursorError, get_keyset_page

CURSOR_DESCRIPTION = (
    "Con trỏ trang: lấy nguyên giá trị từ next hoặc previous của câu trả lời trước; "
    "bỏ trống là trang đầu. Trang sâu tốn như trang đầu."
)
PAGE_DESCRIPTION = (
    "Trang đánh số (cách cũ, giữ cho các hệ thống đã viết theo nó): có count, nhưng trang "
    "càng sâu càng chậm. Không dùng cùng cursor."
)


class KeysetPagination(BasePagination):
    """50 rows a page after a cursor; ``?page=N`` falls back to numbered pages."""

    page_size = 50
    cursor_query_param = "cursor"

    def __init__(self):
        self.numbered: PageNumberPagination | None = None
        self.page = None
        self.request = None

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        if request.query_params.get("page"):
            self.numbered = PageNumberPagination()
            return self.numbered.paginate_queryset(queryset, request, view)
        ordering = tuple(queryset.query.order_by)
        try:
            self.page = get_keyset_page(
                queryset,
                ordering,
                cursor=request.query_params.get(self.cursor_query_param) or None,
                size=self.page_size,
            )
        except CursorError as error:
            raise exceptions.ValidationError(
                {self.cursor_query_param: ["Con trỏ trang không hợp lệ hoặc đã cũ."]}
            ) from error
        return self.page.rows

    def get_paginated_response(self, data):
        if self.numbered is not None:
            return self.numbered.get_paginated_response(data)
        return Response(
            {
                "next": self._link(self.page.next_cursor),
                "previous": self._link(self.page.previous_cursor),
                "results": data,
            }
        )

    def _link(self, cursor: str | None) -> str | None:
        if cursor is None:
            return None
        url = remove_query_param(self.request.build_absolute_uri(), "page")
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "Trang sau (có cursor); null ở trang cuối.",
                },
                "previous": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "Trang trước; null ở trang đầu.",
                },
                "count": {
                    "type": "integer",
                    "description": "Tổng số dòng: chỉ khi hỏi trang đánh số (page).",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": CURSOR_DESCRIPTION,
                "schema": {"type": "string"},
            },
            {
                "name": "page",
                "required": False,
                "in": "query",
                "description": PAGE_DESCRIPTION,
                "deprecated": True,
                "schema": {"type": "integer"},
            },
        ]
