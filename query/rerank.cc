/** @file
 *  @brief The rerank's three steps over the few best patterns: coverage of the query's words, nearness in the
 *  latent space, and links from the best of them.
 */
#include "rerank.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "schema.h"

namespace pai {
namespace {

// Measured on the tuning split of tests/relevance/queries.tsv (docs/relevance.md): the square root of the
// coverage lifted nDCG@10 by about 0.01; exponents from 0.3 to 0.7 did nearly as well, 1 and above hurt.
constexpr double kCoverageExponent = 0.5;
// Measured on the tuning split the same way: a pattern gains this share of the best reranked score per unit of
// cosine with the query in the latent space. 0.3 to 1.2 did about as well (+0.02 nDCG@10, +0.017 in 5-fold
// cross-validation); the gain comes from queries worded unlike the pattern that answers them.
constexpr double kLatentWeight = 0.5;
// Measured the same way: a pattern gains this share of the score of the best-scored pattern among those it is
// linked with (Related Patterns, either way). 0.3 to 0.7 did about as well (+0.012 nDCG@10, +0.011 in 5-fold
// cross-validation, 38 tuning queries better and 7 worse); the editors' links lift the patterns that work
// alongside the answer. From 1 on, a neighbour ties the pattern that lifted it and nDCG@10 falls by 0.1.
constexpr double kRelatedShare = 0.4;

/// Marks which of @p docs (ascending) the posting list of @p term holds, skipping along it.
template <typename Mark>
void for_each_posted(ReadCache& reads, const std::string& term,
                     const std::vector<std::pair<Xapian::docid, std::size_t>>& docs, Mark mark) {
    const std::vector<Xapian::docid>& posted = reads.postings(term);
    auto at = posted.begin();
    for (const auto& [docid, pattern] : docs) {
        at = std::lower_bound(at, posted.end(), docid);
        if (at == posted.end()) return;
        if (*at == docid) mark(docid, pattern);
    }
}

/// The descriptive section documents of @p patterns, in docid order, each with the index of its pattern.
std::vector<std::pair<Xapian::docid, std::size_t>> descriptive_sections(ReadCache& reads,
                                                                        const std::vector<RankedPattern>& patterns) {
    std::vector<std::pair<Xapian::docid, std::size_t>> all;
    for (std::size_t index = 0; index < patterns.size(); ++index) {
        const std::string term = schema::boolean_term(schema::kPrefixPattern, patterns[index].id);
        for (const Xapian::docid doc : reads.postings(term)) all.emplace_back(doc, index);
    }
    std::sort(all.begin(), all.end());
    std::vector<std::pair<Xapian::docid, std::size_t>> descriptive;
    // Counting every section instead gained a third as much on the tuning split.
    for (const auto section : schema::kDescriptiveSections) {
        for_each_posted(reads, schema::boolean_term(schema::kPrefixSection, section), all,
                        [&](Xapian::docid docid, std::size_t pattern) { descriptive.emplace_back(docid, pattern); });
    }
    std::sort(descriptive.begin(), descriptive.end());
    return descriptive;
}

}  // namespace

double covered_score(double score, double coverage) {
    return score * std::pow(coverage, kCoverageExponent);
}

std::vector<double> word_coverage(ReadCache& reads, const std::vector<Xapian::Query>& words,
                                  const std::vector<RankedPattern>& patterns) {
    if (words.empty() || patterns.empty()) return std::vector<double>(patterns.size(), 1.0);
    // A word matches a section when the section holds any of the word's terms (its stem, its plain form, its
    // synonyms): skip each term's posting list (read once per worker) along the few candidate sections, in
    // docid order, instead of running a match per word.
    const auto sections = descriptive_sections(reads, patterns);
    std::vector<std::size_t> matched(patterns.size(), 0);
    std::vector<bool> covered(patterns.size());
    for (const auto& word : words) {
        std::fill(covered.begin(), covered.end(), false);
        for (auto term = word.get_unique_terms_begin(); term != word.get_unique_terms_end(); ++term) {
            for_each_posted(reads, *term, sections, [&](Xapian::docid, std::size_t pattern) { covered[pattern] = true; });
        }
        for (std::size_t index = 0; index < patterns.size(); ++index) matched[index] += covered[index];
    }
    std::vector<double> coverage;
    coverage.reserve(patterns.size());
    for (const auto count : matched) {
        coverage.push_back(static_cast<double>(count) / static_cast<double>(words.size()));
    }
    return coverage;
}

namespace {

void apply_coverage(ReadCache& reads, const std::vector<Xapian::Query>& words, std::span<RankedPattern> best) {
    const std::vector<double> coverage = word_coverage(reads, words, {best.begin(), best.end()});
    for (std::size_t i = 0; i < best.size(); ++i) best[i].score = covered_score(best[i].score, coverage[i]);
}

void apply_latent(ReadCache& reads, const LatentVector& query, std::span<RankedPattern> best) {
    if (query.empty() || best.empty()) return;
    const double top = std::max_element(best.begin(), best.end(), [](const auto& a, const auto& b) {
                           return a.score < b.score;
                       })->score;
    for (auto& pattern : best)
        pattern.score += kLatentWeight * top * latent_similarity(query, reads.latent_vector(pattern.best_section));
}

void apply_related(const RelatedGraph& related, std::span<RankedPattern> best) {
    std::unordered_map<std::string_view, double> scores;
    for (const auto& pattern : best) scores.emplace(pattern.id, pattern.score);
    std::vector<double> lift(best.size(), 0.0);
    for (std::size_t i = 0; i < best.size(); ++i) {
        for (const auto& neighbour : related.neighbours(best[i].id)) {
            if (const auto found = scores.find(neighbour); found != scores.end()) {
                lift[i] = std::max(lift[i], found->second);
            }
        }
    }
    for (std::size_t i = 0; i < best.size(); ++i) best[i].score += kRelatedShare * lift[i];
}

}  // namespace

std::vector<RankedPattern> rerank_best_patterns(ReadCache& reads, const RerankSignals& signals,
                                                std::vector<RankedPattern> ranked, std::size_t offset,
                                                std::size_t limit) {
    const auto end = std::min(ranked.size(), offset + limit);
    if (offset >= end) return {};
    const std::span<RankedPattern> best(ranked.data(), std::min(ranked.size(), kRerankDepth));
    apply_coverage(reads, signals.words, best);
    apply_latent(reads, signals.latent_query, best);
    if (signals.related) apply_related(*signals.related, best);
    std::sort(best.begin(), best.end(), ranks_before);
    return {std::make_move_iterator(ranked.begin() + static_cast<std::ptrdiff_t>(offset)),
            std::make_move_iterator(ranked.begin() + static_cast<std::ptrdiff_t>(end))};
}

}  // namespace pai
