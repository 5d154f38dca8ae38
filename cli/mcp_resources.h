/** @file
 *  @brief Patterns as MCP resources: `pattern://{id}`, read as the pattern's Markdown.
 */
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "api_backend.h"

namespace pai::mcp {

/// The resources/templates/list result: the one template, `pattern://{id}`.
nlohmann::json resource_templates();

/// The resources/list result: every pattern in the index.
nlohmann::json list_resources(ApiBackend& backend);

/// The resources/read result for @p uri. @throws SearchError(kNotFound) for anything but an existing pattern.
nlohmann::json read_resource(ApiBackend& backend, std::string_view uri);

/// A pattern from /v1/patterns/{id} as one Markdown document: title, description, maturity, then its
/// sections.
std::string pattern_markdown(const nlohmann::json& pattern);

}  // namespace pai::mcp
