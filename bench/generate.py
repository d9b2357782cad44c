"""Generator of SYNTHETIC Danish municipal documents for scale benchmarks.

The documents imitate the shape of real committee minutes, status notes and commissions
(agenda items with "Beslutningstema", "Sagens indhold", "Indstilling", "Beslutning i <udvalg>
den <dato>", numbered initiatives with amounts such as "Der afsættes 1,5 mio. kr. til ...",
follow-ups with deadlines such as "senest 1. marts 2024") so that the cleaning, structure,
chunking and facts steps do the same work per page as on real files. The content is made up
from word lists: it is NOT real municipal text and must never be used for quality numbers.

Deterministic: the same (seed, index) always gives the same file, byte for byte for text
(PDFs embed a creation date, which fpdf2 lets us pin). About 15% are written as PDF (fpdf2,
core Helvetica font, so only Latin-1 characters are used), 15% as Markdown, the rest as text.

    python -m bench.generate OUT_DIR --docs 1000 --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

MONTHS = [
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
]  # fmt: skip

# theme -> subjects for titles, target groups, actions, responsible units, committees
THEMES: dict[str, dict[str, list[str]]] = {
    "beskæftigelse": {
        "subject": [
            "jobcentrets indsats for ledige",
            "virksomhedsrettet opkvalificering",
            "unge uden uddannelse",
            "sygedagpengeområdet",
            "flygtninge og integration",
            "langtidsledige over 50 år",
        ],
        "group": [
            "ledige dagpengemodtagere",
            "sygemeldte borgere",
            "unge under 30 år",
            "kontanthjælpsmodtagere",
            "nyankomne flygtninge",
        ],
        "action": [
            "virksomhedspraktik",
            "mentorordninger",
            "kompetenceudviklingsforløb",
            "jobrotation",
            "opsøgende virksomhedskonsulenter",
            "brobygningsforløb",
        ],
        "unit": ["Jobcenteret", "Ydelsesafdelingen", "Ungeenheden", "Virksomhedsservice"],
        "committee": [
            "Beskæftigelsesudvalget",
            "Erhvervs- og Arbejdsmarkedsudvalget",
            "Økonomiudvalget",
        ],
    },
    "børn og unge": {
        "subject": [
            "anbragte børn og unge",
            "forebyggende familieindsatser",
            "dagtilbud",
            "PPR og specialundervisning",
            "sagsbehandlingen i Børn og Familie",
        ],
        "group": [
            "udsatte familier",
            "børn i dagtilbud",
            "unge med særlige behov",
            "plejefamilier",
            "skolebørn med fravær",
        ],
        "action": [
            "familiebehandling",
            "efteruddannelse af pædagoger",
            "tidlig opsporing",
            "supervision af sagsbehandlere",
            "netværksmøder",
            "tværfaglige teams",
        ],
        "unit": ["Børn og Familie", "Dagtilbudsafdelingen", "PPR", "Sundhedsplejen"],
        "committee": ["Børne- og Ungeudvalget", "Social- og Sundhedsudvalget", "Skoleudvalget"],
    },
    "ældre": {
        "subject": [
            "hjemmeplejen",
            "plejeboliger",
            "rehabilitering",
            "demensindsatsen",
            "rekruttering af SOSU-personale",
        ],
        "group": [
            "ældre borgere i eget hjem",
            "borgere med demens",
            "pårørende",
            "nyuddannede social- og sundhedsassistenter",
        ],
        "action": [
            "hverdagsrehabilitering",
            "velfærdsteknologi",
            "aflastningspladser",
            "faste teams i hjemmeplejen",
            "elevpladser",
            "demensvenlige boliger",
        ],
        "unit": ["Hjemmeplejen", "Sundhed og Omsorg", "Træningsenheden"],
        "committee": ["Ældre- og Omsorgsudvalget", "Social- og Sundhedsudvalget"],
    },
    "klima og teknik": {
        "subject": [
            "klimahandleplanen",
            "kollektiv trafik",
            "vedligehold af veje",
            "affaldssortering",
            "energirenovering af kommunale bygninger",
            "klimatilpasning ved kysten",
        ],
        "group": [
            "grundejere",
            "pendlere",
            "boligforeninger",
            "landbruget",
            "kommunale institutioner",
        ],
        "action": [
            "solceller på tage",
            "LED-belysning",
            "cykelstier",
            "regnvandsbassiner",
            "elbusser",
            "genbrugsstationer",
            "varmepumper",
        ],
        "unit": ["Teknik og Miljø", "Ejendomscentret", "Vej og Park", "Klimasekretariatet"],
        "committee": ["Teknik- og Miljøudvalget", "Klima- og Planudvalget", "Økonomiudvalget"],
    },
    "skole og kultur": {
        "subject": [
            "folkeskolens læringsmiljø",
            "biblioteksbetjeningen",
            "idrætsfaciliteter",
            "musikskolen",
            "inklusion i folkeskolen",
            "foreningslivet",
        ],
        "group": ["elever i udskolingen", "lærere", "foreninger", "frivillige", "børnefamilier"],
        "action": [
            "læsevejledere",
            "renovering af haller",
            "åbne skoler",
            "kulturpas",
            "holddannelse",
            "digitale læremidler",
        ],
        "unit": ["Skoleafdelingen", "Kultur og Fritid", "Bibliotekerne"],
        "committee": ["Skoleudvalget", "Kultur- og Fritidsudvalget", "Børne- og Ungeudvalget"],
    },
}

FIRST = ["Anne", "Lars", "Mette", "Søren", "Hanne", "Jens", "Camilla", "Peter", "Birgitte",
         "Rasmus", "Louise", "Morten", "Tove", "Kasper", "Inge"]  # fmt: skip
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
        "Sørensen", "Rasmussen", "Kristensen", "Madsen", "Østergaard"]  # fmt: skip
TOWNS = ["Vestby", "Søndermark", "Egeskov", "Nørrelund", "Havnstrup", "Bakkehøj", "Ålykke"]

EFFECTS = ["kortere forløb", "færre genhenvendelser", "højere tilfredshed", "bedre trivsel"]
CONDITIONS = [
    "der ansættes to nye medarbejdere",
    "samarbejdet med regionen styrkes",
    "der omprioriteres internt",
]
DIRECTORATES = ["Børn og Unge", "Social og Sundhed", "Teknik og Miljø", "Job og Velfærd"]

DECISIONS = [
    "Godkendt.",
    "Indstillingen blev godkendt.",
    "Taget til efterretning.",
    "Godkendt med den bemærkning, at udvalget ønsker en status {when}.",
    "Udsat til næste møde.",
    "Anbefales over for Økonomiudvalget og Byrådet.",
]


def _amount(rng: random.Random) -> str:
    """A Danish amount in one of the shapes municipal documents use."""
    form = rng.random()
    if form < 0.35:
        v = rng.choice([0.3, 0.5, 0.75, 1, 1.2, 1.5, 2, 2.5, 2.75, 3, 4.2, 5, 7.5, 12, 17.5])
        s = f"{v:g}".replace(".", ",")
        return f"{s} mio. kr."
    if form < 0.6:
        v = rng.randrange(50, 950) * 1000
        return f"{v:,}".replace(",", ".") + " kr."
    if form < 0.75:
        v = rng.choice([1, 2, 3, 5, 8])
        return f"{v} mill. kr."
    if form < 0.88:
        v = rng.randrange(10, 99) * 1000
        return "kr. " + f"{v:,}".replace(",", ".")
    a = rng.choice([0.4, 0.7, 1.1, 2.3])
    b = rng.choice([1.5, 3.2, 6.0, 17.5])
    sa, sb = f"{a:g}".replace(".", ","), f"{b:g}".replace(".", ",")
    return f"{sa} mio. kr. i {{y1}} og {sb} mio. kr. i {{y2}}"


def _date(d: dt.date) -> str:
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def _deadline(rng: random.Random, ref: dt.date) -> str:
    later = ref + dt.timedelta(days=rng.randrange(40, 400))
    form = rng.random()
    if form < 0.4:
        return f"senest {_date(later)}"
    if form < 0.6:
        return f"senest {MONTHS[later.month - 1]} {later.year}"
    if form < 0.75:
        return "inden årets udgang"
    if form < 0.87:
        return f"i uge {rng.randrange(2, 51)} {later.year}"
    return f"pr. {later.strftime('%d-%m-%Y')}"


@dataclass
class _Ctx:
    rng: random.Random
    theme: dict[str, list[str]]
    committee: str
    date: dt.date

    def pick(self, key: str) -> str:
        return self.rng.choice(self.theme[key])

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"


def _fill_years(text: str, year: int) -> str:
    return text.replace("{y1}", str(year)).replace("{y2}", str(year + 1))


def _initiative(ctx: _Ctx, n: int) -> str:
    rng = ctx.rng
    action, group = ctx.pick("action"), ctx.pick("group")
    amount = _fill_years(_amount(rng), ctx.date.year + 1)
    lines = [
        f"{n}. {action.capitalize()} for {group}",
        "",
        f"Der afsættes {amount} til {action} målrettet {group} i {rng.choice(TOWNS)}. "
        f"Indsatsen forankres i {ctx.pick('unit')} og skal styrke samarbejdet med "
        f"{ctx.pick('group')}. Erfaringer fra tidligere forløb viser, at {action} giver "
        f"{rng.choice(EFFECTS)}.",
    ]
    if rng.random() < 0.7:
        lines.append(
            f"{ctx.pick('unit')} udarbejder en opfølgning på indsatsen, som forelægges "
            f"{ctx.committee} {_deadline(rng, ctx.date)}. Ansvarlig: {ctx.person()}."
        )
    return "\n".join(lines)


def _paragraph(ctx: _Ctx) -> str:
    rng = ctx.rng
    first, second = rng.sample(ctx.theme["action"], 2)
    return (
        f"{ctx.pick('unit')} har i {ctx.date.year - 1} arbejdet med {ctx.pick('subject')}. "
        f"Antallet af {ctx.pick('group')} er steget med {rng.randrange(3, 40)} procent, og "
        f"der er behov for at prioritere {first} og {second}. "
        f"Administrationen vurderer, at indsatsen kan gennemføres inden for den eksisterende "
        f"ramme på {_fill_years(_amount(rng), ctx.date.year)}, hvis "
        f"{rng.choice(CONDITIONS)}."
    )


def _agenda_item(ctx: _Ctx, number: int) -> str:
    rng = ctx.rng
    subject = ctx.pick("subject")
    closed = rng.random() < 0.1
    title = rng.choice(["Status på", "Orientering om", "Handleplan for", "Budgetudvidelse til"])
    parts = [
        f"{number}. {title} {subject}",
        "",
        f"Sagsnr.: {rng.randrange(100, 999)}-{ctx.date.year}-{rng.randrange(10000, 99999)}"
        f"    Dok.nr.: {rng.randrange(100, 999)}-{ctx.date.year}-{rng.randrange(10000, 99999)}"
        f"    {'Lukket' if closed else 'Åbent'}",
        "",
        "Beslutningstema",
        "",
        f"{ctx.committee} skal tage stilling til {subject} og den videre plan for "
        f"{ctx.pick('action')}.",
        "",
        "Sagens indhold",
        "",
        _paragraph(ctx),
        "",
    ]
    for n in range(1, rng.randrange(2, 5)):
        parts += [_initiative(ctx, n), ""]
    when = _deadline(rng, ctx.date)
    parts += [
        "Indstilling",
        "",
        f"Direktøren for {rng.choice(DIRECTORATES)} "
        f"indstiller, at {ctx.committee} godkender handleplanen, og at der gives en status {when}.",
        "",
        f"Beslutning i {ctx.committee} den {_date(ctx.date)}",
        "",
        rng.choice(DECISIONS).format(when=when),
        "",
        f"Fraværende: {ctx.person() if rng.random() < 0.4 else 'Ingen'}",
        "",
        "Bilag",
        "",
        f"1. Notat om {subject} ({ctx.date.year})",
        f"2. Økonomioversigt {ctx.date.year}-{ctx.date.year + 2}",
    ]
    return "\n".join(parts)


def _minutes(ctx: _Ctx) -> tuple[str, str]:
    rng = ctx.rng
    title = f"Referat: Møde i {ctx.committee} d. {_date(ctx.date)}"
    parts = [
        title,
        "",
        f"Mødested: {rng.choice(['Rådhuset, mødelokale 2', 'Byrådssalen', 'Jobcentret'])}",
        f"Deltagere: {', '.join(ctx.person() for _ in range(rng.randrange(3, 6)))}",
        "",
    ]
    first = rng.randrange(100, 900)
    for i in range(rng.randrange(2, 5)):
        parts += [_agenda_item(ctx, first + i), "", ""]
    return title, "\n".join(parts)


def _status_note(ctx: _Ctx) -> tuple[str, str]:
    rng = ctx.rng
    subject = ctx.pick("subject")
    title = f"Statusnotat: {subject.capitalize()}"
    parts = [
        title,
        "",
        f"Dato: {_date(ctx.date)}",
        f"Udarbejdet af: {ctx.pick('unit')} til {ctx.committee}",
        "",
        "Baggrund",
        "",
        _paragraph(ctx),
        "",
        "Status på initiativerne",
        "",
    ]
    for n in range(1, rng.randrange(3, 7)):
        parts += [_initiative(ctx, n), ""]
    parts += [
        "Økonomi",
        "",
        f"Det samlede forbrug i {ctx.date.year} forventes at udgøre "
        f"{_fill_years(_amount(rng), ctx.date.year)}. Et eventuelt mindreforbrug overføres til "
        f"{ctx.date.year + 1}.",
        "",
        "Opfølgning",
        "",
        f"Næste status forelægges {ctx.committee} {_deadline(rng, ctx.date)}.",
    ]
    return title, "\n".join(parts)


def _commission(ctx: _Ctx) -> tuple[str, str]:
    rng = ctx.rng
    subject = ctx.pick("subject")
    title = f"Kommissorium for arbejdsgruppe om {subject}"
    parts = [
        title,
        "",
        f"Godkendt af {ctx.committee} den {_date(ctx.date)}",
        "",
        "Baggrund",
        "",
        _paragraph(ctx),
        "",
        "Formål",
        "",
        f"Arbejdsgruppen skal komme med forslag til, hvordan {ctx.pick('action')} kan "
        f"styrke indsatsen for {ctx.pick('group')}.",
        "",
        "Opgaver",
        "",
    ]
    for n in range(1, rng.randrange(3, 6)):
        first, second = rng.sample(ctx.theme["action"], 2)
        parts.append(f"{n}. At beskrive {first} og {second}.")
    parts += [
        "",
        "Organisering",
        "",
        f"Formand: {ctx.person()}, {ctx.pick('unit')}. Sekretariat: {ctx.pick('unit')}.",
        "",
        "Tidsplan",
        "",
        f"Arbejdsgruppen afleverer sin rapport {_deadline(rng, ctx.date)}.",
        "",
        "Økonomi",
        "",
        f"Der afsættes {_fill_years(_amount(rng), ctx.date.year)} til arbejdsgruppens "
        "analyser og ekstern bistand.",
    ]
    return title, "\n".join(parts)


KINDS = [
    (_minutes, "referat", 0.55),
    (_status_note, "statusnotat", 0.3),
    (_commission, "kommissorium", 0.15),
]


@dataclass
class GeneratedDoc:
    name: str
    title: str
    text: str
    fmt: str  # "txt" | "md" | "pdf"


def make_document(seed: int, index: int) -> GeneratedDoc:
    """The index-th synthetic document of a corpus (pure; no files)."""
    rng = random.Random(f"{seed}:{index}")
    theme = THEMES[rng.choice(sorted(THEMES))]
    date = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(0, 20 * 365))
    ctx = _Ctx(rng, theme, rng.choice(theme["committee"]), date)
    r, acc = rng.random(), 0.0
    make, kind = KINDS[-1][0], KINDS[-1][1]
    for fn, name, share in KINDS:
        acc += share
        if r < acc:
            make, kind = fn, name
            break
    title, text = make(ctx)
    slug = ctx.committee.split("-")[0].split()[0].lower().translate(str.maketrans("æøå", "aoa"))
    f = rng.random()
    fmt = "pdf" if f < 0.15 else "md" if f < 0.30 else "txt"
    if fmt == "md":
        text = _markdown(text)
    return GeneratedDoc(f"{kind}_{slug}_{date.isoformat()}_{index:05d}.{fmt}", title, text, fmt)


_HEADINGS = {"Beslutningstema", "Sagens indhold", "Indstilling", "Bilag", "Baggrund", "Formål",
             "Opgaver", "Organisering", "Tidsplan", "Økonomi", "Opfølgning",
             "Status på initiativerne"}  # fmt: skip


def _markdown(text: str) -> str:
    lines = text.split("\n")
    out = [f"# {lines[0]}"]
    for line in lines[1:]:
        if line in _HEADINGS or line.startswith("Beslutning i "):
            out.append(f"## {line}")
        else:
            out.append(line)
    return "\n".join(out)


def write_pdf(doc: GeneratedDoc, path: Path) -> None:
    """A text PDF with a running header and "Side N af M" footer, like exported minutes."""
    from fpdf import FPDF

    class _Pdf(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, doc.title[:90], new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"Side {self.page_no()} af {{nb}}", align="C")

    pdf = _Pdf(format="A4")
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for para in doc.text.split("\n"):
        if para.strip():
            pdf.multi_cell(0, 5, para, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(path))


def generate(out_dir: Path, docs: int, seed: int = 7) -> list[Path]:
    """Write `docs` documents into out_dir (existing identical files are left alone)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(docs):
        doc = make_document(seed, i)
        path = out_dir / doc.name
        paths.append(path)
        if path.exists():
            continue
        if doc.fmt == "pdf":
            write_pdf(doc, path)
        else:
            path.write_text(doc.text + "\n", encoding="utf-8")
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    paths = generate(a.out_dir, a.docs, a.seed)
    print(f"{len(paths)} synthetic documents in {a.out_dir}")


if __name__ == "__main__":
    main()
