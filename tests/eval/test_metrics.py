"""Metric arithmetic on hand-made cases built from corpus sentences."""

from __future__ import annotations

import math

import pytest

from eval.metrics import (
    answer_correct,
    citation_evidence_overlap,
    citation_verbatim,
    citations_cover_evidence,
    content_words,
    doc_hit_at_k,
    evidence_hit_at_k,
    extract_amounts,
    extract_dates,
    normalize_text,
    percentile,
    quote_overlaps_evidence,
    reciprocal_rank,
    summarize,
    unsupported_numbers,
)

BILAG = "bilag2_kompetencepulje_2006_sof.txt"
BUFU = "bufu_2021-06-07_568_task_force_status.txt"

# Chunks as a retriever might return them (text from the corpus).
CHUNK_BUDGET = (
    "4. Videndeling\n\nI 2005 gennemførtes en analyse af videndeling i Familie- og Arbejds-\n"
    "forvaltningen. Der afsættes 600.000 kr. til dette."
)
CHUNK_APV = "Handleplanen skal være godkendt senest september 2021."
CHUNK_BESLUTNING = (
    "Beslutning i Børne- og Ungeudvalget den 7. juni 2021:\n\nStatusoplæg blev gennemgået og "
    "knyttes til sagen som bilag. Taget til efterretning."
)
CHUNK_OTHER = "Der er nedsat en følgegruppe bestående af medarbejdere fra alle teams."


# ------------------------------------------------------------------------------ normalisation


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("an-\nlæg", "anlæg"),
        ("an- læg", "anlæg"),
        ("an-  \n  læg", "anlæg"),
        ("Børne- og Ungeudvalget", "børne- og ungeudvalget"),
        ("Familie-\nog Arbejdsmarkedsforvaltningen", "familie- og arbejdsmarkedsforvaltningen"),
        ("Job- eller Borgerservice", "job- eller borgerservice"),
        ("LEAN-management", "lean-management"),
        ("Mandag - onsdag", "mandag - onsdag"),
        ("  Der   afsættes\n\n600.000\tkr. ", "der afsættes 600.000 kr."),
        ("ARBEJDSMILJØ", "arbejdsmiljø"),
        ("Pa\u030ase", "påse"),  # decomposed å
        ("ﬁnansieres", "finansieres"),
        ("kontakt\u00adforløb", "kontaktforløb"),
        ("kurset ”Systematik i sagsbehandlingen”", 'kurset "systematik i sagsbehandlingen"'),
        ("'best practice –analyser'", "'best practice -analyser'"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_keeps_hyphen_before_capital() -> None:
    # "LEAN-\nManagement" is not a broken lowercase word; the newline becomes a space only.
    assert normalize_text("LEAN-\nManagement") == "lean- management"


# ------------------------------------------------------------------------------ retrieval


def test_evidence_hit_at_k_single_quote() -> None:
    texts = [CHUNK_OTHER, CHUNK_APV, CHUNK_BUDGET]
    quote = "Der afsættes 600.000 kr. til dette."
    assert evidence_hit_at_k(quote, texts, 1) is False
    assert evidence_hit_at_k(quote, texts, 2) is False
    assert evidence_hit_at_k(quote, texts, 3) is True
    assert evidence_hit_at_k([quote], texts, 10) is True


def test_evidence_hit_undoes_line_end_hyphenation() -> None:
    quote = "en analyse af videndeling i Familie- og Arbejdsforvaltningen."
    assert evidence_hit_at_k(quote, [CHUNK_BUDGET], 1) is True


def test_evidence_hit_needs_every_quote_each_in_some_chunk() -> None:
    texts = [CHUNK_APV, CHUNK_OTHER, CHUNK_BESLUTNING]
    quotes = ["Beslutning i Børne- og Ungeudvalget den 7. juni 2021", "senest september 2021"]
    assert evidence_hit_at_k(quotes, texts, 2) is False
    assert evidence_hit_at_k(quotes, texts, 3) is True
    # a quote that only exists across two chunks is a miss
    assert evidence_hit_at_k("september 2021. Der er nedsat", texts, 3) is False


def test_evidence_hit_without_evidence_is_never_a_hit() -> None:
    assert evidence_hit_at_k("", [CHUNK_APV], 5) is False
    assert evidence_hit_at_k([], [CHUNK_APV], 5) is False
    assert evidence_hit_at_k("senest september 2021", [CHUNK_APV], 0) is False


def test_reciprocal_rank() -> None:
    texts = [CHUNK_OTHER, CHUNK_APV, CHUNK_BUDGET, CHUNK_BESLUTNING]
    assert reciprocal_rank("senest september 2021", texts) == 0.5
    assert reciprocal_rank("Der afsættes 600.000 kr. til dette.", texts) == pytest.approx(1 / 3)
    # two quotes: rank of the chunk that completes the set (ranks 2 and 4 -> 1/4)
    assert reciprocal_rank(["senest september 2021", "Taget til efterretning."], texts) == 0.25
    assert reciprocal_rank("Der afsættes 2 mio. kr. til dette.", texts) == 0.0
    assert reciprocal_rank("", texts) == 0.0


def test_doc_hit_at_k() -> None:
    sources = [BUFU, f"/data/corpus/{BILAG}", BUFU]
    assert doc_hit_at_k(BILAG, sources, 1) is False
    assert doc_hit_at_k(BILAG, sources, 2) is True
    assert doc_hit_at_k([BUFU, BILAG], sources, 2) is True
    assert doc_hit_at_k([BUFU, "kommissorium_socialcentre_jobcentre_2005.txt"], sources, 5) is False
    assert doc_hit_at_k("", sources, 5) is False


# ------------------------------------------------------------------------------ amounts


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("Der afsættes i alt 1,5 mio. kr. til dette.", {1_500_000.0}),
        ("1.500.000 kr.", {1_500_000.0}),
        ("Der afsættes 600.000 kr. til dette.", {600_000.0}),
        ("en merudgift i 2005 på 5 mill. kr.", {5_000_000.0}),
        ("er der i 2005 afsat 2,75 mill. kr. til", {2_750_000.0}),
        ("2,75 mill.", {2_750_000.0}),
        ("10 mio. kr. årligt", {10_000_000.0}),
        ("DKK 50.000", {50_000.0}),
        ("kr. 20.000", {20_000.0}),
        ("500 t.kr.", {500_000.0}),
        ("1,2 mia. kr.", {1_200_000_000.0}),
        ("1.5 million DKK", {1_500_000.0}),
        ("0,7 mio. kr. i 2025, 17,5 mio. kr. i 2026", {700_000.0, 17_500_000.0}),
        ("5-6 mio. kr.", {5_000_000.0, 6_000_000.0}),
        ("ca. 25 sager", set()),
        ("54 % af personale- og ledergruppen", set()),
        ("600.000 kr. 2006", {600_000.0}),
        ("Sagsnr.: 330-2020-156136", set()),
    ],
)
def test_extract_amounts(text: str, amounts: set[float]) -> None:
    assert extract_amounts(text) == amounts


