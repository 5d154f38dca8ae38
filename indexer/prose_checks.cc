/** @file
 *  @brief Quoted-phrase counting over cmark paragraphs.
 */
#include "prose_checks.h"

#include <sstream>

namespace pai {
namespace {

constexpr std::string_view kLeftCurly = "\u201c";
constexpr std::string_view kRightCurly = "\u201d";

std::size_t word_count(std::string_view text) {
    std::istringstream words{std::string(text)};
    std::size_t count = 0;
    for (std::string word; words >> word;) ++count;
    return count;
}

/// The end of the quotation opened at @p from (just past its opening mark), or npos when it is not closed.
std::size_t closing_quote(std::string_view text, std::size_t from, std::size_t& mark_bytes) {
    const auto straight = text.find('"', from);
    const auto curly = text.find(kRightCurly, from);
    if (straight == std::string_view::npos && curly == std::string_view::npos) return std::string_view::npos;
    if (curly < straight) {
        mark_bytes = kRightCurly.size();
        return curly;
    }
    mark_bytes = 1;
    return straight;
}

}  // namespace

std::vector<std::string> quoted_phrases(const std::string& text) {
    std::vector<std::string> phrases;
    const std::string_view view(text);
    std::size_t at = 0;
    while (at < view.size()) {
        const auto straight = view.find('"', at);
        const auto curly = view.find(kLeftCurly, at);
        const auto open = std::min(straight, curly);
        if (open == std::string_view::npos) break;
        const std::size_t start = open + (open == curly ? kLeftCurly.size() : 1);
        std::size_t mark_bytes = 1;
        const auto close = closing_quote(view, start, mark_bytes);
        if (close == std::string_view::npos) break;
        const auto quoted = view.substr(start, close - start);
        if (word_count(quoted) >= kMinPhraseWords) phrases.emplace_back(quoted);
        at = close + mark_bytes;
    }
    return phrases;
}

std::vector<ProseProblem> quoted_phrase_lists(const MarkdownSection& section) {
    std::vector<ProseProblem> problems;
    for (const auto& paragraph : paragraphs(section.markdown, section.line)) {
        const auto phrases = quoted_phrases(paragraph.text);
        if (phrases.size() <= kMaxQuotedPhrasesPerParagraph) continue;
        problems.push_back({paragraph.line, "this paragraph quotes " + std::to_string(phrases.size()) +
                                                " search-style phrases (\"" + phrases.front() +
                                                "\" ...): tell the problem in sentences and put the sufferers' "
                                                "words in 'symptoms'"});
    }
    return problems;
}

}  // namespace pai
