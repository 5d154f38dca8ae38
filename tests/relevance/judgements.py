"""The judged query set: reading and checking tests/relevance/queries.tsv, and the rule that fixed its holdout.

queries.tsv has the header `split<TAB>batch<TAB>query<TAB>judgements`; split is `tune` or `holdout`, batch is the
number of the batch the query was written in (1, 2, ...), judgements is `id:2,id:1,...` with 2 = the answer and
1 = also useful. Ids are pattern ids (file stems under corpus/patterns).
"""
import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from corpus_files import pattern_files

HEADER = ["split", "batch", "query", "judgements"]
SPLITS = ("tune", "holdout")
HOLDOUT_SHARE = 0.3
MIN_WORDS, MAX_WORDS = 3, 20
JUDGEMENT = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*):([12])$")
COPIED_WORDS = 5  # this many consecutive words shared with a pattern file is a copied phrase
WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class Query:
    line: int
    split: str
    batch: int
    text: str
    grades: dict  # pattern id -> 1 or 2

    @property
    def answers(self):
        """The grade-2 ids, in the order they were written; the first one decides the query's pillar."""
        return [pattern_id for pattern_id, grade in self.grades.items() if grade == 2]


class QuerySetError(ValueError):
    """queries.tsv is malformed; the message names the file and line."""


def word_runs(text):
    """Every run of COPIED_WORDS consecutive words of text, lowercased: two texts sharing one share a phrase."""
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + COPIED_WORDS]) for i in range(len(words) - COPIED_WORDS + 1)}


def answer_word_share(queries, corpus_dir):
    """{batch: the mean share of a query's words of three letters or more found anywhere in its first answer's
    file}: how near to the corpus's own wording each batch was written."""
    words = lambda text: {word for word in WORD.findall(text.lower()) if len(word) >= 3}
    files = {pattern.id: words(pattern.path.read_text(encoding="utf-8")) for pattern in pattern_files(corpus_dir)}
    shares = defaultdict(list)
    for query in queries:
        typed = words(query.text)
        if typed:
            shares[query.batch].append(len(typed & files[query.answers[0]]) / len(typed))
    return {batch: sum(values) / len(values) for batch, values in sorted(shares.items())}


def pattern_pillars(corpus_dir):
    """Maps every pattern id in the corpus to the pillar its front matter names."""
    return {pattern.id: pattern.pillar for pattern in pattern_files(corpus_dir)}


def _parse_line(path, number, line, known_ids):
    fields = line.split("\t")
    if len(fields) != len(HEADER):
        raise QuerySetError(f"{path}:{number}: expected {len(HEADER)} tab-separated fields, found {len(fields)}")
    split, batch, text, judgements = fields
    if split not in SPLITS:
        raise QuerySetError(f"{path}:{number}: split must be one of {', '.join(SPLITS)}, not {split!r}")
    if not batch.isdigit() or int(batch) < 1:
        raise QuerySetError(f"{path}:{number}: batch must be a number from 1 up, not {batch!r}")
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        raise QuerySetError(f"{path}:{number}: a query has {MIN_WORDS} to {MAX_WORDS} words, this one {words}")
    grades = {}
    for item in judgements.split(","):
        match = JUDGEMENT.match(item.strip())
        if not match:
            raise QuerySetError(f"{path}:{number}: judgement {item!r} is not id:1 or id:2")
        pattern_id, grade = match.group(1), int(match.group(2))
        if pattern_id not in known_ids:
            raise QuerySetError(f"{path}:{number}: {pattern_id!r} is not a pattern id of the corpus")
        if pattern_id in grades:
            raise QuerySetError(f"{path}:{number}: {pattern_id!r} is judged twice")
        grades[pattern_id] = grade
    answers = sum(1 for grade in grades.values() if grade == 2)
    if not 1 <= answers <= 2 or len(grades) - answers > 4:
        raise QuerySetError(f"{path}:{number}: a query has 1-2 grade-2 answers and 0-4 grade-1 ids")
    return Query(number, split, int(batch), text, grades)


def load_queries(path, known_ids):
    """Reads and checks queries.tsv; raises QuerySetError naming the first bad line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != HEADER:
        raise QuerySetError(f"{path}:1: the header must be {' / '.join(HEADER)} separated by tabs")
    queries, seen = [], set()
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        query = _parse_line(path, number, line, known_ids)
        if query.text.lower() in seen:
            raise QuerySetError(f"{path}:{number}: duplicate query {query.text!r}")
        seen.add(query.text.lower())
        queries.append(query)
    return queries


def holdout_by_rule(queries, pillars):
    """The documented rule that drew the holdout: group queries by their batch and the pillar of their first grade-2
    answer, order each group by the SHA-256 of the query text, and hold out the first 30% (rounded) of each group.
    Each batch is drawn on its own, so adding a batch never moves an earlier query from one split to the other."""
    groups = defaultdict(list)
    for query in queries:
        groups[query.batch, pillars[query.answers[0]]].append(query.text)
    held = set()
    for texts in groups.values():
        texts.sort(key=lambda text: hashlib.sha256(text.encode("utf-8")).hexdigest())
        held.update(texts[: math.floor(HOLDOUT_SHARE * len(texts) + 0.5)])
    return held
