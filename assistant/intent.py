"""What is being asked: budget, follow-up, decision, list, definition or a plain lookup.

Recognised from cue words in Danish and English questions ("hvor meget", "afsat", "beløb",
"how much"; "hvornår", "frist", "mangler"; "besluttede", "indstilling"; "hvilke", "oversigt"),
plus what the question pins down: years, dates and amounts it names (a near miss on any of them
must lead to abstention or a corrected answer, never to a wrong figure). Rules, not a model: the
cues are few, stable across municipalities, and a wrong guess only changes which answerer is
tried first (every answerer falls back to sentence selection).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ingest.dates import MONTHS as DANISH_MONTHS
from ingest.dates import DateMention, find_dates
from ingest.money import find_amounts

KINDS = (
    "budget",
    "budget_list",
    "followup",
    "followup_list",
    "decision",
    "list",
    "definition",
    "lookup",
)

_F = re.IGNORECASE


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _F)


# "Hvor mange penge / kroner / millioner …?" asks an amount, not a count; so do "hvor mange af
# pengene / midlerne" and "hvor mange af de ubrugte driftspenge" (a compound with money as head)
_MONEY_NOUN = (
    r"(?:af\s+(?:de\s+)?)?(?:[\w-]+\s+)??"
    r"(?:[\w-]*penge(?:ne)?|[\w-]*kroner|midlerne|kr\.|millioner|mio\.|mia\.|milliarder)(?!\w)"
)
# "Hvad betalte kommunen for ejendommen?" asks the price ("Hvem betaler?" asks who)
_PAID = r"\bhvad\s+(?:betalte|betaler|betalt|(?:skal|skulle|vil|kan)\s+(?:\w+\s+){1,2}?betale)\b"
# a price or sum named by a compound: "mindsteprisen", "billetprisen", "kontraktsummen" (not
# an amount asked by "hvem"/"hvilken": "Hvem fik kulturprisen?")
_PRICE_COMPOUND = r"\b\w+(?:pris(?:en|er|erne)?|sum(?:men)?)\b"
# the same as a word: what an amount question asks for, not what it is about
PRICE_WORD = re.compile(_PRICE_COMPOUND, re.IGNORECASE)
_BUDGET = _rx(
    r"\bhvor\s+(?:meget|mange\s+penge|stort?\s+(?:et\s+)?(?:beløb|budget|bevilling|ramme|pulje))",
    rf"\bhvor\s+mange\s+{_MONEY_NOUN}",
    _PAID,
    r"\bbeløb\w*",
    r"\bbudget(?:tet|ter|terne|ter(?:et|es|ede))?\b",  # "budgetteret": what is budgeted
    r"\bbudgetramme\w*",
    r"\bafsat\b|\bafsætte[st]?\b|\bafsættes\b|\bsat\s+af\b|\bsatte\s+af\b",
    r"\bbevilge[ts]?\b|\bbevilling\w*|\bbevilget\b",
    r"\bkoste[tr]?\b|\bkostede\b|\bpris(?:en)?\b|\budgift\w*|\bmerudgift\w*|\bomkostning\w*",
    r"\bpenge(?:ne)?\b|\bmidler\b|\bfinansier\w*|\bøkonomi(?:en)?\b|\btilskud\w*",
    # "Hvor dyrt bliver systemet?", "den samlede anlægsramme" (not a "tidsramme"), "Hvor stor
    # en regning får kommunen?"
    r"\bhvor\s+dyr[te]?\b|\b(?!tids)\w*ramme(?:n)?\b|\bregning(?:en)?\b",
    # compounds name the money too: "anlægsbevillingen", "licensudgifterne",
    # "totalomkostningerne", "driftstilskuddet", "egenfinansieringen"
    r"\b\w+(?:udgift|omkostning|bevilling|beløb|tilskud|finansiering|overslag)\w*",
    r"\boverslag(?:et)?\b",  # a cost estimate: "anlægsoverslaget", "Hvad er overslaget?"
    _PRICE_COMPOUND,
    r"\bløbe[rt]?\s+(?:\w+\s+){0,8}?op\s+i\b",  # "Hvad kan udgifterne løbe op i?"
    # "Hvad lød det vindende tilbud på?", "Hvad lyder buddet på?": a price
    r"\bhvad\s+(?:lød|lyder|lyde)\s+(?:\w+\s+){0,4}?\w*(?:tilbud|bud)(?:det|dene)?\b",
    r"\bhvad\s+udgør\b.*\bi\s+alt\b",  # "Hvad udgør anlægsprogrammet i alt i 2027?"
    r"\w*takst\w*",
    # a result in money: "Hvad var overskuddet på den ordinære drift i 2024?"
    r"\b(?:overskud|underskud|merforbrug|mindreforbrug)\w*",
    r"\bkr\.|\bkroner\b|\bmio\b|\bmill\b",
    r"\bhow\s+much\b|\bbudgets?\b|\bcost[s]?\b|\ballocat(?:ed|ion|ions)\b|\bfund(?:s|ing|ed)?\b",
    r"\bfees?\b|\bsavings\b",
    r"\bspen[dt]\b|\bspending\b",
    r"\bhvor\s+stor[te]?\b.*(?:pulje|ramme|budget|bevilling|beløb|udgift|besparelse|indtægt|overskud|underskud|lån|garanti|udbetaling|gevinst|bidrag|tilskud)\w*",
    # "…, og hvad skal der bruges på ombygningen?": what is spent on it
    r"\bhvad\s+(?:skal|vil|kan)\s+der\s+(?:bruges|anvendes)\s+på\b",
    # "Administrationen foreslog besparelser … – hvor stort var forslaget?"
    r"\b(?:pulje|ramme|budget|bevilling|beløb|udgift|besparelse|indtægt|overskud|underskud|lån|garanti)\w*\b.*\bhvor\s+stor[te]?\s+(?:var|er|bliver|blev)\b",
    r"\bmoney\b|\bamount\w*|\bgrant(?:s|ed)?\b|\bexpens\w*",
)
# "Hvad får indsatsen ...?" asks for money when an initiative is the subject.
_NOT_AMOUNT_QUESTION = _rx(
    r"^\s*(?:hvem|hvordan|hvorfor|hvad\s+sker|hvilken|hvilke|who|how|why)\b",
    r"^\s*hvad\b.*\b(?:bruges|anvendes)\s+til\b",  # what the money is for, not how much
    # what someone asked for: "Hvad bad udvalget om at få, før det ville tage stilling til
    # tilskuddet?" asks a request, not the grant's amount
    r"^\s*hvad\s+(?:bad|beder|ønskede|ønsker|krævede|kræver|anmodede)\b",
)
# "Hvilke elementer indgår i prisen?": the parts of a price, not its amount
_THINGS_OF_A_PRICE = re.compile(
    r"^\s*hvilke\s+(?!beløb|priser|udgifter|takster|omkostninger|bevillinger)\w+\s+"
    r"(?:indgår|er\s+med|tæller\s+med)\b",
    _F,
)
_AMOUNT_WORDS = _rx(
    _PAID,
    r"\bhvad\s+(?:lød|lyder|lyde)\s+(?:\w+\s+){0,4}?\w*(?:tilbud|bud)(?:det|dene)?\b",
    r"\bhvor\s+(?:meget|mange\s+penge|stort?\s+(?:et\s+)?beløb)",
    rf"\bhvor\s+mange\s+{_MONEY_NOUN}",
    r"\bkoste[tr]?\b|\bkostede\b|\bbeløb\w*|\bpris(?:en)?\b|\bhow\s+much\b|\w*takst\w*",
    r"\bhvor\s+dyr[te]?\b",
)
_BUDGET_GET = _rx(r"^\s*hvad\s+får\b", r"\bhvad\s+fik\b", r"\bhvad\s+(?:blev|er)\s+\w+\s+tildelt\b")
_LIST = _rx(
    r"\bhvilke\b",
    r"\boversigt\w*",
    r"\bliste\b|\blist\b|\bopstil\w*",
    r"\bnævn\b|\bopregn\w*",
    r"\balle\b",
    r"\bwhich\b.*\b(?:are|were|got|get|have|has)\b",
    r"\bwhat\s+are\b",
)
_BUDGET_LIST = _rx(
    r"\bhvilke[tn]?\b.*\bhvilke[tn]?\s+(?:beløb|budget\w*|bevilling\w*|midler)",
    r"\bhvilke\b.*\b(?:fik|får|fået|modtog|modtager)\b.*\b(?:beløb|budget\w*|penge|midler|kr)",
    r"\boversigt\w*\b.*\b(?:beløb|budget\w*|bevilling\w*|midler|penge|afsat)",
    r"\b(?:alle|samlede)\s+(?:beløb|budgetter|bevillinger)",
    r"\bfordel(?:ing(?:en)?|es|t)\b.*\b(?:midler|beløb|budget\w*|penge)",
    r"\bwhich\b.*\b(?:got|get|received?)\b.*\b(?:budget|amount|money|funding)",
    r"\b(?:list|overview)\b.*\b(?:budgets?|amounts?|allocations?)",
)
_FOLLOWUP_LIST = _rx(
    r"\bopfølgning\w*\b.*\b(?:mangler|udestående|åbne|resterende|tilbage)",
    r"\bhvilke\b.*\b(?:opfølgning\w*|frister|deadlines?|tidsfrister|næste\s+skridt)",
    r"\budestående\b",
    r"\bmangler\s+(?:stadig|endnu|fortsat)\b",
    r"\bhvad\s+mangler\b",
    r"\b(?:outstanding|pending|open)\b.*\b(?:follow[- ]?ups?|actions?|deadlines?|items?|tasks?)",
    r"\bfollow[- ]?ups?\b.*\b(?:outstanding|pending|open|remain\w*|left)",
    r"\bupcoming\s+deadlines\b|\bwhat\s+is\s+(?:still\s+)?(?:outstanding|pending)\b",
)
_WHEN = _rx(
    r"\bhvornår\b",
    r"\bhvilken\s+dato\b|\bhvilket\s+tidspunkt\b|\bhvilken\s+måned\b|\bhvilket\s+år\b",
    r"\bhvilken\s+(?:periode|uge)\b",  # "I hvilken periode kan man komme med bemærkninger?"
    # "Hvad er fristen?", "Hvad er den gældende frist for, at …?": a date ("svarfristen" can
    # be a duration, "10 hverdage", so only the bare word)
    r"\bhvad\s+(?:er|var|bliver)\s+(?:den\s+|det\s+)?(?:\w+\s+)?(?:frist(?:en)?|deadline)\b",
    r"\bfra\s+hvornår\b|\binden\s+hvornår\b|\bhvor\s+længe\b|\bhvor\s+langt\s+ind\b",
    r"\bwhen\b|\bwhat\s+date\b|\bwhich\s+date\b|\bby\s+when\b|\bwhat\s+(?:month|year)\b",
)
_DEADLINE = _rx(
    r"\bfrist\w*",
    r"\bdeadline\w*",
    r"\bsenest\b",
    r"\bskal\b.*\b(?:godkendt|færdig|afsluttet|gennemført|fremlagt|være)\b",
    r"\bforvent\w*",
    r"\bnæste\s+(?:opfølgning|skridt|møde)\b",
    r"\bopfølgning\w*",
    r"\bdue\b|\bexpected\b|\bwill\b",
)
_ACTED = (
    r"(?:ændrede|satte|anbefalede|valgte|tilføjede|afviste|bevilgede|udsatte|besluttede|"
    r"udpegede|nedsatte|sagde|lavede)"
)
_BODY = (
    r"\w*(?:udvalg|byråd|kommunalbestyrelse|styregruppe|koordinationsgruppe|bestyrelse|"
    r"regionsråd)\w*\b"
)
_DECISION = _rx(
    r"\bbesluttede?\b|\bbeslutning\w*|\bbesluttet\b|\bbeslutte\b",
    # the outcome of a case, or in a body: "Hvad blev resultatet i Økonomiudvalget om …?"
    r"\bhvad\s+(?:blev|var)\s+(?:udfaldet|resultatet)\s+(?:af|i|på|for|om)\b",
    # "Hvad skete der med ansøgningen?", "Hvordan endte sagen?"
    r"\bhvad\s+skete\s+(?:der\s+)?med\b|\bhvordan\s+endte\b",
    # "Hvad gjorde Børne- og Ungeudvalget med forslaget?": what a body did with a case
    r"\bhvad\s+(?:gjorde|gør)\s+(?:\S+\s+){0,6}?med\b",
    # "Hvordan forholdt udvalget sig til aftalen?": the stand a body took on a case
    r"\bforh(?:oldt|older)\s+(?:\S+\s+){0,6}?sig\s+til\b",
    # "Hvad endte mindsteprisen med at blive?": the final word on a proposal
    r"\bendte\s+(?:\S+\s+){0,4}?med\s+at\s+(?:blive|være)\b",
    r"\bvedt(?:og|aget|age|ages)\b",
    # a body's view of a case is its decision: "Hvad sagde Økonomiudvalget til sagen?", "Hvad
    # mente Klimaudvalget om valget af løsning?"
    r"\bhvad\s+(?:mente|mener|sagde|siger|syntes|synes)\s+(?:\S+\s+){0,2}?"
    r"(?:\w*udvalg\w*|byråd\w*|kommunalbestyrelse\w*|regionsråd\w*|styregruppe\w*)",
    # what a meeting agreed: "Hvad blev styregruppen enige om …?", "Hvad blev der aftalt …?"
    r"\b(?:blev|var|er)\s+(?:\S+\s+){0,3}?enige?\s+om\b|\benedes\b",
    r"\bhvad\s+blev\s+(?:der\s+)?aftalt\b|\bhvad\s+aftalte\b",
    r"\btog\b.*\btil\s+efterretning\b|\btaget\s+til\s+efterretning\b",
    r"\bgodkendte\s+(?:udvalget|byrådet|kommunalbestyrelsen|regionsrådet)\b",
    # the decision held against the proposal: "Blev midlerne fordelt som forvaltningen
    # foreslog?"; who stood behind it: "Stod hele udvalget bag bevillingen?"
    r"\bsom\s+(?:forvaltningen|administrationen|direktionen)\s+(?:foreslog|indstillede|"
    r"anbefalede)\b",
    r"^\s*stod\b.*\bbag\b",
    # "Fulgte udvalget forvaltningens forslag til banetype?": the decision against the proposal
    r"\bf(?:ulgte|ølger|ølge)\b.*\b(?:forslag\w*|indstilling\w*|anbefaling\w*)\b",
    # yes/no about an outcome: "Blev ansøgningerne godkendt?", "Sagde udvalget ja til ...?"
    # ("Blev stien dyrere end bevilget?" compares a cost with its grant: no decision asked)
    r"^\s*(?:blev|er|var|sagde)\b.*(?<!\bend )\b(?:godkendt|godkendte|vedtaget|bevilget|afvist|"
    r"anbefalet|udsat|givet|frigivet|forkastet|afslået|ja\s+til|"
    r"sendt\s+i\s+(?:offentlig\s+)?høring)\b",
    # a question that opens with a body's act: "Godkendte Bredsted Byråd garantien …?"
    r"^\s*(?:godkendte|vedtog|afviste|bevilgede|udsatte|forkastede)\b",
    # "Fik Venstre flertal for …?", "Fik golfklubben sin kommunegaranti?": an outcome
    r"^\s*fik\b.*\b(?:flertal|sin|sit|sine)\b",
    # "Fik ejeren dispensation til carporten?", "Har skolen fået lov til …?", "Fik klubben de
    # 650.000 kr., de søgte om?", "Fik foreningen penge til …?": what a case was granted or
    # refused
    r"^\s*(?:fik|har\b.*\bfået)\b.*\b(?:dispensation|tilladelse|lov\s+til|ja\s+til|afslag|"
    r"godkendelse|medhold|tilskud(?:det)?|bevilling(?:en)?|støtte(?:n)?|(?:an)?søgte|"
    r"(?:an)?søgt|penge(?:ne)?|midler(?:ne)?)\b",
    # a body that acted: "Hvad ændrede Klima-, Teknik- og Miljøudvalget i ...?", "Hvilke krav
    # satte Plan- og Tryghedsudvalget ...?"
    rf"\b{_ACTED}\s+(?:\S+\s+){{0,6}}?{_BODY}|{_BODY}\s+{_ACTED}\b",
    r"\bdecid\w*|\bdecision\w*|\bresolv\w*|\btake\s+note\b|\btook\s+note\b",
    r"\bapprove[ds]?\b.*\b(?:committee|council|board)\b|\b(?:committee|council|board)\b.*\bapprove",
    # yes/no about what is to happen or what a body said: "Skal Lærkehuset lukke tidligere?",
    # "Bliver weekendbusserne bevaret?", "Har politikerne sagt ja til …?" - plans ask it of a
    # proposal, and its decision answers (a proposal the decision changed is no answer)
    r"^\s*(?:skal|bliver)\b",
    r"^\s*har\b.*\bsagt\s+(?:ja|nej)\s+til\b",
    # the decision held against a body's wish: "…, som brugerbestyrelsen ønskede?"
    r"\bsom\s+(?:\S+\s+)?\w*(?:udvalg|byråd|bestyrelse)\w*\s+"
    r"(?:foreslog|indstillede|anbefalede|ønskede)\b",
)
# "…, som forvaltningen havde foreslået?", "… godkendt som indstillet?": the decision is held
# against the proposal; the words say what is compared, not what the case is about
_PROPOSAL_FRAME = re.compile(
    r"\bsom\s+(?:\w+\s+){0,3}?(?:foreslået|foreslog|foreslåede|indstillet|indstillede|"
    r"anbefalet|anbefalede|ønsket|ønskede)\b",
    re.IGNORECASE,
)


def proposal_frame_words(question: str) -> set[str]:
    """The lower-cased words of the question's "som … foreslået" frame, if any."""
    return {w.lower() for m in _PROPOSAL_FRAME.finditer(question) for w in m.group(0).split()}


