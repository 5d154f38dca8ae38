/** @file
 *  @brief The query library's request and result model, independent of HTTP and JSON.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stored_document.h"

namespace pai {

inline constexpr std::size_t kMaxQueryBytes = 1024;
inline constexpr std::size_t kMaxLimit = 100;
inline constexpr std::size_t kMaxOffset = 1000;
inline constexpr std::size_t kDefaultLimit = 10;

struct SearchRequest {
    std::string query;
    std::vector<std::string> pillars;   ///< OR within a field
    std::vector<std::string> statuses;  ///< fields AND together
    std::vector<std::string> sections;
    std::vector<std::string> tags;
    std::size_t limit = kDefaultLimit;
    std::size_t offset = 0;
    bool explain = false;

    /// Throws SearchError(kBadRequest) when a limit is exceeded.
    void validate() const;
};

/// The query terms one section of a pattern matched (see explain.h).
struct SectionMatch {
    std::string section;
    std::vector<std::string> terms;
};

struct Hit {
    std::string id;
    std::string title;
    std::string description;
    std::string pillar;
    std::string status;
    std::vector<std::string> tags;
    std::string section;
    std::string section_title;
    std::string snippet;  ///< HTML: corpus text escaped, matches wrapped in <mark>
    double score = 0;
    std::string path;
    int line = 0;
    int line_end = 0;
    std::vector<std::string> matched_terms;      ///< filled when explain is requested: every term matched
    std::vector<SectionMatch> matched_sections;  ///< filled when explain is requested
    std::string symptom;  ///< the pattern's symptom the query echoes most (see symptom_match.h), or empty
    /// Filled when explain is requested: the cosine between the query and the pattern in the corpus's latent
    /// space (latent_space.h), which the rerank added to the score; 0 when the index has no space.
    double latent_similarity = 0;
};

struct FacetValue {
    std::string value;
    std::size_t count = 0;  ///< number of patterns, not sections
};

struct Facets {
    std::vector<FacetValue> pillar;
    std::vector<FacetValue> status;
    std::vector<FacetValue> section;
};

struct SearchResult {
    std::string query;
    std::size_t total = 0;  ///< matching patterns
    double took_ms = 0;
    std::vector<Hit> hits;
    Facets facets;
    std::optional<std::string> did_you_mean;
    bool partial = false;  ///< the search deadline cut counting short: total and facets are estimates
};

struct PatternSection {
    std::string id;
    std::string title;
    std::string markdown;
    std::string html;
    int line = 0;
    int line_end = 0;
};

struct PatternView {
    PatternMeta meta;
    std::vector<PatternSection> sections;
};

struct Suggestion {
    std::string text;
    std::string kind;  ///< "title" or "term"
    std::string id;    ///< the pattern id for title suggestions
};

/// A pattern like another one: by shared vocabulary, by an explicit `related` link, or both.
struct SimilarPattern {
    std::string id;
    std::string title;
    std::string description;
    std::string pillar;
    std::string status;
    double score = 0;      ///< vocabulary similarity, 1 for the closest
    bool related = false;  ///< listed in the pattern's `related`
};

struct IndexStats {
    std::size_t patterns = 0;
    std::size_t sections = 0;
    std::uint64_t generation = 0;
    std::string built_at;
};

}  // namespace pai
