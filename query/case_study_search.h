/** @file
 *  @brief Free-text search over the case studies, which the index holds as documents of their own kind with
 *  their words under their own prefix, apart from the pattern sections.
 */
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace pai {

/// Ids of the case studies matching @p query (OR of its words, BM25), best first, each once even when
/// every shard holds a copy; at most @p limit.
std::vector<std::string> match_case_studies(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                            std::string_view query, std::size_t limit);

}  // namespace pai
