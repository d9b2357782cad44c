"""Tests for the Danish analyzer, on sentences from the corpus documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.analysis import CompoundSplitter, DanishAnalyzer, Token, normalize
from assistant.commonness import everyday_words

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


@pytest.fixture(scope="module")
def analyzer(corpus_texts: list[str]) -> DanishAnalyzer:
    fitted = DanishAnalyzer()
    fitted.fit_vocabulary(corpus_texts)
    return fitted


def primary(analyzer: DanishAnalyzer, text: str) -> list[str]:
    return [t.term for t in analyzer.tokens(text) if not t.derived]


# --- normalisation --------------------------------------------------------------------------


def test_normalize_keeps_danish_letters_and_folds_other_accents():
    assert normalize("Børne- og Ungeudvalget, Ørsted, Århus, ÆBLE") == (
        "børne- og ungeudvalget, ørsted, århus, æble"
    )
    assert normalize("Café Müller, naïve, señor, façade") == "cafe muller, naive, senor, facade"
    # Swedish/German umlauts are written the Danish way; "aa" is left alone.
    assert normalize("Göteborg Bär Aalborg") == "gøteborg bær aalborg"
    # Ligatures from PDFs and soft hyphens disappear.
    assert normalize("ﬁnansiering kom\u00admune") == "finansiering kommune"
    # A decomposed "å" (a + combining ring) is the same as the composed one.
    assert normalize("a\u030arhus") == "århus"


def test_danish_letters_survive_analysis(analyzer: DanishAnalyzer):
    assert analyzer.analyze("Børne- og Ungeudvalget") == ["børn", "ungeudvalg", "ung", "udvalg"]
    assert analyzer.analyze("Ørsted") == ["ørsted"]
    assert primary(analyzer, "god sagsbehandling") == ["god", "sagsbehandling"]
    assert "sag" in analyzer.analyze("sagsbehandling")


# --- numbers, amounts, dates, case numbers ---------------------------------------------------


def test_thousands_dots_are_one_number_token(analyzer: DanishAnalyzer):
    sentence = primary(analyzer, "Der afsættes 600.000 kr. til dette.")
    assert sentence == ["afsæt", "600000", "kr"]
    assert primary(analyzer, "600.000") == ["600000"]
    assert primary(analyzer, "600000") == ["600000"]
    assert primary(analyzer, "DKK 50.000") == ["kr", "50000"]
    assert primary(analyzer, "1.234.567,50 kroner") == ["1234567,50", "kr"]


def test_decimal_comma_stays_and_english_decimal_point_joins_it(analyzer: DanishAnalyzer):
    assert primary(analyzer, "Der afsættes i alt 1,5 mio. kr. til dette.") == [
        "afsæt",
        "1,5",
        "mio",
        "kr",
    ]
    assert primary(analyzer, "1.5 million DKK") == ["1,5", "mio", "kr"]
    assert primary(analyzer, "5 mill. kr.") == ["5", "mio", "kr"]
    # Unambiguous English thousands separators become a plain number.
    assert primary(analyzer, "1,500,000") == ["1500000"]


def test_amount_with_unit_gives_its_value_in_kroner(analyzer: DanishAnalyzer):
    assert Token("1500000", True) in analyzer.tokens("1,5 mio. kr.")
    assert Token("2750000", True) in analyzer.tokens("2,75 mill. kr.")
    assert Token("5500000", True) in analyzer.tokens("økonomi (5,5 mio. kr.)")
    assert Token("20000", True) in analyzer.tokens("20 t.kr.")
    assert Token("600000", True) in analyzer.tokens("0,6 mio. kr.")
    assert Token("2000000000", True) in analyzer.tokens("2 mia. kr.")
    # No unit, no extra value.
    assert [t for t in analyzer.tokens("600.000 kr.") if t.derived] == []


def test_years_percentages_and_paragraph_signs(analyzer: DanishAnalyzer):
    assert primary(analyzer, "overført til 2007") == ["overført", "2007"]
    assert primary(analyzer, "54 %") == ["54", "procent"]
    assert primary(analyzer, "54 pct.") == ["54", "procent"]
    assert primary(analyzer, "§ 17") == ["paragraf", "17"]


def test_case_numbers_are_kept_whole_and_split(analyzer: DanishAnalyzer):
    tokens = analyzer.tokens("Dok.nr.: 330-2021-186755")
    assert Token("330-2021-186755") in tokens
    assert {Token("330", True), Token("2021", True), Token("186755", True)} <= set(tokens)
    assert Token("13/25675") in analyzer.tokens("Sagsnr.: 13/25675")
    assert Token("25675", True) in analyzer.tokens("Sagsnr.: 13/25675")
    assert Token("2021-2023") in analyzer.tokens("i perioden 2021-2023")


def test_numeric_and_written_dates_meet(analyzer: DanishAnalyzer):
    numeric = analyzer.analyze("30.11.2020")
    written = analyzer.analyze("Børne- og Ungeudvalget godkendte den 30. november 2020")
    assert numeric == ["30", "novemb", "2020", "2020-11-30"]
    assert set(numeric) <= set(written)
    assert analyzer.analyze("27-08-2025") == ["27", "august", "2025", "2025-08-27"]
    assert "2021-06-07" in analyzer.analyze("Møde i udvalget d. 7. juni 2021")
    # English month names map to Danish ones.
    assert "2021-06-07" in analyzer.analyze("the meeting on 7 June 2021")
    # Not a date: invalid month.
    assert "2020-13-30" not in analyzer.analyze("30.13.2020")


# --- stopwords and English ------------------------------------------------------------------


def test_stopword_only_text_gives_no_terms(analyzer: DanishAnalyzer):
    assert analyzer.analyze("Hvad er det, og hvor er de?") == []
    assert analyzer.analyze("What is it and where are they?") == []
    # "ikke" is a stopword (documented in the data file); the content words remain.
    assert primary(analyzer, "som ikke kan stå alene") == ["stå", "alen"]
    # Dotted abbreviations vanish as a whole.
    assert analyzer.analyze("bl.a. f.eks. mv.") == []
    # "angående" / "vedrørende" are prepositions: no question is about them
    assert primary(analyzer, "angående fordelingen vedrørende støj") == ["fordeling", "støj"]
    # modal verbs, like "kan", "skal" and "vil": "Hvad må arbejdsgruppen koste?"
    assert primary(analyzer, "må bør måtte burde koste") == ["kost"]


def test_english_words_pass_through_lowercased(analyzer: DanishAnalyzer):
    assert primary(analyzer, "What was decided about LEAN-management?") == [
        "decided",
        "lean",
        "management",
    ]


def test_hyphenated_words_give_parts_and_the_joined_word(analyzer: DanishAnalyzer):
    tokens = analyzer.tokens("Task Force-projektet")
    assert [t.term for t in tokens if not t.derived] == ["task", "forc", "projek"]
    assert Token("forceprojek", True) in tokens
    # A PDF line-end hyphen that survived cleaning still yields the whole word.
    assert Token("ekstraordinær", True) in analyzer.tokens("ekstraor-dinær supervision")


# --- stemming and compounds -----------------------------------------------------------------


def test_inflections_share_a_stem(analyzer: DanishAnalyzer):
    assert primary(analyzer, "videndelingen") == primary(analyzer, "videndeling")
    assert primary(analyzer, "udvalget") == primary(analyzer, "udvalg") == ["udvalg"]
    assert primary(analyzer, "kompetencer") == primary(analyzer, "kompetence")


def test_a_noun_in_et_meets_its_inflections_that_double_the_t(analyzer: DanishAnalyzer):
    """Snowball stems "budget" to "budg" but "budgettet" to "budget": the two forms of the
    most asked word of budget questions would not meet."""
    for forms in (
        ("budget", "budgettet", "budgetter", "budgetterne"),
        ("anlægsbudget", "anlægsbudgettet"),
        ("kabinet", "kabinettet"),
    ):
        assert len({primary(analyzer, w)[0] for w in forms}) == 1, forms
    assert primary(analyzer, "nettet") == primary(analyzer, "net")  # a short word stays


def test_compound_gives_its_parts_and_sub_compounds(analyzer: DanishAnalyzer):
    tokens = analyzer.tokens("kompetenceudviklingsforløb")
    assert tokens == [
        Token("kompetenceudviklingsforløb"),
        Token("kompetenceudvikling", True),
        Token("forløb", True),
        Token("kompetenc", True),
        Token("udvikling", True),
    ]
    # The query word and the text word meet on the sub-compound.
    assert "kompetenceudvikling" in analyzer.analyze("kompetenceudviklingsforløb")
    assert analyzer.analyze("videndeling") == ["videndeling", "vid", "deling"]
    assert {"arbejd", "miljø"} <= set(analyzer.analyze("arbejdsmiljø"))
    assert {"social", "rådgiv"} <= set(analyzer.analyze("socialrådgivere"))
    assert {"kontanthjælp", "kontant", "hjælp", "modtag"} <= set(
        analyzer.analyze("kontanthjælpsmodtagere")
    )


def test_splitter_parts_and_linking_morphemes(analyzer: DanishAnalyzer):
    split = analyzer.splitter.split
    assert split("kompetenceudviklingsforløb") == ["kompetenceudvikling", "forløb"]
    assert split("sagsbehandling") == ["sag", "behandling"]
    assert split("handleplaner") == ["handle", "planer"]
    assert split("familieområdet") == ["familie", "området"]
    assert split("videndelingen") == ["viden", "delingen"]


def test_splitter_leaves_non_compounds_alone(analyzer: DanishAnalyzer):
    split = analyzer.splitter.split
    assert split("beslutning") is None
    assert split("medarbejder") is None  # "med" is a stopword, never a part
    assert split("sammenhængende") is None  # "-ende" is a suffix, not the noun "ende"
    assert split("partnerskabet") is None  # "-skab" is a suffix
    assert split("undersøgelse") is None
    assert split("udvalg") is None


def test_splitter_works_from_the_base_lexicon_alone():
    bare = DanishAnalyzer()
    assert bare.splitter.split("videndeling") == ["viden", "deling"]
    assert bare.splitter.split("kompetenceudviklingsforløb") == [
        "kompetence",
        "udvikling",
        "forløb",
    ]
    # Three parts: every contiguous group is emitted, so both sub-compounds meet their texts.
    assert {"kompetenceudvikling", "udviklingsforløb"} <= set(
        bare.analyze("kompetenceudviklingsforløb")
    )


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("engangsudgift", ["engang", "udgift"]),
        ("merudgift", ["mer", "udgift"]),
        ("mindreforbrug", ["mindre", "forbrug"]),
        ("egenfinansiering", ["egen", "finansiering"]),
        ("tillægsbevilling", ["tillæg", "bevilling"]),
        ("lønsum", ["løn", "sum"]),
    ],
)
def test_budget_compounds_split_from_the_base_lexicon_alone(word: str, parts: list[str]):
    """A budget table's "Engangsudgift" column must name "udgift" for "Hvad er udgiften i
    2024?", even in a folder that never uses "engang" on its own."""
    assert DanishAnalyzer().splitter.split(word) == parts


