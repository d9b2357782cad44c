"""Danish date and period expressions: real corpus sentences and written ones."""

import datetime as dt
from pathlib import Path

import pytest

from ingest.dates import find_dates, parse_document_date

D = dt.date
REF = D(2021, 6, 7)
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def one(text: str, ref: dt.date | None = REF):
    found = find_dates(text, ref)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


@pytest.mark.parametrize(
    ("text", "expr", "first", "last", "precision", "qualifier"),
    [
        (
            "Handleplanen skal være godkendt senest september 2021.",
            "september 2021",
            D(2021, 9, 1),
            D(2021, 9, 30),
            "month",
            "senest",
        ),
        (
            "Det forventes, at ombygningen er gennemført inden årets udgang.",
            "årets udgang",
            D(2021, 12, 31),
            D(2021, 12, 31),
            "day",
            "inden",
        ),
        (
            "fremlægges i løbet af oktober måned 2005 for Økonomiudvalget",
            "oktober måned 2005",
            D(2005, 10, 1),
            D(2005, 10, 31),
            "month",
            "i løbet af",
        ),
        ("Mødet holdes i uge 23.", "uge 23", D(2021, 6, 7), D(2021, 6, 13), "week", "i"),
        (
            "det fra den 1. september 2021 er praksis",
            "1. september 2021",
            D(2021, 9, 1),
            D(2021, 9, 1),
            "day",
            "fra den",
        ),
        (
            "Programmet forventes gennemført i løbet af efteråret 2015.",
            "efteråret 2015",
            D(2015, 9, 1),
            D(2015, 11, 30),
            "season",
            "i løbet af",
        ),
        (
            "forelægges Socialudvalget i foråret 2006 eller",
            "foråret 2006",
            D(2006, 3, 1),
            D(2006, 5, 31),
            "season",
            "i",
        ),
        (
            "De ændrede åbningstider evalueres med udgangen af 2015.",
            "udgangen af 2015",
            D(2015, 12, 31),
            D(2015, 12, 31),
            "day",
            "med",
        ),
        (
            "Udbuddet afsluttes primo 2016.",
            "primo 2016",
            D(2016, 1, 1),
            D(2016, 1, 31),
            "month",
            None,
        ),
        (
            "Byggeriet står klar ultimo juni 2018.",
            "ultimo juni 2018",
            D(2018, 6, 21),
            D(2018, 6, 30),
            "month",
            None,
        ),
        (
            "Planen fremlægges i 2. kvartal 2022.",
            "2. kvartal 2022",
            D(2022, 4, 1),
            D(2022, 6, 30),
            "quarter",
            "i",
        ),
        (
            "Rapporten er klar i første halvår 2016.",
            "første halvår 2016",
            D(2016, 1, 1),
            D(2016, 6, 30),
            "half",
            "i",
        ),
        (
            "Sagen genoptages til september.",
            "september",
            D(2021, 9, 1),
            D(2021, 9, 30),
            "month",
            "til",
        ),
        (
            "Aftalen gælder pr. 1. juni 2015.",
            "1. juni 2015",
            D(2015, 6, 1),
            D(2015, 6, 1),
            "day",
            "pr.",
        ),
        (
            "fratræde på pension pr. 31.december 2015.",
            "31.december 2015",
            D(2015, 12, 31),
            D(2015, 12, 31),
            "day",
            "pr.",
        ),
        (
            "Kvalitetsindikatorer 27. AUGUST 2018",
            "27. AUGUST 2018",
            D(2018, 8, 27),
            D(2018, 8, 27),
            "day",
            None,
        ),
        (
            "Der afrapporteres kvartalsvis i perioden 2021-2023.",
            "2021-2023",
            D(2021, 1, 1),
            D(2023, 12, 31),
            "year",
            None,
        ),
        (
            "Kurset afholdes 1.-3. juni 2021.",
            "1.-3. juni 2021",
            D(2021, 6, 1),
            D(2021, 6, 3),
            "day",
            None,
        ),
        (
            "Tilmelding i uge 23-25 2022.",
            "uge 23-25 2022",
            D(2022, 6, 6),
            D(2022, 6, 26),
            "week",
            "i",
        ),
        (
            "Ændringerne sker i de første måneder af 2016.",
            "de første måneder af 2016",
            D(2016, 1, 1),
            D(2016, 3, 31),
            "quarter",
            "i",
        ),
        ("Der følges op i år.", "i år", D(2021, 1, 1), D(2021, 12, 31), "year", None),
        (
            "Evalueringen sker vinteren 2015/16.",
            "vinteren 2015/16",
            D(2015, 12, 1),
            D(2016, 2, 29),
            "season",
            None,
        ),
    ],
)
def test_periods(text, expr, first, last, precision, qualifier):
    m = one(text)
    assert (m.text, m.date, m.end_date, m.precision, m.qualifier) == (
        expr,
        first,
        last,
        precision,
        qualifier,
    )


