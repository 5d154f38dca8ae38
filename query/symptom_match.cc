/** @file
 *  @brief Symptom matching by shared word stems.
 */
#include "symptom_match.h"

#include <algorithm>
#include <cctype>

#include "stopwords.h"

namespace pai {

std::set<std::string> word_stems(std::string_view text, const Xapian::Stem& stemmer) {
    std::set<std::string> stems;
    std::string word;
    const auto flush = [&] {
        if (!word.empty() && !is_stop_word(word)) {
            stems.insert(stemmer(word));
        }
        word.clear();
    };
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || byte >= 0x80) {
            word += static_cast<char>(std::tolower(byte));
        } else {
            flush();
        }
    }
    flush();
    return stems;
}

void SymptomMatcher::add(const std::string& pattern_id, const std::vector<std::string>& symptoms) {
    auto& list = by_pattern_[pattern_id];
    for (const auto& text : symptoms) list.push_back({text, word_stems(text, stemmer_)});
}

std::string SymptomMatcher::best(const std::string& pattern_id, const std::set<std::string>& query_stems) const {
    const auto found = by_pattern_.find(pattern_id);
    if (found == by_pattern_.end()) return {};
    const Symptom* best = nullptr;
    std::size_t best_shared = 0;
    for (const auto& symptom : found->second) {
        const auto shared = static_cast<std::size_t>(
            std::count_if(symptom.stems.begin(), symptom.stems.end(),
                          [&](const std::string& stem) { return query_stems.contains(stem); }));
        const bool echoed = shared >= kMinSharedWords &&
                            static_cast<double>(shared) >= kMinSharedShare * static_cast<double>(symptom.stems.size());
        if (!echoed) continue;
        if (!best || shared > best_shared || (shared == best_shared && symptom.stems.size() < best->stems.size())) {
            best = &symptom;
            best_shared = shared;
        }
    }
    return best ? best->text : std::string();
}

}  // namespace pai
