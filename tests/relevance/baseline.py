"""The baseline a user could set up in an afternoon: SQLite FTS5 with bm25 over the same sections the engine
indexes (each pattern split at its H2 headings outside code fences, one row per section, and its Failure
Modes section at its H3 headings, one row per failure mode, as the engine indexes them), the Porter
tokenizer, the title column weighted, and each query's words OR'ed. A pattern ranks by its best section.
"""
import re
import sqlite3
from dataclasses import dataclass

from corpus_files import pattern_files

TITLE_WEIGHT = 5.0  # bm25() column weight of the pattern title; section text counts 1
BODY_WEIGHT = 1.0
H2 = re.compile(r"^ {0,3}##(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
H3 = re.compile(r"^ {0,3}###(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
FAILURE_MODES = "failure modes"
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Section:
    pattern_id: str
    title: str
    heading: str  # empty for text before the first H2
    text: str     # the section's Markdown, heading included


def split_sections(body, heading_pattern=H2):
    """(heading, Markdown) per H2 section of @p body (or per heading that @p heading_pattern matches); a
    heading line inside a fenced code block is not one. Text before the first heading is a section with an
    empty heading when it holds anything."""
    sections, heading, lines, fence = [], "", [], None
    for line in body.split("\n"):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None and line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
            fence = None
        elif fence is None and heading_pattern.match(line):
            if heading or "".join(lines).strip():
                sections.append((heading, "\n".join(lines)))
            heading, lines = (heading_pattern.match(line).group(1) or "").strip(), []
        lines.append(line)
    if heading or "".join(lines).strip():
        sections.append((heading, "\n".join(lines)))
    return sections


def load_sections(corpus_dir):
    """Every section of every pattern under corpus_dir."""
    sections = []
    for pattern in pattern_files(corpus_dir):
        title = str(pattern.front.get("title", pattern.id))
        for heading, text in split_sections(pattern.body):
            entries = split_sections(text, H3)[1:] if heading.lower() == FAILURE_MODES else []
            if entries:
                sections += [Section(pattern.id, title, f"{heading}: {name}", entry) for name, entry in entries]
            else:
                sections.append(Section(pattern.id, title, heading, text))
    return sections


def load_front_matter_rows(corpus_dir):
    """One more row per pattern with the words of its front matter that the engine searches besides the
    sections (description, tags, symptoms): the baseline given the same text as the engine, which shows what
    the engine's ranking adds beyond reading more of each file."""
    rows = []
    for pattern in pattern_files(corpus_dir):
        fields = pattern.front
        words = [str(fields.get("description", ""))]
        words += [str(tag).replace("-", " ") for tag in fields.get("tags") or []]
        words += [str(symptom) for symptom in fields.get("symptoms") or []]
        rows.append(Section(pattern.id, str(fields.get("title", pattern.id)), "front matter", "\n".join(words)))
    return rows


def fts5_query(text):
    """The query's words, each quoted (so FTS5 syntax in user text is literal), OR'ed together."""
    words = list(dict.fromkeys(WORD.findall(text.lower())))
    return " OR ".join(f'"{word}"' for word in words)


class Fts5Baseline:
    """An in-memory FTS5 index of the sections; search() ranks patterns by their best section's bm25."""

    def __init__(self, sections):
        self.section_count = len(sections)
        self._db = sqlite3.connect(":memory:")
        self._db.execute(
            "CREATE VIRTUAL TABLE sections USING fts5(pattern UNINDEXED, title, body, tokenize='porter unicode61')"
        )
        self._db.executemany(
            "INSERT INTO sections (pattern, title, body) VALUES (?, ?, ?)",
            [(section.pattern_id, section.title, section.text) for section in sections],
        )

    def search(self, text, limit):
        match = fts5_query(text)
        if not match:
            return []
        # bm25() is lower for better matches; it cannot be used inside an aggregate, so the best section per
        # pattern is picked here: rows come best first, and a pattern's first row is its best.
        rows = self._db.execute(
            "SELECT pattern, bm25(sections, 0, ?, ?) AS score FROM sections WHERE sections MATCH ? "
            "ORDER BY score, pattern",
            (TITLE_WEIGHT, BODY_WEIGHT, match),
        )
        ranked = []
        for pattern_id, _ in rows:
            if pattern_id not in ranked:
                ranked.append(pattern_id)
                if len(ranked) == limit:
                    break
        return ranked