def test_fit_vocabulary_learns_parts_and_resets_the_cache():
    fresh = DanishAnalyzer()
    assert fresh.splitter.split("borgerbetjeningsforløb") == ["borger", "betjening", "forløb"]
    assert fresh.splitter.split("tovholderfunktion") is None
    fresh.fit_vocabulary(["Der er tilknyttet tovholdere.", "En tovholder og en funktion."])
    assert fresh.splitter.split("tovholderfunktion") == ["tovholder", "funktion"]
    assert "tovhold" in fresh.analyze("tovholderfunktionen")
    # Learned words shorter than four letters are not trusted as parts.
    fresh.fit_vocabulary(["flg", "flg", "aftale"])
    assert "flg" not in fresh.vocabulary
    assert "tovholder" not in fresh.vocabulary


def test_splitter_is_deterministic_and_cached():
    def make() -> CompoundSplitter:
        return DanishAnalyzer().splitter

    first, second = make(), make()
    words = ["arbejdsmiljøredegørelse", "sygedagpengeområdet", "beskæftigelsesindsats"]
    assert [first.derived_stems(w) for w in words] == [second.derived_stems(w) for w in words]
    assert first.derived_stems(words[0]) is first.derived_stems(words[0])


def test_analysis_is_the_same_for_documents_and_queries(analyzer: DanishAnalyzer):
    sentence = "Der afsættes 600.000 kr. til dette."
    assert analyzer.analyze(sentence) == analyzer(sentence)
    assert analyzer.analyze(sentence) == analyzer.analyze(sentence)


