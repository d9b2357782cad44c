"""Facts store: schema, replace/delete, queries with access filtering, cross-document links."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from ingest.facts import extract_facts, record_for_path, record_from_text
from ingest.facts.models import Facts, FollowupRow
from stores import facts as store

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

DOCUMENTS = """CREATE TABLE documents (id TEXT PRIMARY KEY, source TEXT, title TEXT,
doc_type TEXT, date TEXT, committee TEXT, access TEXT)"""


@pytest.fixture
def conn():
    c = sqlite3.connect(":memory:")
    c.execute(DOCUMENTS)
    store.create_schema(c)
    yield c
    c.close()


def add(conn, doc, access="public", committee=None):
    conn.execute(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
        (doc.id, doc.source, doc.meta.title, doc.meta.doc_type, doc.meta.date,
         committee or doc.meta.committee, access),
    )  # fmt: skip
    facts = extract_facts(doc)
    store.replace_facts(conn, doc.id, facts)
    return facts


@pytest.fixture
def corpus(conn):
    for path in sorted(CORPUS.glob("*.txt")):
        access = "hr" if path.name.startswith("silkeborg") else "public"
        add(conn, record_for_path(path), access=access)
    conn.commit()
    return conn


def test_budgets_roundtrip_with_filters(corpus):
    rows = store.query_budgets(corpus)
    assert len(rows) == 15
    video = [r for r in rows if r["initiative"] == "Videndeling"]
    assert len(video) == 1
    v = video[0]
    assert (v["amount_dkk"], v["source"], v["quote"]) == (
        600_000,
        "bilag2_kompetencepulje_2006_sof.txt",
        "Der afsættes 600.000 kr. til dette.",
    )
    doc = record_for_path(CORPUS / v["source"])
    assert doc.text[v["start"] : v["end"]] == v["quote"]
    only = store.query_budgets(corpus, source="bilag2_kompetencepulje_2006_sof.txt")
    assert len(only) == 8 and {r["source"] for r in only} == {"bilag2_kompetencepulje_2006_sof.txt"}
    big = store.query_budgets(corpus, min_amount=10_000_000)
    assert sorted(r["amount_dkk"] for r in big) == [10e6, 11e6, 11e6, 14e6]
    alloc = store.query_budgets(corpus, allocations_only=True)
    assert all(r["is_allocation"] is True for r in alloc)
    assert 14e6 not in {r["amount_dkk"] for r in alloc}


def test_access_filter_is_applied_in_sql(corpus):
    assert store.query_followups(corpus, allowed_access=set()) == []
    public = store.query_followups(corpus, allowed_access={"public"})
    everything = store.query_followups(corpus)
    hidden = {r["source"] for r in everything} - {r["source"] for r in public}
    assert hidden == {"silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt"}
    assert store.query_budgets(corpus, allowed_access={"hr"}) == []
    assert len(store.query_decisions(corpus, allowed_access={"public"})) == 1
    assert store.query_decisions(corpus, allowed_access={"hr"}) == []


def test_followups_outstanding_as_of(corpus):
    rows = store.query_followups(corpus, as_of=dt.date(2021, 7, 1))
    bufu = [r for r in rows if r["source"].startswith("bufu")]
    assert len(bufu) == 11 and all(r["outstanding"] for r in bufu)
    approve = next(r for r in bufu if r["deadline_text"] == "senest september 2021")
    assert approve["overdue"] is False
    later = store.query_followups(corpus, as_of=dt.date(2021, 10, 1), outstanding=True)
    approve = next(r for r in later if r["deadline_text"] == "senest september 2021")
    assert approve["overdue"] is True
    done = store.query_followups(corpus, outstanding=False)
    assert {r["status"] for r in done} == {"done"}
    # before the case was written, none of its follow-ups exist yet
    early = store.query_followups(corpus, as_of=dt.date(2021, 1, 1), outstanding=True)
    assert not any(r["source"].startswith("bufu") for r in early)


def test_decisions_keep_recommendation_apart(corpus):
    (d,) = store.query_decisions(corpus)
    assert d["outcome"] == "taget til efterretning"
    assert d["recommendation"].startswith("Social- og Projektchefen indstiller")
    assert d["committee"] == "Børne- og Ungeudvalget"


def test_replace_and_delete(corpus):
    doc_id = "bilag2_kompetencepulje_2006_sof"
    store.replace_facts(corpus, doc_id, Facts())
    assert store.query_budgets(corpus, source=doc_id) == []
    store.delete_facts(corpus, "bufu_2021-06-07_568_task_force_status")
    assert store.query_decisions(corpus) == []
    for table in ("fact_budgets", "fact_followups", "fact_decisions"):
        n = corpus.execute(
            f"SELECT COUNT(*) FROM {table} WHERE doc_id = 'bufu_2021-06-07_568_task_force_status'"
        ).fetchone()[0]
        assert n == 0


FIRST = """Møde i Børne- og Ungeudvalget 7. juni 2021

