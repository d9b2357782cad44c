"""Answers from the facts tables on the corpus: budgets, the budget table, follow-ups,
decisions - and the near misses that must abstain."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.answer import Assistant
from assistant.citations import CitationSet
from assistant.intent import classify
from assistant.types import SearchFilters


@pytest.fixture(scope="module")
def assistant(corpus_store, corpus_retriever) -> Assistant:
    _, stores, _ = corpus_store
    return Assistant(stores, retriever=corpus_retriever)


def facts(assistant: Assistant, question: str, day: dt.date | None = None, filters=None):
    intent = classify(question)
    hits = assistant.retriever.search(question, k=10)
    cset = CitationSet(assistant.docs)
    result = assistant.facts.answer(
        question, intent, hits, day or dt.date(2021, 7, 1), filters, cset
    )
    return result, cset.citations


def test_budget_answer_cites_the_sentence_and_its_heading(assistant) -> None:
    result, citations = facts(assistant, "Hvor meget blev afsat til videndeling?")
    assert not result.abstain
    assert result.text == "Til videndeling er der afsat 600.000 kr. [1][2]."
    assert [c.quote for c in citations] == ["4. Videndeling", "Der afsættes 600.000 kr. til dette."]


def test_budget_for_a_paraphrased_initiative(assistant) -> None:
    result, citations = facts(assistant, "hvad er budgettet for lean projektet")
    assert result.text.startswith(
        "Til effektive arbejdsgange med udgangspunkt i LEAN-management er der afsat 2,6 mio. kr."
    )
    assert citations[-1].quote == "Der afsættes i alt 2,6 mio. kr. til dette indsatsområde."


def test_wrong_amount_in_the_question_gets_the_right_one(assistant) -> None:
    result, _ = facts(assistant, "Var det 2 mio. kr. der blev afsat til videndeling?")
    assert "600.000 kr." in result.text and "2 mio" not in result.text


def test_year_matters_and_a_following_qualifier_is_shown(assistant) -> None:
    result, citations = facts(
        assistant,
        "Kommissoriet nævner 2,75 mill. kr. til kompetenceudvikling i 2006 - hvordan "
        "finansieres de?",
    )  # the amount names the row; its own sentence corrects the year
    assert "er der i 2005 afsat 2,75 mill. kr. til kompetenceudvikling" in result.text
    assert citations[-1].quote == "Finansieres af Familie- og Arbejdsmarkedsudvalgets overførsler."


@pytest.mark.parametrize(
    "question",
    [
        "Hvad er budgettet for mentorordningen i kompetencepuljen 2006?",  # no such initiative
        "Hvor meget er der afsat til organisationsændringen i Norddjurs i budget 2020?",  # year
        "Hvor mange penge blev der afsat til telefonpolitikken i de lokale centre?",
        "Hvad koster ombygningen af de fysiske rammer for borgerservice i Ørsted?",
    ],
)
def test_near_misses_abstain(assistant, question: str) -> None:
    """No amount row on the topic: the facts step either abstains itself or leaves the
    question to the sentences, which find nothing either."""
    result, citations = facts(assistant, question)
    assert result is None or result.abstain
    assert citations == []
    answer = assistant.ask(question)
    assert answer.abstained and answer.citations == []


def test_budget_table_is_complete_with_one_citation_per_row(assistant) -> None:
    result, citations = facts(
        assistant, "Lav en oversigt over hvilke projekter i kompetencepuljen der fik hvilket beløb"
    )
    amounts = [row["beløb"] for row in result.table]
    assert amounts == [
        "10 mio. kr. årligt", "1,5 mio. kr.", "2,6 mio. kr.", "1,8 mio. kr.", "600.000 kr.",
        "750.000 kr.", "2 mio. kr.", "750.000 kr.",
    ]  # fmt: skip
    by_n = {c.n: c for c in citations}
    for row in result.table:
        assert row["beløb"] in by_n[row["n"]].quote
    assert "| Videndeling | 600.000 kr. |  | [8][9] |" in result.text.splitlines()


def test_generic_budget_question_covers_every_document(assistant) -> None:
    result, _ = facts(assistant, "Hvilke initiativer fik hvilket budget?")
    sources = {row["kilde"] for row in result.table}
    assert sources == {
        "bilag2_kompetencepulje_2006_sof.txt",
        "kommissorium_socialcentre_jobcentre_2005.txt",
        "norddjurs_status_handleplan_arbejdsmarked_2015.txt",
    }


def test_outstanding_followups_as_of_a_date(assistant) -> None:
    result, citations = facts(
        assistant,
        "Hvilke opfølgninger mangler stadig for Task Force-projektet?",
        dt.date(2021, 7, 1),
    )
    deadlines = [row["frist"] for row in result.table]
    assert "senest september 2021" in deadlines
    assert "inden årets udgang" in deadlines
    by_n = {c.n: c for c in citations}
    row = next(r for r in result.table if r["frist"] == "senest september 2021")
    assert by_n[row["n"]].quote == "Handleplanen skal være godkendt senest september 2021."
    assert row["status"] == "planlagt"
    later, _ = facts(
        assistant,
        "Hvilke opfølgninger mangler stadig for Task Force-projektet?",
        dt.date(2022, 1, 1),
    )
    row = next(r for r in later.table if r["frist"] == "senest september 2021")
    assert row["status"] == "planlagt, frist overskredet"


def test_decision_is_the_beslutning_not_the_indstilling(assistant) -> None:
    result, citations = facts(assistant, "Hvad besluttede udvalget den 7. juni 2021?")
    assert result.text.startswith("**Beslutning i Børne- og Ungeudvalget den 7. juni 2021** [1]:")
    assert "Taget til efterretning." in result.text
    assert "indstiller" not in result.text
    quotes = [c.quote for c in citations]
    # one citation per sentence: each claim carries its own marker
    assert quotes[1:3] == [
        "Statusoplæg blev gennemgået og knyttes til sagen som bilag.",
        "Taget til efterretning.",
    ]


def test_recommendation_is_labelled_as_such(assistant) -> None:
    result, _ = facts(assistant, "Hvad var indstillingen i sagen om Task Force-projektet?")
    assert result.text.startswith("Indstillingen (administrationens forslag, ikke en beslutning):")
    assert "**Beslutning i Børne- og Ungeudvalget den 7. juni 2021**" in result.text


def test_decision_date_near_miss(assistant) -> None:
    wrong_year, _ = facts(assistant, "Hvad besluttede udvalget på mødet 7. juni 2020?")
    assert wrong_year.text.startswith("Bemærk: Der er ingen beslutning fra den dato")
    other_meeting, _ = facts(assistant, "Hvad besluttede Børne- og Ungeudvalget i september 2021?")
    assert other_meeting is None  # no decision row: the caller looks in prose or abstains


def test_access_filter_hides_rows(assistant) -> None:
    result, _ = facts(
        assistant, "Hvor meget blev afsat til videndeling?", filters=SearchFilters(access={"x"})
    )
    assert result is None  # no readable rows at all


DECISION_TXT = """Referat af møde i Teknik- og Miljøudvalget den 9. maj 2024

4. Ny cykelsti langs Skovvej

Beslutning
Udvalget besluttede:
1. At anlægge cykelstien i 2025.
2. At bede forvaltningen om en tidsplan for anlægget.

- Punktet genoptages på næste møde.
"""


def test_numbered_points_of_a_decision_are_cited_one_per_line(tmp_path_factory) -> None:
    """A decision whose points stand on consecutive lines is shown as a list, each point cited
    on its own, not as one run-on paragraph; a bullet is not part of the quote."""
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    root = tmp_path_factory.mktemp("decision-points")
    (root / "docs").mkdir()
    (root / "docs" / "tmu_2024-05-09_referat.txt").write_text(DECISION_TXT, encoding="utf-8")
    settings = make_settings(root / "data")
    assert not Ingestor(settings).ingest_paths([root / "docs"]).failed
    unseen = Assistant.from_settings(settings)
    (doc,) = unseen.stores.registry.list_documents()
    text = unseen.docs.get(doc["id"]).text
    start = text.index("Udvalget besluttede:")
    paragraphs = unseen.facts._paragraphs(doc["id"], start, len(text))
    cset = CitationSet(unseen.docs)
    shown = unseen.facts._cited(doc["id"], paragraphs, cset)
    assert shown == (
        "Udvalget besluttede: [1]\n- 1. At anlægge cykelstien i 2025. [2]\n"
        "- 2. At bede forvaltningen om en tidsplan for anlægget. [3]\n"
        "- Punktet genoptages på næste møde. [4]"
    )
    assert all(text[c.start : c.end] == c.quote for c in cset.citations)
    assert cset.citations[-1].quote == "Punktet genoptages på næste møde."


APPROVAL_TXT = """Referat af møde i Social- og Handicapudvalget den 5. februar 2024

3. Ansøgninger til puljen for frie midler

Sagsnr.: 24-000001

Indstilling

Administrationen indstiller,
1) at orienteringen om ansøgningerne tages til efterretning,
2) at der gives afslag og udmeldes en ny ansøgningsrunde fra 19. marts til 1. april 2024,
3) at plejecentrene modtager 18.000 kr. årligt i 2024 og 2025 fra puljen.

Beslutning

