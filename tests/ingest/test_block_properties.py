"""hypothesis properties of the block step: any Markdown or line text becomes blocks whose
offsets lie inside the text, never overlap and never raise — a strange file is read, not
crashed on (ingest reports bad files by name, it must not fall over on odd ones)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.blocks import assemble_blocks, line_blocks
from ingest.clean import clean
from ingest.loaders.markdown import front_matter, markdown_blocks
from ingest.metadata import extract_metadata
from ingest.models import LoadedFile
from ingest.structure import build_sections
from tests.text_strategies import PIECES, any_text

MARKDOWN_PIECES = [
    *PIECES, "**", "_", "`", "> ", "- ", "* ", "1. ", "| a | b |\n|---|---|\n", "[x] ", "[ ] ",
    "[titel](https://example.org)", "<br>", "---\ntitle: x\n---\n", "{{ site.time }}", "\n- ",
]  # fmt: skip
markdown_like = st.lists(st.sampled_from(MARKDOWN_PIECES) | st.text(max_size=3), max_size=40).map(
    "".join
)
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, blocks) -> None:
    last = 0
    for block in blocks:
        assert 0 <= block.start <= block.end <= len(text)
        assert block.start >= last  # in order, no overlap
        last = block.end


@FAST
@given(markdown_like | any_text)
@example("# **")  # a heading of markup alone: an empty title
def test_markdown_becomes_rendered_blocks(source: str):
    fields, body = front_matter(source)
    assert isinstance(fields, dict)
    raw = markdown_blocks(source)
    cleaned = clean(LoadedFile("x.md", "markdown", [source], None, raw))
    _check(cleaned.text, cleaned.blocks)
    assert all(0 < seam < len(cleaned.text) or seam == 0 for seam in cleaned.seams)
    sections = build_sections(cleaned.text, cleaned.blocks)
    extract_metadata(cleaned.text, sections, "x.md", None, cleaned.blocks, fields)


@FAST
@given(any_text)
def test_line_text_becomes_blocks(text: str):
    cleaned = clean(LoadedFile("x.txt", "text", [text]))
    sections = build_sections(cleaned.text)
    blocks = line_blocks(cleaned.text, sections)
    _check(cleaned.text, blocks)
    extract_metadata(cleaned.text, sections, "x.txt", None, blocks)


@FAST
@given(st.lists(st.tuples(st.sampled_from(["prose", "list_item", "table_row", "heading"]),
                          any_text), max_size=12))  # fmt: skip
def test_assembled_blocks_cover_their_text(parts):
    from ingest.models import RawBlock

    cleaned = assemble_blocks([RawBlock(kind, text, 2 if kind == "heading" else 0)
                               for kind, text in parts])  # fmt: skip
    _check(cleaned.text, cleaned.blocks)
    for block in cleaned.blocks:
        assert cleaned.text[block.start : block.end].strip()
