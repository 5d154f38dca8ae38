/** @file
 *  @brief The last step of every answer: which representation of its body is sent. An answer whose ETag
 *  the request's If-None-Match names becomes `304 Not Modified`; compressible bodies say
 *  `Vary: Accept-Encoding` and go gzipped to clients that accept it.
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

/// Turns a 200 with an ETag that the request's If-None-Match matches into a 304 with no body (keeping
/// ETag, Cache-Control and Vary); otherwise encodes @p answer: `Vary: Accept-Encoding` when its type is
/// compressible, and
/// `Content-Encoding: gzip` with the gzipped body when it is also larger than kMinGzipBytes and the
/// request's Accept-Encoding allows gzip.
void finish_representation(const Request& request, Answer& answer);

}  // namespace pai
