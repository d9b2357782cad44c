"""Retrieval that knows the structure: in minutes where every item has the same shape, the
item a question names wins, down to its Beslutning passage."""

from __future__ import annotations

import pytest

from assistant.intent import classify
from assistant.retriever import FusionConfig, HybridRetriever

TOPICS = [
    ("Etablering af vinterbadeanstalt ved Hundige Havn", "badeanstalten ved havnen"),
    ("Renovering af skatepark i Tune", "skateparken"),
    ("Nye cykelstier langs Greve Landevej", "cykelstierne"),
    ("Udvidelse af daginstitution i Karlslunde", "institutionen"),
    ("Ny belysning på stationspladsen", "belysningen"),
]


def _minutes() -> str:
    parts = ["Referat – Teknik- og Miljøudvalget – 3. maj 2024", ""]
    for n, (title, short) in enumerate(TOPICS, start=1):
        parts += [
            f"{n}. {title}",
            f"Sagsnr.: 24-0{n}1234",
            "",
            "Indstilling",
            f"Administrationen indstiller, at projektet om {short} godkendes, og at der "
            "afsættes midler inden for den eksisterende ramme til anlæg og drift.",
            "",
            "Beslutning",
            "Godkendt med bemærkning om, at udvalget ønsker en status efter et år.",
            "",
        ]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def minutes_store(tmp_path_factory: pytest.TempPathFactory):
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("minutes")
    (folder / "referat.txt").write_text(_minutes(), encoding="utf-8")
    ingestor = Ingestor(make_settings(tmp_path_factory.mktemp("minutes-data")))
    report = ingestor.ingest_paths([folder])
    assert not report.failed
    return ingestor.stores


def test_the_named_item_wins_among_items_of_one_shape(minutes_store) -> None:
    retriever = HybridRetriever(minutes_store)
    hits = retriever.search("Hvad besluttede udvalget om vinterbadeanstalten?", k=3)
    assert "Etablering af vinterbadeanstalt ved Hundige Havn" in hits[0].section
    beslutning = [h for h in hits if h.section.endswith("Beslutning")]
    assert beslutning and "vinterbadeanstalt" in beslutning[0].section


def test_item_titles_travel_with_their_passages(minutes_store) -> None:
    """The five Beslutning passages are word for word the same; BM25 tells them apart only
    because each is indexed with its item's title."""
    retriever = HybridRetriever(minutes_store, FusionConfig(unit_weight=0.0))
    hits = retriever.search("skatepark Tune beslutning godkendt", k=10)
    ranked = sorted(
        (h for h in hits if h.section.endswith("Beslutning") and h.lexical_rank),
        key=lambda h: h.lexical_rank,
    )
    assert "Renovering af skatepark i Tune" in ranked[0].section
    assert ranked[0].lexical_rank < ranked[1].lexical_rank


PARAGRAPHS = [
    "Skolen har i foråret gennemført en trivselsmåling blandt alle elever i 4. til 9. klasse. "
    "Målingen viser, at eleverne generelt trives, men at der er udfordringer med ro i timerne "
    "og med mobning på de sociale medier. Lærerne har derfor bedt om et fælles forløb, hvor "
    "klasserne arbejder med fællesskab og digital dannelse gennem hele skoleåret.",
    "Forløbet planlægges sammen med SSP-konsulenten og skolens AKT-vejleder. Det afsluttes med "
    "en ny måling i maj, så effekten kan følges. Der afsættes 85.000 kr. til materialer, vikarer "
    "og et oplæg for forældrene på alle årgange i løbet af efteråret.",
    "Skolebestyrelsen har drøftet forløbet og bakker op om det. Bestyrelsen ønsker at blive "
    "orienteret om resultatet af den nye måling på et møde før sommerferien, og den vil selv "
    "invitere forældrerådene til at drøfte, hvordan hjemmene kan støtte arbejdet.",
]


@pytest.fixture(scope="module")
def long_section_store(tmp_path_factory: pytest.TempPathFactory):
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("notat")
    text = "Notat om trivsel på Hedeskolen\n\nTrivselsforløb\n\n" + "\n\n".join(PARAGRAPHS)
    (folder / "notat.txt").write_text(text, encoding="utf-8")
    ingestor = Ingestor(make_settings(tmp_path_factory.mktemp("notat-data")))
    assert not ingestor.ingest_paths([folder]).failed
    return ingestor.stores


