"""Finding articles as the till and the API do: an EAN (prefix) or words of the name or brand, also inside words.

Names are compared folded (`core.text`), so "loreal" finds "L'Oréal", "mueller" finds "Müller", and "spray" finds
"Haarspray" (German compounds). Articles whose words start with what was typed come first.
"""

from django.db.models import Case, IntegerField, QuerySet, Value, When

from regulars.core.text import fold_words


def search_articles(queryset: QuerySet, text: str) -> QuerySet:
    """The articles of `queryset` whose EAN starts with the digits typed, or whose name or brand holds every word."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        return queryset.filter(ean__startswith=text)
    words = fold_words(text)
    if not words:
        return queryset.none() if text else queryset
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    word_start = Case(
        When(search_text__contains=f" {words[0]}", then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return queryset.annotate(word_start=word_start).order_by("word_start", "name", "id")
