"""Budget rows: corpus documents end to end, and sentences written for the tests."""

from pathlib import Path

import pytest

from ingest.facts import record_for_path, record_from_text
from ingest.facts.budgets import classify_kind, extract_budgets, is_generic_title

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def rows(text: str, source: str = "test.txt"):
    doc = record_from_text(text, source)
    out = extract_budgets(doc)
    for r in out:
        assert doc.text[r.start : r.end] == r.quote
        assert doc.text[r.amount_start : r.amount_end] == r.amount_text
        assert r.amount_start >= r.start and r.amount_end <= r.end
    return out


def brief(r):
    return (r.amount_dkk, r.kind, r.year, r.parent_index, r.initiative, r.is_allocation)


def test_kompetencepulje_annex_amounts_belong_to_numbered_headings():
    doc = record_for_path(CORPUS / "bilag2_kompetencepulje_2006_sof.txt")
    got = extract_budgets(doc)
    for r in got:
        assert doc.text[r.start : r.end] == r.quote
    assert [(r.amount_text, r.initiative, r.kind, r.is_allocation) for r in got] == [
        ("10 mio. kr. årligt", "kompetenceudvikling i socialforvaltningen", "allocation", True),
        ("1,5 mio. kr.", "Personlig og faglig opkvalificering", "allocation", True),
        (
            "2,6 mio. kr.",
            "Effektive arbejdsgange med udgangspunkt i LEAN-management",
            "allocation",
            True,
        ),
        (
            "1,8 mio. kr.",
            "Retænkning/Revitalisering af socialt arbejde og opbygning af effektive "
            "team i den nye Socialforvaltning",
            "allocation",
            True,
        ),
        ("600.000 kr.", "Videndeling", "allocation", True),
        ("750.000 kr.", "Kompetenceudvikling af erfarne medarbejdere", "allocation", True),
        ("2 mio. kr.", "Udvikling af SOF som en attraktiv arbejdsplads", "allocation", True),
        (
            "750.000 kr.",
            "evaluering, opfølgning og igangsættelse af opfølgende initiativer på de "
            "seks indsatsområder",
            "allocation",
            True,
        ),
    ]
    videndeling = got[4]
    assert videndeling.quote == "Der afsættes 600.000 kr. til dette."
    assert videndeling.section.endswith("Videndeling")
    assert got[0].period == "årligt, 2006" and got[0].per == "år"


def test_kommissorium_extra_costs_periods_and_purposes():
    doc = record_for_path(CORPUS / "kommissorium_socialcentre_jobcentre_2005.txt")
    got = extract_budgets(doc)
    assert [(r.amount_dkk, r.kind, r.period, r.initiative, r.is_allocation) for r in got] == [
        (5_000_000, "extra_cost", "2005", "kontaktførelser", False),
        (11_000_000, "extra_cost", "2006 og frem", "kontaktførelser", False),
        (5_000_000, "extra_cost", "2005", "kontaktførelser", False),
        (11_000_000, "extra_cost", "2006 og frem", "kontaktførelser", False),
        (
            14_000_000,
            "other",
            "2006",
            "efteruddannelse og kompetenceudvikling for medarbejderne i de lokale centre",
            False,
        ),
        (
            2_750_000,
            "allocation",
            "2005",
            "kompetenceudvikling og efteruddannelse for medarbejdere",
            True,
        ),
    ]
    assert got[5].amount_text == "2,75 mill. kr."


def test_status_note_total_with_generic_heading_takes_the_named_subject():
    doc = record_for_path(CORPUS / "norddjurs_status_handleplan_arbejdsmarked_2015.txt")
    (r,) = extract_budgets(doc)
    assert brief(r) == (5_500_000, "total", None, None, "organisationsændringen", True)
    assert r.period == "2016-2019"
    assert r.quote == (
        "Den samlede økonomi i organisationsændringen er opgjort til 5,5 mio. kr. der er "
        "indarbejdet i Budget 2016-2019."
    )
    assert r.section.endswith("> Økonomi") and r.page == 5


@pytest.mark.parametrize(
    "name",
    [
        "bufu_2021-06-07_568_task_force_status.txt",
        "silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt",
    ],
)
def test_documents_without_amounts_have_no_rows(name):
    assert extract_budgets(record_for_path(CORPUS / name)) == []


