/** @file
 *  @brief pattern-indexer: check a corpus, or build a new index generation from it.
 */
#include <CLI/CLI.hpp>

#include <iostream>

#include "corpus_checks.h"
#include "corpus_loader.h"
#include "index_writer.h"
#include "synonyms.h"

int main(int argc, char** argv) {
    CLI::App app{"Check a pattern corpus and build its search index"};
    std::filesystem::path corpus_dir;
    std::filesystem::path index_dir;
    bool check_only = false;
    bool strict = false;
    app.add_option("--corpus", corpus_dir, "Corpus directory, walked recursively")->required();
    app.add_option("--index", index_dir, "Index directory; a new generation is built beside the serving one");
    app.add_flag("--check", check_only, "Validate the corpus without writing anything");
    app.add_flag("--strict", strict, "Treat warnings as errors");
    CLI11_PARSE(app, argc, argv);
    if (!check_only && index_dir.empty()) {
        std::cerr << "pattern-indexer: --index is required unless --check is given\n";
        return 2;
    }

    pai::Diagnostics diagnostics;
    const pai::Corpus corpus = pai::load_corpus(corpus_dir, diagnostics);
    const auto patterns = pai::check_corpus(corpus, diagnostics);
    const auto synonyms = pai::load_synonyms(corpus_dir / "synonyms.yaml", diagnostics);
    for (const auto& d : diagnostics.all()) pai::print(std::cerr, d, strict);

    std::size_t sections = 0;
    for (const auto& p : patterns) sections += p.sections.size();
    const std::size_t errors = diagnostics.error_count(strict);
    if (check_only || errors > 0) {
        std::cout << "checked " << patterns.size() << " patterns (" << sections << " sections), skipped "
                  << corpus.skipped_files << " other files: " << errors << " errors, "
                  << (strict ? 0 : diagnostics.warning_count()) << " warnings\n";
        if (errors > 0 && !check_only) std::cerr << "pattern-indexer: index left unchanged\n";
        return errors > 0 ? 1 : 0;
    }
    try {
        const auto summary = pai::build_index(patterns, corpus.pillars, synonyms, {index_dir});
        std::cout << "indexed " << summary.patterns << " patterns, " << summary.sections << " sections in "
                  << summary.seconds << " s, " << summary.index_bytes << " bytes (generation " << summary.generation
                  << ")\n";
    } catch (const std::exception& e) {
        std::cerr << "pattern-indexer: " << e.what() << "; the previous index is still serving\n";
        return 1;
    }
    return 0;
}
