"""Evaluation metrics for retrieval and answers (pure functions, no project imports).

The harness (`plan-assistant eval`) writes one record per question; `summarize()` turns the
records plus the gold rows of `eval/questions.jsonl` into the summary JSON of issues 3 and 5.
Everything here is deliberately independent of the ingest and retrieval code so that a change
there cannot silently change how it is measured. Definitions are in `eval/README.md`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import Stemmer

# --------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_CHAR_MAP = str.maketrans(
    {
        **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
        **{c: '"' for c in "\u201c\u201d\u201e\u00ab\u00bb\u2033"},
        **{c: "'" for c in "\u2018\u2019\u201a\u2032\u00b4`"},
        **_LIGATURES,
    }
)
# Words after which a hyphen is a Danish suspended compound ("Familie- og Arbejds..."), not a
# broken word, so "Børne- og Ungeudvalget" is never glued into "børneog".
_CONJUNCTIONS = {"og", "eller", "samt", "el", "and", "or", "til", "som"}
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-(?:[ \t]*\r?\n\s*|[ \t]+)(?=([^\W\d_]+))")
_WS = re.compile(r"\s+")


def _join_hyphen(match: re.Match[str]) -> str:
    following = match.group(1)
    if following.casefold() in _CONJUNCTIONS or not following[0].islower():
        return match.group(0)
    return ""


def normalize_text(s: str) -> str:
    """Canonical form for comparing quotes with chunk text.

    NFC, ligatures expanded, soft hyphens and zero-width characters dropped, typographic
    dashes and quotes mapped to ASCII, line-end hyphenation undone ("an-\\nlæg" and "an- læg"
    both become "anlæg", but "Børne- og Ungeudvalget" is kept), whitespace collapsed, casefolded.
    The same function is applied to both sides of every comparison, so it only has to be
    consistent, not linguistically perfect.
    """
    text = unicodedata.normalize("NFC", s).translate(_INVISIBLE).translate(_CHAR_MAP)
    text = _HYPHEN_BREAK.sub(_join_hyphen, text)
    text = _WS.sub(" ", text).strip().casefold()
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------------
# Retrieval metrics
# --------------------------------------------------------------------------------------------


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    """Gold `doc`/`evidence` are a string or an aligned list; "" means none."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [v for v in value if isinstance(v, str) and v.strip()]


def _covered(evidence: list[str], texts: Sequence[str]) -> bool:
    norm_texts = [normalize_text(t) for t in texts]
    return all(any(normalize_text(q) in t for t in norm_texts) for q in evidence)


def evidence_hit_at_k(
    evidence: str | Sequence[str], retrieved_texts: Sequence[str], k: int
) -> bool:
    """True when every evidence quote is contained in one of the top-k texts.

    Each quote may sit in a different chunk; a quote split across two chunks is a miss (the
    quotes are short on purpose). No evidence (unanswerable question) is never a hit; the
    summary leaves such questions out of the retrieval metrics.
    """
    quotes = _as_list(evidence)
    if not quotes or k <= 0:
        return False
    return _covered(quotes, retrieved_texts[:k])


def reciprocal_rank(evidence: str | Sequence[str], retrieved_texts: Sequence[str]) -> float:
    """1/r for the smallest r at which the top-r texts cover all evidence quotes, else 0.

    For a one-quote question this is the usual reciprocal rank of the first chunk holding the
    quote. For a list question whose quotes sit in several chunks, the rank is that of the
    chunk that completes the set - the depth a reader has to go to see the whole answer.
    """
    quotes = [normalize_text(q) for q in _as_list(evidence)]
    if not quotes:
        return 0.0
    missing = set(quotes)
    for rank, text in enumerate(retrieved_texts, start=1):
        norm = normalize_text(text)
        missing = {q for q in missing if q not in norm}
        if not missing:
            return 1.0 / rank
    return 0.0


def _basename(name: str) -> str:
    return re.split(r"[\\/]", name.strip())[-1].casefold()


