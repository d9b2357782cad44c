"""Amounts of money: Danish notations, ranges, tables, and numbers that are not money."""

import pytest

from ingest.money import find_amounts, parse_number


def amounts(text: str):
    found = find_amounts(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.amount_dkk, m.per) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der afsættes i alt 1,5 mio. kr. til dette.", [("1,5 mio. kr.", 1_500_000, None)]),
        ("Der afsættes 600.000 kr. til dette.", [("600.000 kr.", 600_000, None)]),
        (
            "Beregninger viser en merudgift i 2005 på 5 mill. kr. og for 2006 og frem "
            "forventes forøgede udgifter på 11 mill. kr.",
            [("5 mill. kr.", 5_000_000, None), ("11 mill. kr.", 11_000_000, None)],
        ),
        ("er der i 2005 afsat 2,75 mill. kr. til", [("2,75 mill. kr.", 2_750_000, None)]),
        (
            "Tilskud DKK 50.000 og gebyr kr. 20.000,-",
            [("DKK 50.000", 50_000, None), ("kr. 20.000,-", 20_000, None)],
        ),
        ("Konsulenten koster 650 DKK/time.", [("650 DKK/time", 650, "time")]),
        ("Tolkning: 600 kr. i timen", [("600 kr. i timen", 600, "time")]),
        ("der er afsat 10 mio. kr. årligt til", [("10 mio. kr. årligt", 10_000_000, "år")]),
        ("Tilskud på 25.000 kr. pr. deltager", [("25.000 kr. pr. deltager", 25_000, "deltager")]),
        (
            "Der er afsat 0,7 mio. kr. i 2025, 17,5 mio. kr. i 2026 og 18,2 mio. kr. i 2027.",
            [
                ("0,7 mio. kr.", 700_000, None),
                ("17,5 mio. kr.", 17_500_000, None),
                ("18,2 mio. kr.", 18_200_000, None),
            ],
        ),
        ("Anlægget koster 3 mia. kr.", [("3 mia. kr.", 3_000_000_000, None)]),
        (
            "Rammen er 500 t.kr. og 200 tkr.",
            [("500 t.kr.", 500_000, None), ("200 tkr.", 200_000, None)],
        ),
        ("Budget: 1 500 000 kr.", [("1 500 000 kr.", 1_500_000, None)]),
        ("Der afsættes 1,5 mio. til dette.", [("1,5 mio.", 1_500_000, None)]),
        ("Der er sat 25 Millioner af til støjradarer.", [("25 Millioner", 25_000_000, None)]),
        ("et beløb på en halv mio. kr.", [("en halv mio. kr.", 500_000, None)]),
        ("Udgifterne stiger fra 2006 til 11 mill. kr.", [("11 mill. kr.", 11_000_000, None)]),
        ("Huset sælges for 2.450.000 kr.", [("2.450.000 kr.", 2_450_000, None)]),
        ("Merudgift på 3,2 millioner kroner", [("3,2 millioner kroner", 3_200_000, None)]),
    ],
)
def test_notations(text, expected):
    assert amounts(text) == expected


def test_ranges_keep_both_ends():
    for text in (
        "Prisen skønnes til 1-2 mio. kr.",
        "mellem 1 og 2 mio. kr.",
        "fra 1 til 2 mio. kr.",
    ):
        (m,) = find_amounts(text)
        assert (m.amount_dkk, m.low, m.high) == (1_000_000, 1_000_000, 2_000_000)
    (m,) = find_amounts("en udgift på 1,5-2,0 mio. kr.")
    assert (m.text, m.low, m.high) == ("1,5-2,0 mio. kr.", 1_500_000, 2_000_000)


@pytest.mark.parametrize(
    "text",
    [
        "Mere end hver tredje ansatte (650 ansatte) i lokalforvaltningen er over 50 år.",
        "Samtidig har mere end 43 % eller ca. 800 ansatte over ti års erfaring.",
        "Sagsnr.: 330-2020-156136 Dok.nr.: 330-2021-186755",
        "Telefon: 8970 1000, Tlf. 89 70 10 00",
        "Budget 2016-2019 og i perioden 2021-2023",
        "De enkelte teams vil være på 11-12 medarbejdere.",
        "Kommunen har 1,2 mio. indbyggere og 5 tusind borgere i kø.",
        "Det gælder 2 millioner af borgerne.",
        "Pr. 1. juni 2021 er der 54 % af personalegruppen",
        "hver 6. måned til hver 3. måned",
        "Beløb i mio. kr.",
    ],
)
def test_not_money(text):
    assert find_amounts(text) == []


