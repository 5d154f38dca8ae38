#!/usr/bin/env python3
"""Tests of the relevance evaluation itself: the metrics, the baseline's section splitting and query syntax,
the gate, and the judged query set (well-formed, judged against real ids, holdout drawn by the stated rule)."""
import argparse
import collections
import tempfile
import unittest
from pathlib import Path

import baseline
import compare
import corpus_files
import evaluate
import judgements
import metrics
import report
import symptom_check

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "corpus"


class MetricsTest(unittest.TestCase):
    def test_ndcg_is_one_for_the_ideal_order_and_zero_without_judged_hits(self):
        judged = {"a": 2, "b": 1}
        self.assertAlmostEqual(metrics.ndcg(["a", "b", "x"], judged), 1.0)
        self.assertEqual(metrics.ndcg(["x", "y"], judged), 0.0)

    def test_ndcg_uses_exponential_gains_and_log_discounts(self):
        # DCG = 3/log2(2) + 0 + 1/log2(4) = 3.5; ideal = 3 + 1/log2(3).
        expected = 3.5 / (3 + 1 / 1.584962500721156)
        self.assertAlmostEqual(metrics.ndcg(["a", "x", "b"], {"a": 2, "b": 1}), expected)

    def test_ndcg_ignores_results_below_its_depth(self):
        ranked = [f"x{i}" for i in range(10)] + ["a"]
        self.assertEqual(metrics.ndcg(ranked, {"a": 2}), 0.0)

    def test_reciprocal_rank_counts_only_grade_two_answers(self):
        judged = {"useful": 1, "answer": 2}
        self.assertAlmostEqual(metrics.reciprocal_rank(["useful", "x", "answer"], judged), 1 / 3)
        self.assertEqual(metrics.reciprocal_rank(["useful", "x"], judged), 0.0)

    def test_recall_is_out_of_at_most_five_judged_ids(self):
        many = {name: 1 for name in "abcdef"}
        self.assertEqual(metrics.recall(list("abcde"), many), 1.0)
        self.assertEqual(metrics.recall(["x", "a", "y", "z", "w", "b"], {"a": 2, "b": 1}), 0.5)

    def test_summarize_averages_over_queries(self):
        runs = [(["a"], {"a": 2}), (["x"], {"a": 2})]
        summary = metrics.summarize(runs)
        self.assertEqual((summary["ndcg"], summary["mrr"], summary["recall"], summary["queries"]), (0.5, 0.5, 0.5, 2))


class BootstrapTest(unittest.TestCase):
    def test_a_constant_difference_has_an_interval_of_zero_width(self):
        low, high = metrics.paired_bootstrap_interval([0.9, 0.5, 0.7], [0.8, 0.4, 0.6])
        self.assertAlmostEqual(low, 0.1)
        self.assertAlmostEqual(high, 0.1)

    def test_the_interval_holds_the_mean_difference_and_widens_with_noise(self):
        steady = [0.1, 0.12, 0.08, 0.11, 0.09] * 10
        noisy = [0.6, -0.4, 0.5, -0.3, 0.1] * 10
        zeros = [0.0] * 50
        steady_low, steady_high = metrics.paired_bootstrap_interval(steady, zeros)
        noisy_low, noisy_high = metrics.paired_bootstrap_interval(noisy, zeros)
        self.assertLess(steady_low, 0.1)
        self.assertGreater(steady_high, 0.1)
        self.assertLess(noisy_low, 0.1)
        self.assertGreater(noisy_high, 0.1)
        self.assertGreater(noisy_high - noisy_low, 5 * (steady_high - steady_low))

    def test_the_same_scores_give_the_same_interval(self):
        first, second = [0.9, 0.2, 0.6, 1.0], [0.7, 0.4, 0.6, 0.5]
        self.assertEqual(metrics.paired_bootstrap_interval(first, second),
                         metrics.paired_bootstrap_interval(first, second))

    def test_unpaired_or_empty_scores_are_rejected(self):
        with self.assertRaises(ValueError):
            metrics.paired_bootstrap_interval([0.5], [0.5, 0.6])
        with self.assertRaises(ValueError):
            metrics.paired_bootstrap_interval([], [])