_RECOMMENDATION = _rx(
    r"\bindstilling\w*|\bindstille[rt]?\b|\bindstillede\b",
    r"\brecommend\w*|\bproposal\b|\bproposed\b",
)
_DEFINITION = _rx(
    r"\bhvad\s+(?:står|stod)\s+(?P<term1>[\w\-./]+)\s+for\b",
    r"\bhvad\s+betyder\s+(?!(?:det|den|de|dette|disse)\b)(?P<term2>[\w\-./]+)",
    # an abbreviation in capitals ("Hvad er SFO?"), not any word ("Hvad er anlægssummen?")
    r"\bhvad\s+er\s+(?:en\s+|et\s+)?(?P<term3>(?-i:[A-ZÆØÅ]{2,})[\w\-]*)\s*\??$",
    r"\bwhat\s+does\s+(?P<term4>[\w\-./]+)\s+(?:stand\s+for|mean)\b",
    r"\bwhat\s+is\s+(?:an?\s+)?(?P<term5>(?-i:[A-ZÆØÅ]{2,})[\w\-]*)\s*\??$",
)
_COUNTING_VERB = r"(?:sidder|sad|er|var|deltager|deltog|kommer|kom|bor|arbejder|har|fik|får)\b"
_COUNT = _rx(
    rf"\bhvor\s+mange\b(?!\s+{_MONEY_NOUN})",
    r"\bhvor\s+stor\s+(?:en\s+)?(?:del|andel|procent\w*)\b",
    r"\bhvor\s+(?:tit|ofte)\b",
    r"\bantal(?:let)?\b",
    r"\bhow\s+(?:many|often)\b|\bwhat\s+share\b|\bhow\s+large\s+a\s+share\b",
)
# "Hvor højt må man bygge?", "Hvor langt er der til mosen?": a measure, told in metres
_ASKS_MEASURE = _rx(
    # "hvor lang tid" (and "how long") asks a duration, not a length
    r"\bhvor\s+(?:høj[et]?|lang[et]?(?!\s+tid)|bred[et]?|dyb[et]?|tæt|tykk?[et]?)\b",
    r"\bhow\s+(?:tall|high|wide|far|deep|close)\b",
)
_COUNTED = re.compile(
    # "Hvor mange sidder der i …?" counts people; the verb names nothing counted, nor does
    # "gange" ("Hvor mange gange rykkede man ud?" is told as "41 udkald")
    rf"\b(?:hvor\s+mange|how\s+many)\s+(?!{_MONEY_NOUN}|{_COUNTING_VERB}|gange\b)"
    r"(?:af\s+(?:de\s+)?|of\s+the\s+)?"
    r"([\w'-]+)(?:\s+([\w'-]+))?",
    _F,
)
_FREQUENCY = _rx(r"\bhvor\s+(?:tit|ofte|hyppigt)\b", r"\bhow\s+often\b")
_GRANTED_ASKED = _rx(
    r"\bfik\b|\bfået\b|\bgivet\b|\bgav\b|\bbevilg\w*|\btildel\w*|\btilsagn\w*|\bgranted\b|"
    r"\breceived?\b"
)
_APPLIED_ASKED = _rx(r"\b(?:an)?søg\w*|\bapplie[ds]\b|\bapply\b")
# "Hvor stort / højt / mange / længe …?" asks a size; "Hvor langt er projektet nået?" asks how
# far it has come, a status
_SIZE = _rx(
    r"\bhvor\s+(?:stor[te]?|høj[te]?|lange?|mange|meget|længe|dyr[te]?|bred[te]?|dyb[te]?|"
    r"tung[te]?|gammel|gamle)\b",
    r"\bhvor\s+langt\b(?!\s+(?:\w+\s+){0,3}(?:nået|kommet))",
    r"\bhow\s+(?:many|much|high|large|big|long|old)\b",
)
_SHARE = _rx(
    # "Hvor meget er vikarforbruget faldet?": a change is told in percent as often as in kroner
    # a percentage the question gives ("en søskenderabat på 50 %") names its subject
    r"\bfyld(?:er|te)\b|\bandel\w*|(?<!\d\s)\w*procent\w*|\w*promille\w*|"
    r"(?<!\d\s)(?<!\d)(?:\bpct\b|%)"
    r"|\b(?:faldet|steget|reduceret|nedbragt|øget|forøget)\b",
    r"\bhvor\s+stor\s+en\s+del\b|\bshare\b|\bpercent\w*",
)
_WHY = _rx(
    r"\bhvorfor\b|\bhvad\s+(?:er|var)\s+(?:årsag(?:en|erne)|grund(?:en|ene)|begrundelse(?:n|rne))\b",
    r"\bhvad\s+skyldes\b|\bwhy\b",
)
_PER_DOCUMENT = _rx(
    r"\bhvilke\s+(?:dokumenter|sager|referater|notater|bilag)\b.*\b(?:nævner|omtaler|handler|"
    r"indeholder|beskriver)",
    r"\bi\s+hver\s+af\s+(?:dem|dokumenterne|sagerne)\b|\bbegge\s+(?:dokumenter|sager)\b",
    r"\bbåde\b.+\bog\b.+\b(?:nævner|omtaler)\b",
    r"\bwhich\s+documents\b.*\bmention|\bin\s+each\s+of\s+them\b|\bboth\s+documents\b",
)
_PARTY = _rx(r"\bparti(?:er|erne|et)?\b", r"\bpart(?:y|ies)\b")
_VOTE = _rx(
    r"\bstem(?:te|me|mer|t)\b|\bstemme(?:tal|fordeling|afgivning)\w*|\bafstemning\w*",
    r"\bvot(?:e|ed|es|ing)\b",
)
_WHO = _rx(r"\bhvem\b", r"\bwho\b", r"\bhvilke[tn]?\s+(?:udvalg|afdeling|firma|virksomhed)\b")
_ENGLISH = re.compile(
    r"\b(?:the|what|which|when|how|who|is|are|was|were|did|does|do|has|have|will|of|to|"
    r"and|for|much|many|by|committee|council)\b",
    _F,
)
_DANISH = re.compile(
    r"\b(?:hvad|hvilke|hvilken|hvornår|hvor|hvem|er|og|til|af|på|den|det|der|som|med|"
    r"blev|skal|har|om|fra|i)\b|[æøå]",
    _F,
)
# Words that only steer the intent; they carry little of the topic.
CUE_WORDS = frozenset(
    """
    hvor meget mange penge beløb beløbet budget budgettet afsat afsættes afsætte sat satte
    bevilget bevilling koster kostede pris prisen hvad hvilke hvilken hvilket hvornår hvem
    hvordan hvorfor blev er var bliver skal kan vil der det den de fik får fået oversigt lav
    liste nævn alle besluttede beslutning beslutningen besluttet vedtog vedtaget indstilling
    indstillingen frist fristen deadline mangler stadig udestående opfølgninger stor store
    størst kr kroner dkk mio mill mia tkr sidder sad fylder fyldte truffet traf træffe træffes
    enig enige enedes aftalt aftalte samlede samlet stort ifølge
    how much many what which when who whom is are was were did does do the a an of for to in
    on by and or budget cost costs allocated allocation decided decision recommendation list
    """.split()
)


