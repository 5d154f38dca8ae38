/** @file
 *  @brief Terminal formatting of search results.
 */
#include "output.h"

#include <array>
#include <sstream>
#include <utility>

namespace pai {
namespace {

constexpr std::string_view kHighlightOn = "\x1b[1;33m";
constexpr std::string_view kBoldOn = "\x1b[1m";
constexpr std::string_view kDimOn = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

std::string styled(std::string_view text, std::string_view style, bool color) {
    if (!color) return std::string(text);
    return std::string(style) + std::string(text) + std::string(kReset);
}

}  // namespace

std::string terminal_snippet(std::string_view html, bool color) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kReplacements{{
        {"<mark>", ""},
        {"</mark>", ""},
        {"&lt;", "<"},
        {"&gt;", ">"},
        {"&amp;", "&"},
        {"&quot;", "\""},
        {"&#39;", "'"},
    }};
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        bool replaced = false;
        for (const auto& [from, to] : kReplacements) {
            if (html.substr(i, from.size()) == from) {
                if (from == "<mark>")
                    out += color ? kHighlightOn : "";
                else if (from == "</mark>")
                    out += color ? kReset : "";
                else
                    out += to;
                i += from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            const char c = html[i++];
            out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
        }
    }
    return out;
}

std::string format_results(const nlohmann::json& search, bool color) {
    std::ostringstream out;
    std::size_t rank = search.value("offset", std::size_t{0});
    for (const auto& hit : search.at("hits")) {
        ++rank;
        out << rank << ". " << styled(hit.at("title").get<std::string>(), kBoldOn, color) << "  ("
            << hit.at("id").get<std::string>() << ")\n";
        out << "   "
            << styled(hit.at("pillar").get<std::string>() + " · " + hit.at("status").get<std::string>() + " · " +
                          hit.at("section_title").get<std::string>(),
                      kDimOn, color)
            << "\n";
        out << "   " << terminal_snippet(hit.at("snippet").get<std::string>(), color) << "\n";
        if (hit.contains("symptom")) out << "   Sounds like: \"" << hit.at("symptom").get<std::string>() << "\"\n";
    }
    const auto total = search.at("total").get<std::size_t>();
    out << total << (total == 1 ? " pattern" : " patterns") << " found\n";
    if (search.contains("did_you_mean"))
        out << "Did you mean: " << search.at("did_you_mean").get<std::string>() << "\n";
    return out.str();
}

}  // namespace pai
