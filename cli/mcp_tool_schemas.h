/** @file
 *  @brief The MCP tools' definitions as tools/list returns them: names, descriptions, input and output JSON
 *  Schemas and behaviour hints.
 */
#pragma once

#include <nlohmann/json.hpp>

namespace pai::mcp {

/// Every tool's definition, in the order tools/list reports them.
const nlohmann::json& tool_definitions();

}  // namespace pai::mcp
