"""Folding makes spellings of one name find each other (C5, L2)."""

import pytest

from regulars.core.text import fold_term, fold_words


@pytest.mark.parametrize("spelling", ["Müller", "Mueller", "Muller", "MÜLLER", "müller", "MUELLER"])
def test_umlaut_spellings_fold_alike(spelling):
    assert fold_words(spelling) == ["muller"]


def test_sharp_s_and_dutch_ij():
    assert fold_words("Straßburger") == fold_words("Strassburger")
    assert fold_words("Dijkstra") == fold_words("Dykstra")


def test_double_names_split_into_words():
    assert fold_words("Müller-Lüdenscheidt") == ["muller", "ludenscheidt"]
    assert fold_words("van der Meer") == ["van", "der", "meer"]


def test_e_mail_keeps_its_characters():
    assert fold_term("Anna.Mueller+shop@Web.de") == "anna.muller+shop@web.de"
