"""Folding of names and search terms so that spellings find each other (C5, L2).

"Müller", "Mueller", "Muller" and "MÜLLER" all fold to "muller"; "ß" folds to "ss";
Dutch "ij" folds to "y" (Dijkstra = Dykstra). Both the stored keys and the typed
query are folded the same way, so a prefix of one is a prefix of the other.
"""

import re
import unicodedata

_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ij", "y"))
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NON_TERM = re.compile(r"[^a-z0-9@._+\-]+")


#: letters that Unicode does not split into a base letter and an accent
_LETTERS = str.maketrans({"ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def _strip(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))


def _digraphs(text: str, ij: bool = True) -> str:
    for old, new in _DIGRAPHS:
        if ij or old != "ij":
            text = text.replace(old, new)
    return text


def fold_words(text: str, ij: bool = True) -> list[str]:
    """The folded words of a name or a query: "Müller-Lüdenscheidt" -> ["muller", "ludenscheidt"].

    ij=False keeps a Dutch "ij" as typed ("dijkstra"), for prefixes typed before the "j" ("di").
    """
    return [_digraphs(w, ij) for w in _NON_WORD.split(_strip(text).replace("'", "")) if w]


def fold_term(text: str) -> str:
    """One folded term that keeps the characters of e-mail addresses."""
    return _digraphs(_NON_TERM.sub("", _strip(text)))


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
