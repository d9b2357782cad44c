"""Sentence splitting: Danish abbreviations, dates, list markers, headings, offsets."""

from pathlib import Path

import pytest

from ingest.facts.sentences import sentence_at, split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def texts(text: str) -> list[str]:
    out = split_sentences(text)
    for s in out:
        assert text[s.start : s.end] == s.text
    return [s.text for s in out]


def one_line_texts(text: str) -> list[str]:
    """The sentences as a reader sees them: a PDF's line breaks inside one are spaces."""
    return [" ".join(sentence.split()) for sentence in texts(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Der afsættes i alt 1,5 mio. kr. til dette.",
        "Det koster 5 mill. kr. i 2005 og bl.a. Socialstyrelsen deltager.",
        "Der tilbydes f.eks. kurser, jf. pkt. 3 i aftalen, mv. i hele perioden.",
        "Aftalen gælder pr. 1. juni 2015 for sag nr. 12 og ca. 25 sager inkl. opfølgning.",
        "Mødet holdes den 7. juni 2021 kl. 14 på rådhuset.",
        "Udgiften er 600.000 kr. pr. år, dvs. 50.000 kr. om måneden.",
        "Projektet ledes af H. C. Andersen fra forvaltningen.",
        "Der skal udarbejdes handleplaner inkl. tidsplan for henholdsvis SOF og BIF.",
        "Alle kommuner skal tilbyde ordningen til elever i 8. - 9. klasse fra 1. august 2025.",
        "Status: Besluttet (modtaget pr. mail 20-21. 5. 2026) af styregruppen.",
        "Mødet er flyttet til 5. 6. 2026 efter ønske fra udvalget.",
        # a company's "Brdr." (Brødrene) is part of its name
        "Kontrakt med Brdr. Thomsen Entreprise A/S underskrives først, når bevillingen er givet.",
    ],
)
def test_abbreviations_and_dates_do_not_end_a_sentence(sentence):
    assert texts(sentence + " Næste sætning starter her.") == [
        sentence,
        "Næste sætning starter her.",
    ]


def test_may_end_abbreviation_closes_before_upper_case():
    text = "Det svarer til et ressourceniveau på 14 mill. kr. Indgår i ønskelisten for budget 2006."
    assert texts(text) == [
        "Det svarer til et ressourceniveau på 14 mill. kr.",
        "Indgår i ønskelisten for budget 2006.",
    ]


def test_year_then_capital_ends_sentence():
    assert texts("Projektet blev gennemført i 2006. De øvrige projekter er overført til 2007.") == [
        "Projektet blev gennemført i 2006.",
        "De øvrige projekter er overført til 2007.",
    ]


def test_headings_and_numbered_sections():
    text = (
        "3. Videndeling\n\n"
        "I 2005 gennemførtes en analyse. Der afsættes 600.000 kr. til dette.\n\n"
        "568. Status på projektet\n"
        "Introduktionsplan til nye medarbejdere\n"
        "Der er udarbejdet en introduktionsplan."
    )
    assert texts(text) == [
        "3. Videndeling",
        "I 2005 gennemførtes en analyse.",
        "Der afsættes 600.000 kr. til dette.",
        "568. Status på projektet",
        "Introduktionsplan til nye medarbejdere",
        "Der er udarbejdet en introduktionsplan.",
    ]


def test_list_items_end_at_line_breaks_and_bullets_are_trimmed():
    text = (
        "De konkrete resultatmål er:\n\n"
        "- en nedbringelse af sygefraværet\n"
        "- en lavere personaleomsætning på en række områder, samt\n"
        "• en forbedret medarbejdertrivsel\n"
        "1.\u00a0\u00a0\u00a0 at udvalget tager status til orientering."
    )
    assert texts(text) == [
        "De konkrete resultatmål er:",
        "en nedbringelse af sygefraværet",
        "en lavere personaleomsætning på en række områder, samt",
        "en forbedret medarbejdertrivsel",
        "1.\u00a0\u00a0\u00a0 at udvalget tager status til orientering.",
    ]


def test_wrapped_paragraph_line_does_not_end_a_sentence():
    text = "Meget af den viden, der ligger til grund for\n\nindsatsen var udokumenteret. Slut."
    assert texts(text) == [
        "Meget af den viden, der ligger til grund for\n\nindsatsen var udokumenteret.",
        "Slut.",
    ]


