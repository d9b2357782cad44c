"""The phrase that names an amount, read from the words before it (sentences written for the
tests in the forms the development documents use)."""

import pytest

from ingest.facts.initiative import is_weak, line_label, row_label, subject_of


def subject(sentence: str, amount: str) -> str | None:
    return subject_of(sentence, sentence.index(amount), 0)


@pytest.mark.parametrize(
    ("sentence", "amount", "expected"),
    [
        (
            "merudgifter vedrørende korrektion af pris- og lønreguleringen under Klima-, "
            "Teknik- og Miljøudvalget på 6,4 mio. kr. finansieret af pulje til PL-fremskrivning",
            "6,4",
            "merudgifter vedrørende korrektion af pris- og lønreguleringen under Klima-, "
            "Teknik- og Miljøudvalget",
        ),
        (
            "Den nuværende udgift til disse foranstaltninger udgør cirka 4,9 mio. kr.",
            "4,9",
            "nuværende udgift til disse foranstaltninger",
        ),
        ("Greve Kommunes andel vil i 2024 være cirka 2,7 mio. kr.", "2,7", "Greve Kommunes andel"),
        ("Et Micro Hackaton koster 63.000 - 95.000 kr", "63.000", "Micro Hackaton"),
        (
            "tre puljer målrettet det specialiserede voksenområde (23,2 mio. kr.)",
            "23,2",
            "specialiserede voksenområde",
        ),
        (
            "Alle kommuner har givet tilsagn om løsning A (5 kr. pr. borger).",
            "5 kr",
            "tilsagn om løsning A",
        ),
        (
            "Greve Kommune vil få en mindreudgift på grundbidraget (abonnement) på 586.000 årligt",
            "586.000",
            "mindreudgift på grundbidraget (abonnement)",
        ),
        (
            "Beregninger viser en merudgift i 2005 på 5 mill. kr.",
            "5 mill",
            "merudgift",
        ),
        (
            "Regeringen foreslår et kvalitetsløft af ældreplejen ved at afsætte 0,3 mia. kr.",
            "0,3",
            "kvalitetsløft af ældreplejen",
        ),
        (
            "De eksterne botilbud, som nye borgere typisk vil blive visiteret til, ligger\n"
            "prismæssigt på ca. 1,0 – 1,2 mio. kr. årligt.",
            "1,0",
            "eksterne botilbud",
        ),
        ("Det vil derfor koste ca. 1,150 mio. kr. at nedbringe restgælden.", "1,150", None),
        ("Der er 24,75 mio. kr. til rådighed i puljen.", "24,75", None),
    ],
)
def test_phrase_before_the_amount(sentence, amount, expected):
    assert subject(sentence, amount) == expected


def test_line_labels():
    text = (
        "Timepris: 1.200-1.400 kr/time\nArealerhvervelse, ca. 20 kr./m2\ntil lige under 1 mio. kr."
    )
    assert line_label(text, text.index("1.200")) == "Timepris"
    assert line_label(text, text.index("20 kr")) == "Arealerhvervelse"
    assert line_label(text, text.index("1 mio")) is None  # a wrapped line, not a label
    row = "Støttemur ved ejendom i st. 3800 Ca. 900.000,00 kr. inkl. PTA."
    assert line_label(row, row.index("900")) == "Støttemur ved ejendom i st. 3800"
    calc = "Månedlig omkostning: 19 timer × 1.200 kr = 22.800 kr/måned"
    assert line_label(calc, calc.index("22.800")) == "Månedlig omkostning"
    assert row_label("Tune Pensionistcenter\t21.000\t") == "Tune Pensionistcenter"


def test_weak_phrases_name_only_a_kind_of_money():
    assert is_weak("forøgede udgifter")
    assert is_weak("Forventet merudgift")
    assert is_weak("økonomisk ramme")
    assert is_weak("samlet værdi")  # "har en samlet værdi på 2,4 mio. kr.": of what?
    assert is_weak("Kontraktsummen")
    assert not is_weak("anskaffelsessum")  # the acquisition sum names what it pays for
    assert not is_weak("Den månedlige husleje i Dahliahuset")
    assert not is_weak("Greve Kommunes andel")
