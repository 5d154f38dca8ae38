#!/usr/bin/env python3
"""The golden answers: the engine's top 10 pattern ids for every judged query (tests/relevance/queries.tsv), held
in golden_top10.tsv. A change meant to make search faster must leave them byte-identical; a change meant to
rank differently rewrites them (--write) in its own commit, beside the relevance report's new figures.

  golden.py [--indexer BIN] [--search BIN] [--corpus DIR] [--write]

Exit status: 0 when every query's top 10 matches (or after --write), 1 when any differs, 2 on bad input.
"""
import argparse
import difflib
import sys
from pathlib import Path

from engine import EngineError, rank_corpus
from evaluate import add_system_arguments, parse_system_arguments
from judgements import QuerySetError, load_queries, pattern_pillars

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden_top10.tsv"
TOP = 10
HEADER = "query\ttop 10 pattern ids, best first"
DIFF_LINES_SHOWN = 40


def golden_text(queries, ranked):
    """One line per query in queries.tsv's order: its text, a tab, its ids joined by commas."""
    lines = [HEADER] + [f"{query.text}\t{','.join(ids)}" for query, ids in zip(queries, ranked)]
    return "\n".join(lines) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description="Check (or --write) the engine's top 10 for every judged query")
    add_system_arguments(parser)
    parser.add_argument("--queries", type=Path, default=HERE / "queries.tsv")
    parser.add_argument("--golden", type=Path, default=GOLDEN)
    parser.add_argument("--write", action="store_true", help="rewrite the golden file from this engine")
    args = parse_system_arguments(parser, argv)
    try:
        queries = load_queries(args.queries, pattern_pillars(args.corpus))
        _, _, ranked = rank_corpus(args.indexer, args.search, args.corpus, [q.text for q in queries], TOP)
    except (QuerySetError, EngineError) as error:
        print(f"golden: {error}", file=sys.stderr)
        return 2
    now = golden_text(queries, ranked)
    if args.write:
        args.golden.write_text(now, encoding="utf-8")
        print(f"golden: wrote the top {TOP} of {len(queries)} queries to {args.golden}")
        return 0
    if not args.golden.is_file():
        print(f"golden: {args.golden} does not exist; write it with --write", file=sys.stderr)
        return 2
    held = args.golden.read_text(encoding="utf-8")
    if held == now:
        print(f"golden: the top {TOP} of all {len(queries)} judged queries are unchanged")
        return 0
    diff = list(difflib.unified_diff(held.splitlines(), now.splitlines(), "golden", "now", lineterm="", n=0))
    changed = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
    print(f"golden: the top {TOP} changed for {changed} queries (a ranking change rewrites {args.golden.name} "
          "with --write in its own commit):")
    print("\n".join(diff[:DIFF_LINES_SHOWN]))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
