/** @file
 *  @brief GET /v1/openapi.yaml: the API's OpenAPI description (docs/api/openapi.yaml, embedded at build
 * time).
 */
#pragma once

#include <string_view>

#include "http_params.h"
#include "http_types.h"

namespace pai {

inline constexpr std::string_view kOpenApiPath = "/v1/openapi.yaml";

/// docs/api/openapi.yaml as it was when the daemon was built.
std::string_view openapi_document();

/// Answers /v1/openapi.yaml. @throws SearchError(kBadRequest) for any query parameter.
Response get_openapi(const Request& request, const Target& target);

}  // namespace pai