class CrossValidationTest(unittest.TestCase):
    def test_each_fold_is_read_with_the_candidate_the_other_folds_chose(self):
        # Fold 0 ties the two on fold 1's queries and keeps the current one; fold 1 sees "new" win on fold 0's.
        scores = {"current": [0.0, 1.0, 0.0, 1.0], "new": [1.0, 1.0, 1.0, 0.0]}
        gain, chosen = metrics.cross_validated_gain(scores, [0, 0, 1, 1], "current")
        self.assertEqual(chosen, ["current", "new"])
        self.assertAlmostEqual(gain, 0.0)

    def test_a_candidate_better_everywhere_gains_its_whole_lead(self):
        scores = {"current": [0.5] * 10, "new": [0.7] * 10}
        gain, chosen = metrics.cross_validated_gain(scores, [i % 5 for i in range(10)], "current")
        self.assertEqual(chosen, ["new"] * 5)
        self.assertAlmostEqual(gain, 0.2)

    def test_a_lead_on_one_fold_only_does_not_carry_to_that_fold(self):
        # "lucky" leads on the whole set (0.55 to 0.5) only through fold 0's query: fold 0, which cannot see it,
        # keeps the current ranking, and the folds that choose "lucky" read its losses.
        scores = {"current": [0.5, 0.5, 0.5, 0.5], "lucky": [1.0, 0.4, 0.4, 0.4]}
        gain, chosen = metrics.cross_validated_gain(scores, [0, 1, 2, 3], "current")
        self.assertEqual(chosen, ["current", "lucky", "lucky", "lucky"])
        self.assertAlmostEqual(gain, -0.3 / 4)

    def test_folds_follow_the_query_text_and_mismatched_scores_are_refused(self):
        self.assertEqual(metrics.query_fold("the bill doubled", 5), metrics.query_fold("the bill doubled", 5))
        self.assertEqual({metrics.query_fold(f"query {n}", 5) for n in range(100)}, set(range(5)))
        with self.assertRaises(ValueError):
            metrics.cross_validated_gain({"current": [0.5], "new": [0.5, 0.6]}, [0], "current")

    def test_a_candidate_is_a_name_and_a_build_tree_with_both_binaries(self):
        with tempfile.TemporaryDirectory() as build:
            with self.assertRaises(argparse.ArgumentTypeError):
                compare.candidate(f"new={build}")
            for tool in ("pattern-indexer", "pattern-search"):
                Path(build, "bin").mkdir(exist_ok=True)
                Path(build, "bin", tool).write_text("")
            self.assertEqual(compare.candidate(f"new={build}")[0], "new")
            with self.assertRaises(argparse.ArgumentTypeError):
                compare.candidate(build)


class SymptomCheckTest(unittest.TestCase):
    SYMPTOMS = ["the bill doubled", "provider times out", "agent looped all night", "judge disagrees with people"]

    def pattern(self, symptoms_block):
        return f"---\ntitle: T\nsymptoms:\n{symptoms_block}related: [a]\n---\n\n## What It Is\n\nText.\n"

    def test_only_the_folds_symptoms_are_hidden_and_the_rest_of_the_file_is_kept(self):
        fold = symptom_check.fold_of(self.SYMPTOMS[0])
        text = self.pattern("".join(f'  - "{symptom}"\n' for symptom in self.SYMPTOMS))
        out, hidden = symptom_check.hide_symptoms(text, fold)
        expected = [s for s in self.SYMPTOMS if symptom_check.fold_of(s) == fold]
        self.assertEqual(hidden, expected)
        kept = [s for s in self.SYMPTOMS if s not in expected]
        self.assertEqual(out, self.pattern("".join(f'  - "{symptom}"\n' for symptom in kept)))

    def test_a_pattern_left_without_symptoms_lists_none(self):
        symptom = self.SYMPTOMS[1]
        out, hidden = symptom_check.hide_symptoms(self.pattern(f'  - "{symptom}"\n'), symptom_check.fold_of(symptom))
        self.assertEqual(hidden, [symptom])
        self.assertIn("\nsymptoms: []\nrelated: [a]\n", out)

    def test_symptoms_not_listed_one_per_line_are_refused(self):
        text = "---\ntitle: T\nsymptoms: [one, two]\n---\n"
        with self.assertRaises(ValueError):
            symptom_check.hide_symptoms(text, symptom_check.fold_of("one"))
        with self.assertRaises(ValueError):
            symptom_check.hide_symptoms("no front matter\n", 0)


