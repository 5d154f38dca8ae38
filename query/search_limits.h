/** @file
 *  @brief Bounds on the work one search may cause: words and wildcards in the query text, and the time
 *  spent counting every match for the total and the facets.
 */
#pragma once

#include <cstddef>
#include <string_view>

namespace pai {

/// Words (runs of letters and digits) one query may hold; a 1 KiB problem description in real words has
/// fewer, so only machine-made queries (`a b c d ...`) reach it.
inline constexpr std::size_t kMaxQueryWords = 100;

/// Trailing wildcards (`retr*`) one query may hold; each expands to at most 64 terms (query_builder.cc).
inline constexpr std::size_t kMaxQueryWildcards = 8;

/// How long a search may spend counting matches (the facet counter's own clock for one local index, Xapian's
/// Enquire::set_time_limit for shards). Past it, the page is still exact but the total and facets are estimates.
inline constexpr double kDefaultSearchSeconds = 0.5;

/// @throws SearchError(kBadRequest) when @p query holds more words or wildcards than the limits above.
void check_query_size(std::string_view query);

}  // namespace pai
