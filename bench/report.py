#!/usr/bin/env python3
"""Turns the raw figures of run_bench.py into bench/RESULTS.md: machine, the targets with a verdict each,
then every figure as min / median / max of the repeated runs, and the profiles that explain any miss.

    report.py RESULTS_JSON OUT_MD
"""

import json
import pathlib
import statistics
import sys

MIX = "mix"  # the judged queries of tests/relevance/queries.tsv, each call the next of them
QUERIES = [MIX, "keyword", "broad_pair", "problem_description", "pillar_filter", "status_section_filter", "phrase",
           "required_excluded", "wildcard", "misspelled", "browse"]
CORPORA = ["bundled", "10k", "100k"]
VARIANTS = ["xapian_top10", "search", "search_json", "fts5_top10", "fts5_full"]


def spread(values, fmt="{:.0f}"):
    """min / median / max, or the single value."""
    values = sorted(values)
    if len(values) == 1:
        return fmt.format(values[0])
    return " / ".join(fmt.format(v) for v in (values[0], statistics.median(values), values[-1]))


def benchmark_runs(raw):
    """(variant, corpus, query) -> {'real': [µs...], 'cpu': [µs...], 'counters': {...}} per repetition."""
    scale = {"ns": 1e-3, "us": 1, "ms": 1e3, "s": 1e6}
    runs = {}
    for entry in raw["google_benchmark"]["benchmarks"]:
        if entry.get("run_type") != "iteration":
            continue
        variant, corpus, query = entry["run_name"].split("/")[:3]
        factor = scale[entry["time_unit"]]
        slot = runs.setdefault((variant, corpus, query), {"real": [], "cpu": [], "counters": {}})
        slot["real"].append(entry["real_time"] * factor)
        slot["cpu"].append(entry["cpu_time"] * factor)
        for key in ("patterns", "hits", "json_bytes"):
            if key in entry:
                slot["counters"][key] = entry[key]
        for key in ("p50_us", "p99_us"):  # of single calls, per repetition
            slot.setdefault(key, []).append(entry.get(key, 0))
    return runs


def median(values):
    return statistics.median(values)


def verdict(ok):
    return "**met**" if ok else "**not met**"


# Why a target is missed, printed only for the targets this run missed; the profiles below are the evidence.
WHY = {
    "in_process": "Ranking and exact facets take one weighted pass over every match that reads no document "
                  "(query/facet_spy.cc), and what a worker reads again (the rerank's posting lists, each hit's "
                  "data, each pattern's latent vector) now comes from its read cache (query/read_cache.h). What "
                  "is left over the judged mix (profile `search_bundled_mix` below): Xapian's `MSet::snippet` "
                  "over a quarter (it tokenises every hit's text and stems each word; our cached stemmer is a third "
                  "of that), the match itself (`get_mset`) about a quarter, parsing the query about 7% (a long "
                  "problem description is parsed, then each of its words again for the rerank) and block reads "
                  "(`pread`, Xapian 1.4 keeps no block cache of its own) about 8%. The floor is the `Xapian "
                  "top-10` column, already above 300 µs on this mix. Next: snippets from a token stream stored "
                  "per section at index time instead of re-tokenising text, which changes snippet bytes and so "
                  "needs its own commit and check; one parse per query reused for the rerank's words.",
    "daemon": "The daemon is CPU-bound at the in-process cost: its worker threads (one per core, 2 here, sharing "
              "them with wrk) each spend the full-search time per request (HTTP, routing and JSON are under a "
              "tenth of a request in the daemon's profile), so throughput is about 2 ÷ that time and p99 at 32 "
              "connections is the queue of 16 requests per worker. 5,000 req/s on 2 cores shared with wrk needs "
              "≤ ~300 µs of CPU per request; repeated requests get there through the result cache (the warm "
              "figures), new ones only as the in-process cost falls.",
    "100k": "At 100k sections the broad pair matches most sections, and a pattern's score sums the BM25 "
            "weights of all its matching sections, so every match must be weighted: the single pass "
            "(`get_mset` with check_at_least = the document count, the facet spy adding each weight to its "
            "pattern) cannot prune the way Xapian's top-10 does. Its samples are Xapian's matcher (posting-list "
            "decoding and BM25 per match), not the facet count. Meeting 5 ms needs a pruned ranking (for "
            "example the best-section score alone past a size bound), which is a ranking change; a repeated "
            "query is answered by the result cache.",
    "indexing": "Peak memory is under the bound since the latent fit counts stems by rank instead of a map of "
                "strings per pattern and a section's HTML is kept once. The rate: two writers in parallel (one "
                "per core), merged by the final compaction, keep both cores busy, but each section costs about "
                "0.7 ms of CPU inside Xapian's glass writer (`add_document` into the in-memory inverter with its "
                "per-term map updates and `memcmp`, `TermGenerator::index_text`, and `commit` with zlib "
                "`deflate`; profile below), and about 12 s of a 100k build run before the writers start (reading "
                "and checking the corpus, now on every core, then the latent fit on one). Next: fit the latent "
                "space while the writers run, storing pattern vectors per pattern instead of in each section's "
                "value slot; larger commit batches measured slower and heavier.",
}