@dataclass
class Intent:
    kind: str
    english: bool = False
    years: list[int] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)  # when a decision was made
    amounts: list[float] = field(default_factory=list)
    asks_when: bool = False
    asks_count: bool = False
    asks_measure: bool = False  # a height, length, width or distance
    asks_amount: bool = False
    asks_who: bool = False
    recommendation: bool = False
    definition_term: str | None = None
    wants_list: bool = False
    counted: str | None = None  # the words after "hvor mange" ("sager", "best practice-...")
    asks_frequency: bool = False  # "hvor ofte", "hvor tit", "how often"
    asks_size: bool = False  # "hvor stor / høj / mange / længe …", "how many": a figure answers
    # "Hvor meget fik Kærby Hallen bevilget?": what was granted, not what was applied for
    asks_granted: bool = False
    asks_why: bool = False  # "hvorfor", "hvad er årsagen til", "why"
    asks_share: bool = False  # "hvor meget fylder", "hvor stor en andel", "hvor mange procent"
    # "Hvor meget skal der lægges til for bølger?": an amount asked without naming money, so
    # a measure ("25 cm") answers as well as a sum (`_names_money`)
    asks_quantity: bool = False
    per_document: bool = False  # "Hvilke dokumenter nævner X?", "... i hver af dem?"
    asks_item: bool = False  # "Hvilket punkt …?", "Under hvilken sag …?": the agenda item
    asks_where: bool = False  # "Hvor blev mødet holdt?", "where": a place
    asks_party: bool = False  # "Hvilke partier står bag …?": parties
    asks_vote: bool = False  # "Hvordan faldt afstemningen?", "Hvordan stemte udvalget?"
    asks_total: bool = False  # "… tilsammen", "i alt", "samlet": a table's total row

    @property
    def is_budget(self) -> bool:
        return self.kind in ("budget", "budget_list")


