/** @file
 *  @brief The /v1 endpoints as pure functions from parameters to JSON; errors are thrown as SearchError
 *  and turned into HTTP by the router.
 */
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "http_params.h"
#include "searcher_pool.h"

namespace pai {

nlohmann::json get_search(SearcherPool& searchers, const QueryParams& params);
nlohmann::json get_pattern(SearcherPool& searchers, std::string_view id, const QueryParams& params);
nlohmann::json get_similar(SearcherPool& searchers, std::string_view id, const QueryParams& params);
nlohmann::json get_suggest(SearcherPool& searchers, const QueryParams& params);
nlohmann::json get_facets(SearcherPool& searchers, const QueryParams& params);
nlohmann::json get_pillars(SearcherPool& searchers, const QueryParams& params);
nlohmann::json get_health(SearcherPool& searchers, const QueryParams& params);

/// Maps search parameters to a request (shared with the CLI's server mode, which sends the same names).
SearchRequest search_request_from(const QueryParams& params);

}  // namespace pai