def test_past_forms_of_strong_verbs_meet_their_present_stem(analyzer: DanishAnalyzer):
    assert primary(analyzer, "afsat") == primary(analyzer, "afsættes") == ["afsæt"]
    assert primary(analyzer, "planlagt") == primary(analyzer, "planlægges") == ["planlæg"]
    assert primary(analyzer, "opfulgt") == primary(analyzer, "opfølge") == ["opfølg"]
    assert primary(analyzer, "deltog") == primary(analyzer, "deltager") == ["deltag"]
    assert primary(analyzer, "vedtog") == primary(analyzer, "vedtaget")
    assert primary(analyzer, "bestod") == primary(analyzer, "består")
    # "Administrationen foreslog ..." meets "de foreslåede besparelser"
    assert primary(analyzer, "foreslog") == primary(analyzer, "foreslåede") == ["foreslå"]
    # "udvalgt" (selected) must not turn into "udvalg" (committee).
    assert primary(analyzer, "udvalgt") != primary(analyzer, "udvalget")


def test_weak_past_forms_in_ede_meet_their_present_stem(analyzer: DanishAnalyzer):
    """ "Hvilke kommuner støttede ...?" finds "har tilkendegivet at støtte ..." (devset: one
    decision question answered instead of abstained)."""
    assert primary(analyzer, "støttede") == primary(analyzer, "støtte") == ["støt"]
    assert primary(analyzer, "besluttede") == primary(analyzer, "beslutte")
    assert primary(analyzer, "samlede") == primary(analyzer, "samlet")
    # an -ede that is no past ending stays as Snowball stems it
    assert primary(analyzer, "allerede") == [analyzer._stemmer.stemWord("allerede")]


