"""The registry's revision: read again after any write of this process, and at most
`max_age_s` stale for a write of another process (an ingest beside a running server)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from stores.registry import Registry


def _bump_as_another_process(data_dir: Path) -> None:
    """A revision bump through a plain connection: no code of this process sees it happen."""
    conn = sqlite3.connect(data_dir / "registry.sqlite", isolation_level=None)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('revision', '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
    )
    conn.close()


def test_a_write_of_this_process_is_seen_at_once(tmp_path: Path) -> None:
    reader, writer = Registry.open(tmp_path), Registry.open(tmp_path)
    before = reader.recent_revision(3600)
    writer.set_access("no-such-document", "internal")  # any change bumps the revision
    assert reader.recent_revision(3600) == before + 1


def test_a_write_of_another_process_is_seen_once_the_read_is_older_than_max_age(
    tmp_path: Path,
) -> None:
    reader = Registry.open(tmp_path)
    before = reader.recent_revision(3600)
    _bump_as_another_process(tmp_path)
    assert reader.recent_revision(3600) == before  # read just now: kept
    assert reader.recent_revision(0.0) == before + 1
    assert reader.revision() == before + 1
