"""Budget rows: every amount of money in a document, typed and tied to its initiative.

The initiative of an amount is, in this order: the heading of the numbered section it sits in
("4. Videndeling ... Der afsættes 600.000 kr. til dette."), the "til ..." clause ("afsat 2,75
mill. kr. til kompetenceudvikling"), a noun phrase naming it ("økonomien i organisations-
ændringen"), the purpose stated at another mention of the same amount or in the same sentence,
the nearest specific section heading, the agenda item, the document title. Generic headings
("Økonomi", "Baggrund", "Bilag 2") never name an initiative.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.blocks import table_header
from ingest.dates import find_dates
from ingest.facts.initiative import is_weak, row_label, subject_of
from ingest.facts.models import BudgetRow
from ingest.facts.sentences import DocIndex, Sentence
from ingest.models import TABLE_CELL_SEPARATOR, Block, DocumentRecord, Section
from ingest.money import MoneyMention, find_amounts
from ingest.structure import agenda_item_at

__all__ = ["TABLE_UNIT", "extract_budgets", "classify_kind", "is_generic_title", "doc_ref_date"]

_F = re.IGNORECASE

# --- kinds ---------------------------------------------------------------------------------

_PRICE_OR_PAY = re.compile(
    r"\b(?:købesum\w*|købspris\w*|salgspris\w*|pris(?:en)?|koster|kostede|sælges|solgt|købt|"
    r"køber|lejen?|husleje\w*|løn(?:nen|ninger)?|grundløn\w*|gage\w*|honorar\w*|vederlag\w*|"
    r"årsløn\w*|månedsløn\w*|ejendomsværdi\w*|kontantpris\w*|indskud\w*)\b",
    _F,
)
_HOURLY = re.compile(r"\b(?:timepris\w*|timeløn\w*|timesats\w*|i timen|pr\. time)\b", _F)
_EXTRA = re.compile(
    r"\b(?:merudgift\w*|meromkostning\w*|merforbrug\w*|(?:forøgede|øgede|ekstra|yderligere|"
    r"stigende)\s+udgift\w*|udgiftsstigning\w*|overskridelse\w*)\b",
    _F,
)
_GRANT = re.compile(
    r"\b(?:\w*bevilling\w*|bevilget|bevilges|bevilger|bevilliget|tilskud\w*|tildelt|tildeles|"
    r"tildeler|puljemidler|satspulje\w*|støttet|støtte(?:n)?\s+på|donation\w*|fondsmidler)\b",
    _F,
)
_SPENT = re.compile(r"\b(?:forbrugt|forbrugte|brugt|anvendt|udbetalt)\b", _F)
_ALLOC = re.compile(
    r"\b(?:afsat|afsatte|afsættes|afsætte|afsætter|reserveret|reserveres|øremærket|øremærkes|"
    r"prioriteret|prioriteres|budgetteret|budgetteres|indarbejdet|indarbejdes|"
    r"til rådighed|afsat i budget\w*)\b",
    _F,
)
_FINANCING = re.compile(
    r"\b(?:\w*finansier\w*|dækkes af|dækkes ved|dækket af|kassetræk\w*|medfinansiering\w*)\b", _F
)
_TOTAL_STRONG = re.compile(
    r"\b(?:samlede?|totale?)\s+(?:økonomi\w*|ramme\w*|budget\w*|udgift\w*|beløb\w*|pulje\w*|"
    r"investering\w*|omkostning\w*|bevilling\w*)|\b(?:rammen|puljen|totalrammen)\s+(?:er|på|udgør)",
    _F,
)
_TOTAL_WEAK = re.compile(
    r"\b(?:i alt|samlet|samlede|total\w*|\w*ramme(?:n|r|rne)?|\w*pulje(?:n|r|rne)?|"
    r"\w*budget(?:tet|ter|terne)?)\b",
    _F,
)

ALLOCATION_KINDS = {"allocation", "grant", "total", "financing"}


def classify_kind(region: str, per: str | None) -> str:
    """The kind of the amount stated in `region` (its clause of the sentence)."""
    return _classify(region, per) or "other"


def _classify(region: str, per: str | None) -> str | None:
    """Like `classify_kind`, but None when the clause has no telling word at all."""
    if per == "time" or _HOURLY.search(region):
        return "hourly_rate"
    if _PRICE_OR_PAY.search(region) and not (_ALLOC.search(region) or _GRANT.search(region)):
        return "other"
    if _EXTRA.search(region):
        return "extra_cost"
    if _TOTAL_STRONG.search(region):
        return "total"
    if _GRANT.search(region):
        return "grant"
    if _ALLOC.search(region):
        return "allocation"
    if _FINANCING.search(region):
        return "financing"
    if _SPENT.search(region):
        return "spent"  # "hvoraf 7,1 mio. kr. er forbrugt", "der er brugt 4,2 mio. kr."
    if _TOTAL_WEAK.search(region):
        return "total"
    return None


# --- initiative and purpose ----------------------------------------------------------------

_GENERIC_TITLE = re.compile(
    # "Samlet status", "Overordnet økonomi": a generic heading with its qualifier
    r"^(?:(?:samlet|samlede|overordnet|kort)\s+)?(?:bilag\b.*|baggrund\b.*|indledning|generelt|sammenfatning|opsummering|resum[eé]|"
    r"økonomi\b.*|økonomiske?\b.*|budget\w*|"
    r"bevilling\w*|finansiering\w*|sagens indhold|sagsfremstilling|sagsbeskrivelse|"
    r"beslutning\w*\b.*|indstilling\w*|tidsplan\w*|organisering|status\w*|konklusion|vurdering|"
    r"det videre\b.*|videre proces|opfølgning|handlemuligheder|retligt grundlag|lovgrundlag|"
    r"tværgående konsekvenser|kompetence|formål|ad pkt\..*|side \d+|transkript)\W*$",
    _F,
)


def is_generic_title(title: str) -> bool:
    # "1. Sammenfatning", "2.3 Økonomi": the section's number names nothing either
    t = re.sub(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.)\s+", "", title.strip())
    return not t or bool(_GENERIC_TITLE.match(t)) or not re.search(r"[a-zæøå]{3}", t, _F)


_ANAPHOR = re.compile(
    r"^(?:dette|denne|disse|det|den|de|formålet|ovennævnte|ovenstående|samme|hertil|herfor)\b",
    _F,
)
_NOT_PURPOSE_BEFORE_TIL = re.compile(
    r"\b(?:svarende|op|stiger|steg|steget|stige|nedsat|nedsættes|reduceret|reduceres|forhøjet|"
    r"forhøjes|øget|øges|hævet|faldet|falder|opgjort|opgøres|beregnet|skønnet|anslået|vurderet|"
    r"fra)\s*$|\bfra\s+(?:den\s+|det\s+)?(?!(?:19|20)\d\d\s*[-–])[\wæøå-]+\s*$"
    r"|\b(?:finansieret|finansieres|dækket|dækkes)\s+(?:af|ved)\b",
    _F,
)
_CLAUSE_END = re.compile(
    r"[.;:!?\n(]|,\s+(?:der|som|hvor|hvilket|men|så|idet|mens|da|og\s+der|og\s+det|og\s+at|fordelt|"
    r"heraf|hvoraf|svarende|dvs|jf|eller|samt\s+\d)\b|"
    r"\s+(?:i|fra|for)\s+(?:årene\s+)?(?:19|20)\d\d\b|\s+og\s+(?:der|det|den|de|dermed)\b|"
    r"\s+(?:finansieres|finansieret|indgår|afsættes|bevilges|er|blev|bliver|skal|vil|kan|har|"
    r"forventes|udgør|udgøre|dækkes|svarende|heraf|hvoraf|skønnes|anslås|vurderes|beregnes|"
    r"koster|beløber|løber|fordelt|fordeles)\b",
    _F,
)
_NOUN_PREP = re.compile(
    r"\b(?:økonomi(?:en)?|udgift(?:en|erne)?|udgifter|omkostning(?:en|erne)?|bevilling(?:en)?|"
    r"budget(?:tet)?|ramme(?:n)?|tilskud(?:det)?|plan(?:en)?|forslag(?:et)?|projekt(?:et)?|"
    r"indsats(?:en)?|program(?:met)?|pulje(?:n)?|midler(?:ne)?|investering(?:en)?)\s+"
    r"(?:til|for|i|ved|om|vedrørende)\s+(?=[a-zæøåA-ZÆØÅ])(?!alt\b|år\b|året\b)",
    _F,
)
_STOP_TAIL = re.compile(r"(?:\s+(?:og|samt|i|til|for|på|af|med|at|om|en|et|de|den|det))+\s*$", _F)
_MAX_WORDS = 14


# A line that ends in one of these words was wrapped mid-phrase ("til cykelsti ved" /
# "Skovvej, og ..."): its line break does not end the clause.
_WRAPPED_LINE = re.compile(r"\b(?:til|ved|for|af|i|på|med|om|og|samt|fra|mellem)\s*$", _F)


def _clause_from(text: str, pos: int, limit: int) -> str | None:
    m = _CLAUSE_END.search(text, pos, limit)
    while m and m.group(0) == "\n" and _WRAPPED_LINE.search(text, pos, m.start()):
        m = _CLAUSE_END.search(text, m.end(), limit)
    end = m.start() if m else limit
    words = text[pos:end].split()
    if not words:
        return None
    phrase = " ".join(words[:_MAX_WORDS])
    phrase = _STOP_TAIL.sub("", phrase).strip(" ,'\"”“")
    return phrase or None


def purpose_of(text: str, amount: MoneyMention, lo: int, hi: int) -> tuple[str | None, bool]:
    """The stated purpose of `amount` within its clause [lo, hi): (phrase, anaphoric).

    "... 600.000 kr. til dette." gives (None, True): the purpose is the section it sits in.
    """
    window = text[amount.end : min(hi, amount.end + 60)]
    relative = re.search(r",\s+(?:der|som|hvilket|hvor)\b", window, _F)
    if relative:  # "140.500 kr. i overskydende midler, som udgør frie midler til ...": not its own
        window = window[: relative.start()]
    for m in re.finditer(r"\btil\s+", window, _F):
        if _NOT_PURPOSE_BEFORE_TIL.search(window[: m.start()]):
            continue
        pool = re.match(r"rådighed\s+(?:i|under|på|fra)\s+", window[m.end() :], _F)
        if pool:  # "24,75 mio. kr. til rådighed i puljen": the pool is what it is for
            phrase = _clause_from(text, amount.end + m.end() + pool.end(), hi)
            if phrase and not _ANAPHOR.match(phrase):
                return phrase, False
        if re.match(r"(?:rådighed|gengæld|trods|sammen|stede)\b", window[m.end() :], _F):
            continue
        phrase = _clause_from(text, amount.end + m.end(), hi)
        if phrase is None:
            continue
        if _ANAPHOR.match(phrase):
            return None, True
        return phrase, False
    fronted = re.match(
        r"\s*(?:(hertil|herudover|til\s+(?:dette|det|formålet)\b)|til\s+)",
        text[lo : amount.start],
        _F,
    )
    if fronted and re.search(r",\s+(?:og\s+)?at\b|;", text[lo : amount.start], _F):
        fronted = None  # "til X, og at Y på <beløb>": X is the purpose of the amount before
    if fronted:
        if fronted.group(1):
            return None, True
        phrase = _clause_from(text, lo + fronted.end(), amount.start)
        if phrase and not _ANAPHOR.match(phrase):
            return phrase, False
    before = list(_NOUN_PREP.finditer(text, lo, amount.start))
    gap = text[before[-1].end() : amount.start] if before else ""
    if before and not re.search(r"[;:]|,\s*(?:idet|at|der|som|men|hvor|jf)\b", gap, _F):
        m = before[-1]  # in the amount's own clause: "økonomien i X er opgjort til ..."
        phrase = _clause_from(text, m.end(), amount.start)
        if phrase and not _ANAPHOR.match(phrase) and not re.match(r"\d", phrase):
            return phrase, False
    return None, False


_FOR_OR_AT = re.compile(
    r"\s*(?:(?:årligt|om\s+året|inkl\.\s+\w+|i\s+alt)\s+)*(?:for|at)\s+"
    r"(?!(?:19|20)\d\d|\d|alt\b|år\b|året\b|perioden\b|hele\b|nuværende\b)(?=[a-zæøå])",
    _F,
)


_RELATIVE_PURPOSE = re.compile(
    r",?\s+(?:der|som)\s+er\s+(?:fastsat|afsat|budgetteret|reserveret|øremærket|afsat)\s+"
    r"(?:som|til)\s+(?=[a-zæøå])",
    _F,
)


# "140.500 kr. i overskydende midler", "2 mio. kr. i merudgifter": what money it is
_IN_MONEY = re.compile(
    r"\s+i\s+(?=(?:[a-zæøå]+\s+){0,2}(?:midler|tilskud|støtte|overskud|underskud|"
    r"\w*udgift(?:er)?|\w*besparelse(?:r)?|\w*indtægt(?:er)?|\w*gæld)\b)",
    _F,
)


def after_purpose(text: str, amount: MoneyMention, hi: int) -> str | None:
    """ "en pris på 2,7 mio. kr. for et eksternt botilbud", "koste ca. 1,150 mio. kr. at
    nedbringe restgælden", "under de 200 mio. kr., der er fastsat som mål i den økonomiske
    politik": what a price or a cost buys, stated right after the amount."""
    m = (
        _FOR_OR_AT.match(text, amount.end, hi)
        or _RELATIVE_PURPOSE.match(text, amount.end, hi)
        or _IN_MONEY.match(text, amount.end, hi)
    )
    if not m:
        return None
    phrase = _clause_from(text, m.end(), hi)
    if not phrase or _ANAPHOR.match(phrase) or is_weak(phrase):
        return None
    return phrase


