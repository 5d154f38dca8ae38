/** @file
 *  @brief Turns a SearchRequest into a Xapian query: free text through the QueryParser (OR semantics,
 *  phrases, +/-, field:value), explicit filters (OR within a field, AND across fields), with a plain-parse
 *  fallback for malformed syntax.
 */
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "phrase_synonyms.h"
#include "search_types.h"

namespace pai {

class QueryBuilder {
public:
    /// @param db  the database used for spelling correction, synonyms and wildcard expansion
    explicit QueryBuilder(const Xapian::Database& db);

    struct Built {
        Xapian::Query query;
        std::string corrected;           ///< a spelling-corrected query string, empty when there is none
        std::vector<std::string> words;  ///< the distinct typed words the query searches, stop words left out
    };

    /// Builds the full query for @p request; with no query text, the filters alone (or everything).
    Built build(const SearchRequest& request);

    /// Builds the query for @p text alone, without filters; @p sections_only restricts free text to the
    /// sections' own text (used when a section filter is given).
    Built parse_text(std::string_view text, bool sections_only = false);

    /// Each of @p built's words as a query of its own (stemmed, with its synonyms, over the fields build()
    /// searched for @p request), for counting how many of them a pattern matches; none without free text.
    std::vector<Xapian::Query> word_queries(const Built& built, const SearchRequest& request);

    const Xapian::Stem& stemmer() const { return stemmer_; }

    /// @p text with every word the index does not contain replaced by its spelling suggestion, or empty
    /// when nothing changed.
    std::string corrected(std::string_view text) const;

private:
    /// The parser's query for @p text, with the plain-parse fallback for malformed syntax, and the thesaurus
    /// phrases it contains and its near word pairs (word_pairs.h) among its optional words.
    Xapian::Query parse(std::string_view text, bool sections_only);
    /// The parser's query for @p text, or the plain parse when its syntax is malformed.
    Xapian::Query parse_syntax(std::string_view text, bool sections_only);
    /// The typed words behind @p query's terms; valid only right after the parse that made @p query.
    std::vector<std::string> typed_words(const Xapian::Query& query, bool sections_only) const;
    /// A word the index holds in no form (plain, stemmed, in pattern text or caveats) and that is no stop word.
    bool is_correctable(const std::string& word) const;
    /// @p query with a top-level `-word` applied to whole patterns (see the definition).
    Xapian::Query exclude_whole_patterns(const Xapian::Query& query) const;

    Xapian::Database db_;
    Xapian::QueryParser parser_;          ///< free text over section text and pattern-level text
    Xapian::QueryParser section_parser_;  ///< free text over section text only, for `section:` searches
    Xapian::Stem stemmer_;
    Xapian::SimpleStopper stopper_;
    PhraseSynonyms phrases_;
};

/// The explicit filters of @p request as one query, or an empty Xapian::Query when there are none.
Xapian::Query filter_query(const SearchRequest& request);

}  // namespace pai
