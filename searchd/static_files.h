/** @file
 *  @brief Serves files from the web root and never from outside it (no `..`, no symlinks leading out).
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pai {

/// Larger files are not served (the page's largest, mermaid's bundle, is 2.6 MB).
inline constexpr std::uintmax_t kMaxStaticBytes = 4 * 1024 * 1024;

struct StaticFile {
    std::string body;
    std::string content_type;
};

/// The real path of the regular file @p url_path names under @p web_root ("/" is index.html), or nullopt
/// when there is none, the path would leave the root, or the file is too large to serve.
std::optional<std::filesystem::path> resolve_static_path(const std::filesystem::path& web_root,
                                                         std::string_view url_path);

/// The file @p url_path names under @p web_root ("/" is index.html), or nullopt when there is none or the
/// path would leave the root.
std::optional<StaticFile> read_static_file(const std::filesystem::path& web_root, std::string_view url_path);

}  // namespace pai