Status på projektet

Handleplanen for det psykiske arbejdsmiljø skal være godkendt senest september 2021.
"""
SECOND = """Møde i Børne- og Ungeudvalget 4. oktober 2021

Status på projektet

Handleplanen for det psykiske arbejdsmiljø er godkendt i september 2021.
"""
OTHER = """Møde i Økonomiudvalget 4. oktober 2021

Status

Handleplanen for det psykiske arbejdsmiljø er godkendt i september 2021.
"""


def test_link_followups_across_documents_of_the_same_committee(conn):
    first = add(conn, record_from_text(FIRST, "juni.txt"), committee="Børne- og Ungeudvalget")
    add(conn, record_from_text(SECOND, "oktober.txt"), committee="Børne- og Ungeudvalget")
    add(conn, record_from_text(OTHER, "andet.txt"), committee="Økonomiudvalget")
    assert [f.status for f in first.followups] == ["planned"]
    assert store.link_followups(conn) == 1
    rows = {r["source"]: r for r in store.query_followups(conn, as_of=dt.date(2021, 12, 1))}
    june = rows["juni.txt"]
    assert june["superseded_by"] == "oktober:f0"
    assert (june["later_status"], june["later_source"]) == ("done", "oktober.txt")
    assert june["outstanding"] is False
    # as of a date before the later report, the follow-up is still open (and overdue)
    rows = {r["source"]: r for r in store.query_followups(conn, as_of=dt.date(2021, 10, 2))}
    assert rows["juni.txt"]["outstanding"] is True and rows["juni.txt"]["overdue"] is True
    # a later report the caller may not read does not close the item for them
    conn.execute("UPDATE documents SET access = 'hr' WHERE id = 'oktober'")
    rows = store.query_followups(conn, allowed_access={"public"}, as_of=dt.date(2021, 12, 1))
    june = next(r for r in rows if r["source"] == "juni.txt")
    assert june["later_status"] is None and june["outstanding"] is True
    # removing the later document removes the link
    store.delete_facts(conn, "oktober")
    assert conn.execute(
        "SELECT superseded_by FROM fact_followups WHERE id='juni:f0'"
    ).fetchone() == (None,)


def test_unrelated_actions_are_not_linked(conn):
    add(conn, record_from_text(FIRST, "juni.txt"), committee="Børne- og Ungeudvalget")
    unrelated = SECOND.replace(
        "Handleplanen for det psykiske arbejdsmiljø er godkendt", "Ombygningen er gennemført"
    )
    add(conn, record_from_text(unrelated, "oktober.txt"), committee="Børne- og Ungeudvalget")
    assert store.link_followups(conn) == 0


def test_replace_facts_does_not_commit(tmp_path):
    path = tmp_path / "r.sqlite"
    c = sqlite3.connect(path)
    c.execute(DOCUMENTS)
    store.create_schema(c)
    c.commit()
    row = FollowupRow("x", 1, "", 0, 4, "Test", "Test")
    store.replace_facts(c, "x", Facts(followups=[row]))
    other = sqlite3.connect(path)
    assert other.execute("SELECT COUNT(*) FROM fact_followups").fetchone()[0] == 0
    c.rollback()
    assert c.execute("SELECT COUNT(*) FROM fact_followups").fetchone()[0] == 0


def test_cli_tables_and_csv(corpus, monkeypatch):
    from contextlib import contextmanager

    from typer.testing import CliRunner

    from plan_assistant import cli_facts

    @contextmanager
    def fake_connection():
        yield corpus

    monkeypatch.setattr(cli_facts, "_connection", fake_connection)
    runner = CliRunner()
    result = runner.invoke(
        cli_facts.app, ["budgets", "--source", "bilag2_kompetencepulje_2006_sof.txt", "--csv"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("kilde;side;initiativ;beløb_kr;")
    assert len(lines) == 1 + 8
    assert any(";Videndeling;600000;" in line for line in lines)
    result = runner.invoke(cli_facts.app, ["budgets", "--min-amount", "10000000"])
    assert result.exit_code == 0 and "Budgetter (4)" in result.output
    result = runner.invoke(
        cli_facts.app, ["followups", "--outstanding", "--as-of", "2021-10-01", "--csv"]
    )
    assert result.exit_code == 0, result.output
    approve = next(line for line in result.output.splitlines() if "senest september 2021" in line)
    assert "overskredet" in approve and ";2021-09-30;" in approve
    result = runner.invoke(cli_facts.app, ["followups", "--as-of", "1. juni"])
    assert result.exit_code != 0
    result = runner.invoke(cli_facts.app, ["decisions", "--csv"])
    assert result.exit_code == 0 and "taget til efterretning" in result.output
    assert cli_facts.format_dkk(1_500_000) == "1.500.000 kr."
    assert cli_facts.format_dkk(2.5) == "2,5 kr."
