/** @file
 *  @brief Matched-term explanations per section.
 */
#include "explain.h"

#include <algorithm>
#include <map>
#include <set>

#include "schema.h"

namespace pai {

std::string readable_term(std::string_view term) {
    if (term.starts_with("Z")) term.remove_prefix(1);  // stemmed form
    for (auto prefix : {schema::kPrefixPatternText, schema::kPrefixCaveatText}) {
        if (term.starts_with(prefix)) term.remove_prefix(prefix.size());
    }
    if (term.starts_with("Z")) term.remove_prefix(1);
    return std::string(term);
}

namespace {

/// A filter's term (pillar, status, section, tag, id): the query holds some, but no word matched them.
bool is_filter_term(std::string_view term) {
    return std::any_of(schema::kFields.begin(), schema::kFields.end(),
                       [&](const auto& field) { return field.boolean && term.starts_with(field.prefix); });
}

}  // namespace

std::vector<SectionMatch> explain_matches(const Xapian::Database& db, const Xapian::Enquire& enquire,
                                          std::string_view pattern_id) {
    std::map<std::string, std::set<std::string>> by_section;
    const std::string pattern_term = schema::boolean_term(schema::kPrefixPattern, pattern_id);
    std::string pattern_text_marker(1, 'Z');  // stems of pattern-level text: "ZXM..."
    pattern_text_marker.append(schema::kPrefixPatternText);
    for (auto posting = db.postlist_begin(pattern_term); posting != db.postlist_end(pattern_term); ++posting) {
        const std::string section = db.get_document(*posting).get_value(schema::kSlotSection);
        for (auto term = enquire.get_matching_terms_begin(*posting); term != enquire.get_matching_terms_end(*posting);
             ++term) {
            const std::string& raw = *term;
            if (is_filter_term(raw)) continue;
            const bool pattern_level =
                raw.starts_with(schema::kPrefixPatternText) || raw.starts_with(pattern_text_marker);
            by_section[pattern_level ? "pattern" : section].insert(readable_term(raw));
        }
    }
    std::vector<SectionMatch> out;
    for (auto& [section, terms] : by_section) out.push_back({section, {terms.begin(), terms.end()}});
    return out;
}

}  // namespace pai
