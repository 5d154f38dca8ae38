#!/usr/bin/env python3
"""Writes a synthetic pattern corpus of a given size that pattern-indexer --check --strict accepts.

The text is realistic because it is learnt from the bundled corpus: one word-bigram model per section kind
(so "When NOT to Use It" reads like one), block shapes (paragraphs, lists, code) copied from a real pattern's
section, code blocks reused verbatim, titles and tags drawn from the real ones. The same arguments always
write the same files (one seeded random.Random, files written in a fixed order).

    gen_corpus.py --source corpus --out /tmp/corpus-10k --sections 10000 [--seed 7]
"""

import argparse
import datetime
import pathlib
import random
import re
import shutil
import sys

SECTIONS = ["What It Is", "The Problem It Solves", "How It Works", "When to Use It", "When NOT to Use It",
            "Trade-offs", "Failure Modes", "Implementation Example", "Tool Landscape", "Related Patterns",
            "Further Reading"]
FAILURE_MODES = "Failure Modes"
FAILURE_MODE_FIELDS = ("Trigger", "Symptom", "Mitigation")
FAILURE_MODES_PER_PATTERN = 3  # the least --check --strict accepts
STATUSES = ["proposed", "emerging", "validated-in-production"]
EVIDENCE_NEEDED = {"proposed": 0, "emerging": 1, "validated-in-production": 2}
SENTENCE_END = re.compile(r"[.!?]$")
LIST_ITEM = re.compile(r"^(\s*)([-*]|\d+\.)\s+")
# Learnt text keeps no pattern ids as code (they would name patterns this corpus lacks), no double quotes (strung
# together they read as quoted search phrases) and no Failure Modes markup (entries are written whole).
ID_CODE_SPAN = re.compile(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`")
FAILURE_MODE_MARKUP = re.compile(r"^###\s+.*$|\*\*(?:Trigger|Symptom|Mitigation)\*\*:", re.MULTILINE)


class Bigrams:
    """Word-bigram model: successors keep their multiplicity, so a uniform choice is frequency-weighted."""

    def __init__(self):
        self.next = {}
        self.starts = []

    def learn(self, text):
        words = text.split()
        if not words:
            return
        self.starts.append(words[0])
        for current, following in zip(words, words[1:]):
            self.next.setdefault(current, []).append(following)
            if SENTENCE_END.search(current):
                self.starts.append(following)

    def words(self, rng, count):
        out = []
        word = rng.choice(self.starts)
        while len(out) < count:
            out.append(word)
            followers = self.next.get(word)
            word = rng.choice(followers) if followers else rng.choice(self.starts)
        if not SENTENCE_END.search(out[-1]):
            out[-1] = out[-1].rstrip(",;:") + "."
        return " ".join(out)


def front_matter_value(front, key):
    match = re.search(rf"^{key}:\s*(.+)$", front, re.MULTILINE)
    return match.group(1).strip() if match else ""


def blocks_of(section_body):
    """Splits a section body into ('code', text) and ('text', prefix, word count) blocks."""
    blocks, lines, in_code = [], [], False
    for line in section_body.split("\n"):
        if line.startswith("```"):
            lines.append(line)
            if in_code:
                blocks.append(("code", "\n".join(lines)))
                lines = []
            in_code = not in_code
            continue
        if in_code:
            lines.append(line)
        elif line.strip():
            item = LIST_ITEM.match(line)
            blocks.append(("text", item.group(0) if item else "", len(line.split())))
    return blocks


class Model:
    """Everything learnt from the source corpus."""

    def __init__(self, source):
        self.by_section = {heading: Bigrams() for heading in SECTIONS}
        self.descriptions = Bigrams()
        self.shapes = []  # per real pattern: {heading: blocks}
        self.title_words, self.tags = [], set()
        for path in sorted(source.glob("patterns/*/*.md")):
            text = path.read_text(encoding="utf-8")
            if not text.startswith("---\n") or "\npillar:" not in text:
                continue
            front, body = text[4:].split("\n---\n", 1)
            self.title_words += front_matter_value(front, "title").split()
            self.descriptions.learn(front_matter_value(front, "description"))
            self.tags.update(t.strip() for t in front_matter_value(front, "tags").strip("[]").split(",") if t.strip())
            shape = {}
            for chunk in ("\n" + body).split("\n## ")[1:]:
                heading, _, section_body = chunk.partition("\n")
                if heading.strip() not in self.by_section:
                    continue
                shape[heading.strip()] = blocks_of(section_body)
                prose = re.sub(r"```.*?```", " ", section_body, flags=re.DOTALL)
                prose = FAILURE_MODE_MARKUP.sub(" ", ID_CODE_SPAN.sub(r"\1", prose)).replace('"', "")
                self.by_section[heading.strip()].learn(" ".join(LIST_ITEM.sub("", line) for line in prose.split("\n")))
            if len(shape) == len(SECTIONS):
                self.shapes.append(shape)
        self.tags = sorted(self.tags)
        if not self.shapes:
            sys.exit(f"gen_corpus: no complete patterns under {source}/patterns")


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def pattern_file(model, rng, index, ids, titles, pillar):
    status = rng.choice(STATUSES)
    evidence = [f"  - title: {quoted(model.descriptions.words(rng, rng.randint(4, 9)))}\n"
                f"    url: https://example.com/evidence/{ids[index]}/{n}\n"
                for n in range(EVIDENCE_NEEDED[status] + rng.randint(0, 1))]
    related = rng.sample([i for i in ids if i != ids[index]], rng.randint(2, 5)) if len(ids) > 5 else []
    reviewed = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(700))
    out = ["---",
           f"title: {quoted(titles[index])}",
           f"description: {quoted(model.descriptions.words(rng, rng.randint(14, 32)))}",
           f"pillar: {pillar}",
           f"status: {status}",
           f"tags: [{', '.join(rng.sample(model.tags, rng.randint(3, 6)))}]",
           f"related: [{', '.join(related)}]"]
    out += ["evidence:\n" + "".join(evidence).rstrip("\n")] if evidence else []
    out += [f"last_reviewed: {reviewed.isoformat()}", "---", ""]
    shape = rng.choice(model.shapes)
    for heading in SECTIONS:
        out += [f"## {heading}", ""]
        if heading == FAILURE_MODES:
            out += failure_modes(model.by_section[heading], rng)
            continue
        previous_was_item = False
        for block in shape[heading]:
            if block[0] == "code":
                out += ["", block[1], ""]
                previous_was_item = False
                continue
            _, prefix, count = block
            if previous_was_item and not prefix:
                out.append("")
            out.append(prefix + model.by_section[heading].words(rng, max(3, count)))
            if not prefix:
                out.append("")
            previous_was_item = bool(prefix)
        out.append("")
    return "\n".join(out).replace("\n\n\n", "\n\n").rstrip("\n") + "\n"


