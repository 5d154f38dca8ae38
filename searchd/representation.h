/** @file
 *  @brief The last step of every answer: which representation of its body is sent. Compressible bodies
 *  say `Vary: Accept-Encoding` and go gzipped to clients that accept it.
 */
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "http_types.h"

namespace pai {

/// A response and, when one is kept somewhere (a cache entry, a static file), a way to its gzipped body.
struct Answer {
    Response response;
    /// The body gzipped, given the body; empty: compress on demand at kJsonGzipLevel.
    std::function<std::string(std::string_view body)> gzipped{};
};

/// Encodes @p answer for @p request: `Vary: Accept-Encoding` when its type is compressible, and
/// `Content-Encoding: gzip` with the gzipped body when it is also larger than kMinGzipBytes and the
/// request's Accept-Encoding allows gzip.
void finish_representation(const Request& request, Answer& answer);

}  // namespace pai
