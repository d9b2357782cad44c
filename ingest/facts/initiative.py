"""What an amount is for, read from the words in front of it.

A purpose clause after the amount ("afsat 2,75 mill. kr. til kompetenceudvikling") is read by
`budgets.purpose_of`. Most amounts in minutes and memos name their subject *before* the amount
instead, and that phrase is what a reader calls the money:

- "<noun phrase> på <amount>": "merudgifter vedrørende korrektion af pris- og lønreguleringen
  ... på 6,4 mio. kr.", "en indfrielsesværdi på forventet ca. 4,6 mio. kr."
- "<noun phrase> for <amount>": "kompenserende besparelser for 22,5 mio. kr."
- "<noun phrase> (<amount>)": "det specialiserede voksenområde (23,2 mio. kr.)"
- "<label>: <amount>": "Timepris: 1.200-1.400 kr/time"
- "<subject> <verb> <amount>": "Den nuværende udgift til disse foranstaltninger udgør cirka
  4,9 mio. kr.", "Greve Kommunes andel vil i 2024 være cirka 2,7 mio. kr.", "Et Micro
  Hackaton koster 63.000 - 95.000 kr"
- a table row: the row's first cell ("Tune Pensionistcenter<TAB>21.000<TAB>40.000").

Pronouns ("Det", "Dette", "Den") name nothing: then the caller falls back to headings.
"""

from __future__ import annotations

import re

__all__ = ["subject_of", "row_label", "line_label", "is_weak"]

_F = re.IGNORECASE

# Qualifiers between the linking word and the amount: "på forventet ca. 4,6 mio. kr."
_QUAL = (
    r"(?:ca\.|cirka|omkring|forventet|foreløbigt|foreløbig|skønnet|anslået|årligt|samlet|"
    r"i\s+alt|op\s+til|mindst|maksimalt|minimum|lidt\s+over|lidt\s+under|knap|godt|over|"
    r"under|yderligere|ekstra|netto|brutto|kun|blot|hele|lige\s+under|lige\s+over)"
)
_LINK = re.compile(r"\s(?:på|for)\s+(?:" + _QUAL + r"\s+)*$", _F)
_PAREN = re.compile(r"\(\s*(?:" + _QUAL + r"\s+)*$", _F)
_COLON = re.compile(r":\s*(?:" + _QUAL + r"\s+)*$", _F)
# Verbs that state an amount of their subject, with what may stand between verb and amount.
_COPULA = re.compile(
    r"\b(?:udgør|udgjorde|koster|kostede|beløber\s+sig\s+til|andrager|er|var|bliver|blive|"
    r"være|ligger\s+(?:\w+\s+){0,2}?på|skønnes\s+(?:\w+\s+){0,3}?til|anslås\s+til|"
    r"vurderes\s+til|estimeres\s+til|opgøres\s+til|svarer\s+til|"
    # a recipient: "at Auning Sommerteater bevilges 50.000 kr."
    r"bevilges|tildeles|får\s+tildelt|modtager)\s+"
    r"(?:(?:" + _QUAL + r"|mellem|på)\s+)*$",
    _F,
)
# Words that end a noun phrase when reading backwards from the amount.
_STOP_WORDS = frozenset(
    """at som der hvor hvis når idet men så da mens hvilket hvoraf heraf
    er var blev bliver blive være har havde vil skal kan kunne må skulle ville
    udgør koster ligger modtager modtog vedtager vedtog afsætter afsættes afsat foreslår foreslås
    tilfører tilføres tilført gives giver givet fået ydet søgt meddeles meddele
    indstiller indstilles
    godkender godkendes godkendte bevilger bevilges bevilget søges søger anbefaler anbefales
    finansieres finansieret forventes forventer skønnes vurderes betyder betaler betales
    dvs jf herunder heraf samt""".split()
)
_PAST_VERBS = frozenset(
    """søgte fik gav valgte havde tog lagde satte sendte købte solgte betalte modtog brugte
    fremsendte bad kom gik så blev var""".split()
)
_DETERMINERS = frozenset("en et den det de denne dette disse".split())
_PREPOSITIONS = frozenset(
    "til af på i for med ved om under over fra vedrørende mellem hos efter mod blandt".split()
)
# Leading words that carry no meaning of their own.
_LEAD = re.compile(
    r"^(?:(?:en|et|den|det|de|denne|dette|disse|hertil|heraf|i\s+alt|samlet|der|og|samt|"
    r"ca\.|cirka|derudover|desuden|endvidere|herudover|dog|så|nu)\s+)+",
    _F,
)
_PRONOUN = re.compile(r"^(?:det|dette|den|denne|disse|de|der|han|hun|vi|man|som|hvilket)$", _F)
# Auxiliaries and time phrases that close a subject: "Greve Kommunes andel | vil i 2024 være".
_SUBJECT_END = re.compile(
    r"\s+(?:vil|skal|kan|må|forventes|skønnes|vurderes|anslås|estimeres|opgøres|har|havde|"
    r"udgør|udgjorde|koster|kostede|er|var|bliver|ligger|beløber|andrager|svarer|"
    r"i\s+(?:19|20)\d\d|fra\s+(?:19|20)\d\d|årligt|derfor|dog|i\s+gennemsnit)\b",
    _F,
)
_MAX_WORDS = 14
_WORD_RE = re.compile(r"\S+")


