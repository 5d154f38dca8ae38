#!/usr/bin/env python3
"""Evaluates search relevance: the engine and two SQLite FTS5 baselines, in one run, on the judged queries of
tests/relevance/queries.tsv over our corpus and of tests/relevance/upstream_queries.tsv over the upstream
library's files, with nDCG@10, MRR@10 and Recall@5 per system and split (see docs/relevance.md).

  evaluate.py [--indexer BIN] [--search BIN] [--corpus DIR] [--queries TSV]
              [--upstream-corpus DIR] [--upstream-queries TSV]
              [--markdown FILE] [--misses] [--gate]

Exit status: 0, or 1 when --gate is given and the gate fails, or 2 on bad input or a failing binary.
"""
import argparse
import datetime
import sys
from pathlib import Path

from baseline import Fts5Baseline, load_front_matter_rows, load_sections
from engine import EngineError, rank_corpus
from judgements import SPLITS, QuerySetError, answer_word_share, load_queries, pattern_pillars
from metrics import NDCG_DEPTH, ndcg, paired_bootstrap_interval, reciprocal_rank, summarize
import report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UPSTREAM_CORPUS = ROOT / "tests/fixtures/upstream-library"
RESULTS = 10
# Issue 9's figures: the holdout floor of its acceptance, and the margin over the sections-only baseline it
# asked for, over both batches' holdouts together.
GATE_MIN_NDCG = 0.80
GATE_MIN_MARGIN = 0.10
# In each batch's holdout the engine must beat the baseline given the same front matter: the ranking has to
# add something beyond reading the same text. Issue 25 asks for +0.10; the gate holds what has been reached.
GATE_MIN_FIELDED_MARGIN = 0.0
GATE_FIGURES = {"floor": GATE_MIN_NDCG, "margin": GATE_MIN_MARGIN, "fielded_margin": GATE_MIN_FIELDED_MARGIN}
# What issue 25 asks the gate to read once the ranking earns it, reported beside the gate: 0.88 over both
# batches, +0.10 over the fielded baseline in each, and on the upstream library's files (none of our corpus's
# symptoms or thesaurus) at least FTS5's nDCG@10 over their sections.
TARGET = {"ndcg": 0.88, "fielded_margin": 0.10, "upstream_margin": 0.0}
MISS_SHOWN = 5  # top results printed per miss
# The baseline of issue 9 reads the sections; the fielded one also reads what the engine reads from the front
# matter (description, tags, symptoms).
SYSTEMS = ("engine", "baseline", "baseline+front matter")
BASELINE, FIELDED = SYSTEMS[1], SYSTEMS[2]


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
    parser.add_argument("--upstream-corpus", type=Path, default=UPSTREAM_CORPUS,
                        help="the upstream library's files, read unchanged")
    parser.add_argument("--upstream-queries", type=Path, default=HERE / "upstream_queries.tsv")
    parser.add_argument("--markdown", type=Path, help="write the report (docs/relevance.md) here")
    parser.add_argument("--misses", action="store_true", help="list tuning queries whose top hit is no answer")
    parser.add_argument("--gate", action="store_true", help="exit 1 unless the engine clears the holdout gate")
    return parse_system_arguments(parser, argv)


def run_systems(args, queries):
    """Ranked ids per system for every query over args.corpus, and the corpus size:
    ({system: [ranked]}, patterns, sections)."""
    texts = [query.text for query in queries]
    sections_only = load_sections(args.corpus)
    baseline = Fts5Baseline(sections_only)
    fielded = Fts5Baseline(sections_only + load_front_matter_rows(args.corpus))
    patterns, sections, engine = rank_corpus(args.indexer, args.search, args.corpus, texts, RESULTS)
    if sections != baseline.section_count:
        raise EngineError(f"the engine indexed {sections} sections of {args.corpus} but the baseline split it "
                          f"into {baseline.section_count}: the two would not search the same text")
    return {"engine": engine, BASELINE: [baseline.search(text, RESULTS) for text in texts],
            FIELDED: [fielded.search(text, RESULTS) for text in texts]}, patterns, sections


def score(queries, ranked):
    """{(system, split): summary}, engine rows first."""
    return {
        (system, split): summarize([(ranked[system][i], q.grades) for i, q in enumerate(queries) if q.split == split])
        for system in SYSTEMS
        for split in SPLITS
    }


def batch_scores(queries, ranked):
    """{(system, split, batch): summary} for every system, for each split of each batch."""
    return {
        (system, split, batch): summarize([(ranked[system][i], q.grades) for i, q in enumerate(queries)
                                           if q.split == split and q.batch == batch])
        for split, batch in sorted({(q.split, q.batch) for q in queries})
        for system in SYSTEMS
    }


