"""Decision rows: recommendation and decision kept apart, outcomes, votes."""

from pathlib import Path

import pytest

from ingest.facts import record_for_path, record_from_text
from ingest.facts.decisions import decision_outcome, extract_decisions
from ingest.facts.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def test_committee_case_decision():
    doc = record_for_path(CORPUS / "bufu_2021-06-07_568_task_force_status.txt")
    (d,) = extract_decisions(doc)
    assert d.item_number == "568"
    assert d.item_title == "Status på Task Force-projektet i Afdeling for Børn og Familie (O)"
    assert d.outcome == "taget til efterretning"
    assert d.quote == "Taget til efterretning."
    assert doc.text[d.start : d.end] == d.quote
    assert d.decision_date == "2021-06-07"
    assert d.committee == "Børne- og Ungeudvalget"
    assert d.recommendation == doc.text[d.recommendation_start : d.recommendation_end]
    assert d.recommendation.startswith("Social- og Projektchefen indstiller,")
    assert d.recommendation.endswith("tager status på Task Force-projektet til orientering.")
    assert d.decision == doc.text[d.decision_start : d.decision_end]
    assert "Taget til efterretning." in d.decision
    assert "indstiller" not in d.decision
    assert d.decision.endswith(
        "Udvalget får tilsendt organisationsdiagram med angivelse af medarbejdere."
    )


@pytest.mark.parametrize(
    "name",
    [
        "bilag2_kompetencepulje_2006_sof.txt",
        "kommissorium_socialcentre_jobcentre_2005.txt",
        "norddjurs_status_handleplan_arbejdsmarked_2015.txt",
        "silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt",
    ],
)
def test_documents_without_items_have_no_decisions(name):
    assert extract_decisions(record_for_path(CORPUS / name)) == []


AGENDA = """Økonomiudvalget - Referat 3. marts 2024

12. Ny skolestruktur

Sagens indhold

Forvaltningen har udarbejdet et forslag til ny skolestruktur, som har været i høring.

Indstilling

Forvaltningen indstiller, at forslaget godkendes.

Beslutning i Økonomiudvalget den 3. marts 2024:

Udsat.

13. Salg af Torvegade 22

Sagens indhold

Ejendommen har været udbudt til salg, og der er modtaget tre bud på ejendommen.

Indstilling

Forvaltningen indstiller, at ejendommen sælges til højestbydende.

Beslutning i Økonomiudvalget den 3. marts 2024:

Indstillingen blev godkendt. For stemte 5 (A, V). Imod stemte 2 (Ø).

14. Orientering om sygefravær

Sagens indhold

Sygefraværet er faldet i det seneste kvartal i hele forvaltningen og på skolerne.

Indstilling

Forvaltningen indstiller, at orienteringen tages til efterretning.
"""


def test_agenda_with_several_items_outcomes_votes_and_missing_decision():
    doc = record_from_text(AGENDA, "referat.txt")
    got = extract_decisions(doc)
    assert [(d.item_number, d.outcome) for d in got] == [
        ("12", "udsat"),
        ("13", "godkendt"),
        ("14", None),
    ]
    assert got[0].decision == "Udsat."
    assert got[1].votes == "For stemte 5 (A, V). Imod stemte 2 (Ø)."
    assert got[1].committee == "Økonomiudvalget"
    last = got[2]
    # the recommendation is kept, and never presented as the decision
    assert (
        last.recommendation == "Forvaltningen indstiller, at orienteringen tages til efterretning."
    )
    assert last.decision is None and last.decision_date is None
    assert last.quote == "14. Orientering om sygefravær"
    for d in got:
        assert doc.text[d.start : d.end] == d.quote


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Taget til efterretning.", "taget til efterretning"),
        ("Udvalget tog orienteringen til efterretning.", "taget til efterretning"),
        ("Godkendt.", "godkendt"),
        ("Indstillingen blev ikke godkendt.", "afvist"),
        ("Sagen blev udsat til næste møde.", "udsat"),
        ("Sagen oversendes til Økonomiudvalget.", "oversendt"),
        ("Anbefales over for Byrådet.", "anbefalet"),
        ("Forslaget sendes i høring i perioden 19. maj til 14. juli 2025.", "sendt i høring"),
        ("Fraværende: Jens Hansen", None),
    ],
)
def test_decision_outcome(text, outcome):
    assert decision_outcome(text)[0] == outcome