_TIME_TAIL = re.compile(
    r"(?:\s+(?:i|for|fra|til|pr\.)\s+(?:årene\s+|året\s+)?(?:19|20)\d\d(?:\s*[-–]\s*\d+)?"
    r"(?:\s+og\s+frem\w*)?)+$",
    _F,
)
# Words that say what kind of money it is, not what it is for: "merudgift", "forøgede udgifter".
_GENERIC = re.compile(
    r"^(?:\w*udgift\w*|\w*omkostning\w*|beløb\w*|pris\w*|\w*forbrug\w*|besparelse\w*|"
    r"midler\w*|ramme(?:n|r|rne)?|budget(?:tet|ter|terne)?|tilskud\w*|bevilling\w*|"
    r"indtægt\w*|\w*provenu\w*|værdi(?:en)?|(?:kontrakt)?sum(?:men)?|"
    r"forøged?e?|øged?e?|samled?e?|årlige?|økonomiske?|nuværende|forvente[dt]e?|estimere[dt]e?|skønne[dt]e?|"
    r"samlet|totale?|yderligere|ekstra|heraf|alt)$",
    _F,
)


def is_weak(phrase: str) -> bool:
    """True when the phrase only names a kind of money ("merudgift", "Udgiften", "forøgede
    udgifter"): it needs the heading's subject beside it."""
    words = re.findall(r"[\wæøå]+", phrase.lower())
    return all(_GENERIC.match(w) or len(w) <= 2 for w in words)


_LEADING_PREPOSITION = re.compile(
    r"^(?:(?:inden|uden)\s+for|inden|for|til|i|på|af|med|ved|om|fra|under|over)\s+", _F
)


def _clean(phrase: str) -> str | None:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:-–'\"”“")
    phrase = _LEADING_PREPOSITION.sub("", phrase)  # a name does not open with "inden for"
    phrase = _TIME_TAIL.sub("", phrase)
    phrase = _LEAD.sub("", phrase).strip(" ,;:-–")
    if not phrase or _PRONOUN.match(phrase) or not re.search(r"[a-zæøå]{3}", phrase, _F):
        return None
    if re.fullmatch(r"[\d\s.,%-]+\w{0,3}", phrase) or re.fullmatch(r"\w+mæssigt", phrase):
        return None  # a number, or an adverb ("ligger prismæssigt på ca. 1,0 mio. kr.")
    return phrase


def _np_before(text: str, lo: int, end: int) -> str | None:
    """The noun phrase ending at `end`, read backwards to a clause boundary or a verb."""
    segment = text[lo:end]
    # a bracketed aside inside the phrase is part of it: "grundbidraget (abonnement)"
    masked = re.sub(r"\([^()\n]{1,40}\)", lambda g: "x" * len(g.group(0)), segment)
    # a boundary: sentence punctuation, a colon, a bracket, or a comma that does not close a
    # hyphenated first half ("Klima-, Teknik- og Miljøudvalget")
    cut = 0
    for m in re.finditer(r"[.;:!?()\[\]\n]|(?<!-),", masked):
        if m.group(0) == "." and re.search(r"(?:\b[a-zæøå]{1,4}|\d)\.$", segment[: m.end()], _F):
            continue  # "ca.", "pkt.", "1." inside the phrase
        cut = m.end()
    words = list(_WORD_RE.finditer(segment, cut))
    kept: list[re.Match[str]] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        token = w.group(0).lower().strip(",")
        if token in _STOP_WORDS or token in _PAST_VERBS or re.fullmatch(r"[-–]", token):
            break
        previous = words[k - 1].group(0).lower() if k > 0 else ""
        if token.endswith("ede") and len(token) > 5 and previous not in _DETERMINERS:
            break  # a verb in the past tense ("bevilgede"), not "det specialiserede område"
        kept.append(w)
        if len(kept) >= _MAX_WORDS:
            break
        if token in _DETERMINERS and previous not in _PREPOSITIONS:
            break  # "Beregninger viser | en merudgift": the article opens the phrase
    if not kept:
        return None
    return _clean(segment[kept[-1].start() : kept[0].end()])


