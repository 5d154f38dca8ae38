/** @file
 *  @brief Which of a pattern's symptoms a query echoes, so a hit can quote the problem in the words the
 *  pattern's authors gave it ("Sounds like: ...").
 */
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pai {

/// The stems of the words (runs of letters and digits, lowercased) of @p text, stop words left out.
std::set<std::string> word_stems(std::string_view text, const Xapian::Stem& stemmer);

/// Every pattern's symptoms with the stems of their words, prepared once per open index.
class SymptomMatcher {
public:
    /// A symptom is echoed when the query shares at least two of its words and at least 3 in 10 of them:
    /// fewer is a coincidence ("model" and "search" turn up everywhere).
    static constexpr std::size_t kMinSharedWords = 2;
    static constexpr double kMinSharedShare = 0.3;

    explicit SymptomMatcher(Xapian::Stem stemmer) : stemmer_(std::move(stemmer)) {}

    void add(const std::string& pattern_id, const std::vector<std::string>& symptoms);

    /// The echoed symptom of @p pattern_id sharing the most stems with @p query_stems (on a tie the one with
    /// fewer words, then the earlier one), or empty when none is echoed.
    std::string best(const std::string& pattern_id, const std::set<std::string>& query_stems) const;

private:
    struct Symptom {
        std::string text;
        std::set<std::string> stems;
    };

    Xapian::Stem stemmer_;
    std::unordered_map<std::string, std::vector<Symptom>> by_pattern_;
};

}  // namespace pai