# --- period --------------------------------------------------------------------------------

_ONWARDS = re.compile(r"\s+og\s+(?:frem(?:efter|over)?|fremad)\b", _F)


@dataclass
class _Period:
    text: str
    year: int | None
    start: int
    end: int


_BUDGET_YEARS = re.compile(
    r"\bbudget(?:år(?:et)?|perioden|forslag(?:et)?|forlig(?:et)?)?\s+(?:for\s+)?"
    r"((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)?\d\d))?(?!\d)",
    _F,
)


def _periods(sentence: Sentence, ref: dt.date | None) -> list[_Period]:
    out: list[_Period] = []
    for m in _BUDGET_YEARS.finditer(sentence.text):
        # "indarbejdet i Budget 2016-2019": the budget years are the amount's period
        multi = m.group(2) is not None
        label = sentence.text[m.start(1) : m.end()]
        out.append(
            _Period(
                label,
                None if multi else int(m.group(1)),
                sentence.start + m.start(1),
                sentence.start + m.end(),
            )
        )
    taken = [(p.start - sentence.start, p.end - sentence.start) for p in out]
    for d in find_dates(sentence.text, ref):
        if not d.explicit_year or d.precision in ("day", "week"):
            continue
        if any(a <= d.start < b for a, b in taken):
            continue
        start, end, label = d.start, d.end, d.text
        m = _ONWARDS.match(sentence.text, end)
        if m:
            end = m.end()
            label = sentence.text[start:end]
        elif d.qualifier == "fra":
            label = f"fra {d.text}"
        multi = d.precision == "year" and d.end_date.year != d.date.year
        year = None if multi else d.date.year
        out.append(_Period(label, year, sentence.start + start, sentence.start + end))
    return out


