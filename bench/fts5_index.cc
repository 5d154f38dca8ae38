/** @file
 *  @brief FTS5 table layout, bulk loading and the baseline queries.
 */
#include "fts5_index.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <unordered_map>

#include "index_writer.h"

namespace pai::bench {
namespace {

// Same field emphasis as the Xapian index: title, description and tags, heading, body.
constexpr const char* kRank = "bm25(sections, 6.0, 3.0, 3.0, 2.0, 2.0)";
constexpr int kBodyColumn = 4;
constexpr int kSnippetTokens = 24;

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
    }
}

void exec(sqlite3* db, const char* sql) {
    check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

std::string column_text(sqlite3_stmt* statement, int column) {
    const auto* text = sqlite3_column_text(statement, column);
    return text ? reinterpret_cast<const char*>(text) : "";
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
    return out;
}

/// " AND column IN (?,?)" for a filter, binding its values from @p next onwards.
std::string in_clause(const char* column, const std::vector<std::string>& values) {
    if (values.empty()) return {};
    std::string clause = std::string(" AND ") + column + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) clause += i ? ",?" : "?";
    return clause + ")";
}

std::string where_clause(const BenchQuery& query) {
    const SearchRequest& r = query.request;
    return std::string(query.fts5_match.empty() ? " WHERE 1" : " WHERE sections MATCH ?") +
           in_clause("pillar", r.pillars) + in_clause("status", r.statuses) + in_clause("section", r.sections);
}

void bind_query(sqlite3_stmt* statement, const BenchQuery& query) {
    sqlite3_reset(statement);
    int index = 1;
    auto bind = [&](const std::string& value) {
        sqlite3_bind_text(statement, index++, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    };
    if (!query.fts5_match.empty()) bind(query.fts5_match);
    for (const auto* values : {&query.request.pillars, &query.request.statuses, &query.request.sections}) {
        for (const auto& value : *values) bind(value);
    }
}

}  // namespace

Fts5BuildSummary build_fts5(const std::vector<ResolvedPattern>& patterns, const std::filesystem::path& path) {
    std::filesystem::remove(path);
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot create " + path.string());
    const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> owner(db, sqlite3_close);
    const auto start = std::chrono::steady_clock::now();
    exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    exec(db,
         "CREATE VIRTUAL TABLE sections USING fts5(title, description, tags, heading, body, pattern_id UNINDEXED,"
         " pillar UNINDEXED, status UNINDEXED, section UNINDEXED, path UNINDEXED, line UNINDEXED,"
         " line_end UNINDEXED, markdown UNINDEXED, html UNINDEXED, tokenize='porter unicode61')");
    exec(db, "BEGIN");
    sqlite3_stmt* insert = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO sections VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &insert, nullptr), db,
          "prepare insert");
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> insert_owner(insert, sqlite3_finalize);
    Fts5BuildSummary summary;
    for (const auto& pattern : patterns) {
        int ordinal = 0;
        for (const auto& section : pattern.sections) {
            const StoredSection s = stored_section(pattern, section, ordinal++);
            const std::string tags = joined(s.tags);
            const std::vector<const std::string*> texts{&s.title,      &s.description, &tags,     &s.section_title,
                                                        &s.text,       &s.pattern_id,  &s.pillar, &s.status,
                                                        &s.section_id, &s.path};
            int column = 1;
            for (const auto* text : texts) {
                sqlite3_bind_text(insert, column++, text->c_str(), static_cast<int>(text->size()), SQLITE_STATIC);
            }
            sqlite3_bind_int(insert, column++, s.line);
            sqlite3_bind_int(insert, column++, s.line_end);
            sqlite3_bind_text(insert, column++, s.markdown.c_str(), static_cast<int>(s.markdown.size()), SQLITE_STATIC);
            sqlite3_bind_text(insert, column++, s.html.c_str(), static_cast<int>(s.html.size()), SQLITE_STATIC);
            check(sqlite3_step(insert), db, "insert");
            sqlite3_reset(insert);
            ++summary.sections;
        }
    }
    exec(db, "COMMIT");
    exec(db, "INSERT INTO sections(sections) VALUES('optimize'); VACUUM;");
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    summary.bytes = std::filesystem::file_size(path);
    return summary;
}

