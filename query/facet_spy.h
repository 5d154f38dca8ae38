/** @file
 *  @brief Exact per-pattern facet counts (numbers of patterns, not of section documents) over every match
 *  of a query, computed in a pass of its own so the ranked page can stop early.
 */
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "index_set.h"
#include "pattern_ranking.h"
#include "search_types.h"

namespace pai {

/// The facet values of every section document of one local database, by docid, read once per generation
/// from the value slots. Counting a match then costs two array reads instead of value-stream lookups and
/// string compares, which is what keeps exact facets cheap at 100k sections.
class FacetTable {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    explicit FacetTable(const Xapian::Database& db);

    /// The table of @p db (a single local database), shared by every Searcher with that generation open.
    static std::shared_ptr<const FacetTable> shared(const Xapian::Database& db);

    std::uint32_t pattern_of(Xapian::docid did) const { return did < pattern_of_.size() ? pattern_of_[did] : kNone; }
    std::uint32_t section_of(Xapian::docid did) const { return section_of_[did]; }
    std::size_t pattern_count() const { return pattern_ids_.size(); }
    const std::string& pattern_id(std::uint32_t pattern) const { return pattern_ids_[pattern]; }
    std::size_t value_count() const { return values_.size(); }
    std::uint32_t pillar_of(std::uint32_t pattern) const { return pillar_of_[pattern]; }
    std::uint32_t status_of(std::uint32_t pattern) const { return status_of_[pattern]; }
    const std::string& value(std::uint32_t index) const { return values_[index]; }

private:
    std::vector<std::string> pattern_ids_;   ///< pattern ordinal -> id
    std::vector<std::uint32_t> pattern_of_;  ///< docid -> pattern ordinal (kNone for gaps)
    std::vector<std::uint32_t> section_of_;  ///< docid -> index into values_
    std::vector<std::uint32_t> pillar_of_;   ///< pattern ordinal -> index into values_
    std::vector<std::uint32_t> status_of_;
    std::vector<std::string> values_;  ///< interned pillar, status and section names

    std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& ids, std::string value);
};

/// Pillar and status of each pattern id, for counting from pattern ids alone.
using PatternAttributes = std::unordered_map<std::string, std::pair<std::string, std::string>>;

/// Thrown out of a match by a counter's match spy when the search's time limit has passed: the match stops
/// there, and what was counted so far is an estimate.
struct DeadlinePassed {};

/// Counts facets over one match: attach() it to an Enquire, run get_mset(0, 0, doccount), then read.
/// A counter that ranks() also scores patterns from the weights it is shown, so one weighted pass over
/// every match gives the total, the facets and the ranked page.
class FacetCounter {
public:
    virtual ~FacetCounter() = default;
    /// Attaches to @p enquire, counting for at most @p time_limit_seconds (0: no limit). Past the limit,
    /// get_mset() either throws DeadlinePassed or stops counting early with inexact bounds.
    virtual void attach(Xapian::Enquire& enquire, double time_limit_seconds) = 0;
    /// Distinct patterns matched: the total of a collapsed search.
    virtual std::size_t pattern_count() const = 0;
    /// Facet counts, each list sorted by descending count, then value.
    virtual Facets facets() const = 0;
    virtual bool ranks() const = 0;
    /// Patterns [offset, offset + limit) by score (see PatternScore); only when ranks().
    virtual std::vector<RankedPattern> page(std::size_t offset, std::size_t limit) const = 0;
};

/// How an open index counts facets: through its FacetTable when it is one local database; otherwise (several
/// shards, or remote ones, where only Xapian's built-in match spies can run) through value counts of the
/// pattern slot and the section-of-pattern slot. Both count a pattern once per section, though its Failure
/// Modes section is several documents.
class FacetSource {
public:
    /// @param layout    where @p db's shards are: one local database gets the FacetTable
    /// @param patterns  pillar and status of every pattern, used when counting from values
    FacetSource(const Xapian::Database& db, const IndexLayout& layout, PatternAttributes patterns);

    std::unique_ptr<FacetCounter> counter() const;

private:
    std::shared_ptr<const FacetTable> table_;
    std::shared_ptr<const PatternAttributes> patterns_;
    bool all_local_;
};

}  // namespace pai
