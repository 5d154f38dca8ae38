/** @file
 *  @brief Per-pattern facet counting.
 */
#include "facet_spy.h"

#include <algorithm>

#include "schema.h"

namespace pai {
namespace {

std::vector<FacetValue> sorted(const std::map<std::string, std::size_t>& counts) {
    std::vector<FacetValue> values;
    for (const auto& [value, count] : counts) values.push_back({value, count});
    std::stable_sort(values.begin(), values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    return values;
}

}  // namespace

void PatternFacetSpy::operator()(const Xapian::Document& doc, double) {
    std::string pattern = doc.get_value(schema::kSlotPatternId);
    section_patterns_[doc.get_value(schema::kSlotSection)].insert(pattern);
    if (!pattern_pillar_status_.contains(pattern)) {
        pattern_pillar_status_.emplace(std::move(pattern), std::make_pair(doc.get_value(schema::kSlotPillar),
                                                                         doc.get_value(schema::kSlotStatus)));
    }
}

Facets PatternFacetSpy::facets() const {
    std::map<std::string, std::size_t> pillars;
    std::map<std::string, std::size_t> statuses;
    for (const auto& [pattern, pillar_status] : pattern_pillar_status_) {
        ++pillars[pillar_status.first];
        ++statuses[pillar_status.second];
    }
    std::map<std::string, std::size_t> sections;
    for (const auto& [section, patterns] : section_patterns_) sections[section] = patterns.size();
    return {sorted(pillars), sorted(statuses), sorted(sections)};
}

}  // namespace pai