def failure_modes(bigrams, rng):
    """Three entries in the shape --check --strict wants: a `### Name`, then Trigger, Symptom and Mitigation."""
    out = []
    for _ in range(FAILURE_MODES_PER_PATTERN):
        out += [f"### {bigrams.words(rng, rng.randint(2, 4)).rstrip('.').title()}", ""]
        out += [f"**{field}**: {bigrams.words(rng, rng.randint(10, 24))}" for field in FAILURE_MODE_FIELDS] + [""]
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=pathlib.Path, required=True, help="the bundled corpus to learn from")
    parser.add_argument("--out", type=pathlib.Path, required=True, help="directory to (re)create")
    parser.add_argument("--sections", type=int, required=True,
                        help=f"sections wanted ({len(SECTIONS)} per pattern, not counting failure-mode entries)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    model = Model(args.source)
    pillars = re.findall(r"^- id: (\S+)", (args.source / "pillars.yaml").read_text(encoding="utf-8"), re.MULTILINE)
    count = max(1, args.sections // len(SECTIONS))
    titles = [" ".join(rng.sample(model.title_words, rng.randint(2, 4))) for _ in range(count)]
    ids = [f"{slug(title)[:48].strip('-')}-{n:06d}" for n, title in enumerate(titles)]

    if args.out.exists():
        shutil.rmtree(args.out)
    for pillar in pillars:
        (args.out / "patterns" / pillar).mkdir(parents=True)
    for extra in ("pillars.yaml", "synonyms.yaml"):
        if (args.source / extra).exists():
            shutil.copy(args.source / extra, args.out / extra)
    total_bytes = 0
    for index in range(count):
        pillar = pillars[index % len(pillars)]
        text = pattern_file(model, rng, index, ids, titles, pillar)
        (args.out / "patterns" / pillar / f"{ids[index]}.md").write_text(text, encoding="utf-8")
        total_bytes += len(text.encode("utf-8"))
    print(f"wrote {count} patterns ({count * len(SECTIONS)} sections, {total_bytes} bytes) to {args.out}")


if __name__ == "__main__":
    main()