def _period_for(text: str, amount: MoneyMention, periods: list[_Period], lo: int, hi: int):
    best, best_score = None, 10**9
    for p in periods:
        if p.start < lo or p.end > hi:
            continue
        if p.end <= amount.start:
            gap = text[p.end : amount.start]
        elif p.start >= amount.end:
            gap = text[amount.end : p.start]
        else:
            continue
        if len(gap) > 80:
            continue
        score = len(gap) + (30 if re.search(r",|\bog\b", gap) else 0)
        if score < best_score:
            best, best_score = p, score
    return best


# --- splits --------------------------------------------------------------------------------

_SPLIT_WORDS = re.compile(
    r"\b(?:heraf|hvoraf|deraf|fordelt|fordeles|fordeling\w*|fordelt med)\b", _F
)


_NEXT_CLAUSE = re.compile(r",\s+(?:men|og|samt|mens|hvoraf|heraf|hvor)\b|;\s", _F)
_LEAD_IN = re.compile(r"(?:[\wæøå]+\s+){0,2}[\wæøå]+\s*$", _F)


def _own_clause_end(text: str, amount: MoneyMention, next_start: int) -> int:
    """Where the words that say what `amount` is end, before the next amount at `next_start`:
    at a new clause (", men der er kun brugt …") or at the few words that lead into the next
    amount when they say what that one is ("… af de afsatte 5 mio. kr.")."""
    gap = text[amount.end : next_start]
    clause = _NEXT_CLAUSE.search(gap)
    lead_in = _LEAD_IN.search(gap)
    cut = len(gap)
    if lead_in and _classify(lead_in.group(), None) is not None:
        cut = lead_in.start()
    if clause:
        cut = min(cut, clause.start())
    return amount.end + cut


