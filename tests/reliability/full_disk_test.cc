#include <gtest/gtest.h>
#include <sys/mount.h>

#include <cerrno>
#include <cstring>

#include "index_generation.h"
#include "reliability_support.h"
#include "searcher.h"

namespace pai {
namespace {

/// A tmpfs of @p bytes mounted on @p dir for the object's lifetime (needs root, as scripts/test runs).
class SmallTmpfs {
public:
    SmallTmpfs(const std::filesystem::path& dir, std::size_t bytes) : dir_(dir) {
        std::filesystem::create_directories(dir);
        const std::string options = "size=" + std::to_string(bytes) + ",mode=0700";
        mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0;
        if (!mounted_) error_ = std::strerror(errno);
    }
    ~SmallTmpfs() {
        if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    }
    SmallTmpfs(const SmallTmpfs&) = delete;
    SmallTmpfs& operator=(const SmallTmpfs&) = delete;
    bool mounted() const { return mounted_; }
    const std::string& error() const { return error_; }

private:
    std::filesystem::path dir_;
    bool mounted_ = false;
    std::string error_;
};

/// The failed build left generation 1 published and searchable, and nothing of its own behind.
void expect_previous_generation_intact(const std::filesystem::path& index) {
    EXPECT_EQ(current_generation(index), 1u);
    Searcher searcher(index);
    SearchRequest request;
    request.query = "retry backoff";
    EXPECT_FALSE(searcher.search(request).hits.empty());
    for (const auto& entry : std::filesystem::directory_iterator(index)) {
        const auto name = entry.path().filename().string();
        EXPECT_TRUE(name == "XAPIANDB" || name == "gen-000001") << "left behind: " << name;
    }
}

TEST(FullDisk, BuildOnAFullTmpfsFailsCleanlyWithAMessage) {
    test::TempDir temp;
    const auto small = test::write_large_corpus(temp.path() / "small", 0);
    const auto large = test::write_large_corpus(temp.path() / "large", 20);
    const SmallTmpfs disk(temp.path() / "disk", 1024 * 1024);
    if (!disk.mounted()) {
        GTEST_SKIP() << "cannot mount a tmpfs here (" << disk.error() << "); FileSizeLimit covers the same failure";
    }
    const auto index = temp.path() / "disk/index";
    ASSERT_EQ(test::run_indexer(small, index).exit_code, 0);
    const auto result = test::run_indexer(large, index);
    EXPECT_EQ(result.exit_code, 1) << result.output;
    EXPECT_NE(result.output.find("No space left on device"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("the previous index is still serving"), std::string::npos) << result.output;
    expect_previous_generation_intact(index);
}

TEST(FullDisk, FileSizeLimitFailsTheBuildCleanlyWithAMessage) {
    test::TempDir temp;
    const auto small = test::write_large_corpus(temp.path() / "small", 0);
    const auto large = test::write_large_corpus(temp.path() / "large", 20);
    const auto index = temp.path() / "index";
    ASSERT_EQ(test::run_indexer(small, index).exit_code, 0);
    // Writes past 256 KiB fail with EFBIG, as writes to a full disk fail with ENOSPC (SIGXFSZ ignored).
    const auto result = test::run_command("sh -c \"trap '' XFSZ; exec prlimit --fsize=262144 " +
                                          (test::bin_dir() / "pattern-indexer").string() + " --corpus " +
                                          large.string() + " --index " + index.string() + "\"");
    EXPECT_EQ(result.exit_code, 1) << result.output;
    EXPECT_NE(result.output.find("File too large"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("the previous index is still serving"), std::string::npos) << result.output;
    expect_previous_generation_intact(index);
}

}  // namespace
}  // namespace pai
