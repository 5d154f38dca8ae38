/** @file
 *  @brief /v1/guides, /v1/guides/{id}, /v1/decision-guide and /v1/recommend as pure functions from
 *  parameters to JSON; errors are thrown as SearchError and turned into HTTP by the router.
 */
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "http_params.h"
#include "recommender.h"
#include "searcher_pool.h"

namespace pai {

nlohmann::json get_guides(SearcherPool& searchers, const QueryParams& params);
nlohmann::json get_guide(SearcherPool& searchers, std::string_view id, const QueryParams& params);
nlohmann::json get_decision_guide(SearcherPool& searchers, const QueryParams& params);
nlohmann::json get_recommend(SearcherPool& searchers, const QueryParams& params);

/// Parses `answers=q1:a1,q2:a2` (also repeated). @throws SearchError(kBadRequest) when it is missing, empty
/// or a pair lacks its colon.
std::vector<AnswerChoice> answers_from(const QueryParams& params);

}  // namespace pai
