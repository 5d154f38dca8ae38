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

struct RankedPage {
    Xapian::MSet mset;  ///< the section match the page was ranked from (snippets are made through it)
    std::vector<RankedPattern> page;
    std::size_t patterns_seen = 0;
};

/// The patterns ranked [offset, offset + limit) for @p query. Ties order by pattern id. Only the best
/// kMaxRankedSections sections take part, which at the bundled corpus size is every match.
RankedPage rank_patterns(const Xapian::Database& db, const Xapian::Query& query, std::size_t offset,
                         std::size_t limit, double time_limit_seconds);

/// How many of the best-weighted section matches are aggregated per query.
inline constexpr Xapian::doccount kMaxRankedSections = 5000;

}  // namespace pai
