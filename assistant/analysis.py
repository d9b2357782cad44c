"""Danish text analysis for the lexical (BM25) retriever.

Documents and queries go through the same `DanishAnalyzer`, so whatever normalisation happens
here happens on both sides. Decisions, in the order they are applied:

- Unicode NFKC (ligatures such as "ﬁ" become "fi"), lowercase, accent folding that keeps æ/ø/å
  ("é" -> "e", "ü" -> "u"; "ä" -> "æ" and "ö" -> "ø" as Danish spells them; "aa" is left alone,
  because "aa" -> "å" breaks words such as "ekstraarbejde").
- Numbers are tokens, written in one canonical form: "600.000" -> "600000" (Danish thousands
  dots), "1,5" stays "1,5" (decimal comma; an English "1.5" becomes "1,5"), years stay.
  Case numbers and ranges ("330-2021-186755", "13/25675", "2021-2023") are kept whole *and* split
  into their groups. Dates "30.11.2020", "27-08-2025" and "30. november 2020" all give the day,
  the Danish month name, the year and an ISO token "2020-11-30". An amount followed by a unit
  ("1,5 mio.", "2 mia.", "20 t.kr.") also gives its value in kroner ("1500000"), so a question
  with "1500000" finds a text with "1,5 mio. kr.". "mio./mill./million" -> "mio", "kr./DKK/kroner"
  -> "kr", "%/pct." -> "procent"; English month names -> Danish.
- Stopwords: the Snowball Danish list plus question words and English function words (see the
  data file for why "ikke" is one).
- Snowball Danish stemmer (PyStemmer); a noun in -et whose inflection doubles the t
  ("budgettet", "billetten") is stemmed as its base form is ("budget" -> "budg").
- Compound splitting (`CompoundSplitter`): a word is split into known parts, and the stems of
  the parts and of their contiguous groups are emitted as extra, *derived* tokens beside the
  full stem. "kompetenceudviklingsforløb" gives "kompetenceudviklingsforløb" plus
  "kompetenceudvikling", "udviklingsforløb", "kompetenc", "udvikling", "forløb".

Derived tokens (compound parts, number groups, canonical values) are marked so the index can
weigh them below the words the user actually typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import Stemmer

from ingest.dates import MONTH_ABBREVIATIONS
from ingest.dates import MONTHS as DANISH_MONTHS

DATA_DIR = Path(__file__).parent / "data"
STOPWORDS_FILE = DATA_DIR / "danish_stopwords.txt"
LEXICON_FILE = DATA_DIR / "danish_lexicon.txt"

_CACHE_LIMIT = 500_000  # entries per cache before it is emptied

# Bump when analysis changes in a way that makes stored indexes stale.
ANALYZER_VERSION = 11


class Token(NamedTuple):
    """One index term; `derived` marks alternative or partial views of a surface word."""

    term: str
    derived: bool = False


def read_word_list(path: Path) -> list[str]:
    """Read a one-word-a-line file, skipping blank lines and "#" comments."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.strip().lower()
        if word and not word.startswith("#"):
            words.append(word)
    return words


# --- normalisation -------------------------------------------------------------------------

_KEEP = set("æøå")
_SPECIAL_FOLDS = {"ä": "æ", "ö": "ø", "ß": "ss", "œ": "oe", "đ": "d", "ð": "d", "ł": "l"}


def _build_fold_table() -> dict[int, str | None]:
    """Map accented Latin letters to their base letter, leaving æ/ø/å untouched."""
    table: dict[int, str | None] = {0x00AD: None, 0x200B: None, 0x200C: None, 0x200D: None}
    # Combining accents that NFKC could not compose onto their letter ("U" + two graves) go,
    # so folding is idempotent; "å" is composed by NFKC before this table applies.
    table.update(dict.fromkeys(range(0x0300, 0x0370)))
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        if char != char.lower() or char in _KEEP:
            continue
        if char in _SPECIAL_FOLDS:
            table[code] = _SPECIAL_FOLDS[char]
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if base != char and base.isascii():
            table[code] = base
    return table


