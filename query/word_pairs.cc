/** @file
 *  @brief Term dependence: OP_NEAR queries for the typed words that stand close together.
 */
#include "word_pairs.h"

#include <iterator>
#include <set>
#include <utility>

#include "phrase_synonyms.h"
#include "stopwords.h"

namespace pai {
namespace {

/// The content words of @p text, split into the runs that no phrase, excluded word or filter breaks.
std::vector<std::vector<std::string>> content_runs(std::string_view text) {
    std::vector<std::vector<std::string>> runs(1);
    for (auto& word : PhraseSynonyms::plain_words(text)) {
        if (word.empty()) {
            if (!runs.back().empty()) runs.emplace_back();
        } else if (!is_stop_word(word)) {
            runs.back().push_back(std::move(word));
        }
    }
    return runs;
}

Xapian::Query near_pair(const std::string& first, const std::string& second, std::span<const std::string> prefixes,
                        double weight) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& prefix : prefixes) {
        const Xapian::Query pair[] = {Xapian::Query(prefix + first), Xapian::Query(prefix + second)};
        alternatives.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair), kPairWindow);
    }
    return {Xapian::Query::OP_SCALE_WEIGHT,
            Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()), weight};
}

}  // namespace

std::vector<Xapian::Query> near_pairs(std::string_view text, std::span<const std::string> prefixes) {
    std::vector<Xapian::Query> pairs;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& run : content_runs(text)) {
        for (std::size_t distance = 1; distance <= kPairReach; ++distance) {
            for (std::size_t at = 0; at + distance < run.size(); ++at) {
                const std::string& first = run[at];
                const std::string& second = run[at + distance];
                if (first == second || !seen.insert(std::minmax(first, second)).second) continue;
                if (pairs.size() == kMaxPairs) return pairs;
                pairs.push_back(near_pair(first, second, prefixes, kPairWeight / static_cast<double>(distance)));
            }
        }
    }
    return pairs;
}

}  // namespace pai
