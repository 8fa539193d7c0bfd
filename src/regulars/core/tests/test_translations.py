"""The German and Dutch catalogues are complete: every message translated, none fuzzy, placeholders kept.

English is the source language: its catalogue may leave msgstr empty and is not checked here.
After adding or changing a user-visible string, run (from src/regulars)
``regulars makemessages -l de -l nl -l en --no-obsolete --ignore=conftest.py --ignore='*/tests/*'``,
translate the new entries and run ``regulars compilemessages``.
"""

import ast
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

PACKAGE_DIR = Path(__file__).resolve().parents[2]
LOCALE_DIR = PACKAGE_DIR / "locale"
CHECKED_LANGUAGES = ["de", "nl"]
MAKEMESSAGES_IGNORE = ["conftest.py", "*/tests/*"]

#: %(name)s, %s, %d ... (python-format) and {name} (python-brace-format); "%%" is a literal percent sign
PERCENT_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[sdiouxXeEfFgGcr%]")
BRACE_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def label(self) -> str:
        return f"line {self.line}: {self.msgid!r}"


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")\s*$")


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def parse_po(path: Path) -> list[Entry]:
    """The entries of a .po file, header included (msgid ""); obsolete (#~) entries are left out."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int] | None = None
    pending_flags: set[str] = set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            target = None
            continue
        if line.startswith("#,"):
            pending_flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith("#"):
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, value = match.group(1), match.group(2), _unquote(match.group(3))
            if keyword in ("msgctxt", "msgid") and (entry is None or target is None or target[0] == "msgstr"):
                entry = Entry(flags=pending_flags, line=number)
                entries.append(entry)
                pending_flags = set()
            assert entry is not None, f"{path}:{number}: {keyword} outside an entry"
            if keyword == "msgstr":
                target = ("msgstr", int(index or 0))
                entry.msgstr[target[1]] = value
            else:
                target = (keyword, 0)
                setattr(entry, keyword, value)
        elif line.startswith('"') and entry is not None and target is not None:
            value = _unquote(line)
            if target[0] == "msgstr":
                entry.msgstr[target[1]] += value
            else:
                setattr(entry, target[0], getattr(entry, target[0]) + value)
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    return entries


def placeholders(text: str) -> list[str]:
    return sorted(PERCENT_PLACEHOLDER.findall(text) + BRACE_PLACEHOLDER.findall(text))


def catalogue(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def messages(language: str) -> list[Entry]:
    return [entry for entry in parse_po(catalogue(language)) if entry.msgid or entry.msgctxt]


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_header_names_the_language_and_is_not_fuzzy(language):
    header = next(entry for entry in parse_po(catalogue(language)) if not entry.msgid and not entry.msgctxt)
    assert "fuzzy" not in header.flags
    assert f"Language: {language}\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_every_message_is_translated(language):
    entries = messages(language)
    assert len(entries) > 100
    untranslated = [entry.label for entry in entries if not entry.msgstr or not all(entry.msgstr.values())]
    assert not untranslated, f"untranslated in {language}: {untranslated}"


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_no_message_is_fuzzy(language):
    fuzzy = [entry.label for entry in messages(language) if "fuzzy" in entry.flags]
    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_plural_messages_have_both_forms(language):
    for entry in messages(language):
        if entry.msgid_plural is not None:
            assert sorted(entry.msgstr) == [0, 1], entry.label
        else:
            assert sorted(entry.msgstr) == [0], entry.label


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_placeholders_are_kept(language):
    wrong = []
    for entry in messages(language):
        for index, text in entry.msgstr.items():
            source = entry.msgid if index == 0 or entry.msgid_plural is None else entry.msgid_plural
            if placeholders(text) != placeholders(source):
                wrong.append(f"{entry.label} [{index}]: {placeholders(source)} != {placeholders(text)} in {text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("language", "foreign_quote"), [("de", "”"), ("nl", "„")])
def test_quotation_marks_of_the_language(language, foreign_quote):
    """German quotes „so“, Dutch ‘zo’ or “zo”; the English ” or the German „ would be a slip."""
    slips = [
        entry.label for entry in messages(language) if any(foreign_quote in text for text in entry.msgstr.values())
    ]
    assert not slips


def test_gettext_checks_the_catalogues():
    """GNU gettext's own check agrees (format strings, header); skipped where gettext is not installed."""
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext (msgfmt) is not installed")
    for language in CHECKED_LANGUAGES:
        result = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue(language))],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_catalogues_hold_every_string_of_the_code(tmp_path, settings, monkeypatch):
    """makemessages on a copy of the code adds nothing: no string in the code is missing from the catalogues."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed")
    source = tmp_path / "regulars"
    shutil.copytree(
        PACKAGE_DIR,
        source,
        ignore=shutil.ignore_patterns("locale", "tests", "conftest.py", "__pycache__", "*.pyc", "static"),
    )
    locale = tmp_path / "locale"
    for language in CHECKED_LANGUAGES:
        (locale / language / "LC_MESSAGES").mkdir(parents=True)
        shutil.copy(catalogue(language), locale / language / "LC_MESSAGES" / "django.po")
    settings.LOCALE_PATHS = [str(locale)]
    monkeypatch.chdir(source)
    call_command(
        "makemessages",
        locale=CHECKED_LANGUAGES,
        no_obsolete=True,
        ignore_patterns=MAKEMESSAGES_IGNORE,
        verbosity=0,
    )
    for language in CHECKED_LANGUAGES:
        fresh = parse_po(locale / language / "LC_MESSAGES" / "django.po")
        missing = [
            entry.label
            for entry in fresh
            if (entry.msgid or entry.msgctxt) and (not all(entry.msgstr.values()) or "fuzzy" in entry.flags)
        ]
        assert not missing, (
            f"strings in the code without a {language} translation (run makemessages and translate them): {missing}"
        )


@pytest.fixture
def compiled_catalogues(tmp_path, settings):
    """The .po files compiled afresh (the .mo files are not in git), in use for this test."""
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext (msgfmt) is not installed")
    for language in CHECKED_LANGUAGES:
        target = tmp_path / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        subprocess.run(["msgfmt", "-o", str(target / "django.mo"), str(catalogue(language))], check=True)
    settings.LOCALE_PATHS = [str(tmp_path)]
    return tmp_path


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "de",
            {
                "Customers": "Kunden",
                "New customer": "Neukunde",
                "Customer number": "Kd-Nummer",
                "Regular staff member": "Stammbedienung",
                "Protocol": "Protokoll",
                "Cashier": "Kassierer",
            },
        ),
        (
            "nl",
            {
                "Customers": "Klanten",
                "New customer": "Nieuwe klant",
                "Customer number": "Klantnummer",
                "Customer groups": "Klantgroepen",
                "Cashier": "Kassamedewerker",
                "Administrator": "Beheerder",
            },
        ),
    ],
)
def test_key_strings_come_out_translated(compiled_catalogues, language, expected):
    with translation.override(language):
        assert {msgid: translation.gettext(msgid) for msgid in expected} == expected


def test_plurals_placeholders_and_lazy_labels_at_run_time(compiled_catalogues):
    from regulars.customers.models import Customer, VatTreatment

    with translation.override("de"):
        assert translation.ngettext("%(age)s year", "%(age)s years", 1) % {"age": 1} == "1 Jahr"
        assert translation.ngettext("%(age)s year", "%(age)s years", 42) % {"age": 42} == "42 Jahre"
        assert str(Customer._meta.verbose_name_plural) == "Kunden"
        assert str(VatTreatment.EXEMPT.label) == "Ust befreit"
        rendered = Template('{% load i18n %}{% translate "Save customer" %}').render(Context())
        assert rendered == "Kunde speichern"
    with translation.override("nl"):
        assert translation.ngettext("%(age)s year", "%(age)s years", 3) % {"age": 3} == "3 jaar"
        assert str(Customer._meta.verbose_name) == "klant"
        rendered = Template(
            "{% load i18n %}{% blocktranslate with page=2 pages=5 %}Page {{ page }} of {{ pages }}"
            "{% endblocktranslate %}"
        ).render(Context())
        assert rendered == "Pagina 2 van 5"