_FOLD_TABLE = _build_fold_table()


def normalize(text: str) -> str:
    """NFKC, lowercase and accent folding that keeps æ/ø/å."""
    return unicodedata.normalize("NFKC", text).lower().translate(_FOLD_TABLE)


# --- vocabulary normalisation applied before stemming ---------------------------------------

MONTHS = tuple(DANISH_MONTHS)  # januar ... december, in order
_ENGLISH_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
}
MONTH_NUMBER = dict(DANISH_MONTHS) | MONTH_ABBREVIATIONS | _ENGLISH_MONTHS
_MONTH_STEMS = tuple(Stemmer.Stemmer("danish").stemWords(MONTHS))  # no irregular verbs here

# Surface forms that mean the same unit; mapped before stemming.
_SYNONYMS = {
    "mill": "mio",
    "million": "mio",
    "millioner": "mio",
    "millions": "mio",
    "mia": "mia",
    "mrd": "mia",
    "milliard": "mia",
    "milliarder": "mia",
    "billion": "mia",
    "billions": "mia",
    "dkk": "kr",
    "kroner": "kr",
    "krone": "kr",
    "kroners": "kr",
    "pct": "procent",
    "percent": "procent",
    "thousand": "tusind",
    "tusinde": "tusind",
    "tkr": "tusindkr",
} | {name: MONTHS[number - 1] for name, number in _ENGLISH_MONTHS.items()}

# Strong and irregular verbs: past forms are rewritten to the infinitive before stemming, so
# "afsat" meets "afsættes", "planlagt" meets "planlægge" and "udvalgt" stays apart from "udvalg".
_IRREGULAR_ENDINGS = (
    ("satte", "sætte"),
    ("sat", "sætte"),
    ("lagde", "lægge"),
    ("lagte", "lægge"),
    ("lagt", "lægge"),
    ("fulgte", "følge"),
    ("fulgt", "følge"),
    ("valgte", "vælge"),
    ("valgt", "vælge"),
    ("solgte", "sælge"),
    ("solgt", "sælge"),
    ("gjorde", "gøre"),
    ("gjorte", "gøre"),
    ("gjort", "gøre"),
    ("tog", "tage"),  # "deltog", "vedtog", "modtog"
    ("stod", "står"),  # "bestod", "opstod" (Snowball keeps "består" whole)
    ("gav", "give"),  # "afgav"
    ("sagde", "sige"),
    ("slog", "slå"),  # "foreslog", "afslog"
)

# Weak verbs' past tense and participles in -ede ("støttede", "besluttede", "samlede") meet
# their infinitive ("støtte", "beslutte", "samle") and so the present and -et forms, which
# Snowball stems alike; words whose -ede is no such ending are left alone.
_NOT_PAST_EDE = frozenset({"allerede", "forberede", "udbrede", "tilstede", "fremmede"})
# Snowball takes "-ig" off "billig", which leaves "bil": "det billigste bud" is not a car;
# it reads "eksterne" as a plural in "-erne" ("ekst") while "ekstern" stays whole, and keeps
# the neuter "-t" ("eksternt"): an adjective's three forms are one word
_KEPT_STEMS = ("billig", "ekstern", "intern")

_UNIT_FACTORS = {"mio": 1_000_000, "mia": 1_000_000_000, "tusind": 1_000, "tusindkr": 1_000}

# --- regular expressions -------------------------------------------------------------------

_RAW_TOKEN = re.compile(r"\w+(?:[.,/'’-]\w+)*|[%§]")
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_ENGLISH_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_DECIMAL_POINT = re.compile(r"\d+\.\d+")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_MONTH_PATTERN = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH_PATTERN})\.?\s+(\d{{4}})\b")
_AMOUNT = re.compile(
    r"(?<![\d.,])(\d[\d.,]*\d|\d)\s*"
    r"(mio|mill|millioner|million|millions|mia|mrd|milliarder|milliard|billion|"
    r"tusinde|tusind|thousand|t\.\s?kr|tkr)\b"
)
_SEGMENT_SPLIT = re.compile(r"[.,/'’]")


