#!/usr/bin/env python3
"""Evaluates search relevance: the engine and an SQLite FTS5 baseline, in one run, on the judged queries of
tests/relevance/queries.tsv, with nDCG@10, MRR@10 and Recall@5 per system and split (see docs/relevance.md).

  evaluate.py [--indexer BIN] [--search BIN] [--corpus DIR] [--queries TSV]
              [--markdown FILE] [--misses] [--gate]

Exit status: 0, or 1 when --gate is given and the gate fails, or 2 on bad input or a failing binary.
"""
import argparse
import datetime
import sys
import tempfile
from pathlib import Path

from baseline import Fts5Baseline, load_front_matter_rows, load_sections
from engine import EngineError, EngineSearch, build_index
from judgements import SPLITS, QuerySetError, answer_word_share, load_queries, pattern_pillars
from metrics import NDCG_DEPTH, ndcg, paired_bootstrap_interval, reciprocal_rank, summarize
import report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = 10
# Issue 9's figures: the holdout floor of its acceptance, and the margin over the FTS5 baseline it asked for.
GATE_MIN_NDCG = 0.80
GATE_MIN_MARGIN = 0.10
MISS_SHOWN = 5  # top results printed per miss
# The baseline of issue 9 (the gate's) reads the sections; the informed one also reads what the engine reads
# from the front matter, and is reported, not gated.
SYSTEMS = ("engine", "baseline", "baseline+front matter")


def add_system_arguments(parser):
    """--indexer, --search and --corpus: what the systems run on, shared with symptom_check.py."""
    parser.add_argument("--indexer", type=Path, default=ROOT / "build/bin/pattern-indexer")
    parser.add_argument("--search", type=Path, default=ROOT / "build/bin/pattern-search")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")


def parse_system_arguments(parser, argv):
    """parser's arguments, with the binaries and the corpus checked to exist."""
    args = parser.parse_args(argv)
    for binary in (args.indexer, args.search):
        if not binary.is_file():
            parser.error(f"{binary} does not exist; build it first (cmake --build build) or pass its path")
    if not (args.corpus / "patterns").is_dir():
        parser.error(f"{args.corpus} is not a corpus: it has no patterns/ folder")
    return args


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Engine and FTS5 baseline relevance on the judged queries")
    add_system_arguments(parser)
    parser.add_argument("--queries", type=Path, default=HERE / "queries.tsv")
    parser.add_argument("--markdown", type=Path, help="write the report (docs/relevance.md) here")
    parser.add_argument("--misses", action="store_true", help="list tuning queries whose top hit is no answer")
    parser.add_argument("--gate", action="store_true", help="exit 1 unless the engine clears the holdout gate")
    return parse_system_arguments(parser, argv)


def run_systems(args, queries):
    """Ranked ids per system for every query, and the corpus size: ({system: [ranked]}, patterns, sections)."""
    texts = [query.text for query in queries]
    sections_only = load_sections(args.corpus)
    baseline = Fts5Baseline(sections_only)
    informed = Fts5Baseline(sections_only + load_front_matter_rows(args.corpus))
    with tempfile.TemporaryDirectory(prefix="pai-relevance-") as index_dir:
        patterns, sections = build_index(args.indexer, args.corpus, index_dir)
        if sections != baseline.section_count:
            raise EngineError(f"the engine indexed {sections} sections but the baseline split the corpus into "
                              f"{baseline.section_count}: the two would not search the same text")
        engine = EngineSearch(args.search, index_dir).search_all(texts, RESULTS)
    return {"engine": engine, "baseline": [baseline.search(text, RESULTS) for text in texts],
            "baseline+front matter": [informed.search(text, RESULTS) for text in texts]}, patterns, sections


def score(queries, ranked):
    """{(system, split): summary}, engine rows first."""
    return {
        (system, split): summarize([(ranked[system][i], q.grades) for i, q in enumerate(queries) if q.split == split])
        for system in SYSTEMS
        for split in SPLITS
    }


