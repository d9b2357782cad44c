"""Follow-up rows: stated next steps and deadlines, with status and a normalised due date.

A sentence is a follow-up when it names a time (a date, a period or "snarest muligt") and
either looks forward ("skal", "vil", "forventes", "senest", a present passive such as
"fremlægges", "afventer", or a date after the document's own date in a sentence without past
tense), or reports a step completed ("er gennemført", "er afsluttet", "er trådt i kraft" — status
done). Dates that are the period of an amount ("merudgift i 2005 på 5 mill. kr.") are not
deadlines, and past narrative ("blev besat pr. 1. juni 2015") is history, not a follow-up.

The due date is the last day of the latest forward-looking period in the sentence ("i løbet af
efteråret 2015 og foråret 2016" -> 2016-05-31), resolved against the document's date. That
reference is raised to the latest date the document itself reports as past ("Den 18. september
2015 blev afholdt ..."): a status note is written after what it reports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ingest.dates import DateMention, find_dates
from ingest.facts.actionlog import action_log_rows
from ingest.facts.budgets import doc_ref_date
from ingest.facts.models import FollowupRow
from ingest.facts.sentences import DocIndex, Sentence
from ingest.models import BULLET_MARK, TABLE_CELL_SEPARATOR, DocumentRecord
from ingest.money import find_amounts

__all__ = ["extract_followups", "reference_date", "followup_status"]

_F = re.IGNORECASE

_FUTURE = re.compile(
    r"\b(?:skal|vil|forventes|forventer|forventet|forventede|forventningen|planlagt|planlægges|"
    r"planlægger|påtænkt|påtænkes|senest|frist(?:en)?|deadline|næste|fremover|kommer|bliver|"
    r"overført til|overføres til|udskudt til|udskydes til|udsat til|starter|slutter|begynder|"
    r"drøfter|fremlægger|forelægger|behandler|indfører|afventer|afventes|snarest|hurtigst|"
    r"inden|med start|påbegyndes|er på vej|træder\s+i\s+kraft)\b",
    _F,
)
_PASSIVE = re.compile(r"\b[a-zæøå]{3,}(?:es|ås)\b")
_PAST = re.compile(
    r"\b(?:blev|var|havde|har\s+været|har\s+haft|trådte|bad|besluttede|godkendte|vedtog|"
    r"gennemførte|gennemførtes|afholdtes|fik|meddelt|meddelte|arbejdede|tog|gik|startede|"
    r"igangsatte|iværksatte|ansatte|indgik|gennemgik|deltog|afsluttede|har\s+\w+\s+\w+et)\b",
    _F,
)
_DONE = re.compile(
    r"\ber\s+(?:nu\s+)?(?:blevet\s+)?(?:gennemført|afsluttet|implementeret|færdiggjort|"
    r"overstået|trådt\s+i\s+kraft|sat\s+i\s+værk|godkendt|vedtaget|på\s+plads)\b",
    _F,
)
_AWAIT = re.compile(r"\b(?:afventer|afventes|afhænger\s+af|venter\s+på)\b", _F)
_IN_PROGRESS = re.compile(
    r"\b(?:er\s+i\s+gang|er\s+igangsat|pågår|er\s+under\s+udarbejdelse|er\s+påbegyndt|"
    r"er\s+ved\s+at)\b",
    _F,
)
_UNDATED = re.compile(
    r"\b(?:snarest\s+muligt|hurtigst\s+muligt|snarest|om\s+kort\s+tid|straks|"
    r"(?:inden\s+for|senest)\s+(?:\d+|en|et|to|tre|fire|fem|seks|otte|ti|fjorten)\s+"
    r"(?:dage|uger|måneder|år)(?:\s+efter\s+[\wæøå]+)?|"
    r"(?:ca\.\s+)?(?:\d+|en|et|to|tre|fire|fem|seks|otte|ti|fjorten)\s+(?:dage|uger|måneder|år)"
    r"\s+efter\s+[\wæøå]+(?:\s+(?:på|af)\s+(?:et|en|den|det)\s+[\wæøå]+)?|"
    # a coming event as the time: "på næste møde", "forud for udbud", "så snart Byrådet har
    # truffet endelig beslutning", "efter godkendelse i Byrådet", "ifm. budgetopfølgning 3"
    r"(?:på|til|inden|før|senest\s+på)\s+(?:det\s+)?næste\s+(?:ordinære\s+)?møde|"
    r"forud\s+for\s+[\wæøå]+|så\s+snart\b|"
    r"efter\s+(?:endelig\s+)?(?:godkendelse|vedtagelse|behandling|beslutning)\b|"
    r"(?:i\s+forbindelse\s+med|ifm\.)\s+(?:den\s+)?(?:kommende\s+)?"
    r"(?:budget\w*|midtvejsregulering\w*|regnskab\w*)(?:\s+\d{1,4})*|"
    r"når\s+(?:\S+\s+){0,4}?(?:er|har|bliver|foreligger)\s+[\wæøå]+)\b",
    _F,
)
# A step that names who does it: "JB udsender mødeindkaldelse", "Administrationen fremsender
# afgørelsesbreve til foreningerne". Initials or a unit, then a verb in the present tense (or
# "skal"/"vil" and one in the infinitive).
_ACTOR_STEP = re.compile(
    r"^(?:\d{1,2}[.)]\s+)?(?P<actor>(?!KL\b|EU\b|IT\b)[A-ZÆØÅ]{2,3}\d?|Administrationen|"
    r"Forvaltningen|Sekretariatet|Kommunerne|Projektledelsen|Produktforvaltningen)\s+"
    r"(?:(?:skal|vil)\s+)?(?:fortsat\s+|løbende\s+)?(?P<verb>[a-zæøå]+)\b"
)
# The verbs of a step someone takes on; a role or a habit ("OS2 leverer platformen", "OS2
# anvender typisk MPL 2.0") is not one.
_STEP_VERBS = frozenset(
    """udsender rundsender sender fremsender videresender inviterer indkalder etablerer
    kontakter indhenter planlægger udarbejder følger sikrer påbegynder undersøger afklarer
    indbetaler fremlægger forelægger opdaterer udmelder indarbejder iværksætter igangsætter
    gennemfører afholder booker beskriver dokumenterer tilretter færdiggør opretter
    udsende sende fremsende invitere indkalde etablere kontakte indhente planlægge udarbejde
    følge sikre påbegynde undersøge afklare fremlægge forelægge opdatere udmelde indarbejde
    gennemføre afholde dokumentere opretter oprette""".split()
)
# Advice without a date is not a step anyone took on: "Man bør hurtigst muligt sikre sig et
# overblik", "vil det være hensigtsmæssigt at ... efter behandling i FAU".
_ADVICE = re.compile(r"\b(?:bør|burde|hensigtsmæssig\w*|anbefalelsesværdig\w*)\b", _F)
# A recommendation the meeting decides on ("at der meddeles tillægsbevilling", "1) at udvalget
# beslutter, hvem ...") is the decision, not a step that follows it; "at administrationen
# udmelder en ny ansøgningsrunde" is one.
_MEETING_DECIDES = re.compile(
    r"^(?:\d{1,2}\)\s*)?(?:at\s+(?:der|udvalget|byrådet|kommunalbestyrelsen|"
    r"(?:[\wæøå]+-\s+og\s+)?[\wæøå-]+udvalget)\b|herudover\s+indstilles\s+det|"
    r"det\s+indstilles|"
    # a decision reported ("Besluttet på styregruppemødet 4.6.2026") or a standing goal
    r"(?:besluttet|godkendt|vedtaget)\b|(?:målsætning|mål|formål|vision)\s*\d*\s*:)",
    _F,
)
# The meeting's own business: "Sundheds- og Omsorgsudvalget skal beslutte, hvem ... deltager".
_DECIDES_HERE = re.compile(
    r"^(?:udvalget|byrådet|kommunalbestyrelsen|(?:[\wæøå]+-\s+og\s+)?[\wæøå-]+udvalget)\s+skal\s+"
    r"(?:beslutte|tage\s+stilling|godkende|drøfte|vælge|udpege)\b",
    _F,
)
# "Byrådet besluttede samtidig, at borgere ... skal visiteres og flytte ind hurtigst muligt":
# a step decided earlier is still ahead.
_DECIDED_STEP = re.compile(r"\bbesluttede\b.*\bat\b.*\b(?:skal|vil)\b", _F | re.S)
_HABITUAL = re.compile(r"\b(?:typisk|normalt|altid|sædvanligvis|hvert\s+år|generelt)\b", _F)
_DEADLINE_QUALIFIERS = {
    "senest", "senest den", "senest d.", "inden", "inden den", "inden d.", "før", "før den",
    "i løbet af", "frem til", "frem mod", "indtil", "til og med", "med", "ved", "pr.", "pr",
    "per", "fra", "fra den", "fra d.", "fra og med", "til", "omkring", "i", "primo", "medio",
    "ultimo", "den", "d.",
}  # fmt: skip
# Passive verbs that describe the document itself ("Nedenfor beskrives ..."), not a next step.
_SELF_REFERENCE = {
    "beskrives", "fremgår", "findes", "vises", "ses", "listes", "præsenteres", "omfattes",
    "indgår", "nævnes", "gengives", "redegøres", "opsummeres", "orienteres", "henvises",
    "bemærkes", "understreges", "anvendes", "bruges", "forstås", "betegnes", "kaldes",
}  # fmt: skip
# Strong past-event wording: a date stated this way lies before the document was written.
_PAST_EVENT = re.compile(
    r"\b(?:blev|trådte|afholdtes|gennemførtes|startede|afsluttede|er\s+afsluttet|"
    r"er\s+gennemført|er\s+trådt\s+i\s+kraft)\b",
    _F,
)
_FILLER = re.compile(
    r"^(?:.{0,80}?\b(?:forventes\s+det|det\s+forventes|forventningen|planen|hensigten|målet)"
    r"(?:\s+er)?,?\s+at\s+|som\s+et\s+resultat\s+af\s+dette,?\s+|på\s+den\s+baggrund\s+vil\s+"
    r"det\s+være\s+hensigtsmæssigt,?\s+at\s+|desuden\s+|herefter\s+|endvidere\s+|ligeledes\s+)",
    _F,
)
_ANAPHORIC_ACTION = re.compile(
    r"^(?:dette|det|denne|disse|hvilket)\s+(?:skal|vil|forventes|kan|bliver)\b", _F
)
_RESPONSIBLE = re.compile(
    r"\b((?:Forvaltningen|Administrationen|Direktionen|Chefgruppen|Styregruppen|Arbejdsgruppen|"
    r"Projektgruppen|Ledergruppen|Sekretariatet|Byrådet|Kommunalbestyrelsen|Udvalget|"
    r"[A-ZÆØÅ][\wæøå-]*(?:udvalget|forvaltningen|afdelingen|sekretariatet|centret|chefen|"
    r"direktøren|gruppen|enheden|teamet))(?:\s+og\s+[A-ZÆØÅ][\wæøå-]+)?)\s+"
    r"(?:vil|skal|udarbejder|fremlægger|forelægger|sender|afholder|indfører|gennemfører|"
    r"evaluerer|følger|analyserer|forventer|planlægger|drøfter|behandler)\b"
    r"|\b(?:af|v/)\s*((?:forvaltningen|administrationen|direktionen|chefgruppen|styregruppen|"
    r"[A-ZÆØÅ][\wæøå-]+(?:udvalget|forvaltningen|afdelingen|sekretariatet|styrelsen|centret)))\b"
)
_MAX_ACTION_WORDS = 25


def _past_dates(index: DocIndex, ref: dt.date | None) -> list[dt.date]:
    out: list[dt.date] = []
    for s in index.sentences:
        if not _PAST_EVENT.search(s.text) or _FUTURE.search(s.text):
            continue
        for d in find_dates(s.text, ref):
            if d.explicit_year and d.precision in ("day", "month"):
                out.append(d.date)
    return out


def reference_date(doc: DocumentRecord, index: DocIndex) -> dt.date | None:
    """The document's date, raised to the latest date it reports as past (within two years)."""
    ref = doc_ref_date(doc)
    past = _past_dates(index, ref)
    if not past:
        return ref
    latest = max(past)
    if ref is None:
        return latest
    if ref < latest <= ref + dt.timedelta(days=730):
        return latest
    return ref


