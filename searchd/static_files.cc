/** @file
 *  @brief Static file lookup with containment checks and content types.
 */
#include "static_files.h"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace pai {
namespace {

std::string content_type_for(const std::filesystem::path& file) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".yaml", "text/yaml; charset=utf-8"},
    }};
    const std::string extension = file.extension().string();
    for (const auto& [ext, type] : kTypes) {
        if (ext == extension) return std::string(type);
    }
    return "application/octet-stream";
}

bool within(const std::filesystem::path& root, const std::filesystem::path& candidate) {
    const auto mismatch = std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
    return mismatch.first == root.end();
}

}  // namespace

std::optional<std::filesystem::path> resolve_static_path(const std::filesystem::path& web_root,
                                                         std::string_view url_path) {
    if (web_root.empty() || url_path.empty() || url_path.front() != '/') return std::nullopt;
    std::filesystem::path relative(url_path.substr(1));
    for (const auto& part : relative) {
        if (part == ".." || part == ".") return std::nullopt;
    }
    std::error_code ec;
    const auto root = std::filesystem::canonical(web_root, ec);
    if (ec) return std::nullopt;
    auto file = root / relative;
    if (url_path.back() == '/') file /= "index.html";
    // canonical() resolves symlinks, so a link pointing outside the root is refused here.
    auto resolved = std::filesystem::canonical(file, ec);
    if (ec || !within(root, resolved) || !std::filesystem::is_regular_file(resolved, ec)) return std::nullopt;
    if (std::filesystem::file_size(resolved, ec) > kMaxStaticBytes || ec) return std::nullopt;
    return resolved;
}

std::optional<StaticFile> read_static_file(const std::filesystem::path& web_root, std::string_view url_path) {
    const auto resolved = resolve_static_path(web_root, url_path);
    if (!resolved) return std::nullopt;
    std::ifstream in(*resolved, std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    return StaticFile{body.str(), content_type_for(*resolved)};
}

}  // namespace pai
