/** @file
 *  @brief Patterns like a given one: Xapian's expand set over its sections, combined with its related ids.
 */
#pragma once

#include <xapian.h>

#include <vector>

#include "search_types.h"

namespace pai {

/// Up to @p limit patterns similar to @p pattern, closest first; explicitly related patterns rank higher and
/// are always included.
std::vector<SimilarPattern> similar_patterns(const Xapian::Database& db, const PatternMeta& pattern, std::size_t limit);

}  // namespace pai
