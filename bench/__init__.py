"""Benchmarks: ingest, embedder, queries, load, and the llama-index quickstart side by side.

Run everything with `python -m bench.run`; see bench/README.md. Speed targets live here,
never in the (untimed) unit tests.
"""
