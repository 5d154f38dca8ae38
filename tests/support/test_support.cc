/** @file
 *  @brief Test helper implementations.
 */
#include "test_support.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace pai::test {

TempDir::TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("pai-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path fixtures_dir() {
    return PAI_FIXTURES_DIR;
}
std::filesystem::path bin_dir() {
    return PAI_BIN_DIR;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void write_file(const std::filesystem::path& path, std::string_view content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
}

std::filesystem::path copy_fixture_corpus(const std::filesystem::path& destination) {
    const auto root = destination / "corpus";
    std::filesystem::copy(fixtures_dir() / "corpus", root, std::filesystem::copy_options::recursive);
    return root;
}

CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::array<char, 4096> buffer{};
    std::size_t read = 0;
    while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), read);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::vector<std::string> diagnostic_lines(const Diagnostics& diagnostics, const std::filesystem::path& root,
                                          bool strict) {
    std::vector<std::string> lines;
    for (auto d : diagnostics.all()) {
        d.path = d.path.lexically_relative(root);
        std::ostringstream out;
        print(out, d, strict);
        std::string line = out.str();
        line.pop_back();  // print ends each diagnostic with a newline
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace pai::test
