/** @file
 *  @brief The ten representative queries every benchmark runs (in-process, through the daemon, in FTS5),
 *  defined once so all three measure the same work.
 */
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "search_types.h"

namespace pai::bench {

struct BenchQuery {
    std::string_view name;   ///< short label used in benchmark names and RESULTS.md
    SearchRequest request;   ///< what pattern-searchd and the Searcher receive
    std::string fts5_match;  ///< the same query in FTS5 syntax; empty for a browse with no text
};

/// Short keyword, broad pair, long problem description, filtered, phrase, operators, wildcard, misspelling
/// and the empty browse.
const std::vector<BenchQuery>& bench_queries();

/// The name every query of the judged mix carries: benchmarks over the mix cycle through all of them.
inline constexpr std::string_view kMixName = "mix";

/// The judged queries of @p queries_tsv (tests/relevance/queries.tsv: its third column), in file order, each a
/// plain text search, in FTS5 as its words quoted and OR-joined. @throws std::runtime_error for an unreadable file
/// or one with no queries.
std::vector<BenchQuery> judged_mix(const std::filesystem::path& queries_tsv);

/// The /v1/search query string (`q=...&pillar=...`) for @p query, percent-encoded.
std::string url_query(const BenchQuery& query);

}  // namespace pai::bench
