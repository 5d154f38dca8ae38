/** @file
 *  @brief Index generations: each build writes `gen-NNNNNN/` beside the serving one, then atomically
 *  replaces the `XAPIANDB` stub file that names the current generation.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

namespace pai {

using Generation = std::uint64_t;

/// The generation the stub in @p index_dir names, or nullopt when there is no stub (a plain database).
std::optional<Generation> current_generation(const std::filesystem::path& index_dir);

/// The directory holding generation @p generation inside @p index_dir.
std::filesystem::path generation_path(const std::filesystem::path& index_dir, Generation generation);

/// Atomically makes @p generation current: write a temporary stub, fsync, rename over `XAPIANDB`, fsync.
void publish_generation(const std::filesystem::path& index_dir, Generation generation);

}  // namespace pai
