/** @file
 *  @brief /v1/case-studies, /v1/case-studies/{id}, /v1/paths and /v1/graph as pure functions from parameters to JSON,
 *  and the "used in" lists a pattern's JSON carries; errors are thrown as SearchError.
 */
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "http_params.h"
#include "searcher.h"
#include "searcher_pool.h"

namespace pai {

inline constexpr std::size_t kDefaultCaseStudies = 20;
inline constexpr std::size_t kMaxCaseStudies = 100;

/// Every case study (id, title, organisation, subject, description, patterns), or with `q` those that match
/// it, best first.
nlohmann::json get_case_studies(SearcherPool& searchers, const QueryParams& params);
nlohmann::json get_case_study(SearcherPool& searchers, std::string_view id, const QueryParams& params);
nlohmann::json get_paths(SearcherPool& searchers, const QueryParams& params);

/// The page's map: every pattern (id, title, description, pillar, status) and its Related Patterns links.
nlohmann::json get_graph(SearcherPool& searchers, const QueryParams& params);

/// Adds to @p pattern_json (a pattern's JSON) `case_studies` and `paths`: those that include it, with the
/// step's position and reason for paths.
void add_used_in(Searcher& searcher, std::string_view id, nlohmann::json& pattern_json);

}  // namespace pai
