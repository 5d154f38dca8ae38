"""The engine under evaluation, driven only through its public binaries: pattern-indexer builds an index of the
corpus and pattern-search answers each query with `--index DIR --json --limit N`, as a user would run it.
"""
import json
import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

INDEXED = re.compile(r"indexed (\d+) patterns, (\d+) sections")
EXIT_NO_RESULTS = 1  # pattern-search: 0 with results, 1 with none, 2 on errors


class EngineError(RuntimeError):
    """A binary failed; the message carries its output."""


def build_index(indexer, corpus_dir, index_dir):
    """Runs pattern-indexer; returns (patterns, sections) as it reports them."""
    done = subprocess.run([str(indexer), "--corpus", str(corpus_dir), "--index", str(index_dir)],
                          capture_output=True, text=True, check=False)
    match = INDEXED.search(done.stdout)
    if done.returncode != 0 or not match:
        raise EngineError(f"pattern-indexer exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return int(match.group(1)), int(match.group(2))


class EngineSearch:
    """Ranks pattern ids for a query with pattern-search over one index."""

    def __init__(self, search_binary, index_dir):
        self._command = [str(search_binary), "--index", str(index_dir), "--json"]

    def search(self, text, limit):
        # "--" ends the options, so a query is never taken for one.
        done = subprocess.run(self._command + ["--limit", str(limit), "--", text],
                              capture_output=True, text=True, check=False)
        if done.returncode not in (0, EXIT_NO_RESULTS):
            raise EngineError(f"pattern-search exited {done.returncode} for {text!r}:\n{done.stderr}")
        return [hit["id"] for hit in json.loads(done.stdout)["hits"]]

    def search_all(self, texts, limit):
        """Ranked ids for each text, in order; the processes run in parallel, one per core."""
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            return list(pool.map(lambda text: self.search(text, limit), texts))


def rank_corpus(indexer, search_binary, corpus_dir, texts, limit):
    """Indexes @p corpus_dir into a temporary index and ranks every text there:
    (patterns, sections, [ranked ids per text])."""
    with tempfile.TemporaryDirectory(prefix="pai-relevance-") as index_dir:
        patterns, sections = build_index(indexer, corpus_dir, index_dir)
        return patterns, sections, EngineSearch(search_binary, index_dir).search_all(texts, limit)