def _split_parent(text: str, group: list[tuple[MoneyMention, _Period | None]]) -> int | None:
    """Index in `group` of a total that the per-year amounts after it add up to."""
    if len(group) < 3:
        return None
    for i, (m, _) in enumerate(group):
        rest = [(r, p) for r, p in group[i + 1 :] if p is not None and p.year is not None]
        if len(rest) < 2 or len({p.year for _, p in rest}) < len(rest):
            continue
        total = sum(r.amount_dkk for r, _ in rest)
        near = text[m.end : rest[0][0].start]
        if abs(total - m.amount_dkk) <= 0.005 * m.amount_dkk or _SPLIT_WORDS.search(near):
            return i
    return None


# --- main ----------------------------------------------------------------------------------


def doc_ref_date(doc: DocumentRecord) -> dt.date | None:
    try:
        return dt.date.fromisoformat(doc.meta.date) if doc.meta.date else None
    except ValueError:
        return None


def _line_span(text: str, pos: int) -> Sentence:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    b = len(text) if b < 0 else b
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Sentence(a, b, text[a:b])


# "Initiativ 1: Trivselsvejledere i indskolingen", "Indsats 3 – Familiebehandling": a heading
# that numbers its initiative in words, under a numbered "3. Initiativer" that lists them all
_LABELLED_NUMBER = re.compile(
    r"(?:initiativ|indsats|tiltag|projekt|delprojekt|aktivitet|spor)\s+\d{1,2}\s*[:.–-]\s*\S",
    _F,
)