def test_a_line_wrapped_before_a_quote_or_a_parenthesis_does_not_end_a_sentence():
    """ "… ved brug af" + "”DHM Havvand på Land”-lagene …" and "… og slutårhundrede" +
    "(2100).": the PDF wrapped the line; "(a) …" still opens a point of its own."""
    text = (
        "Pixels udtrækkes ved brug af\n”DHM Havvand på Land”-lagene, der bruges som maske.\n"
        "Der udtrækkes 20, 50 og 100 årshændelser for nutid og slutårhundrede\n(2100).\n"
        "Punkterne er:\n(a) Første punkt\n(b) Andet punkt"
    )
    assert texts(text) == [
        "Pixels udtrækkes ved brug af\n”DHM Havvand på Land”-lagene, der bruges som maske.",
        "Der udtrækkes 20, 50 og 100 årshændelser for nutid og slutårhundrede\n(2100).",
        "Punkterne er:",
        "(a) Første punkt",
        "(b) Andet punkt",
    ]


def test_inline_numbered_list_breaks_before_markers():
    text = (
        "Handleplanen omfatter 5 indsatsområder: 1. Hurtigere sagsbehandling "
        "2. Bedre kommunikation med borgerne 3. Styrke dialogen med omverdenen"
    )
    assert texts(text) == [
        "Handleplanen omfatter 5 indsatsområder:",
        "1. Hurtigere sagsbehandling",
        "2. Bedre kommunikation med borgerne",
        "3. Styrke dialogen med omverdenen",
    ]


def test_letter_markers_inline_and_after_page_number():
    text = (
        "Der er tre mål: a. At skabe grundlag for selvstændighed. b. At effektivisere "
        "arbejdsgangene. Alle gennemgår forløbet. 2\n\nb. En specifik kompetenceudvikling."
    )
    assert texts(text) == [
        "Der er tre mål:",
        "a. At skabe grundlag for selvstændighed.",
        "b. At effektivisere arbejdsgangene.",
        "Alle gennemgår forløbet.",
        "2",
        "b. En specifik kompetenceudvikling.",
    ]


def test_long_run_on_transcript_is_split_before_sentence_openers():
    text = (
        "Fælles kick-off arrangement for alle afdelingens medarbejdere den 6. marts 2013 "
        "Frontløbere i de forskellige sektioner, der skal understøtte afprøvningen af nye "
        "redskaber og hjælpe med at fastholde fokus på coachende samtaler og relationer i egen "
        "enhed Det enkelte team udvikler en plan med mål for coaching i egen enhed og i "
        "tværgående samarbejder Den enkelte medarbejder udarbejder en personlig udviklingsplan."
    )
    out = texts(text)
    assert len(out) == 3
    assert out[1].startswith("Det enkelte team udvikler")
    assert out[2] == "Den enkelte medarbejder udarbejder en personlig udviklingsplan."


def test_question_and_exclamation_marks():
    assert texts("Hvem betaler? Kommunen gør! Det er aftalt.") == [
        "Hvem betaler?",
        "Kommunen gør!",
        "Det er aftalt.",
    ]


def test_quotes_stay_inside_the_sentence():
    text = "Nye medarbejdere har gennemgået kurset ”Systematik i sagsbehandlingen”, og mere."
    assert texts(text) == [text]


def test_range_and_sentence_at():
    text = "Første sætning. Anden sætning er her. Tredje."
    sents = split_sentences(text, 16, 38)
    assert [s.text for s in sents] == ["Anden sætning er her."]
    all_s = split_sentences(text)
    assert sentence_at(all_s, text.index("er her")).text == "Anden sætning er her."
    assert sentence_at(all_s, text.index(" Anden")) is None


def test_corpus_minutes_sentences():
    text = (CORPUS / "bufu_2021-06-07_568_task_force_status.txt").read_text(encoding="utf-8")
    out = texts(text)
    for expected in [
        "Handleplanen skal være godkendt senest september 2021.",
        "Det forventes, at ombygningen er gennemført inden årets udgang.",
        "Til næste opfølgning i september 2021 fremlægges den forventede tidsplan.",
        "Pr. 1. juni 2021 er der 54 % af personale- og ledergruppen indenfor socialrådgivere og "
        "socialformidlere, som har mellem +0 og 2 års ansættelse, hvoraf 40 % ligger mellem +0-1 "
        "års ansættelse.",
        "Beslutning i Børne- og Ungeudvalget den 7. juni 2021:",
        "Taget til efterretning.",
        "Ad pkt. 4:",
        "Kompetencekatalog",
    ]:
        assert expected in out