def test_decision_in_parts_gives_one_row_per_outcome_and_orientation_only_gives_none():
    text = (
        "Referat\n\n3. Puljen, frie midler\n\nSagsnr.: 24-000001\n\n"
        "Indstilling\n\nAdministrationen indstiller, at sagen tages til efterretning.\n\n"
        "Beslutning\n\nAd 1) Sagen blev taget til efterretning\n\nAd 2-4) Godkendes\n\n"
        "8. Orientering fra formanden\n\nSagsnr.: 24-000002\n\n"
        "Indstilling\n\nFormanden orienterer.\n\n"
        "Beslutning\n\nMøde med Ældre Sagen den 9. april 2024.\n\n"
        "9. Huskeliste\n\nSagsnr.: 24-000003\n\n"
        "Indstilling\n\nAdministrationen orienterer.\n\n"
        "Beslutning\n\nOrienteringen blev taget til efterretning.\n\n"
        "10. KL's forum\n\nSagsnr.: 24-000004\n\n"
        "Indstilling\n\nUdvalget beslutter deltagelse.\n\n"
        "Beslutning\n\nSagen genoptages på næste ordinære møde.\n"
    )
    doc = record_from_text(text, "referat.txt")
    got = extract_decisions(doc)
    for d in got:
        assert doc.text[d.start : d.end] == d.quote
    assert [(d.item_number, d.outcome, d.quote) for d in got] == [
        ("3", "taget til efterretning", "Ad 1) Sagen blev taget til efterretning"),
        ("3", "godkendt", "Ad 2-4) Godkendes"),
        ("9", "taget til efterretning", "Orienteringen blev taget til efterretning."),
        ("10", "udsat", "Sagen genoptages på næste ordinære møde."),
    ]


def test_a_decision_the_body_states_in_its_own_words_is_a_decision():
    """ "Udvalget bad forvaltningen om at fremlægge en handleplan …" names no outcome word, but
    the committee is its subject: it is the item's decision (outcome unknown), unlike a
    "Beslutning" that only lists orientation points."""
    text = (
        "Referat\n\n6. Sygefravær på dagtilbudsområdet 2024\n\nSagsnr.: 25-000006\n\n"
        "Resumé\n\nSygefraværet var 7,9 pct. i 2024.\n\n"
        "Beslutning\n\nUdvalget bad forvaltningen om at fremlægge en handleplan for "
        "nedbringelse af sygefraværet på udvalgets møde den 8. september 2025.\n\n"
        "7. Orientering fra formanden\n\nSagsnr.: 25-000007\n\n"
        "Resumé\n\nFormanden orienterer.\n\n"
        "Beslutning\n\nMøde med Ældre Sagen den 9. april 2025.\n"
    )
    doc = record_from_text(text, "referat.txt")
    got = extract_decisions(doc)
    assert [(d.item_number, d.outcome) for d in got] == [("6", None)]
    assert got[0].decision.startswith("Udvalget bad forvaltningen om at fremlægge en handleplan")


def test_points_decided_as_ad_n_full_stop_give_one_row_each():
    """ "Ad 1. Taget til efterretning." / "Ad 2. Udsat." (another portal's form of "Ad 1)"):
    both outcomes are kept, not only the first."""
    text = (
        "Referat\n\n2. Ny skolestruktur i Hinnerup\n\nSagsnr.: 23/9876\n\n"
        "Indstilling\n\nDirektøren indstiller, at høringssvarene tages til efterretning, og at "
        "den nye skolestruktur godkendes.\n\n"
        "Beslutning\n\nAd 1. Taget til efterretning.\nAd 2. Udsat. Udvalget ønsker en "
        "belysning af konsekvenserne for skolevejen.\n"
    )
    doc = record_from_text(text, "referat.txt")
    got = extract_decisions(doc)
    assert [(d.item_number, d.outcome) for d in got] == [
        ("2", "taget til efterretning"),
        ("2", "udsat"),
    ]


