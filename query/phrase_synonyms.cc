/** @file
 *  @brief Phrase synonyms: matching the thesaurus's multi-word entries in typed text.
 */
#include "phrase_synonyms.h"

#include <algorithm>
#include <cctype>

#include "text_words.h"

namespace pai {
namespace {

/// The words of one whitespace-separated token, lowercased.
void append_words(std::string_view token, std::vector<std::string>& words) {
    std::size_t start = 0;
    while (start < token.size()) {
        std::size_t end = start;
        while (end < token.size() && is_word_char(token[end])) ++end;
        if (end > start) words.push_back(ascii_lowercase(token.substr(start, end - start)));
        start = end + 1;
    }
}

bool starts_at(const std::vector<std::string>& words, std::size_t at, const std::vector<std::string>& phrase) {
    return at + phrase.size() <= words.size() && std::equal(phrase.begin(), phrase.end(), words.begin() + at);
}

}  // namespace

std::vector<std::string> PhraseSynonyms::plain_words(std::string_view text) {
    std::vector<std::string> words;
    bool quoted = false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (std::isspace(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
        const std::string_view token = text.substr(i, end - i);
        const bool has_quote = token.find('"') != std::string_view::npos;
        // An exact "phrase" is searched as typed, an excluded word is no concept to add, a field:value is a filter.
        if (quoted || has_quote || token.front() == '-' || token.find(':') != std::string_view::npos) {
            words.emplace_back();
        } else {
            append_words(token, words);
        }
        quoted ^= std::count(token.begin(), token.end(), '"') % 2 == 1;
        i = end;
    }
    return words;
}

PhraseSynonyms::PhraseSynonyms(const Xapian::Database& db) {
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
        std::vector<std::string> words;
        append_words(*key, words);
        if (words.size() < 2) continue;
        // "follow up" and "follow-up" are one phrase: their synonyms merge.
        auto same = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.words == words; });
        if (same == entries_.end()) same = entries_.insert(entries_.end(), Entry{std::move(words), {}});
        for (auto value = db.synonyms_begin(*key); value != db.synonyms_end(*key); ++value) {
            if (std::find(same->synonyms.begin(), same->synonyms.end(), *value) == same->synonyms.end()) {
                same->synonyms.push_back(*value);
            }
        }
    }
}

std::vector<Xapian::Query> PhraseSynonyms::expand(std::string_view text, std::span<const std::string> prefixes) const {
    const std::vector<std::string> words = plain_words(text);
    std::vector<Xapian::Query> expanded;
    for (const auto& entry : entries_) {
        bool found = false;
        for (std::size_t at = 0; at < words.size() && !found; ++at) found = starts_at(words, at, entry.words);
        if (!found) continue;
        std::vector<Xapian::Query> alternatives;
        for (const auto& prefix : prefixes) {
            std::vector<Xapian::Query> terms;
            for (const auto& word : entry.words) terms.emplace_back(prefix + word);
            alternatives.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                      static_cast<Xapian::termcount>(terms.size()));
        }
        for (const auto& synonym : entry.synonyms) alternatives.emplace_back(synonym);
        expanded.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
    }
    return expanded;
}

}  // namespace pai