def test_per_year_split_links_to_its_total():
    got = rows(
        "Økonomi\n\nDer afsættes i alt 18,2 mio. kr. til ombygning af rådhuset, fordelt med "
        "0,7 mio. kr. i 2025 og 17,5 mio. kr. i 2026.\n"
    )
    assert [brief(r) for r in got] == [
        (18_200_000, "total", None, None, "ombygning af rådhuset", True),
        (700_000, "allocation", 2025, 0, "ombygning af rådhuset", True),
        (17_500_000, "allocation", 2026, 0, "ombygning af rådhuset", True),
    ]
    assert {r.quote for r in got} == {
        "Der afsættes i alt 18,2 mio. kr. til ombygning af rådhuset, fordelt med 0,7 mio. kr. "
        "i 2025 og 17,5 mio. kr. i 2026."
    }


def test_per_year_amounts_without_total_share_verb_and_purpose():
    got = rows(
        "Der er afsat 0,7 mio. kr. i 2025, 17,5 mio. kr. i 2026 og 18,2 mio. kr. i 2027 til "
        "driften af det nye bosted."
    )
    assert [brief(r) for r in got] == [
        (700_000, "allocation", 2025, None, "driften af det nye bosted", True),
        (17_500_000, "allocation", 2026, None, "driften af det nye bosted", True),
        (18_200_000, "allocation", 2027, None, "driften af det nye bosted", True),
    ]


def test_range_keeps_both_ends():
    (r,) = rows("Udgiften til en ny it-løsning skønnes at udgøre 1-2 mio. kr.")
    assert (r.amount_dkk, r.amount_high, r.amount_text, r.initiative, r.is_allocation) == (
        1_000_000,
        2_000_000,
        "1-2 mio. kr.",
        "en ny it-løsning",
        False,
    )


def test_building_price_in_a_letter_is_not_an_allocation():
    (r,) = rows(
        "Kære Jens Hansen\n\nVi kan bekræfte, at ejendommen Torvegade 22 sælges for "
        "2.450.000 kr. Overtagelsen sker 1. marts 2024.\n\nMed venlig hilsen\nKommunen",
        "brev.txt",
    )
    assert (r.amount_dkk, r.kind, r.is_allocation) == (2_450_000, "other", False)
    assert r.quote == "Vi kan bekræfte, at ejendommen Torvegade 22 sælges for 2.450.000 kr."


def test_hourly_rate_and_salary_in_a_job_ad_are_not_allocations():
    got = rows(
        "Stillingsopslag: konsulent\n\nKonsulenten aflønnes med 650 DKK/time. Lønnen udgør "
        "herudover et tillæg på 2.000 kr. om måneden."
    )
    assert [(r.amount_dkk, r.kind, r.per, r.is_allocation) for r in got] == [
        (650, "hourly_rate", "time", False),
        (2000, "other", "måned", False),
    ]


def test_grant_financing_and_fronted_purpose():
    (g,) = rows("Socialstyrelsen har bevilget 2,5 mio. kr. til projektet Styrket sagsbehandling.")
    assert brief(g) == (2_500_000, "grant", None, None, "projektet Styrket sagsbehandling", True)
    (f,) = rows("Udgiften på 300.000 kr. finansieres af puljen til kompetenceudvikling.")
    assert (f.kind, f.is_allocation) == ("financing", True)
    got = rows(
        "Til projektet Bedre trivsel bevilges kr. 20.000,- fra fonden, DKK 50.000 fra kommunen "
        "og ½ mio. kr. fra staten."
    )
    assert [(r.amount_dkk, r.kind, r.initiative) for r in got] == [
        (20_000, "grant", "projektet Bedre trivsel"),
        (50_000, "grant", "projektet Bedre trivsel"),
        (500_000, "grant", "projektet Bedre trivsel"),
    ]


def test_purpose_skips_the_source_of_the_money_and_keeps_period_ranges():
    (r,) = rows(
        "Kommunalbestyrelsen besluttede at afsætte 500.000 kr. fra puljen til grøn omstilling "
        "til projektet Klimaskoler."
    )
    assert (r.kind, r.initiative) == ("allocation", "projektet Klimaskoler")
    (r,) = rows("Der er bevilget 2,5 mio. kr. årligt i perioden 2024-2027 til lokale klimaråd.")
    assert (r.kind, r.period, r.year, r.initiative) == (
        "grant",
        "årligt, 2024-2027",
        None,
        "lokale klimaråd",
    )
    (r,) = rows("Budgetrammen udgør 45,3 mio. kr. i 2024.")
    assert (r.kind, r.year, r.is_allocation) == ("total", 2024, True)


