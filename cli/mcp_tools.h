/** @file
 *  @brief Runs the MCP tools against an ApiBackend and shapes their results: structured content matching the
 *  tool's output schema, plus the same JSON as text for clients that read only text.
 */
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api_backend.h"

namespace pai::mcp {

/// The resource URI of pattern @p id: `pattern://{id}`.
std::string pattern_uri(std::string_view id);

/// True when tools/list offers a tool called @p name.
bool has_tool(std::string_view name);

/// Runs tool @p name (which must exist) with @p arguments and returns the tools/call result. A bad argument,
/// an unknown pattern or an unreachable daemon is a tool error (`isError`), so the model can read it and
/// retry.
nlohmann::json call_tool(ApiBackend& backend, std::string_view name, const nlohmann::json& arguments);

}  // namespace pai::mcp
