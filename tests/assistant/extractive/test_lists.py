"""Lists that answer "hvilke …?" (assistant/extractive/lists.py), on documents written for
the tests."""

from tests.conftest import assistant_over

PROJECT_GROUP_MD = """# Projektgruppe for ny svømmehal i Tarmby – referat af møde 3. marts 2031

**Sted:** Tarmby Kulturhus
**Referent:** Lene Holm

## 2.1 Godkendelse af referat fra møde nr. 1

Referatet blev godkendt uden bemærkninger.

## 2.2 Økonomi

Den samlede anlægsramme er 62,5 mio. kr. Rådgiveren gennemgik fordelingen af rammen.

## 2.3 Tidsplan

Byggestart er planlagt til september 2031, og svømmehallen forventes taget i brug i 2033.

## 2.4 Risici

1. **Stigende stålpriser** – kan give et dyrere tilbud end budgetteret. *Sandsynlighed: høj.*
2. **Grundvand** – prøveboringerne viste højt grundvand; ekstra pumper koster 0,6 mio. kr.
   *Sandsynlighed: middel.*
3. **Fondsansøgning** – der er endnu ikke givet tilsagn fra fonden.
4. **Naboklager** over støj i byggeperioden.

## 2.5 Næste møde

Næste møde holdes den 7. april 2031.
"""


def test_a_sections_list_answers_what_its_heading_names_not_the_meetings_items(
    tmp_path_factory,
) -> None:
    """ "Hvilke risici …?" and a section "2.4 Risici" whose body is a numbered list of items
    of two sentences each: its items answer, not the meeting's items (one of them titled
    "Risici")."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("risks"), {"projektgruppe_2031-03-03.md": PROJECT_GROUP_MD}
    )
    answer = unseen.ask("hvilke risici er nævnt i referatet?")
    assert "Stigende stålpriser" in answer.text, answer.text
    assert "Naboklager" in answer.text, answer.text
    assert "Godkendelse af referat" not in answer.text, answer.text


def test_the_meetings_items_still_answer_what_was_on_the_agenda(tmp_path_factory) -> None:
    """ "Hvilke punkter var på dagsordenen …?" is answered by the meeting's items."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("agenda-items"), {"projektgruppe_2031-03-03.md": PROJECT_GROUP_MD}
    )
    answer = unseen.ask(
        "Hvilke punkter var på dagsordenen på projektgruppens møde den 3. marts 2031?"
    )
    assert "Godkendelse af referat" in answer.text and "Næste møde" in answer.text, answer.text


STATUS_NOTE_MD = """# Statusnotat: Handleplan for digital borgerservice 2030-2032

Opfølgning pr. 1. oktober 2031.

## 1. Samlet vurdering

Af de 6 initiativer er 2 gennemført, 2 er i gang, 1 er forsinket, og 1 er endnu ikke påbegyndt.

## 2. Opfølgningsskema

| Nr. | Initiativ | Ansvarlig | Frist | Status pr. 01.10.2031 |
|---|---|---|---|---|
| 1 | Ny selvbetjening for flytning | Borgerservice | 01.03.2031 | Gennemført |
| 2 | Chatfunktion på hjemmesiden | Kommunikation | 01.06.2031 | Gennemført |
| 3 | Digital tidsbestilling | Borgerservice | 01.12.2031 | I gang |
| 4 | Tilgængelighedstest af alle blanketter | Digitalisering | 01.11.2031 | I gang |
| 5 | Integration til sagssystemet | IT-drift | 01.09.2031 | Forsinket – ny frist 01.02.2032 |
| 6 | Borgerpanel om digitale løsninger | Borgerservice | 01.04.2032 | Ikke påbegyndt |
"""


def test_a_status_column_picks_the_rows_a_question_asks_for(tmp_path_factory) -> None:
    """ "Hvilke initiativer er bagud?" and "… endnu ikke sat i gang?" are answered by the rows
    whose Status cell says so, not by the sentence that counts them ("1 er forsinket") nor by
    the rows saying "I gang"."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("status"), {"status_2031-10-01.md": STATUS_NOTE_MD}
    )
    late = unseen.ask("Hvilke initiativer i handleplanen er bagud?").text
    assert "Integration til sagssystemet" in late, late
    assert "Chatfunktion" not in late and "Digital tidsbestilling" not in late, late
    idle = unseen.ask("Hvilke initiativer i handleplanen er endnu ikke sat i gang?").text
    assert "Borgerpanel" in idle, idle
    assert "Digital tidsbestilling" not in idle and "Tilgængelighedstest" not in idle, idle


CLOSING_DAYS_MD = """# Børne- og Ungeudvalget – Referat