def test_numbered_sections_and_anaphoric_purpose():
    got = rows(
        "Kompetenceudvikling 2025\n\n1. Styrket introduktion\n\nNye medarbejdere får et "
        "introduktionsforløb over tre måneder. Der afsættes 400.000 kr. til dette.\n\n"
        "2. Supervision\n\nAlle rådgivere tilbydes supervision i grupper. Hertil afsættes "
        "1,2 mio. kr. årligt.\n"
    )
    assert [(r.amount_dkk, r.initiative, r.period) for r in got] == [
        (400_000, "Styrket introduktion", None),
        (1_200_000, "Supervision", "årligt"),
    ]


def test_table_in_thousand_kroner_gives_one_row_per_cell_with_column_year():
    got = rows(
        "Økonomiske konsekvenser\n\nTabel 1. Udgifter (1.000 kr.)\n2025 2026 2027\n"
        "Drift 700 17.500 18.200\nAnlæg 1.000 0 0\n\nBeløbene er i faste priser, og de indgår i "
        "budgetlægningen for de kommende år."
    )
    assert [(r.amount_dkk, r.year, r.initiative, r.quote) for r in got] == [
        (700_000, 2025, "Drift", "Drift 700 17.500 18.200"),
        (17_500_000, 2026, "Drift", "Drift 700 17.500 18.200"),
        (18_200_000, 2027, "Drift", "Drift 700 17.500 18.200"),
        (1_000_000, 2025, "Anlæg", "Anlæg 1.000 0 0"),
    ]


def test_extra_cost_periods_are_the_nearest_year_in_the_clause():
    got = rows(
        "Beregninger viser en merudgift i 2025 på 3 mio. kr. og for 2026 og frem forventes "
        "forøgede udgifter på 4,5 mio. kr."
    )
    assert [(r.amount_dkk, r.kind, r.period, r.year) for r in got] == [
        (3_000_000, "extra_cost", "2025", 2025),
        (4_500_000, "extra_cost", "2026 og frem", 2026),
    ]


@pytest.mark.parametrize(
    ("region", "per", "kind"),
    [
        ("Der afsættes 2 mio. kr. til dette", None, "allocation"),
        ("Byrådet har bevilget 2 mio. kr.", None, "grant"),
        ("en merudgift på 2 mio. kr.", None, "extra_cost"),
        ("finansieres af kassebeholdningen", None, "financing"),
        ("Den samlede ramme er 9 mio. kr.", None, "total"),
        ("Konsulenten koster 900 kr.", "time", "hourly_rate"),
        ("Huset er solgt for 2 mio. kr.", None, "other"),
        ("svarende til et ressourceniveau på 14 mill. kr.", None, "other"),
    ],
)
def test_classify_kind(region, per, kind):
    assert classify_kind(region, per) == kind


# --- the initiative of amounts in minutes and memos (forms of the development documents) ---


def test_financing_pool_is_not_the_purpose_and_a_split_follows_its_amount():
    got = rows(
        "Administrationen indstiller, at der meddeles tillægsbevilling til merudgifter "
        "vedrørende driften af Langagergård på 1,1 mio. kr. finansieret af puljen til "
        "PL-fremskrivning. Puljerne finansieres af et forventet mindreforbrug vedrørende et "
        "konkret udbud på 8,7 mio. kr. (3,7 mio. kr. på drift og 5,0 mio. kr. på anlæg).\n"
    )
    assert [(r.amount_dkk, r.initiative) for r in got] == [
        (1100000.0, "tillægsbevilling til merudgifter vedrørende driften af Langagergård"),
        (8700000.0, "forventet mindreforbrug vedrørende et konkret udbud"),
        (3700000.0, "forventet mindreforbrug vedrørende et konkret udbud"),
        (5000000.0, "forventet mindreforbrug vedrørende et konkret udbud"),
    ]