def test_amount_notations_are_equal() -> None:
    assert extract_amounts("1,5 mio. kr.") == extract_amounts("1.500.000 kr.")
    assert extract_amounts("2,75 mill. kr.") == extract_amounts("2.750.000 kroner")
    assert extract_amounts("5,5 mio. kr.") == extract_amounts("DKK 5.500.000")


# ------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Beslutning i Børne- og Ungeudvalget den 7. juni 2021:", {"2021-06-07"}),
        ("skal være godkendt senest september 2021.", {"2021-09"}),
        ("fremlægges i løbet af oktober måned 2005 for Økonomiudvalget", {"2005-10"}),
        ("fratræde på pension pr. 31.december 2015", {"2015-12-31"}),
        ("på sit møde den 17. august drøfter", {"--08-17"}),
        ("27-08-2025", {"2025-08-27"}),
        ("2021-06-07", {"2021-06-07"}),
        ("June 7, 2021", {"2021-06-07"}),
        ("i løbet af efteråret 2015 og foråret 2016", {"2015-autumn", "2016-spring"}),
        ("3. kvartal 2021", {"2021-Q3"}),
        ("uge 23", {"W23"}),
        ("De øvrige projekter er overført til 2007.", {"2007"}),
        ("indarbejdet i Budget 2016-2019.", {"2016", "2019"}),
        ("Sagsnr.: 330-2020-156136", set()),
        ("(SUD 125/2006)", set()),
        ("hver 3. måned", set()),
        ("Mandag - onsdag: 10.00-15:00", set()),
        ("Det forventes, at ombygningen er gennemført inden årets udgang.", set()),
        ("2.000 kr.", set()),
    ],
)
def test_extract_dates(text: str, dates: set[str]) -> None:
    assert extract_dates(text) == dates


