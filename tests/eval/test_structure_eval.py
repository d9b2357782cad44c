"""Structure evaluation: matching rules on small hand-made inputs, and gold coverage."""

import json
import sqlite3
from pathlib import Path

import pytest

from eval.structure_eval import (
    GOLD,
    body_outcome,
    evaluate_structure,
    load_gold,
    match_items,
    normalise_number,
    title_ok,
    token_f1,
)

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devset" / "corpus"
TYPES = {
    "referat",
    "dagsorden",
    "beslutning",
    "notat",
    "kommissorium",
    "bilag",
    "handleplan",
    "status",
    "brev",
    "rapport",
    "other",
}


def gold_row(**kw):
    row = {
        "source": "a.md",
        "set": "devset",
        "title": "Referat – Økonomiudvalget – 4. april 2022",
        "title_accept": [],
        "date": "2022-04-04",
        "body": "Økonomiudvalget",
        "type": "referat",
        "type_accept": [],
        "agenda_items": [],
    }
    row.update(kw)
    return row


def test_title_normalisation_and_f1():
    g = gold_row(title_accept=["Referat, Økonomiudvalget, 4. april 2022"])
    assert title_ok("referat - økonomiudvalget - 4. april 2022", g)
    assert title_ok("Referat Økonomiudvalget 4 april 2022", g)
    # stemmed F1 >= 0.8 with every number present
    assert title_ok("Referatet fra Økonomiudvalget 4. april 2022", g)
    # a title cut at a line break loses the month and year: not accepted
    assert not title_ok("Referat – Økonomiudvalget – 4.", g)
    assert not title_ok("Referat – Økonomiudvalget – 5. april 2022", g)
    assert not title_ok("Doc ID / Version", g)
    assert not title_ok(None, g)


def test_token_f1_counts_stemmed_words():
    assert token_f1("Status på kontaktførelser", "status på kontaktførelserne") == 1.0
    assert token_f1("a b c d", "a b") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert token_f1("", "noget") == 0.0


def test_body_outcomes():
    g = gold_row(body="Byrådet", body_accept=["Byråd"])
    assert body_outcome("byrådet", g) == "correct"
    assert body_outcome("Byråd", g) == "correct"
    assert body_outcome(None, g) == "unknown"
    assert body_outcome("Økonomiudvalget", g) == "wrong"
    no_body = gold_row(body=None, body_accept=["Teknisk Udvalg"])
    assert body_outcome(None, no_body) == "correct"
    assert body_outcome("Teknisk Udvalg", no_body) == "correct"
    assert body_outcome("Arkitekturrådet", no_body) == "wrong"


def test_item_numbers_and_one_to_one_matching():
    assert normalise_number("2.3.") == normalise_number(" 2.3") == "2.3"
    assert normalise_number("07") == "7"
    gold = [{"number": "1", "title": "Godkendelse af dagsorden"}, {"number": "2", "title": "X"}]
    predicted = [
        {"number": "1.", "title": "Godkendelse af dagsorden og referat"},  # weaker duplicate
        {"number": "1", "title": "Godkendelse af dagsorden"},
        {"number": "3", "title": "Godkendelse af dagsorden"},  # number differs
        {"number": "2", "title": "Y"},  # title differs
    ]
    assert sorted(match_items(predicted, gold)) == [(1, 0)]


