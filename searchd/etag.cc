/** @file
 *  @brief ETag formats and the If-None-Match grammar.
 */
#include "etag.h"

#include <chrono>
#include <cstdio>

namespace pai {
namespace {

std::string_view opaque_part(std::string_view etag) {
    if (etag.starts_with("W/")) etag.remove_prefix(2);
    return etag;
}

}  // namespace

std::string generation_etag(std::string_view tag, std::string_view instance) {
    if (tag.empty()) return {};
    std::string etag = "W/\"g";
    etag.append(tag).append(1, '-').append(instance).append(1, '"');
    return etag;
}

std::string content_etag(std::uint32_t checksum) {
    char text[16];
    std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(checksum));
    return std::string("W/\"c") + text + '"';
}

bool if_none_match(std::string_view header, std::string_view etag) {
    if (etag.empty()) return false;
    const auto wanted = opaque_part(etag);
    std::size_t i = 0;
    const auto skip_space = [&] {
        while (i < header.size() && (header[i] == ' ' || header[i] == '\t' || header[i] == ',')) ++i;
    };
    while (!header.empty() && (header.back() == ' ' || header.back() == '\t')) header.remove_suffix(1);
    skip_space();
    if (header.substr(i) == "*") return true;
    while (i < header.size()) {
        const std::size_t start = i;
        if (header.substr(i).starts_with("W/")) i += 2;
        if (i >= header.size() || header[i] != '"') return false;
        const auto close = header.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        if (opaque_part(header.substr(start, close + 1 - start)) == wanted) return true;
        i = close + 1;
        skip_space();
    }
    return false;
}

std::string make_instance_id() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
    char text[24];
    std::snprintf(text, sizeof text, "%llx", static_cast<unsigned long long>(micros));
    return text;
}

}  // namespace pai
