/** @file
 *  @brief pattern-indexer: check a corpus, or build a new index generation from it.
 */
#include <CLI/CLI.hpp>
#include <iostream>

#include "corpus_checks.h"
#include "corpus_loader.h"
#include "guides.h"
#include "index_writer.h"
#include "shards.h"
#include "synonyms.h"

int main(int argc, char** argv) {
    CLI::App app{"Check a pattern corpus and build its search index"};
    std::filesystem::path corpus_dir;
    std::filesystem::path index_dir;
    bool check_only = false;
    bool strict = false;
    std::size_t shards = 1;
    app.add_option("--corpus", corpus_dir, "Corpus directory, walked recursively")->required();
    app.add_option("--index", index_dir, "Index directory; a new generation is built beside the serving one");
    app.add_flag("--check", check_only, "Validate the corpus without writing anything");
    app.add_flag("--strict", strict, "Treat warnings as errors");
    app.add_option("--shards", shards, "Split the index into N shards, INDEX/shard-1 ... INDEX/shard-N")
        ->check(CLI::Range(1, 64));
    CLI11_PARSE(app, argc, argv);
    if (!check_only && index_dir.empty()) {
        std::cerr << "pattern-indexer: --index is required unless --check is given\n";
        return 2;
    }

    pai::Diagnostics diagnostics;
    const pai::Corpus corpus = pai::load_corpus(corpus_dir, diagnostics);
    const auto patterns = pai::check_corpus(corpus, diagnostics);
    const auto synonyms = pai::load_synonyms(corpus_dir / "synonyms.yaml", diagnostics);
    const auto guide_content = pai::load_guide_content(corpus_dir, patterns, diagnostics);
    for (const auto& d : diagnostics.all()) pai::print(std::cerr, d, strict);

    std::size_t sections = 0;
    for (const auto& p : patterns) sections += p.sections.size();
    const std::size_t errors = diagnostics.error_count(strict);
    if (check_only || errors > 0) {
        std::cout << "checked " << patterns.size() << " patterns (" << sections << " sections), "
                  << guide_content.case_studies.size() << " case studies, " << guide_content.paths.size()
                  << " reading paths, skipped "
                  << corpus.skipped_files << " other files: " << errors << " errors, "
                  << (strict ? 0 : diagnostics.warning_count()) << " warnings\n";
        if (errors > 0 && !check_only) std::cerr << "pattern-indexer: index left unchanged\n";
        return errors > 0 ? 1 : 0;
    }
    try {
        const pai::BuildOptions options{.index_dir = index_dir,
                                        .extra_metadata = guide_content.metadata(),
                                        .case_studies = guide_content.case_studies};
        for (const auto& summary : pai::build_shards(patterns, corpus.pillars, synonyms, options, shards)) {
            std::cout << "indexed " << summary.patterns << " patterns, " << summary.sections << " sections in "
                      << summary.seconds << " s, " << summary.index_bytes << " bytes (generation " << summary.generation
                      << ", " << summary.uncompacted_bytes << " bytes before compaction)\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "pattern-indexer: " << e.what() << "; the previous index is still serving\n";
        return 1;
    }
    return 0;
}
