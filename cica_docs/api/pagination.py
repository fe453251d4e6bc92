from django.core.paginator import InvalidPage
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.utils.urls import remove_query_param, replace_query_param

from cica_docs.pagination import page_of


class Pagination(PageNumberPagination):
    """`?page=2&page_size=100`; at most 200 items a page. `next` and `previous` are cursor
    links (`?cursor=…`) where the list is newest first: page 3,000 costs what page 1 costs
    (cica_docs/pagination.py). `?page=N` keeps working; `count` stays."""

    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        try:
            self.page = page_of(queryset, self.get_page_size(request), request.query_params,
                                strict=True)
        except InvalidPage as error:
            raise NotFound(self.invalid_page_message.format(
                page_number=request.query_params.get(self.page_query_param, 1),
                message=str(error))) from None
        return list(self.page)

    def _link(self, cursor, number):
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        if cursor:
            return replace_query_param(url, "cursor", cursor)
        url = remove_query_param(url, "cursor")
        return url if number == 1 else replace_query_param(url, self.page_query_param, number)

    def get_next_link(self):
        if not self.page.has_next():
            return None
        return self._link(self.page.next_cursor, self.page.next_page_number())

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        return self._link(self.page.previous_cursor, self.page.previous_page_number())

    def get_schema_operation_parameters(self, view):
        return [*super().get_schema_operation_parameters(view), {
            "name": "cursor", "required": False, "in": "query",
            "description": _("Where the page starts: the cursor of a next or previous link."),
            "schema": {"type": "string"},
        }]
