/** @file
 *  @brief Term dependence: pairs of typed words that stand close together in the query, searched as words that
 *  stand close together in a section ("provider ... timeout", "bill ... doubled").
 *
 *  A section that holds both words of a pair within a few lines of each other speaks of the same thing the query
 *  does far more often than one that holds each somewhere; BM25 alone scores both alike. Each pair is one
 *  optional OP_NEAR query, weighted like the two words it joins, so it only adds to what the words score.
 */
#pragma once

#include <xapian.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pai {

// Measured on both judged sets' tuning splits (docs/relevance.md): a pair counts when its two words stand within
// this many positions of each other in a section, in either order. 8 to 24 did nearly as well; from 32 on, the
// gain falls towards what mere co-occurrence in the section gives.
inline constexpr Xapian::termcount kPairWindow = 16;
// Measured the same way: words paired with the next content word and the one after it (at half the weight);
// pairing only neighbours gained 0.003 to 0.007 less, reaching three words on 0.003 to 0.005 less.
inline constexpr std::size_t kPairReach = 2;
// Measured the same way: a pair of neighbours adds its two words' weight once more where they stand together
// (0.3 to 1 all gained +0.012 to +0.028 nDCG@10).
inline constexpr double kPairWeight = 1.0;
// Bounds the positional queries one long query can add (a pasted paragraph has hundreds of word pairs).
inline constexpr std::size_t kMaxPairs = 48;

/// One query per pair of content words (no stop words) of @p text that lie at most kPairReach content words
/// apart within a run of plain words (PhraseSynonyms::plain_words: an exact "phrase", a `-word` or a field:value
/// breaks the run): OP_NEAR of the two words, as typed, within kPairWindow positions, OR'ed over @p prefixes and
/// scaled by kPairWeight / distance. Each pair once, in typed order, at most kMaxPairs.
std::vector<Xapian::Query> near_pairs(std::string_view text, std::span<const std::string> prefixes);

}  // namespace pai
