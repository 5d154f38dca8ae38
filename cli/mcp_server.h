/** @file
 *  @brief A Model Context Protocol server over stdio (JSON-RPC 2.0, one message per line), offering the
 *  library's search as read-only tools and its patterns as `pattern://{id}` resources.
 */
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "api_backend.h"

namespace pai::mcp {

/// Protocol revisions this server speaks, newest first; a client asking for another gets the newest.
inline constexpr std::string_view kProtocolVersions[] = {"2025-06-18", "2025-03-26", "2024-11-05"};

class Server {
public:
    explicit Server(ApiBackend& backend) : backend_(backend) {}

    /// Answers one JSON-RPC message. Notifications (no id) get nothing back; every request gets a result or
    /// an error object, never an exception.
    std::optional<nlohmann::json> handle(const nlohmann::json& message);

    /// Answers one line of input; unparsable lines get a JSON-RPC parse error.
    std::optional<nlohmann::json> handle_line(std::string_view line);

    /// Reads messages from @p in until it ends, writing each reply as one line to @p out.
    void serve(std::istream& in, std::ostream& out);

private:
    ApiBackend& backend_;

    nlohmann::json dispatch(std::string_view method, const nlohmann::json& params);
    nlohmann::json initialize(const nlohmann::json& params) const;
};

}  // namespace pai::mcp
