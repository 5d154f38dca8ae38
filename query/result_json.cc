/** @file
 *  @brief JSON rendering of search results, pattern views and suggestions.
 */
#include "result_json.h"

namespace pai {
namespace {

nlohmann::json facet_list(const std::vector<FacetValue>& values) {
    auto list = nlohmann::json::array();
    for (const auto& v : values) list.push_back({{"value", v.value}, {"count", v.count}});
    return list;
}

nlohmann::json hit_json(const Hit& hit, bool explain) {
    nlohmann::json out{{"id", hit.id},
                       {"title", hit.title},
                       {"description", hit.description},
                       {"pillar", hit.pillar},
                       {"status", hit.status},
                       {"tags", hit.tags},
                       {"section", hit.section},
                       {"section_title", hit.section_title},
                       {"snippet", hit.snippet},
                       {"score", hit.score},
                       {"path", hit.path},
                       {"line", hit.line},
                       {"line_end", hit.line_end}};
    if (!hit.symptom.empty()) out["symptom"] = hit.symptom;
    if (explain) {
        nlohmann::json sections = nlohmann::json::object();
        for (const auto& match : hit.matched_sections) sections[match.section] = match.terms;
        out["explain"] = {{"matched_terms", hit.matched_terms},
                          {"sections", std::move(sections)},
                          {"latent_similarity", hit.latent_similarity}};
    }
    return out;
}

}  // namespace

nlohmann::json to_json(const Facets& facets) {
    return {{"pillar", facet_list(facets.pillar)},
            {"status", facet_list(facets.status)},
            {"section", facet_list(facets.section)}};
}

nlohmann::json to_json(const SearchResult& result, bool explain) {
    auto hits = nlohmann::json::array();
    for (const auto& hit : result.hits) hits.push_back(hit_json(hit, explain));
    nlohmann::json out{{"query", result.query},
                       {"total", result.total},
                       {"took_ms", result.took_ms},
                       {"hits", std::move(hits)},
                       {"facets", to_json(result.facets)}};
    if (result.did_you_mean) out["did_you_mean"] = *result.did_you_mean;
    if (result.partial) out["partial"] = true;
    return out;
}

nlohmann::json to_json(const PatternView& view) {
    nlohmann::json out = view.meta;
    auto sections = nlohmann::json::array();
    for (const auto& s : view.sections) {
        sections.push_back({{"id", s.id},
                            {"title", s.title},
                            {"markdown", s.markdown},
                            {"html", s.html},
                            {"line", s.line},
                            {"line_end", s.line_end}});
    }
    out["sections"] = std::move(sections);
    return out;
}

nlohmann::json to_json(const std::vector<Suggestion>& suggestions) {
    auto list = nlohmann::json::array();
    for (const auto& s : suggestions) {
        nlohmann::json item{{"text", s.text}, {"kind", s.kind}};
        if (!s.id.empty()) item["id"] = s.id;
        list.push_back(std::move(item));
    }
    return list;
}

nlohmann::json to_json(const std::vector<PillarInfo>& pillars) {
    return pillars;
}

nlohmann::json to_json(const std::vector<SimilarPattern>& similar) {
    auto list = nlohmann::json::array();
    for (const auto& s : similar) {
        list.push_back({{"id", s.id},
                        {"title", s.title},
                        {"description", s.description},
                        {"pillar", s.pillar},
                        {"status", s.status},
                        {"score", s.score},
                        {"related", s.related}});
    }
    return list;
}

nlohmann::json to_json(const PatternGraph& graph) {
    auto nodes = nlohmann::json::array();
    for (const auto& n : graph.nodes) {
        nodes.push_back({{"id", n.id},
                         {"title", n.title},
                         {"description", n.description},
                         {"pillar", n.pillar},
                         {"status", n.status}});
    }
    auto edges = nlohmann::json::array();
    for (const auto& e : graph.edges) edges.push_back({{"source", e.source}, {"target", e.target}});
    return {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

}  // namespace pai