def _numbered_ancestor(index: DocIndex, sec: Section | None) -> Section | None:
    for s in index.ancestors(sec):
        if _LABELLED_NUMBER.match(s.title):
            return s
        if s.kind == "numbered" and not is_generic_title(s.title):
            return s
        if s.kind == "numbered":
            return None  # a generic numbered heading ("5. Økonomi") names no initiative
    return None


def _fallback_title(index: DocIndex, sec: Section | None, doc: DocumentRecord) -> str | None:
    """The agenda item an amount sits in names what it is for; without one, the nearest
    specific heading. A sub-heading inside an item ("PL-fremskrivning", "Sagens forløb") is a
    part of the case, not the initiative."""
    ancestors = index.ancestors(sec)
    for s in ancestors:
        if s.kind == "agenda_item":
            return s.title
    item = index.item_before(sec.start if sec is not None else 0)
    if item is not None:  # an item's parts that the tree left beside it ("Sagens forløb")
        return item.title
    for s in ancestors:
        if s.kind in ("heading", "markdown", "numbered") and not is_generic_title(s.title):
            return s.title
    return doc.meta.title or None


@dataclass
class _Draft:
    row: BudgetRow
    sentence: Sentence
    section: Section | None
    anaphoric: bool
    numbered: Section | None
    subject: str | None = None  # the phrase before the amount that names it