def test_evaluate_structure_exact_numbers():
    gold = [
        gold_row(
            source="a.md",
            agenda_items=[
                {"number": "1", "title": "Godkendelse af dagsorden"},
                {"number": "2", "title": "Budgetopfølgning 3 (2024)"},
                {"number": "3", "title": "Underskriftsark"},
            ],
        ),
        gold_row(
            source="b.md",
            title="Fuld stop for nyudvikling",
            date=None,
            body=None,
            type="beslutning",
            type_accept=["other"],
        ),
        gold_row(source="c.md", title="Notat om støj", type="notat", body="Teknisk Udvalg"),
        gold_row(source="d.md", title="Ingen forudsigelse"),
    ]
    documents = [
        {
            "source": "a.md",
            "title": "Referat – Økonomiudvalget – 4. april 2022",
            "date": "2022-04-01",
            "body": "Økonomiudvalget",
            "type": "referat",
            "agenda_items": [
                {"number": "1", "title": "Godkendelse af dagsorden"},
                {"number": "2", "title": "Budgetopfølgning 3 (2024) - udvalget"},
                {"number": "2023", "title": "Der regnes med at indgå aftaler"},
            ],
        },
        {
            "source": "b.md",
            "title": "[ODR] Fuld stop for nyudvikling",
            "date": None,
            "body": "Koordinationsgruppen",
            "type": "beslutningsprotokol",
            "agenda_items": [{"number": "1", "title": "Beskrivelse"}],
        },
        {
            "source": "c.md",
            "title": "Notat om støj",
            "date": "2022-04-04",
            "body": None,
            "type": "status",
            "agenda_items": [],
        },
        {"source": "unscored.md", "title": "x", "date": None, "body": None, "type": "other"},
    ]
    r = evaluate_structure(documents, gold)
    assert r["documents"] == 4 and r["missing"] == 1
    assert r["title"] == {"accuracy": 0.75, "correct": 3}
    assert r["date"] == {"accuracy": 0.5, "correct": 2}  # b (null) and c
    assert r["body"] == {"accuracy": 0.25, "correct": 1, "unknown": 2, "wrong": 1}
    assert r["type"] == {"accuracy": 0.5, "correct": 2}  # beslutningsprotokol -> beslutning
    items = r["agenda_items"]
    assert (items["tp"], items["predicted"], items["gold"]) == (2, 4, 3)
    assert (items["precision"], items["recall"]) == (0.5, 0.6667)
    assert items["f1"] == pytest.approx(0.5714, abs=1e-4)


def test_gold_file_is_well_formed():
    rows = load_gold()
    assert GOLD.read_text(encoding="utf-8").count("\n") == len(rows)
    assert len({r["source"] for r in rows}) == len(rows)
    for r in rows:
        assert r["set"] in {"corpus", "devset"}
        assert r["title"] and isinstance(r["title_accept"], list)
        assert r["date"] is None or len(r["date"]) == 10
        assert r["type"] in TYPES and set(r["type_accept"]) <= TYPES
        numbers = [i["number"] for i in r["agenda_items"]]
        assert len(numbers) == len(set(numbers)) and all(i["title"] for i in r["agenda_items"])
        if r["agenda_items"]:
            assert r["type"] in {"referat", "dagsorden"}, r["source"]


def test_gold_covers_every_corpus_file():
    sources = {r["source"] for r in load_gold() if r["set"] == "corpus"}
    assert sources == {p.name for p in (ROOT / "corpus").iterdir() if p.is_file()}


@pytest.mark.skipif(not DEVSET.is_dir(), reason="development set ../shared/devset is absent")
def test_gold_covers_every_devset_file():
    sources = {r["source"] for r in load_gold() if r["set"] == "devset"}
    assert sources == {p.name for p in DEVSET.iterdir() if p.is_file()}


def test_gold_rows_are_json_lines_in_key_order():
    first = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    assert list(first)[:4] == ["source", "set", "title", "title_accept"]


def test_documents_from_registry_reads_what_ingest_saved(tmp_path):
    from eval.structure_eval import documents_from_registry
    from ingest.facts import record_for_path
    from stores.registry import Registry

    path = tmp_path / "referat.txt"
    path.write_text(
        "Referat af mødet i Økonomiudvalget den 4. april 2022\n\n"
        "1. Godkendelse af dagsorden\n\nSagsnr.: 21-014439\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Budgetopfølgning 1\n\nSagsnr.: 22-000001\n\nBeslutning\n\nTaget til efterretning.\n",
        encoding="utf-8",
    )
    record = record_for_path(path, doc_id="d1")
    data_dir = tmp_path / "data"
    Registry.open(data_dir).save_document(record, [], "test")
    (doc,) = documents_from_registry(data_dir)
    assert doc == {
        "source": "referat.txt",
        "title": record.meta.title,
        "date": record.meta.date,
        "body": record.meta.committee,
        "type": record.meta.doc_type,
        "agenda_items": [
            {"number": s.number, "title": s.title}
            for s in record.sections
            if s.kind == "agenda_item"
        ],
    }
    assert doc["agenda_items"], "the sample's numbered items should be agenda items"
    with pytest.raises(sqlite3.OperationalError):  # read-only: a missing dir is not created
        documents_from_registry(tmp_path / "absent")
    assert not (tmp_path / "absent").exists()