def test_project_minutes_record_decisions_in_the_text_of_an_item(tmp_path):
    path = tmp_path / "referat_2026-01-20.md"
    path.write_text(
        "# Referat : projektmøde 20.01.2026\n\n## Møde referat\n\n"
        "### AD 1: Økonomi\n\nIndsamlingen har nået 94 % af målet.\n\n"
        "### AD 2: Deltagerkreds\n\nDer var enighed om at sætte promoveringen på pause.\n\n"
        "### AD 3: Projektorganisering\n\n"
        "Etablering af styregruppe udskydes til næste møde.\n\n"
        "### AD 4: Status\n\n"
        "| Nr. | Handling | Status |\n|---|---|---|\n"
        "| 17 | Anvende elementer | Det blev besluttet at anvende dem |\n",
        encoding="utf-8",
    )
    doc = record_for_path(path)
    got = extract_decisions(doc)
    assert [(d.item_number, d.item_title, d.outcome, d.quote) for d in got] == [
        ("2", "Deltagerkreds", "godkendt", "Der var enighed om at sætte promoveringen på pause."),
        ("3", "Projektorganisering", "udsat", "Etablering af styregruppe udskydes til næste møde."),
    ]


def test_history_of_the_case_gives_the_earlier_committees_decisions():
    text = (
        "Referat\n\n5. Målgruppe for botilbud i Dahliahuset\n\nSagsnr.: 23-003614\n\n"
        "Beslutning\n\nTaget til efterretning.\n\n"
        "Sagsbeskrivelse\n\nSagen beskriver et forslag.\n"
        "Sagens forløb\n"
        "05-02-2024 Sundheds- og Omsorgsudvalget\n"
        "Godkendt i det udvalget takker for høringssvar.\n"
        "06-02-2024 Økonomiudvalget\n"
        "Økonomiudvalget anbefaler overfor Byrådet, at sagen tages til efterretning.\n"
    )
    doc = record_from_text(text, "referat.txt")
    got = extract_decisions(doc)
    for d in got:
        assert doc.text[d.start : d.end] == d.quote
    assert [(d.item_number, d.outcome, d.decision_date) for d in got] == [
        ("5", "taget til efterretning", None),
        ("5", "godkendt", "2024-02-05"),
        ("5", "anbefalet", "2024-02-06"),
    ]
    assert [d.committee for d in got[1:]] == ["Sundheds- og Omsorgsudvalget", "Økonomiudvalget"]


def test_history_entries_dated_with_slashes_count_too():
    """Other exports of the same portal date the entries "24/09/2025"; the entry's line is
    the heading an answer cites for that committee's decision."""
    from ingest.facts.decisions import history_entry_before

    text = (
        "Referat\n\n7. Budget 2026-2029\n\nSagsnr.: 25-001234\n\n"
        "Beslutning\n\nGodkendt.\n\n"
        "Sagsbeskrivelse\n\nSagen beskriver budgettet.\n"
        "Sagens forløb\n"
        "24/09/2025 Økonomiudvalget\n"
        "Økonomiudvalget anbefaler overfor Byrådet, at administrationens indstilling godkendes.\n"
    )
    doc = record_from_text(text, "referat.txt")
    got = extract_decisions(doc)
    assert [(d.outcome, d.decision_date, d.committee) for d in got] == [
        ("godkendt", None, None),
        ("anbefalet", "2025-09-24", "Økonomiudvalget"),
    ]
    start, end = history_entry_before(doc.text, got[1].start)
    assert doc.text[start:end] == "24/09/2025 Økonomiudvalget"
    assert history_entry_before(doc.text, got[0].start) is None


def test_the_attendance_line_is_not_part_of_the_decision():
    """ "Fraværende: ..." before the decision is skipped; after it, it ends the decision (in a
    PDF what follows is often the next part of the case); a decision of absences only is none."""
    text = (
        "Referat\n\n4. Tilskud til foreninger\n\nSagsnr.: 24-000005\n\n"
        "Indstilling\n\nAdministrationen indstiller, at tilskuddene godkendes.\n\n"
        "Beslutning\n\nFraværende: Jens Hansen\n\nGodkendt.\n\n"
        "5. Budgetopfølgning\n\nSagsnr.: 24-000006\n\n"
        "Indstilling\n\nAdministrationen indstiller, at opfølgningen tages til efterretning.\n\n"
        "Beslutning\n\nTaget til efterretning.\nFraværende: Ida Holm\nFremstilling\n"
        "Sagsprocedure Økonomiudvalget og Byrådet.\n\n"
        "6. Underskriftsark\n\nSagsnr.: 24-000007\n\n"
        "Indstilling\n\nUnderskrift.\n\nBeslutning\n\nFraværende: Ida Holm\n"
    )
    doc = record_from_text(text, "referat.txt")
    got = extract_decisions(doc)
    assert [(d.item_number, d.outcome, d.decision) for d in got] == [
        ("4", "godkendt", "Godkendt."),
        ("5", "taget til efterretning", "Taget til efterretning."),
    ]