def holdout_intervals(queries, ranked):
    """{(baseline, batch): the 95% paired bootstrap interval of the engine's holdout nDCG@10 minus that
    baseline's}, batch None for both batches together."""
    intervals = {}
    for batch in [None] + sorted({q.batch for q in queries}):
        held = [i for i, q in enumerate(queries) if q.split == "holdout" and batch in (None, q.batch)]
        for system in (BASELINE, FIELDED):
            intervals[system, batch] = paired_bootstrap_interval(
                [ndcg(ranked["engine"][i], queries[i].grades) for i in held],
                [ndcg(ranked[system][i], queries[i].grades) for i in held])
    return intervals


def gate_failures(scores, batches):
    """What the gate finds short: scores are score()'s, batches batch_scores()'s."""
    engine = scores[("engine", "holdout")]["ndcg"]
    base = scores[(BASELINE, "holdout")]["ndcg"]
    failures = []
    if engine < GATE_MIN_NDCG:
        failures.append(f"engine holdout nDCG@{NDCG_DEPTH} {engine:.3f} < {GATE_MIN_NDCG:.2f}")
    if engine < base + GATE_MIN_MARGIN:
        failures.append(f"engine holdout nDCG@{NDCG_DEPTH} {engine:.3f} < baseline {base:.3f} + "
                        f"{GATE_MIN_MARGIN:.2f}")
    for split, batch in sorted({(split, batch) for _, split, batch in batches}):
        if split != "holdout":
            continue
        engine_batch, fielded = batches[("engine", split, batch)]["ndcg"], batches[(FIELDED, split, batch)]["ndcg"]
        if engine_batch < fielded + GATE_MIN_FIELDED_MARGIN:
            failures.append(f"batch {batch} holdout: engine {engine_batch:.3f} < {FIELDED} {fielded:.3f} + "
                            f"{GATE_MIN_FIELDED_MARGIN:.2f}")
    return failures


def rank_text(results, pattern_id):
    return str(results.index(pattern_id) + 1) if pattern_id in results else "-"


def print_misses(title, queries, ranked):
    """Tuning queries whose first engine result is not a grade-2 answer, worst first. Holdout is never shown."""
    misses = [(ndcg(ranked["engine"][i], q.grades), i, q) for i, q in enumerate(queries)
              if q.split == "tune" and reciprocal_rank(ranked["engine"][i], q.grades, 1) == 0]
    print(f"\n{title}: {len(misses)} tuning queries whose first result is not an answer (nDCG@{NDCG_DEPTH}, "
          "line, query):")
    for value, i, q in sorted(misses, key=lambda miss: (miss[0], miss[1])):
        engine, base = ranked["engine"][i], ranked[BASELINE][i]
        judged = ", ".join(f"{pid}:{grade} (engine {rank_text(engine, pid)}, baseline {rank_text(base, pid)})"
                           for pid, grade in q.grades.items())
        print(f"  {value:.2f}  line {q.line}: {q.text}\n        wanted {judged}\n"
              f"        engine {', '.join(engine[:MISS_SHOWN]) or '(nothing)'}")


def evaluate_set(args, corpus, queries_file):
    """(queries, ranked, scores, patterns, sections) of one judged set over one corpus."""
    queries = load_queries(queries_file, pattern_pillars(corpus))
    ranked, patterns, sections = run_systems(argparse.Namespace(**{**vars(args), "corpus": corpus}), queries)
    return queries, ranked, score(queries, ranked), patterns, sections


def main(argv):
    args = parse_args(argv)
    try:
        queries, ranked, scores, patterns, sections = evaluate_set(args, args.corpus, args.queries)
        up_queries, up_ranked, upstream, up_patterns, up_sections = evaluate_set(
            args, args.upstream_corpus, args.upstream_queries)
    except (QuerySetError, EngineError) as error:
        print(f"evaluate.py: {error}", file=sys.stderr)
        return 2
    batches = batch_scores(queries, ranked)
    intervals = holdout_intervals(queries, ranked)
    up_intervals = holdout_intervals(up_queries, up_ranked)
    print(report.text_table(scores))
    print(report.margin_lines(scores, intervals))
    print(f"\nupstream library ({up_patterns} patterns, {len(up_queries)} queries):")
    print(report.text_table(upstream))
    print(report.margin_lines(upstream, up_intervals))
    if args.misses:
        print_misses("our corpus", queries, ranked)
        print_misses("upstream library", up_queries, up_ranked)
    failures = gate_failures(scores, batches)
    if args.markdown:
        run = {"date": datetime.datetime.now(datetime.timezone.utc).date().isoformat(), "patterns": patterns,
               "batches": batches, "word_share": answer_word_share(queries, args.corpus),
               "sections": sections, "queries": len(queries), "gate": failures, "intervals": intervals,
               "gate_figures": GATE_FIGURES, "target": TARGET,
               "tune": scores[("engine", "tune")]["queries"], "holdout": scores[("engine", "holdout")]["queries"],
               "upstream": {"scores": upstream, "intervals": up_intervals, "patterns": up_patterns,
                            "sections": up_sections, "queries": len(up_queries)}}
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