# ------------------------------------------------------------------------------ content words


def test_content_words_drop_stopwords_numbers_and_stem() -> None:
    assert content_words("Der afsættes 600.000 kr. til videndeling.") == {"afsæt", "videndeling"}
    assert content_words("Hvornår skal den være godkendt?") == {"godkend"}
    assert content_words("medarbejdere medarbejderne") == {"medarbejd"}


# ------------------------------------------------------------------------------ answer_correct

ROW_BUDGET = {
    "id": "q001",
    "answer": "600.000 kr. til videndeling.",
    "doc": BILAG,
    "evidence": "Der afsættes 600.000 kr. til dette.",
    "kind": "budget",
}
ROW_FOLLOWUP = {
    "id": "q002",
    "answer": "Handleplanen skal være godkendt senest september 2021.",
    "doc": BUFU,
    "evidence": "Handleplanen skal være godkendt senest september 2021.",
    "kind": "followup",
}
ROW_COUNT = {
    "id": "q003",
    "answer": "I omegnen af ca. 25 sager pr. socialrådgiver.",
    "doc": BUFU,
    "evidence": "hver socialrådgiver vil have i omegnen af ca. 25 sager",
    "kind": "fact",
}
ROW_UNANSWERABLE = {
    "id": "q004",
    "question": "Hvor stor er anlægsbevillingen til ombygningen af Torvegade 22-26?",
    "answer": "",
    "doc": "",
    "evidence": "",
    "kind": "unanswerable",
}


def test_answer_correct_budget() -> None:
    assert answer_correct(ROW_BUDGET, "Til videndeling blev der afsat 600.000 kr. [1]", False)
    # same amount in another notation
    assert answer_correct(ROW_BUDGET, "Videndeling: 0,6 mio. kr. [1]", False)
    # wrong amount, right words
    assert not answer_correct(ROW_BUDGET, "Til videndeling blev der afsat 750.000 kr. [1]", False)
    # right amount, initiative not named (content words 0 of 1)
    assert not answer_correct(ROW_BUDGET, "Der afsættes 600.000 kr. til dette. [1]", False)
    # the bare number without a currency is not an amount
    assert not answer_correct(ROW_BUDGET, "Videndeling fik 600.000 [1]", False)
    # abstaining on an answerable question is wrong
    assert not answer_correct(ROW_BUDGET, "Det kan jeg ikke finde i dokumenterne.", True)


def test_answer_correct_dates_and_precision() -> None:
    good = "Handleplanen skal være godkendt senest september 2021 [1]."
    assert answer_correct(ROW_FOLLOWUP, good, False)
    # a more precise date covers the gold month
    assert answer_correct(ROW_FOLLOWUP, "Handleplanen skal godkendes 1. september 2021.", False)
    # wrong year
    assert not answer_correct(ROW_FOLLOWUP, "Handleplanen skal godkendes september 2020.", False)
    # right date, too few content words (handleplan, godkendt, senest -> 0 of 3)
    assert not answer_correct(ROW_FOLLOWUP, "September 2021.", False)


def test_answer_correct_plain_numbers() -> None:
    assert answer_correct(ROW_COUNT, "Hver socialrådgiver vil have ca. 25 sager [1].", False)
    assert not answer_correct(ROW_COUNT, "Hver socialrådgiver vil have ca. 52 sager [1].", False)
    assert answer_correct(
        ROW_COUNT,
        "Hver socialrådgiver vil have ca. 52 sager [1].",
        False,
        require_plain_numbers=False,
    )


def test_answer_correct_unanswerable_needs_abstention() -> None:
    assert answer_correct(ROW_UNANSWERABLE, "Det kan jeg ikke finde i dokumenterne.", True)
    assert not answer_correct(ROW_UNANSWERABLE, "Anlægsbevillingen er 2,6 mio. kr. [1]", False)


# ------------------------------------------------------------------------------ unsupported numbers


