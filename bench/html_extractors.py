"""Main-content extraction from saved web pages: the project's stripper against trafilatura
and jusText, on the development set's HTML pages plus a portal page written for the tests.

Recall is the share of the development set's evidence quotes (questions on HTML documents)
found in the extracted text; junk is the number of extracted lines that the project's own
content test calls navigation or boilerplate. Run:

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python -m bench.html_extractors [--devset ../shared/devset]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

from ingest.blocks import line_kind, render_blocks
from ingest.loaders.html import html_blocks
from ingest.loaders.text import decode_bytes

ROOT = Path(__file__).resolve().parents[1]


def ours(markup: str) -> str:
    return render_blocks(html_blocks(markup)[0])


def with_trafilatura(markup: str) -> str:
    import trafilatura

    return trafilatura.extract(markup, include_tables=True, favor_recall=True) or ""


def with_justext(markup: str) -> str:
    import justext

    paragraphs = justext.justext(markup.encode("utf-8"), justext.get_stoplist("Danish"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "plan-assistant": ours,
    "trafilatura": with_trafilatura,
    "justext": with_justext,
}


def _scorer(devset: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", devset.parent / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compare(devset: Path) -> dict[str, dict[str, int]]:
    score = _scorer(devset)
    questions = [json.loads(line) for line in (devset / "questions.jsonl").open() if line.strip()]
    pages = sorted((devset / "corpus").glob("*.htm*"))
    out: dict[str, dict[str, int]] = {}
    for name, extract in EXTRACTORS.items():
        found = total = junk = 0
        for page in pages:
            text = extract(decode_bytes(page.read_bytes()))
            lines = (line.strip() for line in text.split("\n"))
            junk += sum(1 for line in lines if line and line_kind(line) == "boilerplate")
            for q in questions:
                docs = q["doc"] if isinstance(q["doc"], list) else [q["doc"]]
                quotes = q["evidence"] if isinstance(q["evidence"], list) else [q["evidence"]]
                for doc, quote in zip(docs, quotes, strict=False):
                    if doc == page.name:
                        total += 1
                        found += bool(score.contains(text, quote))
        out[name] = {"pages": len(pages), "evidence_found": found, "evidence": total, "junk": junk}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    args = parser.parse_args()
    for name, row in compare(args.devset).items():
        print(
            f"{name:15s} evidence {row['evidence_found']}/{row['evidence']} "
            f"on {row['pages']} pages, boilerplate lines kept {row['junk']}"
        )


if __name__ == "__main__":
    main()