def test_a_line_break_before_a_number_continues_unless_it_opens_an_item():
    text = (
        "Rammen gælder jf. Byrådsbeslutningen den 14. september\n2016.\n"
        "Rammebesparelsen er på\n1,626 mio. kr. årligt.\n"
        "Søges ifm.\nbudgetopfølgning 3 2024.\n"
        "Se afsnit 2\n2. Supplerende støjtiltag."
    )
    assert texts(text) == [
        "Rammen gælder jf. Byrådsbeslutningen den 14. september\n2016.",
        "Rammebesparelsen er på\n1,626 mio. kr. årligt.",
        "Søges ifm.\nbudgetopfølgning 3 2024.",
        "Se afsnit 2",
        "2. Supplerende støjtiltag.",
    ]


def test_an_abbreviation_at_a_line_end_continues_the_sentence():
    """A PDF line that ends in "ca." or in "kr." before a lower-case word is a wrapped
    sentence: the amount and what it covers stay one quote."""
    text = (
        "En grov vurdering er, at dette har genereret ca. 100.000 m3 jord til en værdi af ca.\n"
        "4.500.000,00 kr. inkl. PTA.\n"
        "Der er minimumskrav til deltagerbetaling på 50 kr. pr. dag eller 250 kr.\n"
        "for en hel uge for at modtage tilskud.\n"
        "Udgiften er 250 kr.\n"
        "Næste punkt behandles senere."
    )
    assert texts(text) == [
        "En grov vurdering er, at dette har genereret ca. 100.000 m3 jord til en værdi af ca.\n"
        "4.500.000,00 kr. inkl. PTA.",
        "Der er minimumskrav til deltagerbetaling på 50 kr. pr. dag eller 250 kr.\n"
        "for en hel uge for at modtage tilskud.",
        "Udgiften er 250 kr.",
        "Næste punkt behandles senere.",
    ]


def _page_of_lines(*lines: str) -> str:
    """A PDF text layer: the given lines after forty full-width lines of wrapped prose."""
    filler = "Administrationen har gennemgået sagen og vurderer, at de beskrevne tiltag kan"
    body = "\n".join(f"{filler} gennemføres i {2000 + i}." for i in range(40))
    return body + "\n" + "\n".join(lines)


def test_a_full_pdf_line_continues_before_a_capitalised_name():
    """Danish capitalises names, so a PDF line that fills the page's width without closing
    punctuation continues before "Hjælpemiddeldepot" or "Kommunes"; a short line (a heading
    or label), a running header in capitals and a blank line still end the sentence."""
    text = _page_of_lines(
        "Kommunerne skal tage stilling til, om de vil godkende et nyt aftalegrundlag med Fælles",
        "Hjælpemiddeldepot (FHD). Det nye aftalegrundlag understøtter samarbejdet.",
        "Indstilling",
        "Administrationen indstiller, at sagen behandles på næste møde i udvalget, og at der",
        "TEKNIK OG MILJØ",
        "Borgerne orienteres om resultatet af undersøgelsen, når den foreligger fra Rambøll",
        "",
        "Næste afsnit handler om økonomien.",
    )
    found = texts(text)[40:]
    assert found == [
        "Kommunerne skal tage stilling til, om de vil godkende et nyt aftalegrundlag med Fælles\n"
        "Hjælpemiddeldepot (FHD).",
        "Det nye aftalegrundlag understøtter samarbejdet.",
        "Indstilling",
        "Administrationen indstiller, at sagen behandles på næste møde i udvalget, og at der",
        "TEKNIK OG MILJØ",
        "Borgerne orienteres om resultatet af undersøgelsen, når den foreligger fra Rambøll",
        "Næste afsnit handler om økonomien.",
    ]


def test_paragraph_per_line_text_breaks_before_a_capital():
    """HTML, Markdown and DOCX text has a paragraph per line: a line without closing
    punctuation before an upper-case word is a paragraph of its own, whatever its length."""
    line = "Kommunerne skal tage stilling til, om de vil godkende et nyt aftalegrundlag med Fælles"
    text = "\n".join([line + " " + "og flere andre parter i samarbejdet" * 8] * 45)
    assert len(texts(text)) == 45


