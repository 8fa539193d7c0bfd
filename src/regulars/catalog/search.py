"""Finding articles as the till and the API do: an EAN (prefix) or words of the name or brand."""

from django.db.models import Q, QuerySet


def search_articles(queryset: QuerySet, text: str) -> QuerySet:
    """The articles of `queryset` whose EAN starts with the digits typed, or whose name or brand has every word."""
    text = text.strip()
    if text.isdigit():
        return queryset.filter(ean__startswith=text)
    condition = Q()
    for word in text.split():
        condition &= Q(name__icontains=word) | Q(brand__name__icontains=word)
    return queryset.filter(condition)