def test_unsupported_numbers_none_when_quotes_hold_them() -> None:
    quotes = ["Der afsættes i alt 1,5 mio. kr. til dette.", CHUNK_BESLUTNING]
    answer = (
        "1. Personlig og faglig opkvalificering: 1.500.000 kr. [1]\n"
        "2. Beslutning den 7. juni 2021: taget til efterretning [2]."
    )
    assert unsupported_numbers(answer, quotes) == []


def test_unsupported_numbers_found() -> None:
    quotes = ["Der afsættes 600.000 kr. til dette."]
    answer = "Til videndeling blev der afsat 600.000 kr. i 2006 til ca. 25 medarbejdere [1]."
    assert unsupported_numbers(answer, quotes) == ["2006", "25"]
    assert unsupported_numbers("Der er afsat 750.000 kr. [1]", quotes) == ["750.000 kr."]


def test_unsupported_numbers_date_precision() -> None:
    quotes = ["Der er gennemført APV for alle medarbejdere i marts 2021"]
    assert unsupported_numbers("APV blev gennemført i 2021 [1].", quotes) == []
    assert unsupported_numbers("APV blev gennemført i marts 2021 [1].", quotes) == []
    assert unsupported_numbers("APV blev gennemført 3. marts 2021 [1].", quotes) == [
        "3. marts 2021"
    ]


def test_unsupported_numbers_ignores_markers_and_numbering() -> None:
    quotes = ["De enkelte teams vil fremadrettet være på 11-12 medarbejdere."]
    answer = "Svar:\n1. Teams på 11-12 medarbejdere [1][2]\n2) Se også [3, 4]."
    assert unsupported_numbers(answer, quotes) == []
    # a source file name claims nothing
    assert unsupported_numbers("Se bufu_2021-06-07_568_task_force_status.txt [1].", quotes) == []
    # an agenda item number at a line start is not list numbering (3 digits)
    assert unsupported_numbers("568. Status på Task Force-projektet", quotes) == ["568"]


# ------------------------------------------------------------------------------ citations

DOCUMENT = "Møde i udvalget d. 7. juni 2021\n\n568. Status på Task Force-projektet"


def test_citation_verbatim() -> None:
    start = DOCUMENT.index("568.")
    good = {"quote": DOCUMENT[start:], "start": start, "end": len(DOCUMENT)}
    assert citation_verbatim(good, DOCUMENT)
    assert not citation_verbatim({**good, "start": start + 1}, DOCUMENT)
    assert not citation_verbatim({**good, "quote": "568. Status på task force-projektet"}, DOCUMENT)
    assert not citation_verbatim({**good, "end": len(DOCUMENT) + 5}, DOCUMENT)
    assert not citation_verbatim({"quote": "", "start": 0, "end": 0}, DOCUMENT)


def test_quote_overlaps_evidence() -> None:
    evidence = "Handleplanen skal være godkendt senest september 2021."
    longer = "Medarbejdergruppen udarbejder et oplæg. " + evidence
    assert quote_overlaps_evidence(longer, evidence)  # evidence inside quote
    assert quote_overlaps_evidence("godkendt senest september 2021", evidence)  # quote inside
    assert not quote_overlaps_evidence("2021", evidence)  # too short to count as containment
    # 4 of 7 evidence tokens shared -> overlap >= 0.5
    assert quote_overlaps_evidence("Handleplanen skal være godkendt i oktober.", evidence)
    assert not quote_overlaps_evidence(CHUNK_OTHER, evidence)


def test_citation_evidence_overlap_fraction() -> None:
    pairs = [
        (["Der afsættes 600.000 kr. til dette."], "Der afsættes 600.000 kr. til dette."),
        ([CHUNK_OTHER], "Der afsættes 600.000 kr. til dette."),
        ([], "Taget til efterretning."),
        ([CHUNK_BESLUTNING], ["Taget til efterretning.", "den 7. juni 2021"]),
    ]
    assert citation_evidence_overlap(pairs) == 0.5
    assert not citations_cover_evidence([CHUNK_APV], ["senest september 2021", "7. juni 2021"])
    assert citation_evidence_overlap([]) == 0.0


# ------------------------------------------------------------------------------ summary


def test_percentile() -> None:
    assert percentile([10, 20, 30, 40], 50) == 25
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 95) == pytest.approx(10.5)
    assert percentile([], 50) is None


def _retrieved(*texts: str, source: str = BILAG) -> list[dict]:
    return [{"source": source, "page": 1, "text": t, "score": 1.0} for t in texts]