def test_the_case_parts_after_a_decision_are_headings_of_their_own():
    """Agenda templates that print the decision first continue with "Fremstilling" and
    "Sagsprocedure": standard case headings, so the decision ends before them."""
    text = (
        "Referat – Kultur- og Fritidsudvalget – 8. februar 2023\n"
        "1. Godkendelse af dagsorden\nSagsnr.: 21-014482\nBeslutning\nGodkendt.\n \n"
        "Fremstilling\nSagsprocedure\nKultur- og Fritidsudvalget.\nResume\n"
        "Godkendelse af dagsorden for mødet den 8. februar 2023.\nIndstilling\n"
        "Administrationen indstiller, at dagsordenen godkendes.\n"
    )
    doc = record_from_text(text, "referat.pdf")
    (row,) = extract_decisions(doc)
    assert row.decision == "Godkendt."
    assert "Sagsprocedure" in [s.title for s in doc.sections]


def test_a_decision_in_running_text_keeps_the_rest_of_its_paragraph(tmp_path):
    """ "Der var enighed om at sætte ... på pause. De fire kommuner vurderes ...": the reason
    that follows in the same paragraph belongs to the decision; the next paragraph does not."""
    text = (
        "# Referat : projektmøde 20.01.2026\n\n### AD 2: Deltagerkreds\n\n"
        "Der var enighed om at sætte promoveringen på pause. De fire kommuner udgør en "
        "tilstrækkelig kreds.\n\nAndre kommuner er fortsat velkomne.\n\n### AD 3: Status\n\n"
        "Orientering om status.\n"
    )
    path = tmp_path / "referat_2026-01-20.md"
    path.write_text(text, encoding="utf-8")
    doc = record_for_path(path)
    (row,) = extract_decisions(doc)
    assert row.quote == "Der var enighed om at sætte promoveringen på pause."
    assert doc.text[row.decision_start : row.decision_end] == (
        "Der var enighed om at sætte promoveringen på pause. De fire kommuner udgør en "
        "tilstrækkelig kreds."
    )


def test_decision_records_by_their_status_field(tmp_path: Path):
    """A decision log's records: "Status: Besluttet" gives a decided row (the first paragraph
    after the fields, dated by "Dato:", decided by "Besluttet af:"), whatever its prose says
    ("… udskydes" was decided, not postponed); "Status: Under behandling" a proposal without
    a decision; a record without prose of its own is said by its title."""
    path = tmp_path / "beslutningslog.md"
    path.write_text(
        "# Beslutningslog – Styregruppen for Fælles Sagssystem\n\n"
        "## B-2025-09 Udskydelse af go-live\n\nDato: 12. september 2025\n"
        "Besluttet af: Styregruppen\nStatus: Besluttet\n\n"
        "Go-live udskydes fra 1. november 2025 til 2. marts 2026. Merudgiften er 600.000 kr.\n\n"
        "## B-2025-11 Uddannelse af superbrugere\n\nDato: 14. november 2025\n"
        "Besluttet af: –\nStatus: Under behandling\n\n"
        "Projektledelsen foreslår, at hver afdeling udpeger to superbrugere.\n\n"
        "## [SDR] Der skal etableres en styregruppe\n\n- **Dato**: 2025-06-15\n"
        "- **Status**: Accepteret\n- **Beslutningstagere**: Koordinationsgruppen\n"
        "- **Beslutningstype**: Strategisk\n",
        encoding="utf-8",
    )
    rows = {r.item_title: r for r in extract_decisions(record_for_path(path))}
    go_live = rows["B-2025-09 Udskydelse af go-live"]
    assert (go_live.outcome, go_live.decision_date, go_live.committee) == (
        "godkendt",
        "2025-09-12",
        "Styregruppen",
    )
    assert go_live.quote == "Go-live udskydes fra 1. november 2025 til 2. marts 2026."
    assert go_live.decision.endswith("Merudgiften er 600.000 kr.")
    pending = rows["B-2025-11 Uddannelse af superbrugere"]
    assert pending.decision is None and pending.outcome is None
    assert pending.recommendation.startswith("Projektledelsen foreslår")
    assert pending.quote == "Under behandling"
    assert pending.committee != "–"
    titled = rows["[SDR] Der skal etableres en styregruppe"]
    assert titled.decision == "[SDR] Der skal etableres en styregruppe"
    assert titled.committee == "Koordinationsgruppen"