def test_table_with_thousand_kroner_header():
    text = (
        "Tabel 2. Udgifter (1.000 kr.)\n"
        "2025 2026 2027\n"
        "Drift 700 17.500 18.200\n"
        "Stigning 2 %\n"
        "I alt 700 17.500 18.200\n"
        "\n"
        "Det betyder at vi i de kommende år skal arbejde videre med at udvikle området."
    )
    found = find_amounts(text)
    assert [(m.text, m.amount_dkk, m.from_table_header) for m in found] == [
        ("700", 700_000, True),
        ("17.500", 17_500_000, True),
        ("18.200", 18_200_000, True),
        ("700", 700_000, True),
        ("17.500", 17_500_000, True),
        ("18.200", 18_200_000, True),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_a_caption_in_plain_kroner_reads_the_cells_of_its_table():
    """ "(kr., 2026-priser)" in a caption: the bare cells below are kroner as written; "(kr."
    only counts in brackets, and "(42 stk.)" in a row name is no amount."""
    text = (
        "Tabel 1. Udgifter fordelt på initiativer, 2027-2029 (kr., 2026-priser)\n\n"
        "Initiativ\t2027\t2028\t2029\n"
        "Loftlifte på plejecentre (42 stk.)\t1.150.000\t610.000\t0\n\n"
        "Udgifterne er højest i 2027, hvor loftliftene indkøbes."
    )
    assert amounts(text) == [("1.150.000", 1_150_000, None), ("610.000", 610_000, None)]
    assert amounts("Prisen er opgjort i kr., men 42 lifte er bestilt.") == []


def test_a_table_of_cells_ends_at_a_line_without_cells():
    """Under a table in 1.000 kr. whose rows are cells, "- Etape 3 … omfatter 38
    parcelhusgrunde" in the remarks below is no amount: 3 and 38 are not thousands of kroner."""
    text = (
        "Beløb i 1.000 kr.\t2026\t2027\n"
        "Byggemodning Vestermark Syd, etape 3\t7.500\t2.000\n\n"
        "Bemærkninger:\n\n"
        "- Etape 3 i Vestermark Syd omfatter 38 parcelhusgrunde.\n"
    )
    assert amounts(text) == [("7.500", 7_500_000, None), ("2.000", 2_000_000, None)]


def test_table_in_million_kroner_flattened_on_one_line():
    text = (
        "Økonomi, mio. kr. 2025 2026 Anlæg 0,7 17,5 Drift 1,0 1,0 Projektet forventes at gå "
        "i gang i foråret og blive afsluttet i løbet af efteråret."
    )
    assert [(m.text, m.amount_dkk) for m in find_amounts(text)] == [
        ("0,7", 700_000),
        ("17,5", 17_500_000),
        ("1,0", 1_000_000),
        ("1,0", 1_000_000),
    ]


def test_inline_thousand_kroner_is_an_amount_not_a_header():
    assert amounts("Hver deltager får 1.000 kr. i tilskud.") == [("1.000 kr.", 1000, None)]


@pytest.mark.parametrize(
    ("s", "value"),
    [("1.500.000", 1_500_000), ("2,75", 2.75), ("20.000,-", 20_000), ("1 500", 1500), ("½", 0.5)],
)
def test_parse_number(s, value):
    assert parse_number(s) == value


def test_amounts_without_kr_that_the_sentence_makes_money():
    text = (
        "Et Opensource Hackaton koster mellem 247.000 og 400.000. "
        "3. 70.000 - 100.000 til Key note speaker. "
        "En mindreudgift på grundbidraget på 586.000 årligt. "
        "Der blev flyttet ca. 100.000 m3 jord, og 1.200 borgere deltog i 2.500 - 3.000 møder."
    )
    assert [(m.amount_dkk, m.high, m.currency_explicit) for m in find_amounts(text)] == [
        (247000.0, 400000.0, False),
        (70000.0, 100000.0, False),
        (586000.0, 586000.0, False),
    ]


def test_range_after_mellem_with_a_dash():
    (m,) = find_amounts("De pågældende botilbud koster mellem 0,7 – 1,7\nmio. kr. årligt.")
    assert (m.amount_dkk, m.high) == (700000.0, 1700000.0)


def test_columns_of_a_table_whose_header_names_kr():
    text = (
        "Ansøger\tBeløb modtaget i 2022 og 2023 (kr. årligt)\tAnsøgt beløb for 2024\n"
        "Greve Pensionistcenter\t21.000\t21.000\n"
        "Fibromyalgiforeningen\t0\t13.200\n"
        "Nr.\tHandling\tAnsvarlig\n"
        "6\tUdsende brev\tJK\n"
    )
    got = find_amounts(text)
    assert [(m.text, m.amount_dkk, m.from_table_header) for m in got] == [
        ("21.000", 21000.0, True),
        ("21.000", 21000.0, True),
        ("13.200", 13200.0, True),
    ]
    assert all(text[m.start : m.end] == m.text for m in got)


def test_a_unit_written_twice_is_not_a_table_header():
    """ "2,235 kr. mio. kr." is a typo for one amount: the agenda number, case number and
    point numbers after it are not cells of a table in million kroner."""
    text = (
        "Greve Kommune har i budget 2023 afsat 2,235 kr. mio. kr. til Strandparken I/S.\n"
        "7. Strandparken IS - engangsbevilling til budget 2023\n"
        "Sagsnr.: 22-009769\nBeslutning\n1.-2. Anbefales ikke.\n"
    )
    assert [m.text for m in find_amounts(text)] == ["2,235 kr."]


def test_a_list_number_after_a_table_header_is_not_a_cell():
    text = (
        "Udgifter (1.000 kr.)\nDrift 408\n"
        "1. Resultatkrav 1: Hvis mindst 50 % af de unge er i beskæftigelse\n"
        "2. rate (op til 50 %) er knyttet til to resultatkrav\n"
    )
    assert [(m.text, m.amount_dkk) for m in find_amounts(text)] == [("408", 408_000)]


def test_a_unit_inside_a_word_is_not_a_table_header():
    """ "Resultatkrav" holds "tkr" (thousand kroner): a header is a word of its own."""
    assert find_amounts("Resultatkrav 1: 50 % af de unge er i job efter 6 måneder.") == []


def test_a_header_row_with_a_unit_per_column_reads_each_cell_once():
    text = (
        "Område Budget (mio. kr.) Forventet (mio. kr.) Afvigelse\n"
        "Børn og Unge\t612,4\t624,1\t11,7\n"
        "Beslutning i Økonomiudvalget den 10. marts 2025\n"
    )
    # one amount per cell; "den 10. marts" below the table is a date, not a cell
    assert [(m.text, m.amount_dkk) for m in find_amounts(text)] == [
        ("612,4", 612_400_000),
        ("624,1", 624_100_000),
        ("11,7", 11_700_000),
    ]


def test_a_caption_under_a_table_scales_its_cells_and_is_no_amount():
    """Word tables often state the unit under the table ("Beløb i 1.000 kr."): the caption
    scales the cells above it, a number inside a row's label ("etape 2") is no cell, and the
    prose after the caption ("bilag 2") is not read as the table."""
    text = (
        "Anlægsudgifterne fordeler sig således:\n\n"
        "Projekt\t2021\t2022\tI alt\n"
        "Cykelsti Sunds–Ilskov\t3.200\t4.800\t8.000\n"
        "Supercykelsti Herning–Ikast, etape 2\t2.000\t5.500\t7.500\n\n"
        "Beløb i 1.000 kr.\n\n"
        "Projekterne er beskrevet nærmere i bilag 2."
    )
    found = [(m.text, m.amount_dkk) for m in find_amounts(text)]
    assert found == [
        ("3.200", 3_200_000),
        ("4.800", 4_800_000),
        ("8.000", 8_000_000),
        ("2.000", 2_000_000),
        ("5.500", 5_500_000),
        ("7.500", 7_500_000),
    ]


def test_a_range_wrapped_before_its_unit_stays_one_amount():
    text = "De pågældende botilbud koster mellem 0,7 – 1,7\nmio. kr. årligt."
    (found,) = find_amounts(text)
    assert (found.low, found.high) == (700_000, 1_700_000)


def test_a_number_with_its_unit_in_parentheses_after_it() -> None:
    """ "afsat 32.000 (1.000 kr.)" is 32 mio. kr.; the unit in parentheses is no amount."""
    found = find_amounts("Der er afsat 32.000 (1.000 kr.) og mangler 6.500 (i 1.000 kr.).")
    assert [(m.text, m.amount_dkk) for m in found] == [
        ("32.000 (1.000 kr.)", 32_000_000),
        ("6.500 (i 1.000 kr.)", 6_500_000),
    ]


def test_a_word_tables_unit_cell_and_numbered_rows() -> None:
    """A Word table whose header row opens with its unit ("1.000 kr.", then the years) and
    whose rows are numbered initiatives ("1. Flere hænder …"): every cell is scaled by the
    unit, a numbered row is no list that ends the table, and neither the unit cell nor the
    caption's "(1.000 kr.)" after its years is an amount."""
    text = (
        "Tabel 1. Budgetforslag 2025-2027 (1.000 kr.)\n\n"
        "1.000 kr.\t2025\t2026\t2027\tI alt\n"
        "1. Flere hænder i hjemmeplejen\t1.800\t3.600\t3.600\t9.000\n"
        "2. Demenskoordinator\t450\t900\t900\t2.250\n"
        "I alt\t2.250\t4.500\t4.500\t11.250\n\n"
        "Udgiften i 2025 foreslås finansieret af ældrereserven."
    )
    found = [(m.text, m.amount_dkk) for m in find_amounts(text)]
    assert found == [
        ("1.800", 1_800_000),
        ("3.600", 3_600_000),
        ("3.600", 3_600_000),
        ("9.000", 9_000_000),
        ("450", 450_000),
        ("900", 900_000),
        ("900", 900_000),
        ("2.250", 2_250_000),
        ("2.250", 2_250_000),
        ("4.500", 4_500_000),
        ("4.500", 4_500_000),
        ("11.250", 11_250_000),
    ]


def test_a_unit_named_in_brackets_before_a_table_is_its_unit_not_an_amount() -> None:
    """ "Udgiften fordeler sig således (beløb i 1.000 kr.):" states the unit of the table
    below: no amount of 1.000 kr., and the table's figures are read in thousands."""
    text = (
        "Udgiften fordeler sig således (beløb i 1.000 kr.):\n"
        "År\t2026\t2027\t2028\n"
        "Anlægsudgift\t3.100\t14.600\t7.100\n"
    )
    amounts = sorted(m.amount_dkk for m in find_amounts(text))
    assert 1000.0 not in amounts
    assert {3_100_000.0, 14_600_000.0, 7_100_000.0} <= set(amounts)


def test_a_header_cell_with_a_note_after_its_unit_names_the_tables_unit():
    """ "1.000 kr. (2026-priser)" heads the figures below in thousands; it is no amount of
    1.000 kr. itself."""
    text = (
        "1.000 kr. (2026-priser)\t2026\t2027\t2028\t2029\n"
        "Korrektion af demografireguleringen\t3.240\t3.510\t3.890\t4.160\n"
        "Korrektionen for 2027–2029 indarbejdes i budgetgrundlaget.\n"
    )
    found = [(m.amount_dkk, text[m.start : m.end]) for m in find_amounts(text)]
    assert found == [
        (3_240_000, "3.240"),
        (3_510_000, "3.510"),
        (3_890_000, "3.890"),
        (4_160_000, "4.160"),
    ]


def test_a_caption_with_its_unit_in_brackets_heads_the_table_below_it():
    """A portal's table caption names the unit and goes on in words: the rows below are
    kroner, and the caption's own "11 måneder" is no amount."""
    text = (
        "Månedlige takster (kr.), 11 måneder om året\n"
        "Ordning\tNuværende takst\tTakst fra 1. august 2026\n"
        "SFO I (0.–3. klasse), fuldtid\t1.985\t2.040\n"
        "SFO II (4. klasse)\t640\t655"
    )
    assert [(m.text, m.amount_dkk) for m in find_amounts(text)] == [
        ("1.985", 1985),
        ("2.040", 2040),
        ("640", 640),
        ("655", 655),
    ]


def test_a_column_names_row_under_the_caption_is_no_prose():
    """A caption's unit heads the rows below a row of column names ("Område | Korrigeret
    budget | Forventet regnskab | Afvigelse"): the names, with a row label's words, are no
    prose that ends the table."""
    text = (
        "Forventet regnskab 2026 for udvalgets områder (1.000 kr.):\n"
        "Område (1.000 kr.)\tKorrigeret budget 2026\tForventet regnskab 2026\tAfvigelse\n"
        "Vej og Park, drift og vedligeholdelse\t48.600\t49.750\t1.150\n"
        "I alt\t89.100\t91.700\t2.600\n"
        "\nMerforbruget skyldes især vintertjenesten efter 12 kolde døgn.\n"
    )
    found = {m.text: m.amount_dkk for m in find_amounts(text)}
    assert found["2.600"] == 2_600_000
    assert found["48.600"] == 48_600_000
    assert "12" not in found
