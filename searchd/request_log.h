/** @file
 *  @brief One structured JSON line per request on stderr.
 */
#pragma once

#include <string_view>

namespace pai {

/// The route a path belongs to, with ids folded ("/v1/patterns/{id}"), so logs and metrics group well.
std::string_view route_name(std::string_view path);

/// Writes {"ts","route","status","ms"} as one line; thread-safe.
void log_request(std::string_view route, unsigned status, double milliseconds);

/// Writes {"ts","level","message"} as one line; thread-safe.
void log_event(std::string_view level, std::string_view message);

}  // namespace pai