def test_a_record_with_a_beslutning_section_keeps_that_one_row(tmp_path: Path):
    """Fields under "Beskrivelse af beslutningen" and the decision in "Beslutning": one row,
    the one the "Beslutning" section states."""
    path = tmp_path / "odr.md"
    path.write_text(
        "# [ODR] Ændring af projektplan\n\n## Beskrivelse af beslutningen\n\n"
        "- **Dato**: 2026-05-29\n- **Status**: Besluttet på styregruppemødet 4.6.2026\n"
        "- **Beslutningstagere**: Styregruppen\n\n## Kontekst\n\n"
        "Tilstandsrapporten giver mindre værdi end løbende bistand.\n\n## Beslutning\n\n"
        "Det besluttes at ændre projektplanen, så tilstandsrapporten udgår.\n",
        encoding="utf-8",
    )
    rows = extract_decisions(record_for_path(path))
    assert [r.quote for r in rows] == [
        "Det besluttes at ændre projektplanen, så tilstandsrapporten udgår."
    ]


def test_a_bodys_own_decision_heading_holds_the_items_decision(tmp_path: Path) -> None:
    """ "Byrådets beslutning" heads the item's decision as "Beslutning i Byrådet" does (a
    blind probe's council minutes), and names who decided."""
    text = (
        "Referat\nByrådet\nMødedato: 25. marts 2026\n\n"
        "§ 39 Anlægsbevilling – ny daginstitution i Sønderby\nSagsnr.: 26/00412\n"
        "Sagsfremstilling\nDer søges om en anlægsbevilling på 42,8 mio. kr. til institutionen.\n"
        "Administrationens indstilling\nAdministrationen indstiller, at anlægsbevillingen "
        "gives.\n"
        "Byrådets beslutning\nAdministrationens indstilling blev godkendt.\n"
        "For stemte 26: A, V, F, C, Ø, O og Æ. Imod stemte 1: D.\n\n"
        "§ 40 Meddelelser\nSagsnr.: 26/00013\nSagsfremstilling\nIngen meddelelser.\n"
        "Byrådets beslutning\nTil efterretning.\n"
    )
    path = tmp_path / "byraad_2026-03-25.txt"
    path.write_text(text, encoding="utf-8")
    rows = {row.item_number: row for row in extract_decisions(record_for_path(path))}
    assert rows["39"].decision.startswith("Administrationens indstilling blev godkendt.")
    assert rows["39"].committee == "Byrådet"
    assert rows["39"].outcome == "godkendt"


def test_a_proposal_not_adopted_is_rejected() -> None:
    """ "For stemte 2 (Ø). Imod stemte 21 … Forslaget blev dermed ikke vedtaget." records a
    rejection, not an approval because "vedtaget" stands in it."""
    text = (
        "Ø stillede forslaget til afstemning. For stemte 2 (Ø). Imod stemte 21 (A, V, C og D). "
        "Forslaget blev dermed ikke vedtaget."
    )
    assert decision_outcome(text)[0] == "afvist"
    assert decision_outcome("Forslaget blev vedtaget med 25 stemmer.")[0] == "godkendt"


def test_a_protocols_run_in_decision_is_the_items_decision() -> None:
    """A case system's protocol runs "Beslutning:" into its text ("Beslutning: Udvalget
    godkender, at …"): the label heads the item's decision, told in the present tense, and
    "Opfølgning: Vej og Park v/" + the caseworker's name on the next line stays one line."""
    record = record_from_text(
        "TEKNIK- OG MILJØUDVALGET\nBESLUTNINGSPROTOKOL\n\n"
        "Sag nr. 13 – TRAFIKSIKRING AF KRYDSET RINGVEJEN/VEDBYVEJ\n\n"
        "Resume: Skolevejen krydser Ringvejen ved Vedbyvej.\n\n"
        "Beslutning: Udvalget godkender, at krydset signalreguleres med\n"
        "fodgængerfelt og cykelboks. Anlægsudgiften på 2,1 mio. kr. afholdes af\n"
        "trafiksikkerhedspuljen 2027.\nOpfølgning: Vej og Park v/\n"
        "Søren Mølgaard sender opgaven i udbud senest 01.02.2027.\n\n"
        "Sag nr. 14 – AFFALDSGEBYRER 2027\n\nBeslutning: Sagen udsættes.\n",
        "protokol.txt",
    )
    rows = extract_decisions(record)
    assert [(r.item_title, r.outcome) for r in rows] == [
        ("TRAFIKSIKRING AF KRYDSET RINGVEJEN/VEDBYVEJ", "godkendt"),
        ("AFFALDSGEBYRER 2027", "udsat"),
    ]
    assert rows[0].quote.startswith("Udvalget godkender, at krydset signalreguleres")
    assert (
        "Opfølgning: Vej og Park v/\nSøren Mølgaard sender opgaven i udbud senest 01.02.2027."
        in [s.text for s in split_sentences(record.text)]
    )


