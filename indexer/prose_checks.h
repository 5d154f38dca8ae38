/** @file
 *  @brief Checks of a section's prose as a reader meets it: a paragraph that strings together quoted search
 *  phrases reads as keyword stuffing, and those phrases belong in the `symptoms` front matter.
 */
#pragma once

#include <string>
#include <vector>

#include "markdown_sections.h"

namespace pai {

/// More quoted phrases than this in one paragraph is a list of search phrases, not prose.
inline constexpr std::size_t kMaxQuotedPhrasesPerParagraph = 2;
/// A quotation this many words long or longer counts as a phrase (a quoted term or error name does not).
inline constexpr std::size_t kMinPhraseWords = 3;

struct ProseProblem {
    int line = 0;
    std::string message;
};

/// Every paragraph of @p section that quotes more than kMaxQuotedPhrasesPerParagraph phrases of at least
/// kMinPhraseWords words ("..." or curly quotes; code spans are not quotations).
std::vector<ProseProblem> quoted_phrase_lists(const MarkdownSection& section);

/// The quotations in @p text of at least kMinPhraseWords words, in order.
std::vector<std::string> quoted_phrases(const std::string& text);

}  // namespace pai