Ad 1) Sagen blev taget til efterretning
Ad 2-3) Godkendes
Fraværende: Jens Hansen
"""


@pytest.mark.parametrize(
    ("decision", "bare"),
    [
        ("Godkendt.", True),
        ("Indstillingen godkendes.", True),
        ("Ad 1) Sagen blev taget til efterretning Ad 2-4) Godkendes", True),
        ("Anbefales over for Byrådet.", True),
        (
            "Ad 1: Taget til efterretning. Ad 2: Anbefales over for Økonomiudvalget og Byrådet.",
            True,
        ),
        ("Anbefales over for Byrådet, idet anlægget skal omfatte solceller på taget.", False),
        (
            "Godkendt, idet der i udbuddet skal stilles krav om solceller og bæredygtighed.",
            False,
        ),
        ("Taget til efterretning.", False),
        ("Sagen genoptages på næste møde.", False),
    ],
)
def test_a_bare_approval_is_recognised(decision: str, bare: bool) -> None:
    from assistant.facts_answers import _bare_approval

    assert _bare_approval(decision) is bare


def test_a_bare_approval_shows_the_indstilling_it_approved(tmp_path_factory) -> None:
    """ "Ad 2-3) Godkendes" says nothing of its own: the answer shows the Indstilling it refers
    to, each point cited, and never the attendance line."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("approval"), {"shu_2024-02-05_referat.txt": APPROVAL_TXT}
    )
    answer = unseen.ask("Hvad blev der besluttet om ansøgningerne til puljen for frie midler?")
    assert "Ad 2-3) Godkendes" in answer.text
    assert "Beslutningen henviser til indstillingen:" in answer.text
    assert "ny ansøgningsrunde fra 19. marts til 1. april 2024" in answer.text
    assert "18.000 kr." in answer.text and "Fraværende" not in answer.text
    for c in answer.citations:
        assert c.quote in APPROVAL_TXT


FURTHER_REMARKS_TXT = """Referat af møde i Social- og Sundhedsudvalget den 4. december 2029

46. Ombygning af Plejecenter Lærkehøj

Sagsnr.: 27.00.00-P20-1-29

Indstilling

Direktøren for Social og Sundhed indstiller, at der gives en anlægsbevilling på 19,6 mio. kr. til
ombygning af Plejecenter Lærkehøj.

Beslutning i Social- og Sundhedsudvalget den 04-12-2029

Anbefales. Udvalget ønsker en status på genhusningen af beboerne på mødet i marts 2030.

48. Rengøring i hjemmeplejen

Sagsnr.: 27.12.04-P22-1-29

Indstilling

Direktøren for Social og Sundhed indstiller, at rengøring i hjemmeplejen leveres hver 3. uge med
virkning fra den 1. marts 2030.

Beslutning i Social- og Sundhedsudvalget den 04-12-2029

Indstillingen blev sat under afstemning.
For stemte: Jens Kragh (A), Tove Lykke (A) og Lise Bundgaard (V).
Imod stemte: Mikkel Sandholm (F) og Rasmus Hviid (Ø).
Indstillingen er hermed godkendt.

49. Tilskud til Frivilligcenter Vindeby

Sagsnr.: 27.15.00-Ø40-1-29

Indstilling

Direktøren for Social og Sundhed indstiller, at Frivilligcenter Vindeby får et tilskud på
85.000 kr. i 2030.

Beslutning i Social- og Sundhedsudvalget den 04-12-2029

Ikke godkendt. Udvalget ønsker en samlet sag om frivillighedsmidlerne.
"""


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("Hvad besluttede udvalget om Plejecenter Lærkehøj?", "19,6 mio. kr."),
        ("Hvad besluttede udvalget om rengøring i hjemmeplejen?", "hver 3. uge"),
    ],
)
def test_an_approval_with_remarks_or_a_vote_still_shows_the_indstilling(
    tmp_path_factory, question: str, shown: str
) -> None:
    """ "Anbefales." followed by a wish, or a vote ending "Indstillingen er hermed godkendt.",
    approves the Indstilling: the answer shows what was approved, not only that it was."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("remarks"), {"ssu_2029-12-04_referat.txt": FURTHER_REMARKS_TXT}
    )
    answer = unseen.ask(question)
    assert "Beslutningen henviser til indstillingen:" in answer.text
    assert shown in answer.text


def test_a_rejection_does_not_refer_to_the_indstilling(tmp_path_factory) -> None:
    """ "Ikke godkendt." turns the Indstilling down: it is not shown as what was decided."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("rejected"), {"ssu_2029-12-04_referat.txt": FURTHER_REMARKS_TXT}
    )
    answer = unseen.ask("Hvad besluttede udvalget om tilskuddet til Frivilligcenter Vindeby?")
    assert "Ikke godkendt." in answer.text
    assert "henviser til indstillingen" not in answer.text


WRAPPED_POINTS_TXT = """Referat af møde i Kultur- og Fritidsudvalget den 8. februar 2023

7. Strandparken IS - engangsbevilling til budget 2023

Sagsnr.: 22-009769

Indstilling

Administrationen indstiller overfor Kultur- og Fritidsudvalget
1. at det besluttes om Strandparken I/Ss tilskud skal forøges med en engangsbevilling på 0,140
mio. kr. i 2023.
2. at såfremt det besluttes at øge bevillingen til Strandparken, at der besluttes kompenserende
besparelser inden for fagudvalgets egen ramme.

Beslutning

1.-2. Anbefales ikke.
"""


