"""Ranking metrics over one ranked list of pattern ids and one query's graded judgements (id -> 1 or 2).

- nDCG@10: DCG = sum over ranks r = 1..10 of (2^grade - 1) / log2(r + 1), unjudged ids having grade 0,
  divided by the DCG of the ideal order of the query's judgements.
- MRR@10: 1 / the rank of the first grade-2 answer within the top 10, or 0 when none is there.
- Recall@5: the share of the query's judged ids (grade 1 or 2) found in the top 5, out of min(5, judged ids),
  so a perfect top 5 scores 1 even for a query with more than five judged ids.

And how far a difference between two systems' means over the same queries can be trusted: a paired bootstrap
interval, and the cross-validated gain of choosing among candidate rankings on the tuning split.
"""
import hashlib
import math
import random

NDCG_DEPTH = 10
MRR_DEPTH = 10
RECALL_DEPTH = 5
BOOTSTRAP_RESAMPLES = 10000


def _dcg(grades):
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, 1))


def ndcg(ranked, judgements, depth=NDCG_DEPTH):
    ideal = _dcg(sorted(judgements.values(), reverse=True)[:depth])
    return _dcg([judgements.get(pattern_id, 0) for pattern_id in ranked[:depth]]) / ideal


def reciprocal_rank(ranked, judgements, depth=MRR_DEPTH):
    for rank, pattern_id in enumerate(ranked[:depth], 1):
        if judgements.get(pattern_id) == 2:
            return 1.0 / rank
    return 0.0


def recall(ranked, judgements, depth=RECALL_DEPTH):
    found = sum(1 for pattern_id in ranked[:depth] if pattern_id in judgements)
    return found / min(depth, len(judgements))


def summarize(runs):
    """Means of the three metrics over (ranked, judgements) pairs, keyed ndcg, mrr, recall."""
    count = len(runs)
    if count == 0:
        return {"ndcg": 0.0, "mrr": 0.0, "recall": 0.0, "queries": 0}
    return {
        "ndcg": sum(ndcg(ranked, judged) for ranked, judged in runs) / count,
        "mrr": sum(reciprocal_rank(ranked, judged) for ranked, judged in runs) / count,
        "recall": sum(recall(ranked, judged) for ranked, judged in runs) / count,
        "queries": count,
    }


def paired_bootstrap_interval(first, second, resamples=BOOTSTRAP_RESAMPLES, level=0.95, seed=9):
    """The central `level` interval of mean(first - second) over `resamples` resamplings, with replacement, of
    the queries both lists score in the same order. Seeded, so a report regenerated from the same results
    prints the same interval."""
    if len(first) != len(second) or not first:
        raise ValueError("the two systems must score the same, non-empty list of queries")
    differences = [a - b for a, b in zip(first, second)]
    count = len(differences)
    draw = random.Random(seed)
    means = sorted(sum(draw.choices(differences, k=count)) / count for _ in range(resamples))
    tail = (1 - level) / 2
    return means[int(tail * (resamples - 1))], means[math.ceil((1 - tail) * (resamples - 1))]


def query_fold(text, folds):
    """The cross-validation fold of a query: its text's SHA-256 modulo @p folds, so folds never depend on order."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % folds


def cross_validated_gain(scores, folds, current):
    """The k-fold cross-validated gain of choosing among candidate rankings: for each fold, the candidate with the
    best mean on the other folds (the current one on ties) is read on that fold, and the gain over @p current is
    averaged over every query. scores: {candidate: [score per query]}, all in the same query order; folds: the
    fold of each query. Returns (gain, the candidate each fold chose, in fold order)."""
    count = len(folds)
    if not count or any(len(values) != count for values in scores.values()):
        raise ValueError("every candidate must score the same, non-empty list of queries")
    gain, chosen = 0.0, []
    for fold in sorted(set(folds)):
        train = [i for i in range(count) if folds[i] != fold]
        mean = lambda name: sum(scores[name][i] for i in train) / len(train) if train else 0.0
        best = max(scores, key=lambda name: (mean(name), name == current))
        chosen.append(best)
        gain += sum(scores[best][i] - scores[current][i] for i in range(count) if folds[i] == fold)
    return gain / count, chosen