def _money_periods(s: Sentence) -> list[tuple[int, int]]:
    """Spans (in `s.text`) where a year belongs to an amount ("merudgift i 2005 på 5 mill. kr.",
    "for 2006 og frem forventes forøgede udgifter på 11 mill. kr."), not to a deadline."""
    amounts = find_amounts(s.text)
    spans = []
    for i, m in enumerate(amounts):
        lo = amounts[i - 1].end if i > 0 else 0
        hi = amounts[i + 1].start if i + 1 < len(amounts) else len(s.text)
        spans.append((max(lo, m.start - 80), min(hi, m.end + 80)))
    return spans


def _is_present_passive(word: str) -> bool:
    w = word.lower()
    if len(w) < 6 or w in _SELF_REFERENCE:
        return False
    if re.search(r"(?<=[rldgkvn])tes$|edes$", w):
        return False  # past passive: "gennemførtes", "behandledes"
    return True


def _forward_marker(text: str) -> bool:
    if _FUTURE.search(text):
        return True
    return any(_is_present_passive(m.group(0)) for m in _PASSIVE.finditer(text))


def followup_status(text: str, forward: bool) -> str:
    if _AWAIT.search(text):
        return "awaiting"
    if _DONE.search(text) and not forward:
        return "done"
    if _IN_PROGRESS.search(text):
        return "in_progress"
    return "planned"


