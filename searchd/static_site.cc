/** @file
 *  @brief Version scan, versioned lookup, HTML reference rewriting and the kept gzip forms.
 */
#include "static_site.h"

#include <zlib.h>

#include <array>
#include <cstdio>

#include "etag.h"
#include "gzip.h"
#include "static_files.h"

namespace pai {
namespace {

std::uint32_t checksum(std::string_view bytes, std::uint32_t seed = 0) {
    return static_cast<std::uint32_t>(
        crc32(seed, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

std::string hex(std::uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(value));
    return text;
}

bool is_html(std::string_view content_type) {
    return content_type.starts_with("text/html");
}

}  // namespace

StaticSite::StaticSite(std::filesystem::path web_root) : root_(std::move(web_root)) {
    if (root_.empty()) return;
    std::error_code ec;
    const auto options = std::filesystem::directory_options::skip_permission_denied;
    for (auto it = std::filesystem::recursive_directory_iterator(root_, options, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string url = "/" + it->path().lexically_relative(root_).generic_string();
        // A symlink gets the same checks as serving (one out of the root is not part of the site); a plain
        // file met by the walk, which follows no directory links, is inside by construction.
        const auto resolved = it->is_symlink(ec) ? resolve_static_path(root_, url) : std::optional(it->path());
        const auto stamp = resolved ? stamp_of(*resolved) : std::nullopt;
        if (stamp && stamp->size <= kMaxStaticBytes) stamps_.emplace(url, *stamp);
    }
    std::uint32_t version = 0;
    for (const auto& [path, stamp] : stamps_) {
        version =
            checksum(path + '\0' + std::to_string(stamp.size) + ' ' + std::to_string(stamp.modified) + '\n', version);
    }
    version_ = hex(version);
}

std::optional<StaticSite::Stamp> StaticSite::stamp_of(const std::filesystem::path& resolved) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(resolved, ec);
    if (ec) return std::nullopt;
    const auto modified = std::filesystem::last_write_time(resolved, ec);
    if (ec) return std::nullopt;
    return Stamp{size, static_cast<std::int64_t>(modified.time_since_epoch().count())};
}

std::optional<StaticAnswer> StaticSite::find(std::string_view url_path) const {
    std::string_view path = url_path;
    bool current_version = false;
    if (path.starts_with(kVersionPrefix)) {
        const auto rest = path.substr(kVersionPrefix.size());
        const auto slash = rest.find('/');
        if (slash == std::string_view::npos) return std::nullopt;
        current_version = rest.substr(0, slash) == version_;
        path = rest.substr(slash);
    }
    const auto resolved = resolve_static_path(root_, path);
    auto file = resolved ? read_static_file(root_, path) : std::nullopt;
    if (!file) return std::nullopt;
    StaticAnswer answer{std::string(path), std::move(file->body), std::move(file->content_type), {}, kRevalidateStatic};
    if (answer.path.ends_with('/')) answer.path += "index.html";
    const std::uint32_t sum = checksum(answer.body);
    if (is_html(answer.content_type)) {
        answer.body = rewrite_references(answer.body);  // names this start's version: always revalidated
    } else if (const auto found = stamps_.find(answer.path);
               current_version && found != stamps_.end() && stamp_of(*resolved) == found->second) {
        answer.cache_control = kImmutable;
    }
    answer.etag = content_etag(is_html(answer.content_type) ? checksum(answer.body) : sum);
    return answer;
}

std::string StaticSite::gzip(const StaticAnswer& answer) {
    {
        std::lock_guard lock(mutex_);
        const auto found = gzipped_.find(answer.path);
        if (found != gzipped_.end() && found->second.first == answer.etag) return found->second.second;
    }
    std::string compressed = gzip_compress(answer.body, kStaticGzipLevel);
    std::lock_guard lock(mutex_);
    gzipped_.insert_or_assign(answer.path, std::make_pair(answer.etag, compressed));
    return compressed;
}

std::string StaticSite::rewrite_references(std::string_view html) const {
    static constexpr std::array<std::string_view, 2> kAttributes{"href=\"/", "src=\"/"};
    std::string out;
    out.reserve(html.size() + 256);
    std::size_t at = 0;
    while (at < html.size()) {
        std::size_t next = std::string_view::npos;
        std::size_t length = 0;
        for (const auto attribute : kAttributes) {
            const auto found = html.find(attribute, at);
            if (found < next) {
                next = found;
                length = attribute.size();
            }
        }
        if (next == std::string_view::npos) break;
        const std::size_t value = next + length - 1;  // the '/' the URL starts with
        const std::size_t close = html.find('"', value);
        if (close == std::string_view::npos) break;
        out.append(html.substr(at, value - at));
        const auto url = html.substr(value, close - value);
        if (stamps_.find(url) != stamps_.end()) out.append(kVersionPrefix).append(version_);
        out.append(url);
        at = close;
    }
    out.append(html.substr(at));
    return out;
}

}  // namespace pai