def test_a_referenced_number_is_no_list_marker():
    """ "Punkt 1. Anbefales ..." is a point's label and its text; "se bilag 2." ends its
    sentence; a line that ends in "den" continues with the date on the next line."""
    text = (
        "Punkt 1. Anbefales med bemærkning om, at der etableres 30 boliger med indstilling af den\n"
        "21. marts 2022. Administrationen indkalder til fornyet behandling.\n\n"
        "Punkt 2. Anbefales.\n\n"
        "Se bilag 2. Godkendt.\n"
        "1. Indledning\n"
        "2. Baggrund"
    )
    assert texts(text) == [
        "Punkt 1. Anbefales med bemærkning om, at der etableres 30 boliger med indstilling af den\n"
        "21. marts 2022.",
        "Administrationen indkalder til fornyet behandling.",
        "Punkt 2. Anbefales.",
        "Se bilag 2.",
        "Godkendt.",
        "1. Indledning",
        "2. Baggrund",
    ]


def test_a_decision_per_point_keeps_its_ad_label():
    """Minutes decide point by point: "Ad 1. Taget til efterretning." is one sentence, not
    "Ad" and a list item."""
    text = "Ad 1. Taget til efterretning.\nAd 2. Udsat. Udvalget ønsker en belysning af sagen."
    assert texts(text) == [
        "Ad 1. Taget til efterretning.",
        "Ad 2. Udsat.",
        "Udvalget ønsker en belysning af sagen.",
    ]


def test_a_link_after_a_full_stop_is_no_part_of_the_sentence() -> None:
    text = (
        "Næstved har støttet beslutningen, der hermed er vedtaget. "
        "https://github.com/os2display/beslutninger/2026-09-02.md\n"
    )
    assert texts(text) == [
        "Næstved har støttet beslutningen, der hermed er vedtaget.",
        "https://github.com/os2display/beslutninger/2026-09-02.md",
    ]


def test_a_time_after_kl_ends_the_sentence() -> None:
    # "kl. 10." before a capital is a time, not an inline list marker "10. Alle ...".
    assert texts("Mødet starter kl. 10. Alle er velkomne.") == [
        "Mødet starter kl. 10.",
        "Alle er velkomne.",
    ]


def test_a_paragraph_break_ends_a_sentence_after_a_letter_abbreviation() -> None:
    # "d." (den) never ends a sentence inside a paragraph, but a blank line and a capital do.
    assert texts("Byrådet godkender a, b og d.\n\nMht. punkt 4 anbefales.") == [
        "Byrådet godkender a, b og d.",
        "Mht. punkt 4 anbefales.",
    ]
    assert texts("en samlet værdi af ca.\n4.500.000 kr. i alt.") == [
        "en samlet værdi af ca.\n4.500.000 kr. i alt."
    ]


def test_a_line_ending_in_a_preposition_continues_before_a_name() -> None:
    # a PDF line wrapped after "ved": the next line's capital is a place name, not a sentence
    text = (
        "Direktøren indstiller, at der gives en anlægsbevilling på 11,6 mio. kr. til cykelsti ved\n"
        "Skovvej, og at kommunens andel finansieres af puljen.\n"
        "Beslutning\n"
        "Anbefales."
    )
    assert texts(text) == [
        "Direktøren indstiller, at der gives en anlægsbevilling på 11,6 mio. kr. til cykelsti "
        "ved\nSkovvej, og at kommunens andel finansieres af puljen.",
        "Beslutning",
        "Anbefales.",
    ]


def test_a_word_wrapped_at_its_hyphen_is_one_word():
    """A PDF line ending in "2025-" goes on with "28." on the next line: one word, so neither
    the line break nor the "28." (no list marker) ends the sentence before it."""
    text = (
        "Der er modtaget en bevilling på 3,2 mio. kr., fordelt over projektperioden 2025-\n"
        "28. Projektets formål er at hjælpe udsatte unge."
    )
    assert texts(text) == [
        "Der er modtaget en bevilling på 3,2 mio. kr., fordelt over projektperioden 2025-\n28.",
        "Projektets formål er at hjælpe udsatte unge.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vi er på release candidate 9. Den testes i Aarhus på flere skærme.",
            ["Vi er på release candidate 9.", "Den testes i Aarhus på flere skærme."],
        ),
        (
            "Projektet er godkendt i Byrådet sag 16. Anlægsudgifterne omfatter asfalt.",
            ["Projektet er godkendt i Byrådet sag 16.", "Anlægsudgifterne omfatter asfalt."],
        ),
        (
            "Kompetenceudvikling sker i to spor. 1. Hver medarbejder har en plan.",
            ["Kompetenceudvikling sker i to spor.", "1. Hver medarbejder har en plan."],
        ),
        (
            "Tiltag: 1. Bedre kurser for alle 2. Flere midler til drift",
            ["Tiltag:", "1. Bedre kurser for alle", "2. Flere midler til drift"],
        ),
    ],
)
def test_a_number_ends_its_sentence_unless_it_continues_points(text, expected):
    """An inline "N." before a capital is a list marker after a sentence end or a colon, or
    when "N-1." stands before it in the paragraph; else it is the last word of a sentence."""
    assert [s.text for s in split_sentences(text)] == expected