def targets(raw, runs):
    """Issue 24's targets, the judged mix first; all are cold-cache figures (the daemon caches no results), the
    warm-cache ones beside them."""
    rows = []
    mix_wrk = raw["wrk"]["bundled"][MIX]
    warm_wrk = raw["wrk"]["bundled"].get(MIX + "_warm")
    wrk_median = lambda level, key, source=mix_wrk: median([r[key] for r in source[level]])
    warm = lambda text: f"; warm cache: {text}"
    p50_one, p99_32, rps_32 = wrk_median("1", "p50_us"), wrk_median("32", "p99_us"), wrk_median("32", "rps")
    rows.append(("Judged mix through pattern-searchd, 1 connection: p50 ≤ 0.5 ms",
                 f"{p50_one / 1000:.2f} ms (p99 {wrk_median('1', 'p99_us') / 1000:.2f} ms, "
                 f"{wrk_median('1', 'rps'):,.0f} req/s"
                 + (warm(f"p50 {wrk_median('1', 'p50_us', warm_wrk) / 1000:.2f} ms") if warm_wrk else "") + ")",
                 verdict(p50_one <= 500)))
    rows.append(("… 32 connections: ≥ 5,000 req/s", f"{rps_32:,.0f} req/s"
                 + (f" (warm cache: {wrk_median('32', 'rps', warm_wrk):,.0f} req/s)" if warm_wrk else ""),
                 verdict(rps_32 >= 5000)))
    rows.append(("… 32 connections: p99 ≤ 10 ms", f"{p99_32 / 1000:.2f} ms"
                 + (f" (warm cache: {wrk_median('32', 'p99_us', warm_wrk) / 1000:.2f} ms)" if warm_wrk else ""),
                 verdict(p99_32 <= 10000)))
    mix = runs[("search_json", "bundled", MIX)]
    p50_mix = median(mix["p50_us"])
    rows.append(("In-process full search (facets, snippets, JSON), p50 over the judged mix ≤ 300 µs",
                 f"{p50_mix:.0f} µs (p99 {median(mix['p99_us']):.0f} µs, mean {median(mix['real']):.0f} µs)",
                 verdict(p50_mix <= 300)))
    ratio = {q: median(runs[("search_json", "bundled", q)]["real"]) / median(runs[("xapian_top10", "bundled", q)]["real"])
             for q in QUERIES}
    worst_ratio = max(ratio, key=ratio.get)
    rows.append(("… and ≤ 3× Xapian's own top-10 on every bench query (the mix included)",
                 f"worst `{worst_ratio}` {ratio[worst_ratio]:.1f}×", verdict(ratio[worst_ratio] <= 3)))
    broad = runs[("search_json", "100k", "broad_pair")]
    rows.append(("100k sections, \"timeout retry\" with exact per-pattern facets and snippets, p50 ≤ 5 ms",
                 f"{median(broad['real']) / 1000:.2f} ms wall ({median(broad['cpu']) / 1000:.2f} ms CPU)",
                 verdict(median(broad["real"]) <= 5000)))
    indexing = raw["indexing"]["100k"]["runs"]
    rate = median([r["sections"] / r["wall_seconds"] for r in indexing])
    peak = max(r["peak_rss_mib"] for r in indexing)
    rows.append(("Indexing at 100k sections ≥ 3,000 sections/s", f"{rate:,.0f} sections/s", verdict(rate >= 3000)))
    rows.append(("… with peak memory under 1 GiB", f"{peak:,.0f} MiB", verdict(peak < 1024)))
    xapian_bytes = median([r["bytes"] for r in indexing])
    fts5_bytes = median([r["bytes"] for r in raw["fts5_build"]["100k"]])
    rows.append(("Compacted index ≤ 3× FTS5's size (100k)", f"{xapian_bytes / fts5_bytes:.2f}×",
                 verdict(xapian_bytes <= 3 * fts5_bytes)))
    first = median([r["first_answer_ms"] for r in raw["startup"]["bundled"]])
    rows.append(("Start to first answer ≤ 100 ms (bundled corpus)", f"{first:.0f} ms", verdict(first <= 100)))
    lines = ["| target | measured (median of runs) | verdict |", "| --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    missed = {"in_process": p50_mix > 300 or ratio[worst_ratio] > 3,
              "daemon": p50_one > 500 or rps_32 < 5000 or p99_32 > 10000,
              "100k": median(broad["real"]) > 5000, "indexing": rate < 3000 or peak >= 1024}
    explained = [f"- **{key}**: {WHY[key]}" for key, miss in missed.items() if miss]
    if explained:
        lines += ["", "Why the missed targets are missed (from the profiles below and those taken while tuning):",
                  ""] + explained
    return "\n".join(lines)


