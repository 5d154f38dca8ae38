/** @file
 *  @brief A hash that never changes across runs, platforms and releases (FNV-1a, 64 bits), for what the index
 *  stores or derives from ids: shard assignment and the latent space's fit id.
 */
#pragma once

#include <cstdint>
#include <string_view>

namespace pai {

inline constexpr std::uint64_t kStableHashSeed = 14695981039346656037ULL;

/// @p bytes folded into @p hash; chain calls to hash several strings as one.
constexpr std::uint64_t stable_hash(std::string_view bytes, std::uint64_t hash = kStableHashSeed) {
    for (const unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

}  // namespace pai