def test_a_point_wrapped_onto_the_next_line_is_one_cited_point(tmp_path_factory) -> None:
    """A PDF wraps a numbered point ("... engangsbevilling på 0,140" + "mio. kr. i 2023."):
    the answer shows the point whole, with one citation, never an amount cut by a marker."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("wrapped-points"),
        {"kfu_2023-02-08_referat.txt": WRAPPED_POINTS_TXT},
    )
    (doc,) = unseen.stores.registry.list_documents()
    text = unseen.docs.get(doc["id"]).text
    start = text.index("Administrationen indstiller")
    end = text.index("Beslutning\n")
    shown = unseen.facts._cited(
        doc["id"], unseen.facts._paragraphs(doc["id"], start, end), CitationSet(unseen.docs)
    )
    assert shown == (
        "Administrationen indstiller overfor Kultur- og Fritidsudvalget [1]\n"
        "- 1. at det besluttes om Strandparken I/Ss tilskud skal forøges med en engangsbevilling "
        "på 0,140 mio. kr. i 2023. [2]\n"
        "- 2. at såfremt det besluttes at øge bevillingen til Strandparken, at der besluttes "
        "kompenserende besparelser inden for fagudvalgets egen ramme. [3]"
    )


def test_a_decision_and_its_reason_both_survive_verification(tmp_path_factory) -> None:
    """Each sentence of a decision paragraph is cited on its own, so the verifier (which drops
    uncited sentences) keeps the decision and its reason."""
    from tests.conftest import assistant_over

    minutes = (
        "# Referat : OS2 AI Heat Control møde 20.01.2026\n\n## Møde referat\n\n"
        "### AD 2: Deltagerkreds og kommunikation\n\n"
        "Der var enighed om at sætte den aktive promovering af projektet på pause. De fire "
        "kommuner vurderes at udgøre en tilstrækkelig og repræsentativ kreds.\n\n"
        "### AD 3: Eventuelt\n\nIntet.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("reason"), {"pm1_2026-01-20.md": minutes})
    answer = unseen.ask("Hvad blev der besluttet om den aktive promovering af projektet?")
    # under its item's cited heading, since the minutes have no "Beslutning" heading
    assert answer.text.startswith("**AD 2: Deltagerkreds og kommunikation** [1]:"), answer.text
    assert "på pause. [2]" in answer.text
    assert "De fire kommuner vurderes at udgøre en tilstrækkelig og repræsentativ kreds. [3]" in (
        answer.text
    )


def test_the_answers_own_words_about_the_rows_survive_verification(tmp_path_factory) -> None:
    """ "Der er endnu ikke truffet en beslutning i sagen." states what the rows show; the
    verifier keeps it (a frame), and a heading's bare number ("6 Tidsplan") is not shown
    where its citation leaves it out."""
    from tests.conftest import assistant_over

    agenda = (
        "Dagsorden for Teknik- og Miljøudvalget den 9. maj 2024\n\n"
        "4. Ny cykelsti langs Skovvej\n\nSagsnr.: 24-000004\n\n"
        "Indstilling\n\nForvaltningen indstiller, at cykelstien anlægges i 2025.\n\n"
        "6 Tidsplan\n\nCykelstien projekteres i efteråret 2024 og anlægges i foråret 2025.\n"
    )
    unseen = assistant_over(
        tmp_path_factory.mktemp("frames"), {"tmu_2024-05-09_dagsorden.txt": agenda}
    )
    decision = unseen.ask("Hvad besluttede udvalget om cykelstien langs Skovvej?")
    assert decision.text.startswith("Der er endnu ikke truffet en beslutning i sagen.")
    assert decision.notice is None or "udeladt" not in decision.notice
    plan = unseen.ask("Hvornår anlægges cykelstien langs Skovvej?")
    assert "6 Tidsplan" not in plan.text and "forår" in plan.text
    assert plan.notice is None or "udeladt" not in plan.notice


def test_a_total_and_its_three_parts_are_all_shown(tmp_path_factory) -> None:
    """A cost and the three amounts it breaks into all match "hvad koster ..., og hvordan
    fordeler udgiften sig?": the budget answer shows all four, not the first three."""
    from tests.conftest import assistant_over

    note = (
        "# Borgermøder om den nye cykelstrategi\n\n"
        "## Økonomi\n\n"
        "Forvaltningen foreslår to borgermøder i foråret.\n\n"
        "**Et borgermøde koster 41.000 - 58.000 kr**\n"
        "1. 30.000 - 40.000 kr til leje af lokaler og teknik\n"
        "2. 9.000 - 14.000 kr til annoncering i lokalavisen\n"
        "3. 2.000 - 4.000 kr til forplejning\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("parts"), {"cykelstrategi_notat.md": note})
    answer = unseen.ask("Hvad koster et borgermøde, og hvordan fordeler udgiften sig?")
    for amount in ("41.000 - 58.000", "30.000 - 40.000", "9.000 - 14.000", "2.000 - 4.000"):
        assert amount in answer.text


def test_a_decision_stated_elsewhere_beats_no_decision_yet(tmp_path_factory) -> None:
    """An agenda's item has only an Indstilling ("no decision yet"), but a later note states
    the decision: the stated decision answers, not "Der er endnu ikke truffet en beslutning"."""
    from tests.conftest import assistant_over

    agenda = (
        "Dagsorden for Teknik- og Miljøudvalget den 9. maj 2024\n\n"
        "4. Ny cykelsti langs Skovvej\n\nSagsnr.: 24-000004\n\n"
        "Indstilling\n\nForvaltningen indstiller, at der udarbejdes et skitseprojekt for "
        "cykelstien.\n"
    )
    note = (
        "Notat fra projektgruppens møde den 3. juni 2024\n\n"
        "Deltagere: Vejafdelingen og Planafdelingen.\n\n"
        "Gruppen drøftede belægningen på den nye cykelsti langs Skovvej. Det blev besluttet at "
        "bruge genbrugsasfalt fra Ringvejen som slidlag på cykelstien langs Skovvej.\n"
    )
    unseen = assistant_over(
        tmp_path_factory.mktemp("stated"),
        {"tmu_2024-05-09_dagsorden.txt": agenda, "projektgruppe_notat_2024-06-03.txt": note},
    )
    answer = unseen.ask("Hvad blev der besluttet om den nye cykelsti langs Skovvej?")
    assert "genbrugsasfalt fra Ringvejen" in answer.text, answer.text
    assert "endnu ikke truffet" not in answer.text


AGENDA_UNDECIDED = """Dagsorden – Teknik- og Miljøudvalget – 14. maj 2024

Punkt 11: Trafiksikkerhedsplan 2024-2028 - prioritering af projekter
Sagsnr.: 24/5512

Resumé
Byrådet vedtog Trafiksikkerhedsplan 2024-2028 den 31. januar 2024. Administrationen har
udarbejdet en prioriteret liste med 14 projekter.

Indstilling
Direktøren for Teknik og Miljø indstiller, at den prioriterede projektliste godkendes.

Punkt 12: Ansøgning om dispensation fra lokalplan 117 - carport, Strandvejen 42
Sagsnr.: 24/6120

Resumé
Ejeren af Strandvejen 42 har ansøgt om dispensation fra lokalplan 117 til en carport med
fladt tag. Lokalplanen kræver sadeltag.

Indstilling
Direktøren for Teknik og Miljø indstiller, at der gives afslag på ansøgningen om dispensation.
"""


def test_an_agendas_item_is_undecided_whatever_its_case_text_says(tmp_path_factory) -> None:
    """An agenda records no decisions: "Byrådet vedtog …" in an item's Resumé is background,
    and "Fik ejeren dispensation?" is a question about the outcome. Both are answered "no
    decision yet", with the Indstilling."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("agenda"), {"tmu_2024-05-14_dagsorden.txt": AGENDA_UNDECIDED}
    )
    for question, proposal in (
        ("Hvad besluttede udvalget om punkt 11?", "den prioriterede projektliste godkendes"),
        ("Fik ejeren af Strandvejen 42 dispensation til carporten?", "afslag på ansøgningen"),
    ):
        answer = unseen.ask(question)
        assert answer.text.startswith("Der er endnu ikke truffet en beslutning"), answer.text
        assert proposal in answer.text, answer.text


def test_a_point_of_a_case_is_not_an_agenda_item(tmp_path_factory) -> None:
    """ "punkt 3 i sagen om cykelstier" is the case's third point, not item 3 of another
    meeting."""
    from tests.conftest import assistant_over

    other = (
        "Referat – Kultur- og Fritidsudvalget – 19. september 2023\n\n"
        "Punkt 3: Budgetopfølgning pr. 31. august 2023\nSagsnr.: 23/8841\n\n"
        "Beslutning:\nTaget til efterretning. Der forventes et merforbrug på 1,2 mio. kr.\n"
    )
    minutes = (
        "Beslutningsprotokol – Byrådet – 7. juni 2021\n\n"
        "568. Anlægsbevilling til cykelstier 2021-2022\nSagsnr.: 21/8734\n\n"
        "Beslutning i Byrådet den 7. juni 2021\n"
        "Indstillingens punkt 1 og 2 blev godkendt. Punkt 3 blev godkendt med en ændring.\n"
        "Morten Stenbjerg (O) stemte imod punkt 3.\n"
    )
    unseen = assistant_over(
        tmp_path_factory.mktemp("point"),
        {"kfu_2023-09-19_referat.txt": other, "byraad_2021-06-07_referat.txt": minutes},
    )
    answer = unseen.ask("Hvem stemte imod punkt 3 i sagen om cykelstier?")
    assert "Morten Stenbjerg" in answer.text, answer.text


BREAKDOWN_TXT = """Referat af møde i Skole- og Børneudvalget den 4. februar 2025

4. Specialpædagogisk analyse - prioriterede indsatser 2025

Sagsbeskrivelse

Der er afsat 5 mio. kr. til implementering af indsatser i 2025. Nedenfor følger administrationens
anbefalinger til, hvordan midlerne kan disponeres.
Allerede iværksatte initiativer:
Inkluderende dagbehandling 1,2 mio. kr.
Co-teaching på Krogårdskolen 0,3 mio. kr.
Nye initiativer i 2025:
Tidlig opsporing på dagtilbudsområdet 1,1 mio. kr.
Et mere praksisnært PPR 0,3 mio. kr.
Kompetencestrategi på børne- og ungeområdet 1,8 mio. kr.
KaMiBe 0,3 mio. kr.

5. Læringsmiljøpuljen

Sagsbeskrivelse

Der er afsat 6 mio. kr. til læringsmiljøet på skole- og dagtilbudsområdet.
Hedelyklasserne søger 0,4 mio. kr.
Arenaskolen søger 0,9 mio. kr.
"""


def test_a_divided_amount_is_answered_with_the_parts_that_add_up(tmp_path_factory) -> None:
    """ "Hvordan er de 5 mio. kr. fordelt?": the lines after the total that add up to it are
    shown, each cited; lines that do not add up to the cited total (two applications of 1,3
    mio. kr. under a pool of 6 mio. kr.) are no breakdown of it."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("breakdown"), {"sbu_2025-02-04_referat.txt": BREAKDOWN_TXT}
    )
    answer = unseen.ask("Hvordan er de 5 mio. kr. til implementering af indsatser i 2025 fordelt?")
    assert "Fordelingen:\n- Inkluderende dagbehandling 1,2 mio. kr. [" in answer.text
    for part in ("Co-teaching", "Tidlig opsporing", "praksisnært PPR", "Kompetencestrategi"):
        assert part in answer.text
    assert "KaMiBe 0,3 mio. kr." in answer.text
    assert all(c.quote in BREAKDOWN_TXT for c in answer.citations)

    pool = unseen.ask("Hvordan er de 6 mio. kr. til læringsmiljøet fordelt?")
    assert not pool.abstained and "6 mio. kr." in pool.text
    assert "Fordelingen" not in pool.text

    total_only = unseen.ask("Hvor meget er afsat til implementering af indsatser i 2025?")
    assert "Fordelingen" not in total_only.text  # the total was asked, not its parts


HISTORY_TXT = """Referat af møde i Økonomiudvalget den 4. april 2022

4. Opfølgende indstilling om boliger til ukrainske flygtninge

Sagsnr.: 22-004512

Beslutning

Økonomiudvalget anbefaler overfor Byrådet, at Klima-, Teknik- og Miljøudvalgets indstilling
godkendes.

Sagsbeskrivelse

Administrationen foreslår at etablere ca. 60 værelser i pavilloner.
Sagens forløb
04-04-2022 Klima-, Teknik- og Miljøudvalget
Punkt 1. Anbefales med bemærkning om, at der i første omgang etableres 30 boliger i pavilloner.
"""