def is_english(question: str) -> bool:
    """More English function words than Danish ones (and no æ/ø/å)."""
    en = len(_ENGLISH.findall(question))
    da = len(_DANISH.findall(question))
    return en > da


# "Hvor blev mødet holdt?" asks a place; "hvor meget/mange/længe/stor …" a quantity, and "nu
# hvor" / "der hvor" join a clause ("…, nu hvor fjernvarmen bliver forsinket?")
_WHERE = re.compile(
    r"(?<!\bnu )(?<!\bder )\bhvor\b"
    r"(?!\s+(?:meget|mange|længe|langt|ofte|tit|stor\w*|lang\w*|høj\w*|lille|små|"
    r"gammel\w*|godt|vidt|hurtigt|tidligt|sent|mange))|\bwhere\b",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?!\d)")


def question_years(question: str, dates: list[DateMention]) -> list[int]:
    """Years the question names: from dates, year ranges ("2016-2019") and bare years."""
    years: set[int] = set()
    for d in dates:
        years.update(range(d.date.year, d.end_date.year + 1))
    for m in re.finditer(
        r"(?<![\d.,/-])((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?!\d)", question
    ):
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        if b >= a and b - a <= 30:
            years.update(range(a, b + 1))
    return sorted(years)


# "statsgaranti for 2026", "budget 2026", "regnskabet for 2024": the year of what is decided
# ... or the horizon of a plan or forecast: "prognosen for plejeboliger frem til 2035"
_SUBJECT_YEAR = re.compile(
    r"\b(?:for|budget\w*|regnskab\w*|frem\s+(?:til|mod)|indtil|til\s+og\s+med)\s+$",
    re.IGNORECASE,
)