class BaselineTest(unittest.TestCase):
    def test_h2_inside_a_code_fence_does_not_start_a_section(self):
        body = "intro line\n## What It Is\ntext\n```python\n## not a heading\n```\n## How It Works\nsteps\n"
        sections = baseline.split_sections(body)
        self.assertEqual([heading for heading, _ in sections], ["", "What It Is", "How It Works"])
        self.assertIn("## not a heading", sections[1][1])

    def test_front_matter_is_not_body_text(self):
        front, body = corpus_files.split_front_matter("---\ntitle: \"X\"\n---\n## A\nbody\n")
        self.assertEqual(front, "title: \"X\"")
        self.assertEqual(baseline.split_sections(body), [("A", "## A\nbody\n")])

    def test_every_corpus_pattern_has_ten_sections_and_three_failure_modes_or_more(self):
        sections = baseline.load_sections(CORPUS)
        is_failure_mode = [section.heading.startswith("Failure Modes: ") for section in sections]
        per_pattern = collections.Counter(s.pattern_id for s, mode in zip(sections, is_failure_mode) if not mode)
        modes = collections.Counter(s.pattern_id for s, mode in zip(sections, is_failure_mode) if mode)
        self.assertEqual(len(per_pattern), len(judgements.pattern_pillars(CORPUS)))
        self.assertEqual(set(per_pattern.values()), {10})
        self.assertEqual(set(modes), set(per_pattern))
        self.assertGreaterEqual(min(modes.values()), 3)

    def test_each_failure_mode_is_a_row_of_its_own(self):
        with tempfile.TemporaryDirectory() as corpus:
            pattern = Path(corpus, "patterns", "reliability", "breaker.md")
            pattern.parent.mkdir(parents=True)
            pattern.write_text("---\ntitle: Breaker\npillar: reliability\n---\n## Trade-offs\nSome.\n## Failure Modes\n"
                               "### Flash Trip\n**Trigger**: a spike.\n```\n### not an entry\n```\n"
                               "### Stuck Open\n**Trigger**: a failed probe.\n## Further Reading\nNone.\n")
            headings = [section.heading for section in baseline.load_sections(corpus)]
        self.assertEqual(headings, ["Trade-offs", "Failure Modes: Flash Trip", "Failure Modes: Stuck Open",
                                    "Further Reading"])

    def test_the_informed_baseline_gets_one_front_matter_row_per_pattern(self):
        with tempfile.TemporaryDirectory() as corpus:
            pattern = Path(corpus, "patterns", "reliability", "breaker.md")
            pattern.parent.mkdir(parents=True)
            pattern.write_text("---\ntitle: Breaker\npillar: reliability\ndescription: Stop calling.\ntags: [fail-fast]\n"
                               "symptoms:\n  - \"workers pile up\"\n---\n## What It Is\nText.\n", encoding="utf-8")
            rows = baseline.load_front_matter_rows(corpus)
        self.assertEqual(rows, [baseline.Section("breaker", "Breaker", "front matter",
                                                 "Stop calling.\nfail fast\nworkers pile up")])

    def test_user_text_with_query_syntax_is_searched_as_words(self):
        index = baseline.Fts5Baseline([baseline.Section("p", "Retry", "", "retries NOT allowed: can't")])
        for text in ('"unbalanced', "NOT AND OR", "-x +y title:z", "can't (retry*", "^near"):
            index.search(text, 10)  # raises sqlite3.OperationalError if FTS5 saw syntax
        self.assertEqual(index.search("retry", 10), ["p"])
        self.assertEqual(index.search("!!!", 10), [])

    def test_a_pattern_appears_once_ranked_by_its_best_section(self):
        sections = [baseline.Section("weak", "Weak", "", "timeout"),
                    baseline.Section("strong", "Strong", "", "timeout"),
                    baseline.Section("strong", "Strong", "", "timeout timeout timeout timeout"),
                    baseline.Section("other", "Other", "", "unrelated words only")]
        self.assertEqual(baseline.Fts5Baseline(sections).search("timeout", 10), ["strong", "weak"])

    def test_the_title_counts_more_than_the_section_text(self):
        # Twice in the text would beat once in the title if both columns counted the same.
        sections = [baseline.Section("body", "Something", "", "breaker breaker here and more words"),
                    baseline.Section("title", "Breaker", "", "other here and more words")]
        self.assertEqual(baseline.Fts5Baseline(sections).search("breaker", 10)[0], "title")


