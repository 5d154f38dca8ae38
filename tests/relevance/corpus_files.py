"""The pattern files of a corpus as the indexer finds them: every `.md` file under the corpus folder, at any
depth, whose front matter names a pillar. That reads our corpus (corpus/patterns/<pillar>/<id>.md) and the
upstream library's site layout (site/src/content/docs/patterns/<pillar>/<id>.md, beside index pages that name
no pillar) alike. A pattern's id is its file stem.
"""
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class PatternFile:
    id: str
    pillar: str
    path: Path
    front: dict   # the parsed front matter
    body: str     # the Markdown after it


def split_front_matter(text):
    """(front matter, body) of a pattern file; the front matter is the block between the first two `---`."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 3)
    return (text[4:end], text[end + 5 :]) if end >= 0 else ("", text)


def pattern_files(corpus_dir):
    """Every pattern file under corpus_dir, sorted by path."""
    patterns = []
    for path in sorted(Path(corpus_dir).rglob("*.md")):
        front, body = split_front_matter(path.read_text(encoding="utf-8"))
        try:
            fields = yaml.safe_load(front) if front else None
        except yaml.YAMLError:
            continue  # the indexer reports it when it looks like a pattern; it is no search target either way
        if isinstance(fields, dict) and fields.get("pillar"):
            patterns.append(PatternFile(path.stem, str(fields["pillar"]), path, fields, body))
    return patterns