def test_the_decision_of_the_body_the_question_names_is_shown(tmp_path_factory) -> None:
    """Minutes of one committee record an earlier committee's decision in "Sagens forløb":
    asked what that committee decided, the answer is its decision under its cited entry line,
    not the minutes' own committee's recommendation that repeats its name."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("history"), {"oeu_2022-04-04_referat.txt": HISTORY_TXT}
    )
    ktm = unseen.ask(
        "Hvad besluttede Klima-, Teknik- og Miljøudvalget om boliger til ukrainske flygtninge?"
    )
    assert ktm.text.startswith("**04-04-2022 Klima-, Teknik- og Miljøudvalget** [1]: Punkt 1.")
    assert "30 boliger i pavilloner" in ktm.text
    assert ktm.citations[0].quote == "04-04-2022 Klima-, Teknik- og Miljøudvalget"
    oeu = unseen.ask("Hvad besluttede Økonomiudvalget om boliger til ukrainske flygtninge?")
    assert "Økonomiudvalget anbefaler overfor Byrådet" in oeu.text
    assert "04-04-2022 Klima-" not in oeu.text


def test_a_years_share_of_a_total_answers_for_that_year(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "Hvor meget er afsat … i 2025?" is the 2025 share of the split total, quoted, never
    "Den samlede økonomi … er 30,5 mio. kr." (a year's share is no total)."""
    from tests.conftest import assistant_over

    assistant = assistant_over(
        tmp_path_factory.mktemp("year-share"),
        {
            "referat_byraad.txt": "Referat\n\nByrådet\n\nMødedato: 26. oktober 2023\n\n"
            "568. Anlægsbevilling til ny idrætshal i Vestbyen\n\nSagsfremstilling\n\n"
            "Den samlede anlægsudgift er 42,5 mio. kr., fordelt med 12,0 mio. kr. i 2024 og "
            "30,5 mio. kr. i 2025.\n\nBeslutning\n\nGodkendt.\n",
        },
    )
    answer = assistant.ask("Hvor meget er afsat til idrætshallen i 2025?")
    assert "30,5 mio. kr." in answer.text, answer.text
    assert "samlede økonomi" not in answer.text


