#!/usr/bin/env python3
"""Runs every benchmark once, end to end, and writes the raw figures to one JSON file (report.py turns it
into RESULTS.md). Called by bench/run after the Release build; see bench/README.md for what is measured.

    run_bench.py --build build-bench --data build-bench/bench-data --out build-bench/bench-data/results.json
"""

import argparse
import http.client
import json
import os
import pathlib
import platform
import re
import shutil
import subprocess
import sys
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
SYNTHETIC = {"10k": 10_000, "100k": 100_000}
CONNECTIONS = [1, 8, 32, 128]
REPEATS = 3          # every figure is min / median / max of this many runs...
BUILD_REPEATS = {"bundled": 3, "10k": 3, "100k": 2}  # ...except the 100k builds, to stay within 15 minutes
WRK_SECONDS = 1      # per wrk run
MIX = ROOT / "tests" / "relevance" / "queries.tsv"  # the judged queries, replayed in file order
MIX_SCRIPT = ROOT / "bench" / "mix.lua"
MIX_CONNECTIONS = {"bundled": [1, 32], "100k": [32]}
MIX_WRK_SECONDS = 3  # long enough to cycle through the mix several times at one connection
INDEXED = re.compile(r"indexed (\d+) patterns, (\d+) sections in ([\d.e+-]+) s, (\d+) bytes "
                     r"\(generation \d+, (\d+) bytes before compaction\)")


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(cmd, **kwargs):
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        sys.exit(f"run_bench: {' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done


def command_output(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    memory_kib = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    package = lambda name: command_output(["dpkg-query", "-W", "-f=${Version}", name])
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory_kib / 2**20, 1),
        "kernel": platform.release(), "os": command_output(["sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"]),
        "compiler": command_output(["c++", "--version"]).splitlines()[0],
        "xapian": package("libxapian-dev"), "sqlite": package("libsqlite3-dev"),
        "google_benchmark": package("libbenchmark-dev"), "wrk": package("wrk"),
        "commit": command_output(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        "dirty": bool(command_output(["git", "-C", str(ROOT), "status", "--porcelain"])),
        "load_before": os.getloadavg(),
    }


def corpus_bytes(corpus):
    return sum(p.stat().st_size for p in corpus.rglob("*.md"))


def make_corpora(data):
    corpora = {"bundled": ROOT / "corpus"}
    generation = {}
    for label, sections in SYNTHETIC.items():
        out = data / f"corpus-{label}"
        started = time.monotonic()
        run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), "--source", str(ROOT / "corpus"),
             "--out", str(out), "--sections", str(sections)])
        generation[label] = time.monotonic() - started
        corpora[label] = out
        log(f"generated {label} corpus in {generation[label]:.1f} s")
    return corpora, generation


def index_corpus(bin_dir, corpus, index_dir):
    """One pattern-indexer run into a fresh directory under GNU time (wall seconds and peak RSS)."""
    shutil.rmtree(index_dir, ignore_errors=True)
    out = run(["/usr/bin/time", "-f", "TIME %e %M", str(bin_dir / "pattern-indexer"), "--corpus", str(corpus),
               "--index", str(index_dir)])
    match = INDEXED.search(out.stdout)
    wall, rss_kib = re.search(r"TIME ([\d.]+) (\d+)", out.stderr).groups()
    return {"patterns": int(match[1]), "sections": int(match[2]), "build_seconds": float(match[3]),
            "wall_seconds": float(wall), "peak_rss_mib": int(rss_kib) / 1024, "bytes": int(match[4]),
            "uncompacted_bytes": int(match[5])}


def index_all(bin_dir, corpora, data):
    results, indexes = {}, {}
    for label, corpus in corpora.items():
        runs = [index_corpus(bin_dir, corpus, data / f"index-{label}") for _ in range(BUILD_REPEATS[label])]
        results[label] = {"corpus_bytes": corpus_bytes(corpus), "runs": runs}
        indexes[label] = data / f"index-{label}"
        log(f"indexed {label}: {[round(r['wall_seconds'], 1) for r in runs]} s")
    return results, indexes


def fts5_all(bin_dir, corpora, data):
    results, databases = {}, {}
    for label, corpus in corpora.items():
        path = data / f"{label}.fts5"
        runs = []
        for _ in range(BUILD_REPEATS[label]):
            out = run(["/usr/bin/time", "-f", "TIME %e %M", str(bin_dir / "pai-bench-fts5-build"), str(corpus),
                       str(path)])
            figures = json.loads(out.stdout)
            wall, rss_kib = re.search(r"TIME ([\d.]+) (\d+)", out.stderr).groups()
            figures.update(wall_seconds=float(wall), peak_rss_mib=int(rss_kib) / 1024)
            runs.append(figures)
        results[label] = runs
        databases[label] = path
        log(f"FTS5 {label}: {[round(r['wall_seconds'], 1) for r in runs]} s")
    return results, databases