@pytest.mark.parametrize(
    "text",
    ["27-08-2025", "27.08.2025", "2025-08-27", "27/8-2025", "27. august 2025", "d. 27. aug. 2025"],
)
def test_numeric_and_written_day_formats(text):
    m = one(text, None)
    assert (m.date, m.end_date, m.precision) == (D(2025, 8, 27), D(2025, 8, 27), "day")


@pytest.mark.parametrize(
    "text",
    [
        "Sagsnr.: 330-2020-156136 Dok.nr.: 330-2021-186755",
        "Der afsættes 1,5 mio. kr. og 600.000 kr. til dette.",
        "Mandag - onsdag: 10.00-15:00 Torsdag: 10.00-17:00",
        "De enkelte teams vil være på 11-12 medarbejdere.",
        "skærpet fra hver 6. måned til hver 3. måned",
        "Budget 2016-2019",
        "August Krogh holdt oplæg.",
        "årets budget",
        "Telefon 8970 1000",
    ],
)
def test_not_dates(text):
    assert find_dates(text, REF) == []


def test_missing_year_is_borrowed_from_the_neighbour_then_from_ref():
    found = find_dates("kan starte til juli og august 2021, og igen til november", D(2020, 1, 1))
    assert [(m.text, m.date, m.explicit_year) for m in found] == [
        ("juli", D(2021, 7, 1), False),
        ("august 2021", D(2021, 8, 1), True),
        ("november", D(2020, 11, 1), False),
    ]


def test_without_ref_yearless_expressions_are_dropped():
    assert find_dates("inden årets udgang og i uge 23 og den 17. august") == []


def test_bare_years_need_a_preposition():
    found = find_dates("en merudgift i 2005 på 5 mill. kr. og for 2006 og frem 11 mill. kr.")
    assert [(m.text, m.precision, m.date) for m in found] == [
        ("2005", "year", D(2005, 1, 1)),
        ("2006", "year", D(2006, 1, 1)),
    ]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Møde i udvalget d. 7. juni 2021\n\n568. Status", (D(2021, 6, 7), "day")),
        ("\n\nAugust 2005\n\n## **Kommissorium for**", (D(2005, 8, 1), "month")),
        (
            "Kvalitetsindikatorer i Beskæftigelses- og Integrationsforvaltningen 27. AUGUST 2018",
            (D(2018, 8, 27), "day"),
        ),
        ("NOTAT\nDato: 27-08-2025\nSagsnr. 12/3456", (D(2025, 8, 27), "day")),
        ("Referat 2025-08-27", (D(2025, 8, 27), "day")),
        (
            "Vejledning. Ansøgningsfrist d. 18. maj 2015 kl. 12\nNotat 3. juni 2015",
            (D(2015, 6, 3), "day"),
        ),
        ("Grundlaget for god ledelse i Ringsted Kommune (juni 2016)", None),
        ("BILAG 2\n\nBeskrivelse af projekterne i kompetencepuljen fra 2006", None),
        # a plan's horizon is no date of the plan
        ("Antallet af unge uden job skal reduceres med 25 pct. frem mod udgangen af 2028.", None),
    ],
)
def test_parse_document_date(head, expected):
    m = parse_document_date(head)
    assert (None if m is None else (m.date, m.precision)) == expected


def test_document_dates_of_the_corpus():
    got = {}
    for path in sorted(CORPUS.glob("*.txt")):
        m = parse_document_date(path.read_text(encoding="utf-8"))
        got[path.name] = None if m is None else m.date
    assert got["bufu_2021-06-07_568_task_force_status.txt"] == D(2021, 6, 7)
    assert got["kommissorium_socialcentre_jobcentre_2005.txt"] == D(2005, 8, 1)
    assert got["silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt"] == D(2013, 4, 28)
    assert got["bilag2_kompetencepulje_2006_sof.txt"] is None
    assert got["norddjurs_status_handleplan_arbejdsmarked_2015.txt"] is None


def test_spaced_numeric_date_on_a_title_page():
    (mention,) = find_dates("Version 2 - 14. 2. 2022")
    assert (mention.date.isoformat(), mention.text) == ("2022-02-14", "14. 2. 2022")


def test_a_day_range_in_a_numeric_month():
    (mention,) = find_dates("Besluttet. (Modtaget pr mail 20-21. 5. 2026)")
    assert (mention.text, mention.date.isoformat(), mention.end_date.isoformat()) == (
        "20-21. 5. 2026",
        "2026-05-20",
        "2026-05-21",
    )
    assert [m.text for m in find_dates("Version 2 - 14. 2. 2022")] == ["14. 2. 2022"]
