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

}  // namespace pai::test