def _deadline_span(text: str, dates: list[DateMention], chosen: DateMention) -> tuple[int, int]:
    """Offsets (in `text`) of the deadline phrase: qualifier + coordinated dates + chosen."""
    start = chosen.start
    i = dates.index(chosen)
    while i > 0 and re.fullmatch(r"\s*(?:og|eller|,|-|–|til)\s*", text[dates[i - 1].end : start]):
        i -= 1
        start = dates[i].start
    q = dates[i].qualifier
    if q and q in _DEADLINE_QUALIFIERS and q != "i":
        m = re.search(re.escape(q) + r"\s*$", text[max(0, start - 30) : start], _F)
        if m:
            start = max(0, start - 30) + m.start()
    elif q == "i":
        m = re.search(r"\b(?:i løbet af|i)\s*$", text[max(0, start - 15) : start], _F)
        if m:
            start = max(0, start - 15) + m.start()
    return start, chosen.end


def _action(text: str, cut: tuple[int, int] | None) -> str:
    if cut:
        a, b = cut
        text = text[:a] + " " + text[b:]
    text = re.sub(r"\s+", " ", text).strip()
    text = _FILLER.sub("", text, count=1)
    text = re.sub(r"\s+([,.;:])", r"\1", text).strip(" ,.;:")
    words = text.split()
    if len(words) > _MAX_ACTION_WORDS:
        text = " ".join(words[:_MAX_ACTION_WORDS]) + " …"
    return text[:1].upper() + text[1:] if text else text