def _subject(text: str, lo: int, verb_start: int) -> str | None:
    """The subject of "<subject> [aux ...] <verb> <amount>": the words from the clause start
    to the first auxiliary or time phrase."""
    segment = text[lo:verb_start]
    # "De eksterne botilbud, som nye borgere typisk vil blive visiteret til, ligger på": the
    # relative clause sits between the subject and its verb
    segment = re.sub(r",\s*(?:som|der|hvor)\b[^,.;:]*,\s*", " ", segment, flags=_F)
    start = 0
    for m in re.finditer(r"[.;:!?()]|,\s", segment):
        if m.group(0) == "." and re.search(r"(?:\b[a-zæøå]{1,4}|\d)\.$", segment[: m.end()], _F):
            continue
        start = m.end()
    # "…, og at Kunstforeningen Ørum bevilges": the clause's subject follows its "at"
    segment = re.sub(r"^\s*(?:og\s+|samt\s+)?at\s+", "", segment[start:], flags=_F)
    m = _SUBJECT_END.search(" " + segment)
    if m:
        segment = segment[: max(0, m.start())]
    words = segment.split()
    if not words or len(words) > _MAX_WORDS:
        return None
    if words[0].lower() in _STOP_WORDS:
        return None
    return _clean(" ".join(words))


_VED_AT = re.compile(r"\bved\s+at\s+[a-zæøå]+\s+(?:" + _QUAL + r"\s+)*$", _F)
_KEY = re.compile(r"([^\n:.]{2,40}):\s")
_MAX_LABEL_WORDS = 8


def subject_of(text: str, amount_start: int, lo: int) -> str | None:
    """The phrase before the amount at `amount_start` that names it, within [lo, start); a
    line's label ("Månedlig omkostning: 19 timer × 1.200 kr = 22.800 kr/måned", "Støjvolde
    Ca. 18.500.000 kr") when the clause itself names nothing."""
    pre = text[lo:amount_start]
    for pattern in (_PAREN, _COLON, _LINK, _VED_AT):
        m = pattern.search(pre)
        if m:
            phrase = _np_before(text, lo, lo + m.start())
            if phrase:
                return phrase
            if pattern is _PAREN or pattern is _COLON:
                return None
    m = _COPULA.search(pre)
    if m:
        return _subject(text, lo, lo + m.start())
    return line_label(text, amount_start)


def line_label(text: str, amount_start: int) -> str | None:
    """The label of the amount's line: "Label: ..." at the line start, or a short verbless
    line that opens with the label ("Arealerhvervelse, ca. 20 kr./m2")."""
    line_start = text.rfind("\n", 0, amount_start) + 1
    head = text[line_start:amount_start]
    key = _KEY.match(head)
    if key and len(key.group(1).split()) <= 5:
        return _clean(key.group(1))
    head = re.sub(r"^[-•*–\s]*(?:\d{1,2}[.)]\s+)?", "", head)
    words = head.split()
    if not words or len(words) > _MAX_LABEL_WORDS or not words[0][:1].isupper():
        return None  # a label opens its line with a capital: "Arealerhvervelse, ca. 20 kr./m2"
    if any(w.lower().strip(",") in _STOP_WORDS or re.search(r"[×=+*/]", w) for w in words):
        return None  # a clause or a calculation ("19 timer × 1.200 kr"), not a label
    label = re.sub(r"(?:[,\s]+(?:" + _QUAL + r"))+\s*$", "", head.strip(), flags=_F)
    return _clean(label)


_TOTAL_LABEL = re.compile(r"(?:i\s+alt|total|samlet|sum)", re.IGNORECASE)


def row_label(line: str) -> str | None:
    """The first cell of a table row ("Tune Pensionistcenter\\t21.000\\t40.000"), or the text
    before the first number of a row without tabs."""
    first = line.split("\t", 1)[0] if "\t" in line else re.match(r"[^\d\n]*", line).group(0)
    if _TOTAL_LABEL.fullmatch(first.strip(" :.-")):
        return first.strip(" :.-")  # "I alt" is the total row's name, not "alt"
    return _clean(first.strip(" :.-"))
