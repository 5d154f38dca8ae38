/** @file
 *  @brief The HTTP message types the daemon uses: string bodies only, since it answers JSON and small files.
 */
#pragma once

#include <boost/beast/http.hpp>
#include <string>
#include <string_view>

namespace pai {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

inline constexpr std::size_t kMaxTargetBytes = 8 * 1024;
inline constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;

/// Adds @p name to the response's Vary list (once), keeping what is already there.
inline void add_vary(Response& response, std::string_view name) {
    const auto current = response[http::field::vary];
    const std::string_view list(current.data(), current.size());
    if (list.find(name) != std::string_view::npos) return;
    response.set(http::field::vary, list.empty() ? std::string(name) : std::string(list) + ", " + std::string(name));
}

}  // namespace pai
