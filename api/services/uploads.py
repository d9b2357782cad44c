"""Saving uploaded files safely before they are ingested.

Names are sanitised (no directories, no control or shell characters, bounded length), files
are written to a temporary name and moved into place, and a file that fails to ingest is
rolled back so the previous version of a document keeps working.
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_NAME_CHARS = 120
_UNSAFE = re.compile(r"[^\w.\- ]+")


class TooLargeError(Exception):
    """The upload exceeded the configured size limit."""


def safe_filename(name: str | None) -> str:
    """A file name that is a single harmless path component; keeps Danish letters."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name)
    name = re.sub(r"\s+", "_", name).strip("._ -")
    name = re.sub(r"_+", "_", name)
    if not name:
        name = "dokument"
    if len(name) > MAX_NAME_CHARS:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = f"{stem[: MAX_NAME_CHARS - len(ext) - 1]}.{ext}"
        else:
            name = name[:MAX_NAME_CHARS]
    return name


def copy_limited(src: BinaryIO, dest: Path, max_bytes: int) -> int:
    """Copy in blocks and stop as soon as the limit is passed (partial file removed)."""
    written = 0
    try:
        with dest.open("wb") as out:
            while block := src.read(1024 * 1024):
                written += len(block)
                if written > max_bytes:
                    raise TooLargeError(dest.name)
                out.write(block)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    return written


@dataclass
class Placed:
    """An uploaded file moved into place; the previous version is kept until `commit`."""

    target: Path
    backup: Path | None

    def commit(self) -> None:
        if self.backup is not None:
            self.backup.unlink(missing_ok=True)

    def rollback(self) -> None:
        """Restore the previous file (a failed re-upload must not break the old version)."""
        if self.backup is not None:
            os.replace(self.backup, self.target)
        else:
            self.target.unlink(missing_ok=True)


def place(uploads_dir: Path, name: str, tmp: Path) -> Placed:
    target = uploads_dir / name
    backup: Path | None = None
    if target.exists():
        backup = uploads_dir / ".incoming" / f"{uuid.uuid4().hex}.bak"
        os.replace(target, backup)
    os.replace(tmp, target)
    return Placed(target, backup)


def unique_names(names: list[str]) -> list[str]:
    """Two files with the same name in one upload get distinct names (x.pdf, x-2.pdf)."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        key = name.lower()
        if key in seen:
            seen[key] += 1
            stem, dot, ext = name.rpartition(".")
            name = f"{stem}-{seen[key]}.{ext}" if dot else f"{name}-{seen[key]}"
        else:
            seen[key] = 1
        out.append(name)
    return out


def new_tmp(uploads_dir: Path) -> Path:
    tmp_dir = uploads_dir / ".incoming"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    return tmp_dir / uuid.uuid4().hex


def discard(paths: list[Path]) -> None:
    for p in paths:
        p.unlink(missing_ok=True)
