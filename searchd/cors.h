/** @file
 *  @brief CORS for the origins an operator names with `--cors-origin`, and for no other: without the flag
 *  no response carries an Access-Control-Allow-Origin header, so other sites' pages cannot read answers.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http_types.h"

namespace pai {

/// Whether @p origin can be given to `--cors-origin`: `*`, or `http(s)://host[:port]` with no path.
bool is_valid_cors_origin(std::string_view origin);

/// Adds `Access-Control-Allow-Origin` when the request's Origin is in @p allowed (or @p allowed holds `*`),
/// and `Vary: Origin` whenever @p allowed is not empty, so caches keep answers for different origins apart.
void apply_cors(const Request& request, const std::vector<std::string>& allowed, Response& response);

}  // namespace pai