class GateTest(unittest.TestCase):
    @staticmethod
    def failures(engine, base, fielded=(0.70, 0.60), engine_batches=(0.86, 0.80)):
        """The gate's failures for holdout nDCG@10 figures: both batches' engine and baseline, and each batch's
        fielded baseline and engine."""
        scores = {("engine", "holdout"): {"ndcg": engine}, ("baseline", "holdout"): {"ndcg": base}}
        batches = {(system, "holdout", batch): {"ndcg": value}
                   for batch, (engine_value, fielded_value) in enumerate(zip(engine_batches, fielded), 1)
                   for system, value in (("engine", engine_value), (evaluate.FIELDED, fielded_value))}
        batches[("engine", "tune", 1)] = {"ndcg": 0.0}  # tuning rows are never gated
        batches[(evaluate.FIELDED, "tune", 1)] = {"ndcg": 1.0}
        return evaluate.gate_failures(scores, batches)

    def test_gate_passes_above_the_floor_and_the_margins(self):
        self.assertEqual(self.failures(0.86, 0.70), [])

    def test_gate_fails_below_the_floor(self):
        failures = self.failures(0.79, 0.50)
        self.assertEqual(len(failures), 1)
        self.assertIn("< 0.80", failures[0])

    def test_gate_fails_without_the_margin_over_the_baseline(self):
        for base in (0.83, 0.76):
            failures = self.failures(0.85, base)
            self.assertEqual(len(failures), 1)
            self.assertIn("baseline", failures[0])

    def test_gate_fails_when_a_batch_falls_below_the_fielded_baseline(self):
        failures = self.failures(0.86, 0.70, fielded=(0.70, 0.81))
        self.assertEqual(len(failures), 1)
        self.assertIn("batch 2 holdout", failures[0])

    def test_the_report_names_each_figure_of_issue_25_still_missing(self):
        scores = {("engine", "holdout"): {"ndcg": 0.86}, ("baseline", "holdout"): {"ndcg": 0.70}}
        batches = {("engine", "holdout", 1): {"ndcg": 0.95}, ("baseline+front matter", "holdout", 1): {"ndcg": 0.80},
                   ("engine", "holdout", 2): {"ndcg": 0.77}, ("baseline+front matter", "holdout", 2): {"ndcg": 0.70}}
        upstream = {("engine", "holdout"): {"ndcg": 0.89}, ("baseline", "holdout"): {"ndcg": 0.90}}
        short = report.issue_25_shortfall(scores, batches, upstream, evaluate.TARGET)
        self.assertEqual(len(short), 3, short)
        self.assertIn("0.020 short of 0.88", short[0])
        self.assertIn("batch 2", short[1])
        self.assertIn("trails FTS5", short[2])
        scores[("engine", "holdout")]["ndcg"] = 0.90
        batches[("engine", "holdout", 2)]["ndcg"] = 0.81
        upstream[("engine", "holdout")]["ndcg"] = 0.90
        self.assertEqual(report.issue_25_shortfall(scores, batches, upstream, evaluate.TARGET), [])

    def test_batch_rows_score_only_their_own_batchs_queries(self):
        queries = [judgements.Query(0, "holdout", 1, "first batch query", {"circuit-breaker": 2}),
                   judgements.Query(0, "holdout", 2, "second batch query", {"fallback-chain": 2})]
        ranked = {system: [["circuit-breaker"], ["circuit-breaker"]] for system in evaluate.SYSTEMS}
        rows = evaluate.batch_scores(queries, ranked)
        self.assertEqual(set(rows), {(system, "holdout", batch) for system in evaluate.SYSTEMS for batch in (1, 2)})
        self.assertEqual(rows[("engine", "holdout", 1)]["ndcg"], 1.0)
        self.assertEqual(rows[("engine", "holdout", 2)]["ndcg"], 0.0)


