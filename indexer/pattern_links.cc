/** @file
 *  @brief Linking pattern ids in rendered HTML, and finding id-shaped code spans in Markdown.
 */
#include "pattern_links.h"

#include <regex>
#include <sstream>

#include "corpus_checks.h"

namespace pai {
namespace {

constexpr std::string_view kCodeOpen = "<code>";
constexpr std::string_view kCodeClose = "</code>";

/// Escapes text for an HTML attribute or element.
std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

/// The tag name at @p html[at] (just past '<'), with a leading '/' for a closing tag.
std::string_view tag_name(std::string_view html, std::size_t at) {
    const auto end = html.find_first_of(" \t\n>/", at + (at < html.size() && html[at] == '/' ? 1 : 0));
    return html.substr(at, (end == std::string_view::npos ? html.size() : end) - at);
}

const std::regex kIdSpan(R"(`([a-z0-9]+(?:-[a-z0-9]+)+)`)");

}  // namespace

PatternLinkTargets pattern_link_targets(const std::vector<ResolvedPattern>& patterns) {
    PatternLinkTargets targets;
    for (const auto& pattern : patterns) targets.emplace(pattern.meta.id, PatternLinkTarget{pattern.meta.title, pattern.meta.pillar});
    return targets;
}

std::string link_pattern_ids(std::string_view html, const PatternLinkTargets& targets, std::string_view self_id,
                             std::string_view href_prefix) {
    std::string out;
    out.reserve(html.size());
    int links_open = 0;
    std::size_t at = 0;
    while (at < html.size()) {
        const auto tag = html.find('<', at);
        if (tag == std::string_view::npos) break;
        out.append(html, at, tag - at);
        const auto name = tag_name(html, tag + 1);
        if (name == "a") ++links_open;
        if (name == "/a" && links_open > 0) --links_open;
        if (links_open == 0 && html.substr(tag).starts_with(kCodeOpen)) {
            const auto text_start = tag + kCodeOpen.size();
            const auto close = html.find(kCodeClose, text_start);
            if (close != std::string_view::npos) {
                const auto id = html.substr(text_start, close - text_start);
                const auto target = targets.find(id);
                if (target != targets.end() && id != self_id) {
                    out += "<a class=\"pattern-link\" href=\"" + std::string(href_prefix) + target->second.pillar + "/" +
                           std::string(id) + ".md\" title=\"" + std::string(id) + "\">" +
                           escaped(target->second.title) + "</a>";
                    at = close + kCodeClose.size();
                    continue;
                }
            }
        }
        const auto end = html.find('>', tag);
        const auto next = end == std::string_view::npos ? html.size() : end + 1;
        out.append(html, tag, next - tag);
        at = next;
    }
    if (at < html.size()) out.append(html, at);
    return out;
}

std::vector<IdMention> id_mentions(std::string_view markdown, int first_line) {
    std::vector<IdMention> mentions;
    std::istringstream lines{std::string(markdown)};
    bool in_fence = false;
    int number = first_line;
    for (std::string line; std::getline(lines, line); ++number) {
        const auto first = line.find_first_not_of(" \t");
        if (first != std::string::npos && (line.compare(first, 3, "```") == 0 || line.compare(first, 3, "~~~") == 0)) {
            in_fence = !in_fence;
            continue;
        }
        if (in_fence) continue;
        for (std::sregex_iterator it(line.begin(), line.end(), kIdSpan), end; it != end; ++it)
            mentions.push_back({(*it)[1], number});
    }
    return mentions;
}

}  // namespace pai