def test_subject_of_the_sentence_names_its_amounts_and_the_same_amount_later():
    got = rows(
        "Ny ældrereform\n\n"
        "Regeringen foreslår et kvalitetsløft af ældreplejen ved at afsætte 0,3 mia. kr. i "
        "2024 og 0,5 mia. kr. i 2025. Greve Kommunes andel vil i 2024 være cirka 2,7 mio. kr., "
        "4,2 mio. kr. i 2025. Regeringen foreslår at afsætte 0,3 mia. kr. i 2024.\n"
    )
    assert [(r.amount_dkk, r.year, r.initiative) for r in got] == [
        (300000000.0, 2024, "kvalitetsløft af ældreplejen"),
        (500000000.0, 2025, "kvalitetsløft af ældreplejen"),
        (2700000.0, 2024, "Greve Kommunes andel"),
        (4200000.0, 2025, "Greve Kommunes andel"),
        (300000000.0, 2024, "kvalitetsløft af ældreplejen"),
    ]


def test_a_price_names_what_it_buys_and_a_pool_what_is_at_hand():
    got = rows(
        "Administrationen vurderer, at en pris på cirka 2,7 mio. kr. for et eksternt botilbud "
        "er realistisk. Det vil som en engangsudgift koste ca. 1,150 mio. kr. at nedbringe "
        "restgælden. Der er 24,75 mio. kr. til rådighed i puljen.\n"
    )
    assert [(r.amount_dkk, r.initiative) for r in got] == [
        (2700000.0, "et eksternt botilbud"),
        (1150000.0, "nedbringe restgælden"),
        (24750000.0, "puljen"),
    ]


def test_ranges_and_amounts_without_kr():
    got = rows(
        "De pågældende botilbud koster mellem 0,7 – 1,7 mio. kr. årligt. Et Opensource "
        "Hackaton koster mellem 247.000 og 400.000. Sænkningen gav ca. 100.000 m3 jord.\n"
    )
    assert [(r.amount_dkk, r.amount_high, r.initiative) for r in got] == [
        (700000.0, 1700000.0, "pågældende botilbud"),
        (247000.0, 400000.0, "Opensource Hackaton"),
    ]


def test_a_cost_breakdown_names_its_lines_and_its_whole(tmp_path):
    path = tmp_path / "budget.md"
    path.write_text(
        "# Budget for hackaton\n\n"
        "Et Micro Hackaton koster 63.000 - 95.000 kr\n\n"
        "1. 50.000 - 75.000 kr til timerafregning til kommercielle aktører\n"
        "2. 1.000 - 2.000 kr til mødeforplejning\n\n"
        "Et Leverandør Hackaton koster 94.000 - 148.000 kr\n\n"
        "1. 4.000 - 8.000 kr til mødeforplejning\n\n"
        "## Samlet pris\n\n"
        "Støjvolde Ca. 18.500.000 kr\n\n"
        "Arealerhvervelse, ca. 20 kr./m2\n",
        encoding="utf-8",
    )
    got = extract_budgets(record_for_path(path))
    assert [(r.amount_dkk, r.initiative) for r in got] == [
        (63000.0, "Micro Hackaton"),
        (50000.0, "timerafregning til kommercielle aktører (Micro Hackaton)"),
        (1000.0, "mødeforplejning (Micro Hackaton)"),
        (94000.0, "Leverandør Hackaton"),
        (4000.0, "mødeforplejning (Leverandør Hackaton)"),
        (18500000.0, "Støjvolde"),
        (20.0, "Arealerhvervelse"),
    ]


def test_a_table_whose_header_names_kr_holds_amounts_named_by_their_row(tmp_path):
    path = tmp_path / "puljen.md"
    path.write_text(
        "# Puljen\n\n"
        "| Ansøger | Beløb modtaget i 2023 (kr. årligt) | Ansøgt beløb for 2024 (kr. årligt) |\n"
        "|---|---|---|\n"
        "| Tune Pensionistcenter | 21.000 | 40.000 |\n"
        "| Fibromyalgiforeningen | 0 | 13.200 |\n"
        "| Total beløb | 21.000 | 53.200 |\n\n"
        "| Nr. | Handling | Ansvarlig |\n"
        "|---|---|---|\n"
        "| 6 | Udsende brev | JK |\n",
        encoding="utf-8",
    )
    got = extract_budgets(record_for_path(path))
    assert [(r.amount_dkk, r.initiative) for r in got] == [
        (21000.0, "Tune Pensionistcenter"),
        (40000.0, "Tune Pensionistcenter"),
        (13200.0, "Fibromyalgiforeningen"),
        (21000.0, "Total beløb"),
        (53200.0, "Total beløb"),
    ]


