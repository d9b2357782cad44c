"""The extractive answerer's data: sentence candidates, lists, the selection and the tuned
config, shared by every step so none imports another's internals."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.citations import DocView
from ingest.clean import one_line
from ingest.facts.sentences import Sentence


def wording(text: str) -> str:
    """A text's words with single spaces: two copies of one sentence compare equal."""
    return one_line(text)


@dataclass
class Candidate:
    doc_id: str
    start: int
    end: int
    text: str
    index: int  # sentence index in its document
    rank: int = 99  # best retrieval rank of a chunk holding it
    boost: float = 0.0  # extra prior given by the caller (e.g. facts rows)
    score: float = 0.0
    coverage: float = 0.0
    local_coverage: float = 0.0  # with its heading, or the sentence a pronoun points back to
    heading_coverage: float = 0.0  # with its heading only: is the heading worth showing
    context_coverage: float = 0.0
    heading: tuple[int, int] | None = None  # heading span of its innermost section
    matched: set[int] = field(default_factory=set)
    # the question's groups only the words naming its meeting match (`SentenceScorer`)
    identity_matched: set[int] = field(default_factory=set)
    continues: bool = False  # a list item's value after its label ("Timepris" | "1.200 kr")
    # "Hvilken rolle …?" answered by "Rollen skal være uafhængig …": its heading names it
    refers_to_heading: bool = False
    features: tuple[float, ...] = ()  # `SCORE_FEATURES`, set by `SentenceScorer.score`


# a candidate's scoring features (`SentenceScorer._features`) and the config weight of each
SCORE_FEATURES = (
    "coverage",
    "local_coverage",
    "context_coverage",
    "count",
    "date",
    "asked_date",
    "decision_section",
    "place",
    "party",
    "asked_year",
    "vote",
    "total",
    "label",
    "reason",
    "person",
    "measure",
    "rank_prior",
)
SCORE_WEIGHTS = (
    "sentence_weight",
    "local_weight",
    "context_weight",
    "number_bonus",
    "date_bonus",
    "asked_date_bonus",
    "decision_section_bonus",
    "place_bonus",
    "party_bonus",
    "asked_year_bonus",
    "vote_bonus",
    "total_bonus",
    "label_bonus",
    "reason_bonus",
    "person_bonus",
    "measure_bonus",
    "rank_prior",
)


@dataclass
class ListCandidate:
    """A list in a document: an intro (a sentence or a heading) and its items."""

    doc_id: str
    intro: Candidate | None
    items: list[Candidate]
    score: float = 0.0
    agenda: bool = False  # the items are a meeting's agenda items
    headed: bool = False  # the items are a section's list body, the intro its heading
    picked: bool = False  # a table whose rows a question word picked out ("Forsinket")


@dataclass
class Selection:
    """Chosen sentences (document order) and whether support is strong enough to answer."""

    sentences: list[Candidate]
    best: Candidate | None
    confident: bool
    list_items: dict[int, list[Candidate]] = field(default_factory=dict)  # by id(candidate)
    key_found: bool = True  # the question's most specific word occurs with the best sentence
    passage_score: float = 0.0  # retrieval's score of the passage the best sentence came from
    listing: ListCandidate | None = None  # a whole list chosen for a list question
    scored: list[Candidate] = field(default_factory=list)  # every eligible sentence, best first
    # the best was written later than the top-scoring sentence, for a question asking the
    # latest value ("hvad koster det nu?", see `LatestValues.later_rival`)
    later: bool = False
    # a later sentence changing a value the best states, shown with it (`LatestValues.superseding`)
    update: Candidate | None = None


