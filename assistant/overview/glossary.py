"""The house's abbreviations and named terms, as the documents themselves define them.

A new employee meets SOF, BIF, FAU, APV, MED, KRAP ... on every page. This module finds the
places where a document *defines* such a term and the places where it only *uses* one:

- "Socialforvaltning (SOF)", "Beskæftigelses- og Integrationsforvaltning (BIF)": the long form
  before the parenthesis is found with the Schwartz–Hearst rule (the abbreviation's letters
  occur in order in the words before it, the first letter at a word start), which also handles
  Danish compounds ("Arbejdspladsvurdering (APV)") and split compounds ("Beskæftigelses- og").
- "KRAP uddannelse (Kognitiv, Ressourcefokuseret og Anerkendende Pædagogik)": the long form
  inside the parenthesis; "KIK (Silkeborg Kommunes kvalitetsmodel)": an explanation that is not
  a spelled-out form is kept as such (kind "explanation").
- "(SOF) Socialforvaltningen", "SOF: Socialforvaltningen" (glossary lines), "X, forkortet Y",
  "Y står for X", "Y er en forkortelse for X".
- "... måling af medarbejdernes opfattelse ... (Temperaturmålingen)": a name given to the
  phrase before it (kind "term"), accepted only when the name repeats a word of the phrase;
  "Lov om social service (serviceloven)": the short name of an act (kind "term").

Upper-case tokens that are used but never defined (FAU, DUT, PPR, LBR ...) are reported as
such and never expanded by guessing. Words set in capitals (headings such as "BILAG 2",
"LEAN-management" next to "Leanmetoden") are told apart from abbreviations by the document's
own evidence: the same word written in ordinary case.

Pure functions over one document's text; `stores/glossary.py` keeps the results per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.dates import MONTHS

__all__ = [
    "Definition",
    "Usage",
    "DocumentGlossary",
    "extract",
    "find_definitions",
    "find_usages",
    "is_abbreviation",
    "normalise_term",
    "EXTRACTOR_VERSION",
]

# Bump when the rules change: stored results of older versions are recomputed.
EXTRACTOR_VERSION = 4

_UP = "A-ZÆØÅ"
_LO = "a-zæøåéü"
_LETTER = f"{_UP}{_LO}"
# An abbreviation as written where it is defined: all capitals (SOF, KRAP), or capitals with a
# lower-case part (LokalMED, SoF, BUUs is handled as a use).
_ABBR = rf"(?:[{_UP}][{_UP}0-9]{{1,7}}|[{_UP}][{_LO}]{{0,5}}[{_UP}][{_UP}{_LO}]{{0,6}})"
_ABBR_RE = re.compile(rf"^{_ABBR}$")
_WORD_RE = re.compile(rf"[{_LETTER}0-9][{_LETTER}0-9'’]*-?")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")

# A use of an abbreviation: 2-6 capitals not inside a longer all-caps word; a lower-case
# continuation is a Danish compound or genitive ("AMRstruktur", "SOFs", "APV-vurderinger").
_USE_RE = re.compile(rf"(?<![{_LETTER}0-9])([{_UP}]{{2,6}})(?![{_UP}0-9])")
# ... or the capital tail of a compound ("LokalMED", "OmrådeMED").
_TAIL_RE = re.compile(rf"(?<=[{_LO}])([{_UP}]{{2,6}})(?![{_LETTER}0-9])")

_DATA = Path(__file__).resolve().parents[1] / "data"
_MONTHS = frozenset(MONTHS)

# Words that may introduce the name in a parenthesis: "(herefter kaldet SOF)".
_NAMING_CUE = (
    r"(?:forkortet|fork\.|herefter(?:\s+kaldet|\s+benævnt)?|i\s+det\s+følgende(?:\s+kaldet|"
    r"\s+benævnt)?|kaldet|benævnt|i\s+daglig\s+tale)"
)
_PAREN_ABBR_RE = re.compile(rf"\(\s*(?:{_NAMING_CUE}\s+)?(?P<abbr>{_ABBR})\s*\)")
_ABBR_PAREN_RE = re.compile(
    rf"(?<![{_LETTER}0-9])(?P<abbr>{_ABBR})(?P<gap>(?:[ \t]+[{_LO}][{_LO}\-]*){{0,2}})"
    rf"[ \t]*\((?P<body>[^()\n]{{3,160}}?)\)"
)
_LIST_LINE_RE = re.compile(
    rf"(?m)^[ \t]*(?:[-•·*▪–][ \t]+)?(?P<abbr>{_ABBR})[ \t]*(?::|=|–|—|-(?=\s)|\t|[ \t]{{2,}})"
    rf"[ \t]*(?P<after>[^\n]{{2,200}})"
)
_LEADING_PAREN_RE = re.compile(
    rf"(?m)(?:^|(?<=[\n•·*▪–-]))[ \t]*\((?P<abbr>{_ABBR})\)[ \t]*(?P<after>[^\n]{{2,200}})"
)
_STANDS_FOR_RE = re.compile(
    rf"(?<![{_LETTER}0-9])(?P<abbr>{_ABBR})\s+(?P<cue>står\s+for|betyder|er\s+(?:en\s+)?"
    r"forkortelse\s+(?:for|af)|er\s+kort\s+for|dækker\s+over)\s+(?P<after>[^\n.;:()]{3,200})"
)
_COMMA_CUE_RE = re.compile(
    rf"(?:,|\s–|\s-)\s*(?:forkortet|fork\.|i\s+daglig\s+tale|også\s+kaldet|kaldet)\s+"
    rf"(?P<abbr>{_ABBR})(?![{_LETTER}0-9])"
)
_QUOTE = "[\"'“”«»‘’]?"
_TERM_PAREN_RE = re.compile(
    rf"\(\s*(?:{_NAMING_CUE}\s+)?{_QUOTE}(?P<term>[{_UP}][{_LO}]{{5,}}(?:-[{_LETTER}]+)?)"
    rf"{_QUOTE}\s*\)"
)
# "Lov om social service (serviceloven)": the short name of an act.
_LAW_RE = re.compile(
    rf"(?<![{_LETTER}])(?P<law>(?:[Ll]ov(?:en)?|[Bb]ekendtgørelse(?:n)?)\s+(?:om|af)\s+"
    rf"[^()\n.;:]{{3,120}}?)\s*\(\s*(?:{_NAMING_CUE}\s+)?{_QUOTE}"
    rf"(?P<term>[{_LO}]+(?:loven|lov|bekendtgørelsen))\s*{_QUOTE}\s*\)"
)
# Labels and status words of minutes that are set in capitals but are no abbreviations.
_CAPS_LABELS = {"ÅBENT", "LUKKET", "SAGSNR", "DOKNR", "JNR", "PKT", "NB", "PS", "OBS"}
# Where a clause starts, looking back from a definition.
_CLAUSE_BREAK_RE = re.compile(r"(?:[.!?](?=\s+[A-ZÆØÅ0-9])|[;:()\n\[\]]|\s[–—]\s)")
_DETERMINERS = {"den", "det", "de", "en", "et", "denne", "dette", "disse", "vores", "sin", "sit"}
_FUNCTION_WORDS = {"og", "for", "i", "af", "til", "med", "på", "om", "&", "samt", "eller"}
_DESCRIPTION_STOP = {
    "se", "jf", "jf.", "jvf", "fx", "f.eks.", "bl.a.", "herunder", "inkl.", "dvs.", "og",
    "eller", "der", "som", "hvor", "hvis", "men", "ca.", "nr.", "pkt.", "bilag", "side", "kl.",
}  # fmt: skip


@dataclass(frozen=True)
class Definition:
    """A term defined in a text: `text[start:end]` is the defining span (term and long form)."""

    term: str
    expansion: str
    kind: str  # "abbreviation" | "explanation" | "term"
    pattern: str  # which rule found it, for debugging and evaluation
    start: int
    end: int
    term_start: int
    term_end: int


@dataclass
class Usage:
    """Where an abbreviation occurs in one text (first occurrences kept, all counted)."""

    term: str
    count: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)
    word_like: bool = False  # the same letters are also written as an ordinary word here


@dataclass
class DocumentGlossary:
    definitions: list[Definition]
    usages: dict[str, Usage]


def normalise_term(term: str) -> str:
    """Lookup key: abbreviations keep their case-insensitive letters, terms their base form."""
    return re.sub(r"[^0-9a-zæøåéü]", "", term.lower())


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    words: set[str] = set()
    for name in ("danish_stopwords.txt", "danish_lexicon.txt"):
        path = _DATA / name
        if not path.exists():  # pragma: no cover - data shipped with the package
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().lower()
            if line and not line.startswith("#"):
                words.add(line)
    return frozenset(words)


def is_abbreviation(token: str) -> bool:
    """An upper-case token that can be an abbreviation (not a Roman numeral, not one letter)."""
    if not _ABBR_RE.match(token) or _ROMAN_RE.match(token):
        return False
    return sum(1 for c in token if c.isupper()) >= 2


# --------------------------------------------------------------------- Schwartz–Hearst


def _long_form_start(abbr: str, candidate: str) -> int | None:
    """Start in `candidate` of the shortest long form ending at its end that spells `abbr`.

    The abbreviation's letters are matched right to left, each to an earlier character of the
    candidate; the first letter must begin a word (Schwartz & Hearst 2003).
    """
    letters = [c for c in abbr.lower() if c.isalnum()]
    low = candidate.lower()
    li = len(low) - 1
    for si in range(len(letters) - 1, -1, -1):
        ch = letters[si]
        while li >= 0:
            at_start = li == 0 or not low[li - 1].isalnum()
            if low[li] == ch and (si > 0 or at_start):
                break
            li -= 1
        if li < 0:
            return None
        li -= 1
    return li + 1


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD_RE.finditer(text, lo, hi)]


def _content_words(text: str, spans: list[tuple[int, int]]) -> int:
    return sum(1 for a, b in spans if text[a:b].lower().rstrip("-") not in _FUNCTION_WORDS)


def _clause_start(text: str, pos: int, limit: int = 240) -> int:
    lo = max(0, pos - limit)
    start = lo
    for m in _CLAUSE_BREAK_RE.finditer(text, lo, pos):
        start = m.end()
    return start


def _backward_long_form(text: str, abbr: str, end: int) -> int | None:
    """Start of the long form that ends at `end` (just before "(" or ", forkortet")."""
    letters = sum(1 for c in abbr if c.isalnum())
    lo = _clause_start(text, end)
    words = _words(text, lo, end)
    if not words:
        return None
    window = words[-min(len(words), max(letters + 5, 2 * letters)) :]
    w_lo = window[0][0]
    rel = _long_form_start(abbr, text[w_lo:end])
    if rel is None:
        return None
    start = w_lo + rel
    used = [w for w in window if w[1] > start]
    if _content_words(text, used) > letters + 1 or end - start <= len(abbr):
        return None
    if text[start:end].strip().lower() == abbr.lower():
        return None
    return _extend_coordination(text, abbr, start, lo)


def _extend_coordination(text: str, abbr: str, start: int, lo: int) -> int:
    """Take in the first conjunct of "Social- og Sundhedsudvalget (SSU)" or "Medindflydelse og
    medbestemmelse (MED)" when it starts with the abbreviation's first letter."""
    m = re.search(rf"([{_LETTER}]+-?)[ \t]+(?:og|&)[ \t]+$", text[lo:start])
    if m and m.group(1)[0].lower() == abbr[0].lower() and len(m.group(1)) >= 3:
        return lo + m.start(1)
    return start


