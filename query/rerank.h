/** @file
 *  @brief The rerank of the best-scored patterns, in three steps measured on the relevance set: one that
 *  matches more of the query's distinct words outranks one that matches a single word many times
 *  (coordination); one that lies near the query in the corpus's latent space gains on one that merely shares
 *  its words; and one that the best of them link to as a related pattern gains a share of that one's score.
 */
#pragma once

#include <xapian.h>

#include <cstddef>
#include <vector>

#include "latent_space.h"
#include "pattern_ranking.h"
#include "read_cache.h"
#include "related_graph.h"

namespace pai {

/// How many of the best patterns are reranked. Only these are looked at, so the rerank costs the same at
/// any index size.
inline constexpr std::size_t kRerankDepth = 30;

/// What the rerank weighs besides each pattern's score.
struct RerankSignals {
    std::vector<Xapian::Query> words;       ///< the query's words, each a query of its own (QueryBuilder)
    LatentVector latent_query{};            ///< the query in the latent space (LatentSpace::locate); empty for none
    const RelatedGraph* related = nullptr;  ///< the corpus's Related Patterns links; none when null
};

/// The share of @p words, each a query of its own, that the sections of each pattern in @p patterns match,
/// in the order of @p patterns (1 for every pattern when there are no words).
std::vector<double> word_coverage(ReadCache& reads, const std::vector<Xapian::Query>& words,
                                  const std::vector<RankedPattern>& patterns);

/// Patterns [offset, offset + limit) of @p ranked (best first, at least kRerankDepth of them when there are as
/// many) once its first kRerankDepth are rescored by @p signals and reordered by descending score, ties by id;
/// the patterns after them keep their order and scores.
std::vector<RankedPattern> rerank_best_patterns(ReadCache& reads, const RerankSignals& signals,
                                                std::vector<RankedPattern> ranked, std::size_t offset,
                                                std::size_t limit);

/// The score of a pattern with @p score that matches the share @p coverage of the query's words.
double covered_score(double score, double coverage);

}  // namespace pai