# the name may wrap onto the next line of a PDF ("Ansvarlig: Mette" + "Frandsen, Natur og Miljø.")
_NAMED_RESPONSIBLE = re.compile(
    r"\b(?:ansvarlig|ansvar|tovholder)\s*:\s*([^.;\n]+(?:\n(?![ \t]*\n)[^.;:\n]+)?)", _F
)


def _responsible(text: str, following: str = "") -> str | None:
    """ "Ansvarlig: Tove Christensen" in or right after the sentence, else the acting unit."""
    for part in (text, following):
        named = _NAMED_RESPONSIBLE.search(part)
        if named and (part is text or part.lstrip().lower().startswith(("ansvar", "tovholder"))):
            return " ".join(named.group(1).split()).strip(" ,")
    m = _RESPONSIBLE.search(text)
    if not m:
        return None
    name = m.group(1) or m.group(2)
    return name[:1].upper() + name[1:]


def _actor(text: str) -> str | None:
    """Who does the step: "JB" in "JB udsender mødeindkaldelse"."""
    m = _ACTOR_STEP.match(text)
    return m.group("actor") if m and _is_actor_step(text) else None


def _is_actor_step(text: str) -> bool:
    m = _ACTOR_STEP.match(text)
    if not m or _HABITUAL.search(text):
        return False
    return m.group("verb") in _STEP_VERBS


def _in_agenda_list(index: DocIndex, s: Sentence) -> bool:
    """A line of the agenda ("Dagsorden") names an item, not a step."""
    sec = index.innermost(s.start)
    return any(
        re.match(r"(?:dagsorden|indhold|indholdsfortegnelse)\b", a.title.strip(), _F)
        for a in index.ancestors(sec)
    )


def _header_rows(doc: DocumentRecord) -> list[tuple[int, int]]:
    """The first row of every table: column names ("Ansøgt beløb for 2024 og 2025 (kr.
    årligt)") state no step, whatever years they name."""
    spans = []
    previous = None
    for b in doc.blocks:
        if b.kind == "table_row" and (previous is None or previous.kind != "table_row"):
            spans.append((b.start, b.end))
        previous = b
    return spans


