/** @file
 *  @brief One structured JSON line per request on stderr, and events, filtered by the `--log-level`.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pai {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

/// "debug", "info", "warning" or "error"; nullopt for anything else.
std::optional<LogLevel> parse_log_level(std::string_view name);

/// Sets the level for the whole process (info by default): request lines are info, with the query
/// string only at debug.
void set_log_level(LogLevel level);

/// The route a path belongs to, with ids folded ("/v1/patterns/{id}"), so logs and metrics group well.
std::string route_name(std::string_view path);

/// Writes {"ts","level","route","status","ms"} as one line (and "query" at debug level); thread-safe.
void log_request(std::string_view route, unsigned status, double milliseconds, std::string_view query = {});

/// Writes {"ts","level","message"} as one line when @p level is enabled; thread-safe.
void log_event(LogLevel level, std::string_view message);

}  // namespace pai
