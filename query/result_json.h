/** @file
 *  @brief The API's JSON shapes for query-library results; the daemon and the CLI's --json share them.
 */
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "pattern_graph.h"
#include "search_types.h"

namespace pai {

nlohmann::json to_json(const Facets& facets);
nlohmann::json to_json(const SearchResult& result, bool explain = false);
nlohmann::json to_json(const PatternView& view);
nlohmann::json to_json(const std::vector<Suggestion>& suggestions);
nlohmann::json to_json(const std::vector<PillarInfo>& pillars);
nlohmann::json to_json(const std::vector<SimilarPattern>& similar);
nlohmann::json to_json(const PatternGraph& graph);

}  // namespace pai
