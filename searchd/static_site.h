/** @file
 *  @brief The web page's files under versioned URLs. At start-up a version is taken: a checksum of every
 *  file's path, size and modification time under the web root (stat only: the vendored tree is 150 MB,
 *  too much to read at every start). `/v/<version>/...` then serves the file as immutable, HTML
 *  pages are rewritten so that their references to the root's files point there, and gzipped forms of the
 *  text files are made once and kept.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace pai {

inline constexpr std::string_view kVersionPrefix = "/v/";
/// A versioned URL names one content for good, so browsers may keep it for a year without asking.
inline constexpr const char* kImmutable = "public, max-age=31536000, immutable";
/// Anything else may change at the next start: keep it, but ask again (with If-None-Match) each time.
inline constexpr const char* kRevalidateStatic = "no-cache";

/// A file ready to send.
struct StaticAnswer {
    std::string path;  ///< the file's URL path without any version prefix ("/app.css", "/index.html")
    std::string body;
    std::string content_type;
    std::string etag;           ///< of the body as sent (after any rewriting)
    const char* cache_control;  ///< kImmutable or kRevalidateStatic
};

class StaticSite {
public:
    /// Takes the version of everything under @p web_root (an empty path serves nothing).
    explicit StaticSite(std::filesystem::path web_root);

    /// Eight hex digits naming every file's path, size and modification time at start-up.
    const std::string& version() const { return version_; }

    /// The file @p url_path names, with or without a version prefix; nullopt when there is none or the path
    /// would leave the root (see read_static_file). Immutable only under the current version, and only while
    /// the file still has the size and time it had at start-up; a page from before a restart asks with an older
    /// version and still gets the file, to revalidate.
    std::optional<StaticAnswer> find(std::string_view url_path) const;

    /// @p answer's body gzipped at kStaticGzipLevel, compressed once per path and content and kept.
    std::string gzip(const StaticAnswer& answer);

    /// @p html with every `href="/X"` and `src="/X"` that names a file of the root moved under the version.
    std::string rewrite_references(std::string_view html) const;

private:
    std::filesystem::path root_;
    struct Stamp {
        std::uintmax_t size = 0;
        std::int64_t modified = 0;  ///< file-clock ticks
        bool operator==(const Stamp&) const = default;
    };
    static std::optional<Stamp> stamp_of(const std::filesystem::path& resolved);

    std::map<std::string, Stamp, std::less<>> stamps_;  ///< URL path -> the file's stamp at start-up
    std::string version_;
    std::mutex mutex_;
    std::map<std::string, std::pair<std::string, std::string>, std::less<>> gzipped_;  ///< path -> (etag, gzip)
};

}  // namespace pai
