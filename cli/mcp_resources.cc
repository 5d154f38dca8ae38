/** @file
 *  @brief Resource listing pages through /v1/search; reading renders /v1/patterns/{id} as Markdown.
 */
#include "mcp_resources.h"

#include "mcp_tools.h"
#include "search_error.h"
#include "search_types.h"

namespace pai::mcp {
namespace {

constexpr std::string_view kScheme = "pattern://";
constexpr std::string_view kMimeType = "text/markdown";

}  // namespace

nlohmann::json resource_templates() {
    return {{"resourceTemplates",
             {{{"uriTemplate", std::string(kScheme) + "{id}"},
               {"name", "pattern"},
               {"title", "Pattern"},
               {"description", "One pattern of the library as Markdown, by id (e.g. pattern://circuit-breaker)."},
               {"mimeType", kMimeType}}}}};
}

nlohmann::json list_resources(ApiBackend& backend) {
    auto resources = nlohmann::json::array();
    // An empty query with no filter matches every pattern; page until all are listed or the API's offset cap.
    for (std::size_t offset = 0; offset <= kMaxOffset; offset += kMaxLimit) {
        const auto page =
            api_get(backend, "/v1/search?limit=" + std::to_string(kMaxLimit) + "&offset=" + std::to_string(offset));
        for (const auto& hit : page.at("hits")) {
            resources.push_back({{"uri", pattern_uri(hit.at("id").get<std::string>())},
                                 {"name", hit.at("id")},
                                 {"title", hit.at("title")},
                                 {"description", hit.at("description")},
                                 {"mimeType", kMimeType}});
        }
        if (resources.size() >= page.at("total").get<std::size_t>() || page.at("hits").empty()) break;
    }
    return {{"resources", std::move(resources)}};
}

nlohmann::json read_resource(ApiBackend& backend, std::string_view uri) {
    if (!uri.starts_with(kScheme) || uri.size() == kScheme.size()) {
        throw SearchError(ErrorKind::kNotFound,
                          "not a pattern resource: '" + std::string(uri) + "' (use pattern://{id})");
    }
    const auto id = uri.substr(kScheme.size());
    const auto pattern = api_get(backend, "/v1/patterns/" + percent_encode(id));
    return {{"contents", {{{"uri", uri}, {"mimeType", kMimeType}, {"text", pattern_markdown(pattern)}}}}};
}

std::string pattern_markdown(const nlohmann::json& pattern) {
    std::string out = "# " + pattern.value("title", "") + "\n\n";
    if (const auto description = pattern.value("description", ""); !description.empty()) out += description + "\n\n";
    out += "*" + pattern.value("pillar", "") + " · " + pattern.value("status", "") + "*\n\n";
    for (const auto& section : pattern.at("sections")) {
        std::string markdown = section.value("markdown", "");
        while (!markdown.empty() && markdown.back() == '\n') markdown.pop_back();
        out += markdown + "\n\n";
    }
    return out;
}

}  // namespace pai::mcp