def _canonical_number(raw: str) -> list[Token]:
    """Canonical tokens for a run of digits with "." and "," inside."""
    if raw.isdigit():
        return [Token(raw)]
    if _THOUSANDS_DOT.fullmatch(raw):
        return [Token(raw.replace(".", ""))]
    if _ENGLISH_THOUSANDS.fullmatch(raw):
        plain = raw.replace(",", "")
        if raw.count(",") >= 2:
            return [Token(plain)]
        # "600,000": an English amount or a Danish decimal with three decimals; keep both.
        return [Token(raw), Token(plain, True)]
    if _DECIMAL_COMMA.fullmatch(raw):
        return [Token(raw)]
    if _DECIMAL_POINT.fullmatch(raw):
        return [Token(raw.replace(".", ","))]
    # Section numbers and the like ("1.2.3"): whole, plus each group.
    groups = [g for g in _SEGMENT_SPLIT.split(raw) if g]
    return [Token(raw)] + [Token(g, True) for g in groups]


def _date_tokens(day: int, month: int, year: int) -> list[Token]:
    """Day, Danish month name, year and an ISO date token, or [] if not a valid date."""
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return []
    return [
        Token(str(day)),
        Token(_MONTH_STEMS[month - 1]),
        Token(str(year)),
        Token(f"{year:04d}-{month:02d}-{day:02d}", True),
    ]


def _numeric_tokens(raw: str) -> list[Token]:
    """Tokens for a raw token made of digits and separators only."""
    date = _NUMERIC_DATE.fullmatch(raw)
    if date:
        tokens = _date_tokens(int(date[1]), int(date[2]), int(date[3]))
        if tokens:
            return tokens
    if "-" in raw or "/" in raw:
        groups = [g for g in re.split(r"[-/]", raw) if g]
        parts = [t for g in groups for t in _canonical_number(g) if not t.derived]
        whole = "-".join(t.term for t in parts) if "-" in raw else "/".join(t.term for t in parts)
        return [Token(whole)] + [Token(t.term, True) for t in parts]
    return _canonical_number(raw)