def test_an_amount_in_a_part_the_tree_left_beside_its_item_belongs_to_the_item(tmp_path):
    path = tmp_path / "referat.md"
    path.write_text(
        "# Referat – Byråd – 6. februar 2023\n\n"
        "## 2. Budgetopfølgning 0 for 2023\n\nSagsnr.: 22-015262\n\n### Beslutning\n\n"
        "Godkendt.\n\n"
        "## Sagens forløb\n\n"
        "Forslag 35 anbefales, men reduceres til 300.000 kr.\n",
        encoding="utf-8",
    )
    got = extract_budgets(record_for_path(path))
    assert [(r.amount_dkk, r.initiative) for r in got] == [
        (300000.0, "Budgetopfølgning 0 for 2023"),
    ]


def test_a_relative_clause_after_the_amount_states_its_purpose_and_a_restatement_its_own():
    got = rows(
        "Indfrielsen vil i en periode bringe gennemsnitslikviditet under de 200 mio. kr., der "
        "er fastsat som mål i den økonomiske politik. Den nuværende udgift til aflastning "
        "udgør cirka 4,9 mio. kr., svarende\ntil lige under 1 mio. kr. i gennemsnit pr. borger. "
        "De eksterne botilbud ligger på ca. 1,0 – 1,2 mio. kr. årligt.\n"
    )
    assert [(r.amount_dkk, r.initiative) for r in got] == [
        (200000000.0, "mål i den økonomiske politik"),
        (4900000.0, "aflastning"),
        (1000000.0, "aflastning"),
        (1000000.0, "eksterne botilbud"),
    ]


def test_money_named_after_the_amount_and_a_purpose_only_from_its_own_clause():
    got = rows(
        "Puljen\n\nDer er 140.500 kr. i overskydende midler, der udgør frie midler til uddeling "
        "i 2025. Der er 2 mio. kr. i merudgifter.\n"
    )
    assert [(r.amount_dkk, r.initiative) for r in got] == [
        (140500.0, "overskydende midler"),
        (2000000.0, "Puljen"),  # "merudgifter" alone names only a kind of money
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Generelt",
        "Sammenfatning",
        "Økonomi",
        "Resumé",
        "Baggrund for sagen",
        "Side 4",
        "1. Sammenfatning",
        "2.3 Økonomi",
        "2. Samlet status",  # "Til samlet status er der afsat 15.960 t.kr." was built from it
        "Overordnet økonomi",
    ],
)
def test_generic_section_titles_name_no_initiative(title: str) -> None:
    """A section named for its role in the document says nothing about what money is for
    ("Den samlede økonomi for generelt ..." was built from one)."""
    assert is_generic_title(title)


@pytest.mark.parametrize(
    "title", ["Videndeling", "Renovering af Krogårdsskolen", "LEAN", "3. Pulje til inklusion"]
)
def test_subject_titles_name_an_initiative(title: str) -> None:
    assert not is_generic_title(title)


def test_each_amount_of_a_two_clause_recommendation_keeps_its_own_purpose():
    # the PDF wrapped the first clause after "ved"; the second amount is named by its own
    # clause ("kommunens egen andel på ..."), not by the first one's purpose
    text = (
        "Indstilling\n\n"
        "Direktøren indstiller, at der gives en anlægsbevilling på 11,6 mio. kr. til cykelsti ved\n"
        "Skovvej, og at kommunens egen andel på 7,6 mio. kr. finansieres af rådighedsbeløbet "
        "til trafiksikkerhed.\n"
    )
    assert [(r.amount_text, r.initiative) for r in rows(text)] == [
        ("11,6 mio. kr.", "cykelsti ved Skovvej"),
        ("7,6 mio. kr.", "kommunens egen andel"),
    ]


def test_an_amount_under_a_budget_column_is_an_allocation(tmp_path: Path):
    """ "Initiativ | Budget | Ansvarlig": a status table's budget cells set money aside for
    their row's initiative, though no verb says so; a cost column says nothing of the kind."""
    path = tmp_path / "status.md"
    path.write_text(
        "# Status på handleplanen\n\n"
        "| Initiativ | Budget | Ansvarlig | Frist |\n|---|---|---|---|\n"
        "| 1. Digital post til alle borgere | 1,2 mio. kr. | Borgerservice | 1. marts 2025 |\n"
        "| 2. Ny hjemmeside | 2,5 mio. kr. | Kommunikation | 1. juni 2025 |\n\n"
        "Licenserne koster:\n\n"
        "| Udgift | Pris | Konto |\n|---|---|---|\n| Licenser | 0,4 mio. kr. | Drift |\n",
        encoding="utf-8",
    )
    doc = record_for_path(path)
    found = {(r.amount_text, r.initiative): r.kind for r in extract_budgets(doc)}
    assert found[("1,2 mio. kr.", "Digital post til alle borgere")] == "allocation"
    assert found[("2,5 mio. kr.", "Ny hjemmeside")] == "allocation"
    assert found[("0,4 mio. kr.", "Licenser")] != "allocation"


