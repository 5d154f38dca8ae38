/** @file
 *  @brief gzip for responses: compressing a body (zlib's deflate with a gzip wrapper), reading whether a
 *  request's Accept-Encoding allows gzip, and which content types are worth compressing.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pai {

/// Bodies at or below this many bytes are sent as they are: the gzip header and a round trip of CPU cost
/// more than they save.
inline constexpr std::size_t kMinGzipBytes = 1024;
/// JSON is compressed on the request path, so quickly.
inline constexpr int kJsonGzipLevel = 2;
/// Static files are compressed once and kept, so as small as zlib can make them.
inline constexpr int kStaticGzipLevel = 9;

/// @p body in the gzip format (RFC 1952) at zlib level @p level (1..9). @throws std::runtime_error when zlib
/// fails (out of memory).
std::string gzip_compress(std::string_view body, int level);

/// Whether an Accept-Encoding value allows gzip: `gzip` or `x-gzip` or `*` with a q-value above 0, the most
/// specific one deciding (`gzip;q=0, *` refuses it). An absent or empty header allows only identity.
bool accepts_gzip(std::string_view accept_encoding);

/// Whether a response of @p content_type is text worth compressing (JSON, HTML, CSS, JavaScript, SVG,
/// YAML, plain text); images and fonts already are compressed.
bool is_compressible(std::string_view content_type);

}  // namespace pai
