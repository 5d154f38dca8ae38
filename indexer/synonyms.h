/** @file
 *  @brief Reads the search thesaurus, corpus/synonyms.yaml: a list of groups of equivalent words or phrases.
 */
#pragma once

#include <filesystem>

#include "diagnostics.h"
#include "index_writer.h"

namespace pai {

/// Reads @p file (a YAML list of lists of strings). A missing file is no synonyms; a malformed one is an error.
SynonymGroups load_synonyms(const std::filesystem::path& file, Diagnostics& diagnostics);

}  // namespace pai
