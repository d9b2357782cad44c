"""Section trees of the five corpus documents (cleaned as the pipeline cleans them)."""

from __future__ import annotations

from pathlib import Path

from ingest.clean import clean
from ingest.document import parse_loaded
from ingest.loaders import load_file
from ingest.models import Section
from ingest.structure import (
    agenda_item_at,
    build_sections,
    innermost_section,
    section_path,
    within_item,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _sections(name: str):
    text = clean(load_file(CORPUS / name)).text
    return text, build_sections(text)


def test_bilag_has_six_initiatives_plus_evaluation_as_siblings():
    text, sections = _sections("bilag2_kompetencepulje_2006_sof.txt")
    numbered = [s for s in sections if s.kind == "numbered"]
    assert [s.number for s in numbered] == ["1", "2", "3", "4", "5", "6"]
    assert numbered[3].title == "Videndeling"
    assert numbered[0].title == "Personlig og faglig opkvalificering"
    evaluation = [s for s in sections if s.title.startswith("Evaluering, effektmåling")]
    assert len(evaluation) == 1
    assert evaluation[0].parent == numbered[0].parent  # a sibling, not inside initiative 6
    # each initiative's span holds its own budget sentence and not the next one's
    videndeling = text[numbered[3].start : numbered[3].end]
    assert "Der afsættes 600.000 kr. til dette." in videndeling
    assert "750.000" not in videndeling


def test_minutes_item_tree():
    text, sections = _sections("bufu_2021-06-07_568_task_force_status.txt")
    agenda = [s for s in sections if s.kind == "agenda_item"]
    assert len(agenda) == 1 and agenda[0].number == "568"
    titles = [s.title for s in sections]
    for heading in ("Beslutningstema", "Sagens indhold", "Indstilling", "Bilag"):
        assert heading in titles
    ad = [s for s in sections if s.kind == "ad_pkt"]
    assert [s.title for s in ad] == ["Ad pkt. 1", "Ad pkt. 2", "Ad pkt. 3", "Ad pkt. 4"]
    assert all(sections[s.parent].title == "Sagens indhold" for s in ad)
    decision = next(s for s in sections if s.title.startswith("Beslutning i"))
    assert "Taget til efterretning." in text[decision.start : decision.end]
    recommendation = next(s for s in sections if s.title == "Indstilling")
    assert "Taget til efterretning" not in text[recommendation.start : recommendation.end]
    # the numbered focus list inside "Sagens indhold" is a list, not four sections
    assert not [s for s in sections if s.kind == "numbered"]
    offset = text.index("Handleplanen skal være godkendt senest september 2021")
    path = section_path(sections, innermost_section(sections, offset))
    assert path[-2:] == ["Sagens indhold", "Ad pkt. 3"]


def test_markdown_headings_of_kommissorium():
    _, sections = _sections("kommissorium_socialcentre_jobcentre_2005.txt")
    titles = [s.title for s in sections if s.kind in ("markdown", "standard")]
    assert titles[0].startswith("Kommissorium for styrkelsen af indsatsen")
    for t in ("Kommissorium", "Organisering", "Tidsplan", "Bilag 1: Baggrund for kommissoriet"):
        assert t in titles


def test_inline_numbered_headings_in_web_transcript():
    text, sections = _sections("norddjurs_status_handleplan_arbejdsmarked_2015.txt")
    numbered = [s for s in sections if s.kind == "numbered"]
    assert [s.number for s in numbered] == ["1", "2", "3", "4", "5", "6"]
    assert numbered[0].title == "Implementering af ny organisation"
    assert numbered[4].title == "Økonomi"
    economy = text[numbered[4].start : numbered[4].end]
    assert "5,5 mio. kr." in economy


def test_run_in_enumeration_is_not_a_heading():
    text = (
        "Handleplanen omfatter 3 indsatsområder: 1. Hurtigere sagsbehandling 2. Bedre "
        "kommunikation med borgerne 3. Godt arbejdsmiljø. " + "Fyldtekst om planen. " * 30
    )
    assert [s for s in build_sections(text) if s.kind == "numbered"] == []


def test_minutes_with_small_item_numbers_are_agenda_items():
    text = (
        "Referat\n\n12. Ny skolestruktur\n\nSagsnr.: 17.01.00-A00-1-24    Åbent\n\n"
        "Beslutningstema\n\nUdvalget skal tage stilling til skolestrukturen.\n\n"
        "Beslutning\n\nGodkendt.\n\n"
        "13. Budget 2025\n\nSagsnr.: 00.30.00-S00-2-24    Åbent\n\n"
        "Sagens indhold\n\nDer afsættes 2 mio. kr. til skolerne.\n\nBeslutning\n\nUdsat.\n"
    )
    sections = build_sections(text)
    items = [s for s in sections if s.kind == "agenda_item"]
    assert [s.number for s in items] == ["12", "13"]
    assert items[1].parent is None  # not nested under the first item's "Beslutning"
    decisions = [s for s in sections if s.title == "Beslutning"]
    assert [sections[d.parent].number for d in decisions] == ["12", "13"]


def test_markdown_minutes_headings_keep_their_meaning():
    text = (
        "# Referat af møde i Opvækst- og Uddannelsesudvalget\n\n"
        "## 12. Udvidelse af Bakkeskolens SFO\n\n### Sagens indhold\n\nDer afsættes 3,2 mio. kr."
        "\n\n### Indstilling\n\nForvaltningen indstiller, at udvalget godkender.\n\n"
        "### Beslutning i Opvækst- og Uddannelsesudvalget den 14. marts 2023\n\nUdsat.\n\n"
        "## 13. Ny legeplads\n\n### Sagens indhold\n\nDer afsættes 400.000 kr.\n\n"
        "### Beslutning i Opvækst- og Uddannelsesudvalget den 14. marts 2023\n\nGodkendt.\n"
    )
    sections = build_sections(text)
    items = [s for s in sections if s.kind == "agenda_item"]
    assert [(s.number, s.title) for s in items] == [
        ("12", "Udvidelse af Bakkeskolens SFO"),
        ("13", "Ny legeplads"),
    ]
    decisions = [s for s in sections if s.title.startswith("Beslutning i")]
    assert all(s.kind == "standard" for s in decisions)
    assert [sections[s.parent].number for s in decisions] == ["12", "13"]


def test_item_title_wrapped_after_a_comma_or_a_conjunction_is_an_item():
    text = (
        "Referat\n"
        "4. Borgercases på Børne- og Ungeområdet og Social- og\nHandicapudvalgets område\n"
        "Sagsnr.: 23-000001\nBeslutning\nTaget til efterretning.\n"
        "5. Målgruppe for botilbud i Dahliahuset på Hedebo,\n"
        "Opfølgning på botilbudsanalyse - Forslag\n"
        "Sagsnr.: 23-003614\nBeslutning\nGodkendt.\n"
    )
    items = [s for s in build_sections(text) if s.kind == "agenda_item"]
    assert [(s.number, s.title) for s in items] == [
        ("4", "Borgercases på Børne- og Ungeområdet og Social- og Handicapudvalgets område"),
        (
            "5",
            "Målgruppe for botilbud i Dahliahuset på Hedebo, "
            "Opfølgning på botilbudsanalyse - Forslag",
        ),
    ]


def test_an_agenda_pdfs_wrapped_title_set_apart_and_its_numbered_annexes():
    """A PDF set an item title's first line apart as a heading ("… mellem Hesselby Skole og",
    blank line, "Vestrup Skole"): the title is whole. The item's numbered annexes ("1. Kort
    … (PDF, 1,1 MB)", "(lukket bilag)") are no items, and the next item's numbered title
    never joins the last annex."""
    text = (
        "Dagsorden\n\n"
        "35. Høring om ændring af skoledistrikt mellem Hesselby Skole og\n\n"
        "Vestrup Skole\nSagsnr.: 26/00655\n\nResumé\n\nForslaget sendes i høring.\n\n"
        "Bilag\n\n1. Kort over foreslået distriktsgrænse (PDF, 1,1 MB)\n"
        "2. Oversigt over elever (lukket bilag)\n"
        "36. Fordeling af midler til minimumsnormeringer 2026\nSagsnr.: 26/00402\n\n"
        "Resumé\n\nMidlerne fordeles efter antal børn.\n"
    )
    items = [(s.number, s.title) for s in build_sections(text) if s.kind == "agenda_item"]
    assert items == [
        ("35", "Høring om ændring af skoledistrikt mellem Hesselby Skole og Vestrup Skole"),
        ("36", "Fordeling af midler til minimumsnormeringer 2026"),
    ]


def test_contents_entries_whose_page_stands_on_its_own_line_are_no_chapters():
    """A contents page as pypdf may give it: some entries followed by their dot leaders,
    others by their page number alone on the next line. The entries are no chapters; the
    chapters are where the text is."""
    text = (
        "Statusrapport pr. 30. juni 2026\n\nIndhold\n\n"
        "1. Indledning\n. . . . . . . . . . . . . . 4\n"
        "3.4 Landbrug, natur og arealer\n5\n\n4. Næste skridt\n\n6\n\n5. Risici\n\n7\n\n"
        "6. Bilag\n. . . . . . . . . . . . . . 7\n\n"
        "1. Indledning\n\nByrådet vedtog klimahandleplanen i december 2024 med tolv indsatser.\n\n"
        "3.4 Landbrug, natur og arealer\n\nSkovrejsningen ved Kærsted Nord afventer tilskud.\n\n"
        "4. Næste skridt\n\nNæste statusrapport forelægges udvalget i februar 2027.\n\n"
        "5. Risici\n\nPrisstigninger kan betyde, at færre bygninger kan energirenoveres.\n\n"
        "6. Bilag\n\nBilag A indeholder en ordliste over de anvendte fagudtryk.\n"
    )
    sections = build_sections(text)
    risks = [s for s in sections if s.title == "Risici"]
    assert len(risks) == 1 and text[risks[0].start :].startswith("5. Risici\n\nPrisstigninger")
    steps = [s for s in sections if s.title == "Næste skridt"]
    assert len(steps) == 1 and text[steps[0].start :].startswith("4. Næste skridt\n\nNæste")


# A PDF referat whose items are named "Punkt N:": a title wrapped onto a lower-case line, and
# an Indstilling whose numbered points start with a capital letter.
_PUNKT_MINUTES = (
    "Punkt 4: Fordeling af Kulturpuljen 2023\n"
    "Sagsnr.: 23/9001\nBeslutning:\nGodkendt.\n\n"
    "Punkt 5: Idrætshal i Allingåbro – projektforslag og\nanlægsbevilling\n"
    "Sagsnr.: 22/15502\nSagsfremstilling\nHallen opføres ved skolen.\n"
    "Beslutning:\nAnbefales godkendt.\n\n"
    "Punkt 6: Høring over Biblioteksstrategi 2024-2027\n"
    "Sagsnr.: 23/7001\nIndstilling\nKultur- og fritidsdirektøren indstiller, at\n"
    "1. høringssvarene tages til efterretning,\n"
    "2. Biblioteksstrategi 2024-2027 godkendes med de ændringer, der er beskrevet i\n"
    "sagsfremstillingen.\nBeslutning:\n1. Taget til efterretning.\n2. Godkendt.\n\n"
    "Punkt 7: Budgetopfølgning pr. 31. august 2023 – Kultur og\nFritid\n"
    "Sagsnr.: 23/8841\nBeslutning:\nTaget til efterretning.\n"
)


def test_punkt_items_wrapped_titles_and_capitalised_points_of_an_indstilling():
    """Each decision stays under its own item: the wrapped "Punkt 5" is an item, and point 2
    of item 6's Indstilling is not."""
    sections = build_sections(_PUNKT_MINUTES)
    items = [(s.number, s.title) for s in sections if s.kind == "agenda_item"]
    assert items == [
        ("4", "Fordeling af Kulturpuljen 2023"),
        ("5", "Idrætshal i Allingåbro – projektforslag og anlægsbevilling"),
        ("6", "Høring over Biblioteksstrategi 2024-2027"),
        ("7", "Budgetopfølgning pr. 31. august 2023 – Kultur og Fritid"),
    ]
    decided = _PUNKT_MINUTES.index("2. Godkendt.")
    assert agenda_item_at(sections, decided).number == "6"


def test_sag_nr_items_with_wrapped_titles_are_agenda_items():
    """ "Sag nr. 142 Anlægsregnskab for renovering af Lindå" + "Svømmehal": an agenda item
    with its whole title, its fields under it; a sentence naming "Sag nr. 153" is none."""
    minutes = (
        "Lindå Kommune · Økonomiudvalget · Referat · 16. september 2025\n"
        "Sag nr. 141 Godkendelse af dagsorden\n"
        "Sags-ID: 25/00412 Åben sag\n"
        "Beslutning\nGodkendt.\n"
        "Sag nr. 153 blev behandlet efter sag nr. 145.\n"
        "Sag nr. 142 Anlægsregnskab for renovering af Lindå\n"
        "Svømmehal\n"
        "Sags-ID: 22/08831 Åben sag\n"
        "Sagsfremstilling\nRegnskabet viser et merforbrug på 912.000 kr.\n"
        "Beslutning\nAnbefales godkendt over for Byrådet.\n"
    )
    sections = build_sections(minutes)
    items = [(s.number, s.title) for s in sections if s.kind == "agenda_item"]
    assert items == [
        ("141", "Godkendelse af dagsorden"),
        ("142", "Anlægsregnskab for renovering af Lindå Svømmehal"),
    ]
    assert agenda_item_at(sections, minutes.index("Anbefales")).number == "142"


def test_paragraph_numbered_items_and_a_bodys_decision_heading():
    """ "§ 39 Anlægsbevilling – …": an agenda item numbered by the council's running paragraph
    number; "Udvalgets indstilling" and "Byrådets beslutning" head the item's fields, so the
    decision is a section of its own. A law cited on its own line ("§ 18 i serviceloven")
    between items of another number is no item."""
    minutes = (
        "Vesterhavn Kommune · Byrådet · Referat · 25. marts 2026\n"
        "§ 38 Godkendelse af dagsorden\n"
        "Sagsnr.: 26/00001\n"
        "Byrådets beslutning\nDagsordenen blev godkendt.\n"
        "§ 39 Anlægsbevilling – ny daginstitution Klitrosen i Sønderby\n"
        "Sagsnr.: 26/00412\n"
        "Lovgrundlag\n§ 18 i serviceloven\n"
        "Sagsfremstilling\nEfter udbud er anlægsudgiften opgjort til 42,8 mio. kr.\n"
        "Udvalgets indstilling\nBørne- og Skoleudvalget anbefaler indstillingen.\n"
        "Byrådets beslutning\nGodkendt med 25 stemmer for og 2 imod.\n"
    )
    sections = build_sections(minutes)
    items = [(s.number, s.title) for s in sections if s.kind == "agenda_item"]
    assert items == [
        ("38", "Godkendelse af dagsorden"),
        ("39", "Anlægsbevilling – ny daginstitution Klitrosen i Sønderby"),
    ]
    titles = [s.title for s in sections if s.kind != "agenda_item"]
    assert titles == [
        "Byrådets beslutning",
        "Lovgrundlag",
        "Sagsfremstilling",
        "Udvalgets indstilling",
        "Byrådets beslutning",
    ]


# A technical note as pypdf reads it: sub-numbered headings, each over a line or two of text.
_NOTE = (
    "Notat\n\n"
    "1. Generelt\n"
    "Notatet beskriver økonomien i de supplerende støjtiltag langs vejen ved byen.\n"
    "2. Supplerende støjtiltag.\n"
    "VVM-projektet er suppleret med en række støjtiltag, som beskrives herunder.\n"
    "2.1 Støjtiltag\n"
    "2.1.1 Støjvolde\n"
    "Der er etableret 16 støjvolde til en samlet værdi af ca. 18.500.000 kr.\n"
    "2.1.2 Støjskærm langs Landevejen\n"
    "En samlet pris på ca. 5.200.000,00 kr. inkl. PTA.\n"
    "2.2 Samlet pris for støjtiltag\n"
    "Den samlede pris er 23.700.000 kr.\n"
)


def test_sub_numbered_headings_nest_by_their_numbers():
    sections = build_sections(_NOTE)
    by_number = {s.number: s for s in sections if s.kind == "numbered"}
    assert set(by_number) == {"1", "2", "2.1", "2.1.1", "2.1.2", "2.2"}
    assert by_number["2.1.2"].title == "Støjskærm langs Landevejen"
    assert sections[by_number["2.1.2"].parent].number == "2.1"
    assert sections[by_number["2.2"].parent].number == "2"
    screen = _NOTE[by_number["2.1.2"].start : by_number["2.1.2"].end]
    assert "5.200.000,00" in screen and "23.700.000" not in screen
    path = section_path(sections, innermost_section(sections, _NOTE.index("5.200.000")))
    assert path[-1] == "Støjskærm langs Landevejen"


def test_sub_numbered_heading_is_not_inside_a_procedure_step():
    text = (
        "2.1 Havvand\n"
        "Data behandles i følgende trin, som hver beskrives kort herunder i teksten:\n"
        "1. Download af terrænmodellen fra Dataforsyningen\n"
        "Modellen hentes som tiles og gemmes lokalt på disken til videre brug.\n"
        "2. Fletning af tiles\n"
        "De hentede tiles flettes til én samlet raster for hele kommunen.\n"
        "2.2 Nedbør og vandløb\n"
        "Nedbørsdata kommer fra en anden kilde end havvandsdata og behandles for sig.\n"
    )
    sections = build_sections(text)
    rain = next(s for s in sections if s.number == "2.2")
    assert rain.parent is None or sections[rain.parent].number != "2"
    step = next(s for s in sections if s.title == "Fletning af tiles")
    assert "Nedbør" not in text[step.start : step.end]


def test_contents_line_with_a_page_number_is_no_heading():
    text = "3.1 Leverancemodel 3\n3.2 Drift af løsningen 4\n\n" + "Brødtekst om løsningen. " * 20
    assert [s for s in build_sections(text) if s.number in ("3.1", "3.2")] == []


def test_a_numbered_item_wrapped_over_lines_is_no_heading():
    """ "1. Indledningsvist udtrækkes ... ved brug af" + a second line of the same sentence: a
    list item wrapped by the PDF, not a section titled with half a sentence."""
    text = (
        "Fejlen kan korrigeres med 2 tiltag:\n"
        "1. Indledningsvist udtrækkes den korrekte terrænmodels relevante pixels ved brug af\n"
        "”DHM Havvand på Land”-lagene, der bruges som maske for udtrækkene i alle scenarier.\n"
        "\n"
        "2. Herpå skal man med rasterberegneren i QGIS subtrahere de nye udtræk fra vandstanden\n"
        "for det relevante klimascenarie, for at finde frem til vanddybderne i hvert område.\n"
    )
    assert [s for s in build_sections(text) if s.kind == "numbered"] == []
    # a short numbered title over its paragraph is still a heading
    body = "Der afsættes 600.000 kr. til videndeling mellem afdelingerne i 2006.\n"
    titled = f"1. Videndeling\n{body}\n2. Evaluering\n{body}"
    assert [s.title for s in build_sections(titled)] == ["Videndeling", "Evaluering"]


def test_the_short_last_point_of_a_wrapped_list_is_no_heading():
    """ "3. De 9 rasterdatasæt … skal nu vektoriseres …" ran on over two lines; "4. Til slut
    foretages nye beregninger og udtræk." on one line is the list's next point, not a section
    holding the rest of the note."""
    text = (
        "Fejlen kan korrigeres med 2 tiltag:\n"
        "1. De 9 rasterdatasæt med vanddybde skal nu vektoriseres med QGIS algoritmeværktøjet\n"
        "Rasterpixels til polygoner, så de kan bruges i de skadesøkonomiske beregninger.\n"
        "\n"
        "2. Til slut foretages nye skadesøkonomiske beregninger og udtræk.\n"
        "Der har indtil videre været meget store usikkerheder i forbindelse med tidsestimeringen "
        "af arbejdet med klimadata.\n"
    )
    assert [s.title for s in build_sections(text)] == []


def test_lettered_points_of_a_list_are_no_headings():
    """ "4d. mindre lokaler på idrætshaller (møderum mv.)" above a long point is the fourth
    point of a list, not a section holding the rest of the agenda item."""
    text = (
        "Indstilling\n"
        "4. at der kan tages bygninger i brug i følgende prioritering:\n\n"
        "4a. spejderhytter\n\n"
        "4b. kommunalt drevne borgerhuse (Greve Borgerhus som første prioritet)\n\n"
        "4d. mindre lokaler på idrætshaller (møderum mv.)\n\n"
        "4e. dernæst anvendes almene boliger i Sydkysten Boligselskab, som har tilbudt at der kan\n"
        "anvendes boliger i op til 3-6 måneder i deres almindelige udlejning\n\n"
        "Tidsplan\n"
        "Aftaler med udlejere og pavillonfirmaer indgås så hurtigt som muligt.\n"
    )
    titles = [s.title for s in build_sections(text)]
    assert titles == ["Indstilling", "Tidsplan"]


def test_a_case_heading_after_a_free_heading_in_an_item_is_its_sibling():
    """Minutes without "Sagsnr." lines can carry a free heading inside an item ("Supplerende
    oplysninger om trafiktal"); the item's "Beslutning" after it belongs to the item, not to
    that heading, so a decision's section path reads "Ny cykelsti ... > Beslutning"."""
    text = (
        "Referat af møde i Teknik- og Miljøudvalget den 9. maj 2024\n\n"
        "4. Ny cykelsti langs Skovvej\n\n"
        "Indstilling\n"
        "Forvaltningen indstiller, at cykelstien anlægges i 2025 for 3,2 mio. kr.\n\n"
        "Supplerende oplysninger om trafiktal\n\n"
        "Trafikken på Skovvej er steget med 20 procent siden 2019, og der er registreret flere "
        "uheld med cyklister.\n\n"
        "Beslutning\n"
        "Godkendt.\n\n"
        "5. Vejbelysning på Møllevej\n\n"
        "Indstilling\n"
        "Forvaltningen indstiller, at belysningen udskiftes.\n\n"
        "Beslutning\n"
        "Udsat.\n"
    )
    sections = build_sections(text)
    decision = innermost_section(sections, text.index("Godkendt."))
    assert decision is not None
    assert section_path(sections, decision) == ["Ny cykelsti langs Skovvej", "Beslutning"]
    free = next(s for s in sections if s.title == "Supplerende oplysninger om trafiktal")
    assert free.end <= text.index("Beslutning\nGodkendt")


def test_a_long_sub_numbered_title_is_a_heading():
    """ "2.4 Direkte integration ... og næste skridt (Agnete)": longer than an unnumbered
    heading may be, but its number makes it the next sub-item, as "2.3" was."""
    text = (
        "2.3 Status på etablering af styregruppe (Agnete)\n"
        "Deadline er den 5. oktober.\n"
        "2.4 Direkte integration mellem OS2Display og Microsoft Graph: status på "
        "beslutningsforslag og næste skridt (Agnete)\n"
        "ITK har givet et estimat på 100-150 timer.\n"
    )
    sections = {s.number: s for s in build_sections(text)}
    assert set(sections) == {"2.3", "2.4"}
    assert "100-150 timer" in text[sections["2.4"].start : sections["2.4"].end]
    assert "100-150 timer" not in text[sections["2.3"].start : sections["2.3"].end]


def test_the_agenda_item_at_an_offset_and_its_sub_items() -> None:
    """ "punkt 2" covers item 2 and its sub-item 2.3, not item 20; the innermost item wins;
    a numbered section that is no agenda item is none."""
    sections = [
        Section(0, None, 1, "agenda_item", "Budget", 0, 40, "2"),
        Section(1, 0, 2, "agenda_item", "Puljen", 20, 40, "2.3"),
        Section(2, None, 1, "agenda_item", "Eventuelt", 40, 60, "20"),
        Section(3, None, 1, "numbered", "Bilag", 60, 80, "3"),
    ]
    assert agenda_item_at(sections, 10).number == "2"
    assert agenda_item_at(sections, 25).number == "2.3"
    assert agenda_item_at(sections, 45).number == "20"
    assert agenda_item_at(sections, 70) is None
    assert within_item("2.3", "2") and within_item("2", "2")
    assert not within_item("20", "2") and not within_item(None, "2")


def test_a_letters_salutation_and_closing_head_no_section():
    """ "Kære bestyrelse" and "Med venlig hilsen" are short lines of their own, but a letter's
    formulas, not headings: its body is not a section called "Kære bestyrelse"."""
    letter = (
        "Kultur og Fritid\nRådhustorvet 1\n7100 Vejle\n\n"
        "Tilsagn om tilskud til nyt bådhus\n\n"
        "Kære bestyrelse\n\n"
        "Kultur- og Fritidsudvalget har på sit møde den 30. september 2025 behandlet jeres "
        "ansøgning om tilskud til opførelse af et nyt bådhus.\n\n"
        "Udvalget har bevilget et anlægstilskud på 450.000 kr.\n\n"
        "Med venlig hilsen\n\nLouise Kragh\nFritidskonsulent\n"
    )
    titles = [s.title for s in build_sections(letter)]
    assert not any(t.startswith(("Kære", "Med venlig")) for t in titles), titles


def test_a_line_going_on_with_a_hyphen_wrapped_word_is_no_heading():
    """ "… fordelt over projektperioden 2025-" / "28. Projektets formål …": the "28." ends a
    word wrapped at its hyphen, it numbers no heading."""
    text = (
        "17. Puljemidler til IPS\n\nResume\nDer er modtaget en bevilling på 3,2 mio. kr., "
        "fordelt over projektperioden 2025-\n28. Projektets formål er at hjælpe udsatte unge "
        "videre i ordinære job.\n\n" + "Fyldtekst om projektet. " * 30
    )
    titles = [s.title for s in build_sections(text)]
    assert not any(t.startswith("Projektets formål") for t in titles), titles


_EFFEKTUERING = (
    "Der er behov for flg. i forbindelse med effektuering af beslutningen:\n\n"
    "1. Anvendere af den hjemtagne version af OS2borgerPC skal informeres om situationen\n"
    "2. Der skal etableres et reelt alternativ til OS2borgerPC i løbet af 2026, således der kan "
    "migreres over til denne version i ro og mag inden supporten udløber\n"
    "3. Der skal indhentes et samlet tilbud om udvidet support fra april 2027\n\n"
)


def test_the_last_point_of_an_enumeration_is_no_section():
    """ "3. Der skal indhentes …" right below point 2 and followed by prose is the list's last
    point: taken for a section heading it is dropped from answers as a bare heading."""
    text = _EFFEKTUERING + "Beslutningen fremlægges til ratificering på næste møde.\n"
    assert [s for s in build_sections(text) if s.kind == "numbered"] == []


def test_the_last_point_of_a_decision_in_paragraphs_is_no_section(tmp_path: Path):
    """A decision's points written as paragraphs ("1. Taget til efterretning", "2. Ingen af
    udvalgets områder …") are a list: the last one is no section over the case text below."""
    path = tmp_path / "referat.html"
    path.write_text(
        "<html><body><h1>Referat – Plan- og Tryghedsudvalget – 25. april 2023</h1>"
        "<h2>2. Budgetanalyse 9 - Katalog over kan- og skal-opgaver</h2>"
        "<p>Sagsnr.: 23-004448</p><h3>Beslutning</h3><p>1. Taget til efterretning</p>"
        "<p>2. Ingen af udvalgets områder ønskes yderligere beskrevet.</p>"
        "<h3>Fremstilling</h3><p>Administrationen har udarbejdet første version af et katalog "
        "over kan- og skal-opgaver på udvalgets område til budgetmaterialet.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    record, _ = parse_loaded(load_file(path), path, "d1")
    assert [s.title for s in record.sections if s.kind == "numbered"] == []


def test_the_last_point_of_a_markdown_list_is_no_section(tmp_path: Path):
    path = tmp_path / "beslutning.md"
    path.write_text(
        "# Fuld stop for nyudvikling\n\n## Effektuering\n\n"
        + _EFFEKTUERING
        + "## Risici:\n\nDe væsentligste risici er endnu ikke beskrevet.\n",
        encoding="utf-8",
    )
    record, _ = parse_loaded(load_file(path), path, "d1")
    assert [s.title for s in record.sections] == [
        "Fuld stop for nyudvikling",
        "Effektuering",
        "Risici",
    ]
    point = record.text.index("3. Der skal indhentes")
    kinds = {b.kind for b in record.blocks if b.start <= point < b.end}
    assert kinds == {"list_item"}


def test_a_contents_entry_without_a_page_number_is_no_item():
    """A closed item has no page, so the contents end with a bare "416. Lukket punkt: Køb af
    ejendom" that reads as an item heading: nothing stands under it and the item itself comes
    later, so it is the contents entry and the minutes list item 416 once. Two meetings in one
    file may both have an item 1 with the same title: each has a body, both stay."""
    text = (
        "Referat\nByrådet\n\nIndholdsfortegnelse\n"
        "415. Anlægsbevilling til cykelsti . . . . . . . . . . 2\n"
        "416. Lukket punkt: Køb af ejendom\n\n"
        "415. Anlægsbevilling til cykelsti\nSagsnr.: 25/01\nResumé\n"
        + "Der søges om en anlægsbevilling på 4,1 mio. kr. til en cykelsti. "
        * 3
        + "\nBeslutning i Byrådet den 25-09-2025\nGodkendt.\n\n"
        "416. Lukket punkt: Køb af ejendom\nSagsnr.: 25/02 Lukket punkt\n"
    )
    items = [(s.number, s.title) for s in build_sections(text) if s.kind == "agenda_item"]
    assert items == [
        ("415", "Anlægsbevilling til cykelsti"),
        ("416", "Lukket punkt: Køb af ejendom"),
    ]
    twice = (
        "Møde 1\n\n1. Godkendelse af dagsorden\nDagsordenen blev godkendt uden bemærkninger.\n\n"
        "Møde 2\n\n1. Godkendelse af dagsorden\nDagsordenen blev godkendt med en tilføjelse.\n"
    )
    assert sum(s.kind == "agenda_item" for s in build_sections(twice)) in (0, 2)


def test_a_question_on_a_line_of_its_own_heads_its_answer():
    """Memos head their sections with questions ("Hvor stor en skade har fejlen medført?");
    a question inside a paragraph stays a sentence."""
    text = (
        "Notat om fejl i kortene\n\n"
        "Hvor stor en skade har fejlen medført?\n\n"
        "For at analysere omfanget af fejlen er der målt på forskellen mellem de to datasæt "
        "i de 13 fokusområder for havvandsstigning.\n\n"
        "Hvad skal der til for at udbedre fejlen? Det vurderes, at rettelsen tager omkring to "
        "måneder, og at kortene derefter genberegnes for alle fokusområder.\n"
    )
    titles = [s.title for s in build_sections(text)]
    assert titles == ["Hvor stor en skade har fejlen medført?"]


def test_items_numbered_with_a_bar_are_agenda_items_and_their_contents_entry_is_not():
    """ "3 | Behandlingstakst for haveaffald": a number and a title apart by a bar. The
    contents list's last entry (a closed item has no page number) is no item, though the
    committee's running header stands under it."""
    text = (
        "Referat – Klima- og Miljøudvalget – 10. marts 2026\n\n"
        "Indhold\n"
        "1 | Godkendelse af dagsorden . . . . . . . . 2\n"
        "2 | Behandlingstakst for haveaffald . . . . . 3\n"
        "3 | Lukket punkt: Arealerhvervelse\n\n"
        "Klima- og Miljøudvalget\n\n"
        "1 | Godkendelse af dagsorden\n\n"
        "Sagsnr.: 26/00102\n\n"
        "Udvalgets beslutning\n\nGodkendt.\n\n"
        "2 | Behandlingstakst for haveaffald – konsekvens for\naffaldsgebyret\n\n"
        "Sagsnr.: 26/00127\n\n"
        "Sagsfremstilling\n\n"
        "Bestyrelsen har besluttet at hæve behandlingstaksten for haveaffald fra 395 kr. til "
        "460 kr. pr. ton.\n\n"
        "Udvalgets beslutning\n\nFor stemte A, V og F (4). Imod stemte Ø og O (2).\n\n"
        "3 | Lukket punkt: Arealerhvervelse\n\n"
        "Udvalgets beslutning\n\nGodkendt.\n"
    )
    items = [(s.number, s.title) for s in build_sections(text) if s.kind == "agenda_item"]
    assert items == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Behandlingstakst for haveaffald – konsekvens for affaldsgebyret"),
        ("3", "Lukket punkt: Arealerhvervelse"),
    ]


# A PDF referat's contents page (each page number on a line of its own, closed items without
# one) and items whose titles wrap after a comma; a paragraph line breaks before "30." and
# before a plan's number "2.17".
_PKT_MINUTES_WITH_CONTENTS = (
    "Referat\n\nTeknisk Udvalg\n\nIndholdsfortegnelse\n\n"
    "Pkt. 1 Lokalplan 2.17 Erhvervsområde Nørremark – forslag\n2\n"
    "Pkt. 2 Ansøgning om dispensation fra Lokalplan 1.19 – carport, Hybenvej 3\n4\n"
    "Pkt. 3 Lukket punkt: Køb af ejendom – Engvej 12\n"
    "Pkt. 4 Eventuelt\n\n"
    "Pkt. 1 Lokalplan 2.17 Erhvervsområde Nørremark – forslag\nSagsnr.: 26/000101\n\n"
    "Resumé\n\nAdministrationen har på anmodning fra en grundejer udarbejdet forslag til "
    "Lokalplan\n"
    "2.17 Erhvervsområde Nørremark og forslag til Kommuneplantillæg nr. 4 med tilhørende\n"
    "miljørapport. Forslagene sendes i høring i 8 uger.\n\n"
    "Beslutning\n\nGodkendt.\n\n"
    "Pkt. 2 Ansøgning om dispensation fra Lokalplan 1.19 – carport,\nHybenvej 3\n\n"
    "Sagsnr.: 26/000233\n\nResumé\n\n"
    "Ejeren har søgt om dispensation til en carport. Bebyggelsesprocenten bliver 33, hvor "
    "lokalplanen tillader\n"
    "30. Administrationen indstiller, at der meddeles afslag.\n\n"
    "Beslutning\n\nAdministrationens indstilling blev godkendt. Der meddeles afslag.\n\n"
    "Pkt. 3 Lukket punkt: Køb af ejendom – Engvej 12\nSagsnr.: 26/000599\n\n"
    "Beslutning\n\nGodkendt.\n\n"
    "Pkt. 4 Eventuelt\nSagsnr.: 26/000414\n\nBeslutning\n\nIntet.\n"
)


def test_an_item_title_wrapped_after_a_comma_and_numbers_inside_paragraphs():
    """ "Pkt. 2 … – carport," + "Hybenvej 3" is item 2 (so its contents entry is dropped and
    its decision is under it); "30. Administrationen …" and "2.17 Erhvervsområde …" continue
    their paragraphs' sentences; a contents line "Pkt. 4 Eventuelt" is no part of the title
    above it."""
    text = _PKT_MINUTES_WITH_CONTENTS
    sections = build_sections(text)
    body = text.index("Pkt. 4 Eventuelt\n\n")  # the contents page ends here
    items = [(s.number, s.title, s.start > body) for s in sections if s.kind == "agenda_item"]
    assert items == [
        ("1", "Lokalplan 2.17 Erhvervsområde Nørremark – forslag", True),
        ("2", "Ansøgning om dispensation fra Lokalplan 1.19 – carport, Hybenvej 3", True),
        ("3", "Lukket punkt: Køb af ejendom – Engvej 12", True),
        ("4", "Eventuelt", True),
    ]
    decided = text.index("Der meddeles afslag.")
    assert agenda_item_at(sections, decided).number == "2"
    numbers = {s.number for s in sections if s.number}
    assert "30" not in numbers and "2.17" not in numbers, numbers


_PLAN = (
    "Indhold\n\n"
    "1 Kyst og natur\n1.1 Hedestien\n2 Landsbyerne\n2.1 »Smag på Lyngbjerg«\n3 Budget\n"
    "4 Videre proces\n\n"
    "1 Kyst og natur\n\n"
    "Kysten og heden er kommunens stærkeste aktiver, og indsatsen gør naturen tilgængelig.\n\n"
    "1.1 Hedestien\n\n"
    "En 38 km lang afmærket vandre- og cykelrute fra Vesterhede til Lyngbjerg Strand.\n\n"
    "2 Landsbyerne\n\n"
    "2.1 »Smag på Lyngbjerg«\n\n"
    "En fødevarerute med mindst 20 gårdbutikker og en årlig høstfestival i september.\n\n"
    "4 Eksempel på et udtryk: \"ANVENDELSE\" like '%Gas%'\n\n"
    "Udtrykket finder de bygninger, hvis anvendelse nævner gas, i bygnings- og boligregistret.\n\n"
    "3 Budget\n\n"
    "Tabel 1 viser budgettet for handleplanen fordelt på indsatser og år (1.000 kr.).\n"
    "Indsats\t2026\t2027\tI alt\n"
    "1.1 Hedestien\t400\t850\t1.250\n"
    "2.1 Smag på Lyngbjerg\t100\t200\t300\n\n"
    "4 Videre proces\n\n"
    "1. Offentlig høring fra 23. marts til 18. maj 2026\n"
    "2. Endelig vedtagelse i Byrådet den 22. juni 2026\n"
)


def test_chapters_numbered_without_a_full_stop_hold_their_sections():
    sections = build_sections(_PLAN)
    heads = [(s.level, s.number, s.title) for s in sections]
    # the contents list names the chapters; the chapters themselves head the text, a
    # quoted title is a section's too, and a chapter may be a list
    assert heads == [
        (1, "1", "Kyst og natur"),
        (2, "1.1", "Hedestien"),
        (1, "2", "Landsbyerne"),
        (2, "2.1", "»Smag på Lyngbjerg«"),
        (1, "3", "Budget"),
        (1, "4", "Videre proces"),
    ]
    budget = next(s for s in sections if s.number == "3")
    # a table row opening with an initiative's number is a row of the budget, no section
    assert "1.1 Hedestien\t400" in _PLAN[budget.start : budget.end]


def test_an_item_title_wrapped_after_an_ordinal_is_one_item() -> None:
    """ "Sag nr. 23. … – status for 4." + "kvartal 2024": the PDF wrapped the title after an
    ordinal's period, which ends no title; the item stands apart from the one before it."""
    text = (
        "Referat\n\nSag nr. 22. Forslag til Lokalplan 412 – offentlig høring\n\n"
        "Sagsnr.: 01.02.05-P16-1-25\n\nResumé\n\nUdvalget skal tage stilling.\n\n"
        "Beslutning i Plan- og Boligudvalget den 3. marts 2031\n\nGodkendt.\n\n"
        "Sag nr. 23. Sagsbehandlingstider på byggesagsområdet – status for 4.\n"
        "kvartal 2030\n\nSagsnr.: 02.00.00-A00-2-25\n\nResumé\n\nUdvalget orienteres.\n\n"
        "Beslutning i Plan- og Boligudvalget den 3. marts 2031\n\nTaget til efterretning.\n"
    )
    items = [(s.number, s.title) for s in build_sections(text) if s.number]
    assert items == [
        ("22", "Forslag til Lokalplan 412 – offentlig høring"),
        ("23", "Sagsbehandlingstider på byggesagsområdet – status for 4. kvartal 2030"),
    ]


def test_a_table_of_contents_heading_is_no_parent_of_the_items_after_it() -> None:
    """A portal page's "h2 Indholdsfortegnelse" over "h3 Punkt 1: …": the items are the
    minutes' own, not sub-sections of the contents (whose path would read "Indholdsfortegnelse
    > Punkt 2 …")."""
    text = (
        "# Referat – Teknik- og Trafikudvalget\n\n## Indholdsfortegnelse\n\n"
        "Punkt 1: Godkendelse af dagsorden\nPunkt 2: Trafikplan 2031-2036\n\n"
        "### Punkt 1: Godkendelse af dagsorden\n\nGodkendt.\n\n"
        "### Punkt 2: Trafikplan 2031-2036\n\n#### Beslutning\n\nGodkendt.\n"
    )
    sections = build_sections(text)
    by_title = {s.title: s for s in sections}
    title = sections.index(by_title["Referat – Teknik- og Trafikudvalget"])
    assert by_title["Godkendelse af dagsorden"].parent == title
    assert by_title["Trafikplan 2031-2036"].parent == title
    contents = by_title["Indholdsfortegnelse"]
    assert contents.end <= by_title["Godkendelse af dagsorden"].start
