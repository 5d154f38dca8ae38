/** @file
 *  @brief deflate with the gzip wrapper, and the Accept-Encoding grammar (RFC 9110 section 12.5.3).
 */
#include "gzip.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <stdexcept>

namespace pai {
namespace {

/// windowBits 15 (the largest window) plus 16 asks zlib for a gzip header and trailer instead of zlib's own.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kMemLevel = 8;  // zlib's default
/// Input is handed to deflate in pieces no larger than this, since zlib counts in uInt.
constexpr std::size_t kMaxChunk = 1u << 30;

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

/// The q-value of one `coding;q=0.5` element's parameters: 1 when absent, nullopt when malformed.
std::optional<double> q_value(std::string_view params) {
    double q = 1;
    while (!params.empty()) {
        const auto semicolon = params.find(';');
        const auto param = trim(params.substr(0, semicolon));
        params = semicolon == std::string_view::npos ? std::string_view() : params.substr(semicolon + 1);
        const auto eq = param.find('=');
        if (eq == std::string_view::npos || !iequals(trim(param.substr(0, eq)), "q")) continue;
        const auto value = trim(param.substr(eq + 1));
        // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
        if (value.empty() || value.size() > 5 || (value[0] != '0' && value[0] != '1')) return std::nullopt;
        if (value.size() > 1 && value[1] != '.') return std::nullopt;
        double fraction = 0;
        double scale = 0.1;
        for (std::size_t i = 2; i < value.size(); ++i, scale /= 10) {
            if (value[i] < '0' || value[i] > '9') return std::nullopt;
            fraction += (value[i] - '0') * scale;
        }
        q = (value[0] - '0') + fraction;
        if (q > 1) return std::nullopt;
    }
    return q;
}

}  // namespace

std::string gzip_compress(std::string_view body, int level) {
    z_stream stream{};
    if (deflateInit2(&stream, level, Z_DEFLATED, kGzipWindowBits, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("gzip: deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(std::min(body.size(), kMaxChunk))) + 64, '\0');
    std::size_t written = 0;
    std::size_t consumed = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        const std::size_t chunk = std::min(body.size() - consumed, kMaxChunk);
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data() + consumed));
        stream.avail_in = static_cast<uInt>(chunk);
        const bool last = consumed + chunk == body.size();
        do {
            if (written == out.size()) out.resize(out.size() * 2);
            const std::size_t room = std::min(out.size() - written, kMaxChunk);
            stream.next_out = reinterpret_cast<Bytef*>(out.data() + written);
            stream.avail_out = static_cast<uInt>(room);
            status = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
            if (status == Z_STREAM_ERROR) {
                deflateEnd(&stream);
                throw std::runtime_error("gzip: deflate failed");
            }
            written += room - stream.avail_out;
        } while (stream.avail_out == 0 || (last && status != Z_STREAM_END));
        consumed += chunk;
    }
    deflateEnd(&stream);
    out.resize(written);
    return out;
}

bool accepts_gzip(std::string_view accept_encoding) {
    std::optional<double> gzip;  // the q of an explicit gzip (or x-gzip) element
    std::optional<double> any;   // the q of `*`
    while (!accept_encoding.empty()) {
        const auto comma = accept_encoding.find(',');
        const auto element = trim(accept_encoding.substr(0, comma));
        accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
        const auto semicolon = element.find(';');
        const auto coding = trim(element.substr(0, semicolon));
        const auto q =
            q_value(semicolon == std::string_view::npos ? std::string_view() : element.substr(semicolon + 1));
        if (!q) continue;  // a malformed element says nothing
        if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
            gzip = std::max(gzip.value_or(0), *q);
        } else if (coding == "*") {
            any = std::max(any.value_or(0), *q);
        }
    }
    if (gzip) return *gzip > 0;
    return any.value_or(0) > 0;
}

bool is_compressible(std::string_view content_type) {
    static constexpr std::array<std::string_view, 7> kCompressible{
        "application/json",
        "application/yaml",
        "application/javascript",
        "image/svg+xml",
        "text/",  // html, css, javascript, plain, yaml
        "application/xml",
        "application/manifest+json",
    };
    const auto type = trim(content_type.substr(0, content_type.find(';')));
    return std::any_of(kCompressible.begin(), kCompressible.end(), [&](std::string_view candidate) {
        return candidate.back() == '/' ? type.starts_with(candidate) : iequals(type, candidate);
    });
}

}  // namespace pai