def doc_hit_at_k(docs: str | Sequence[str], retrieved_sources: Sequence[str], k: int) -> bool:
    """True when every gold document appears among the sources of the top-k results.

    Sources are compared by file name (case-insensitive, directories ignored), because the
    harness may ingest a copy of the corpus from another folder.
    """
    gold = {_basename(d) for d in _as_list(docs)}
    if not gold or k <= 0:
        return False
    return gold <= {_basename(s) for s in retrieved_sources[:k] if s}


# --------------------------------------------------------------------------------------------
# Amounts, dates and numbers
# --------------------------------------------------------------------------------------------

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d+(?:[.,]\d+)?"
_SCALE = (
    r"(?:mia|milliard(?:er)?|billions?|mio|mill(?:ion(?:er)?)?|millions?"
    r"|t\.?\s?kr|tusind|thousand)\b\.?"
)
_CUR = r"(?:kr\b\.?|kroner\b|dkk\b|,-)"
_AMOUNT = re.compile(
    rf"(?<![\d.,])(?P<n1>{_NUM})(?:\s*-\s*(?P<n2>{_NUM}))?\s*(?P<scale>{_SCALE})(?:\s*{_CUR})?"
    rf"|(?<![\d.,])(?P<n3>{_NUM})(?:\s*-\s*(?P<n4>{_NUM}))?\s*{_CUR}"
    rf"|\b(?:kr\.?|dkk)\s*(?P<n5>{_NUM})(?:\s*(?P<scale2>{_SCALE}))?",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")


def _parse_number(s: str) -> float:
    """Danish first: "." groups thousands, "," is the decimal mark ("1.500.000", "2,75")."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    return float(s.replace(",", "."))


def _scale_factor(scale: str | None) -> float:
    if not scale:
        return 1.0
    s = scale.casefold()
    if s.startswith(("mia", "milliard", "billion")):
        return 1e9
    if s.startswith(("mio", "mill")):
        return 1e6
    return 1e3  # t.kr., tusind, thousand


def _find_amounts(text: str) -> list[tuple[int, int, float]]:
    """(start, end, value in DKK) for each money mention, ranges giving both ends."""
    found: list[tuple[int, int, float]] = []
    for m in _AMOUNT.finditer(text):
        if m.group("n1"):
            numbers, scale = [m.group("n1"), m.group("n2")], m.group("scale")
        elif m.group("n3"):
            numbers, scale = [m.group("n3"), m.group("n4")], None
        else:
            n5 = m.group("n5")
            if not m.group("scale2") and _YEAR_ONLY.fullmatch(n5):
                continue  # "kr. 2006" is a year after an amount, not an amount
            numbers, scale = [n5], m.group("scale2")
        factor = _scale_factor(scale)
        for n in numbers:
            if n:
                found.append((m.start(), m.end(), round(_parse_number(n) * factor, 2)))
    return found


def extract_amounts(text: str) -> set[float]:
    """Money amounts in DKK: "1,5 mio. kr." == "1.500.000 kr." == 1500000.0.

    A number counts as an amount when a scale word (mio., mill., mia., t.kr.) or a currency
    (kr., kroner, DKK) goes with it, so "2,75 mill." is an amount and "25 sager" is not.
    """
    return {value for _, _, value in _find_amounts(unicodedata.normalize("NFC", text))}


_MONTHS = {
    "januar": 1, "jan": 1, "january": 1,
    "februar": 2, "feb": 2, "february": 2,
    "marts": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "maj": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "july": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))  # no "jul": Danish for Christmas
_MONTH = rf"(?P<month>{_MONTH_ALT})\b\.?"
_SEASONS = {
    "forår": "spring", "foråret": "spring", "spring": "spring",
    "sommer": "summer", "sommeren": "summer", "summer": "summer",
    "efterår": "autumn", "efteråret": "autumn", "autumn": "autumn", "fall": "autumn",
    "vinter": "winter", "vinteren": "winter", "winter": "winter",
}  # fmt: skip
_SEASON = "(?P<season>" + "|".join(sorted(_SEASONS, key=len, reverse=True)) + r")"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_DATE_PATTERNS = [
    # 2021-06-07
    re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)(?![\d-])"),
    # 27-08-2025, 7.6.2021, 07/06/2021
    re.compile(
        r"(?<![\d.,/-])(?P<day>\d{1,2})[-./](?P<mon>\d{1,2})[-./](?P<year>(?:19|20)\d\d)(?!\d)"
    ),
    # 7. juni 2021, 31.december 2015, 17. august (no year)
    re.compile(rf"(?<![\d.,])(?P<day>\d{{1,2}})\.?\s*{_MONTH}(?:\s+{_YEAR})?", re.IGNORECASE),
    # June 7, 2021
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", re.IGNORECASE),
    # september 2021, oktober måned 2005, primo maj 2022
    re.compile(rf"\b{_MONTH}(?:\s+måned)?\s+{_YEAR}", re.IGNORECASE),
    # efteråret 2015
    re.compile(rf"\b{_SEASON}\s+{_YEAR}", re.IGNORECASE),
    # 3. kvartal 2021, Q3 2021
    re.compile(rf"(?:\b(?P<q>[1-4])\.\s*kvartal|\bq(?P<q2>[1-4]))\s+{_YEAR}", re.IGNORECASE),
    # uge 23, uge 23 2021
    re.compile(rf"\buge\s+(?P<week>\d{{1,2}})(?!\d)(?:\s+{_YEAR})?", re.IGNORECASE),
    # 2006, 2016-2019 (a year alone; see README for why years count)
    re.compile(
        r"(?<![\d.,/-])(?P<year>(?:19|20)\d\d)(?:\s*-\s*(?P<year2>(?:19|20)\d\d))?(?![\d]|[.,]\d)"
    ),
]


def _date_value(m: re.Match[str]) -> list[str]:
    g = m.groupdict()
    year = g.get("year")
    if g.get("week"):
        week = int(g["week"])
        return [f"{year}-W{week:02d}" if year else f"W{week:02d}"] if 1 <= week <= 53 else []
    if g.get("q") or g.get("q2"):
        return [f"{year}-Q{g.get('q') or g.get('q2')}"]
    if g.get("season"):
        return [f"{year}-{_SEASONS[g['season'].casefold()]}"]
    month = g.get("mon") and int(g["mon"])
    if g.get("month"):
        month = _MONTHS[g["month"].casefold()]
    if month and not 1 <= month <= 12:
        return []
    if g.get("day"):
        day = int(g["day"])
        if not 1 <= day <= 31:
            return []
        return [f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"]
    if month:
        return [f"{year}-{month:02d}"]
    return [y for y in (year, g.get("year2")) if y]


def _find_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised date) for each date mention; amounts are masked first."""
    taken = [(s, e) for s, e, _ in _find_amounts(text)]
    found: list[tuple[int, int, str]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            values = _date_value(m)
            if values:
                taken.append((m.start(), m.end()))
                found.extend((m.start(), m.end(), v) for v in values)
    return sorted(found)


def extract_dates(text: str) -> set[str]:
    """Dates normalised to ISO-like strings of the precision the text gives.

    "7. juni 2021" -> "2021-06-07"; "september 2021" / "oktober måned 2005" -> "2021-09" /
    "2005-10"; "17. august" (no year) -> "--08-17"; "efteråret 2015" -> "2015-autumn";
    "3. kvartal 2021" -> "2021-Q3"; "uge 23" -> "W23"; a year alone counts: "2006" -> "2006",
    "2016-2019" -> both years. Case numbers such as "330-2020-156136" or "125/2006" are not
    dates. Relative expressions ("inden årets udgang") are left to the content words.
    """
    return {value for _, _, value in _find_dates(unicodedata.normalize("NFC", text))}


def _date_covers(specific: str, general: str) -> bool:
    """True when `specific` names the same time as `general` or a time inside it."""
    if specific == general or specific.startswith(general + "-"):
        return True
    return general.startswith("--") and specific.endswith(general[1:])


_CITATION_MARKER = re.compile(r"\[\s*\d+(?:\s*[,;-]\s*\d+)*\s*\]")
_FILE_NAME = re.compile(r"[\w.-]+\.(?:txt|pdf|docx?|html?|md)\b", re.IGNORECASE)
_LIST_NUMBER = re.compile(
    rf"^(?P<lead>[ \t>]*(?:[-*•][ \t]+)?)\d{{1,2}}[.)](?=[ \t]+(?!(?:{_MONTH_ALT})\b))",
    re.IGNORECASE | re.MULTILINE,
)
_NUMBER_TOKEN = re.compile(r"(?<![\w])\d+(?:[.,:]\d+)*")


def _strip_markers(text: str) -> str:
    """Remove citation markers ("[1]", "[1, 2]"), source file names ("bufu_2021-06-07_568.txt"
    names a source, it claims no date) and list numbering at line starts ("1. ")."""
    text = _CITATION_MARKER.sub(" ", unicodedata.normalize("NFC", text))
    text = _FILE_NAME.sub(" ", text)
    return _LIST_NUMBER.sub(lambda m: m.group("lead"), text)


def _number_tokens(text: str) -> set[str]:
    return {t.replace(":", ".") for t in _NUMBER_TOKEN.findall(text)}


def _number_mentions(text: str) -> list[tuple[str, str, Any]]:
    """Every numeric mention as (kind, surface, value): amounts, dates, then plain numbers."""
    amounts = _find_amounts(text)
    dates = _find_dates(text)
    spans = [(s, e) for s, e, _ in amounts] + [(s, e) for s, e, _ in dates]
    mentions: list[tuple[int, str, str, Any]] = [
        (s, "amount", text[s:e], v) for s, e, v in amounts
    ] + [(s, "date", text[s:e], v) for s, e, v in dates]
    for m in _NUMBER_TOKEN.finditer(text):
        if not any(s <= m.start() < e for s, e in spans):
            mentions.append((m.start(), "number", m.group(0), m.group(0).replace(":", ".")))
    mentions.sort(key=lambda x: x[0])
    return [(kind, surface, value) for _, kind, surface, value in mentions]


def unsupported_numbers(answer_text: str, quotes: Sequence[str]) -> list[str]:
    """Numbers, amounts and dates of an answer that none of its cited quotes contains.

    Amounts compare by value ("1,5 mio. kr." is supported by "1.500.000 kr."); a date is
    supported by a quote date at least as precise ("juni 2021" by "7. juni 2021", not the other
    way round); any other number must occur as a number token in some quote. Citation markers,
    source file names and list numbering are ignored. Returns the unsupported surface strings
    in answer order.
    """
    text = _strip_markers(answer_text)
    quote_text = "\n".join(unicodedata.normalize("NFC", q) for q in quotes)
    q_amounts = {v for _, _, v in _find_amounts(quote_text)}
    q_dates = {v for _, _, v in _find_dates(quote_text)}
    q_numbers = _number_tokens(quote_text)
    unsupported: list[str] = []
    for kind, surface, value in _number_mentions(text):
        if kind == "amount":
            ok = value in q_amounts
        elif kind == "date":
            ok = any(_date_covers(d, value) for d in q_dates)
        else:
            ok = value in q_numbers
        if not ok:
            unsupported.append(surface.strip())
    return unsupported


# --------------------------------------------------------------------------------------------
# Content words and answer correctness
# --------------------------------------------------------------------------------------------

# Snowball's Danish stop list, question words, common abbreviations and a few English words
# (questions are sometimes English; gold answers are Danish).
_STOPWORDS = frozenset(
    """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om
    vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv
    her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end
    dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din
    nogle hos blive mange ad bliver hendes været thi jer sådan
    hvilke hvilken hvilket hvornår hvordan hvem hvorfor hvorledes hvortil
    bl mv fx ca pr nr kl dvs mht mhp ift ifm eks evt inkl jf osv pga vedr hhv flg
    kr kroner dkk mio mill mia tkr
    the a an of and or in on for are was were what how much many when who which
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


def content_words(text: str) -> set[str]:
    """Stemmed (Snowball Danish) words of a text without stopwords, numbers and 1-letter words."""
    words = [w for w in _WORD.findall(normalize_text(text)) if len(w) > 1 and w not in _STOPWORDS]
    return set(_stemmer().stemWords(words))


def _gold_rows_kind(row: Mapping[str, Any]) -> str:
    return str(row.get("kind") or "")


def _is_unanswerable(row: Mapping[str, Any]) -> bool:
    return _gold_rows_kind(row) == "unanswerable" or not str(row.get("answer") or "").strip()


def answer_correct(
    question_row: Mapping[str, Any],
    answer_text: str,
    abstained: bool,
    *,
    require_plain_numbers: bool = True,
) -> bool:
    """Is the answer right for this gold row?

    Unanswerable: right exactly when the assistant abstained. Answerable: not abstained, every
    amount and date of the gold answer present in the answer (normalised; a more precise date
    also counts), every other number of the gold answer ("25 sager", "54 %") present as a
    number (on by default, stricter than issue 5's wording, switch off with
    `require_plain_numbers=False`), and at least half of the gold answer's content words.
    """
    if _is_unanswerable(question_row):
        return bool(abstained)
    if abstained:
        return False
    gold = _strip_markers(str(question_row["answer"]))
    answer = _strip_markers(answer_text or "")
    answer_amounts = extract_amounts(answer)
    if not all(any(math.isclose(g, a) for a in answer_amounts) for g in extract_amounts(gold)):
        return False
    answer_dates = extract_dates(answer)
    if not all(any(_date_covers(a, g) for a in answer_dates) for g in extract_dates(gold)):
        return False
    if require_plain_numbers:
        answer_numbers = _number_tokens(answer)
        plain = [v for kind, _, v in _number_mentions(gold) if kind == "number"]
        if not all(v in answer_numbers for v in plain):
            return False
    gold_words = content_words(gold)
    if not gold_words:
        return True
    hits = len(gold_words & content_words(answer))
    return 2 * hits >= len(gold_words)


# --------------------------------------------------------------------------------------------
# Citations
# --------------------------------------------------------------------------------------------


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def citation_verbatim(citation: Any, document_text: str) -> bool:
    """`document_text[start:end] == quote`, exactly (no normalisation: that is the contract)."""
    quote, start, end = (_field(citation, n) for n in ("quote", "start", "end"))
    if not isinstance(quote, str) or not quote or not isinstance(start, int):
        return False
    if not isinstance(end, int) or not 0 <= start < end <= len(document_text):
        return False
    return document_text[start:end] == quote


_MIN_CONTAINED_TOKENS = 3


def quote_overlaps_evidence(quote: str, evidence: str) -> bool:
    """A cited quote overlaps a gold evidence span.

    True when, after `normalize_text`, the evidence lies inside the quote, or the quote (of at
    least three words, so "kr." does not count) lies inside the evidence, or the quote holds at
    least half of the evidence's distinct word tokens.
    """
    q, e = normalize_text(quote), normalize_text(evidence)
    if not q or not e:
        return False
    if e in q:
        return True
    q_tokens, e_tokens = re.findall(r"\w+", q), set(re.findall(r"\w+", e))
    if len(q_tokens) >= _MIN_CONTAINED_TOKENS and q in e:
        return True
    return bool(e_tokens) and 2 * len(e_tokens & set(q_tokens)) >= len(e_tokens)


def citations_cover_evidence(quotes: Sequence[str], evidence: str | Sequence[str]) -> bool:
    """Every evidence span of the question is overlapped by at least one cited quote."""
    spans = _as_list(evidence)
    return bool(spans) and all(any(quote_overlaps_evidence(q, e) for q in quotes) for e in spans)


def citation_evidence_overlap(pairs: Iterable[tuple[Sequence[str], str | Sequence[str]]]) -> float:
    """Fraction of answerable questions whose citations overlap their evidence.

    `pairs` holds (cited quotes, gold evidence) per answerable question; a question answered
    without citations (or abstained) counts as a miss.
    """
    results = [citations_cover_evidence(quotes, evidence) for quotes, evidence in pairs]
    return sum(results) / len(results) if results else 0.0


# --------------------------------------------------------------------------------------------
# Summary
# --------------------------------------------------------------------------------------------

HIT_KS = (1, 3, 5, 10)


def percentile(values: Sequence[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default); None for no values."""
    data = sorted(float(v) for v in values)
    if not data:
        return None
    pos = (len(data) - 1) * p / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _gold_for(record: Mapping[str, Any], questions: Mapping[str, Mapping[str, Any]] | None):
    """The gold row of a record: from `questions` by id, else `record["gold"]`, else flat keys."""
    if questions is not None and record.get("id") in questions:
        return questions[record["id"]]
    if isinstance(record.get("gold"), Mapping):
        return record["gold"]
    return {
        "kind": record.get("kind", ""),
        "doc": record.get("doc", ""),
        "evidence": record.get("evidence", ""),
        "answer": record.get("gold_answer", ""),
    }


def _has_answer(record: Mapping[str, Any]) -> bool:
    return bool(
        str(record.get("answer") or "").strip()
        or record.get("abstained")
        or record.get("citations")
    )


def _latencies(record: Mapping[str, Any], answered: bool) -> tuple[float | None, float | None]:
    """(search_ms, ask_ms). `latency_ms` is a number or {"search": .., "ask": ..}; a plain
    number is the ask time once answers are filled (issue 5), else the search time (issue 3).
    `search_latency_ms` may carry the search time beside a plain ask time."""
    lat = record.get("latency_ms")
    if isinstance(lat, Mapping):
        return lat.get("search"), lat.get("ask")
    search = record.get("search_latency_ms")
    if isinstance(lat, int | float):
        return (search, lat) if answered else (lat, None)
    return search, None


def _retrieval_scores(gold: Mapping[str, Any], record: Mapping[str, Any]) -> dict[str, float]:
    retrieved = record.get("retrieved") or []
    texts = [str(r.get("text") or "") for r in retrieved]
    sources = [str(r.get("source") or "") for r in retrieved]
    scores: dict[str, float] = {
        f"evidence_hit@{k}": float(evidence_hit_at_k(gold.get("evidence"), texts, k))
        for k in HIT_KS
    }
    scores["doc_hit@5"] = float(doc_hit_at_k(gold.get("doc"), sources, 5))
    scores["mrr"] = reciprocal_rank(gold.get("evidence"), texts)
    scores["mean_chars_top5"] = float(sum(len(t) for t in texts[:5]))
    return scores


def _aggregate(rows: list[dict[str, float]]) -> dict[str, float | None]:
    keys = [f"evidence_hit@{k}" for k in HIT_KS] + ["doc_hit@5", "mrr", "mean_chars_top5"]
    out = {k: _mean([r[k] for r in rows]) for k in keys}
    if out["mean_chars_top5"] is not None:
        out["mean_chars_top5"] = round(out["mean_chars_top5"], 1)
    return out


def summarize(
    records: Iterable[Mapping[str, Any]],
    questions: Iterable[Mapping[str, Any]] | None = None,
    documents: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Summary JSON of `plan-assistant eval` (issues 3 and 5).

    `records` are the `--records` lines; gold fields come from `questions` (rows of
    questions.jsonl, joined by id) or from each record (see `_gold_for`). `documents` maps a
    source file name to its cleaned text; without it `citation_verbatim` is None. Retrieval
    metrics cover answerable questions only; the "answers" section and ask latencies appear
    once any record carries an answer.
    """
    records = list(records)
    by_id = {str(q["id"]): q for q in questions} if questions is not None else None
    docs = {_basename(k): v for k, v in (documents or {}).items()}
    answered = any(_has_answer(r) for r in records)

    retrieval_rows: list[dict[str, float]] = []
    kind_rows: dict[str, list[dict[str, float]]] = {}
    kind_counts: dict[str, int] = {}
    kind_correct: dict[str, list[float]] = {}
    correct: list[float] = []
    abstain_unanswerable: list[float] = []
    abstain_answerable: list[float] = []
    overlap_pairs: list[tuple[list[str], Any]] = []
    verbatim: list[float] = []
    with_unsupported = 0
    search_ms: list[float] = []
    ask_ms: list[float] = []

    for record in records:
        gold = _gold_for(record, by_id)
        kind = _gold_rows_kind(gold) or "unknown"
        kind_counts[kind] = kind_counts.get(kind, 0) + 1
        unanswerable = _is_unanswerable(gold)
        if not unanswerable:
            scores = _retrieval_scores(gold, record)
            retrieval_rows.append(scores)
            kind_rows.setdefault(kind, []).append(scores)
        s_ms, a_ms = _latencies(record, answered)
        if s_ms is not None:
            search_ms.append(float(s_ms))
        if a_ms is not None:
            ask_ms.append(float(a_ms))
        if not answered:
            continue
        answer = str(record.get("answer") or "")
        abstained = bool(record.get("abstained"))
        citations = record.get("citations") or []
        ok = float(answer_correct(gold, answer, abstained))
        correct.append(ok)
        kind_correct.setdefault(kind, []).append(ok)
        quotes = [str(_field(c, "quote") or "") for c in citations]
        if unanswerable:
            abstain_unanswerable.append(float(abstained))
        else:
            abstain_answerable.append(float(abstained))
            overlap_pairs.append(([] if abstained else quotes, gold.get("evidence")))
        if answer.strip() and not abstained and unsupported_numbers(answer, quotes):
            with_unsupported += 1
        if documents is not None:
            for c in citations:
                text = docs.get(_basename(str(_field(c, "source") or "")))
                verbatim.append(float(text is not None and citation_verbatim(c, text)))

    summary: dict[str, Any] = {"questions": len(records), "retrieval": _aggregate(retrieval_rows)}
    by_kind: dict[str, dict[str, Any]] = {}
    for kind in sorted(kind_counts):
        entry: dict[str, Any] = {"questions": kind_counts[kind]}
        if kind in kind_rows:
            entry.update(_aggregate(kind_rows[kind]))
        if answered:
            entry["correct"] = _mean(kind_correct.get(kind, []))
        by_kind[kind] = entry
    summary["by_kind"] = by_kind
    if answered:
        summary["answers"] = {
            "correct": _mean(correct),
            "citation_verbatim": _mean(verbatim) if documents is not None else None,
            "citation_evidence_overlap": round(citation_evidence_overlap(overlap_pairs), 4)
            if overlap_pairs
            else None,
            "abstention_recall": _mean(abstain_unanswerable),
            "false_abstention": _mean(abstain_answerable),
            "unsupported_numbers": with_unsupported,
        }
    latency: dict[str, float | None] = {
        "search_p50": _round_ms(percentile(search_ms, 50)),
        "search_p95": _round_ms(percentile(search_ms, 95)),
    }
    if answered:
        latency["ask_p50"] = _round_ms(percentile(ask_ms, 50))
        latency["ask_p95"] = _round_ms(percentile(ask_ms, 95))
    summary["latency_ms"] = latency
    return summary


def _round_ms(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