class JudgedSetChecks:
    """What every judged set must hold: its size, every pillar in both splits, the holdout the rule draws, and
    no phrase copied from the files it is judged over. Subclasses set CORPUS_DIR, QUERIES and MIN_QUERIES."""

    @classmethod
    def setUpClass(cls):
        cls.pillars = judgements.pattern_pillars(cls.CORPUS_DIR)
        cls.queries = judgements.load_queries(HERE / cls.QUERIES, cls.pillars)

    def test_the_set_is_large_enough_and_spans_every_pillar_in_both_splits(self):
        self.assertGreaterEqual(len(self.queries), self.MIN_QUERIES)
        for split in judgements.SPLITS:
            covered = {self.pillars[q.answers[0]] for q in self.queries if q.split == split}
            self.assertEqual(covered, set(self.pillars.values()), split)

    def test_the_holdout_is_the_one_the_stated_rule_draws(self):
        expected = judgements.holdout_by_rule(self.queries, self.pillars)
        actual = {q.text for q in self.queries if q.split == "holdout"}
        self.assertEqual(actual - expected, set(), "in the holdout but not drawn by the rule")
        self.assertEqual(expected - actual, set(), "drawn by the rule but not in the holdout")
        self.assertAlmostEqual(len(actual) / len(self.queries), judgements.HOLDOUT_SHARE, delta=0.04)

    def test_no_query_copies_a_phrase_from_the_patterns(self):
        corpus_runs = set()
        for pattern in corpus_files.pattern_files(self.CORPUS_DIR):
            corpus_runs |= judgements.word_runs(pattern.path.read_text(encoding="utf-8"))
        copied = {q.text: " ".join(run) for q in self.queries for run in judgements.word_runs(q.text) & corpus_runs}
        self.assertEqual(copied, {}, f"queries sharing {judgements.COPIED_WORDS} consecutive words with a pattern file")


class UpstreamQuerySetTest(JudgedSetChecks, unittest.TestCase):
    CORPUS_DIR, QUERIES, MIN_QUERIES = evaluate.UPSTREAM_CORPUS, "upstream_queries.tsv", 40

    def test_every_upstream_pattern_is_the_answer_of_some_query(self):
        self.assertEqual({q.answers[0] for q in self.queries}, set(self.pillars))

    def test_the_upstream_files_are_found_in_their_site_layout_and_its_index_pages_are_not(self):
        files = corpus_files.pattern_files(self.CORPUS_DIR)
        self.assertEqual(len(files), 20)
        self.assertTrue(all(pattern.path.parent.name == pattern.pillar for pattern in files))
        self.assertNotIn("index", {pattern.id for pattern in files})


class QuerySetTest(JudgedSetChecks, unittest.TestCase):
    CORPUS_DIR, QUERIES, MIN_QUERIES = CORPUS, "queries.tsv", 160

    def test_word_share_is_per_batch_over_words_of_three_letters_or_more(self):
        near = judgements.Query(0, "tune", 1, "circuit breaker qqzzxx", {"circuit-breaker": 2})
        far = judgements.Query(0, "tune", 2, "qqzzxx xxzzqq ok", {"circuit-breaker": 2})
        shares = judgements.answer_word_share([near, far], CORPUS)
        self.assertAlmostEqual(shares[1], 2 / 3)
        self.assertEqual(shares[2], 0)

    def check_rejected(self, line, message):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "queries.tsv")
            path.write_text("split\tbatch\tquery\tjudgements\n" + line + "\n", encoding="utf-8")
            with self.assertRaisesRegex(judgements.QuerySetError, ":2: .*" + message):
                judgements.load_queries(path, self.pillars)

    def test_malformed_lines_are_rejected_with_their_line_number(self):
        self.check_rejected("tune\tprovider keeps timing out\tcircuit-breaker:2", "fields")
        self.check_rejected("train\t1\tprovider keeps timing out\tcircuit-breaker:2", "split")
        self.check_rejected("tune\t0\tprovider keeps timing out\tcircuit-breaker:2", "batch")
        self.check_rejected("tune\tnew\tprovider keeps timing out\tcircuit-breaker:2", "batch")
        self.check_rejected("tune\t1\ttoo short\tcircuit-breaker:2", "words")
        self.check_rejected("tune\t1\tprovider keeps timing out\tno-such-pattern:2", "not a pattern id")
        self.check_rejected("tune\t1\tprovider keeps timing out\tcircuit-breaker:3", "id:1 or id:2")
        self.check_rejected("tune\t1\tprovider keeps timing out\tcircuit-breaker:1", "grade-2")
        self.check_rejected("tune\t1\tprovider keeps timing out\tcircuit-breaker:2,circuit-breaker:1", "twice")

    def test_a_later_batch_moves_no_earlier_query_between_splits(self):
        first = [q for q in self.queries if q.batch == 1]
        later = [judgements.Query(0, "tune", 2, f"the provider keeps timing out, case {n}", {"circuit-breaker": 2})
                 for n in range(20)]
        alone = judgements.holdout_by_rule(first, self.pillars)
        together = judgements.holdout_by_rule(first + later, self.pillars)
        self.assertEqual(together & {q.text for q in first}, alone)
        self.assertEqual(len(together - alone), 6)  # 30% of the later batch's one group

if __name__ == "__main__":
    unittest.main()
