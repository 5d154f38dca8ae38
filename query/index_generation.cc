/** @file
 *  @brief Reading and atomically publishing the stub file that names the current index generation.
 */
#include "index_generation.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace pai {
namespace {

constexpr const char* kStubName = "XAPIANDB";
constexpr const char* kStubPrefix = "auto gen-";

void fsync_path(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + path.string());
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    if (rc != 0) throw std::system_error(saved, std::generic_category(), "fsync " + path.string());
}

}  // namespace

std::optional<Generation> current_generation(const std::filesystem::path& index_dir) {
    std::ifstream stub(index_dir / kStubName);
    if (!stub) return std::nullopt;
    std::string line;
    std::getline(stub, line);
    if (line.rfind(kStubPrefix, 0) != 0) return std::nullopt;
    try {
        return std::stoull(line.substr(std::string(kStubPrefix).size()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::filesystem::path generation_path(const std::filesystem::path& index_dir, Generation generation) {
    char name[32];
    std::snprintf(name, sizeof name, "gen-%06llu", static_cast<unsigned long long>(generation));
    return index_dir / name;
}

void publish_generation(const std::filesystem::path& index_dir, Generation generation) {
    const auto stub = index_dir / kStubName;
    const auto temporary = index_dir / (std::string(kStubName) + ".tmp");
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << "auto " << generation_path(index_dir, generation).filename().string() << '\n';
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + temporary.string());
    }
    fsync_path(temporary, O_RDONLY);
    std::filesystem::rename(temporary, stub);
    fsync_path(index_dir, O_RDONLY | O_DIRECTORY);
}

}  // namespace pai
