/** @file
 *  @brief gunzip for tests that check what the daemon compressed (zlib's inflate, gzip wrapper only).
 */
#pragma once

#include <zlib.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace pai::test {

/// @p gzipped decompressed. @throws std::runtime_error when it is not one complete gzip stream.
inline std::string gunzip(std::string_view gzipped) {
    z_stream stream{};
    constexpr int kGzipOnly = 15 + 16;
    if (inflateInit2(&stream, kGzipOnly) != Z_OK) throw std::runtime_error("inflateInit2 failed");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzipped.data()));
    stream.avail_in = static_cast<uInt>(gzipped.size());
    std::string out;
    char buffer[16384];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    const bool complete = status == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    if (!complete) throw std::runtime_error("not one complete gzip stream");
    return out;
}

}  // namespace pai::test
