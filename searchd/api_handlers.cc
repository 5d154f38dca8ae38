/** @file
 *  @brief /v1/search, /v1/patterns/{id}, /v1/suggest, /v1/facets, /v1/pillars and /healthz.
 */
#include "api_handlers.h"

#include "library_handlers.h"
#include "result_json.h"
#include "schema.h"
#include "search_error.h"

namespace pai {
namespace {

constexpr std::size_t kDefaultSuggestions = 8;
constexpr std::size_t kMaxSuggestions = 20;
constexpr std::size_t kDefaultSimilar = 6;
constexpr std::size_t kMaxSimilar = 20;

}  // namespace

SearchRequest search_request_from(const QueryParams& params) {
    params.require_only({"q", "pillar", "status", "section", "tag", "limit", "offset", "explain"});
    SearchRequest request;
    request.query = params.get("q").value_or("");
    if (request.query.size() > kMaxQueryBytes) {
        throw SearchError(ErrorKind::kBadRequest, "q is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    }
    request.pillars = params.get_list("pillar");
    request.statuses = params.get_list("status");
    request.sections = params.get_list("section");
    request.tags = params.get_list("tag");
    request.limit = params.get_count("limit", kDefaultLimit, kMaxLimit);
    request.offset = params.get_count("offset", 0, kMaxOffset);
    request.explain = params.get_flag("explain");
    return request;
}

nlohmann::json get_search(SearcherPool& searchers, const QueryParams& params) {
    const SearchRequest request = search_request_from(params);
    auto searcher = searchers.acquire();
    return to_json(searcher->search(request), request.explain);
}

nlohmann::json get_pattern(SearcherPool& searchers, std::string_view id, const QueryParams& params) {
    params.require_only({});
    if (schema::slugify(id) != id)
        throw SearchError(ErrorKind::kNotFound, "no pattern with id '" + std::string(id) + "'");
    auto searcher = searchers.acquire();
    nlohmann::json pattern = to_json(searcher->pattern(id));
    add_used_in(*searcher, id, pattern);
    return pattern;
}

nlohmann::json get_similar(SearcherPool& searchers, std::string_view id, const QueryParams& params) {
    params.require_only({"limit"});
    if (schema::slugify(id) != id)
        throw SearchError(ErrorKind::kNotFound, "no pattern with id '" + std::string(id) + "'");
    const std::size_t limit = params.get_count("limit", kDefaultSimilar, kMaxSimilar);
    auto searcher = searchers.acquire();
    return {{"id", id}, {"similar", to_json(searcher->similar(id, limit))}};
}

nlohmann::json get_suggest(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({"q", "limit"});
    const std::string query = params.get("q").value_or("");
    if (query.size() > kMaxQueryBytes) throw SearchError(ErrorKind::kBadRequest, "q is too long");
    const std::size_t limit = params.get_count("limit", kDefaultSuggestions, kMaxSuggestions);
    auto searcher = searchers.acquire();
    return {{"query", query}, {"suggestions", to_json(searcher->suggest(query, limit))}};
}

nlohmann::json get_facets(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({});
    auto searcher = searchers.acquire();
    return {{"facets", to_json(searcher->facets())}, {"patterns", searcher->stats().patterns}};
}

nlohmann::json get_pillars(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({});
    auto searcher = searchers.acquire();
    auto pillars = nlohmann::json::array();
    for (const auto& pillar : searcher->pillars()) {
        SearchRequest browse;
        browse.pillars = {pillar.id};
        browse.limit = 0;
        const auto result = searcher->search(browse);
        nlohmann::json by_status = nlohmann::json::object();
        for (auto status : schema::kStatuses) by_status[std::string(status)] = 0;
        for (const auto& value : result.facets.status) by_status[value.value] = value.count;
        nlohmann::json item = pillar;
        item["patterns"] = result.total;
        item["by_status"] = std::move(by_status);
        pillars.push_back(std::move(item));
    }
    return {{"pillars", std::move(pillars)}};
}

nlohmann::json get_health(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({});
    auto searcher = searchers.acquire();
    const IndexStats stats = searcher->stats();
    return {{"status", "ok"},
            {"patterns", stats.patterns},
            {"sections", stats.sections},
            {"generation", stats.generation},
            {"built_at", stats.built_at}};
}

}  // namespace pai