Fts5Searcher::Fts5Searcher(const std::filesystem::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db_);
        throw std::runtime_error("cannot open " + path.string());
    }
}

Fts5Searcher::~Fts5Searcher() {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    sqlite3_close(db_);
}

sqlite3_stmt* Fts5Searcher::prepare(const std::string& sql) {
    auto& statement = statements_[sql];
    if (!statement) check(sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr), db_, sql.c_str());
    return statement;
}

std::vector<Fts5Hit> Fts5Searcher::top10(const BenchQuery& query) {
    // bm25() cannot sit inside an aggregate, so rank in a materialized CTE (never flattened into the
    // aggregate) and collapse to one row per pattern outside it.
    const std::string score = query.fts5_match.empty() ? "0" : kRank;
    sqlite3_stmt* statement =
        prepare("WITH matches AS MATERIALIZED (SELECT pattern_id, section, " + score + " AS score FROM sections" +
                where_clause(query) +
                ") SELECT pattern_id, section, min(score) AS best FROM matches GROUP BY pattern_id ORDER BY best"
                " LIMIT 10");
    bind_query(statement, query);
    std::vector<Fts5Hit> hits;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        hits.push_back({column_text(statement, 0), column_text(statement, 1), {}, sqlite3_column_double(statement, 2)});
    }
    check(rc, db_, "top10");
    return hits;
}

Fts5Result Fts5Searcher::full(const BenchQuery& query) {
    const bool ranked = !query.fts5_match.empty();
    sqlite3_stmt* matches = prepare(std::string("SELECT rowid, pattern_id, pillar, status, section, ") +
                                    (ranked ? kRank : "0") + " FROM sections" + where_clause(query));
    bind_query(matches, query);
    struct Best {
        double score;
        sqlite3_int64 rowid;
    };
    std::unordered_map<std::string, Best> best;
    Fts5Result result;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(matches)) == SQLITE_ROW) {
        const double score = sqlite3_column_double(matches, 5);
        const sqlite3_int64 rowid = sqlite3_column_int64(matches, 0);
        auto [it, inserted] = best.try_emplace(column_text(matches, 1), Best{score, rowid});
        if (inserted) {
            ++result.pillar[column_text(matches, 2)];
            ++result.status[column_text(matches, 3)];
        } else if (score < it->second.score) {
            it->second = {score, rowid};
        }
        ++result.section[column_text(matches, 4)];  // (pattern, section) is unique, as in the Xapian index
    }
    check(rc, db_, "matches");
    result.total = best.size();
    std::vector<std::pair<std::string, Best>> ranked_hits(best.begin(), best.end());
    const auto page = std::min<std::size_t>(ranked_hits.size(), query.request.limit);
    std::partial_sort(ranked_hits.begin(), ranked_hits.begin() + static_cast<std::ptrdiff_t>(page), ranked_hits.end(),
                      [](const auto& a, const auto& b) { return a.second.score < b.second.score; });
    sqlite3_stmt* snippet =
        prepare(ranked ? "SELECT section, snippet(sections, " + std::to_string(kBodyColumn) +
                             ", '<mark>', '</mark>', "
                             "'\xE2\x80\xA6', " +
                             std::to_string(kSnippetTokens) + ") FROM sections WHERE sections MATCH ?1 AND rowid = ?2"
                       : "SELECT section, substr(body, 1, 240) FROM sections WHERE rowid = ?2");
    for (std::size_t i = 0; i < page; ++i) {
        sqlite3_reset(snippet);
        if (ranked) sqlite3_bind_text(snippet, 1, query.fts5_match.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_int64(snippet, 2, ranked_hits[i].second.rowid);
        if (sqlite3_step(snippet) != SQLITE_ROW) continue;
        result.hits.push_back(
            {ranked_hits[i].first, column_text(snippet, 0), column_text(snippet, 1), ranked_hits[i].second.score});
    }
    return result;
}

}  // namespace pai::bench