# The judged mix at 100k sections runs once: five passes of FTS5 over every judged query at that size took
# most of an hour, and one pass already times each of its 296 calls (p50 and p99 are per call).
LARGE_MIX = "/100k/mix"


def in_process(bin_dir, indexes, databases, data):
    cmd = [str(bin_dir / "pai-bench-search"), "--mix", str(MIX)]
    for label, path in indexes.items():
        cmd += ["--index", f"{label}={path}"]
    for label, path in databases.items():
        cmd += ["--fts5", f"{label}={path}"]
    runs = []
    for name, flags in (("google-benchmark", [f"--benchmark_filter=-{LARGE_MIX}", "--benchmark_repetitions=5"]),
                        ("google-benchmark-100k-mix", [f"--benchmark_filter={LARGE_MIX}",
                                                       "--benchmark_repetitions=1"])):
        out = data / f"{name}.json"
        run(cmd + flags + ["--benchmark_min_time=0.1", "--benchmark_report_aggregates_only=false",
                           f"--benchmark_out={out}", "--benchmark_out_format=json"])
        runs.append(json.loads(out.read_text()))
    log("in-process benchmarks done")
    merged = runs[0]
    merged["benchmarks"] += runs[1]["benchmarks"]
    return merged


class Daemon:
    """pattern-searchd on 127.0.0.1:0; started_at is taken just before the process is spawned. @p cache_mib
    sizes its result cache (0 turns it off; None keeps the daemon's default)."""

    def __init__(self, bin_dir, index, cache_mib=None):
        self.started_at = time.monotonic()
        cache = [] if cache_mib is None else ["--cache-mib", str(cache_mib)]
        self.process = subprocess.Popen([str(bin_dir / "pattern-searchd"), "--listen", "127.0.0.1:0", "--index",
                                         str(index), *cache], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        text=True)
        line = self.process.stdout.readline()
        found = re.search(r"http://([\d.]+):(\d+)", line)
        if not found:
            self.stop()
            raise RuntimeError(f"pattern-searchd did not start: {line!r}")
        self.host, self.port = found[1], int(found[2])

    def url(self, target):
        return f"http://{self.host}:{self.port}{target}"

    def get(self, target):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        connection.request("GET", target)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, body

    def rss_mib(self):
        status = pathlib.Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def startup(bin_dir, indexes):
    results = {}
    for label, index in indexes.items():
        runs = []
        for _ in range(REPEATS):
            daemon = Daemon(bin_dir, index)
            try:
                status, _ = daemon.get("/v1/search?q=timeout+retry")
                first_answer = time.monotonic() - daemon.started_at
                assert status == 200, status
                time.sleep(1)
                runs.append({"first_answer_ms": first_answer * 1000, "idle_rss_mib": daemon.rss_mib()})
            finally:
                daemon.stop()
        results[label] = runs
    log("startup measured")
    return results


def parse_wrk(output):
    def duration_us(text):
        value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 1, "ms": 1000, "s": 1_000_000}[unit]
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
            "p50_us": duration_us(percentiles["50"]), "p99_us": duration_us(percentiles["99"]),
            "non_2xx": int(errors[1]) if errors else 0, "socket_errors": socket_errors[1] if socket_errors else ""}


def wrk(daemon, target, connections, seconds=WRK_SECONDS, script_args=()):
    """One wrk run on @p target, or, given @p script_args, bench/mix.lua replaying the paths file they name."""
    script = ["-s", str(MIX_SCRIPT)] if script_args else []
    out = run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", *script, daemon.url(target),
               *(["--", *script_args] if script_args else [])])
    return parse_wrk(out.stdout)


def mix_paths(bin_dir, data):
    """The judged mix as /v1/search paths, one a line, for bench/mix.lua."""
    lines = run([str(bin_dir / "pai-bench-search"), "--print-mix-urls", str(MIX)]).stdout.split()
    path = data / "mix-paths.txt"
    path.write_text("".join(f"/v1/search?{line}\n" for line in lines))
    return path, len(lines)


