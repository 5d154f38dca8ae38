/** @file
 *  @brief Serves files from the web root and never from outside it (no `..`, no symlinks leading out).
 */
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pai {

struct StaticFile {
    std::string body;
    std::string content_type;
};

/// The file @p url_path names under @p web_root ("/" is index.html), or nullopt when there is none or the
/// path would leave the root.
std::optional<StaticFile> read_static_file(const std::filesystem::path& web_root, std::string_view url_path);

}  // namespace pai