def _forward_long_form(text: str, abbr: str, lo: int, hi: int) -> int | None:
    """End of the shortest run of words from `lo` that spells `abbr` from its first word."""
    letters = sum(1 for c in abbr if c.isalnum())
    words = _words(text, lo, hi)[: letters + 4]
    if not words or words[0][0] != lo:
        return None
    for k in range(1, len(words) + 1):
        end = words[k - 1][1]
        if _long_form_start(abbr, text[lo:end]) == 0:
            # every word must be needed: the last one holds the last letter
            last_word = text[words[k - 1][0] : end].lower()
            if abbr[-1].lower() not in last_word:
                continue
            if _content_words(text, words[:k]) > letters + 1 or end - lo <= len(abbr):
                return None
            return end
    return None


def _whole_clause(text: str, abbr: str, lo: int, hi: int) -> int | None:
    """End of a glossary line's long form when the whole clause spells the abbreviation:
    "MED: Medindflydelse og medbestemmelse"."""
    m = re.search(r"[,.;(]|\s[–—-]\s", text[lo:hi])
    end = lo + m.start() if m else hi
    while end > lo and text[end - 1] in " \t":
        end -= 1
    words = _words(text, lo, end)
    letters = sum(1 for c in abbr if c.isalnum())
    if not words or words[0][0] != lo or _content_words(text, words) > letters + 1:
        return None
    clause = text[lo:end].lower()
    rest = iter(clause[1:])
    first_ok = clause[0] == abbr[0].lower()
    if first_ok and all(c in rest for c in abbr[1:].lower() if c.isalnum()):
        return end
    return None


