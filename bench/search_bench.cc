/** @file
 *  @brief In-process latency of the benchmark queries (Google Benchmark) on one or more indexes:
 *  Xapian's plain collapsed top ten, the full Searcher (exact per-pattern facets and snippets), the full
 *  Searcher plus the API's JSON, and the same queries in SQLite FTS5.
 *
 *  Each runs on one of the ten bench queries or, with --mix, cycles through the judged queries in file order.
 *
 *      pai-bench-search --index bundled=var/index --fts5 bundled=var/bundled.fts5 [--mix queries.tsv] [flags...]
 *      pai-bench-search --print-urls               # the ten /v1/search query strings, named, for wrk
 *      pai-bench-search --print-mix-urls queries.tsv  # the judged mix's query strings, one a line
 */
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "bench_queries.h"
#include "fts5_index.h"
#include "index_generation.h"
#include "query_builder.h"
#include "result_json.h"
#include "schema.h"
#include "searcher.h"

namespace {

using pai::bench::BenchQuery;
using Queries = std::vector<BenchQuery>;

struct Labelled {
    std::string label;
    std::string path;
};

double percentile(const std::vector<double>& sorted, double share) {
    if (sorted.empty()) return 0;
    return sorted[static_cast<std::size_t>(share * static_cast<double>(sorted.size() - 1) + 0.5)];
}

/// Runs @p call once per iteration on the next of @p queries (one query, or the judged mix in file order, so an
/// iteration count that is a multiple of the mix weighs every query alike) and reports each call's p50 and p99.
template <typename Call>
void over(benchmark::State& state, const Queries& queries, Call&& call) {
    std::vector<double> micros;
    std::size_t next = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        call(queries[next++ % queries.size()]);
        micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(micros.begin(), micros.end());
    state.counters["p50_us"] = percentile(micros, 0.5);
    state.counters["p99_us"] = percentile(micros, 0.99);
}

/// Xapian alone: the query the Searcher would run, collapsed, ten hits, no facets, snippets or data.
void xapian_top10(benchmark::State& state, const std::string& index_dir, const Queries& queries) {
    const auto generation = pai::current_generation(index_dir);
    Xapian::Database db(generation ? pai::generation_path(index_dir, *generation).string() : index_dir);
    pai::QueryBuilder builder(db);
    Xapian::doccount matches = 0;
    over(state, queries, [&](const BenchQuery& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(builder.build(query.request).query);
        enquire.set_collapse_key(pai::schema::kSlotPatternId);
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        matches = mset.size();
        benchmark::DoNotOptimize(matches);
    });
    state.counters["hits"] = matches;
}

void full_search(benchmark::State& state, const std::string& index_dir, const Queries& queries, bool json) {
    pai::Searcher searcher(index_dir);
    std::size_t total = 0;
    std::size_t bytes = 0;
    over(state, queries, [&](const BenchQuery& query) {
        const pai::SearchResult result = searcher.search(query.request);
        total = result.total;
        if (json) bytes = pai::to_json(result).dump().size();
        benchmark::DoNotOptimize(bytes);
    });
    state.counters["patterns"] = static_cast<double>(total);
    if (json) state.counters["json_bytes"] = static_cast<double>(bytes);
}

void fts5_top10(benchmark::State& state, const std::string& db_path, const Queries& queries) {
    pai::bench::Fts5Searcher fts5(db_path);
    std::size_t hits = 0;
    over(state, queries, [&](const BenchQuery& query) {
        hits = fts5.top10(query).size();
        benchmark::DoNotOptimize(hits);
    });
    state.counters["hits"] = static_cast<double>(hits);
}

void fts5_full(benchmark::State& state, const std::string& db_path, const Queries& queries) {
    pai::bench::Fts5Searcher fts5(db_path);
    std::size_t total = 0;
    over(state, queries, [&](const BenchQuery& query) {
        total = fts5.full(query).total;
        benchmark::DoNotOptimize(total);
    });
    state.counters["patterns"] = static_cast<double>(total);
}

/// Every variant of @p queries (named @p name) on every index and FTS5 database; @p iterations > 0 fixes the
/// iteration count (a multiple of the mix), 0 lets Google Benchmark choose.
void register_all(const std::string& name, const Queries& queries, const std::vector<Labelled>& indexes,
                  const std::vector<Labelled>& fts5, benchmark::IterationCount iterations) {
    std::vector<benchmark::internal::Benchmark*> registered;
    for (const auto& index : indexes) {
        registered.push_back(benchmark::RegisterBenchmark(("xapian_top10/" + index.label + "/" + name).c_str(),
                                                          xapian_top10, index.path, queries));
        registered.push_back(benchmark::RegisterBenchmark(("search/" + index.label + "/" + name).c_str(), full_search,
                                                          index.path, queries, false));
        registered.push_back(benchmark::RegisterBenchmark(("search_json/" + index.label + "/" + name).c_str(),
                                                          full_search, index.path, queries, true));
    }
    for (const auto& db : fts5) {
        registered.push_back(benchmark::RegisterBenchmark(("fts5_top10/" + db.label + "/" + name).c_str(), fts5_top10,
                                                          db.path, queries));
        registered.push_back(benchmark::RegisterBenchmark(("fts5_full/" + db.label + "/" + name).c_str(), fts5_full,
                                                          db.path, queries));
    }
    if (iterations > 0) {
        for (auto* benchmark : registered) benchmark->Iterations(iterations);
    }
}

/// Pulls `--index label=dir`, `--fts5 label=file` and `--mix queries.tsv` out of argv, leaving Google
/// Benchmark's own flags.
bool take_labelled(int& argc, char** argv, std::vector<Labelled>& indexes, std::vector<Labelled>& fts5,
                   std::string& mix) {
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--mix" && i + 1 < argc) {
            mix = argv[++i];
        } else if ((arg == "--index" || arg == "--fts5") && i + 1 < argc) {
            const std::string value = argv[++i];
            const auto eq = value.find('=');
            if (eq == std::string::npos) {
                std::cerr << "pai-bench-search: " << arg << " takes LABEL=PATH\n";
                return false;
            }
            (arg == "--index" ? indexes : fts5).push_back({value.substr(0, eq), value.substr(eq + 1)});
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--print-urls") {
            for (const auto& query : pai::bench::bench_queries()) {
                std::cout << query.name << ' ' << pai::bench::url_query(query) << '\n';
            }
            return 0;
        }
        if (arg == "--print-mix-urls" && i + 1 < argc) {
            try {
                for (const auto& query : pai::bench::judged_mix(argv[i + 1])) std::cout << pai::bench::url_query(query) << '\n';
            } catch (const std::exception& e) {
                std::cerr << "pai-bench-search: " << e.what() << '\n';
                return 2;
            }
            return 0;
        }
    }
    std::vector<Labelled> indexes;
    std::vector<Labelled> fts5;
    std::string mix_file;
    if (!take_labelled(argc, argv, indexes, fts5, mix_file)) return 2;
    if (!mix_file.empty()) {
        try {
            const Queries mix = pai::bench::judged_mix(mix_file);
            register_all(std::string(pai::bench::kMixName), mix, indexes, fts5,
                         static_cast<benchmark::IterationCount>(mix.size()));
        } catch (const std::exception& e) {
            std::cerr << "pai-bench-search: " << e.what() << '\n';
            return 2;
        }
    }
    for (const auto& query : pai::bench::bench_queries()) register_all(std::string(query.name), {query}, indexes, fts5, 0);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
