/** @file
 *  @brief The SQLite FTS5 baseline: the same section documents in one FTS5 table, and the same answers
 *  (top ten, one hit per pattern, per-pattern facet counts, snippets) computed the fastest way FTS5 allows.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench_queries.h"
#include "corpus_checks.h"

struct sqlite3;
struct sqlite3_stmt;

namespace pai::bench {

struct Fts5BuildSummary {
    std::size_t sections = 0;
    double seconds = 0;  ///< inserting and committing, corpus loading excluded
    std::uintmax_t bytes = 0;
};

/// Writes every section of @p patterns (with the same stored fields as the Xapian index: text, Markdown and
/// HTML) into a new FTS5 database at @p path. @throws std::runtime_error on SQLite errors.
Fts5BuildSummary build_fts5(const std::vector<ResolvedPattern>& patterns, const std::filesystem::path& path);

struct Fts5Hit {
    std::string pattern_id;
    std::string section;
    std::string snippet;
    double score = 0;
};

struct Fts5Result {
    std::size_t total = 0;  ///< matching patterns
    std::vector<Fts5Hit> hits;
    std::map<std::string, std::size_t> pillar, status, section;  ///< patterns per facet value
};

class Fts5Searcher {
public:
    explicit Fts5Searcher(const std::filesystem::path& path);
    ~Fts5Searcher();
    Fts5Searcher(const Fts5Searcher&) = delete;
    Fts5Searcher& operator=(const Fts5Searcher&) = delete;

    /// Ten patterns by their best section's bm25, in SQL (GROUP BY), nothing else: the raw baseline.
    std::vector<Fts5Hit> top10(const BenchQuery& query);

    /// Top ten with facet counts over every match and a snippet per hit.
    Fts5Result full(const BenchQuery& query);

private:
    sqlite3* db_ = nullptr;
    std::map<std::string, sqlite3_stmt*> statements_;

    sqlite3_stmt* prepare(const std::string& sql);
};

}  // namespace pai::bench
