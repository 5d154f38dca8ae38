/** @file
 *  @brief In-process latency of the benchmark queries (Google Benchmark) on one or more indexes:
 *  Xapian's plain collapsed top ten, the full Searcher (exact per-pattern facets and snippets), the full
 *  Searcher plus the API's JSON, and the same queries in SQLite FTS5.
 *
 *      pai-bench-search --index bundled=var/index --fts5 bundled=var/bundled.fts5 [benchmark flags...]
 *      pai-bench-search --print-urls     # the /v1/search query strings, one a line, for wrk
 */
#include <benchmark/benchmark.h>
#include <xapian.h>

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

struct Labelled {
    std::string label;
    std::string path;
};

/// Xapian alone: the query the Searcher would run, collapsed, ten hits, no facets, snippets or data.
void xapian_top10(benchmark::State& state, const std::string& index_dir, const BenchQuery& query) {
    const auto generation = pai::current_generation(index_dir);
    Xapian::Database db(generation ? pai::generation_path(index_dir, *generation).string() : index_dir);
    pai::QueryBuilder builder(db);
    Xapian::doccount matches = 0;
    for (auto _ : state) {
        Xapian::Enquire enquire(db);
        enquire.set_query(builder.build(query.request).query);
        enquire.set_collapse_key(pai::schema::kSlotPatternId);
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        matches = mset.size();
        benchmark::DoNotOptimize(matches);
    }
    state.counters["hits"] = matches;
}

void full_search(benchmark::State& state, const std::string& index_dir, const BenchQuery& query, bool json) {
    pai::Searcher searcher(index_dir);
    std::size_t total = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const pai::SearchResult result = searcher.search(query.request);
        total = result.total;
        if (json) bytes = pai::to_json(result).dump().size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["patterns"] = static_cast<double>(total);
    if (json) state.counters["json_bytes"] = static_cast<double>(bytes);
}

void fts5_top10(benchmark::State& state, const std::string& db_path, const BenchQuery& query) {
    pai::bench::Fts5Searcher fts5(db_path);
    std::size_t hits = 0;
    for (auto _ : state) {
        hits = fts5.top10(query).size();
        benchmark::DoNotOptimize(hits);
    }
    state.counters["hits"] = static_cast<double>(hits);
}

void fts5_full(benchmark::State& state, const std::string& db_path, const BenchQuery& query) {
    pai::bench::Fts5Searcher fts5(db_path);
    std::size_t total = 0;
    for (auto _ : state) {
        total = fts5.full(query).total;
        benchmark::DoNotOptimize(total);
    }
    state.counters["patterns"] = static_cast<double>(total);
}

/// Pulls `--index label=dir` and `--fts5 label=file` out of argv, leaving Google Benchmark's own flags.
bool take_labelled(int& argc, char** argv, std::vector<Labelled>& indexes, std::vector<Labelled>& fts5) {
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--index" || arg == "--fts5") && i + 1 < argc) {
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
        if (std::string(argv[i]) == "--print-urls") {
            for (const auto& query : pai::bench::bench_queries()) {
                std::cout << query.name << ' ' << pai::bench::url_query(query) << '\n';
            }
            return 0;
        }
    }
    std::vector<Labelled> indexes;
    std::vector<Labelled> fts5;
    if (!take_labelled(argc, argv, indexes, fts5)) return 2;
    for (const auto& query : pai::bench::bench_queries()) {
        const std::string name(query.name);
        for (const auto& index : indexes) {
            benchmark::RegisterBenchmark(("xapian_top10/" + index.label + "/" + name).c_str(), xapian_top10, index.path,
                                         query);
            benchmark::RegisterBenchmark(("search/" + index.label + "/" + name).c_str(), full_search, index.path, query,
                                         false);
            benchmark::RegisterBenchmark(("search_json/" + index.label + "/" + name).c_str(), full_search, index.path,
                                         query, true);
        }
        for (const auto& db : fts5) {
            benchmark::RegisterBenchmark(("fts5_top10/" + db.label + "/" + name).c_str(), fts5_top10, db.path, query);
            benchmark::RegisterBenchmark(("fts5_full/" + db.label + "/" + name).c_str(), fts5_full, db.path, query);
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
