/** @file
 *  @brief Splitting a corpus into N index shards (`pattern-indexer --shards N`) that pattern-searchd serves
 *  as one (`--index` repeated, local or `tcp://` through xapian-tcpsrv).
 */
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "index_writer.h"

namespace pai {

/// The shard (0 to @p count - 1) a pattern belongs in: a stable hash of its id, so adding or removing
/// patterns never moves the others. A pattern's sections stay together, so collapsing stays per shard.
std::size_t shard_of(std::string_view pattern_id, std::size_t count);

/// The index directory of shard @p shard (0-based) under @p index_dir: `index_dir/shard-<shard + 1>`.
std::filesystem::path shard_dir(const std::filesystem::path& index_dir, std::size_t shard);

/// Builds @p count shards in parallel (one writer each), every one a complete index generation with the
/// pillars, synonyms and extra metadata; with @p count 1, builds @p options.index_dir itself.
/// @throws std::runtime_error when any shard fails (the shards already published keep serving).
std::vector<BuildSummary> build_shards(const std::vector<ResolvedPattern>& patterns,
                                       const std::vector<PillarInfo>& pillars, const SynonymGroups& synonyms,
                                       const BuildOptions& options, std::size_t count);

}  // namespace pai