def _names_the_subject(question: str, mention: DateMention) -> bool:
    """A bare year after "for", "budget" or "frem til" says what a decision is about, not
    when it was made: "Valgte Byrådet statsgaranti for 2026?" was decided in 2025."""
    before = question[max(0, mention.start - 20) : mention.start]
    return mention.precision == "year" and _SUBJECT_YEAR.search(before) is not None


# "Hvor meget" alone asks a quantity: "Hvor meget skal der lægges til for bølger?" (25 cm),
# "Hvor meget CO2 udledte kommunen?" (4.820 ton). With a money word it asks an amount.
_HOW_MUCH = re.compile(r"\bhvor\s+meget\b", re.IGNORECASE)
_MONEY_VERB = _rx(r"\bbetal\w*", r"\bspar\w*", r"\bdyrere\b", r"\bbilligere\b", r"\bramme\w*")


def _names_money(question: str) -> bool:
    """The question names money beyond a bare "hvor meget" (an amount word, a money verb, a
    figure in kroner): only then must its answer state an amount of money."""
    rest = _HOW_MUCH.sub(" ", question)
    return bool(_BUDGET.search(rest) or _BUDGET_GET.search(rest) or _MONEY_VERB.search(rest))


def classify(question: str) -> Intent:
    """Intent of one question (after conversation condensing)."""
    q = " ".join(question.split())
    dates = [d for d in find_dates(q) if d.explicit_year or d.precision == "day"]
    amounts = [m.amount_dkk for m in find_amounts(q)]
    intent = Intent(
        kind="lookup",
        english=is_english(q),
        years=question_years(q, dates),
        dates=[d for d in dates if not _names_the_subject(q, d)],
        amounts=amounts,
        asks_when=bool(_WHEN.search(q)),
        asks_count=bool(_COUNT.search(q)),
        asks_measure=bool(_ASKS_MEASURE.search(q)),
        asks_who=bool(_WHO.search(q)),
        recommendation=bool(_RECOMMENDATION.search(q)),
        wants_list=bool(_LIST.search(q)),
    )
    counted = _COUNTED.search(q)
    if counted:
        intent.counted = " ".join(w for w in counted.groups() if w)
    intent.asks_frequency = bool(_FREQUENCY.search(q))
    intent.asks_size = bool(_SIZE.search(q))
    intent.asks_granted = bool(_GRANTED_ASKED.search(q)) and not _APPLIED_ASKED.search(q)
    intent.asks_why = bool(_WHY.search(q))
    intent.asks_share = bool(_SHARE.search(q))
    intent.per_document = bool(_PER_DOCUMENT.search(q))
    intent.asks_item = bool(_ASKS_ITEM.search(q))
    intent.asks_where = bool(_WHERE.search(q))
    # "... hvilke partier stemte imod?" asks about a vote: its lines ("Imod stemte: (F) ...")
    # are found as a vote's, and a bonus for naming parties would lift "For stemte: (V), ..."
    intent.asks_vote = bool(_VOTE.search(q))
    intent.asks_total = asks_total(q)
    intent.asks_party = bool(_PARTY.search(q)) and not intent.asks_vote
    budget = bool(_BUDGET.search(q) or _BUDGET_GET.search(q) or amounts)
    budget = budget and not _THINGS_OF_A_PRICE.match(q)
    # money words can be the topic ("Hvem betaler ...", "Hvordan fordeles udgiften ...");
    # only a question that asks for a figure needs an amount in its answer
    intent.asks_amount = (
        budget
        and not intent.asks_when
        and not intent.asks_why  # "Hvorfor blev budgettet øget?" asks a reason
        and not intent.asks_vote  # "Hvordan stemte byrådet om anlægsbevillingen?"
        and (not _NOT_AMOUNT_QUESTION.match(q) or bool(_AMOUNT_WORDS.search(q)))
    )
    intent.asks_quantity = intent.asks_amount and not _names_money(q)
    # "Hvem holder øje med økonomien?": money is the topic, a person or body the answer
    money_who = not intent.asks_amount and not amounts and bool(_WHO.search(q))
    definition = _DEFINITION.search(q)
    if definition:
        intent.kind = "definition"
        intent.definition_term = next(v for v in definition.groupdict().values() if v)
    elif _BUDGET_LIST.search(q):
        intent.kind = "budget_list"
    elif _FOLLOWUP_LIST.search(q) and not _counts_other_things(intent):
        intent.kind = "followup_list"
    elif (
        _DECISION.search(q)
        or intent.asks_vote  # a vote is how a decision was made
        or (intent.recommendation and not budget and not intent.asks_when)
    ):
        intent.kind = "decision"
    elif budget and not intent.asks_when and not intent.asks_count and not money_who:
        intent.kind = "budget"
    elif budget and intent.asks_count and re.search(r"\bpenge\b|\bmoney\b", q, _F):
        intent.kind = "budget"
    elif intent.asks_when and _DEADLINE.search(q):
        intent.kind = "followup"
    elif intent.wants_list and not intent.asks_when and not intent.asks_count:
        intent.kind = "list"
    return intent


