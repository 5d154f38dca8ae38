#!/usr/bin/env python3
"""A second relevance check, self-supervised and six times the size of the judged set: each symptom a pattern
lists is hidden from a copy of the corpus and searched for, its own pattern being the one answer. The symptoms
are split into five folds by the SHA-256 of their text; each fold is hidden from its own copy, which the engine
indexes and the two FTS5 baselines read, exactly as evaluate.py runs them. A symptom that the rest of its
pattern's file still quotes (five words in a row) is left out: its answer would be given away.

Nothing is tuned on it. It checks the judged set from another side: queries in their sufferers' words, one answer
each, so Related Patterns links can only cost here (they lift a neighbour, which scores 0).

  symptom_check.py [--indexer BIN] [--search BIN] [--corpus DIR] [--markdown FILE]
"""
import argparse
import hashlib
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

import evaluate
import report
from judgements import word_runs
from metrics import NDCG_DEPTH, ndcg, paired_bootstrap_interval, summarize

FOLDS = 5
SPLIT = "hidden symptoms"
REGENERATE = "python3 tests/relevance/symptom_check.py --markdown docs/symptom-check.md"


@dataclass(frozen=True)
class HiddenSymptom:
    pattern_id: str
    text: str

    @property
    def grades(self):
        return {self.pattern_id: 2}


def fold_of(symptom):
    return int(hashlib.sha256(symptom.encode("utf-8")).hexdigest(), 16) % FOLDS


def hide_symptoms(text, fold):
    """The pattern file `text` without the symptoms of `fold`, and those symptoms. The symptoms must be a block
    list of one item per line, as the corpus writes them; anything else raises ValueError."""
    lines = text.split("\n")
    if lines[0] != "---" or "---" not in lines[1:]:
        raise ValueError("no front matter")
    end = lines.index("---", 1)
    listed = [str(item) for item in (yaml.safe_load("\n".join(lines[1:end])) or {}).get("symptoms") or []]
    kept, hidden, items, in_list = [], [], [], False
    for number, line in enumerate(lines):
        if number < end and line.startswith("symptoms:"):
            in_list = True
        elif in_list and line.startswith("  - "):
            symptom = str(yaml.safe_load(line[4:]))
            items.append(symptom)
            if fold_of(symptom) == fold:
                hidden.append(symptom)
                continue
        else:
            in_list = False
        kept.append(line)
    if items != listed:
        raise ValueError("symptoms are not a block list of one item per line")
    out = "\n".join(kept)
    if len(hidden) == len(listed) and hidden:
        out = out.replace("\nsymptoms:\n", "\nsymptoms: []\n", 1)
    return out, hidden


def hidden_corpus(corpus, fold, into):
    """Copies `corpus` to `into` without the symptoms of `fold`; returns the ones to search for and how many
    were left out as quoted."""
    shutil.copytree(corpus, into)
    hidden, quoted_count = [], 0
    for path in sorted(Path(into, "patterns").glob("*/*.md")):
        try:
            text, symptoms = hide_symptoms(path.read_text(encoding="utf-8"), fold)
        except ValueError as error:
            raise evaluate.EngineError(f"{path}: {error}") from error
        path.write_text(text, encoding="utf-8")
        quoted = word_runs(text)
        searched = [HiddenSymptom(path.stem, symptom) for symptom in symptoms if not word_runs(symptom) & quoted]
        hidden += searched
        quoted_count += len(symptoms) - len(searched)
    return hidden, quoted_count


def run_folds(args):
    """Every searched symptom, each system's ranked ids for it, fold after fold, and how many were left out."""
    symptoms, left_out, ranked = [], 0, {system: [] for system in evaluate.SYSTEMS}
    for fold in range(FOLDS):
        with tempfile.TemporaryDirectory(prefix="pai-symptoms-") as work:
            fold_args = argparse.Namespace(indexer=args.indexer, search=args.search, corpus=Path(work, "corpus"))
            hidden, quoted = hidden_corpus(args.corpus, fold, fold_args.corpus)
            results, _, _ = evaluate.run_systems(fold_args, hidden)
        symptoms += hidden
        left_out += quoted
        for system in evaluate.SYSTEMS:
            ranked[system] += results[system]
    return symptoms, ranked, left_out


def markdown(scores, count, left_out, interval):
    low, high = interval
    lead = scores[("engine", SPLIT)]["ndcg"] - scores[("baseline", SPLIT)]["ndcg"]
    return f"""# Relevance on hidden symptoms

A second check beside the judged queries of [relevance.md](relevance.md): {count} of the {count + left_out}
symptoms that patterns list are each hidden from a copy of the corpus and searched for, their own pattern
being the one answer ({left_out} left out: the rest of their pattern's file quotes them).

{report.markdown_table(scores)}

The engine leads the FTS5 baseline by {lead:+.3f} nDCG@{NDCG_DEPTH} here (95% paired bootstrap interval
{low:+.3f} to {high:+.3f}). These queries differ from the judged ones: symptoms are short and often carry words
only their pattern uses (a product, an error code), which a plain keyword match finds; each has one answer, so
the Related Patterns links, which lift the answer's neighbours, can only cost here; and nothing was tuned on them.

## Method

- The symptoms are split into {FOLDS} folds by the SHA-256 of their text. For each fold, a copy of the corpus
  without that fold's symptoms is indexed by `pattern-indexer` and read by the two baselines of
  [relevance.md](relevance.md), and each hidden symptom is searched for as typed.
- A hidden symptom that the rest of its pattern's file still quotes (five consecutive words) is not searched for.
- The metrics are those of relevance.md with one grade-2 answer per query: Recall@5 is whether the answer is in
  the top 5.

## Regenerate

```sh
{REGENERATE}
```
"""


def main(argv):
    parser = argparse.ArgumentParser(description="Engine and FTS5 baselines on hidden symptoms")
    evaluate.add_system_arguments(parser)
    parser.add_argument("--markdown", type=Path, help="write the report (docs/symptom-check.md) here")
    args = evaluate.parse_system_arguments(parser, argv)
    try:
        symptoms, ranked, left_out = run_folds(args)
    except evaluate.EngineError as error:
        print(f"symptom_check.py: {error}", file=sys.stderr)
        return 2
    scores = {(system, SPLIT): summarize([(ranked[system][i], s.grades) for i, s in enumerate(symptoms)])
              for system in evaluate.SYSTEMS}
    interval = paired_bootstrap_interval([ndcg(r, s.grades) for r, s in zip(ranked["engine"], symptoms)],
                                         [ndcg(r, s.grades) for r, s in zip(ranked["baseline"], symptoms)])
    print(report.text_table(scores))
    if args.markdown:
        args.markdown.write_text(markdown(scores, len(symptoms), left_out, interval), encoding="utf-8")
        print(f"wrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
