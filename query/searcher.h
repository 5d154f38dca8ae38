/** @file
 *  @brief Searches one index generation: collapsed, faceted, highlighted results, pattern views and
 *  suggestions. Not thread-safe: give each worker thread its own Searcher (see SearcherPool).
 */
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "index_generation.h"
#include "query_builder.h"
#include "search_types.h"

namespace pai {

class Searcher {
public:
    /// Opens the generation the stub in @p index_dir names, or @p index_dir itself as a plain database.
    /// @throws SearchError(kIndexUnavailable) when nothing can be opened.
    explicit Searcher(std::filesystem::path index_dir);
    ~Searcher();
    Searcher(Searcher&&) noexcept;

    /// Runs @p request. @throws SearchError(kBadRequest) for invalid limits.
    SearchResult search(const SearchRequest& request);

    /// The whole pattern @p id. @throws SearchError(kNotFound) for unknown ids.
    PatternView pattern(std::string_view id);

    /// Completions for search-as-you-type: matching titles first, then indexed words.
    std::vector<Suggestion> suggest(std::string_view prefix, std::size_t limit);

    /// Every facet value with its pattern count over the whole index.
    Facets facets();

    std::vector<PillarInfo> pillars();
    IndexStats stats();

    Generation generation() const { return generation_; }

    /// Reopens when the stub names a newer generation. Returns true when it switched.
    /// A generation that fails to open is reported by throwing, and the current one stays in use.
    bool reopen_if_stale();

private:
    struct Opened;
    std::filesystem::path index_dir_;
    Generation generation_ = 0;
    std::unique_ptr<Opened> opened_;

    SearchResult run_search(const SearchRequest& request);
    template <typename Fn>
    auto guarded(Fn&& fn) -> decltype(fn());
};

}  // namespace pai
