/** @file
 *  @brief Shared helpers for the test suites: temporary directories, files, fixture paths and commands.
 */
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

namespace pai::test {

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

std::filesystem::path fixtures_dir();  ///< tests/fixtures in the source tree
std::filesystem::path bin_dir();       ///< where the built executables are

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view content);

/// Copies the fixture corpus into @p destination and returns the copy's root.
std::filesystem::path copy_fixture_corpus(const std::filesystem::path& destination);

/// Every diagnostic as "path:line: error|warning: message", the path relative to @p root; with @p strict,
/// warnings print as errors (as `--strict` does).
std::vector<std::string> diagnostic_lines(const Diagnostics& diagnostics, const std::filesystem::path& root,
                                          bool strict = false);

struct CommandResult {
    int exit_code = -1;
    std::string output;  ///< stdout and stderr together
};

/// Runs @p command through the shell and captures its output.
CommandResult run_command(const std::string& command);

}  // namespace pai::test