def test_a_short_passage_brings_the_next_one_of_its_section(long_section_store) -> None:
    """Answers often sit in the passage after the one that matched the question best."""
    stores = long_section_store
    plain = HybridRetriever(stores, FusionConfig(expand_short=0, merge_max=0))
    expanded = HybridRetriever(stores)
    question = "Hvad viste trivselsmålingen om ro i timerne?"
    first = plain.search(question, k=1)[0]
    hit = expanded.search(question, k=1)[0]
    document = stores.registry.get_document(hit.doc_id).text
    assert hit.start == first.start and hit.end > first.end
    assert hit.text == document[hit.start : hit.end]  # still a verbatim span
    assert "85.000 kr." in hit.text and len(hit.text) <= FusionConfig().expand_max


WATERWORKS = [
    "Vandværket i Havdrup har i flere år haft problemer med okker i ledningsnettet. Okkeren "
    "farver vandet brunt hos forbrugerne, især efter perioder med lavt forbrug om sommeren. "
    "Vandværket har derfor undersøgt, hvordan ledningsnettet kan skylles oftere, og hvordan "
    "filtrene på værket kan udskiftes, så mindre okker når ud til husstandene i byen.",
    "Udskiftningen af filtrene på vandværket i Havdrup koster efter tilbuddet 1,8 mio. kr., og "
    "skylning af ledningsnettet to gange om året koster 120.000 kr. årligt. Vandværkets "
    "bestyrelse anbefaler at gennemføre begge dele i 2025, så okkeren fjernes, før den næste "
    "sommer begynder. Arbejdet udføres af en ekstern entreprenør efter en mindre udbudsrunde.",
    "Kommunen fører tilsyn med vandkvaliteten og modtager prøverne fra laboratoriet hver måned. "
    "Tilsynet har ikke givet anledning til bemærkninger om sundhed, men borgerne har klaget over "
    "farven på vandet. Sagen forelægges udvalget til orientering, og der følges op efter et år. "
    "Naboerne til værket orienteres om arbejdet, inden det går i gang, med et brev.",
]


@pytest.fixture(scope="module")
def waterworks_store(tmp_path_factory: pytest.TempPathFactory):
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("vand")
    text = "Notat om vandværket i Havdrup\n\nOkker i ledningsnettet\n\n" + "\n\n".join(WATERWORKS)
    (folder / "notat.txt").write_text(text, encoding="utf-8")
    ingestor = Ingestor(make_settings(tmp_path_factory.mktemp("vand-data")))
    assert not ingestor.ingest_paths([folder]).failed
    return ingestor.stores


def test_touching_hits_of_one_section_become_one_passage(waterworks_store) -> None:
    """The question matches two neighbouring passages; shown apart they take two ranks and
    the amounts sit in the second. Merged, the first rank holds both, still verbatim."""
    stores = waterworks_store
    question = "Hvad koster det at fjerne okker fra ledningsnettet i Havdrup?"
    apart = HybridRetriever(stores, FusionConfig(expand_short=0, merge_max=0)).search(question)
    merged = HybridRetriever(stores, FusionConfig(expand_short=0)).search(question)
    first, second = apart[0], apart[1]
    assert first.section == second.section and first.doc_id == second.doc_id
    assert "1,8 mio. kr." in (first.text + second.text)
    hit = merged[0]
    assert hit.start == min(first.start, second.start) and hit.end == max(first.end, second.end)
    assert hit.text == stores.registry.get_document(hit.doc_id).text[hit.start : hit.end]
    assert "1,8 mio. kr." in hit.text
    assert len(merged) == len(apart) - 1
    assert not any(h.start < hit.end and hit.start < h.end for h in merged[1:])  # no overlap


def test_no_merge_beyond_the_length_limit(waterworks_store) -> None:
    question = "Hvad koster det at fjerne okker fra ledningsnettet i Havdrup?"
    retriever = HybridRetriever(waterworks_store, FusionConfig(expand_short=0, merge_max=900))
    hits = retriever.search(question)
    assert all(len(h.text) <= 900 for h in hits)