def mix_table(runs):
    """Per call over the judged mix: mean, p50 and p99 for every variant and corpus."""
    out = ["µs per call over the judged mix (each call the next query, every query once per repetition): "
           "mean, p50 and p99, medians of 5 repetitions (at 100k sections one repetition: 296 timed calls).", "",
           "| corpus | Xapian top-10 | full search | + JSON | FTS5 top-10 | FTS5 full |", "| --- |" + " --- |" * 5]
    for corpus in CORPORA:
        cells = []
        for variant in VARIANTS:
            r = runs.get((variant, corpus, MIX))
            cells.append(f"{median(r['real']):.0f} · {median(r['p50_us']):.0f} · {median(r['p99_us']):.0f}" if r else "–")
        out.append(f"| {corpus} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def latency_tables(runs):
    out = []
    for corpus in CORPORA:
        out += [f"### {corpus}", "",
                "µs per call, wall time, min / median / max of 5 repetitions (each the mean of ≥ 0.1 s of calls). "
                "`patterns` is the total the full search reports (FTS5's in brackets).", "",
                "| query | patterns | Xapian top-10 | full search | + JSON | JSON ÷ top-10 | FTS5 top-10 | FTS5 full |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for query in QUERIES:
            cell = {v: runs.get((v, corpus, query)) for v in VARIANTS}
            if not cell["search"]:
                continue
            ratio = median(cell["search_json"]["real"]) / median(cell["xapian_top10"]["real"])
            patterns = f"{cell['search']['counters'].get('patterns', 0):.0f}"
            if cell["fts5_full"]:
                patterns += f" ({cell['fts5_full']['counters'].get('patterns', 0):.0f})"
            fts5 = [spread(cell[v]["real"]) if cell[v] else "–" for v in ("fts5_top10", "fts5_full")]
            out.append(f"| {query} | {patterns} | {spread(cell['xapian_top10']['real'])} | "
                       f"{spread(cell['search']['real'])} | {spread(cell['search_json']['real'])} | {ratio:.1f}× | "
                       f"{fts5[0]} | {fts5[1]} |")
        out.append("")
    return "\n".join(out)


def wrk_tables(raw, runs):
    out = []
    for corpus, per_query in raw["wrk"].items():
        levels = sorted({level for by_level in per_query.values() for level in by_level}, key=int)
        out += [f"### {corpus}", "",
                "Per cell: requests/s, p50, p99 (medians of 3 one-second wrk runs, one wrk thread); with one "
                "connection, also its p50 ÷ the in-process full search with JSON: the cost of HTTP. Every row runs "
                "with the result cache off but `mix_warm`: the judged mix again, through a daemon whose cache "
                "already holds every answer.", "",
                "| query | " + " | ".join(f"{c} conn: req/s · p50 · p99" for c in levels) + " | HTTP ÷ in-process |",
                "| --- |" + " --- |" * (len(levels) + 1)]
        for query, by_level in per_query.items():
            cells = []
            for level in levels:
                r = by_level.get(level)
                if r is None:
                    cells.append("–")
                    continue
                if median([x["rps"] for x in r]) == 0:
                    cells.append("no answer within the 1 s run")
                    continue
                cells.append(f"{median([x['rps'] for x in r]):,.0f} · {median([x['p50_us'] for x in r]) / 1000:.2f} ms"
                             f" · {median([x['p99_us'] for x in r]) / 1000:.2f} ms")
            ratio = "–"
            if "1" in by_level:
                in_process = median(runs[("search_json", corpus, query.removesuffix("_warm"))]["real"])
                ratio = f"{median([x['p50_us'] for x in by_level['1']]) / in_process:.1f}×"
            out.append(f"| {query} | " + " | ".join(cells) + f" | {ratio} |")
        errors = [x for q in per_query.values() for r in q.values() for x in r if x["non_2xx"] or x["socket_errors"]]
        out += ["", f"Runs with errors: {len(errors)}.", ""]
    return "\n".join(out)


def indexing_table(raw):
    out = ["| corpus | sections | corpus MB | wall s | sections/s | MB/s | peak RSS MiB | index MB before compaction "
           "| index MB compacted | FTS5 build s | FTS5 MB | Xapian ÷ FTS5 size |",
           "| --- |" + " --- |" * 11]
    for corpus in CORPORA:
        item = raw["indexing"][corpus]
        runs, fts5 = item["runs"], raw["fts5_build"][corpus]
        mb = item["corpus_bytes"] / 1e6
        out.append(f"| {corpus} | {runs[0]['sections']} | {mb:.1f} | {spread([r['wall_seconds'] for r in runs], '{:.2f}')} | "
                   f"{spread([r['sections'] / r['wall_seconds'] for r in runs])} | "
                   f"{spread([mb / r['wall_seconds'] for r in runs], '{:.1f}')} | "
                   f"{spread([r['peak_rss_mib'] for r in runs])} | "
                   f"{spread([r['uncompacted_bytes'] / 1e6 for r in runs], '{:.1f}')} | "
                   f"{spread([r['bytes'] / 1e6 for r in runs], '{:.1f}')} | "
                   f"{spread([f['load_seconds'] + f['build_seconds'] for f in fts5], '{:.2f}')} | "
                   f"{spread([f['bytes'] / 1e6 for f in fts5], '{:.1f}')} | "
                   f"{median([r['bytes'] for r in runs]) / median([f['bytes'] for f in fts5]):.2f}× |")
    return "\n".join(out)


def startup_table(raw):
    out = ["| corpus | start to first answer, ms | idle RSS, MiB |", "| --- | --- | --- |"]
    for corpus, runs in raw["startup"].items():
        out.append(f"| {corpus} | {spread([r['first_answer_ms'] for r in runs])} | "
                   f"{spread([r['idle_rss_mib'] for r in runs])} |")
    return "\n".join(out)


def main():
    raw = json.loads(pathlib.Path(sys.argv[1]).read_text())
    runs = benchmark_runs(raw)
    m = raw["machine"]
    mix_size = raw.get("mix_size", "judged")
    header = f"""# Benchmark results

Written by `bench/run` from one real run ({raw['total_seconds'] / 60:.1f} minutes); do not edit by hand. How each
figure is measured, and how to read it, is in [README.md](README.md).

## Machine

{m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Linux {m['kernel']}; {m['compiler']};
Xapian {m['xapian']}, SQLite {m['sqlite']}, Google Benchmark {m['google_benchmark']}, wrk {m['wrk']}.
Commit {m['commit']}{' with local changes' if m['dirty'] else ''}. Load average before the run
{', '.join(f'{x:.1f}' for x in m['load_before'])}, after {', '.join(f'{x:.1f}' for x in m['load_after'])}: wall times are
only as steady as the machine was; CPU times are given where they matter.

## Targets

The workload is first the judged mix: the {mix_size} problem descriptions of `tests/relevance/queries.tsv`,
replayed in file order in-process and through the daemon (`bench/mix.lua`), beside SQLite FTS5 on the same mix;
then the ten hand-picked queries below. The daemon runs with its result cache off (`--cache-mib 0`), so every
figure is a cold-cache one; the warm-cache figures beside them come from a daemon whose cache holds the whole mix.

{targets(raw, runs)}

## The judged mix

{mix_table(runs)}

## 1. In-process latency

{latency_tables(runs)}
## 2. Through pattern-searchd under wrk

{wrk_tables(raw, runs)}
## 3 and 4. Indexing, beside SQLite FTS5

Xapian: one `pattern-indexer` run into a new directory (loading, checking, indexing, compaction), wall time and
peak RSS from GNU time. FTS5: the same sections loaded by the same code into one FTS5 table holding the same
stored fields, then `optimize` and `VACUUM`. Three runs each (two at 100k, whose middle figure is then their
mean); sizes are of the finished files.

{indexing_table(raw)}

Synthetic corpora were generated in {', '.join(f"{k}: {v:.1f} s" for k, v in raw['generation_seconds'].items())}.

## 5. Start-up

From spawning `pattern-searchd` to the complete answer of its first `/v1/search?q=timeout+retry`; RSS one second
later. Three runs each.

{startup_table(raw)}

## Profiles

Inclusive share of samples per function (`perf record --call-graph dwarf`, `perf report --children`), for the
paths behind the 100k search and indexing targets. The search profile includes the benchmark's set-up (opening
the index: `Searcher::Searcher`, `load_patterns`); Debian's libxapian is stripped, so its internals show as
addresses under the public entry points.
"""
    for name, text in raw["profiles"].items():
        header += f"\n### {name}\n\n```\n{text}\n```\n"
    pathlib.Path(sys.argv[2]).write_text(header)


if __name__ == "__main__":
    main()
