/** @file
 *  @brief Searches one index generation: collapsed, faceted, highlighted results, pattern views and
 *  suggestions. Not thread-safe: give each worker thread its own Searcher (see SearcherPool).
 */
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "index_generation.h"
#include "index_set.h"
#include "pattern_graph.h"
#include "query_builder.h"
#include "search_limits.h"
#include "search_types.h"

namespace pai {

class Searcher {
public:
    /// Opens the generation the stub in @p index_dir names, or @p index_dir itself as a plain database.
    /// @throws SearchError(kIndexUnavailable) when nothing can be opened.
    explicit Searcher(std::filesystem::path index_dir);

    /// Serves several indexes as one (see IndexSet): local directories and `tcp://host:port` shards.
    /// @throws SearchError(kBadRequest) for a malformed spec, SearchError(kIndexUnavailable) as above.
    explicit Searcher(const std::vector<std::string>& indexes);
    ~Searcher();
    Searcher(Searcher&&) noexcept;

    /// Runs @p request. @throws SearchError(kBadRequest) for invalid limits.
    SearchResult search(const SearchRequest& request);

    /// The whole pattern @p id. @throws SearchError(kNotFound) for unknown ids.
    PatternView pattern(std::string_view id);

    /// Up to @p limit patterns like @p id. @throws SearchError(kNotFound) for unknown ids.
    std::vector<SimilarPattern> similar(std::string_view id, std::size_t limit);

    /// Every pattern and the Related Patterns links between them (pattern_graph.h).
    PatternGraph graph();

    /// Completions for search-as-you-type: matching titles first, then indexed words.
    std::vector<Suggestion> suggest(std::string_view prefix, std::size_t limit);

    /// Every facet value with its pattern count over the whole index.
    Facets facets();

    std::vector<PillarInfo> pillars();
    IndexStats stats();

    /// Ids of the case studies matching @p query, best first (case_study_search.h).
    std::vector<std::string> case_study_ids(std::string_view query, std::size_t limit);

    /// The index metadata stored under @p key (see meta_key), or "" when there is none.
    std::string metadata(std::string_view key);

    /// The newest generation among the local indexes (0 when none has a generation stub).
    Generation generation() const;

    /// Names every served index's generation as opened, joined with '.' ("12.3"), or "" when any index is
    /// remote or has no generation stub: then a change could not be seen, so nothing may be cached on it.
    std::string generation_tag() const;

    /// Bounds the time each search spends counting matches beyond its page (0 = no bound).
    void set_time_limit(double seconds) { time_limit_seconds_ = seconds; }

    /// Reopens when a stub names a newer generation. Returns true when it switched.
    /// A generation that fails to open or to read (see open_verified) is reported by throwing once, and
    /// the current one stays in use.
    bool reopen_if_stale();

private:
    struct Opened;
    IndexSet indexes_;
    std::vector<Generation> generations_;           ///< per index, as opened
    std::vector<Generation> rejected_generations_;  ///< the last set that failed to open, never retried
    double time_limit_seconds_ = kDefaultSearchSeconds;
    std::unique_ptr<Opened> opened_;

    SearchResult run_search(const SearchRequest& request);
    template <typename Fn>
    auto guarded(Fn&& fn) -> decltype(fn());
};

}  // namespace pai