def extract_budgets(doc: DocumentRecord, index: DocIndex | None = None) -> list[BudgetRow]:
    """One row per amount of money in `doc`, in document order."""
    index = index or DocIndex(doc.text, doc.pages, doc.sections, doc.seams, doc.blocks)
    text = doc.text
    ref = doc_ref_date(doc)
    groups: dict[tuple[int, int], list[MoneyMention]] = {}
    sentences: dict[tuple[int, int], Sentence] = {}
    for m in find_amounts(text):
        s = _line_span(text, m.start) if m.from_table_header else index.sentence_at(m.start)
        if s is None:
            s = _line_span(text, m.start)
        if s.end < m.end:  # an amount cut by a sentence break: quote both parts
            s = Sentence(s.start, m.end, text[s.start : m.end])
        key = (s.start, s.end)
        groups.setdefault(key, []).append(m)
        sentences[key] = s

    drafts: list[_Draft] = []
    block_starts = [b.start for b in doc.blocks]
    for key in sorted(groups):
        s, mentions = sentences[key], groups[key]
        periods = _periods(s, ref)
        bounds = [s.start] + [m.end for m in mentions[:-1]]
        ends = [m.start for m in mentions[1:]] + [s.end]
        with_periods = []
        for m, lo, hi in zip(mentions, bounds, ends, strict=True):
            with_periods.append((m, _period_for(text, m, periods, lo, hi)))
        parent = _split_parent(text, with_periods)
        first_index = len(drafts)
        sec = index.innermost(s.start)
        numbered = _numbered_ancestor(index, sec)
        kinds: list[str] = []
        for (m, _), lo, hi in zip(with_periods, bounds, ends, strict=True):
            kind = None
            own = _own_clause_end(text, m, hi) if hi < s.end else hi
            if own < hi:
                # "forbrugt 3 mio. kr. af de afsatte 5 mio. kr.": the words that lead into the
                # next amount are that amount's; without a word of its own, an amount shares
                # the verb of the one before ("bevilliget 1,7 mio. kr. samt 0,86 mio. kr. der
                # er overført …, men der er kun brugt 0,5 mio. kr.")
                kind = _classify(text[lo:own], m.per) or (kinds[-1] if kinds else None)
            kind = kind or _classify(text[lo:hi], m.per)
            kind = kind or _column_kind(text, doc.blocks, block_starts, m.start)
            if kind is None:  # coordinated amounts share the verb: "0,7 ... og 17,5 mio. kr."
                kind = kinds[-1] if kinds else classify_kind(s.text, m.per)
            kinds.append(kind)
        if parent is not None:
            for i in range(parent + 1, len(kinds)):
                if kinds[i] == "other":
                    kinds[i] = kinds[parent]
            kinds[parent] = "total"
        for i, ((m, period), lo, hi) in enumerate(zip(with_periods, bounds, ends, strict=True)):
            kind = kinds[i]
            purpose, anaphoric = purpose_of(text, m, lo, hi)
            subject = subject_of(text, m.start, lo)
            if purpose is None and not anaphoric and (subject is None or is_weak(subject)):
                purpose = after_purpose(text, m, hi)
            if m.from_table_header:
                # the cell's own column says what it is ("Budget (mio. kr.)" an allocation,
                # "Forventet (mio. kr.)" or "Afvigelse" beside it not); else the unit line
                column = _column_name(text, doc.blocks, block_starts, m.start)
                header = column if column is not None else _table_header_text(text, m)
                kind = _classify(header, None) or "other"
                purpose = row_label(text[s.start : m.start])
                if period is None:
                    period = _table_year(text, s, m)
            if period is None:
                # a cell under a year's column ("Indsats | 2025 | 2026 | I alt")
                column = _column_name(text, doc.blocks, block_starts, m.start, figures=True)
                if column is not None and _YEAR_COLUMN.fullmatch(column):
                    period = _Period(column, int(column), m.start, m.end)
            period_text = period.text if period else None
            if m.per == "år":
                period_text = "årligt" if period_text is None else f"årligt, {period_text}"
            row = BudgetRow(
                doc_id=doc.id,
                page=index.page_at(s.start),
                section=index.section_path(s.start),
                start=s.start,
                end=s.end,
                quote=s.text,
                amount_dkk=m.amount_dkk,
                amount_text=m.text,
                kind=kind,
                period=period_text,
                year=period.year if period else None,
                parent_index=(first_index + parent) if parent is not None and i > parent else None,
                purpose=purpose,
                amount_start=m.start,
                amount_end=m.end,
                amount_high=m.high if m.high != m.low else None,
                per=m.per,
                is_allocation=kind in ALLOCATION_KINDS,
            )
            drafts.append(_Draft(row, s, sec, anaphoric, numbered, subject))
    _resolve_initiatives(drafts, index, doc)
    return [d.row for d in drafts]


