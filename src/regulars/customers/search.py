"""Customer search as you type (L2, C5): names in any spelling, numbers, phones, e-mails.

Every customer has a few folded keys (see keys_for). A query is folded the same way;
its longest word must be the prefix of a key, every other word must start a later word
of that same key. Keys are compared as bytes, so the prefix becomes an index range
scan ordered by the key (and the customer, as the index is): the first page is found
without sorting the matches. count() counts the matches from the same range alone.
"""

from dataclasses import dataclass

import phonenumbers
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet

from regulars.core.text import digits, fold_term, fold_words

from .models import SearchKey

MAX_WORDS = 5
_PHONE_CHARS = set("0123456789+-/() .")


@dataclass(frozen=True)
class Query:
    """A parsed query: `prefix` is matched by index range, `words` inside the same key."""

    prefix: str
    words: tuple[str, ...] = ()

    @property
    def upper(self) -> str:
        return self.prefix + "\x7f"


def name_keys(*names: str) -> list[str]:
    """Every rotation of the folded words, so that each word can lead: "anna muller", "muller anna".

    A word with a Dutch "ij" leads a second time as spelled, so that "Di" finds "Dijkstra" ("dykstra").
    """
    pairs = [pair for name in names for pair in zip(fold_words(name), fold_words(name, ij=False), strict=True)][:8]
    words = [folded for folded, _spelled in pairs]
    keys = [" ".join(words[i:] + words[:i]) for i in range(len(words))]
    for i, (folded, spelled) in enumerate(pairs):
        if spelled != folded:
            keys.append(" ".join([spelled, *words[i + 1 :], *words[:i]]))
    return keys


def phone_keys(e164: str) -> list[str]:
    """A phone number as national ("0171..."), international ("49171...") and bare ("171...") digits."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return [digits(e164)] if digits(e164) else []
    national = str(parsed.national_number)
    return [f"0{national}", f"{parsed.country_code}{national}", national]


def keys_for(*, number: str, first_name: str, last_name: str, company: str, phones, emails) -> set[str]:
    """All search keys of one customer."""
    keys = set(name_keys(first_name, last_name))
    if company:
        keys.update(name_keys(company))
    keys.add(number.casefold())
    keys.update(name_keys(number))
    for phone in phones:
        keys.update(phone_keys(phone))
    for email in emails:
        keys.add(fold_term(email))
    return {key[:255] for key in keys if key}


def parse(text: str) -> Query | None:
    """Turn what the user typed into a Query, or None when there is nothing to search."""
    text = text.strip()
    if not text:
        return None
    if "@" in text:
        term = fold_term(text)
        return Query(term) if term else None
    if set(text) <= _PHONE_CHARS and sum(c.isdigit() for c in text) >= 3:
        return Query(_phone_prefix(text))
    words = fold_words(text)[:MAX_WORDS]
    if not words:
        return None
    prefix = max(words, key=len)
    rest = list(words)
    rest.remove(prefix)
    return Query(prefix, tuple(rest))


def _phone_prefix(text: str) -> str:
    text = text.strip()
    if text.startswith("+") or text.startswith("00"):
        return digits(text.replace("(0)", "")).removeprefix("00")
    return digits(text)


def _condition(query: Query, path: str) -> Q:
    condition = Q(**{f"{path}__gte": query.prefix, f"{path}__lt": query.upper})
    for word in query.words:
        condition &= Q(**{f"{path}__contains": f" {word}"})
    return condition


def search(queryset: QuerySet, text: str) -> QuerySet:
    """Customers of `queryset` matching `text`, ordered by their best key; unchanged when `text` is empty.

    A customer whose several keys match is listed once, under its first matching key.
    """
    query = parse(text)
    if query is None:  # nothing typed: everyone; only characters that are never searched: no one
        return queryset if not text.strip() else queryset.none()
    earlier = SearchKey.objects.filter(_condition(query, "key"), customer=OuterRef("pk"), key__lt=OuterRef("match"))
    return (
        queryset.filter(_condition(query, "search_keys__key"))
        .annotate(match=F("search_keys__key"), match_customer=F("search_keys__customer_id"))
        .exclude(Exists(earlier))
        .order_by("match", "match_customer")
    )


def count(text: str, limit: int) -> int | None:
    """How many customers match `text`, counting no further than `limit`; None when nothing is searched.

    The same as search(Customer.objects.all(), text)[:limit].count(), but from the index of keys alone and
    as fast as reading `limit` keys: the distinct customers among the first matching keys, in plain SQL (the
    ORM would take longer to write the query than the database to run it). A customer rarely has two keys
    in one range; when the keys read hold fewer than `limit` customers but there are more keys, more are read.
    """
    query = parse(text)
    if query is None:
        return None
    quote = connection.ops.quote_name
    key = quote(SearchKey._meta.get_field("key").column)
    customer = quote(SearchKey._meta.get_field("customer").column)
    where = f"{key} >= %s AND {key} < %s" + f" AND {key} LIKE %s ESCAPE '\\'" * len(query.words)
    params = [query.prefix, query.upper, *(f"% {connection.ops.prep_for_like_query(w)}%" for w in query.words)]
    sql = (
        f"SELECT COUNT(*), COUNT(DISTINCT {customer}) FROM (SELECT {customer} FROM {quote(SearchKey._meta.db_table)} "  # noqa: S608
        f"WHERE {where} ORDER BY {key}, {customer} LIMIT %s) keys"
    )
    rows = limit
    with connection.cursor() as cursor:
        while True:
            cursor.execute(sql, [*params, rows])
            keys, customers = cursor.fetchone()
            if customers >= limit or keys < rows:
                return min(customers, limit)
            rows *= 2
