"""Plain text and Markdown loader with encoding detection.

Order of trust: a byte-order mark, then strict UTF-8, then charset-normalizer restricted to the
Western code pages Danish files actually use. Without that restriction charset-normalizer often
reads short cp1252 Danish text as cp850 or cp1250 and turns "æøå" into other letters; when it
finds cp1252 among equally clean candidates we take cp1252, the Windows default in Denmark.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ingest.models import IngestError, LoadedFile

_WESTERN = ["cp1252", "iso8859_15", "latin_1", "cp865", "cp850", "mac_roman"]
_PREFERRED = ("cp1252", "windows_1252", "latin_1", "iso8859_15", "iso8859_1")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_UNDECODABLE = IngestError(
    "invalid text encoding: not UTF-8 or a known 8-bit encoding (binary data?)",
    "ugyldig tegnkodning: filen kan ikke læses som tekst",
)


def _undecodable() -> IngestError:
    return IngestError(_UNDECODABLE.reason, _UNDECODABLE.reason_da)


def _decode_legacy(data: bytes) -> str:
    matches = list(from_bytes(data, cp_isolation=_WESTERN))
    if matches:
        cleanest = min(match.chaos for match in matches)
        for match in matches:
            if match.encoding in _PREFERRED and match.chaos <= cleanest + 0.01:
                return str(match)
        return str(matches[0])
    best = from_bytes(data).best()
    if best is None:
        raise _undecodable()
    return str(best)


def decode_bytes(data: bytes) -> str:
    """Decode text bytes or raise `IngestError` for binary or garbage content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _undecodable() from exc
    if b"\x00" in data:
        # UTF-16 without a byte-order mark is the one text encoding with NUL bytes.
        best = from_bytes(data).best()
        if best is None or not best.encoding.startswith("utf_16"):
            raise _undecodable()
        text = str(best)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise _undecodable()
    return text


def markdown_title(text: str) -> str | None:
    """First Markdown heading (ATX `#` or setext underline), without emphasis markers."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = _MARKDOWN_HEADING.match(line)
        title = None
        if match:
            title = match.group(1)
        elif (
            index + 1 < len(lines)
            and line.strip()
            and _SETEXT_UNDERLINE.match(lines[index + 1])
            and lines[index + 1].strip().startswith("=")
        ):
            title = line
        if title:
            title = " ".join(re.sub(r"(\*\*|__|\*|_|`)", "", title).split())
            if title:
                return title
    return None


def load_text(path: Path, kind: str = "text") -> LoadedFile:
    """Read a `.txt` or Markdown file as one page."""
    data = path.read_bytes()
    if not data.strip():
        raise IngestError("empty file", "tom fil")
    text = decode_bytes(data)
    if not text.strip():
        raise IngestError("empty file", "tom fil")
    # Many .txt exports are Markdown-ish too, so both kinds get the heading as title hint.
    return LoadedFile(path=str(path), kind=kind, pages=[text], title_hint=markdown_title(text))