def test_a_cell_is_of_its_own_columns_kind(tmp_path):
    """A budget follow-up table with the unit in its column names: the cell under "Budget
    (mio. kr.)" is the area's allocation; "Forventet (mio. kr.)" and "Afvigelse" beside it
    are amounts, not budgets (the whole header line said "Budget" for all three)."""
    path = tmp_path / "budgetopfoelgning.md"
    path.write_text(
        "# Budgetopfølgning pr. 31. januar 2025\n\n"
        "| Område | Budget (mio. kr.) | Forventet (mio. kr.) | Afvigelse |\n|---|---|---|---|\n"
        "| Børn og Unge | 612,4 | 624,1 | 11,7 |\n| Ældre | 845,0 | 846,9 | 1,9 |\n",
        encoding="utf-8",
    )
    got = extract_budgets(record_for_path(path))
    allocations = {(r.initiative, r.amount_text) for r in got if r.is_allocation}
    assert allocations == {("Børn og Unge", "612,4"), ("Ældre", "845,0")}, [brief(r) for r in got]


def test_a_year_columns_cell_is_that_years_amount_and_i_alt_names_the_total(tmp_path):
    """ "Indsats | 2025 | 2026 | I alt" under "Alle beløb er i 1.000 kr.": a cell under "2026"
    is that year's amount, the row "I alt" keeps its name (not "alt"), and the dates of a
    milestone table further down ("1. oktober 2025") are no amounts."""
    path = tmp_path / "bilag_oekonomi.md"
    path.write_text(
        "# Bilag 2: Økonomi\n\nAlle beløb er i 1.000 kr.\n\n"
        "| Indsats | 2025 | 2026 | I alt |\n|---|---|---|---|\n"
        "| Grøn transport | 600 | 700 | 1.300 |\n| I alt | 600 | 700 | 1.300 |\n\n"
        "## Tidsplan\n\n| Milepæl | Dato |\n|---|---|\n"
        "| Første statusrapport | 1. oktober 2025 |\n| Evaluering | 30. september 2027 |\n",
        encoding="utf-8",
    )
    got = extract_budgets(record_for_path(path))
    assert [(r.initiative, r.amount_dkk, r.year) for r in got] == [
        ("Grøn transport", 600_000, 2025),
        ("Grøn transport", 700_000, 2026),
        ("Grøn transport", 1_300_000, None),
        ("I alt", 600_000, 2025),
        ("I alt", 700_000, 2026),
        ("I alt", 1_300_000, None),
    ], [brief(r) for r in got]


def test_an_equal_amount_in_another_agenda_item_lends_no_initiative():
    """1,1 mio. kr. of winter service in item 9 and a school road of 1.100.000 kr. in item 11
    are two things: the overspending keeps its own item as its initiative."""
    text = (
        "Dagsorden – Teknik- og Miljøudvalget – 14. maj 2024\n\n"
        "Punkt 9: Kvartalsrapport for vejområdet\nSagsnr.: 24/100\n\n"
        "Resumé\nVintertjenesten har haft et merforbrug på 1,1 mio. kr. som følge af en lang "
        "frostperiode i januar.\n\n"
        "Punkt 11: Trafiksikkerhedsplan - prioritering af projekter\nSagsnr.: 24/101\n\n"
        "Indstilling\nDer prioriteres følgende projekter:\n"
        "- Sikker skolevej langs Tirstrupvej i Ryomgård (1.100.000 kr.)\n"
        "- Ombygning af krydset ved Stationsvej i Kolind (400.000 kr.)\n"
    )
    found = {(r.amount_text, r.initiative) for r in rows(text)}
    assert ("1,1 mio. kr.", "Kvartalsrapport for vejområdet") in found, found
    assert ("1.100.000 kr.", "Sikker skolevej langs Tirstrupvej i Ryomgård") in found, found


