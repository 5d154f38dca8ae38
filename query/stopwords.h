/** @file
 *  @brief English stop words for long, conversational problem descriptions.
 */
#pragma once

#include <xapian.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

namespace pai {

/// Words that carry no meaning in a problem description ("our", "the", "keeps"); dropped from free text
/// unless quoted or required with `+`.
inline constexpr std::string_view kStopWords[] = {
    "a",    "about", "after", "all",    "also",  "am",    "an",    "and",    "any",  "are",   "as",    "at",
    "be",   "been",  "being", "but",    "by",    "can",   "could", "did",    "do",   "does",  "doing", "for",
    "from", "get",   "gets",  "got",    "had",   "has",   "have",  "having", "he",   "her",   "here",  "him",
    "his",  "how",   "i",     "if",     "in",    "into",  "is",    "it",     "its",  "just",  "keep",  "keeps",
    "me",   "more",  "most",  "my",     "of",    "on",    "once",  "only",   "or",   "other", "our",   "ours",
    "out",  "over",  "she",   "should", "so",    "some",  "such",  "than",   "that", "the",   "their", "them",
    "then", "there", "these", "they",   "this",  "those", "to",    "too",    "us",   "very",  "was",   "we",
    "were", "what",  "when",  "which",  "while", "who",   "why",   "will",   "with", "would", "you",   "your",
};

/// Whether @p word (lowercased) is one of kStopWords.
inline bool is_stop_word(std::string_view word) {
    return std::find(std::begin(kStopWords), std::end(kStopWords), word) != std::end(kStopWords);
}

/// Adds every kStopWords entry to @p stopper, for the query parser and the indexer's term generators.
inline void add_stop_words(Xapian::SimpleStopper& stopper) {
    for (const auto word : kStopWords) stopper.add(std::string(word));
}

}  // namespace pai