**Mødedato:** Mandag den 2. juni 2031, kl. 15.30
**Fra administrationen:** Direktør Anette Skov, dagtilbudschef Jesper Hein (punkt 3)

## Indhold

1. Godkendelse af dagsorden
2. Plan for nedbringelse af ventetiden i PPR
3. Fælles lukkedage i dagtilbud 2032
4. Meddelelser

## Punkt 1: Godkendelse af dagsorden

Godkendt.

## Punkt 2: Plan for nedbringelse af ventetiden i PPR

PPR har analyseret sagsflowet og foreslår to ekstra psykologer.

## Punkt 3: Fælles lukkedage i dagtilbud 2032

### Sagsfremstilling

Administrationen foreslår fem fælles lukkedage i de kommunale dagtilbud i 2032. På
lukkedagene tilbydes nødpasning i Børnehuset Mejsen.

Foreslåede lukkedage i 2032:

- fredag den 2. januar 2032
- fredag den 7. maj 2032 (dagen efter Kristi himmelfartsdag)
- fredag den 5. juni 2032 (grundlovsdag)
- fredag den 24. december 2032
- fredag den 31. december 2032

### Beslutning

Godkendt.

## Punkt 4: Meddelelser

Ingen.
"""

REDUCTIONS_MD = """# Budgetaftale 2032-2035

## Bemærkninger til de enkelte reduktioner

R-01: Forudsætter samling af 7.-9. klasse på én skole fra 1. august 2032.

R-04: Alle kommunale dagtilbud holder lukket kl. 16.00 om fredagen fra 1. august 2032.
R-06: Omfatter nedlæggelse af fire lederstillinger i centralforvaltningen.

Beløbene er beregnet af Økonomi og Analyse og indgår i budgetaftalens bilag 2.
"""


def test_a_list_of_dates_answers_which_days_not_the_meetings_items(tmp_path_factory) -> None:
    """ "Hvilke dage …?" is answered by the list of dates, not by the meeting's items (one
    titled with the question's words) nor by label lines that name the same words."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("closing-days"),
        {"referat_buu.md": CLOSING_DAYS_MD, "budgetaftale.md": REDUCTIONS_MD},
    )
    answer = unseen.ask("Hvilke dage holder de kommunale dagtilbud fælles lukkedag i 2032?")
    assert "2. januar 2032" in answer.text and "31. december 2032" in answer.text, answer.text
    assert "Godkendelse af dagsorden" not in answer.text, answer.text


DECISION_RECORD_MD = """# Handicaprådet – beslutningsprotokol – 2. juni 2032

## Dagsorden

1. Godkendelse af dagsorden
2. Høring: Revideret kvalitetsstandard for socialpædagogisk støtte
3. Orientering: Bofællesskabet Kærhaven – tidsplan
4. Eventuelt

## 2. Høring: Revideret kvalitetsstandard for socialpædagogisk støtte

Kvalitetsstandarden er revideret og sendt i høring med frist den 13. juni 2032.

## 3. Orientering: Bofællesskabet Kærhaven – tidsplan

Indflytning forventes den 1. december 2033.
"""

STRATEGY_MD = """# Digitaliseringsstrategi 2032-2035

## 1. Vision

Strategien hviler på fem principper: enkelhed, tryghed, åbenhed, fællesskab og effekt.

## 2. Indsatsområder

## Indsatsområde 1: Digital service for borgere og virksomheder

Selvbetjeningsløsningerne samles på én platform.

## Indsatsområde 2: Data og kunstig intelligens

En AI-assistent afprøves i Jobcentret.

## Indsatsområde 3: Informationssikkerhed og robust drift

Kommunen tilslutter sig en fælles SOC-overvågning.

## 3. Økonomi

Strategien finansieres inden for rammen.
"""


QUALITY_STANDARD_MD = """# Referat – Social- og Sundhedsudvalget – 12. maj 2032

## Punkt 4: Revideret kvalitetsstandard for socialpædagogisk støtte

### Sagsfremstilling

Kvalitetsstandarden for socialpædagogisk støtte efter servicelovens § 85 er revideret. Den
beskriver serviceniveauet og sendes i høring hos Handicaprådet.

### Beslutning

Godkendt.
"""


