/** @file
 *  @brief Opens an index generation and reads a little of every table before anyone searches it, so a
 *  truncated or damaged generation is refused while the one already open keeps serving.
 */
#pragma once

#include <xapian.h>

#include <filesystem>

namespace pai {

/// Opens the database at @p path and reads from each of its tables (documents, terms, positions,
/// metadata, spelling, synonyms) and runs one match over everything. This catches truncated tables and
/// damaged root blocks in a few milliseconds; it is not a full Xapian::Database::check().
/// @throws SearchError(kIndexUnavailable) naming @p path when anything fails.
Xapian::Database open_verified(const std::filesystem::path& path);

}  // namespace pai