def batch_scores(queries, ranked):
    """{(system, split, batch): summary} for the engine and the gate's baseline, for each split of each batch."""
    return {
        (system, split, batch): summarize([(ranked[system][i], q.grades) for i, q in enumerate(queries)
                                           if q.split == split and q.batch == batch])
        for split, batch in sorted({(q.split, q.batch) for q in queries})
        for system in ("engine", "baseline")
    }


def holdout_margin_interval(queries, ranked):
    """The 95% paired bootstrap interval of the engine's holdout nDCG@10 minus the gate baseline's."""
    held = [i for i, q in enumerate(queries) if q.split == "holdout"]
    return paired_bootstrap_interval([ndcg(ranked["engine"][i], queries[i].grades) for i in held],
                                     [ndcg(ranked["baseline"][i], queries[i].grades) for i in held])


def gate_failures(scores):
    engine = scores[("engine", "holdout")]["ndcg"]
    baseline = scores[("baseline", "holdout")]["ndcg"]
    failures = []
    if engine < GATE_MIN_NDCG:
        failures.append(f"engine holdout nDCG@{NDCG_DEPTH} {engine:.3f} < {GATE_MIN_NDCG:.2f}")
    if engine < baseline + GATE_MIN_MARGIN:
        failures.append(f"engine holdout nDCG@{NDCG_DEPTH} {engine:.3f} < baseline {baseline:.3f} + "
                        f"{GATE_MIN_MARGIN:.2f}")
    return failures


def rank_text(results, pattern_id):
    return str(results.index(pattern_id) + 1) if pattern_id in results else "-"


def print_misses(queries, ranked):
    """Tuning queries whose first engine result is not a grade-2 answer, worst first. Holdout is never shown."""
    misses = [(ndcg(ranked["engine"][i], q.grades), i, q) for i, q in enumerate(queries)
              if q.split == "tune" and reciprocal_rank(ranked["engine"][i], q.grades, 1) == 0]
    print(f"\n{len(misses)} tuning queries whose first result is not an answer (nDCG@{NDCG_DEPTH}, line, query):")
    for value, i, q in sorted(misses, key=lambda miss: (miss[0], miss[1])):
        engine, baseline = ranked["engine"][i], ranked["baseline"][i]
        judged = ", ".join(f"{pid}:{grade} (engine {rank_text(engine, pid)}, baseline {rank_text(baseline, pid)})"
                           for pid, grade in q.grades.items())
        print(f"  {value:.2f}  line {q.line}: {q.text}\n        wanted {judged}\n"
              f"        engine {', '.join(engine[:MISS_SHOWN]) or '(nothing)'}")


def main(argv):
    args = parse_args(argv)
    try:
        queries = load_queries(args.queries, pattern_pillars(args.corpus))
        ranked, patterns, sections = run_systems(args, queries)
    except (QuerySetError, EngineError) as error:
        print(f"evaluate.py: {error}", file=sys.stderr)
        return 2
    scores = score(queries, ranked)
    interval = holdout_margin_interval(queries, ranked)
    print(report.text_table(scores))
    print(report.margin_line(scores, interval))
    if args.misses:
        print_misses(queries, ranked)
    failures = gate_failures(scores)
    if args.markdown:
        run = {"date": datetime.datetime.now(datetime.timezone.utc).date().isoformat(), "patterns": patterns,
               "batches": batch_scores(queries, ranked), "word_share": answer_word_share(queries, args.corpus),
               "sections": sections, "queries": len(queries), "gate": failures,
               "gate_floor": GATE_MIN_NDCG, "gate_margin": GATE_MIN_MARGIN, "margin_interval": interval,
               "tune": scores[("engine", "tune")]["queries"], "holdout": scores[("engine", "holdout")]["queries"]}
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(report.markdown(scores, run), encoding="utf-8")
        print(f"wrote {args.markdown}")
    if args.gate:
        if failures:
            print("relevance gate FAILED: " + "; ".join(failures))
            return 1
        print("relevance gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
