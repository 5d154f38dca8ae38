/** @file
 *  @brief Fits the corpus's latent semantic space (query/latent_space.h): a truncated SVD of the matrix of
 *  stems by patterns, each cell the stem's log-damped count in what the pattern says it is for (description,
 *  tags, symptoms and its descriptive sections) times the stem's idf, each pattern's column of unit length.
 */
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "corpus_checks.h"
#include "latent_space.h"

namespace pai {

struct LatentModel {
    std::string id;  ///< names the fit, so the searcher never compares vectors of different fits
    std::unordered_map<std::string, LatentVector> terms;     ///< stem -> its vector scaled by its idf
    std::unordered_map<std::string, LatentVector> patterns;  ///< pattern id -> its vector

    bool empty() const { return patterns.empty(); }
};

/// Dimensions kept. Measured on the tuning split of tests/relevance/queries.tsv and on the hidden symptoms
/// (docs/relevance.md): 28 to 48 did about equally well on both, better than 16 on the queries written away
/// from the corpus's wording; 64 came closer to plain word overlap and gained less.
inline constexpr std::size_t kLatentRank = 32;

/// The space of @p patterns, at most @p rank dimensions (fewer for a corpus too small for them); empty with
/// fewer than two patterns or no words. Deterministic: the same corpus gives the same vectors.
LatentModel fit_latent_model(const std::vector<ResolvedPattern>& patterns, std::size_t rank = kLatentRank);

}  // namespace pai
