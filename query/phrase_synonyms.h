/** @file
 *  @brief The thesaurus's phrase entries ("made up", "rate limit", "llm-as-judge"), found in typed text and
 *  searched as one concept: the phrase itself, or any one-word entry of its group.
 *
 *  Xapian's QueryParser can expand multi-word synonyms itself, but it joins the phrase's words with the default
 *  operator, OR, inside the synonym: "made up" then matches every section with "up" as if it said
 *  "hallucination", and the group's weight falls to that of its commonest word.
 */
#pragma once

#include <xapian.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pai {

class PhraseSynonyms {
public:
    /// Reads every synonym key of @p db that has more than one word, with the key's one-word synonyms.
    explicit PhraseSynonyms(const Xapian::Database& db);

    /// One query per phrase entry that @p text contains as consecutive plain words (not inside an exact
    /// "phrase", an excluded `-word` or a `field:value`): OP_SYNONYM of the phrase, in each of @p prefixes, and
    /// the entry's one-word synonyms. Each entry is expanded once, however often it is typed.
    std::vector<Xapian::Query> expand(std::string_view text, std::span<const std::string> prefixes) const;

    /// The lowercased words of @p text, runs of ASCII letters, digits and apostrophes, with an empty string
    /// for each token of an exact "phrase", each excluded word and each field:value (no phrase spans them).
    static std::vector<std::string> plain_words(std::string_view text);

private:
    struct Entry {
        std::vector<std::string> words;
        std::vector<std::string> synonyms;
    };
    std::vector<Entry> entries_;
};

}  // namespace pai