def _amount_value(number: str, unit: str) -> str | None:
    """Value in kroner of e.g. ("1,5", "mio") -> "1500000"; None if not a plain number."""
    canonical = _canonical_number(number)[0].term
    if not re.fullmatch(r"\d+(?:,\d+)?", canonical):
        return None
    unit = _SYNONYMS.get(unit, unit)
    if unit.startswith("t.") or unit == "tkr":
        unit = "tusindkr"
    factor = _UNIT_FACTORS.get(unit)
    if factor is None:
        return None
    whole, _, decimals = canonical.partition(",")
    value = int(whole) * factor + (int(decimals) * factor // 10 ** len(decimals) if decimals else 0)
    return str(value)


# --- compound splitting ----------------------------------------------------------------------


class CompoundSplitter:
    """Split Danish compounds into known parts, deterministically and with a per-word cache.

    Known words are the base lexicon (any length >= `min_part`) and words learned from a corpus
    (length >= `min_learned_part`, which keeps abbreviations such as "flg" out). A non-final part
    is a known word or a known word without its final "e" ("arbejd" in "arbejdsmiljø", from
    "arbejde"); the final part is a known word, possibly with an inflectional ending ("delingen"
    = "deling" + "en"). Parts may be joined by the linking morphemes "s" and "e". Among valid
    splits the one with the fewest parts wins, then the one with the longer parts, then the one
    that uses linking morphemes; so known sub-compounds stay together and are split again,
    recursively, into parts of at least `min_learned_part` letters.
    """

    LINKERS = ("", "s", "e")
    # Inflectional endings a final part may carry beyond a known word.
    ENDINGS = frozenset(
        "e n r s t en et er es ne de te ede ere ene ens ets ers nes rne nde ende erne enes "
        "eres eren erne erens ernes rnes".split()
    )
    # Words that are mostly suffixes inside longer words ("sammenhæng-ende", "ejer-skab").
    NON_PARTS = frozenset("ende else lige ligt lig hed heder skab ning ret".split())

    def __init__(
        self,
        stopwords: Iterable[str],
        base_words: Iterable[str],
        stem: Callable[[str], str],
        min_part: int = 3,
        min_learned_part: int = 4,
        max_word_length: int = 60,
    ) -> None:
        self._stem = stem
        self._stopwords = frozenset(stopwords)
        self._min_part = min_part
        self._min_learned = min_learned_part
        self._max_len = max_word_length
        self._base = frozenset(self._usable(base_words, min_part))
        self._learned: frozenset[str] = frozenset()
        self._known: frozenset[str] = self._base
        self._cache: dict[tuple[str, bool], tuple[str, ...]] = {}

    def _usable(self, words: Iterable[str], min_length: int) -> Iterator[str]:
        for word in words:
            if len(word) >= min_length and word.isalpha() and word not in self._stopwords:
                if word not in self.NON_PARTS:
                    yield word

    @property
    def learned(self) -> frozenset[str]:
        return self._learned

    def learn(self, words: Iterable[str]) -> None:
        """Replace the corpus-learned words (surface forms that occur on their own)."""
        self._learned = frozenset(self._usable(words, self._min_learned))
        self._known = self._base | self._learned
        self._cache.clear()

    def _is_part(self, part: str, final: bool) -> bool:
        if not final:
            return part in self._known or part + "e" in self._known
        found = part in self._known
        for cut in range(1, min(5, len(part) - self._min_part) + 1):
            if part[-cut:] in self.ENDINGS:
                base = part[:-cut]
                if base in self.NON_PARTS:  # "skabet", "enden": a suffix with an ending
                    return False
                found = found or base in self._known
        return found

    # Derivational suffixes that turn a noun into an adjective ("økonomi" -> "økonomisk",
    # "datamodel" -> "datamodelmæssigt"), with what the noun may have ended in before them.
    DERIVATIONS = (
        ("mæssigt", ("",)),
        ("mæssige", ("",)),
        ("mæssig", ("",)),
        ("iske", ("i", "ik", "")),
        ("isk", ("i", "ik", "")),
    )

    def derivational_base(self, word: str) -> str | None:
        """The known noun an adjective is derived from ("ontologisk" -> "ontologi"), if any."""
        for suffix, restores in self.DERIVATIONS:
            if not word.endswith(suffix) or len(word) - len(suffix) < 4:
                continue
            stem = word[: -len(suffix)]
            for restore in restores:
                base = stem + restore
                if base in self._known or self._split_spans(base, self._min_part):
                    return base
            return None
        return None

    def split(self, word: str) -> list[str] | None:
        """Top-level parts of `word` (linking morphemes dropped); None if not a compound."""
        spans = self._split_spans(word, self._min_part)
        return [word[a:b] for a, b, _ in spans] if spans else None

    def _split_spans(self, word: str, min_part: int) -> list[tuple[int, int, int]] | None:
        """Best split as (start, end, end including linker) triples, or None."""
        n = len(word)
        if n < 2 * min_part or n > self._max_len or not word.isalpha():
            return None
        memo: dict[int, list[tuple[int, int, int]] | None] = {}

        def ok(part: str, final: bool) -> bool:
            return len(part) >= min_part and self._is_part(part, final)

        def rank(spans: list[tuple[int, int, int]]) -> tuple[int, int, int, int]:
            lengths = sum((linked - start) ** 2 for start, _, linked in spans)
            unknown = sum(word[start:end] not in self._known for start, end, _ in spans)
            linkers = sum(linked - end for _, end, linked in spans)
            return (len(spans), -lengths, unknown, -linkers)

        def best(i: int, allow_whole: bool) -> list[tuple[int, int, int]] | None:
            if allow_whole and i in memo:
                return memo[i]
            candidates: list[list[tuple[int, int, int]]] = []
            if allow_whole and ok(word[i:], final=True):
                candidates.append([(i, n, n)])
            for j in range(i + min_part, n - min_part + 1):
                if not ok(word[i:j], final=False):
                    continue
                for link in self.LINKERS:
                    k = j + len(link)
                    if word[j:k] != link or n - k < min_part:
                        continue
                    rest = best(k, True)
                    if rest:
                        candidates.append([(i, j, k), *rest])
            choice = min(candidates, key=rank) if candidates else None
            if allow_whole:
                memo[i] = choice
            return choice

        return best(0, False)

    def derived_stems(self, word: str, _nested: bool = False) -> tuple[str, ...]:
        """Stems of the parts of `word` and of their contiguous groups, recursively; () if none.

        Parts of parts are split only into parts of at least `min_learned_part` letters:
        "sygedagpenge" -> "syge" + "dagpenge", but "dagpenge" is not taken apart into "dag".
        """
        key = (word, _nested)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        result: list[str] = []
        spans = self._split_spans(word, self._min_learned if _nested else self._min_part)
        if spans:
            count = len(spans)
            for first in range(count):
                for last in range(first, count):
                    if first == 0 and last == count - 1:
                        continue
                    result.append(self._stem(word[spans[first][0] : spans[last][1]]))
            for start, end, _ in spans:
                result.extend(self.derived_stems(word[start:end], _nested=True))
        full = self._stem(word)
        unique = tuple(dict.fromkeys(s for s in result if s != full and len(s) >= 2))
        self._cache[key] = unique
        return unique


# Danish particle verbs are written as one word when nominalised or in the passive: "tage i
# brug" -> "ibrugtagning", "træde i kraft" -> "ikrafttræden", "sætte i drift" ->
# "idriftsættelse", "lægge til rette" -> "tilrettelæggelse". Only the noun is taken: the verbs
# ("tage", "sætte") and "gang" ("igangsættes" / "første gang") match too much.
_PARTICLE_VERB = re.compile(
    r"(?:i|til)(?P<noun>brug|drift|kraft|værk|stand|rette)(?:tag|sæt|sat|træd|læg)"
)


def _dedupe(tokens: list[Token]) -> list[Token]:
    """One token per term within one surface word; a primary occurrence wins over a derived one."""
    primary = {t.term for t in tokens if not t.derived}
    seen: set[str] = set()
    out = []
    for token in tokens:
        if token.term in seen or (token.derived and token.term in primary):
            continue
        seen.add(token.term)
        out.append(token)
    return out


# --- analyzer --------------------------------------------------------------------------------


class DanishAnalyzer:
    """Text -> BM25 terms for Danish municipal documents (and passable English questions)."""

    def __init__(
        self,
        stopwords: Iterable[str] | None = None,
        lexicon: Iterable[str] | None = None,
        split_compounds: bool = True,
        min_token_length: int = 2,
        particle_verbs: bool = False,
        general_words: bool = False,
    ) -> None:
        """`particle_verbs`: a one-word particle verb ("ibrugtagning") also yields its noun
        ("brug"); for scoring answer sentences, not for BM25, where "brug" would match every
        "bruges til" (devset MRR 0.823 -> 0.819 when BM25 had it). `general_words`: the
        compound splitter also knows everyday Danish words ("bistand" in "konsulentbistand",
        `commonness.everyday_words`), for the same use: BM25 with them lost devset MRR 0.831 ->
        0.812."""
        stop = read_word_list(STOPWORDS_FILE) if stopwords is None else map(normalize, stopwords)
        self.stopwords = frozenset(stop)
        base = read_word_list(LEXICON_FILE) if lexicon is None else [normalize(w) for w in lexicon]
        if general_words:
            # imported here: BM25 and ingest need no word lists
            from assistant.commonness import everyday_words

            # an ending the list has as a word ("erne") would split "årsagerne" in two
            base += [w for w in everyday_words() if w not in CompoundSplitter.ENDINGS]
        self._stemmer = Stemmer.Stemmer("danish")
        self._stem_cache: dict[str, str] = {}
        self.split_compounds = split_compounds
        self.min_token_length = min_token_length
        self.particle_verbs = particle_verbs
        self.splitter = CompoundSplitter(self.stopwords, base, self.stem)
        self._word_cache: dict[str, tuple[Token, ...]] = {}
        self._raw_cache: dict[str, list[Token]] = {}

    def stem(self, word: str) -> str:
        """Snowball Danish stem; past forms of common strong verbs and of weak verbs in -ede
        join their present stem."""
        cached = self._stem_cache.get(word)
        if cached is None:
            surface = word
            for ending, infinitive in _IRREGULAR_ENDINGS:
                if surface.endswith(ending):
                    surface = surface[: -len(ending)] + infinitive
                    break
            else:
                if surface.endswith("ede") and len(surface) >= 7 and surface not in _NOT_PAST_EDE:
                    surface = surface[:-2]  # "støttede" -> "støtte"
            cached = self._stemmer.stemWord(surface)
            kept = next((k for k in _KEPT_STEMS if surface.startswith(k)), None)
            if kept is not None and (kept.startswith(cached) or surface == f"{kept}t"):
                cached = kept
            if cached.endswith("et") and cached + "t" in surface:
                # a noun in -et doubles its t when inflected, and Snowball then keeps the -et
                # it takes off the base form: "budgettet" -> "budget" but "budget" -> "budg"
                cached = self._stemmer.stemWord(cached)
            self._stem_cache[word] = cached
        return cached

    # vocabulary ---------------------------------------------------------------------------

    def fit_vocabulary(self, texts: Iterable[str], min_count: int = 1) -> None:
        """Learn compound parts from a corpus: every word that occurs there on its own."""
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(w for w in re.findall(r"[^\W\d_]+", normalize(text)))
        self.set_vocabulary(w for w, c in counts.items() if c >= min_count)

    @property
    def vocabulary(self) -> frozenset[str]:
        """The corpus-learned words (persist them with an index to reproduce its analysis)."""
        return self.splitter.learned

    def set_vocabulary(self, words: Iterable[str]) -> None:
        self.splitter.learn(words)
        self._word_cache.clear()
        self._raw_cache.clear()

    # analysis -----------------------------------------------------------------------------

    def analyze(self, text: str) -> list[str]:
        """All index terms of `text`, in order, derived terms included."""
        return [t.term for t in self.tokens(text)]

    def __call__(self, text: str) -> list[str]:
        return self.analyze(text)

    def tokens(self, text: str) -> list[Token]:
        """Index terms of `text` with their `derived` flag."""
        folded = normalize(text)
        out: list[Token] = []
        cache = self._raw_cache
        if len(cache) > _CACHE_LIMIT:  # bounded memory on very large corpora
            cache.clear()
        for match in _RAW_TOKEN.finditer(folded):
            raw = match.group()
            tokens = cache.get(raw)
            if tokens is None:
                tokens = cache[raw] = _dedupe(self._raw_tokens(raw))
            out.extend(tokens)
        out.extend(self._phrase_tokens(folded))
        return out

    def _phrase_tokens(self, folded: str) -> Iterator[Token]:
        """Tokens that need more than one raw token: written dates and amounts with a unit."""
        for m in _WRITTEN_DATE.finditer(folded):
            for token in _date_tokens(int(m[1]), MONTH_NUMBER[m[2]], int(m[3])):
                if token.derived:
                    yield token
        for m in _AMOUNT.finditer(folded):
            value = _amount_value(m[1], m[2].replace(" ", ""))
            if value:
                yield Token(value, True)

    def _raw_tokens(self, raw: str) -> list[Token]:
        if raw == "%":
            return [Token("procent")]
        if raw == "§":
            return [Token("paragraf")]
        has_digit = any(c.isdigit() for c in raw)
        has_alpha = any(c.isalpha() for c in raw)
        if has_digit and not has_alpha:
            return _numeric_tokens(raw)
        if has_alpha and not has_digit:
            return self._word_group_tokens(raw)
        return self._mixed_tokens(raw)

    def _word_group_tokens(self, raw: str) -> list[Token]:
        """Words, possibly with internal separators: "bl.a", "task-force", "v/socialstyrelsen"."""
        if "." in raw and not re.search(r"[-/,'’]", raw):
            pieces = raw.split(".")
            if all(len(p) <= 3 for p in pieces):  # dotted abbreviation: "bl.a." -> "bla"
                return list(self._word_tokens("".join(pieces)))
        out: list[Token] = []
        for piece in _SEGMENT_SPLIT.split(raw):
            parts = [p for p in piece.split("-") if p]
            for part in parts:
                out.extend(self._word_tokens(part))
            if len(parts) > 1:  # "task-force" also as "taskforce", "ekstraor-dinær" as one word
                out.extend(Token(t.term, True) for t in self._word_tokens("".join(parts)))
        return out

    def _mixed_tokens(self, raw: str) -> list[Token]:
        """Letters and digits together: "covid-19", "a4", "2005.kompetenceudvikling"."""
        out: list[Token] = []
        for piece in _SEGMENT_SPLIT.split(raw):
            if not piece:
                continue
            groups = [g for g in piece.split("-") if g]
            if len(groups) > 1:
                if groups[-1].isalpha():
                    # "§ 18-midlerne" and "18-midler" are one word inflected: stem its end
                    stems = self._word_tokens(groups[-1])
                    groups = groups[:-1] + [stems[0].term] if stems else groups
                out.append(Token("-".join(groups)))
                for group in groups:
                    out.extend(Token(t.term, True) for t in self._raw_tokens(group))
            elif piece.isdigit():
                out.extend(_numeric_tokens(piece))
            elif piece.isalpha():
                out.extend(self._word_tokens(piece))
            elif len(piece) >= self.min_token_length:
                out.append(Token(piece))
                if piece[-1] == "s" and piece[-2].isalpha():
                    # a product name's genitive or plural: "OS2displays" is "OS2display"'s
                    out.append(Token(piece[:-1], True))
        return out

    def _particle_verb_tokens(self, word: str) -> tuple[Token, ...]:
        """The noun of a particle verb written as one word ("ibrugtagning": "brug"), so the
        phrase a question uses ("tages i brug") finds it."""
        m = _PARTICLE_VERB.match(word)
        return () if m is None else (Token(self.stem(m["noun"]), True),)

    def _word_tokens(self, word: str) -> tuple[Token, ...]:
        """Stem plus derived compound-part stems of one alphabetic word (cached)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        if len(self._word_cache) > _CACHE_LIMIT:
            self._word_cache.clear()
        result: tuple[Token, ...] = ()
        if len(word) >= self.min_token_length and word not in self.stopwords:
            canonical = _SYNONYMS.get(word, word)
            result = (Token(self.stem(canonical)),)
            if self.split_compounds:
                result += tuple(Token(s, True) for s in self.splitter.derived_stems(canonical))
                base = self.splitter.derivational_base(canonical)
                if base is not None:
                    result += (Token(self.stem(base), True),)
                    result += tuple(Token(s, True) for s in self.splitter.derived_stems(base))
                if self.particle_verbs:
                    result += self._particle_verb_tokens(canonical)
        self._word_cache[word] = result
        return result
