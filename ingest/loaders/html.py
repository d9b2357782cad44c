"""HTML loader for saved agenda-portal pages.

Portals wrap a short agenda item in menus, breadcrumbs, cookie banners and footers. We drop
those by tag (nav, header, footer, ...) and by the words sites use in id/class/role/aria-label,
then keep headings (with their level), paragraphs, list items and table rows (cells separated
by a TAB) as blocks, so the structure the page states is not guessed again from lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ingest.blocks import render_blocks
from ingest.loaders.fields import split_run_in_fields
from ingest.loaders.text import decode_bytes
from ingest.models import SEAM, TABLE_CELL_SEPARATOR, IngestError, LoadedFile, RawBlock

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "button",
    "select",
    "input",
    "textarea",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "dialog",
    "menu",
    "head",
)
# Keywords in id/class/role/aria-label that mark page furniture (English and Danish).
_FURNITURE = re.compile(
    r"nav|menu|cookie|consent|gdpr|breadcrumb|brødkrumme|brodkrumme|footer|sidefod|banner|"
    r"skip|genvej|contentinfo|social-?share|share-?buttons|print-?link|side-?bar|sidebox|"
    r"sidemenu|sidekolonne"
)
_NAME_WORD = re.compile(r"navn\w*")
# an in-page link back to the top of the page
_TO_TOP = re.compile(
    r"(?:(?:tilbage\s+|gå\s+)?til\s+(?:toppen|top)|toppen|top|back\s+to\s+top|↑)\s*[↑^]?",
    re.IGNORECASE,
)
_NEVER_DROP = ("html", "body", "main", "article")
_NUMBERED_TITLE = re.compile(r"\d{1,4}[.)]?\s+\S")  # "22. Meddelelser"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = (
    *_HEADINGS,
    "p",
    "li",
    "dt",
    "dd",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "form",
    "fieldset",
    "figure",
    "figcaption",
    "caption",
    "address",
    "header",
    "hr",
    "center",
)
_LINE_ITEMS = ("li", "dt", "dd")


def _attribute_text(tag: Tag) -> str:
    parts: list[str] = []
    for name in ("id", "class", "role", "aria-label"):
        value = tag.get(name)
        if isinstance(value, list):
            parts.extend(value)
        elif value:
            parts.append(str(value))
    return " ".join(parts).lower()


def _is_furniture(tag: Tag) -> bool:
    if tag.name in _NEVER_DROP:
        return False
    if tag.get("aria-hidden") == "true":
        return True  # decoration a screen reader skips ("▾" on a toggle)
    if tag.name == "a" and str(tag.get("href") or "").startswith("#"):
        if _TO_TOP.fullmatch(_inline_text(tag)):
            return True  # "Til toppen" after every agenda item
    attributes = _attribute_text(tag)
    if not attributes:
        return False
    # Split tokens so that e.g. "canvas" does not count as "nav"; "navn" (Danish: name) is
    # no "nav" anywhere in a token ("felt-navn", "feltnavn": a field's label cell).
    for token in re.split(r"[^a-z0-9æøå-]+", attributes):
        token = _NAME_WORD.sub("", token).strip("-")
        if token and _FURNITURE.search(token):
            return True
    return False


def _holds_content(tag: Tag, body_chars: int) -> bool:
    """A wrapper marked e.g. "has-sidenav" may hold the whole page: never drop that."""
    if tag.find("h1") is not None:
        return True
    chars = len(tag.get_text(" ", strip=True))
    return chars >= 1000 and chars > body_chars // 2


def _is_disclosure_toggle(tag: Tag) -> bool:
    """A button that folds a section in and out ("2 | EMN-2025-00123 Kapacitetsudvidelse …"
    over an agenda item's collapsed body, "22. Meddelelser"): its text is that section's
    title, not a control ("Vis alle")."""
    if not (tag.has_attr("aria-controls") or tag.has_attr("aria-expanded")):
        return False
    text = _inline_text(tag)
    words = len(re.findall(r"[A-Za-zÆØÅæøå]{2,}", text))
    return words >= 2 or (words == 1 and _NUMBERED_TITLE.match(text) is not None)


def _keep_disclosures(soup: BeautifulSoup) -> set[str]:
    """Turn disclosure toggles (a button, or a <details>' <summary>) into headings one level
    above the headings of the body they fold; return the ids of the buttons' bodies, which
    stay although a page saved folded marks them `hidden`."""
    folded: set[str] = set()
    for tag in soup.find_all("button"):
        if not _is_disclosure_toggle(tag):
            continue
        ids = str(tag.get("aria-controls") or "").split()
        folded.update(ids)
        _head_above(tag, [soup.find(id=i) for i in ids] or [tag.find_next_sibling()])
    for tag in soup.find_all("summary"):
        # <details><summary>Punkt 2: …</summary>…</details>: the item's title
        details = tag.parent
        if isinstance(details, Tag) and details.name == "details" and not tag.find(_HEADINGS):
            _head_above(tag, [details])
    return folded


def _head_above(toggle: Tag, bodies: list) -> None:
    """Make `toggle` a heading one level above the highest heading in `bodies` (h2 if none)."""
    levels = [
        int(h.name[1]) for body in bodies if isinstance(body, Tag) for h in body.find_all(_HEADINGS)
    ]
    toggle.name = f"h{max(1, min(levels) - 1)}" if levels else "h2"
    toggle.attrs = {}


def _strip_furniture(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda value: isinstance(value, Comment)):
        comment.extract()
    folded = _keep_disclosures(soup)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all("header"):
        # A page's site header is furniture; an article header usually carries the title.
        if not tag.find(_HEADINGS):
            tag.decompose()
    body = soup.body or soup
    body_chars = len(body.get_text(" ", strip=True))
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        hidden = tag.has_attr("hidden") and tag.get("id") not in folded
        if (_is_furniture(tag) or hidden) and not _holds_content(tag, body_chars):
            tag.decompose()


def _inline_text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


_KINDS = {"p": "prose", "li": "list_item", "tr": "table_row", "h": "heading"}


class _Writer:
    """Collects the page's blocks in reading order."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.inline: list[str] = []
        self.cell_level = 0  # the heading level of a layout table nested in a cell (0: none)

    def flush(self, kind: str = "p", level: int = 0) -> None:
        # Whitespace in HTML is layout, except <br>, which we recorded as "\n".
        lines = ("".join(self.inline).replace("\n", " ").replace("\x00", "\n")).split("\n")
        text = "\n".join(" ".join(line.split()) for line in lines if line.strip())
        self.inline = []
        if text:
            self.blocks.append(RawBlock(_KINDS[kind], text, level if kind == "li" else 0))

    def add(self, kind: str, text: str, level: int = 0) -> None:
        self.flush()
        text = text.strip()
        if text:
            self.blocks.append(RawBlock(_KINDS[kind], text, level))


_FIELD_LABEL_MAX = 100  # characters in a field table's label cell
_CELL_BLOCKS = ("p", "ul", "ol", "table", "div", *_HEADINGS)


def _field_rows(table: Tag) -> list[tuple[Tag, Tag]] | None:
    """The (label, body) cells of a table used for layout: every row a short label cell and
    one body cell, and some body written as paragraphs or lists ("Sagsfremstilling" | three
    <p>). None for a table of data."""
    rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
    pairs = []
    for row in rows:
        cells = row.find_all(("td", "th"), recursive=False)
        if len(cells) != 2:
            return None
        label, body = cells
        if label.find(_CELL_BLOCKS) is not None or len(_inline_text(label)) > _FIELD_LABEL_MAX:
            return None
        pairs.append((label, body))
    if not pairs or not any(body.find(_CELL_BLOCKS) is not None for _, body in pairs):
        return None
    return pairs


def _field_table(writer: _Writer, pairs: list[tuple[Tag, Tag]]) -> None:
    """Each field a heading one level below the last heading over its body's blocks, as a
    page with the same fields as <h3> and <p> reads; a short value stays a row."""
    level = min(6, next((b.level for b in reversed(writer.blocks) if b.kind == "heading"), 1) + 1)
    for label, body in pairs:
        name = _inline_text(label)
        if body.find(_CELL_BLOCKS) is None:
            writer.add("tr", TABLE_CELL_SEPARATOR.join(x for x in (name, _inline_text(body)) if x))
            continue
        if name:
            writer.add("h", name, level)
        _walk(writer, body)
        writer.flush()


_LAYOUT_CELL_CHARS = 300  # a data table's cell is shorter; a layout cell holds a section


def _own_rows(table: Tag) -> list[list[Tag]]:
    """The cells of each of `table`'s own rows (not those of tables nested in its cells)."""
    rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
    return [row.find_all(("td", "th"), recursive=False) for row in rows]


def _layout_table(writer: _Writer, table: Tag) -> bool:
    """A table used to lay a page out (an old portal: the whole page one table, each case
    section a table of a title cell over a cell of paragraphs) is read as the blocks in its
    cells; a short cell alone in its row over a row of paragraphs is their heading. Layout:
    a cell holds a table, or a section's paragraphs, or the table is one column of boxes.
    False, writing nothing, for a table of data."""
    rows = _own_rows(table)
    cells = [cell for row in rows for cell in row]
    blocky = [cell for cell in cells if cell.find(_CELL_BLOCKS) is not None]
    layout = (
        any(cell.find("table") is not None for cell in cells)
        or (blocky and all(len(row) == 1 for row in rows))
        or any(len(_inline_text(cell)) > _LAYOUT_CELL_CHARS for cell in blocky)
        # a row per agenda item: number | title | the item's paragraphs
        or any(_titles_its_row(cell, row) for row in rows for cell in row)
    )
    if not layout:
        return False  # a table of data, its cells' text wrapped in <p> (a Word export)
    level = writer.cell_level or min(
        6, next((b.level for b in reversed(writer.blocks) if b.kind == "heading"), 1) + 1
    )
    for n, cells in enumerate(rows):
        below = rows[n + 1] if n + 1 < len(rows) else []
        for cell in cells:
            if cell.find(_CELL_BLOCKS) is not None:
                outer, writer.cell_level = writer.cell_level, min(6, level + 1)
                _walk(writer, cell)
                writer.flush()
                writer.cell_level = outer
                continue
            text = _inline_text(cell)
            others = [_inline_text(c) for c in cells if c is not cell]
            heads = (
                len(text) <= _FIELD_LABEL_MAX
                and not _links_only(cell)
                and (
                    (len(cells) == 1 and any(c.find(_CELL_BLOCKS) is not None for c in below))
                    # "<b>1.</b>" | "<b>Godkendelse af dagsorden</b>": an item's title row
                    or (
                        _emphasised(cell)
                        and not _ITEM_NUMBER.fullmatch(text)
                        and all(not o or _ITEM_NUMBER.fullmatch(o) for o in others)
                    )
                    # "2." | "Tillægsbevilling …" | the item's paragraphs: a title cell
                    or _titles_its_row(cell, cells)
                )
            )
            if heads:
                writer.add("h", text, level)
            elif (lead := _lead_label(cell)) is not None:
                # "<b>Beslutning</b><br>Dagsordenen blev godkendt.": the label heads its text
                writer.add("h", lead, min(6, level + 1))
                _walk(writer, cell)
                writer.flush()
            else:
                writer.add("p", text)
    return True


def _titles_its_row(cell: Tag, cells: list[Tag]) -> bool:
    """A cell of plain text between an item's number cell and a cell of paragraphs (an old
    portal's row per item: number | title | text) is the item's title."""
    others = [c for c in cells if c is not cell]
    numbered = [c for c in others if _ITEM_NUMBER.fullmatch(_inline_text(c))]
    bodies = [c for c in others if c.find(_CELL_BLOCKS) is not None]
    return (
        not _ITEM_NUMBER.fullmatch(_inline_text(cell))
        and len(numbered) == 1
        and len(bodies) == len(others) - 1
        and len(bodies) >= 1
    )


_EMPHASIS = ("b", "strong")
_LEAD_LABEL_MAX = 60  # characters in a bold label over a cell's text ("Beslutning")


def _links_only(cell: Tag) -> bool:
    """The cell's words are all link texts ("« Tilbage til forsiden | Udskriv"): navigation."""
    texts = [t for t in cell.find_all(string=True) if any(ch.isalnum() for ch in t)]
    return bool(texts) and all(t.find_parent("a") is not None for t in texts)


def _emphasised(cell: Tag) -> bool:
    """All of the cell's text is bold (a title written as "<font><b>…</b></font>")."""
    texts = [t for t in cell.find_all(string=True) if t.strip()]
    return bool(texts) and all(t.find_parent(_EMPHASIS) is not None for t in texts)


def _lead_label(cell: Tag) -> str | None:
    """A short bold or italic label opening the cell on a line of its own, over more text:
    the label, taken out of the cell (the caller writes the rest). None otherwise."""
    children = [c for c in cell.children if not (isinstance(c, NavigableString) and not c.strip())]
    if len(children) < 3 or not isinstance(children[0], Tag) or not isinstance(children[1], Tag):
        return None
    label, brk = children[0], children[1]
    if label.name not in (*_EMPHASIS, "i", "em") or brk.name != "br":
        return None
    text = _inline_text(label)
    if not text or len(text) > _LEAD_LABEL_MAX or any(ch.isdigit() for ch in text):
        return None
    label.extract()
    brk.extract()
    return text.rstrip(":")


def _table(writer: _Writer, table: Tag) -> None:
    writer.flush()
    pairs = _field_rows(table)
    if pairs is not None:
        _field_table(writer, pairs)
        return
    if _layout_table(writer, table):
        return
    caption = table.find("caption")
    if caption is not None and caption.find_parent("table") is table:
        writer.add("p", _inline_text(caption))
    for row in table.find_all("tr"):
        if row.find_parent("table") is not table:
            continue  # rows of nested tables are written inside their cell
        cells = [_inline_text(cell) for cell in row.find_all(("td", "th"), recursive=False)]
        cells = [cell for cell in cells if cell]
        if cells:
            writer.add("tr", TABLE_CELL_SEPARATOR.join(cells))


_RECORD_CELL_MAX = 200  # characters in one field of a card
_RECORD_FIELDS = (2, 4)  # fields per card
_RECORD_MIN = 2  # cards in a grid


def _elements(tag: Tag) -> list[Tag] | None:
    """`tag`'s element children, or None when it also holds loose text of its own."""
    out = []
    for child in tag.children:
        if isinstance(child, Tag):
            out.append(child)
        elif isinstance(child, NavigableString) and child.strip():
            return None
    return out


def _record_fields(card: Tag) -> list[str] | None:
    """The short text fields of one card ("Kapabilitet", "Platform drift", "Driftsansvarlige"),
    or None when the card holds anything a reader reads as prose or structure."""
    if card.find((*_HEADINGS, "p", "table", "ul", "ol", "dl", "li")) is not None:
        return None
    fields = _elements(card)
    if fields is None or not _RECORD_FIELDS[0] <= len(fields) <= _RECORD_FIELDS[1]:
        return None
    texts = [_inline_text(field) for field in fields]
    if not all(0 < len(text) <= _RECORD_CELL_MAX for text in texts):
        return None
    return texts


def _record_grid(tag: Tag) -> list[list[str]] | None:
    """A grid of cards, each a few short fields of the same shape, read as a table's rows.

    Saved pages lay out a table's content as a "card grid" (a label, a title, a body per card);
    walked as blocks it reads as a run of loose one-word paragraphs that no sentence or row
    holds together."""
    cards = _elements(tag)
    if cards is None or len(cards) < _RECORD_MIN:
        return None
    shapes = {(card.name, tuple(card.get("class") or ())) for card in cards}
    if len(shapes) != 1:
        return None
    rows = [_record_fields(card) for card in cards]
    if any(row is None for row in rows) or len({len(row) for row in rows if row}) != 1:
        return None
    return [row for row in rows if row]


def _definition_pairs(dl: Tag) -> list[tuple[str, str]] | None:
    """A description list of short fields (<dt>Sagsnr.</dt><dd>05.01.08-P20-1-26</dd>) as
    (term, value) pairs, read as a field table's rows are; None when a value holds paragraphs
    or lists, or a term has no value."""
    children = _elements(dl)
    if not children or any(c.name not in ("dt", "dd") for c in children):
        return None
    pairs: list[tuple[str, str]] = []
    term = None
    for child in children:
        if child.find(_CELL_BLOCKS) is not None:
            return None
        text = _inline_text(child)
        if child.name == "dt":
            if term is not None or len(text) > _FIELD_LABEL_MAX:
                return None
            term = text
        elif term is None or not text or len(text) > _RECORD_CELL_MAX:
            return None
        else:
            pairs.append((term, text))
            term = None
    return pairs if pairs and term is None else None


def _walk(writer: _Writer, node: Tag, line_kind: str = "p", depth: int = 0) -> None:
    """Blocks of `node`'s children; `depth`: how many list items enclose them (a nested item
    keeps its depth, so the answer can read it under its parent item)."""
    for child in node.children:
        if isinstance(child, NavigableString):
            writer.inline.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            writer.inline.append("\x00")  # placeholder for a hard line break
        elif name in _HEADINGS:
            writer.flush(line_kind, depth)
            writer.add("h", _inline_text(child), int(name[1]))
        elif name == "table":
            writer.flush(line_kind, depth)
            _table(writer, child)
        elif name in _LINE_ITEMS:
            writer.flush(line_kind, depth)
            inner = depth + 1 if name == "li" else depth
            _walk(writer, child, "li", inner)
            writer.flush("li", inner)
        elif name == "dl" and (pairs := _definition_pairs(child)) is not None:
            writer.flush(line_kind, depth)
            for term, value in pairs:
                writer.add("tr", TABLE_CELL_SEPARATOR.join((term, value)))
        elif name in _BLOCKS and (grid := _record_grid(child)) is not None:
            writer.flush(line_kind, depth)
            for row in grid:
                writer.add("tr", TABLE_CELL_SEPARATOR.join(row))
        elif name in _BLOCKS:
            writer.flush(line_kind, depth)
            _walk(writer, child, line_kind, depth)
            writer.flush(line_kind, depth)
        else:  # inline markup (<span>, <i>, <a>, <sup>): a seam either side, see `SEAM`
            writer.inline.append(SEAM)
            _walk(writer, child, line_kind, depth)
            writer.inline.append(SEAM)


def _content_root(soup: BeautifulSoup) -> Tag:
    """The page's <main> (or role=main) when it holds real text; otherwise the whole body.

    Everything outside <main> on a portal page is site furniture, including a logo in an h1.
    """
    body = soup.body or soup
    for candidate in (soup.find("main"), soup.find(attrs={"role": "main"})):
        if isinstance(candidate, Tag) and len(candidate.get_text(" ", strip=True)) >= 200:
            return candidate
    return body


def html_blocks(markup: str) -> tuple[list[RawBlock], str | None]:
    """Return (blocks, title hint) for an HTML document."""
    soup = BeautifulSoup(markup, "lxml")
    title_tag = soup.find("title")
    page_title = _inline_text(title_tag) if title_tag else ""
    _strip_furniture(soup)
    root = _content_root(soup)
    writer = _Writer()
    _walk(writer, root)
    writer.flush()
    blocks = _numbers_into_headings(writer.blocks)
    # The content's own top heading names the document; <title> and an h1 outside <main> often
    # carry only the site name.
    own = root.find("h1") or (root.find(("h2", "h3")) if root is not soup.body else None)
    fallback = soup.find("h1")
    title = (
        (_inline_text(own) if own else "")
        or page_title
        or (_inline_text(fallback) if fallback else "")
    )
    return blocks, title or None


_ITEM_NUMBER = re.compile(r"(?:punkt|pkt\.?)?\s*(\d{1,3})\.?", re.IGNORECASE)


def _numbers_into_headings(blocks: list[RawBlock]) -> list[RawBlock]:
    """An agenda item's number set apart from its title (a card's "<span>33.</span>" before
    its "<h3>Bibliotek på hjul …</h3>", a layout table's "71." cell beside its title row) is
    the heading's number: "33. Bibliotek på hjul …". Alone, it read as a paragraph "33."
    closing the item before it."""
    out: list[RawBlock] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        bare = block.text.replace(SEAM, "").strip()
        m = _ITEM_NUMBER.fullmatch(bare) if block.kind in ("prose", "heading") else None
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if m and after is not None and after.kind == "heading" and block.kind == "prose":
            out.append(RawBlock("heading", f"{m.group(1)}. {after.text}", after.level))
            i += 2
            continue
        if m and after is not None and after.kind == "table_row":
            # a layout table's number cell over its title row ("Lokalplan …" | "Sagsnr. …")
            title, *rest = after.text.split(TABLE_CELL_SEPARATOR)
            level = block.level if block.kind == "heading" else 2
            out.append(RawBlock("heading", f"{m.group(1)}. {title}", level))
            if rest:
                out.append(RawBlock("table_row", TABLE_CELL_SEPARATOR.join(rest), 0))
            i += 2
            continue
        out.append(block)
        i += 1
    return out


def load_html(path: Path) -> LoadedFile:
    """Read a saved web page into its content blocks (one page)."""
    data = path.read_bytes()
    if not data.strip():
        raise IngestError("empty file", "tom fil")
    blocks, title = html_blocks(decode_bytes(data))
    blocks = split_run_in_fields(blocks)
    if not blocks:
        raise IngestError("no text in HTML page", "websiden indeholder ingen tekst")
    text = render_blocks(blocks)
    return LoadedFile(path=str(path), kind="html", pages=[text], title_hint=title, blocks=blocks)