def test_folding_is_idempotent_with_uncomposable_accents() -> None:
    """Found by hypothesis: "U" with two graves folded to "ù" first and "u" only the next time."""
    assert normalize("Ù\u0300") == normalize(normalize("Ù\u0300")) == "u"
    assert normalize("a\u030a") == "å"  # a composable ring still makes å


def test_an_adjective_meets_the_noun_it_is_derived_from() -> None:
    """ "ontologisk" and "datamodelmæssigt" answer a question about "ontologi" and "datamodel";
    a word whose base is not a known word gets nothing extra ("fysisk")."""
    fresh = DanishAnalyzer()
    fresh.fit_vocabulary(["En fælles ontologi og en datamodel.", "Politik og økonomi."])
    cases = {
        "ontologisk": "ontologi",
        "datamodelmæssigt": "datamodel",
        "økonomiske": "økonomi",
        "politisk": "politik",
    }
    for adjective, noun in cases.items():
        derived = {t.term for t in fresh.tokens(adjective) if t.derived}
        assert fresh.stem(noun) in derived, adjective
        assert fresh.stem(noun) not in primary(fresh, adjective)  # half weight, not the word
    assert not [t for t in fresh.tokens("fysisk") if t.derived]


def test_a_product_names_genitive_meets_the_name(analyzer: DanishAnalyzer) -> None:
    """ "OS2displays nye styregruppe" is about OS2display: letters and digits are not stemmed,
    so the trailing s after a letter also gives the name itself, as a derived term."""
    assert "os2display" in analyzer.analyze("OS2displays nye styregruppe")
    assert analyzer.analyze("mp3s") == ["mp3s"]  # a digit before the s: nothing dropped


def test_a_hyphenated_word_with_a_number_is_stemmed_at_its_end(analyzer: DanishAnalyzer):
    """ "§ 18-midlerne" in a question and "§ 18-midler" in a title are one word inflected;
    "covid-19" has no word end to stem."""
    assert "18-midl" in analyzer.analyze("Blev § 18-midlerne fordelt?")
    assert "18-midl" in analyzer.analyze("Fordeling af § 18-midler")
    assert "covid-19" in analyzer.analyze("covid-19")


def test_a_one_word_particle_verb_yields_its_noun_for_sentence_scoring_only():
    """ "Ibrugtagning forventes …" answers "Hvornår tages den i brug?": with `particle_verbs`
    the word also yields "brug"; BM25's analyzer leaves it whole ("brug" would match every
    "bruges til")."""
    scoring = DanishAnalyzer(particle_verbs=True)
    assert "brug" in scoring.analyze("tages i brug")
    assert "brug" in scoring.analyze("Ibrugtagning af huset")
    assert "kraft" in scoring.analyze("ikrafttræden")
    assert "brug" not in DanishAnalyzer().analyze("Ibrugtagning af huset")


def test_everyday_words_split_compounds_for_the_answer_step_only() -> None:
    """ "konsulentbistand" has no part a small corpus writes alone; the everyday Danish words
    (wordfreq's) give the splitter "bistand". BM25's analyzer keeps the base lexicon (devset
    MRR fell 0.831 -> 0.812 with them)."""
    scoring = DanishAnalyzer(particle_verbs=True, general_words=True)
    assert {"konsulent", "bistand"} <= set(scoring.analyze("konsulentbistand"))
    assert {"frokost", "ordning"} <= set(scoring.analyze("frokostordningen"))
    assert DanishAnalyzer().analyze("konsulentbistand") == ["konsulentbistand"]
    # the list holds Danish words, not the English ones wordfreq's Danish list also has
    general = set(everyday_words())
    assert {"bistand", "frokost", "husleje"} <= general
    assert not {"core", "this", "steve", "net", "vær"} & general
    # an inflectional ending is no part: "årsagerne" is not "årsag" + "erne"
    assert scoring.analyze("årsagerne") == ["årsag"]


def test_an_adjectives_forms_in_ern_share_one_stem(analyzer: DanishAnalyzer) -> None:
    """Snowball reads "eksterne" as a plural in "-erne" and keeps the neuter "-t": "en ekstern
    mentor" must find "eksterne leverandører" and "eksternt"."""
    assert {analyzer.analyze(w)[0] for w in ("ekstern", "eksterne", "eksternt")} == {"ekstern"}
    assert {analyzer.analyze(w)[0] for w in ("intern", "interne", "internt")} == {"intern"}
    assert analyzer.analyze("borgerne") == analyzer.analyze("borger")  # a plural stays one