QUESTIONS = [ROW_BUDGET, ROW_FOLLOWUP, ROW_UNANSWERABLE]


def test_summarize_retrieval_only() -> None:
    records = [
        {"id": "q001", "retrieved": _retrieved(CHUNK_OTHER, CHUNK_BUDGET), "latency_ms": 10},
        {"id": "q002", "retrieved": _retrieved(CHUNK_APV, source=BUFU), "latency_ms": 30},
        {"id": "q004", "retrieved": _retrieved(CHUNK_OTHER), "latency_ms": 20},
    ]
    for r in records:
        r.update(answer="", citations=[], abstained=False)
    summary = summarize(records, QUESTIONS)
    assert summary["questions"] == 3
    retrieval = summary["retrieval"]
    assert retrieval["evidence_hit@1"] == 0.5
    assert retrieval["evidence_hit@3"] == 1.0
    assert retrieval["doc_hit@5"] == 1.0
    assert retrieval["mrr"] == 0.75
    top5_chars = (len(CHUNK_OTHER) + len(CHUNK_BUDGET) + len(CHUNK_APV)) / 2
    assert retrieval["mean_chars_top5"] == top5_chars
    assert summary["by_kind"]["budget"]["mrr"] == 0.5
    assert summary["by_kind"]["unanswerable"] == {"questions": 1}
    assert "answers" not in summary
    assert summary["latency_ms"] == {"search_p50": 20.0, "search_p95": 29.0}


def test_summarize_with_answers() -> None:
    doc_text = "Der afsættes 600.000 kr. til dette."
    records = [
        {
            "id": "q001",
            "retrieved": _retrieved(CHUNK_BUDGET),
            "answer": "Til videndeling blev der afsat 600.000 kr. [1]",
            "citations": [
                {"n": 1, "source": BILAG, "quote": doc_text, "start": 0, "end": len(doc_text)}
            ],
            "abstained": False,
            "latency_ms": {"search": 5, "ask": 50},
        },
        {
            "id": "q002",
            "retrieved": _retrieved(CHUNK_APV, source=BUFU),
            "answer": "Handleplanen skal godkendes senest 1. oktober 2021 [1]",
            "citations": [{"n": 1, "source": BUFU, "quote": CHUNK_APV, "start": 3, "end": 9}],
            "abstained": False,
            "latency_ms": {"search": 7, "ask": 70},
        },
        {
            "id": "q004",
            "retrieved": _retrieved(CHUNK_OTHER),
            "answer": "Det kan jeg ikke finde i dokumenterne. Nærmeste kilde: side 2.",
            "citations": [],
            "abstained": True,
            "latency_ms": {"search": 9, "ask": 90},
        },
    ]
    summary = summarize(records, QUESTIONS, documents={BILAG: doc_text, BUFU: "x" * 100})
    answers = summary["answers"]
    assert answers["correct"] == pytest.approx(0.6667)  # q001 and q004 right, q002 wrong date
    assert answers["citation_verbatim"] == 0.5  # the BUFU citation's offsets are wrong
    assert answers["citation_evidence_overlap"] == 1.0
    assert answers["abstention_recall"] == 1.0
    assert answers["false_abstention"] == 0.0
    # "1. oktober 2021" is in no quote; the abstention's "side 2" is not a claim
    assert answers["unsupported_numbers"] == 1
    assert summary["by_kind"]["followup"]["correct"] == 0.0
    assert summary["by_kind"]["unanswerable"]["correct"] == 1.0
    latency = summary["latency_ms"]
    assert latency["search_p50"] == 7.0 and latency["ask_p50"] == 70.0
    assert math.isclose(latency["ask_p95"], 88.0)


def test_summarize_reads_gold_from_records() -> None:
    record = {
        "id": "x1",
        "retrieved": _retrieved(CHUNK_APV),
        "answer": "",
        "citations": [],
        "abstained": False,
        "latency_ms": 12,
        "gold": ROW_FOLLOWUP,
    }
    summary = summarize([record])
    assert summary["retrieval"]["evidence_hit@1"] == 1.0
    assert summary["by_kind"]["followup"]["questions"] == 1
    assert "answers" not in summary
    assert summary["latency_ms"] == {"search_p50": 12.0, "search_p95": 12.0}