def extract_followups(doc: DocumentRecord, index: DocIndex | None = None) -> list[FollowupRow]:
    """One row per sentence that states a next step, a deadline or a completed step."""
    index = index or DocIndex(doc.text, doc.pages, doc.sections, doc.seams, doc.blocks)
    ref = reference_date(doc, index)
    ref_month = ref.replace(day=1) if ref else None
    rows, log_spans = action_log_rows(doc, index, ref)
    log_spans += _header_rows(doc)
    for n, s in enumerate(index.sentences):
        if index.in_heading(s.start, s.end) is not None:
            continue
        if any(a <= s.start < b for a, b in log_spans):
            continue  # an action log's row is one follow-up, read as a whole
        sec = index.innermost(s.start)
        if sec is not None and sec.title.lower().startswith("bilag") and sec.kind == "standard":
            continue
        money = _money_periods(s)
        dates = [
            d
            for d in find_dates(s.text, ref)
            if not (
                d.precision == "year"
                and d.qualifier not in ("senest", "inden", "i løbet af", "med")
                and any(a <= d.start and d.end <= b for a, b in money)
            )
        ]
        forward = [d for d in dates if ref_month is None or d.end_date >= ref_month]
        strictly_future = [d for d in dates if ref is not None and d.date > ref]
        marker = _forward_marker(s.text)
        past = bool(_PAST.search(s.text))
        done = bool(_DONE.search(s.text)) and not marker and not strictly_future
        undated = _UNDATED.search(s.text)
        if past and not _FUTURE.search(s.text) and not strictly_future:
            marker = False  # "Byrådet bad allerede ... om at fremlægge": reported, not planned
        if _MEETING_DECIDES.match(s.text) or _DECIDES_HERE.match(s.text):
            continue  # decided at the meeting itself, not a step after it
        if _DATE_LABEL.match(s.text):
            continue  # "Referatdato: 23. februar 2026": the paper's own field, not a step
        if _HABITUAL.search(s.text) or _in_agenda_list(index, s):
            continue  # "fejrer hvert år Valdemarsdag"; "6. Eventuelt og kig til næste møde"

        chosen: DateMention | None = None
        status: str
        if forward and (marker or (strictly_future and not past)) and not done:
            chosen = max(forward, key=lambda d: (d.end_date, d.start))
            status = followup_status(s.text, True)
        elif done and dates and (ref is None or max(d.end_date for d in dates).year >= ref.year):
            chosen = max(dates, key=lambda d: (d.end_date, d.start))
            status = "done"
        elif (
            undated
            and marker
            and (not past or _DECIDED_STEP.search(s.text))
            and not dates
            and not _ADVICE.search(s.text)
        ):
            status = followup_status(s.text, True)
        elif _is_actor_step(s.text) and not past and not dates:
            status = followup_status(s.text, True)
        else:
            continue

        start, end, quote_text = s.start, s.end, s.text
        if chosen is not None:
            a, b = _deadline_span(s.text, dates, chosen)
            deadline_text = s.text[a:b]
            action = _action(s.text, (a, b))
            d_start, d_end = s.start + a, s.start + b
        else:
            deadline_text = re.sub(r"\s+", " ", undated.group(0)) if undated else None
            action = _action(s.text, (undated.start(), undated.end()) if undated else None)
            d_start = s.start + undated.start() if undated else None
            d_end = s.start + undated.end() if undated else None
        if not _WORDS.search(action):
            # a date alone in a table's cell ("Januar 2025" | "Indflytning i …"): its row's
            # other cells name the step; a bare date elsewhere ("Referatdato: …") is none
            row = _row_around(doc.text, s.start, s.end)
            if row is None:
                continue
            start, end, quote_text = row
            action = " – ".join(
                c.strip()
                for c in quote_text.split(TABLE_CELL_SEPARATOR)
                if c.strip() and c.strip() not in s.text
            )
            if not _WORDS.search(action):
                continue
        elif _ANAPHORIC_ACTION.match(action) and len(action.split()) <= 6 and n > 0:
            prev = index.sentences[n - 1]
            start = prev.start
            quote_text = doc.text[start:end]
            action = _action(prev.text, None)
        elif _DEADLINE_FIELD.match(s.text) and (first := _item_start(doc.text, index, n)) < n:
            # "– Ny tidsplan for … Ansvarlig: Mette Frandsen. Frist: 15. maj 2025.": the
            # deadline is a field of its point, whose first sentence says the step
            start = index.sentences[first].start
            quote_text = doc.text[start:end]
            step = index.sentences[first].text
            action = _action(step[: m.start()] if (m := _INLINE_FIELD.search(step)) else step, None)
        rows.append(
            FollowupRow(
                doc_id=doc.id,
                page=index.page_at(s.start),
                section=index.section_path(s.start),
                start=start,
                end=end,
                quote=quote_text,
                action=action,
                deadline_text=deadline_text,
                due_date=chosen.end_date.isoformat() if chosen else None,
                due_precision=chosen.precision if chosen else None,
                responsible=_responsible(
                    s.text,
                    index.sentences[n + 1].text if n + 1 < len(index.sentences) else "",
                )
                or _responsible(quote_text)
                or _actor(s.text),
                status=status,
                deadline_start=d_start,
                deadline_end=d_end,
            )
        )
        for other in _coordinated_days(s.text, forward, chosen):
            a, b = _deadline_span(s.text, dates, other)
            rows.append(
                replace(
                    rows[-1],
                    action=_action(s.text, (a, b)),
                    deadline_text=s.text[a:b],
                    due_date=other.end_date.isoformat(),
                    due_precision=other.precision,
                    deadline_start=s.start + a,
                    deadline_end=s.start + b,
                )
            )
    return sorted(rows, key=lambda r: r.start)


