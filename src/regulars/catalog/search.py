"""Finding articles as the till and the API do: an EAN (prefix) or the beginnings of words of the name or brand.

Names are compared folded (`core.text`), so "loreal" finds "L'Oréal" and "mueller" finds "Müller".
"""

from django.db.models import QuerySet

from regulars.core.text import fold_words


def search_articles(queryset: QuerySet, text: str) -> QuerySet:
    """The articles of `queryset` whose EAN starts with the digits typed, or whose name or brand has every word."""
    text = text.strip()
    if text.isdigit():
        return queryset.filter(ean__startswith=text)
    words = fold_words(text)
    if not words:
        return queryset.none() if text else queryset
    for word in words:
        queryset = queryset.filter(search_text__contains=f" {word}")
    return queryset