def test_each_grant_of_a_decision_goes_to_its_recipient():
    """ "… at Auning Sommerteater bevilges" + "50.000 kr., og at Kunstforeningen Ørum bevilges
    15.000 kr. til en udstilling": the line break before the amount ends no sentence, and the
    first amount is the theatre's, not the exhibition's."""
    text = (
        "Beslutning:\nUdvalget godkendte fordelingen med den ændring, at Auning Sommerteater "
        "bevilges\n50.000 kr., og at Kunstforeningen Ørum bevilges 15.000 kr. til en udstilling "
        "i Ørum Kulturhus.\n"
    )
    found = rows(text)
    assert [(r.amount_text, r.initiative) for r in found] == [
        ("50.000 kr.", "Auning Sommerteater"),
        ("15.000 kr.", "en udstilling i Ørum Kulturhus"),
    ]
    assert found[0].quote.startswith("Udvalget godkendte fordelingen")


def test_money_spent_is_no_allocation() -> None:
    """ "hvoraf 7,1 mio. kr. er forbrugt", "der er brugt 4,2 mio. kr.": used, not set aside;
    the frame and the budget beside them stay allocations ("De afsatte 5 mio. kr. … er endnu
    ikke brugt" too)."""
    text = (
        "# Statusnotat: Klimahandleplan 2023-2026\n\n## 1. Sammenfatning\n\n"
        "Den samlede ramme er 12,5 mio. kr. for perioden 2023-2026, hvoraf 7,1 mio. kr. er "
        "forbrugt ved udgangen af september 2025.\n\n## 2. Personale\n\n"
        "Personaleomkostninger: Der er budgetteret 4 mio. kr. og der er brugt 4,2 mio. kr.\n\n"
        "## 3. Energirådgivning\n\n"
        "De afsatte 5 mio. kr. til energirådgivning er endnu ikke brugt.\n"
    )
    got = extract_budgets(record_from_text(text, "status.md"))
    assert [(r.amount_dkk, r.kind, r.is_allocation) for r in got] == [
        (12_500_000.0, "total", True),
        (7_100_000.0, "spent", False),
        (4_000_000.0, "allocation", True),
        (4_200_000.0, "spent", False),
        (5_000_000.0, "allocation", True),
    ]


def test_words_leading_into_the_next_amount_are_its_own() -> None:
    """ "forbrugt 3 mio. kr. af de afsatte 5 mio. kr.": the 3 million are spent, the 5 set
    aside; an amount with no word of its own in its clause shares the verb before it
    ("bevilliget 1,7 mio. kr. samt 0,86 mio. kr. der er overført …, men der er kun brugt …")."""
    text = (
        "# Status\n\n## 1. Cykelstier\n\n"
        "Der er forbrugt 3 mio. kr. af de afsatte 5 mio. kr. til cykelstier.\n\n"
        "## 2. Masterplan\n\n"
        "Der er bevilliget 1,7 mio. kr. samt 0,86 mio. kr. der er overført fra 2020, men der er "
        "kun brugt 0,5 mio. kr.\n"
    )
    got = extract_budgets(record_from_text(text, "status.md"))
    assert [(r.amount_dkk, r.kind) for r in got] == [
        (3_000_000.0, "spent"),
        (5_000_000.0, "allocation"),
        (1_700_000.0, "grant"),
        (860_000.0, "grant"),
        (500_000.0, "spent"),
    ]


def test_an_initiative_numbered_in_words_names_its_amounts(tmp_path):
    """A plan lists its initiatives under "3. Initiativer" as "Initiativ 1: …", each with its
    "Økonomi": an amount there belongs to its own initiative, not to the list's heading."""
    path = tmp_path / "handleplan.md"
    path.write_text(
        "# Handleplan for trivsel 2026-2028\n\n## 3. Initiativer\n\n"
        "### Initiativ 1: Trivselsvejledere i indskolingen\n\n#### Økonomi\n\n"
        "Der afsættes 900.000 kr. årligt i 2026-2028, svarende til to fuldtidsstillinger.\n\n"
        "### Initiativ 2: Familiebehandling i nærmiljøet\n\n#### Økonomi\n\n"
        "Der afsættes 750.000 kr. årligt i 2026-2028.\n",
        encoding="utf-8",
    )
    got = extract_budgets(record_for_path(path))
    assert [(r.amount_dkk, r.initiative) for r in got] == [
        (900000.0, "Initiativ 1: Trivselsvejledere i indskolingen"),
        (750000.0, "Initiativ 2: Familiebehandling i nærmiljøet"),
    ]