def test_an_ordinal_wrapped_from_its_month_or_noun_ends_no_sentence() -> None:
    """A PDF line ending "den 19." or "i 3." goes on with its month or noun ("marts 2025",
    "kvartal 2025"); a numbered reference before an "at" point still ends its line."""
    text = (
        "Byrådet besluttede på mødet den 19.\nmarts 2025, hvilke justeringer der kunne "
        "foretages. Vikarforbruget er faldet til 7,1 pct. i 3.\nkvartal 2025.\n"
        "Administrationen indstiller,\nat forslagene tages til efterretning, jf. bilag 2.\n"
        "at høringssvarene tages til efterretning."
    )
    sentences = one_line_texts(text)
    assert (
        "Byrådet besluttede på mødet den 19. marts 2025, hvilke justeringer der kunne "
        "foretages." in sentences
    )
    assert "Vikarforbruget er faldet til 7,1 pct. i 3. kvartal 2025." in sentences
    assert "at høringssvarene tages til efterretning." in sentences


def test_an_ordinal_in_brackets_wrapped_from_its_month_ends_no_sentence() -> None:
    """ "og Tornby (23." + "september)": the bracket before the day is not part of its word."""
    text = (
        "September 2025\nBorgermøder i Egelund (16. september), Hesselby (18. september) og "
        "Tornby (23.\nseptember)\n10. december 2025\n"
    )
    sentences = one_line_texts(text)
    assert (
        "Borgermøder i Egelund (16. september), Hesselby (18. september) og Tornby "
        "(23. september)" in sentences
    ), sentences


def test_a_field_label_on_its_own_line_reads_with_its_value() -> None:
    """A front page's "Mødested:" over "Mødelokale 2, Rådhuset" is one line to a reader; a case
    field ("Beslutning:") is a heading of its own, and a label over a list, another label or
    several lines ("Allerede iværksatte initiativer:" over one initiative a line) keeps its
    own line."""
    text = (
        "Mødedato:\nTirsdag den 10. marts 2026\nMødested:\nMødelokale 2, Rådhuset\n"
        "Afbud:\nSekretær:\nMaria Holt\nBeslutning:\nGodkendt.\n"
        "Herunder at:\n- Grænseværdien er 58 dB."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Mødedato:\nTirsdag den 10. marts 2026",
        "Mødested:\nMødelokale 2, Rådhuset",
        "Afbud:",
        "Sekretær:\nMaria Holt",
        "Beslutning:",
        "Godkendt.",
        "Herunder at:",
        "Grænseværdien er 58 dB.",
    ]
    listed = (
        "Allerede iværksatte initiativer:\nDagbehandling 1,2 mio. kr.\nCo-teaching 0,3 mio. kr."
    )
    assert [s.text for s in split_sentences(listed)] == listed.split("\n")


def test_a_unit_after_a_number_ends_the_sentence() -> None:
    """ "… på 2,35 m. Anlægget …": a one-letter unit after a number is no letter marker ("a.")
    that would open the next sentence."""
    assert texts("Kommunen anbefaler en kote på 2,35 m. Anlægget koster 64 mio. kr.") == [
        "Kommunen anbefaler en kote på 2,35 m.",
        "Anlægget koster 64 mio. kr.",
    ]
    assert texts("Stien er 900 m. Den åbner i maj.") == ["Stien er 900 m.", "Den åbner i maj."]


def test_a_date_wrapped_to_the_next_line_is_no_numbered_point() -> None:
    """A PDF line ending "forventes at genåbne" goes on with "1. november 2026." on the next:
    a date, not point 1 of a list; "1. at der gives …" after "indstiller," still is one."""
    text = (
        "Pladsen holder lukket fra 1. august til 31. oktober 2026 og forventes at genåbne\n"
        "1. november 2026. Borgerne henvises til Egebjerg Genbrugsplads.\n"
        "Direktøren indstiller,\n1. at der gives en anlægsbevilling på 4,6 mio. kr."
    )
    sentences = one_line_texts(text)
    assert (
        "Pladsen holder lukket fra 1. august til 31. oktober 2026 og forventes at genåbne "
        "1. november 2026." in sentences
    )
    assert "1. at der gives en anlægsbevilling på 4,6 mio. kr." in sentences
