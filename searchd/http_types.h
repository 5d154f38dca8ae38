/** @file
 *  @brief The HTTP message types the daemon uses: string bodies only, since it answers JSON and small files.
 */
#pragma once

#include <boost/beast/http.hpp>

namespace pai {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

inline constexpr std::size_t kMaxTargetBytes = 8 * 1024;
inline constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;

}  // namespace pai