_YEAR_COLUMN = re.compile(r"(?:19|20)\d\d")
TABLE_UNIT = re.compile(r"1\.000\s*kr|t\.\s?kr|tkr|mio\.\s*kr", _F)  # a table's figures' unit
_UNIT_LINE = re.compile(rf"[^\n]*\(?(?:i\s+)?(?:{TABLE_UNIT.pattern})[^\n]*", _F)


# A table column of what was set aside: "Budget", "Afsat", "Bevilling", "Ramme", "Beløb".
_ALLOCATION_COLUMN = re.compile(
    r"^(?:budget\w*|afsat\w*|bevill\w*|bevilget|ramme\w*|beløb\w*|midler)\b", _F
)


def _column_name(
    text: str, blocks: Sequence[Block], starts: list[int], pos: int, figures: bool = False
) -> str | None:
    """The name of the table column whose cell holds `pos` ("Budget (mio. kr.)"), from the
    table's first row; None outside a table or under a name with figures, unless `figures`
    ("2026"). `starts`: the blocks' start offsets."""
    i = bisect_right(starts, pos) - 1
    if i < 0 or pos >= blocks[i].end or (first := table_header(blocks, i)) is None:
        return None
    row = blocks[i]
    column = text[row.start : pos].count(TABLE_CELL_SEPARATOR)
    names = text[blocks[first].start : blocks[first].end].split(TABLE_CELL_SEPARATOR)
    if column >= len(names) or (not figures and any(ch.isdigit() for ch in names[column])):
        return None
    return names[column].strip()


def _column_kind(text: str, blocks: Sequence[Block], starts: list[int], pos: int) -> str | None:
    """The kind an amount in a table cell has by its column's name: the cell under "Budget"
    in "Initiativ | Budget | Ansvarlig" is the initiative's allocation."""
    name = _column_name(text, blocks, starts, pos)
    return "allocation" if name is not None and _ALLOCATION_COLUMN.match(name) else None


def _table_header_text(text: str, m: MoneyMention) -> str:
    """The line holding the table's unit header above a table cell ("Udgifter (1.000 kr.)")."""
    found = list(_UNIT_LINE.finditer(text, max(0, m.start - 600), m.start))
    return found[-1].group(0) if found else ""


def _table_year(text: str, row: Sentence, m: MoneyMention) -> _Period | None:
    """The column year of a table cell: the k-th number of its row under the k-th year of the
    nearest line above that holds only years ("2025 2026 2027")."""
    cells = [
        c
        for c in re.finditer(r"(?<![\w.,])-?\d[\d.]*(?:,\d+)?(?![\w])", row.text)
        if not re.fullmatch(r"(?:19|20)\d\d", c.group(0))
    ]
    k = next((i for i, c in enumerate(cells) if row.start + c.start() == m.start), None)
    if k is None:
        return None
    pos = row.start
    for _ in range(8):
        prev_end = text.rfind("\n", 0, pos)
        if prev_end < 0:
            return None
        prev_start = text.rfind("\n", 0, prev_end) + 1
        line = text[prev_start:prev_end].strip()
        pos = prev_start
        if not line:
            continue
        years = re.findall(r"(?:19|20)\d\d", line)
        if (
            years
            and re.fullmatch(r"[\s\w.()]*?(?:(?:19|20)\d\d\s*)+", line)
            and len(years) == len(cells)
        ):
            y = int(years[k])
            return _Period(str(y), y, m.start, m.end)
    return None


def _splits(text: str, before: _Draft, d: _Draft) -> bool:
    """ "8,7 mio. kr. (3,7 mio. kr. på drift og 5,0 mio. kr. på anlæg)": `d` follows the amount
    `before` closely, as a part of it or the next item of a list of amounts."""
    gap = text[before.row.amount_end : d.row.amount_start]
    new_item = re.search(r"\n\s*(?:\n|\d{1,2}[.)]\s|[-•*–]\s)", gap)
    return before.row.amount_start < d.row.amount_start and len(gap) <= 40 and not new_item


def _nearest_in_sentence(d: _Draft, drafts: list[_Draft]) -> _Draft | None:
    """The closest amount of the same sentence and kind that has an initiative, the one
    before first: "... udbud på 8,7 mio. kr. (3,7 mio. kr. på drift og 5,0 mio. kr. på
    anlæg)" splits the amount before it."""
    same = [
        o
        for o in drafts
        if o is not d and o.sentence == d.sentence and o.row.initiative and o.row.kind == d.row.kind
    ]
    before = [o for o in same if o.row.amount_start < d.row.amount_start]
    if before:
        return max(before, key=lambda o: o.row.amount_start)
    return min(same, key=lambda o: o.row.amount_start, default=None)