def test_a_decision_records_dagsorden_list_is_its_agenda(tmp_path_factory) -> None:
    """The numbered list under "## Dagsorden" is the meeting's items: it answers "Hvilke
    punkter …?", never what a topic named in one of its items holds."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("dagsorden"),
        {"handicapraad.md": DECISION_RECORD_MD, "referat.md": QUALITY_STANDARD_MD},
    )
    levels = unseen.ask(
        "Hvilke støtteniveauer lægger den reviderede kvalitetsstandard for socialpædagogisk "
        "støtte op til?"
    )
    assert "Eventuelt" not in levels.text, levels.text
    items = unseen.ask("Hvilke punkter var på Handicaprådets dagsorden den 2. juni 2032?")
    assert "Eventuelt" in items.text and "Kærhaven" in items.text, items.text


def test_headings_numbered_by_a_word_of_their_own_are_a_list(tmp_path_factory) -> None:
    """ "Indsatsområde 1: …", "Indsatsområde 2: …" answer "Hvilke indsatsområder …?" as the
    numbered sections "1. …", "2. …" would."""
    unseen = assistant_over(tmp_path_factory.mktemp("areas"), {"strategi.md": STRATEGY_MD})
    areas = unseen.ask("Hvilke indsatsområder er der i digitaliseringsstrategien?")
    for area in ("Digital service", "Data og kunstig intelligens", "Informationssikkerhed"):
        assert area in areas.text, areas.text


# A budget follow-up as a PDF prints it: lists after a colon whose bullets were lost, one
# with items "Navn: …" over several sentences and lines, one with an item a line each.
_FOLLOW_UP_PAGE = [
    "8. Overførsler og handleplaner",
    "Følgende institutioner forventes at have et merforbrug på over 3 pct., som skal "
    "afvikles efter en",
    "handleplan:",
    "Bøgehuset: forventet merforbrug på 2,1 mio. kr. (5,2 pct.). Handleplan godkendt af",
    "Social- og Sundhedsudvalget den 9. september 2031.",
    "Lindegården: forventet merforbrug på 0,9 mio. kr. (3,4 pct.). Handleplan forelægges i",
    "november 2031.",
    "Tarmby Ungdomsskole: forventet merforbrug på 0,4 mio. kr. (3,1 pct.). Afvikles over 2032.",
    "Overførslerne forelægges Byrådet i april 2032 sammen med regnskabet for 2031, og de",
    "endelige beløb kendes først efter regnskabsafslutningen.",
    "",
    "9. Ældrerådets ønsker",
    "Ældrerådet har sendt sine ønsker til budget 2032.",
    "Følgende ønsker fra ældrerådet er ikke finansieret:",
    "Motionshold i alle lokalområder, anslået 200.000 kr. årligt.",
    "Kørselsordning til dagcentrene, anslået 450.000 kr. årligt.",
    "Ny seniorfestival, anslået 60.000 kr. årligt.",
    "Forvaltningen vurderer, at ønskerne kan indgå i budgetforhandlingerne, hvis der findes",
    "finansiering inden for rammen.",
]


def test_a_pdf_lists_items_without_bullets_are_all_listed(tmp_path) -> None:
    """After "…:" a PDF's list without markers goes on past an item's period: items that
    start "Navn: …" run over sentences and lines until a line starts otherwise, and items
    that each fill a line of their own end at the first line that wraps."""
    from tests.conftest import assistant_for_docs
    from tests.ingest.conftest import write_pdf

    (tmp_path / "docs").mkdir()
    write_pdf(tmp_path / "docs" / "budgetopfoelgning.pdf", [_FOLLOW_UP_PAGE])
    unseen = assistant_for_docs(tmp_path)
    over = unseen.ask("Hvilke institutioner skal lave en handleplan for deres merforbrug?")
    for name in ("Bøgehuset", "Lindegården", "Tarmby Ungdomsskole", "november 2031"):
        assert name in over.text, over.text
    assert "Overførslerne forelægges" not in over.text, over.text
    wishes = unseen.ask("Hvilke af ældrerådets ønsker er ikke finansieret?")
    for wish in ("Motionshold", "Kørselsordning", "seniorfestival"):
        assert wish in wishes.text, wishes.text
    assert "Forvaltningen vurderer" not in wishes.text, wishes.text
