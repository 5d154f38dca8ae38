/** @file
 *  @brief Human-readable rendering of the API's search JSON for a terminal.
 */
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace pai {

/// The snippet as terminal text: entities decoded, `<mark>` shown in bold yellow when @p color, else dropped.
std::string terminal_snippet(std::string_view html, bool color);

/// One block per hit: rank, title, id, pillar, status, best section and a one-line snippet.
std::string format_results(const nlohmann::json& search, bool color);

}  // namespace pai