def _resolve_initiatives(drafts: list[_Draft], index: DocIndex, doc: DocumentRecord) -> None:
    for d in drafts:  # a per-year split belongs to its total's initiative
        if d.row.parent_index is not None and not d.row.purpose:
            d.row.purpose = drafts[d.row.parent_index].row.purpose

    def local(d: _Draft) -> str | None:
        """What the sentence itself names: the purpose clause, else the naming phrase."""
        if d.row.purpose:
            return d.row.purpose
        return d.subject if d.subject and not is_weak(d.subject) else None

    per_numbered: dict[int, set[str]] = {}
    for d in drafts:
        if d.numbered is not None and local(d):
            per_numbered.setdefault(d.numbered.id, set()).add(local(d).lower())
    for d in drafts:
        # a numbered section names the initiative of its amounts, unless its sentences name
        # several different ones (a cost breakdown under "2. Supplerende støjtiltag")
        if d.numbered is not None:
            several = len(per_numbered.get(d.numbered.id, set())) > 1
            if not several:
                d.row.initiative = d.numbered.title
            elif local(d) or not d.subject:
                d.row.initiative = local(d) or d.numbered.title
        else:
            d.row.initiative = local(d)

    items = {id(d): agenda_item_at(doc.sections, d.row.start) for d in drafts}

    def item_of(d: _Draft) -> int | None:
        item = items[id(d)]
        return item.id if item is not None else None

    # The purpose stated at another mention of the same amount (in the same agenda item), or
    # in the same sentence.
    for _ in range(3):
        changed = False
        for d in drafts:
            if d.row.initiative or d.anaphoric:
                continue
            near = _nearest_in_sentence(d, drafts)
            if near is not None and _splits(doc.text, near, d):
                donor: _Draft | None = near
            else:
                donor = (
                    next(
                        (
                            o
                            for o in drafts
                            if o is not d
                            and o.row.initiative
                            and local(o) is not None
                            and abs(o.row.amount_dkk - d.row.amount_dkk) < 0.5
                            and o.row.year == d.row.year
                            and item_of(o) == item_of(d)  # not another case's equal amount
                        ),
                        None,
                    )
                    or near
                )
            if donor is not None:
                d.row.initiative = donor.row.initiative
                d.row.purpose = d.row.purpose or donor.row.purpose
                changed = True
        if not changed:
            break
    for d in drafts:
        if not d.row.initiative:
            d.row.initiative = _fallback_title(index, d.section, doc) or d.subject
    _add_list_context(drafts, doc.text, local)


_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-•*–])\s")


def _add_list_context(drafts: list[_Draft], text: str, local) -> None:
    """A cost breakdown listed under a line that names the whole ("Et Micro Hackaton koster
    63.000 - 95.000 kr" / "1. 50.000 - 75.000 kr til timerafregning ..."): each item's
    initiative gets the whole's name in parentheses, as the same items recur under the next
    whole ("møde forplejning (Micro Hackaton)")."""
    for d in drafts:
        line_start = text.rfind("\n", 0, d.row.amount_start) + 1
        if not _LIST_ITEM.match(text, line_start) or local(d) is None:
            continue
        lead = _lead_in(text, line_start)
        if lead is None:
            continue
        whole = next(
            (
                o
                for o in drafts
                if lead[0] <= o.row.amount_start < lead[1] and o.subject and not is_weak(o.subject)
            ),
            None,
        )
        if whole is not None and whole.subject.lower() not in d.row.initiative.lower():
            d.row.initiative = f"{d.row.initiative} ({whole.subject})"


def _lead_in(text: str, line_start: int) -> tuple[int, int] | None:
    """The line that introduces the list holding the line at `line_start`."""
    end = line_start - 1
    for _ in range(12):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and not _LIST_ITEM.match(line):
            return (start, end) if len(line) <= 120 else None  # a title line, not a paragraph
        end = start - 1
    return None
