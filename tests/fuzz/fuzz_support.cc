/** @file
 *  @brief Fixture index and web root for the fuzz targets.
 */
#include "fuzz_support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "corpus_checks.h"
#include "corpus_loader.h"
#include "index_writer.h"

namespace pai::fuzz {
namespace {

/// A directory under the system temp dir, removed with its content when the process exits normally.
class ScratchDir {
public:
    ScratchDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "pai-fuzz-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) std::abort();
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

const ScratchDir& scratch() {
    static const ScratchDir dir;
    return dir;
}

}  // namespace

const std::filesystem::path& fixture_index() {
    static const std::filesystem::path index = [] {
        const auto dir = scratch().path() / "index";
        Diagnostics diagnostics;
        const Corpus corpus = load_corpus(std::filesystem::path(PAI_FIXTURES_DIR) / "corpus", diagnostics);
        const auto patterns = check_corpus(corpus, diagnostics);
        if (diagnostics.error_count() > 0) {
            std::fprintf(stderr, "fixture corpus has errors\n");
            std::abort();
        }
        build_index(patterns, corpus.pillars, {}, {dir});
        return dir;
    }();
    return index;
}

const std::filesystem::path& web_root() {
    static const std::filesystem::path root = [] {
        const auto dir = scratch().path() / "web";
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "index.html") << "<!doctype html><title>fuzz</title>";
        std::ofstream(dir / "app.js") << "console.log('fuzz');";
        return dir;
    }();
    return root;
}

}  // namespace pai::fuzz
