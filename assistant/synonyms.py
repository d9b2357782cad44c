"""Words Danish municipal documents use for the same thing: a question using one finds the
other, in the answer's sentence scoring and, at a lower weight, in the BM25 query.

Each set earned its place on a question of the development set, `corpus/` or a blind probe
(see the commit that added it); the stems are the analyzer's, so a set matches every
inflection the stemmer folds together.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.analysis import DanishAnalyzer

SYNONYM_SETS = (
    ("byråd", "byrådet", "kommunalbestyrelse", "kommunalbestyrelsen", "borgerrepræsentationen"),
    ("omorganisering", "omorganiseringen", "organisationsændring", "organisationsændringen"),
    ("ansatte", "medarbejdere", "personale"),
    ("andre", "øvrige"),
    ("tit", "ofte", "hyppigt"),
    ("venter", "afventer"),
    ("sagsnummer", "sagsnr"),
    ("beløb", "budget", "ramme"),
    ("afsat", "afsættes", "reserveret", "prioriteret"),
    ("stillinger", "stillingerne"),
    ("vedtog", "besluttede", "vedtaget", "besluttet"),
    ("udgifter", "merudgift", "omkostninger", "meromkostning", "meromkostninger", "koster"),
    # "Opgavestiller afholder omkostninger til review"; "Hvor meget skal Nordsø betale?" /
    # "Nordsø Kommunes andel udgør …"
    ("betale", "betaler", "afholder", "finansierer", "andel"),
    ("afløser", "erstatter"),
    ("ja", "tilsagn"),  # "sagt ja til" / "givet tilsagn om"
    ("øje", "følger", "overvåger", "monitorerer"),  # "holder øje med" / "følger løbende"
    # "søge puljen" / "ansøgning til"; "Hvor meget søgte vi om?" / "Kommunen har ansøgt om"
    ("søge", "søger", "søgte", "søgt", "ansøge", "ansøger", "ansøgte", "ansøgt", "ansøgning"),
    ("fraværende", "afbud", "fravær"),
    ("lang", "længde", "længden"),  # "Hvor lang bliver ruten?" / "Den korrekte længde er …"
    # "Hvor høje må rækkehusene være?" / "Den maksimale bygningshøjde nedsættes til 8,5 m"
    ("høj", "højt", "høje", "højde", "højden"),
    ("bred", "bredt", "brede", "bredde", "bredden"),
    ("dyb", "dybt", "dybe", "dybde", "dybden"),
    ("lave", "opgaver", "opgave"),  # "Hvad skal arbejdsgruppen lave?" / "3. Opgaver"
    ("forsinket", "forsinkede", "halter", "bagud"),  # "halter bagefter" / "Forsinket"
    ("afsluttet", "gennemført"),  # a status column's "Gennemført"
    # "Hvornår skal arbejdet starte og være færdigt?" / "påbegyndt … og afsluttet senest …"
    # "Hvornår står torvet færdigt?" / "aflevering senest den 15. december 2026"
    ("færdig", "færdigt", "færdige", "afsluttet", "afsluttes", "aflevering", "afleveres"),
    # "Hvornår kan beboerne flytte ind?" / "ibrugtagning 1. august 2028"
    ("indflytning", "flytte", "ibrugtagning", "ibrugtages", "ibrugtaget"),
    # "Hvad ønskede udvalget, at …?" / "Udvalget bad om, at …"
    ("ønskede", "ønsker", "bad", "beder"),
    ("starte", "startes", "starter", "påbegynde", "påbegyndes", "påbegyndt", "begynde", "begynder"),
    ("ubrugte", "uforbrugte", "ubrugt", "uforbrugt"),  # "de ubrugte midler" / "uforbrugte"
    ("stoppet", "standset", "bero"),  # "er stoppet" / "sat i bero"
    ("vedlagt", "vedlagte", "bilag", "bilagene"),  # "Hvilke dokumenter er vedlagt?" / "Bilag"
    ("bevilget", "bevilge", "bevilgede", "bevilling", "bevillingen"),  # verb / noun
    # "blev … dyrere end bevilget" / "et merforbrug på", "gav en merudgift på"
    ("dyrere", "merforbrug", "merforbruget", "overskridelse", "merudgift", "merudgiften"),
    # "Hvor stort et overskud …?" / "et nettomindreforbrug på"; "gik over budget" the other way
    ("overskud", "overskuddet", "mindreforbrug", "mindreforbruget", "nettomindreforbrug"),
    ("underskud", "underskuddet", "merforbrug", "merforbruget", "nettomerforbrug"),
    # "Hvad skal arbejdsgruppen levere?" / a kommissorium's "Leverancer"
    ("levere", "leverer", "leverance", "leverancer", "leverancerne"),
    # "udvalgets seks spareforslag" / "seks reduktionsforslag"
    ("spareforslag", "reduktionsforslag", "besparelsesforslag"),
    ("dækkes", "dække", "dækket", "finansieres", "finansiere", "finansieret"),
    # "For stemte: A, F"; "Hvad blev stemmetallene?"
    ("afstemning", "afstemningen", "stemte", "stemmer", "stemmerne", "stemmetal", "stemmetallene"),
    # "Hvem er vores kontaktperson hos fonden?" / a letter's "Sagsbehandler: …"
    ("kontaktperson", "kontaktpersonen", "sagsbehandler", "sagsbehandleren"),
    # "Hvor meget kan man spare ved …?" / "Det giver en besparelse på 1,4 mio. kr.";
    # "Hvor meget sparer kommunen på lukkedagene?" / "Effektiviseringen udgør 380.000 kr."
    (
        "spare",
        "sparer",
        "spares",
        "spart",
        "besparelse",
        "besparelsen",
        "besparelser",
        "effektivisering",
        "effektiviseringen",
        "effektiviseringer",
    ),
    # "den eksterne konsulent" / "Ekstern rådgiver (analyse og scenarier)"
    ("konsulent", "konsulenten", "rådgiver", "rådgiveren"),
    # "Hvor meget var der brugt af budgettet?" / "Pr. 31. august er der forbrugt 1,12 mio. kr."
    ("brugt", "forbrugt", "forbrug", "forbruget"),
    # "Hvilket scenarie foreslår vejafdelingen?" / "Vej og Park anbefaler scenarie 2"
    ("foreslår", "foreslå", "foreslået", "foreslog", "anbefaler", "anbefale", "anbefalede"),
    # "Hvad koster huset at drive?" / "Nettodriftsudgiften udgør 4,79 mio. kr."
    ("drive", "drives", "drift", "driften"),
    # "Hvor mange husstande …?" / "Forslaget omfatter ca. 38 boliger."
    ("husstand", "husstande", "bolig", "boliger"),
    # "Hvor meget CO2 udledte kommunen?" / a climate account's "4.820 ton CO2e"
    ("co2", "co2e"),
    # "bufferen til uventede udgifter" / "reserven til uforudsete udgifter"
    ("buffer", "bufferen", "reserve", "reserven"),
    ("uventede", "uforudsete"),
    # "Hvilket firma afgav det billigste bud?" / "Laveste bud var fra …"
    ("billigste", "laveste"),
    ("hjælp", "bistand"),
    # "Hvem er tovholder på indsatsen?" / a status table's column "Ansvarlig"
    ("tovholder", "tovholderen", "ansvarlig", "ansvarlige"),
    # "Hvor mange gange rykkede brandvæsenet ud?" / "Strandvig Beredskab havde 412 udrykninger"
    ("brandvæsen", "brandvæsenet", "beredskab", "beredskabet"),
    # "Hvor mange meldinger sendte borgerne ind?" / "Det kom der 412 indberetninger ud af."
    ("melding", "meldinger", "indberetning", "indberetninger"),
    # "Hvad koster ladestanderne?" / "Anlægsudgiften til ladeinfrastruktur udgør 3,5 mio. kr."
    ("ladestander", "ladestandere", "ladestanderne", "ladepunkter", "ladeinfrastruktur"),
)


_ANALYZER = DanishAnalyzer()


@lru_cache(maxsize=4096)
def _stems(word: str) -> tuple[str, ...]:
    return tuple(_ANALYZER.analyze(word)[:1])


@lru_cache(maxsize=1)
def _by_stem() -> dict[str, tuple[str, ...]]:
    """Each word's stem -> the words of every set it is in."""
    table: dict[str, tuple[str, ...]] = {}
    for words in SYNONYM_SETS:
        for word in words:
            for stem in _stems(word):
                table[stem] = tuple(dict.fromkeys(table.get(stem, ()) + words))
    return table


def synonym_stems(stem: str, analyzer: DanishAnalyzer) -> tuple[str, ...]:
    """The stems (by `analyzer`) of the words that mean what `stem` means, `stem` excluded."""
    words = _by_stem().get(stem, ())
    return tuple(dict.fromkeys(t for w in words for t in analyzer.analyze(w)[:1] if t != stem))


def synonym_words(word: str) -> tuple[str, ...]:
    """The words of every set `word`'s stem is in, as written (`word` itself included)."""
    stems = _stems(word.lower())
    return tuple(dict.fromkeys((word.lower(), *(w for s in stems for w in _by_stem().get(s, ())))))
