"""docs/features.md lists exactly the feature ids the code cites, each with its line: the map to the catalogue."""

import re
from pathlib import Path

import regulars

SOURCE = Path(regulars.__file__).parent
FEATURES_DOC = SOURCE.parents[1] / "docs" / "features.md"
#: an id as cited: "R9", or a range "C9-C11" / "C9–C11"
CITED = re.compile(r"\b([A-Z])(\d{1,2})(?:\s*[-–]\s*\1?(\d{1,2}))?\b")
#: the catalogue's letters; A4 is the paper size and F2 ... F9 are the till's keys, not features
LETTERS = set("LCNROKIVTQBDMAPGSX")
NOT_FEATURES = {"A4"}
LISTED = re.compile(r"^- \*\*([A-Z]\d{1,2})\*\* \S", re.MULTILINE)


def cited_in_code() -> dict[str, set[str]]:
    cited: dict[str, set[str]] = {}
    for path in SOURCE.rglob("*"):
        if path.suffix not in {".py", ".html", ".js", ".txt"} or {"vendor", "migrations"} & set(path.parts):
            continue
        for match in CITED.finditer(path.read_text(encoding="utf-8", errors="replace")):
            letter, first, last = match.group(1), int(match.group(2)), int(match.group(3) or match.group(2))
            for number in range(first, last + 1):
                feature = f"{letter}{number}"
                if letter in LETTERS and feature not in NOT_FEATURES:
                    cited.setdefault(feature, set()).add(str(path.relative_to(SOURCE)))
    return cited


def test_every_cited_feature_is_listed_and_every_listed_one_is_cited():
    cited = cited_in_code()
    listed = LISTED.findall(FEATURES_DOC.read_text(encoding="utf-8"))
    assert len(listed) == len(set(listed)), "an id is listed twice"
    missing = {feature: sorted(files) for feature, files in cited.items() if feature not in listed}
    assert not missing, f"cited in the code but not in docs/features.md: {missing}"
    assert not set(listed) - set(cited), "listed in docs/features.md but cited nowhere"