def test_a_hit_inside_a_better_one_is_not_shown_again(waterworks_store) -> None:
    """A short first hit takes in its next passage; that passage is then not listed twice."""
    question = "Hvad koster det at fjerne okker fra ledningsnettet i Havdrup?"
    hits = HybridRetriever(waterworks_store).search(question)
    spans = [(h.start, h.end) for h in hits]
    for i, (start, end) in enumerate(spans):
        assert not any(s >= start and e <= end for s, e in spans[:i] + spans[i + 1 :])


POINTS = """# Projektmøde 20.01.2026

## AD 1: Økonomi og indsamling

### 1.1

Indsamlingen har nået 94 % af målet på 3 mio. kr. for projektet om varmestyring.

### 1.2

Følgende kommuner deltager i projektet om varmestyring: Silkeborg, Kolding og Aarhus.

### 1.3

Alle deltagende kommuner har givet tilsagn om løsning A (5 kr. pr. borger) til projektet.

## AD 2: Næste møde

### 2.1

Næste møde holdes i Kolding, hvor kommunerne viser deres varmestyring frem.
"""


@pytest.fixture(scope="module")
def points_store(tmp_path_factory: pytest.TempPathFactory):
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("punkter")
    (folder / "referat.md").write_text(POINTS, encoding="utf-8")
    ingestor = Ingestor(make_settings(tmp_path_factory.mktemp("punkter-data")))
    assert not ingestor.ingest_paths([folder]).failed
    return ingestor.stores


def test_numbered_points_of_one_heading_join_but_not_across_headings(points_store) -> None:
    """ "1.2" and "1.3" are sibling sections under "AD 1": a question about the deltagende
    kommuner and their payment model gets them as one passage; "2.1" stays apart."""
    question = "Hvilke kommuner deltager, og hvilken betalingsmodel har kommunerne sagt ja til?"
    apart = HybridRetriever(points_store, FusionConfig(merge_max=0, expand_short=0))
    joined = HybridRetriever(points_store, FusionConfig(expand_short=0))
    separate = apart.search(question, k=10)
    hits = joined.search(question, k=10)
    assert len(hits) < len(separate)
    both = [h for h in hits if "Silkeborg" in h.text and "løsning A" in h.text]
    assert both and "Økonomi og indsamling" in both[0].section
    document = points_store.registry.get_document(both[0].doc_id).text
    assert both[0].text == document[both[0].start : both[0].end]
    assert not any("Næste møde holdes" in h.text and "løsning A" in h.text for h in hits)


def test_a_decision_question_gets_the_items_decision_second(tmp_path_factory) -> None:
    """The case text shares the question's words, its decision ("Ikke godkendt. Udvalget
    ønsker ...") none: a decision question gets the item's Beslutning right after the case."""
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    topic = "borgerens donation til naturskov ved Mosevej"
    body = [
        f"{head}\n"
        + " ".join(
            f"{topic.capitalize()} er beskrevet i afsnit {k}. Donationen til naturskoven ved "
            f"Mosevej vil dække plantning af ca. {n + k} hektar naturskov på det kommunale areal."
            for k in range(1, 6)
        )
        for n, head in enumerate(
            ["Resume", "Sagsbeskrivelse", "Økonomi", "Kommunikation", "Tidsplan", "Indstilling"], 2
        )
    ]
    text = "\n\n".join(
        [
            "Referat – Klima- og Miljøudvalget – 8. februar 2024",
            "5. Naturskov ved Mosevej - borgerdonation\nSagsnr.: 24-001234",
            "Beslutning\nIkke godkendt. Udvalget ønsker at se arbejdet med frivillige i en "
            "større, prioriteret sammenhæng.",
            *body,
            "6. Eventuelt\nIntet.",
        ]
    )
    folder = tmp_path_factory.mktemp("decision-item")
    (folder / "kmu_referat.txt").write_text(text, encoding="utf-8")
    ingestor = Ingestor(make_settings(tmp_path_factory.mktemp("decision-item-data")))
    assert not ingestor.ingest_paths([folder]).failed
    retriever = HybridRetriever(ingestor.stores)
    question = f"Hvad blev udfaldet af {topic}?"
    hits = retriever.search(question, k=10)
    assert "Ikke godkendt" in hits[1].text, [h.section for h in hits]
    # ranked below the top 5 (as in long minutes, where it is not even a candidate), the
    # decision is placed second; a non-decision question is left as it is
    case = [h for h in hits if "Ikke godkendt" not in h.text]
    placed = retriever._place_decision(classify(question), case, len(case))
    assert "Ikke godkendt" in placed[1].text and len(placed) == len(case)
    assert retriever._place_decision(classify(f"Hvor stor er {topic}?"), case, len(case)) == case


