/** @file
 *  @brief Builds an index of a corpus directory into a temporary directory, for query and server tests.
 */
#pragma once

#include <filesystem>

#include "index_writer.h"

namespace pai::test {

/// Loads, checks (failing the calling test on any error) and indexes @p corpus into @p index_dir.
BuildSummary index_corpus(const std::filesystem::path& corpus, const std::filesystem::path& index_dir,
                          const SynonymGroups& synonyms = {});

/// Like index_corpus, with the corpus's guides and Decision Guide stored as the indexer stores them.
BuildSummary index_corpus_with_guides(const std::filesystem::path& corpus, const std::filesystem::path& index_dir);

}  // namespace pai::test
