/** @file
 *  @brief The case study, reading path and pattern graph endpoints.
 */
#include "library_handlers.h"

#include <algorithm>

#include "guide_store.h"
#include "result_json.h"
#include "schema.h"
#include "search_error.h"
#include "search_types.h"

namespace pai {
namespace {

nlohmann::json summary(const CaseStudy& study) {
    return {{"id", study.id},           {"title", study.title},
            {"organisation", study.organisation}, {"subject", study.subject},
            {"description", study.description},   {"patterns", study.patterns}};
}

}  // namespace

nlohmann::json get_case_studies(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({"q", "limit"});
    const std::string query = params.get("q").value_or("");
    if (query.size() > kMaxQueryBytes)
        throw SearchError(ErrorKind::kBadRequest, "q is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    const std::size_t limit = params.get_count("limit", kDefaultCaseStudies, kMaxCaseStudies);
    auto searcher = searchers.acquire();
    const auto studies = stored_case_studies(*searcher);
    auto list = nlohmann::json::array();
    if (query.find_first_not_of(' ') == std::string::npos) {
        for (const auto& study : studies) {
            if (list.size() < limit) list.push_back(summary(study));
        }
    } else {
        for (const auto& id : searcher->case_study_ids(query, limit)) {
            const auto found = std::find_if(studies.begin(), studies.end(), [&](const CaseStudy& c) { return c.id == id; });
            if (found != studies.end()) list.push_back(summary(*found));
        }
    }
    return {{"case_studies", std::move(list)}};
}

nlohmann::json get_case_study(SearcherPool& searchers, std::string_view id, const QueryParams& params) {
    params.require_only({});
    if (schema::slugify(id) != id)
        throw SearchError(ErrorKind::kNotFound, "no case study with id '" + std::string(id) + "'");
    auto searcher = searchers.acquire();
    return stored_case_study(*searcher, id);
}

nlohmann::json get_paths(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({});
    auto searcher = searchers.acquire();
    return {{"paths", stored_paths(*searcher)}};
}

nlohmann::json get_graph(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({});
    auto searcher = searchers.acquire();
    return to_json(searcher->graph());
}

void add_used_in(Searcher& searcher, std::string_view id, nlohmann::json& pattern_json) {
    auto studies = nlohmann::json::array();
    for (const auto& study : stored_case_studies(searcher)) {
        if (std::find(study.patterns.begin(), study.patterns.end(), id) != study.patterns.end())
            studies.push_back({{"id", study.id}, {"title", study.title}, {"organisation", study.organisation}});
    }
    auto paths = nlohmann::json::array();
    for (const auto& path : stored_paths(searcher)) {
        for (std::size_t i = 0; i < path.steps.size(); ++i) {
            if (path.steps[i].pattern != id) continue;
            paths.push_back({{"id", path.id}, {"title", path.title}, {"step", i + 1}, {"why", path.steps[i].why}});
        }
    }
    pattern_json["case_studies"] = std::move(studies);
    pattern_json["paths"] = std::move(paths);
}

}  // namespace pai
