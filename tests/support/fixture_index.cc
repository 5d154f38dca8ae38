/** @file
 *  @brief Fixture indexing for tests.
 */
#include "fixture_index.h"

#include <stdexcept>

#include "corpus_checks.h"
#include "corpus_loader.h"
#include "guides.h"

namespace pai::test {

BuildSummary index_corpus(const std::filesystem::path& corpus_dir, const std::filesystem::path& index_dir,
                          const SynonymGroups& synonyms) {
    Diagnostics diagnostics;
    const Corpus corpus = load_corpus(corpus_dir, diagnostics);
    const auto patterns = check_corpus(corpus, diagnostics);
    if (diagnostics.error_count() > 0) {
        throw std::runtime_error("fixture corpus has errors: " + diagnostics.all().front().message);
    }
    return build_index(patterns, corpus.pillars, synonyms, {index_dir});
}

BuildSummary index_corpus_with_guides(const std::filesystem::path& corpus_dir, const std::filesystem::path& index_dir) {
    Diagnostics diagnostics;
    const Corpus corpus = load_corpus(corpus_dir, diagnostics);
    const auto patterns = check_corpus(corpus, diagnostics);
    const auto content = load_guide_content(corpus_dir, patterns, diagnostics);
    if (diagnostics.error_count() > 0) {
        throw std::runtime_error("fixture corpus has errors: " + diagnostics.all().front().message);
    }
    return build_index(patterns, corpus.pillars, {},
                       {.index_dir = index_dir, .extra_metadata = content.metadata(), .case_studies = content.case_studies});
}

}  // namespace pai::test
