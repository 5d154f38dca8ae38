/** @file
 *  @brief The corpus's latent semantic space (LSA), fitted by the indexer and read here: every stem and every
 *  pattern is a short vector, and words the corpus uses together lie close. A query that shares few literal
 *  words with the pattern that answers it can still lie near it ("invoice" near a pattern about spend).
 *
 *  Storage: the model's id in metadata kLatentModel, each stem's vector (scaled by its idf) in metadata
 *  kLatentTermPrefix + stem, and each pattern's vector in value slot schema::kSlotLatent of its sections.
 */
#pragma once

#include <xapian.h>

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pai {

using LatentVector = std::vector<float>;

namespace latent {
inline constexpr std::string_view kModelKey = "latent_model";    ///< the fit's id: shards share it or no model
inline constexpr std::string_view kTermPrefix = "latent_term:";  ///< + stem -> encoded LatentVector

/// @p vector as bytes: each float's IEEE 754 bits, little-endian, whatever the host's order.
std::string encode(std::span<const float> vector);
/// The vector @p bytes encode, or nothing when their length is no whole number of floats.
std::optional<LatentVector> decode(std::string_view bytes);
}  // namespace latent

/// The space every shard of an open index was fitted in, when they share one. Like the Xapian objects it
/// holds, one per worker thread.
class LatentSpace {
public:
    /// Empty (nothing is near anything) when a shard has no model or the shards were fitted apart: vectors
    /// from different fits do not compare.
    explicit LatentSpace(const std::vector<Xapian::Database>& shards);

    bool empty() const { return !model_; }

    /// The query's vector, the sum of the vectors of @p stems (stemmed words, no prefix) that the corpus
    /// uses; empty when there is no model or the corpus uses none of them.
    LatentVector locate(const std::set<std::string>& stems) const;

private:
    /// The vector of @p stem, read once: a remote shard answers each read over the network.
    const LatentVector& term_vector(const std::string& stem) const;

    static constexpr std::size_t kMaxCachedTerms = 100000;  // a few MiB at most

    std::optional<Xapian::Database> model_;                        ///< a shard holding the shared model's term vectors
    mutable std::unordered_map<std::string, LatentVector> cache_;  ///< stem -> vector, empty when unknown
};

/// The cosine between @p query and @p pattern, 0 when either is empty or they differ in length.
double latent_similarity(const LatentVector& query, const LatentVector& pattern);

}  // namespace pai