def _skip_space(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos] in " \t":
        pos += 1
    return pos


def _clean(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ,;:-–")
    return s.rstrip("-").strip() if s.endswith(" -") else s


# --------------------------------------------------------------------- definitions


def _def(kind: str, pattern: str, text: str, term: tuple[int, int], long: tuple[int, int],
         span: tuple[int, int]) -> Definition:  # fmt: skip
    return Definition(
        term=text[term[0] : term[1]],
        expansion=_clean(text[long[0] : long[1]]),
        kind=kind,
        pattern=pattern,
        start=span[0],
        end=span[1],
        term_start=term[0],
        term_end=term[1],
    )


def _long_before_paren(text: str) -> list[Definition]:
    """ "Socialforvaltning (SOF)", "Familie- og Arbejdsmarkedsudvalget (herefter FAU)"."""
    out = []
    for m in _PAREN_ABBR_RE.finditer(text):
        abbr = m.group("abbr")
        if not is_abbreviation(abbr):
            continue
        end = m.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        start = _backward_long_form(text, abbr, end)
        if start is None:
            continue
        out.append(
            _def(
                "abbreviation", "long (ABBR)", text, m.span("abbr"), (start, end), (start, m.end())
            )  # fmt: skip
        )
    return out


def _is_description(body: str) -> bool:
    """A short noun phrase that explains an abbreviation: "Silkeborg Kommunes kvalitetsmodel"."""
    words = body.split()
    if not 2 <= len(words) <= 8 or re.search(r"\d|[:;=/§]", body):
        return False
    if words[0].lower() in _DESCRIPTION_STOP or not words[0][0].isupper():
        return False
    if any(is_abbreviation(w.strip(",.")) for w in words):
        return False
    return sum(1 for w in words if len(w) >= 4) >= 1


def _long_in_paren(text: str) -> list[Definition]:
    """ "KRAP uddannelse (Kognitiv, Ressourcefokuseret og Anerkendende Pædagogik)", "KIK (...)"."""
    out = []
    for m in _ABBR_PAREN_RE.finditer(text):
        abbr = m.group("abbr")
        if not is_abbreviation(abbr):
            continue
        b_lo, b_hi = m.span("body")
        b_lo = _skip_space(text, b_lo, b_hi)
        while b_hi > b_lo and text[b_hi - 1] in " \t.":
            b_hi -= 1
        body = text[b_lo:b_hi]
        letters = sum(1 for c in abbr if c.isalnum())
        words = _words(text, b_lo, b_hi)
        spelled = (
            words
            and _long_form_start(abbr, body) == 0
            and _content_words(text, words) <= letters + 1
            and abbr.lower() not in body.lower().split()
        )
        if spelled:
            out.append(
                _def(
                    "abbreviation",
                    "ABBR (long)",
                    text,
                    m.span("abbr"),
                    (b_lo, b_hi),
                    (m.start(), m.end()),
                )  # fmt: skip
            )
        elif not m.group("gap") and _is_description(body):
            out.append(
                _def(
                    "explanation",
                    "ABBR (explanation)",
                    text,
                    m.span("abbr"),
                    (b_lo, b_hi),
                    (m.start(), m.end()),
                )  # fmt: skip
            )
    return out


def _forward_patterns(text: str) -> list[Definition]:
    """Glossary lines ("SOF: Socialforvaltningen", "(SOF) Socialforvaltningen") and
    "SOF står for Socialforvaltningen"."""
    out = []
    for regex, pattern, must_end in (
        (_LIST_LINE_RE, "ABBR: long", True),
        (_LEADING_PAREN_RE, "(ABBR) long", False),
        (_STANDS_FOR_RE, "ABBR står for long", False),
    ):
        for m in regex.finditer(text):
            abbr = m.group("abbr")
            if not is_abbreviation(abbr):
                continue
            lo, hi = m.span("after")
            lo = _skip_space(text, lo, hi)
            end = _whole_clause(text, abbr, lo, hi) if must_end else None
            end = end or _forward_long_form(text, abbr, lo, hi)
            if end is None and pattern == "ABBR står for long":
                # explicit cue: the clause itself is the long form, within reason
                words = _words(text, lo, hi)
                if words and len(words) <= 8 and words[0][0] == lo:
                    end = words[-1][1]
            if end is None:
                continue
            if must_end and text[end:hi].strip() and text[end:hi].lstrip()[0] not in ",.;)(":
                continue  # "SOF: Børneteam, Voksenteam ..." lists, it does not define
            out.append(_def("abbreviation", pattern, text, m.span("abbr"), (lo, end),
                            (m.start("abbr") if pattern != "(ABBR) long" else m.start("abbr") - 1,
                             end)))  # fmt: skip
    return out


def _comma_cue(text: str) -> list[Definition]:
    """ "Familie- og Arbejdsmarkedsudvalget, forkortet FAU"."""
    out = []
    for m in _COMMA_CUE_RE.finditer(text):
        abbr = m.group("abbr")
        if not is_abbreviation(abbr):
            continue
        end = m.start()
        start = _backward_long_form(text, abbr, end)
        if start is None:
            continue
        out.append(
            _def(
                "abbreviation",
                "long, forkortet ABBR",
                text,
                m.span("abbr"),
                (start, end),
                (start, m.end()),
            )  # fmt: skip
        )
    return out


def _stem(word: str) -> str:
    word = word.lower().rstrip("-")
    for suffix in ("erne", "ene", "en", "et", "er", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            return word[: -len(suffix)]
    return word


def _named_terms(text: str) -> list[Definition]:
    """ "... den første halvårlige måling af ... (Temperaturmålingen)": a name for a phrase."""
    out = []
    for m in _TERM_PAREN_RE.finditer(text):
        term = m.group("term")
        end = m.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        lo = _clause_start(text, end)
        words = _words(text, lo, end)
        if len(words) < 2:
            continue
        t = term.lower()
        stems = [_stem(text[a:b]) for a, b in words]
        if not any(len(s) >= 5 and s in t and s != t for s in stems):
            continue
        # The phrase starts at its last determiner, else at most six words back.
        start_i = max(0, len(words) - 6)
        for i in range(len(words) - 1, -1, -1):
            if text[words[i][0] : words[i][1]].lower() in _DETERMINERS:
                start_i = i
                break
        if len(words) - start_i < 2:
            continue
        start = words[start_i][0]
        out.append(
            _def("term", "phrase (Term)", text, m.span("term"), (start, end), (start, m.end()))
        )
    return out


def _law_names(text: str) -> list[Definition]:
    """ "Lov om aktiv beskæftigelsesindsats (beskæftigelsesindsatsloven)"."""
    out = []
    for m in _LAW_RE.finditer(text):
        start, end = m.span("law")
        while end > start and text[end - 1] in " \t":
            end -= 1
        out.append(
            _def(
                "term",
                "Lov om ... (kortnavn)",
                text,
                m.span("term"),
                (start, end),
                (start, m.end()),
            )  # fmt: skip
        )
    return out


def find_definitions(text: str) -> list[Definition]:
    """Every definition in `text`, in order; one per (term, long form) and no overlaps."""
    found = (
        _long_before_paren(text)
        + _long_in_paren(text)
        + _forward_patterns(text)
        + _comma_cue(text)
        + _law_names(text)
        + _named_terms(text)
    )
    out: list[Definition] = []
    seen: set[tuple[str, str]] = set()
    taken: list[tuple[int, int]] = []
    for d in found:  # rule order is priority order
        key = (normalise_term(d.term), d.expansion.lower())
        if key in seen or any(a < d.term_end and d.term_start < b for a, b in taken):
            continue
        seen.add(key)
        taken.append((d.term_start, d.term_end))
        out.append(d)
    out.sort(key=lambda d: d.start)
    return out


# --------------------------------------------------------------------- usages


def _is_word(token: str) -> bool:
    """A Danish word set in capitals rather than an abbreviation ("BILAG", "AUGUST")."""
    low = token.lower()
    if token in _CAPS_LABELS or len(token) >= 7 or low in _MONTHS:
        return True
    return len(token) >= 4 and low in _stopwords()


def _is_label(text: str, token: str, end: int) -> bool:
    """A short Danish word in capitals used as a field label: "SAG: 12", "TIL: Udvalget"."""
    return token.lower() in _stopwords() and bool(re.match(r"[ \t]*:", text[end : end + 3]))


def _in_caps_line(text: str, start: int, end: int) -> bool:
    """Part of a heading set in capitals ("HANDLINGSPLAN FOR ...", "NOTAT OM IT",
    "S A G S N O T A T")."""
    line_lo = text.rfind("\n", 0, start) + 1
    line_hi = text.find("\n", end)
    line_hi = len(text) if line_hi == -1 else line_hi
    window = text[max(line_lo, start - 60) : min(line_hi, end + 60)]
    caps = re.findall(rf"(?<![{_LETTER}])[{_UP}]{{2,}}(?![{_LO}])", window)
    words = re.findall(rf"[{_LETTER}]{{2,}}", window)
    if len(caps) >= 2 and len(caps) >= 0.5 * len(words) and any(_is_word(w) for w in caps):
        return True
    # single spaced capitals: "S A G S N O T A T"
    return bool(re.search(rf"(?:[{_UP}] ){{3,}}", text[max(line_lo, start - 8) : end + 8]))


def _word_evidence(text: str, token: str) -> bool:
    """The token's letters written as an ordinary word or word start ("Lean" in "Leanmetoden")."""
    if _is_word(token):
        return True
    if len(token) < 4:
        return False
    title = token[0] + token[1:].lower()
    return bool(
        re.search(rf"(?<![{_LETTER}])(?:{re.escape(title)}|{re.escape(token.lower())})", text)
    )


def find_usages(text: str, max_spans: int = 5) -> dict[str, Usage]:
    """Upper-case abbreviations used in `text`, with counts and their first spans."""
    usages: dict[str, Usage] = {}
    for regex in (_USE_RE, _TAIL_RE):
        for m in regex.finditer(text):
            token = m.group(1)
            if not is_abbreviation(token) or _is_word(token):
                continue
            if _in_caps_line(text, m.start(1), m.end(1)) or _is_label(text, token, m.end(1)):
                continue
            use = usages.setdefault(token, Usage(term=token))
            use.count += 1
            if len(use.spans) < max_spans:
                use.spans.append(m.span(1))
    for token, use in usages.items():
        use.spans.sort()
        use.word_like = _word_evidence(text, token)
    return usages


def extract(text: str) -> DocumentGlossary:
    """Definitions and abbreviation usages of one document's cleaned text."""
    return DocumentGlossary(definitions=find_definitions(text), usages=find_usages(text))