AGENDA_MD = """# Koordinationsgruppen for OS2skole – møde 1. juni 2026

## Mødefakta

**Tid**: 01.06.26 kl. 13 - 14.30

**Sted**: Virtuel

## Dagsorden

#### 1. Formalia
- 1.1 Godkendelse af referat og dagsorden
  Seneste møde var den 20/4-2026, og referatet ligger på projektets side.

#### 2. Temaer for dagens møde
- 2.1 Orientering om beslutning truffet på Styregruppemødet den 7. maj 2026

   https://example.org/beslutninger/projektplan-skoleportal.md
- 2.2 Præsentation af oplæg fra årsmødet den 18. maj 2026
- 2.3 Status på selvevalueringen

#### 3. Husholdning
- 3.1 Status på igangværende aktiviteter
- 3.2 Spørgsmål fra baglandet
"""

DECISION_MD = """# Beslutning: Projektplan for ny skoleportal

**Dato**: 2026-05-07

## Kontekst

Styregruppen har tidligere besluttet at lancere en ny version af skoleportalen i 2027.

## Beslutning

Styregruppen godkender projektplanen for skoleportalen som det styrende grundlag for
projektets gennemførelse. Projektet kaldes i daglig tale Skoleportal 2.
"""


@pytest.fixture(scope="module")
def agenda_stores(tmp_path_factory: pytest.TempPathFactory):
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("agenda")
    (folder / "koordinationsgruppe_2026-06-01.md").write_text(AGENDA_MD, encoding="utf-8")
    (folder / "beslutning_2026-05-07.md").write_text(DECISION_MD, encoding="utf-8")
    ingestor = Ingestor(make_settings(tmp_path_factory.mktemp("agenda-data")))
    assert not ingestor.ingest_paths([folder]).failed
    return ingestor.stores


def _sentence_coverages(stores, question: str) -> dict[str, float]:
    """The final reorder's sentence coverage of each retrieved passage, by its first line."""
    from assistant.citations import DocumentCache
    from assistant.extractive import ExtractiveAnswerer
    from assistant.question_terms import TermStats

    hits = HybridRetriever(stores).search(question)
    scorer = ExtractiveAnswerer(DocumentCache(stores.registry), TermStats(stores.registry))
    groups = scorer.stats.refresh().groups(question)
    best = HybridRetriever._best_coverage(
        scorer, scorer.candidates(hits), groups, classify(question), len(hits)
    )
    return {h.text.splitlines()[0]: b for h, b in zip(hits, best, strict=True)}


def test_a_passage_of_headings_alone_gets_no_sentence_coverage(agenda_stores) -> None:
    """An agenda item's title that repeats the question ("Orientering om beslutning truffet
    på Styregruppemødet den 7. maj 2026") states nothing: its passage of headings gets no
    sentence coverage in the final reorder, the decision it names does."""
    coverage = _sentence_coverages(
        agenda_stores, "Hvad godkendte styregruppen med beslutningen af 7. maj 2026?"
    )
    assert coverage["Dagsorden"] == 0.0
    assert coverage["Beslutning: Projektplan for ny skoleportal"] > 0.3


def test_an_agenda_s_items_still_answer_a_list_question(agenda_stores) -> None:
    """ "Hvilke temaer stod på dagsordenen …?": the agenda's headings are the answer."""
    coverage = _sentence_coverages(
        agenda_stores,
        "Hvilke temaer stod på dagsordenen til koordinationsgruppens møde den 1. juni 2026?",
    )
    assert coverage["Dagsorden"] > 0.3