def test_an_amount_from_a_table_is_shown_with_its_row(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The budget cell "2,5 mio. kr." alone says nothing of what it is for: the answer shows
    its row, each cell cited; and "which initiative got which budget" lists every row."""
    from tests.conftest import assistant_over

    assistant = assistant_over(
        tmp_path_factory.mktemp("budget-row"),
        {
            "status_handleplan.md": "# Status på handleplan for digitalisering\n\n"
            "Handleplanen har fem initiativer og en samlet ramme på 6,5 mio. kr.\n\n"
            "## Status på initiativerne\n\n"
            "| Initiativ | Budget | Ansvarlig | Status |\n|---|---|---|---|\n"
            "| 1. Digital post til alle borgere | 1,2 mio. kr. | Borgerservice | I gang |\n"
            "| 2. Ny hjemmeside | 2,5 mio. kr. | Kommunikation | Forsinket |\n\n"
            "## Videre proces\n\nNæste status gives i maj 2025.\n",
        },
    )
    answer = assistant.ask("Hvor meget er afsat til hjemmesiden?")
    assert "Ny hjemmeside [" in answer.text and "2,5 mio. kr. [" in answer.text, answer.text
    assert "Kommunikation [" in answer.text
    table = assistant.ask("Hvilke initiativer fik hvilket budget i handleplanen?")
    for name, amount in (("Digital post til alle borgere", "1,2"), ("Ny hjemmeside", "2,5")):
        assert name in table.text and amount in table.text, table.text


def test_a_pdf_budget_tables_row_is_shown_under_its_column_names(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A PDF's table row is one sentence (no markup to cut its cells at): an answer from it
    shows the row's cells apart, under the table's column names quoted whole (its first row
    splits into sentences at "kr.)"). Only the "Budget" column is the area's allocation:
    "Forventet" and "Afvigelse" beside it are no budgets."""
    from fpdf import FPDF

    from tests.conftest import assistant_for_docs

    root = tmp_path_factory.mktemp("pdf-budget-table")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(10, 20)
    pdf.multi_cell(0, 6, "Referat - Økonomiudvalget - 10. marts 2025\n\n47. Budgetopfølgning")
    pdf.set_xy(10, 50)
    pdf.multi_cell(0, 6, "Budgetopfølgningen viser et forventet merforbrug på 14,2 mio. kr.")
    rows = [
        ("Område", "Budget (mio. kr.)", "Forventet (mio. kr.)", "Afvigelse"),
        ("Børn og Unge", "612,4", "624,1", "11,7"),
        ("Ældre", "845,0", "846,9", "1,9"),
        ("Kultur", "98,3", "98,9", "0,6"),
    ]
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            pdf.set_xy(10 + 45 * j, 70 + 8 * i)
            pdf.cell(40, 6, cell)
    docs = root / "docs"
    docs.mkdir()
    pdf.output(str(docs / "referat_oeu_2025-03-10.pdf"))
    assistant = assistant_for_docs(root)

    answer = assistant.ask("Hvad er budgettet for Ældre?")
    assert "Område – Budget (mio. kr.) – Forventet (mio. kr.) – Afvigelse [" in answer.text
    assert "Ældre – 845,0 – 846,9 – 1,9 [" in answer.text, answer.text
    listing = assistant.ask("Hvilke områder fik hvilket budget?")
    amounts = {row["beløb"] for row in listing.table or []}
    assert {"612,4", "845,0", "98,3"} <= amounts, (listing.intent, listing.text)
    assert not amounts & {"624,1", "11,7", "846,9", "1,9"}, listing.text


def _year_table_annex(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An assistant over a Word annex whose budget table has a column per year and "I alt"."""
    import docx

    from tests.conftest import assistant_for_docs

    root = tmp_path_factory.mktemp("docx-year-table")
    document = docx.Document()
    document.add_heading("Bilag 2: Økonomi for klimahandleplanen 2025-2027", 1)
    document.add_paragraph(
        "Bilaget viser fordelingen af rammen på de fire indsatser. Alle beløb er i 1.000 kr."
    )
    data = [
        ("Indsats", "2025", "2026", "2027", "I alt"),
        ("Energirenovering af skoler", "1.200", "1.500", "1.300", "4.000"),
        ("Grøn transport", "600", "700", "700", "2.000"),
        ("Klimatilpasning", "800", "900", "900", "2.600"),
        ("I alt", "2.600", "3.100", "2.900", "8.600"),
    ]
    table = document.add_table(rows=len(data), cols=5)
    for i, row in enumerate(data):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    docs = root / "docs"
    docs.mkdir()
    document.save(str(docs / "bilag2_klimahandleplan.docx"))
    return assistant_for_docs(root)


@pytest.fixture(scope="module")
def year_table_annex(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _year_table_annex(tmp_path_factory)


def test_a_word_annexs_year_table_answers_by_row_and_lists_each_rows_total(
    year_table_annex: Assistant,
) -> None:
    """A Word annex's budget table with a column per year and "I alt": a question about one
    initiative shows its row under the column names (the years) and the unit line, and
    "Hvilke indsatser fik hvilket budget?" lists each row once, by its total, not once per
    year."""
    assistant = year_table_annex

    answer = assistant.ask("Hvor meget er afsat til grøn transport i 2026?")
    # the row is quoted whole, so are its column names; the unit line above says what its
    # bare figures are
    assert answer.text.startswith(
        "Alle beløb er i 1.000 kr. [1]\nIndsats – 2025 – 2026 – 2027 – I alt [2]\n"
        "Grøn transport – 600 – 700 – 700 – 2.000 [3]"
    ), answer.text
    listing = assistant.ask("Hvilke indsatser fik hvilket budget?")
    amounts = [(row["initiativ"], row["beløb"]) for row in listing.table or []]
    assert ("Grøn transport", "2.000") in amounts, listing.text
    assert ("Grøn transport", "700") not in amounts, listing.text


def test_a_question_about_a_meeting_lists_the_decision_of_each_item(tmp_path_factory) -> None:
    """ "Hvad besluttede udvalget den 12. marts 2024?" names a meeting, not one of its items:
    the answer gives each item's decision under its cited title, in item order. Naming a
    topic too ("... om inklusion?") still answers that item alone."""
    from tests.conftest import assistant_over

    minutes = (
        "Referat\n\nBørne- og Skoleudvalget\n\nMødedato: 12-03-2024 kl. 16:00\n\n"
        "Punkt 1: Godkendelse af dagsorden\n\nSagsnr.: 24/1201\n\n"
        "Beslutning i Børne- og Skoleudvalget den 12-03-2024\n\nGodkendt.\n\n"
        "Punkt 2: Ny skolestruktur i Hinnerup\n\nSagsnr.: 23/9876\n\n"
        "Indstilling\n\nDirektøren indstiller, at den nye skolestruktur godkendes.\n\n"
        "Beslutning i Børne- og Skoleudvalget den 12-03-2024\n\nUdsat. Udvalget ønsker en "
        "belysning af konsekvenserne for skolevejen.\n\n"
        "Punkt 3: Pulje til inklusion 2024\n\nSagsnr.: 24/0455\n\n"
        "Indstilling\n\nDirektøren indstiller, at puljen på 2,4 mio. kr. fordeles til fire "
        "inklusionsvejledere.\n\n"
        "Beslutning i Børne- og Skoleudvalget den 12-03-2024\n\nGodkendt, dog således at "
        "puljen går til tre inklusionsvejledere.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("meeting"), {"bsu_2024-03-12.txt": minutes})
    answer = unseen.ask("Hvad besluttede Børne- og Skoleudvalget den 12. marts 2024?")
    lines = answer.text.splitlines()
    assert len(lines) == 3, answer.text
    assert lines[0] == "- **Punkt 1: Godkendelse af dagsorden** [1]: Godkendt. [2]", answer.text
    assert "Ny skolestruktur i Hinnerup" in lines[1] and "Udsat." in lines[1], answer.text
    assert "tre inklusionsvejledere" in lines[2], answer.text
    one = unseen.ask("Hvad besluttede udvalget den 12. marts 2024 om inklusion?")
    assert "tre inklusionsvejledere" in one.text and "Udsat" not in one.text, one.text


DECISION_LOG = """# Beslutningslog – Styregruppen for nyt økonomisystem

Senest opdateret: 14. november 2025

## B-2025-05 Valg af leverandør til migrering

Dato: 3. april 2025
Status: Besluttet
Besluttet af: Styregruppen

Styregruppen besluttede at tildele opgaven med datamigrering til DataFlyt A/S efter udbud.
Kontraktsummen er 2.350.000 kr. ekskl. moms.

## B-2025-09 Udskydelse af go-live

Dato: 12. september 2025
Status: Besluttet
Besluttet af: Styregruppen

Go-live udskydes fra 1. november 2025 til 2. marts 2026, fordi testen af integrationen viste
14 kritiske fejl.

## B-2025-10 Uddannelse af superbrugere

Dato: 12. september 2025
Status: Under behandling
Besluttet af: –

Projektledelsen foreslår, at hver afdeling udpeger to superbrugere, som uddannes i januar 2026.
"""


def test_a_decision_log_answers_by_its_records_status(tmp_path_factory) -> None:
    """A steering group's decision log ("Status: Besluttet" / "Status: Under behandling")
    answers "Hvilke beslutninger …?" with each decided record under its cited heading, a
    meeting day with the record decided that day (not the one still pending), and "Hvad er
    stadig under behandling?" with the pending records."""
    from tests.conftest import assistant_over

    unseen = assistant_over(tmp_path_factory.mktemp("log"), {"beslutningslog.md": DECISION_LOG})
    every = unseen.ask("Hvilke beslutninger har styregruppen truffet?")
    lines = every.text.splitlines()
    assert len(lines) == 2, every.text
    assert lines[0].startswith("- **B-2025-05 Valg af leverandør til migrering** [1]:"), lines
    assert "DataFlyt A/S" in lines[0] and "udskydes" in lines[1], every.text
    day = unseen.ask("Hvad besluttede styregruppen den 12. september 2025?")
    assert "Go-live udskydes" in day.text and "superbrugere" not in day.text, day.text
    pending = unseen.ask("Hvilke beslutninger er stadig under behandling?")
    assert pending.text.startswith("Der er endnu ikke truffet beslutning om:"), pending.text
    assert "superbrugere" in pending.text and "DataFlyt" not in pending.text, pending.text


def test_no_total_is_claimed_for_a_quote_that_does_not_say_total(tmp_path_factory) -> None:
    """A grant read as a budget row's total ("Der er givet tilsagn om 2,6 mio. kr. fra statens
    cykelpulje") is quoted, never restated as "Den samlede økonomi for … er 2,6 mio. kr.": the
    answer's own words may only say what the quote says."""
    from tests.conftest import assistant_over

    minutes = (
        "Referat\n\nTeknik- og Miljøudvalget\n\nMødedato: 14. maj 2025\n\n"
        "Punkt 3: Ny cykelsti langs Ringvejen mellem Holmevej og Skolevej\n\n"
        "Sagsnr.: 25/0301\n\nSagsfremstilling\n\nCykelstien forventes at koste 6,5 mio. kr.\n\n"
        "Økonomi\n\nDer er givet tilsagn om 2,6 mio. kr. fra statens cykelpulje. Den "
        "resterende finansiering på 3,9 mio. kr. er ikke afklaret.\n\n"
        "Beslutning i Teknik- og Miljøudvalget den 14. maj 2025\n\nGodkendt.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("no-total"), {"tmu.txt": minutes})
    answer = unseen.ask(
        "Hvor meget koster cykelstien langs Ringvejen, og hvor meget kommer fra statens cykelpulje?"
    )
    assert "2,6 mio. kr." in answer.text, answer.text
    assert "samlede økonomi" not in answer.text, answer.text


def test_an_amount_under_a_heading_naming_its_year_answers_for_that_year(tmp_path_factory) -> None:
    """An agenda of November 2024 proposes the prices of "madservice 2025": "Hvad skal en
    hovedret koste i 2025?" is answered from it, not refused as another year's amount."""
    from tests.conftest import assistant_over

    assistant = assistant_over(
        tmp_path_factory.mktemp("heading-year"),
        {
            "sundhed_dagsorden_2024-11-12.md": "# Dagsorden – Social- og Sundhedsudvalget\n\n"
            "Mødedato: 12. november 2024\n\n"
            "## 3. Kvalitetsstandard og takster for madservice 2025\n\n"
            "Det foreslås, at prisen for en hovedret stiger fra 56 kr. til 58 kr., og at prisen "
            "for en biret fastholdes på 14 kr.\n\n"
            "## 4. Budgetopfølgning\n\nDer forventes et merforbrug på 3,1 mio. kr. i 2024.\n",
        },
    )
    answer = assistant.ask("Hvad skal en hovedret fra madservice koste i 2025?")
    assert "58 kr." in answer.text, answer.text


def test_a_committees_name_is_not_what_an_amount_is_about(tmp_path_factory) -> None:
    """ "… finansieres inden for Børne- og Skoleudvalgets budgetramme" is no amount about
    children: the committee's name says who pays, so "børn" finds it only as context, unless
    the question asks about a committee."""
    from tests.conftest import assistant_over

    assistant = assistant_over(
        tmp_path_factory.mktemp("committee-name"),
        {
            "byraad_referat_2025-03-26.md": "# Referat – Byrådet – 26. marts 2025\n\n"
            "## 43. Renovering af idrætshallen\n\n"
            "### Beslutning\n\nGodkendt med den ændring, at merudgiften til drift på 120.000 kr. "
            "årligt finansieres inden for Børne- og Skoleudvalgets eksisterende budgetramme.\n\n"
            "## 44. Takster for svømmehallen 2025\n\n"
            "Det foreslås, at entréprisen for voksne hæves fra 45 kr. til 50 kr.\n",
        },
    )
    from stores import facts as facts_store

    facts = assistant.facts
    rows = facts_store.query_budgets(assistant.stores.registry.conn)
    (row,) = [r for r in rows if r["amount_dkk"] == 120_000]
    children = assistant.stats.refresh().groups("børn")
    own, context, _ = facts._budget_match(children, row)
    assert own == 0 and context > 0
    committee = assistant.stats.groups("Børne- og Skoleudvalget")
    assert facts._budget_match(committee, row)[0] > 0
    # the sentence scorer reads the name the same way
    answerer = assistant.extractive
    hits = assistant.retriever.search("børn budgetramme", k=5)
    cands = [c for c in answerer.candidates(hits) if "120.000" in c.text]
    answerer.scorer.score(cands, children, classify("Hvad skal børn betale?"))
    assert cands and cands[0].coverage == 0 and cands[0].context_coverage > 0


def test_how_an_amount_is_to_be_used_lists_its_parts(tmp_path_factory) -> None:
    """ "Hvordan skal de 1,8 mio. kr. bruges?" asks how the amount is divided: the parts that
    add up to it (1,2 + 0,6 mio. kr.) follow the total, each cited."""
    from tests.conftest import assistant_over

    assistant = assistant_over(
        tmp_path_factory.mktemp("used-how"),
        {
            "dagsorden.md": "# Dagsorden – Social- og Sundhedsudvalget\n\n"
            "## 4. Pulje til flere hænder i ældreplejen\n\n"
            "Kommunen har fået tildelt 1,8 mio. kr. for 2025 fra den statslige pulje til flere "
            "hænder i ældreplejen. Midlerne skal anvendes til at styrke rekrutteringen.\n\n"
            "Forvaltningen foreslår, at 1,2 mio. kr. anvendes til fire ekstra elevpladser, og at "
            "0,6 mio. kr. anvendes til en ekstra nattevagt på plejecentret.\n",
        },
    )
    answer = assistant.ask("Hvordan skal de 1,8 mio. kr. fra puljen til flere hænder bruges?")
    assert "1,2 mio. kr." in answer.text and "0,6 mio. kr." in answer.text, answer.text


DECISION_THEN_ATTACHMENTS_TXT = """Referat af Byrådets møde den 26. marts 2025

43. Anlægsbevilling til renovering af Vestervangskolens idrætshal

Resume

Idrætshallen ved Vestervangskolen er fra 1974 og trænger til en gennemgribende renovering af
tag og ventilation.

Beslutning i Byrådet den 26-03-2025

Godkendt med den ændring, at merudgiften til drift på 120.000 kr. årligt finansieres inden
for Børne- og Skoleudvalgets eksisterende budgetramme.
Bilag: 1. Tilstandsrapport idrætshal (PDF) 2. Tidsplan for renovering (PDF)

44. Takster for Egeskov Svømmehal 2025

Resume

Kultur og Fritid foreslår, at entréprisen for voksne hæves fra 45 kr. til 50 kr.
"""


def test_a_decisions_attachment_list_is_not_part_of_the_decision(tmp_path_factory) -> None:
    """The attachment list printed under a decision is no part of it: the answer quotes the
    decision and stops there."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("decision-attachments"),
        {"byraad_2025-03-26_referat.txt": DECISION_THEN_ATTACHMENTS_TXT},
    )
    result, citations = facts(
        unseen, "Hvad besluttede byrådet om renoveringen af idrætshallen?", dt.date(2025, 6, 1)
    )
    assert "Godkendt med den ændring" in result.text
    assert "Bilag" not in result.text and "Tilstandsrapport" not in result.text
    assert not any("PDF" in c.quote for c in citations)


def test_an_extra_cost_is_quoted_not_restated_under_its_heading(tmp_path_factory) -> None:
    """An item headed "Budgetopfølgning pr. 30. september 2024" names no initiative: the
    expected overspend is quoted as the agenda says it, never restated as "Merudgiften til
    budgetopfølgning … er 3,1 mio. kr."."""
    from tests.conftest import assistant_over

    agenda = (
        "Dagsorden\n\nSocial- og Sundhedsudvalget\n\nMødedato: 12. november 2024\n\n"
        "1. Budgetopfølgning pr. 30. september 2024\n\nSagsfremstilling\n\n"
        "Der forventes et samlet merforbrug på 3,1 mio. kr. i 2024. Merforbruget skyldes "
        "primært flere visiterede timer i hjemmeplejen.\n\n"
        "Indstilling\n\nForvaltningen indstiller, at budgetopfølgningen tages til efterretning.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("extra-cost"), {"ssu.txt": agenda})
    answer = unseen.ask("Hvor meget er merforbruget i 2024?")
    assert "Der forventes et samlet merforbrug på 3,1 mio. kr. i 2024." in answer.text
    assert "Merudgiften til" not in answer.text, answer.text


def test_rows_of_one_table_share_one_header_and_a_total_answers_samlede(
    year_table_annex: Assistant,
) -> None:
    """Two rows of one table are shown under its unit line and column names once, also when
    the question names both ("… til klimatilpasning og grøn transport?", which no one row
    covers, is asked for each); "Hvad er det samlede budget …?" is answered by the table's
    "I alt" row."""
    year = year_table_annex.ask("Hvad koster klimahandleplanen i 2026?")
    assert year.text.count("Alle beløb er i 1.000 kr.") == 1, year.text
    assert year.text.count("Indsats – 2025 – 2026 – 2027 – I alt") == 1, year.text
    assert "Grøn transport – 600" in year.text and "Klimatilpasning – 800" in year.text
    two = year_table_annex.ask("Hvor meget er afsat til klimatilpasning og grøn transport?")
    assert "Klimatilpasning – 800" in two.text and "Grøn transport – 600" in two.text, two.text
    assert two.text.count("Indsats – 2025 – 2026 – 2027 – I alt") == 1, two.text
    total = year_table_annex.ask("Hvad er det samlede budget for klimahandleplanen?")
    assert "I alt – 2.600 – 3.100 – 2.900 – 8.600" in total.text, total.text


def test_outstanding_followups_show_who_answers_for_each(tmp_path_factory) -> None:
    """A status note's open points name their owner ("Ansvarlig: Jonas Ravn, …"): the table
    of outstanding follow-ups has an "Ansvarlig" column with what each cited point says."""
    from tests.conftest import assistant_over

    note = (
        "Statusnotat: Handleplan for klima 2024-2026\n\nDato: 20.02.2025\n\n"
        "4. Udestående opfølgninger\n\nFølgende opfølgninger udestår pr. 20.02.2025:\n"
        "– Ny tidsplan og opdateret økonomi for regnvandsbassinet. Ansvarlig: Mette Frandsen, "
        "Natur og Miljø. Frist: 15. maj 2025.\n"
        "– Afklaring med netselskabet om solceller på Hedelund Skole. Ansvarlig: Jonas Ravn, "
        "Ejendomscenteret. Frist: 30. april 2025.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("owners"), {"statusnotat.txt": note})
    result, _ = facts(unseen, "Hvilke opfølgninger mangler stadig?", dt.date(2025, 3, 1))
    assert "| Opfølgning | Frist | Ansvarlig | Status | Kilde |" in result.text, result.text
    assert "| Jonas Ravn, Ejendomscenteret |" in result.text, result.text
    assert "| Mette Frandsen, Natur og Miljø |" in result.text, result.text


def test_an_items_own_decision_answers_not_another_item_mentioning_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "Blev forsøget med mobilfri skoledag vedtaget?": item 192's own decision ("Udsat.")
    answers, not the agenda's approval that mentions "punkt 192 om forsøg med mobilfri
    skoledag" in passing."""
    from tests.conftest import assistant_over

    minutes = (
        "Børne- og Ungeudvalget\nReferat\n11. juni 2024\n\n"
        "187. Godkendelse af dagsorden\n"
        "Indstilling\nForvaltningen indstiller, at dagsordenen godkendes.\n"
        "Beslutning i Børne- og Ungeudvalget den 11. juni 2024\n"
        "Godkendt.\nFormanden oplyste, at punkt 192 om forsøg med mobilfri skoledag blev "
        "behandlet efter punkt 193 af hensyn til skolechefens deltagelse i et andet møde.\n\n"
        "192. Forsøg med mobilfri skoledag i 4.-9. klasse\n"
        "Resumé\nForvaltningen har beskrevet et forsøg med mobilfri skoledag på tre skoler.\n"
        "Indstilling\nForvaltningen indstiller, at forsøget gennemføres i skoleåret 2024/25.\n"
        "Beslutning i Børne- og Ungeudvalget den 11. juni 2024\n"
        "Udsat.\nSagen genoptages på udvalgets møde den 13. august 2024.\n\n"
        "193. Sommeraktiviteter for unge 2024\n"
        "Beslutning i Børne- og Ungeudvalget den 11. juni 2024\nGodkendt.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("items"), {"referat.txt": minutes})
    answer = unseen.ask("Blev forsøget med mobilfri skoledag vedtaget?")
    assert "Udsat." in answer.text, answer.text
    assert "Formanden oplyste" not in answer.text, answer.text


def test_still_open_follow_ups_are_asked_by_the_plan_not_by_the_word_open(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "Hvilke opfølgninger på handleplanen … er stadig åbne?": "åbne" says outstanding, as
    "udestående" does; the plan names the topic, so a news item's "… forventes at åbne i 2027"
    is no follow-up of it."""
    from tests.conftest import assistant_over

    note = (
        "Statusnotat: Handleplan for sundhed og ældre\n\nDato: 24. oktober 2025\n\n"
        "4. Udestående opfølgninger\n\nFølgende opfølgninger er endnu ikke afsluttet:\n\n"
        "- Revideret tidsplan for Lindehøj Plejecenter forelægges udvalget. Ansvarlig: "
        "Ejendomschef Bo Winther. Frist: 3. december 2025.\n"
        "- Endelig aftale med Hospitalsenhed Midt om udskrivningskoordinator. Ansvarlig: "
        "Sundhedschef Rikke Dam. Frist: 15. februar 2026.\n"
    )
    news = (
        "Byrådet har vedtaget budget 2026\n\nDato: 9. oktober 2025\n\n"
        "Hertil kommer midlerne til driften af det nye Lindehøj Plejecenter, som forventes at "
        "åbne i 2027.\n"
    )
    others = {  # the plan's words are common in a folder about it; "åbne" is rare
        f"referat_{n}.txt": f"Referat {n}\n\nUdvalget drøftede handleplanen for sundhed og "
        f"ældre og status på sundhed og ældre i område {n}.\n"
        for n in range(1, 5)
    }
    unseen = assistant_over(
        tmp_path_factory.mktemp("open"), {"statusnotat.md": note, "nyhed.txt": news, **others}
    )
    answer = unseen.ask(
        "Hvilke opfølgninger på handleplanen for sundhed og ældre er stadig åbne?",
        as_of="2025-11-01",
    )
    assert "Hospitalsenhed Midt" in answer.text, answer.text
    assert "forventes at åbne" not in answer.text, answer.text


def test_a_name_as_key_word_is_found_whole_or_not_at_all(assistant: Assistant) -> None:
    """A compound's part can say it in other words ("dæmpning" of "støjdæmpning"), so a row
    with one part of the key word matches; a name ("Hjortsø Idrætsforening") is not said by
    "foreningens egne midler", so a grantee no document names is a near miss."""
    from assistant.question_terms import WordGroup

    facts = assistant.facts
    row = "projektet er finansieret af foreningens egne midler (62.000 kr.)"
    name = WordGroup("Idrætsforening", ("idrætsforening",), ("idræt", "forening"), 3.8)
    assert facts._row_match([name], row, "")[2] is False
    plain = WordGroup("idrætsforening", ("idrætsforening",), ("idræt", "forening"), 3.8)
    assert facts._row_match([plain], row, "")[2] is True


_ITEM_TABLE_MINUTES = """# Referat – Byrådet – 25. marts 2026

## 39. Anlægsbevilling – ny daginstitution Klitrosen i Sønderby

### Sagsfremstilling

Efter udbud er den samlede anlægsudgift opgjort til 42,8 mio. kr.

| 1.000 kr. | 2026 | 2027 | 2028 | I alt |
|---|---|---|---|---|
| Entreprise | 5.200 | 22.800 | 6.960 | 34.960 |
| Samlet anlægsudgift | 7.200 | 26.700 | 8.900 | 42.800 |

### Beslutning

Godkendt.

## 40. Cykelsti mellem Vesterhavn og Sandager

### Sagsfremstilling

Cykelstien koster 10,0 mio. kr. i alt.
"""


def test_a_table_row_is_shown_under_its_item_and_column_names(tmp_path) -> None:
    """ "Samlet anlægsudgift – 7.200 – 26.700 …" names neither the institution nor the years:
    the answer shows the agenda item's heading above it and the column names, whose unit
    cell "1.000 kr." is the table's unit, not an amount the quote lacks."""
    from tests.conftest import assistant_over

    unseen = assistant_over(tmp_path, {"referat.md": _ITEM_TABLE_MINUTES})
    answer = unseen.ask("Hvor stor er den samlede anlægsudgift til Klitrosen i 2027?")
    lines = answer.text.splitlines()
    assert lines[0].startswith("**39. Anlægsbevilling – ny daginstitution Klitrosen"), answer.text
    assert lines[1].startswith("1.000 kr. – 2026 – 2027 – 2028 – I alt ["), answer.text
    assert lines[2].startswith("Samlet anlægsudgift – 7.200 – 26.700"), answer.text


def test_approving_whose_proposal_with_a_vote_is_a_bare_approval() -> None:
    """ "Administrationens indstilling blev godkendt. For stemte 26: …" says nothing of its
    own: the answer shows the Indstilling it approved; an approval with a change does not."""
    from assistant.facts_answers import _bare_approval

    assert _bare_approval(
        "Administrationens indstilling blev godkendt.\nFor stemte 26: A, V, F og Æ. "
        "Imod stemte 1: D."
    )
    assert not _bare_approval("Godkendt med den ændring, at beløbet nedsættes til 2 mio. kr.")


def test_a_recommendation_to_the_asked_body_is_not_its_decision(tmp_path_factory) -> None:
    """ "Hvad besluttede Byrådet endeligt …?" when the minutes hold only Økonomiudvalget's
    recommendation to Byrådet: the answer says that the council's own decision is not in the
    documents, and the committee's decision still answers a question about the committee."""
    from tests.conftest import assistant_over

    minutes = (
        "Referat – Økonomiudvalget – 17. marts 2026\n\n"
        "6. Ny parkeringstakst i bymidten\n\n"
        "Sagsfremstilling\n\n"
        "Forvaltningen foreslår, at timetaksten for betalingsparkering i zone 1 hæves fra 12 kr. "
        "til 16 kr.\n\n"
        "Indstilling\n\n"
        "Direktionen indstiller, at det over for Byrådet anbefales, at taksten hæves.\n\n"
        "Beslutning i Økonomiudvalget den 17. marts 2026\n\n"
        "Indstillingen blev sat til afstemning. For stemte: A, V og C (6). Imod stemte: F og Ø "
        "(2). Indstillingen er dermed anbefalet over for Byrådet.\n"
    )
    assistant = assistant_over(tmp_path_factory.mktemp("forwarded"), {"oeu.txt": minutes})
    council = assistant.ask("Hvad besluttede Byrådet endeligt om den nye parkeringstakst?")
    assert council.abstained, council.text
    assert "ikke Byrådets egen beslutning" in council.text, council.text
    committee = assistant.ask("Hvad besluttede Økonomiudvalget om den nye parkeringstakst?")
    assert not committee.abstained and "anbefalet over for Byrådet" in committee.text


def test_an_item_titled_by_the_subject_beats_a_decision_naming_the_body(tmp_path_factory) -> None:
    """ "Hvad besluttede Økonomiudvalget … om tidsplanen …?": another item's decision that
    names the committee and mentions "tidsplan" in passing is not the item titled by it."""
    from tests.conftest import assistant_over

    minutes = (
        "# Referat – Økonomiudvalget – 8. april 2025\n\n"
        "## 2. Anlægsbevilling – udvidelse af Børnehuset Solsikken\n\n"
        "Der søges en anlægsbevilling på 7,3 mio. kr.\n\n"
        "### Beslutning i Økonomiudvalget den 08-04-2025\n\n"
        "Økonomiudvalget anbefaler over for Byrådet, at bevillingen gives. Birthe Nørgaard (F) "
        "bad om, at Byrådet orienteres om den endelige tidsplan, når entreprenøren er valgt.\n\n"
        "## 6. Tidsplan for budgetlægningen 2026-2029\n\n"
        "Direktionen fremlægger forslag til tidsplan for budgetlægningen.\n\n"
        "### Beslutning i Økonomiudvalget den 08-04-2025\n\n"
        "Godkendt med den ændring, at budgetseminaret flyttes til 21.-22. august 2025.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("titled-item"), {"oeu.md": minutes})
    answer = unseen.ask(
        "Hvad besluttede Økonomiudvalget den 8. april 2025 om tidsplanen for budget 2026-2029?"
    )
    assert "budgetseminaret flyttes" in answer.text, answer.text
    assert "entreprenøren" not in answer.text, answer.text


def test_an_allocation_that_says_more_than_its_lead_is_quoted_under_it(tmp_path_factory) -> None:
    """ "Til <initiativ> er der afsat <beløb>" restates the amount's sentence; when the sentence
    says more ("…, svarende til to fuldtidsstillinger") it is quoted under the lead."""
    from tests.conftest import assistant_over

    plan = (
        "# Trivselshandleplan 2026-2028\n\n## 3. Initiativer\n\n"
        "### Initiativ 1: Trivselsvejledere i indskolingen\n\n"
        "Der afsættes 900.000 kr. årligt i 2026-2028, svarende til to fuldtidsstillinger.\n\n"
        "### Initiativ 2: Forældrenetværk\n\nDer afsættes 150.000 kr. til dette.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("says-more"), {"handleplan.md": plan})
    more = unseen.ask("Hvor meget er der budgetteret med til trivselsvejledere i indskolingen?")
    assert "900.000 kr." in more.text and "to fuldtidsstillinger" in more.text, more.text
    bare = unseen.ask("Hvor meget er der afsat til forældrenetværk?")
    assert "150.000 kr." in bare.text and "til dette" not in bare.text, bare.text


def test_time_words_and_size_words_name_no_topic(tmp_path_factory) -> None:
    """ "Hvor stort er budgettet for bosætningskampagnen i år?": "i år" says when and "stort"
    how much, neither what. Read as topic words, they matched a loan's "løbetid på 25 år" in the
    same minutes, and the loan answered a question about the campaign."""
    from tests.conftest import assistant_over

    assistant = assistant_over(
        tmp_path_factory.mktemp("time-words"),
        {
            "byraad_referat_2026-06-24.md": "# Referat – Byrådet – 24. juni 2026\n\n"
            "## 575. Havnen – kommunegaranti for lån\n\n"
            "Havnen anmoder om kommunegaranti for et stort lån i KommuneKredit på 6,5 mio. kr. "
            "med en løbetid på 25 år. Der opkræves en garantiprovision, første år ca. 32.500 "
            "kr.\n\n"
            "## 576. Bosætningskampagnen »Plads til livet« – status\n\n"
            "Bosætningskampagnen startede den 1. marts 2026 med et budget på 1,2 mio. kr. "
            "Kampagnens samlede budget for 2026 er dermed 1,45 mio. kr. inklusive "
            "tillægsbevillingen.\n",
        },
    )
    answer = assistant.ask("Hvor stort er budgettet for bosætningskampagnen i år i alt?")
    assert "1,45 mio. kr." in answer.text, answer.text
    assert "KommuneKredit" not in answer.text, answer.text


SCHOOL_BUS_MINUTES_MD = """# Referat – Børne- og Skoleudvalget – 3. februar 2026

## Punkt 7: Udbud af skolebuskørsel 2026-2030

### Sagsfremstilling

Kørslen udbydes i tre delaftaler. Tildelingskriterium: bedste forhold mellem pris og
kvalitet, med vægtning pris 60 pct., kvalitet 30 pct. og miljø 10 pct.

### Indstilling

Direktøren indstiller, at udbudsmaterialet godkendes.

### Beslutning

Godkendt med den ændring, at miljø vægtes med 20 pct. og pris med 50 pct., mens kvalitet
fastholdes på 30 pct.
"""


def test_a_decision_that_changes_the_proposal_shows_what_was_proposed(tmp_path_factory) -> None:
    """ "Godkendt med den ændring, at miljø vægtes med 20 pct. …" comes with the case's
    sentence it changed ("… pris 60 pct., kvalitet 30 pct. og miljø 10 pct."), cited: what
    the committee changed is read against what was proposed."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("changed-proposal"), {"bsu_2026-02-03.md": SCHOOL_BUS_MINUTES_MD}
    )
    answer = unseen.ask("Hvad besluttede udvalget om vægtningen i udbuddet af skolebuskørsel?")
    assert "miljø vægtes med 20 pct." in answer.text, answer.text
    assert "Forslaget var:" in answer.text and "miljø 10 pct." in answer.text, answer.text


_BOARD_MINUTES_MD = """# Beredskab Vestkyst I/S – Referat af bestyrelsesmøde

**Dato:** 24. april 2031

## 4. Sager til beslutning

### 4.1 Budgetforslag 2032 og overslagsår 2033-2035

Administrationen har udarbejdet budgetforslag 2032 med et samlet ejerbidrag på 48,6 mio. kr.

**Beslutning:**
Godkendt med den ændring, at reduktionsforslag R1 indarbejdes, så ejerbidraget for 2032
reduceres med 0,8 mio. kr. til 47,8 mio. kr.

Ejerbidraget for 2032 fordeles herefter således:

| Ejerkommune | Andel | Ejerbidrag 2032 (kr.) |
|---|---|---|
| Tarmby Kommune | 55 % | 26.290.000 |
| Vesterlev Kommune | 45 % | 21.510.000 |

Budgetforslaget sendes i høring hos ejerkommunerne.

### 4.2 Risikobaseret dimensionering – udsendelse i høring

Beredskabet har udarbejdet et udkast til ny plan for risikobaseret dimensionering, som
beredskabet skal sende i høring hos ejerkommunerne.

**Beslutning:**
Godkendt med den ændring, at høringsperioden forlænges fra 4 til 6 uger.
"""


def test_a_boards_decision_on_its_budget_is_the_budget_items(tmp_path_factory) -> None:
    """ "Hvad besluttede beredskabets bestyrelse om budgettet for 2032?": "budgettet" is the
    asked item (a money word, but no amount is asked), and "beredskabets" names the minutes'
    owner, every item's, not item 4.2 whose text says "beredskabet". The decision's table is
    shown as rows, and the text after it on a line of its own."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("board"), {"bestyrelsesreferat.md": _BOARD_MINUTES_MD}
    )
    answer = unseen.ask("Hvad besluttede beredskabets bestyrelse om budgettet for 2032?")
    assert "reduktionsforslag R1" in answer.text, answer.text
    assert "høringsperioden" not in answer.text, answer.text
    assert "\n- Tarmby Kommune [" in answer.text, answer.text
    assert "– 26.290.000 [" in answer.text, answer.text
    assert "\nBudgetforslaget sendes i høring" in answer.text, answer.text


_TRAFFIC_MINUTES = (
    "Teknik- og Trafikudvalget\nReferat\n3. marts 2031\n\n"
    "2. Trafikplan 2031-2036 - endelig godkendelse efter høring\n"
    "Indstilling\nForvaltningen indstiller, at trafikplanen godkendes.\n"
    "Beslutning i Teknik- og Trafikudvalget den 3. marts 2031\n"
    "Anbefales over for Byrådet med den ændring, at projekt 2.3 fremrykkes til 2032.\n\n"
    "6. Henvendelse om fartdæmpning på Skolevej\n"
    "Resumé\nEn borgergruppe ønsker fartdæmpning på Skolevej.\n"
    "Indstilling\nForvaltningen indstiller, at ønsket vurderes ved midtvejsevalueringen af "
    "trafikplanen.\n"
    "Beslutning i Teknik- og Trafikudvalget den 3. marts 2031\n"
    "Udsat. Udvalget ønsker at besigtige Skolevej inden næste møde den 7. april 2031.\n"
)
_TRAFFIC_PLAN_MD = (
    "# Trafikplan 2031-2036\n\nTrafikplanen samler kommunens projekter for trafiksikkerhed. "
    "Trafikplanen prioriterer skoleveje. Trafikplanen evalueres midtvejs i 2033, og "
    "trafikplanen revideres i 2036.\n"
)


def test_the_meeting_a_question_names_is_no_key_to_its_items(tmp_path_factory) -> None:
    """ "… om trafikplanen på mødet i marts": the meeting is every item's; an item whose
    decision mentions "næste møde" is not the one asked about."""
    from tests.conftest import assistant_over

    unseen = assistant_over(
        tmp_path_factory.mktemp("meeting"),
        {"referat.txt": _TRAFFIC_MINUTES, "trafikplan.md": _TRAFFIC_PLAN_MD},
    )
    question = "Hvad besluttede Teknik- og Trafikudvalget om trafikplanen på mødet i marts 2031?"
    result, _ = facts(unseen, question)  # the decision rows' own choice, before any sentence
    assert "fremrykkes til 2032" in result.text, result.text
    assert "besigtige" not in result.text, result.text
    assert "fremrykkes til 2032" in unseen.ask(question).text


_EXPECTED_ACCOUNTS_PAGE = [
    "5. Forventet regnskab pr. udvalg",
    "5.7 Kultur- og Fritidsudvalget",
    "Idrætsanlæg og svømmehal forventer et mindreforbrug på 0,8 mio. kr. Heraf skyldes 0,65 mio.",
    "kr. en varig energibesparelse efter udskiftning af ventilationsanlægget i Tarmby Svømmehal,",
    "som foreslås tilbageført til kassen (tillægsbevilling nr. 9).",
    "5.8 Status på landsbyprojekter",
    "Cykelstien Østby-Vestby er forsinket, fordi ekspropriationen ikke er afsluttet.",
    "Der er gravet 14 nye vandhuller. Prisen har ligget mellem 15.000 og 30.000 kr. pr. vandhul.",
]


def test_an_amount_across_a_pdf_line_is_one_amount_and_a_body_no_initiative(tmp_path) -> None:
    """ "0,65 mio.\\nkr." is shown as "0,65 mio. kr." (never a line "kr. [1]"), and the
    committee heading above it is who spends it, not what it is for: no "Til Kultur- og
    Fritidsudvalget er der bevilget …"."""
    from tests.conftest import assistant_for_docs
    from tests.ingest.conftest import write_pdf

    (tmp_path / "docs").mkdir()
    write_pdf(tmp_path / "docs" / "budgetopfoelgning.pdf", [_EXPECTED_ACCOUNTS_PAGE])
    unseen = assistant_for_docs(tmp_path)
    answer = unseen.ask("Hvor meget sparer ventilationsanlægget i Tarmby Svømmehal?")
    assert "0,65 mio. kr." in answer.text, answer.text
    assert not answer.text.startswith("kr."), answer.text
    assert "Til kultur- og Fritidsudvalget" not in answer.text, answer.text
    # "mellem" is a function word: "cykelstien mellem Østby og Vestby" is not the ponds' price
    path = unseen.ask("Hvad koster cykelstien mellem Østby og Vestby?")
    assert path.abstained, path.text


def test_the_committee_asked_generically_is_the_one_whose_decision_is_recorded() -> None:
    """ "Hvad besluttede udvalget …?" over a committee's "Anbefales godkendt … over for
    Økonomiudvalget" asks that committee's decision, which its recommendation is; "Hvad
    besluttede Økonomiudvalget …?" over the same row asks the other body's own (probe 94)."""
    from assistant.facts_answers import _forwarded_to_asked_body

    row = {
        "committee": "Erhvervs- og Turismeudvalget",
        "decision": "Anbefales godkendt over for Økonomiudvalget med den ændring, at "
        "tillægsbevillingen finansieres af kassebeholdningen.",
    }
    assert _forwarded_to_asked_body("Hvad besluttede udvalget om havnebadet?", row) == ""
    notice = _forwarded_to_asked_body("Hvad besluttede Økonomiudvalget om havnebadet?", row)
    assert "anbefaling til Økonomiudvalget" in notice, notice


PROPOSAL_FRAME_MD = """# Referat – Teknik- og Miljøudvalget – 7. oktober 2025

## 103. Affald Vestegn I/S – Investeringsplan 2026-2030 og kommunegaranti

### Indstilling

Direktøren anbefaler, at Hjortlund Kommune stiller garanti for selskabets lån, og at
garantien godkendes.

### Beslutning i Teknik- og Miljøudvalget den 7. oktober 2025

Anbefales med den ændring, at selskabets bestyrelse forelægger en opdateret driftsøkonomi for
Hjortlund Kommune. Oversendes til Økonomiudvalget.

## 106. Trafiksikkerhedsplan 2026-2029

### Indstilling

Direktøren indstiller, at Trafiksikkerhedsplan 2026-2029 godkendes.

### Beslutning i Teknik- og Miljøudvalget den 7. oktober 2025

Godkendt med den ændring, at krydset Skolevej/Ringvejen gennemføres i 2026.
"""

# the plan itself and a status note name it too: it is no rare word of the folder
PLAN_TXT = """Trafiksikkerhedsplan 2026-2029

Trafiksikkerhedsplanen omfatter 12 projekter ved skoleveje. Trafiksikkerhedsplanen
prioriterer krydsene efter antallet af uheld.
"""
STATUS_TXT = """Status på trafiksikkerhedsplanen

Trafiksikkerhedsplanen følges op hvert halve år.
"""


def test_a_decision_held_against_its_proposal_is_found_by_its_subject(tmp_path_factory) -> None:
    """ "Blev trafiksikkerhedsplanen godkendt som foreslået?": "som foreslået" says what the
    decision is compared with, so the item whose recommendation "anbefaler" (a synonym of
    "foreslå") does not answer in place of the item the question names (blind probe 100)."""
    from tests.conftest import assistant_over

    minutes = assistant_over(
        tmp_path_factory.mktemp("frame"),
        {
            "tmu_2025-10-07_referat.md": PROPOSAL_FRAME_MD,
            "trafiksikkerhedsplan.txt": PLAN_TXT,
            "status_trafiksikkerhed.txt": STATUS_TXT,
        },
    )
    answer = minutes.ask("Blev trafiksikkerhedsplanen i Hjortlund godkendt som foreslået?")
    assert "krydset Skolevej/Ringvejen" in answer.text, answer.text
    assert "driftsøkonomi" not in answer.text
