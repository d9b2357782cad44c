"""Markdown loader: parsed with markdown-it-py and indexed as its rendered text.

A person reads "Status: Accepteret", not "- **Status**: Accepteret"; quotes and answers show
what a person reads, so emphasis, link targets, block quote and list markers, table pipes and
heading hashes are gone from the text. The structure they expressed is kept as block kinds
(heading with its level, list item, table row with TAB-separated cells, prose).
"""

from __future__ import annotations

import re
from copy import copy
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ingest.blocks import render_blocks
from ingest.loaders.fields import split_run_in_fields
from ingest.loaders.text import decode_bytes
from ingest.models import SEAM, TABLE_CELL_SEPARATOR, IngestError, LoadedFile, RawBlock

_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_TASK_MARKER = re.compile(r"^\[[ xX]\]\s+")  # GitHub task lists: "- [x] Referat godkendt"
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)


def _html_text(markup: str) -> str:
    return BeautifulSoup(markup, "lxml").get_text(" ")


# Where markup was dropped between two kept pieces of text ("**Dato**: 2025" -> "Dato" SEAM
# ": 2025"). The rendered text reads well, but a quote across a seam is no longer a substring
# of the file itself; `ingest.blocks` records seams so quotes can stop at them.
_MARKUP = frozenset(
    {"strong_open", "strong_close", "em_open", "em_close", "link_open", "link_close", "s_open",
     "s_close"}
)  # fmt: skip


# "Dato: 3. april 2025", "Besluttet af: Styregruppen": a short label, a colon, a value
_FIELD_LINE = re.compile(r"\s*[A-ZÆØÅ][\w .&/()-]{0,30}:[ \t]+\S")


