/** @file
 *  @brief A minimal synchronous HTTP GET over Boost.Beast, for the CLI's server mode.
 */
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pai {

/// Connection-level failures: no server, refused, timed out, not an http:// URL.
class ConnectionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct HttpReply {
    unsigned status = 0;
    std::string body;
};

/// GETs @p target (path and query) from @p base_url (`http://host:port`). @throws ConnectionError.
HttpReply http_get(std::string_view base_url, const std::string& target,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10));

/// Percent-encodes a query-string component (RFC 3986 unreserved characters pass through).
std::string percent_encode(std::string_view text);

}  // namespace pai