def _portal_item(number: int, title: str, sections: str, attachments: str = "") -> str:
    return (
        f"<div class='fa-agenda-item'><div class='fa-item-header'>"
        f"<button class='fa-toggle' aria-expanded='true'><span>{number}.</span> "
        f"<span>{title}</span></button></div><div class='fa-item-body'>"
        f"<dl class='fa-meta'><dt>Sagsnr.</dt><dd>00.01.00-A00-{number}-26</dd>"
        f"<dt>Sagsansvarlig</dt><dd>Borgmesterens Sekretariat</dd></dl>{sections}"
        f"{attachments}</div></div>"
    )


def _portal_section(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<div class='fa-section'><div class='fa-section-title'>{title}</div>"
        f"<div class='fa-section-text'>{body}</div></div>"
    )


def test_a_portal_that_styles_its_case_headings_as_divs(tmp_path: Path) -> None:
    """An agenda portal titles each item with a toggle button ("22. Meddelelser", one word)
    and each case section with a styled <div>, lists the case fields as a <dl> and the
    attachments under the decision: every item is a section, its fields are rows, each case
    heading heads its text, and the decision ends before the attachments."""
    items = [
        _portal_item(
            21,
            "Godkendelse af dagsorden",
            _portal_section("Sagsfremstilling", "Dagsordenen forelægges til godkendelse.")
            + _portal_section("Beslutning", "Godkendt."),
        ),
        _portal_item(
            22,
            "Meddelelser",
            _portal_section("Sagsfremstilling", "Borgmesteren orienterede om trafikplanen.")
            + _portal_section("Beslutning", "Orienteringen blev taget til efterretning."),
        ),
        _portal_item(
            23,
            "Tillægsbevilling – vinterbekæmpelse 2026",
            _portal_section(
                "Indstilling",
                "Kommunaldirektøren indstiller, at der gives en tillægsbevilling på 1,35 mio. "
                "kr. til vinterbekæmpelse.",
            )
            + _portal_section(
                "Beslutning",
                "Godkendt med den ændring, at tillægsbevillingen nedsættes til 1,1 mio. kr.",
            ),
            "<div class='fa-attachments'><div class='fa-attachments-title'>Bilag</div><ul>"
            "<li><a href='b1.pdf'>Budgetopfølgning pr. 31.01.2026</a> (XLSX, 58 KB)</li>"
            "<li><a href='b2.pdf'>Vintertjenesten 2025-26</a> (PDF, 1,2 MB)</li></ul></div>",
        ),
    ]
    path = tmp_path / "byraad_2026-04-23.html"
    path.write_text(
        "<html><body><main><h1>Byrådet</h1><p>Mødedato 23. april 2026</p>"
        f"<div class='fa-agenda'>{''.join(items)}</div></main></body></html>",
        encoding="utf-8",
    )
    doc = record_for_path(path)
    assert [(s.number, s.title) for s in doc.sections if s.kind == "agenda_item"] == [
        ("21", "Godkendelse af dagsorden"),
        ("22", "Meddelelser"),
        ("23", "Tillægsbevilling – vinterbekæmpelse 2026"),
    ]
    assert "Sagsnr.\t00.01.00-A00-22-26" in doc.text
    rows = {d.item_number: d for d in extract_decisions(doc)}
    assert rows["22"].decision == "Orienteringen blev taget til efterretning."
    assert rows["23"].decision == (
        "Godkendt med den ændring, at tillægsbevillingen nedsættes til 1,1 mio. kr."
    )
    assert rows["23"].recommendation.startswith("Kommunaldirektøren indstiller")