@dataclass
class ExtractiveConfig:
    """Weights and thresholds; tuned on eval/questions.jsonl (see README "Answers")."""

    sentence_weight: float = 0.3
    local_weight: float = 0.35  # sentence + the heading of its own section
    context_weight: float = 0.35  # sentence + all headings, title, committee
    rank_prior: float = 0.08
    number_bonus: float = 0.08
    date_bonus: float = 0.05  # a when-question: a sentence that states a date
    # ... and more when the date falls in the period the question names ("i juni 2025")
    asked_date_bonus: float = 0.1
    # an amount question naming a year: a sentence or table cell for that year
    asked_year_bonus: float = 0.05
    decision_section_bonus: float = 0.05  # a decision question: a sentence under "Beslutning"
    label_bonus: float = 0.2  # a field whose label is the question's rarest word
    named_document_bonus: float = 0.15  # "ifølge statusnotatet": a sentence of that paper
    # a place field for "hvor …?": above the line that only repeats the meeting's date the
    # question names ("Mandag den 12. maj 2025", which covers the question's own date words)
    place_bonus: float = 0.3
    # "Hvilke partier står bag …?": a sentence naming two or more parties, above the ones that
    # share the question's words but name none ("et bredt flertal står bag")
    party_bonus: float = 0.4
    # "Hvordan faldt afstemningen?": a sentence that records a vote ("Med stemmerne 19 for og
    # 2 imod …", "For stemte: A, F, Ø (12).") above one that only dates the meeting
    vote_bonus: float = 0.2
    # "Hvad giver de seks forslag tilsammen i 2028?": a table's total row ("I alt | 945 |
    # 1.225"), whose label says none of the question's words. Stop 53 gave it to sentences
    # stating a total too ("Det samlede budget … er 49.375.000 kr."; probe 55 +1), but an
    # off-topic "i alt 80.000 kr." then answered a total asked of rates only: dropped.
    total_bonus: float = 0.2
    # "Hvad er årsagerne til merudgiften?": a sentence giving a cause ("Merudgiften skyldes
    # …") above one that only names the expense
    reason_bonus: float = 0.2
    # "Hvem leder arbejdsgruppen?": a sentence naming someone the question does not ("…
    # ledes af informationssikkerhedskoordinator Line Vestergaard") above one that only
    # names the role ("… ledes af kommunens informationssikkerhedskoordinator")
    person_bonus: float = 0.1
    # "Hvor høje må rækkehusene være?": a sentence stating a measure with its unit ("… nedsættes
    # til 8,5 m") above one that only names the houses
    measure_bonus: float = 0.08
    min_context_coverage: float = 0.5
    min_score: float = 0.45
    follow_ratio: float = 0.8  # extra sentences must score this share of the best
    # "… hvad er den nye dato?": a later document's sentence scoring this share of the best
    # answers instead (probe 56 +1; the devset, corpus/ and probes 54-55 unchanged)
    later_ratio: float = 0.8
    # a change of the best sentence's value must cover this share of its local coverage: 0.1
    # drops a change of another subject's date (probe 62); 0.3 also dropped two changes that
    # do not repeat their subject ("Anlægsstart er derfor flyttet fra 1. april …")
    superseding_coverage: float = 0.1
    # ... and a change of a count ("fra 15 til 10 hverdage") this share: a bare number ties a
    # change to the best less than a date or an amount does ("ruter … fra 6 til 5" is no
    # change of "mere end 6 km"; probe 72)
    count_change_coverage: float = 0.5
    asked_year_ratio: float = 0.8  # see `ExtractiveAnswerer._names_asked_year`
    decision_ratio: float = 0.4  # the item's decision beside its case text: this share
    other_doc_ratio: float = 0.9  # ... and from another document this share (devset median
    # 367 -> 345 chars at equal correct; 0.85: 358, 1.0: 332 but one answer lost)
    max_sentences: int = 4
    topic_weight: float = 0.5  # a later question part's words count fully, the first part's less
    min_answer_chars: int = 170  # devset: 170-180 same correct, 160 lost one; 180: median 358
    max_list_items: int = 10

    max_table_rows: int = 6  # a table this short is shown with the sentence that points to it
    # a when-answer without a date takes a dated line scoring this share of the best (0.5-0.7:
    # the same devset answers)
    dated_line_ratio: float = 0.6
    max_section_chars: int = 2500  # a section this short is context for all its sentences
    window_chars: int = 1200  # else: this much text before the sentence, same paragraph

    def weights(self) -> tuple[float, ...]:
        """The scoring weights, in the order of `SCORE_FEATURES`."""
        return tuple(getattr(self, name) for name in SCORE_WEIGHTS)


def add_sentence(
    found: dict[tuple[str, int], Candidate],
    view: DocView,
    sentence: Sentence,
    rank: int,
    boost: float,
) -> None:
    """Add a sentence to `found` once per document and index, keeping its best rank and
    largest boost: the same sentence reached through two chunks is one candidate."""
    index = view.sentence_index(sentence.start)
    if index is None:
        return
    key = (view.id, index)
    cand = found.get(key)
    if cand is None:
        found[key] = Candidate(
            view.id, sentence.start, sentence.end, sentence.text, index, rank, boost
        )
    else:
        cand.rank = min(cand.rank, rank)
        cand.boost = max(cand.boost, boost)