_FOLLOWUP_NOUN = re.compile(
    r"opfølgning|skridt|frist|deadline|handling|opgave|follow|action|task", _F
)


def _counts_other_things(intent: Intent) -> bool:
    """ "Hvor mange husstande mangler stadig at få …?" counts households, not the steps left:
    a count of anything but follow-ups is no question for the follow-up table."""
    return intent.asks_count and not _FOLLOWUP_NOUN.search(intent.counted or "")


_ASKS_ITEM = re.compile(r"\bhvilke[tn]\s+(?:dagsordens)?(?:punkt|sag)\b|\bwhich\s+item\b", re.I)
ITEM_WORD = r"(?:dagsordens)?(?:punkt|pkt)\.?"  # what names an agenda item by its number
_ITEM_REF = re.compile(rf"\b{ITEM_WORD}\s*(?:nr\.?\s*)?(\d{{1,4}}(?:\.\d{{1,2}})?)(?![\d,%])", _F)


# "punkt 3 i sagen om cykelstier", "indstillingens punkt 2": a point of a case's Indstilling
_POINT_OF_CASE = re.compile(
    r"\s+(?:i|af|under)\s+(?:sagen|indstillingen|beslutningen|forslaget)\b", _F
)
_OF_CASE_BEFORE = re.compile(r"\b(?:indstillingens|beslutningens|forslagets)\s*$", _F)


