"""Run-in case fields: "**Beslutning:** Vedtaget. …" written as a paragraph, not a heading.

Minutes saved as Word, Markdown or HTML often write an agenda item's fields (Resumé,
Indstilling, Beslutning) as a bold label at the start of a paragraph. Read so, the item has no
"Beslutning" section and its decision is found by no one; a person reads the label as the
field's heading. Only labels that are case fields (`ingest.structure.is_case_field`) count:
"Sagsnr.:" or "Mødedato:" stay in their line.
"""

from __future__ import annotations

import re

from ingest.models import SEAM, RawBlock
from ingest.structure import is_case_field

# a prose block opening with a marked-up label, its colon inside the markup or after it:
# "⁣Beslutning:⁣ Vedtaget." or "⁣Beslutning⁣: Vedtaget."
_MARKED_LABEL = re.compile(
    rf"{SEAM}([^{SEAM}\n:]{{2,80}}?)\s*(?::\s*{SEAM}|{SEAM}\s*:)\s*(\S.*)", re.S
)


def field_label(label: str) -> str | None:
    """The heading a run-in label stands for ("Beslutning:" -> "Beslutning"), or None."""
    label = label.strip()
    if not label.endswith(":") or not is_case_field(label):
        return None
    return label.rstrip(":").strip()


def field_blocks(label: str, body: str, item_level: int) -> list[RawBlock]:
    """The field as a heading one level below its item's heading, over its text."""
    return [RawBlock("heading", label, min(item_level + 1, 6)), RawBlock("prose", body)]


def split_run_in_fields(blocks: list[RawBlock]) -> list[RawBlock]:
    """Each prose block that opens with a marked-up case field label becomes the field's
    heading and its text (see the module docstring)."""
    out: list[RawBlock] = []
    item_level = 1
    for block in blocks:
        if block.kind == "heading":
            item_level = block.level
        elif block.kind == "prose":
            m = _MARKED_LABEL.match(block.text)
            label = field_label(f"{m.group(1)}:") if m is not None else None
            if m is not None and label is not None:
                out.extend(field_blocks(label, m.group(2), item_level))
                continue
        out.append(block)
    return out