def _inline_text(token: Token, quoted: bool = False) -> str:
    """Rendered text of an inline token: words and link texts, no markup or URLs. `quoted`:
    inside a block quote, whose source lines each open with "> "."""
    parts: list[str] = []
    children = token.children or []
    for i, child in enumerate(children):
        if quoted and child.type in ("softbreak", "hardbreak"):
            parts.append(SEAM)  # a quote across the line would cross the next line's "> "
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "code_inline":
            parts.append(f"{SEAM}{child.content}{SEAM}")
        elif child.type in _MARKUP:
            parts.append(SEAM)
        elif child.type == "softbreak":
            # a line that opens with a label is a field of its own ("**Deltagere:** …",
            # "Status: Besluttet"), and so is the line after a field: not wrapped text
            after = [c for c in children[i + 1 :] if c.type != "text" or c.content]
            labelled = after[:1] and after[0].type in ("strong_open", "em_open")
            line = "".join(parts).rsplit("\n", 1)[-1].replace(SEAM, "")
            field = _FIELD_LINE.match(line) or (
                after[:1] and after[0].type == "text" and _FIELD_LINE.match(after[0].content)
            )
            parts.append("\n" if labelled or field else " ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "html_inline":
            parts.append("\n" if re.match(r"<br\s*/?>", child.content, re.I) else SEAM)
        elif child.type == "image":
            parts.append(SEAM)  # alt texts are labels of pictures nobody sees here
    text = "".join(parts)
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def front_matter(source: str) -> tuple[dict[str, str], str]:
    """The YAML front matter of a published Markdown page (title, date, author ...) and the
    text after it. Values a site generator would print, as strings; unreadable YAML is none."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    try:
        data = yaml.safe_load(match.group(0).strip().strip("-"))
    except yaml.YAMLError:
        data = None
    fields = {
        str(key).lower(): str(value).strip()
        for key, value in (data.items() if isinstance(data, dict) else [])
        if isinstance(value, str | int | float) or hasattr(value, "isoformat")
    }
    return fields, source[match.end() :]


def markdown_blocks(source: str) -> list[RawBlock]:
    """Blocks of a Markdown document in reading order (front matter excluded)."""
    _, source = front_matter(source)
    tokens = _PARSER.parse(source)
    blocks: list[RawBlock] = []
    list_depth = 0
    row: list[str] | None = None
    heading_level = 0
    quote_depth = 0
    stated_level = 1  # of the last "#" heading: a bold line heads a section under it
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            cells = [cell for cell in (row or []) if cell]
            if cells:
                blocks.append(RawBlock("table_row", TABLE_CELL_SEPARATOR.join(cells)))
            row = None
        elif kind == "inline":
            text = _inline_text(token, quoted=quote_depth > 0)
            if row is not None:
                row.append(" ".join(text.replace(SEAM, "").split()))
                continue
            if not text:
                continue
            if heading_level:
                heading = " ".join(text.replace(SEAM, "").split())
                blocks.append(RawBlock("heading", heading, heading_level))
                stated_level = heading_level
            elif list_depth:
                text = _TASK_MARKER.sub("", text)
                label = _ordered_label(tokens, index)
                item = f"{label} {text}" if label else text
                blocks.append(RawBlock("list_item", item, list_depth))  # nesting: its parent
            elif _links_only(token):
                blocks.append(RawBlock("boilerplate", text))
            else:
                lead = _bold_lead_line(token)
                if lead is not None:
                    # "**4. Udfasning af ESDH-system**" over its text: the line heads it
                    blocks.append(RawBlock("heading", lead[0], min(6, stated_level + 1)))
                    rest = copy(token)
                    rest.children = lead[1]
                    text = _inline_text(rest, quoted=quote_depth > 0)
                    if not text:
                        continue
                blocks.append(RawBlock("prose", text))
        elif kind in ("fence", "code_block"):
            if token.content.strip():
                blocks.append(RawBlock("prose", token.content.strip()))
        elif kind == "html_block":
            text = " ".join(_html_text(token.content).split())
            if text:
                blocks.append(RawBlock("prose", text))
    return blocks


# what may stand between the links of a row of links: separators, "og"
_LINK_SEPARATORS = re.compile(r"[\s·|•,;/–—-]*(?:\bog\b)?[\s·|•,;/–—-]*", re.I)
_LINK_ROW_LABEL = re.compile(r"\s*[A-ZÆØÅ][\w ]{0,40}:\s*")  # "Relaterede dokumenter:"


def _links_only(token: Token) -> bool:
    """A paragraph that is two or more links and nothing else but separators, after at most a
    short label ("*Relaterede dokumenter:* [Referat …](…) · [Strategi …](…)"): navigation to
    other pages, no statement of its own."""
    between = [""]  # the text before the first link, between two links, after the last
    depth = 0
    for child in token.children or []:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
            if not depth:
                between.append("")
        elif child.type in ("image", "code_inline", "html_inline") and not depth:
            return False
        elif child.type == "text" and not depth:
            between[-1] += child.content
        elif child.type in ("softbreak", "hardbreak") and not depth:
            between[-1] += " "
    label, *rest = between
    return (
        len(rest) >= 2
        and bool(_LINK_SEPARATORS.fullmatch(label) or _LINK_ROW_LABEL.fullmatch(label))
        and all(_LINK_SEPARATORS.fullmatch(piece) for piece in rest)
    )


def _bold_lead_line(token: Token) -> tuple[str, list[Token]] | None:
    """The text of a paragraph's first line when the line is bold throughout and text
    follows it ("**4. Udfasning af ESDH-system**" + a line break): a heading written as bold,
    as Markdown minutes often do. Not a label with its value ("**Ansvarlig:** Thomas")."""
    children = [c for c in token.children or [] if c.type != "text" or c.content]
    if len(children) < 5 or children[0].type != "strong_open":
        return None
    close = next((i for i, c in enumerate(children) if c.type == "strong_close"), None)
    if close is None or close + 1 >= len(children) or children[close + 1].type != "softbreak":
        return None
    inner = children[1:close]
    if any(c.type != "text" for c in inner):
        return None
    lead = " ".join("".join(c.content for c in inner).split())
    if not lead or lead.endswith(":") or len(lead) > 120:
        return None
    return lead, children[close + 2 :]  # the text, and the paragraph's rest


def _ordered_label(tokens: list[Token], index: int) -> str | None:
    """The number of an ordered list item ("1."), which the text of the item does not carry.

    Only for the item's first paragraph: the list_item_open token sits two tokens before it.
    """
    if index < 2 or tokens[index - 2].type != "list_item_open":
        return None
    opener = tokens[index - 2]
    if opener.markup in (".", ")") and opener.info:
        return f"{opener.info}{opener.markup}"
    return None


def markdown_title(blocks: list[RawBlock]) -> str | None:  # headings carry no seams
    return next((b.text for b in blocks if b.kind == "heading"), None)


def load_markdown(path: Path) -> LoadedFile:
    """Read a Markdown file into rendered blocks (one page)."""
    data = path.read_bytes()
    if not data.strip():
        raise IngestError("empty file", "tom fil")
    fields, body = front_matter(decode_bytes(data))
    blocks = split_run_in_fields(markdown_blocks(body))
    if not blocks:
        raise IngestError("no text in Markdown file", "Markdown-filen indeholder ingen tekst")
    text = render_blocks(blocks)
    return LoadedFile(
        path=str(path),
        kind="markdown",
        pages=[text],
        title_hint=fields.get("title") or markdown_title(blocks),
        blocks=blocks,
        stated={key: fields[key] for key in ("title", "date") if fields.get(key)},
    )
