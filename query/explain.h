/** @file
 *  @brief Why a pattern matched: the query terms each of its sections matched (for `explain=1`).
 */
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "search_types.h"

namespace pai {

/// For each section document of @p pattern_id that matches @p enquire's query, the matched terms in
/// readable form ("bill", "doubl" for a stem); pattern-level text (title, description, tags) is reported
/// under the section id "pattern".
std::vector<SectionMatch> explain_matches(const Xapian::Database& db, const Xapian::Enquire& enquire,
                                          std::string_view pattern_id);

/// A term as a reader would recognise it: field prefixes and the stem marker removed.
std::string readable_term(std::string_view term);

}  // namespace pai
