"""Customer search as you type (L2, C5): names in any spelling, numbers, phones, e-mails, with the place.

Every customer has a few folded keys (see keys_for): the name keys end with the city and postcode, and parts of
e-mail addresses have keys of their own, marked so that a name never finds them. A query is folded the same way;
one of its words must be the prefix of a key, every other word must start a later word of that same key (a further
name, the city or the postcode). Keys are compared as bytes, so the prefix becomes an index range scan ordered by
the key (and the customer, as the index is): the first page is found without sorting the matches. count() counts
the matches from the same range alone.

The leading word is the longest one, as the narrowest range. When it finds no one (a place leads no key: "Li
Düsseldorf"), the next longest leads, and so on (`resolve`).
"""

from dataclasses import dataclass

import phonenumbers
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet

from regulars.core.text import digits, fold_term, fold_words

from .models import SearchKey

MAX_WORDS = 5
_PHONE_CHARS = set("0123456789+-/() .")
#: marks the keys cut from within e-mail addresses ("~muller@example.de", "~example.de"): only a query that looks
#: like part of an address searches them, so that "web" finds Weber and not everyone at web.de
MAIL_PART = "~"


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


def place(*, city: str, postcode: str) -> str:
    """The folded words of where a customer lives, which end each name key: "koln 50667"."""
    return " ".join(fold_words(f"{city} {postcode}"))


def mail_parts(term: str) -> list[str]:
    """Keys of a folded address: whole, and marked from each later part of its name and from its domain.

    "kathe.muller@example.de" -> "kathe.muller@example.de", "~muller@example.de", "~example.de".
    """
    name, at, domain = term.partition("@")
    keys = [term] + [MAIL_PART + term[i + 1 :] for i, char in enumerate(name) if char in "._+-" and name[i + 1 :]]
    return keys + [MAIL_PART + domain] if at and domain else keys


def keys_for(
    *, number: str, first_name: str, last_name: str, company: str, phones, emails, city: str = "", postcode: str = ""
) -> set[str]:
    """All search keys of one customer."""
    names = set(name_keys(first_name, last_name))
    if company:
        names.update(name_keys(company))
    where = place(city=city, postcode=postcode)
    keys = {f"{key} {where}" for key in names} if where else names
    keys.add(number.casefold())
    keys.update(name_keys(number))
    for phone in phones:
        keys.update(phone_keys(phone))
    for email in emails:
        keys.update(mail_parts(fold_term(email)))
    return {key[:255] for key in keys if key}


def candidates(text: str) -> list[Query]:
    """What the user may have meant by `text`, the narrowest search first; empty when there is nothing to search.

    Digits and phone signs are a phone number (or customer number). Text with "@", or a "." and no space, is (part
    of) an e-mail address: from its start, or marked from within (MAIL_PART); a "." may also separate words. Else
    each word may lead (the longest first), the others start later words of the key.
    """
    text = text.strip()
    if set(text) <= _PHONE_CHARS and sum(c.isdigit() for c in text) >= 3:
        return [Query(_phone_prefix(text))]
    found = []
    if "@" in text or ("." in text and not any(c.isspace() for c in text)):
        term = fold_term(text)
        found = [Query(term), Query(MAIL_PART + term.removeprefix("@"))] if term.strip("@") else []
        if "@" in text:
            return found
    words = fold_words(text)[:MAX_WORDS]
    for lead in sorted(dict.fromkeys(words), key=len, reverse=True):  # sorted() keeps the typed order of ties
        rest = list(words)
        rest.remove(lead)
        found.append(Query(lead, tuple(rest)))
    return found


def parse(text: str) -> Query | None:
    """The first of the candidates (the narrowest search), or None when there is nothing to search."""
    found = candidates(text)
    return found[0] if found else None


def resolve(text: str) -> Query | None:
    """The candidate that finds someone (the first, when only one), or None when none does or nothing is searched."""
    found = candidates(text)
    if len(found) <= 1:
        return found[0] if found else None
    for query in found:
        sql, params = _keys_sql(query, "1")
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT 1", params)
            if cursor.fetchone():
                return query
    return None


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


def search(queryset: QuerySet, text: str | Query) -> QuerySet:
    """Customers of `queryset` matching `text` (or a query resolved from it), ordered by their best key; unchanged
    when `text` is empty.

    A customer whose several keys match is listed once, under its first matching key.
    """
    query = text if isinstance(text, Query) else resolve(text)
    if query is None:  # nothing typed: everyone; only characters that are never searched, or no match: no one
        return queryset if not text.strip() else queryset.none()
    earlier = SearchKey.objects.filter(_condition(query, "key"), customer=OuterRef("pk"), key__lt=OuterRef("match"))
    return (
        queryset.filter(_condition(query, "search_keys__key"))
        .annotate(match=F("search_keys__key"), match_customer=F("search_keys__customer_id"))
        .exclude(Exists(earlier))
        .order_by("match", "match_customer")
    )


def count(text: str | Query, limit: int, *, active: bool | None = None) -> int | None:
    """How many customers match `text` (or a query resolved from it; only active or inactive ones, if asked),
    counting no further than `limit`; None when nothing is searched.

    The same as search(Customer.objects.all(), text)[:limit].count(), but from the index of keys alone and
    as fast as reading `limit` keys: the distinct customers among the first matching keys. A customer rarely
    has two keys in one range; when the keys read hold fewer than `limit` customers but there are more keys,
    more are read.
    """
    query = text if isinstance(text, Query) else resolve(text)
    if query is None:
        return None
    quote = connection.ops.quote_name
    key = quote(SearchKey._meta.get_field("key").column)
    customer = quote(SearchKey._meta.get_field("customer").column)
    matching, params = _keys_sql(query, customer)
    if active is not None:
        matching += f" AND {quote(SearchKey._meta.get_field('active').column)} = %s"
        params.append(active)
    sql = f"SELECT COUNT(*), COUNT(DISTINCT {customer}) FROM ({matching} ORDER BY {key}, {customer} LIMIT %s) keys"  # noqa: S608
    rows = limit
    with connection.cursor() as cursor:
        while True:
            cursor.execute(sql, [*params, rows])
            keys, customers = cursor.fetchone()
            if customers >= limit or keys < rows:
                return min(customers, limit)
            rows *= 2


def _keys_sql(query: Query, columns: str) -> tuple[str, list]:
    """`SELECT columns` of the search keys in the query's range whose later words start with its other words.

    Plain SQL: the ORM would take longer to write the query than the database to run it.
    """
    quote = connection.ops.quote_name
    key = quote(SearchKey._meta.get_field("key").column)
    where = f"{key} >= %s AND {key} < %s" + f" AND {key} LIKE %s ESCAPE '\\'" * len(query.words)
    params = [query.prefix, query.upper, *(f"% {connection.ops.prep_for_like_query(w)}%" for w in query.words)]
    return f"SELECT {columns} FROM {quote(SearchKey._meta.db_table)} WHERE {where}", params  # noqa: S608
