/** @file
 *  @brief A match spy that counts facet values per pattern rather than per section document.
 */
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>

#include "search_types.h"

namespace pai {

/// Sees every matching section document (run the match with check_at_least = doccount) and remembers,
/// for each facet value, the set of patterns carrying it, so counts are exact numbers of patterns.
class PatternFacetSpy : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double weight) override;

    /// Number of distinct patterns seen: the total of a collapsed search.
    std::size_t pattern_count() const { return pattern_pillar_status_.size(); }

    /// Facet counts, each list sorted by descending count, then value.
    Facets facets() const;

private:
    std::map<std::string, std::pair<std::string, std::string>> pattern_pillar_status_;
    std::map<std::string, std::set<std::string>> section_patterns_;
};

}  // namespace pai
