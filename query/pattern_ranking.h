/** @file
 *  @brief Ranks patterns, not sections: each pattern scores its best section's weight plus the weights of all
 *  its matching sections, so a pattern that addresses the problem throughout outranks one that mentions it once.
 */
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace pai {

struct RankedPattern {
    std::string id;
    double score = 0;
    Xapian::docid best_section = 0;  ///< the highest-weighted matching section: the hit's section and snippet
};

/// One pattern's score, built from the weights of its matching sections in any order: the best section's
/// weight plus the sum over all of them. Equal weights go to the lower docid, as in an MSet.
class PatternScore {
public:
    void add(Xapian::docid section, double weight);
    bool empty() const { return best_section_ == 0; }
    double score() const;
    Xapian::docid best_section() const { return best_section_; }

private:
    double best_ = 0;
    double sum_ = 0;
    Xapian::docid best_section_ = 0;
};

/// The section weighting every ranked match uses (BM25 with parameters tuned on the relevance set).
Xapian::BM25Weight section_weighting();

/// The ranking order of patterns: descending score, ties by id.
inline bool ranks_before(const RankedPattern& a, const RankedPattern& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
}

/// Patterns [offset, offset + limit) of @p all in ranking order (ranks_before).
std::vector<RankedPattern> page_of(std::vector<RankedPattern> all, std::size_t offset, std::size_t limit);

struct RankedPage {
    Xapian::MSet mset;  ///< the section match the page was ranked from (snippets are made through it)
    std::vector<RankedPattern> page;
    std::size_t patterns_seen = 0;
};

/// The patterns ranked [offset, offset + limit) for @p query, from the best kMaxRankedSections section
/// matches. Used where facets cannot be counted from a docid table (several or remote shards); one local
/// database ranks every match in its counting pass instead (FacetCounter::ranks()).
RankedPage rank_patterns(const Xapian::Database& db, const Xapian::Query& query, std::size_t offset, std::size_t limit);

/// How many of the best-weighted section matches are aggregated per query.
inline constexpr Xapian::doccount kMaxRankedSections = 5000;

}  // namespace pai
