/** @file
 *  @brief Every rule of the corpus format (corpus/README.md), applied to a loaded corpus; what passes is
 *  resolved into the model the index writer stores.
 */
#pragma once

#include <string>
#include <vector>

#include "corpus_loader.h"
#include "diagnostics.h"
#include "failure_modes.h"
#include "stored_document.h"

namespace pai {

struct ResolvedSection {
    std::string id;     ///< canonical id, or the heading's slug
    std::string title;  ///< the heading as written
    const MarkdownSection* source = nullptr;
    std::string html;  ///< source->html with the pattern ids it names linked (pattern_links.h); empty when it
                       ///< names none, source->html then being the section's HTML
};

struct ResolvedPattern {
    PatternMeta meta;  ///< meta.failure_modes holds the entries of failure_modes below
    std::vector<ResolvedSection> sections;
    std::vector<ParsedFailureMode> failure_modes;  ///< each is indexed as its own document
};

/// Checks @p corpus, reporting every problem to @p diagnostics, and returns the resolved patterns (related
/// titles turned into ids). The result points into @p corpus, which must outlive it.
std::vector<ResolvedPattern> check_corpus(const Corpus& corpus, Diagnostics& diagnostics);

}  // namespace pai
