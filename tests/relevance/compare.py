#!/usr/bin/env python3
"""Compares candidate rankings the way docs/relevance.md reports a step: each candidate is a build tree (its
bin/pattern-indexer and bin/pattern-search), the first one the current ranking. On the tuning splits of both
judged sets together (ours and the upstream library's) it prints each candidate's nDCG@10 per set and batch,
the tuning gain of the best one over the current, and the 5-fold cross-validated gain of choosing among them.
The holdout is printed only with --read-holdout, once the choice is made.

  compare.py --candidate NAME=BUILD_DIR [--candidate NAME=BUILD_DIR ...] [--folds K] [--read-holdout]

Exit status: 0, or 2 on bad input or a failing binary.
"""
import argparse
import sys
from pathlib import Path

from engine import EngineError, rank_corpus
from evaluate import RESULTS, ROOT, UPSTREAM_CORPUS
from judgements import SPLITS, QuerySetError, load_queries, pattern_pillars
from metrics import cross_validated_gain, ndcg, query_fold

HERE = Path(__file__).resolve().parent
SETS = (("ours", ROOT / "corpus", HERE / "queries.tsv"), ("upstream", UPSTREAM_CORPUS, HERE / "upstream_queries.tsv"))
DEFAULT_FOLDS = 5


def candidate(text):
    """NAME=BUILD_DIR -> (name, indexer, search), both binaries checked to exist."""
    name, _, build = text.partition("=")
    binaries = [Path(build, "bin", tool) for tool in ("pattern-indexer", "pattern-search")]
    if not name or not build or not all(binary.is_file() for binary in binaries):
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=BUILD_DIR with bin/pattern-indexer and bin/pattern-search")
    return (name, *binaries)


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Tuning and cross-validated gains of candidate rankings")
    parser.add_argument("--candidate", type=candidate, action="append", required=True,
                        help="NAME=BUILD_DIR, the current ranking first; repeat for each candidate")
    parser.add_argument("--folds", type=int, default=DEFAULT_FOLDS)
    parser.add_argument("--read-holdout", action="store_true", help="also print the holdout, after the choice")
    args = parser.parse_args(argv)
    if len({name for name, _, _ in args.candidate}) != len(args.candidate):
        parser.error("candidate names must differ")
    if args.folds < 2:
        parser.error("--folds must be 2 or more")
    return args


def groups(queries):
    """(label, split, indices): each split of each batch."""
    keys = sorted({(q.split, q.batch) for q in queries}, key=lambda key: (SPLITS.index(key[0]), key[1]))
    return [(f"{split} {batch}", split, [i for i, q in enumerate(queries) if (q.split, q.batch) == (split, batch)])
            for split, batch in keys]


def score_candidate(indexer, search, judged):
    """{set name: nDCG@10 per query} for one build over every judged set."""
    scores = {}
    for name, corpus, queries in judged:
        _, _, ranked = rank_corpus(indexer, search, corpus, [q.text for q in queries], RESULTS)
        scores[name] = [ndcg(ids, q.grades) for ids, q in zip(ranked, queries)]
    return scores


def report(judged, scores, folds, read_holdout):
    names = list(scores)
    current = names[0]
    shown = [(set_name, label, indices) for set_name, _, queries in judged for label, split, indices in groups(queries)
             if split == "tune" or read_holdout]
    print("candidate  " + "  ".join(f"{set_name} {label} ({len(indices)})" for set_name, label, indices in shown))
    for name in names:
        cells = [sum(scores[name][set_name][i] for i in indices) / len(indices) for set_name, _, indices in shown]
        print(f"{name}  " + "  ".join(f"{cell:.4f}" for cell in cells))
    tuning = [(set_name, i) for set_name, _, queries in judged for i, q in enumerate(queries) if q.split == "tune"]
    flat = {name: [scores[name][set_name][i] for set_name, i in tuning] for name in names}
    texts = {set_name: queries for set_name, _, queries in judged}
    fold_of = [query_fold(texts[set_name][i].text, folds) for set_name, i in tuning]
    mean = {name: sum(values) / len(values) for name, values in flat.items()}
    best = max(names, key=lambda name: (mean[name], name == current))
    gain, chosen = cross_validated_gain(flat, fold_of, current)
    print(f"\nboth tuning splits ({len(tuning)} queries): best {best}, tuning gain {mean[best] - mean[current]:+.4f} "
          f"over {current}; {folds}-fold cross-validated gain {gain:+.4f} (folds chose {', '.join(chosen)})")


def main(argv):
    args = parse_args(argv)
    try:
        judged = [(name, corpus, load_queries(queries, pattern_pillars(corpus))) for name, corpus, queries in SETS]
        scores = {name: score_candidate(indexer, search, judged) for name, indexer, search in args.candidate}
    except (QuerySetError, EngineError) as error:
        print(f"compare.py: {error}", file=sys.stderr)
        return 2
    report(judged, scores, args.folds, args.read_holdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