_WORDS = re.compile(r"[a-zæøå]{3}", re.IGNORECASE)
# A point's deadline as a field of its own ("Frist: 15. maj 2025."), and the fields beside it
_DEADLINE_FIELD = re.compile(r"\s*(?:frist|tidsfrist|deadline)\s*:", re.IGNORECASE)
_POINT_FIELD = re.compile(r"\s*(?:ansvarlig|ansvar|tovholder|frist|tidsfrist|status)\s*:", re.I)
_POINT_START = re.compile(rf"\n\s*\n|\n[ \t]*(?:{BULLET_MARK})[ \t]")
_INLINE_FIELD = re.compile(r"\s(?:ansvarlig|ansvar|tovholder|frist|tidsfrist|status)\s*:", re.I)
_MAX_POINT_SENTENCES = 4


def _item_start(text: str, index: DocIndex, n: int) -> int:
    """The index of the first sentence of the list point or paragraph that sentence `n` is a
    field of: back over its other fields ("Ansvarlig: …"), never past a blank line or the
    next point's bullet; `n` when no sentence before it is in the point."""
    sentences = index.sentences
    first = n
    for k in range(n - 1, max(-1, n - 1 - _MAX_POINT_SENTENCES), -1):
        if _POINT_START.search(text, sentences[k].end, sentences[k + 1].start):
            break
        first = k
        # a field, or the line a field's value wrapped onto ("Ansvarlig: Mette" + "Frandsen, …")
        wrapped = k > 0 and _POINT_FIELD.match(sentences[k - 1].text) is not None
        wrapped = wrapped and not sentences[k - 1].text.rstrip().endswith(".")
        if not (_POINT_FIELD.match(sentences[k].text) or wrapped):
            break
    return first


# the paper's own fields: "Rev. dato:", "Senest opdateret: 12. maj 2025", "Til: Social- og
# Sundhedsudvalget, mødet den 22. april 2025" - when and to whom it was written, no step
_DATE_LABEL = re.compile(
    r"\s*(?:(?:[\w.]+\s)?\w*dato|(?:(?:senest|sidst)\s+)?(?:opdateret|revideret)|til|fra|cc)\s*:",
    re.IGNORECASE,
)


def _row_around(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The table row (a line of TAB-separated cells) holding text[start:end], if any."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    line = text[lo:hi]
    if TABLE_CELL_SEPARATOR not in line:
        return None
    lead = len(line) - len(line.lstrip())
    return lo + lead, lo + len(line.rstrip()), line.strip()


def _coordinated_days(
    text: str, forward: list[DateMention], chosen: DateMention | None
) -> list[DateMention]:
    """Other days the sentence joins to the chosen one with "og": "til høring i Handicaprådet
    den 1. februar og i Seniorrådet den 2. februar" is two hearings, two follow-ups (a period
    "fra den 19. marts til den 1. april" is one)."""
    if chosen is None or chosen.precision != "day":
        return []
    out = []
    for d in forward:
        if d is chosen or d.precision != "day" or d.date == chosen.date:
            continue
        a, b = sorted((d, chosen), key=lambda x: x.start)
        between = text[a.end : b.start]
        if re.search(r"\bog\b", between) and not re.search(r"\btil\b|[-–]", between):
            out.append(d)
    return out