def through_daemon(bin_dir, indexes, queries, mix):
    """wrk per query and connection level, the judged mix ("mix") first; every answer checked once beforehand.
    The targets are cold-cache figures, so these daemons cache no results; the mix is then replayed once more
    through a daemon with its default cache ("mix_warm"), every answer already in it."""
    results = {}
    plans = {"bundled": CONNECTIONS, "100k": [32]}
    mix_file, mix_size = mix
    for label, levels in plans.items():
        daemon = Daemon(bin_dir, indexes[label], cache_mib=0)
        try:
            for target in mix_file.read_text().split():
                status, _ = daemon.get(target)
                assert status == 200, (target, status)
            for connections in MIX_CONNECTIONS[label]:
                runs = [wrk(daemon, "/", connections, MIX_WRK_SECONDS, [str(mix_file)]) for _ in range(REPEATS)]
                results.setdefault(label, {}).setdefault("mix", {})[str(connections)] = runs
            log(f"wrk on the {label} mix ({mix_size} queries) done")
            for name, query_string in queries:
                target = f"/v1/search?{query_string}"
                status, _ = daemon.get(target)
                assert status == 200, (target, status)
                for connections in levels:
                    runs = [wrk(daemon, target, connections) for _ in range(REPEATS)]
                    results.setdefault(label, {}).setdefault(name, {})[str(connections)] = runs
            log(f"wrk on {label} done")
        finally:
            daemon.stop()
    daemon = Daemon(bin_dir, indexes["bundled"])
    try:
        for target in mix_file.read_text().split():
            daemon.get(target)
        for connections in MIX_CONNECTIONS["bundled"]:
            runs = [wrk(daemon, "/", connections, MIX_WRK_SECONDS, [str(mix_file)]) for _ in range(REPEATS)]
            results["bundled"].setdefault("mix_warm", {})[str(connections)] = runs
        log("wrk on the bundled mix with a warm cache done")
    finally:
        daemon.stop()
    return results


def profile(cmd, out, frequency=999):
    """A perf profile of @p cmd: inclusive time per function, to explain a missed target."""
    perf_data = out.with_suffix(".data")
    recorded = subprocess.run(["perf", "record", "-F", str(frequency), "--call-graph", "dwarf,16384", "-o", str(perf_data),
                               "--"] + cmd, capture_output=True, text=True)
    if recorded.returncode != 0:
        return f"perf record failed: {recorded.stderr.strip()[-300:]}"
    report = subprocess.run(["perf", "report", "-i", str(perf_data), "--children", "--stdio", "--percent-limit", "3",
                             "-g", "none"], capture_output=True, text=True)
    perf_data.unlink(missing_ok=True)
    # Debian's libxapian is stripped: its internals print as bare addresses, which say nothing here.
    lines = [line for line in report.stdout.splitlines() if re.match(r"\s+\d", line) and "] 0x" not in line]
    return "\n".join(line[:150] for line in lines[:40])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=pathlib.Path, required=True)
    parser.add_argument("--data", type=pathlib.Path, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    args = parser.parse_args()
    bin_dir = args.build / "bin"
    args.data.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()

    results = {"machine": machine()}
    corpora, results["generation_seconds"] = make_corpora(args.data)
    results["indexing"], indexes = index_all(bin_dir, corpora, args.data)
    results["fts5_build"], databases = fts5_all(bin_dir, corpora, args.data)
    args.out.write_text(json.dumps(results, indent=1))  # the slow part is kept should a later step fail
    results["google_benchmark"] = in_process(bin_dir, indexes, databases, args.data)
    queries = [line.split(" ", 1) for line in run([str(bin_dir / "pai-bench-search"), "--print-urls"]).stdout.split("\n")
               if line]
    mix = mix_paths(bin_dir, args.data)
    results["mix_size"] = mix[1]
    results["wrk"] = through_daemon(bin_dir, indexes, queries, mix)
    results["startup"] = startup(bin_dir, indexes)
    results["profiles"] = {
        "search_bundled_mix": profile([str(bin_dir / "pai-bench-search"), "--index", f"bundled={indexes['bundled']}",
                                       "--mix", str(MIX), "--benchmark_filter=^search_json/bundled/mix/",
                                       "--benchmark_repetitions=10"], args.data / "search-mix"),
        "search_100k_broad_pair": profile([str(bin_dir / "pai-bench-search"), "--index", f"100k={indexes['100k']}",
                                           "--benchmark_filter=^search_json/100k/broad_pair$",
                                           "--benchmark_min_time=2"], args.data / "search"),
        "indexing_10k": profile([str(bin_dir / "pattern-indexer"), "--corpus", str(corpora["10k"]), "--index",
                                 str(args.data / "index-profile")], args.data / "indexing", frequency=199),
    }
    results["machine"]["load_after"] = os.getloadavg()
    results["total_seconds"] = time.monotonic() - started
    args.out.write_text(json.dumps(results, indent=1))
    log(f"raw results in {args.out} ({results['total_seconds']:.0f} s)")


if __name__ == "__main__":
    main()
