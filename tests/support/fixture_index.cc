/** @file
 *  @brief Fixture indexing for tests.
 */
#include "fixture_index.h"

#include <stdexcept>

#include "corpus_checks.h"
#include "corpus_loader.h"

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

}  // namespace pai::test