def asked_item_number(question: str) -> str | None:
    """The agenda item a question names by its number ("Hvad blev besluttet under punkt 47?",
    "pkt. 2.3"), or None. A point of a case ("punkt 3 i sagen om …", "indstillingens punkt
    2") names no item; in "punkt 3 under punkt 568" the item is 568."""
    found = [
        m
        for m in _ITEM_REF.finditer(question)
        if not _POINT_OF_CASE.match(question, m.end())
        and not _OF_CASE_BEFORE.search(question, 0, m.start())
    ]
    return found[-1].group(1).rstrip(".") if found else None


_RATE = re.compile(r"\b(?:pr\.?|per)\s+([a-zæøå]{3,})\b(?!\s*\d)", _F)
# "Hvad betaler jobcentret i timen?", "Hvad koster en time hos …?": a rate without "pr."
_PER_ONE = re.compile(
    r"\bi\s+(timen)\b|\b(?:koster|koste|betaler|betale)\s+(?:en|et)\s+(time|døgn|nat)\b", _F
)
_NOT_UNITS = {"dags", "mail", "brev", "telefon"}  # "pr. dags dato", "modtaget pr. mail"
# units a document abbreviates: "kr./m3", "1.200 kr/t"
_UNIT_FORMS = {
    "meter": "m",
    "kubikmeter": "m3|m³",
    "kvadratmeter": "m2|m²",
    "time": "t|timer?",
    "måned": "md|mdr|måned",
}


_TOTAL = re.compile(
    r"\bi\s+alt\b|\bsamlet\b|\bsamlede\b|\btotalt?\b|\btilsammen\b|\bsammenlagt\b"
    r"|\bin\s+total\b",
    _F,
)


def asks_total(question: str) -> bool:
    """ "Hvor meget udbetalte kommunen i alt …?": a price per unit ("500 kr. pr. døgn") is no
    answer to it. A question asking a rate as well ("samlet pr. måned") asks no total."""
    return bool(_TOTAL.search(question)) and asked_rate(question) is None


# "om måneden", "månedlig", "i døgnet": a rate asked without "pr.", and how a text says it
# ("den daglige drift" is the running of things, no rate)
_PERIOD_RATE = re.compile(
    r"\bom\s+(måneden|ugen|dagen)\b|\b(månedlig|ugentlig)\w*|\bi\s+(døgnet)\b", _F
)
_PERIOD_FORMS = {
    "måned": r"(?:\bpr\.?|\bper|/)\s*(?:måned\w*|mdr?\b\.?)|\bom\s+måneden\b|\bmånedlig\w*",
    "uge": r"(?:\bpr\.?|\bper|/)\s*uge\w*|\bom\s+ugen\b|\bugentlig\w*",
    "dag": r"(?:\bpr\.?|\bper|/)\s*(?:dag|døgn)\w*|\bom\s+dagen\b|\bi\s+døgnet\b|\bdaglig\w*",
}


def asked_rate(question: str) -> re.Pattern[str] | None:
    """What a price per unit must say ("Hvad koster støjværnet pr. meter?" -> "pr. meter",
    "kr./m"; "… om måneden?" -> a monthly amount): a total is no answer to it. None when the
    question asks no rate ("pr. januar 2026" dates)."""
    if period := _PERIOD_RATE.search(question):
        word = next(w for w in period.groups() if w).lower()
        unit = "måned" if word.startswith("måned") else "uge" if word.startswith("uge") else "dag"
        return re.compile(_PERIOD_FORMS[unit], _F)
    m = _RATE.search(question) or _PER_ONE.search(question)
    if m is None:
        return None
    word = next(w for w in m.groups() if w).lower()
    word = {"timen": "time"}.get(word, word)
    if word in DANISH_MONTHS or word in _NOT_UNITS:
        return None
    stem = re.escape(word[: max(4, len(word) - 2)])
    forms = [stem + r"\w*"]
    if word in _UNIT_FORMS:
        forms.append(_UNIT_FORMS[word])
    # "kr. pr. leveret time" (one word between), "Timepriser", "timetakst", "meterprisen"
    definite = {"time": "timen", "døgn": "døgnet", "nat": "natten"}.get(word)
    return re.compile(
        rf"(?:\bpr\.?|\bper|/)\s*(?:[a-zæøå]+\s+)?(?:{'|'.join(forms)})\b"
        rf"|\b{stem}\w{{0,3}}(?:pris|takst|sats)"
        + (rf"|\b(?:i|om)\s+{definite}\b" if definite else ""),  # "485 kr. i timen"
        _F,
    )


