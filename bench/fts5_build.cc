/** @file
 *  @brief pai-bench-fts5-build: loads and checks a corpus with the indexer's own code, writes the FTS5
 *  baseline database and prints one JSON line {sections, load_seconds, build_seconds, bytes}.
 *
 *      pai-bench-fts5-build CORPUS_DIR OUT.fts5
 */
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "corpus_checks.h"
#include "corpus_loader.h"
#include "fts5_index.h"

int main(int argc, char** argv) try {
    if (argc != 3) {
        std::cerr << "usage: pai-bench-fts5-build CORPUS_DIR OUT.fts5\n";
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    pai::Diagnostics diagnostics;
    const pai::Corpus corpus = pai::load_corpus(argv[1], diagnostics);
    const auto patterns = pai::check_corpus(corpus, diagnostics);
    if (diagnostics.error_count() > 0) {
        std::cerr << "pai-bench-fts5-build: the corpus has errors; run pattern-indexer --check\n";
        return 1;
    }
    const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto summary = pai::bench::build_fts5(patterns, argv[2]);
    std::cout << nlohmann::json{{"sections", summary.sections},
                                {"load_seconds", load_seconds},
                                {"build_seconds", summary.seconds},
                                {"bytes", summary.bytes}}
              << '\n';
    return 0;
} catch (const std::exception& e) {
    std::cerr << "pai-bench-fts5-build: " << e.what() << '\n';
    return 1;
}