def parse_as_of(value: str | dt.date | None) -> dt.date:
    """`--as-of` value (ISO or Danish date) or today."""
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        found = find_dates(value)
        if found:
            return found[0].end_date if found[0].precision != "day" else found[0].date
        raise ValueError(f"Ugyldig dato: {value!r}") from None


_SPLIT = re.compile(
    r",\s*(?:og|and)\s+(?=(?:hvor|hvad|hvilke[tn]?|hvornår|hvem|hvordan|hvorfor|i\s+hvilken|"
    # a finite verb first asks a yes/no question: "..., og blev forslaget vedtaget?"
    r"blev|bliver|er|var|har|havde|skal|skulle|kan|kunne|vil|ville|fik|får|"
    r"has|have|had|did|does|is|was|were|what|when|which|who|how|where)\b)"
    # typed without the comma: "hvem har ansvaret nu og hvornår er det"
    r"|\s+og\s+(?=(?:hvor|hvad|hvornår|hvem|hvordan|hvorfor)\s+(?:er|var|blev|bliver|skal|"
    r"meget|mange|stor|lang|længe|kan|har|sker|skete)\b)",
    re.IGNORECASE,
)


# "Hvad koster henholdsvis A og B<place>?", "Hvor meget dyrere er kontrakten, både pr. år og
# for resten af 2026?": one question per thing; the place (a trailing "på/i/ved/for ..."
# phrase of B) belongs to both.
_RESPECTIVELY = re.compile(
    r"^(?P<ask>.*?),?\s+(?:henholdsvis|både)\s+(?P<a>.+?)(?<!-)\s+og\s+(?P<b>.+?)"
    r"(?P<place>\s+(?:på|i|ved|for|til)\s+"
    r"[^?]+)?\s*\?\s*$",
    re.IGNORECASE,
)


# "Hvad er bidraget i budgettet for 2023 sammenlignet med budgettet for 2026?": one question
# per year, each asked in the first year's words.
_YEARS_COMPARED = re.compile(
    r"^(?P<ask>.*?)(?P<a>(?:19|20)\d{2})\s+(?:sammenlignet\s+med|i\s+forhold\s+til|compared\s+"
    r"(?:to|with))\s+[^?]*?(?P<b>(?:19|20)\d{2})\s*\?\s*$",
    re.IGNORECASE,
)


_QUESTION_WORD = r"hvor|hvornår|hvem|hvad|hvorfor|hvordan|where|when|who|what|why|how"
_TWO_ASKS = re.compile(
    rf"(?P<a>{_QUESTION_WORD})\s+(?:og|and)\s+(?P<b>{_QUESTION_WORD})\b(?P<rest>\s.+)$",
    re.IGNORECASE,
)


# "til fald- og bevægelsessensorerne" is one thing: "fald-" is the first half of a compound
_TO_BOTH = re.compile(
    r"^(?P<ask>.*?\btil)\s+(?!henholdsvis\b)(?P<a>[^?,]+?)(?<!-)\s+og\s+(?P<b>[^?,]+?)\s*\?\s*$",
    re.IGNORECASE,
)


def both_things(question: str) -> tuple[str, str] | None:
    """The two things of "Hvor meget er afsat til A og B?", or None."""
    m = _TO_BOTH.match(question.strip())
    return None if m is None else (m["a"], m["b"])


def respectively(question: str) -> str | None:
    """ "Hvor meget er afsat til A og B?" as "… til henholdsvis A og B?" (one question per
    thing, see `split_question`), or None when the question names no two things."""
    m = _TO_BOTH.match(question.strip())
    if m is None:
        return None
    return f"{m['ask']} henholdsvis {m['a']} og {m['b']}?"


def split_question(question: str) -> list[str]:
    """ "Hvornår blev X lavet, og hvad viste den?" -> two questions (at most three);
    "Hvad koster henholdsvis A og B?" -> "Hvad koster A?", "Hvad koster B?"; "Hvad er X for
    2023 sammenlignet med 2026?" -> "Hvad er X for 2023?", "Hvad er X for 2026?"."""
    m = _RESPECTIVELY.match(question.strip())
    if m and "," not in m["a"]:
        place = m["place"] or ""
        return [f"{m['ask']} {m['a']}{place}?", f"{m['ask']} {m['b']}{place}?"]
    m = _TWO_ASKS.match(question.strip())
    if m:  # "Hvor og hvornår holdt udvalget møde?": where, and when, of the same meeting
        return [f"{m['a'].capitalize()}{m['rest']}", f"{m['b'].capitalize()}{m['rest']}"]
    m = _YEARS_COMPARED.match(question.strip())
    if m and m["a"] != m["b"]:
        return [f"{m['ask']}{m['a']}?", f"{m['ask']}{m['b']}?"]
    parts = [p.strip() for p in _SPLIT.split(question) if p.strip()]
    return parts[:3] if len(parts) > 1 else [question]


_BREAKDOWN = _rx(
    r"\bfordel(?:t|es|er|ing|ingen)\b",
    r"\bdisponer(?:et|es)\b",
    r"\bhvad\s+(?:går|bruges)\s+(?:pengene|beløbet|midlerne|bevillingen)\s+til\b",
    # "Hvordan skal de 1,8 mio. kr. bruges?": what the amount is divided into
    r"\bhvordan\s+skal\b.*\b(?:bruges|anvendes|udmøntes)\b",
)


def asks_breakdown(question: str) -> bool:
    """The question asks how an amount is divided ("Hvordan er de 5 mio. kr. ... fordelt?"):
    the parts that add up to the total are its answer, not the total alone."""
    return bool(_BREAKDOWN.search(question))
