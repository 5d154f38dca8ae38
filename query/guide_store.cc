/** @file
 *  @brief Guide metadata decoding; corrupt metadata is an internal error, missing metadata is "not found".
 */
#include "guide_store.h"

#include <algorithm>

#include "search_error.h"
#include "stored_document.h"

namespace pai {
namespace {

template <typename T>
T decode(const std::string& stored, std::string_view key) {
    try {
        return nlohmann::json::parse(stored).get<T>();
    } catch (const nlohmann::json::exception& e) {
        throw SearchError(ErrorKind::kInternal, "corrupt index metadata '" + std::string(key) + "': " + e.what());
    }
}

}  // namespace

std::vector<Guide> stored_guides(Searcher& searcher) {
    const std::string stored = searcher.metadata(meta_key::kGuides);
    if (stored.empty()) return {};
    return decode<std::vector<Guide>>(stored, meta_key::kGuides);
}

Guide stored_guide(Searcher& searcher, std::string_view id) {
    auto guides = stored_guides(searcher);
    const auto found = std::find_if(guides.begin(), guides.end(), [&](const Guide& g) { return g.id == id; });
    if (found == guides.end()) throw SearchError(ErrorKind::kNotFound, "no guide with id '" + std::string(id) + "'");
    return std::move(*found);
}

std::vector<CaseStudy> stored_case_studies(Searcher& searcher) {
    const std::string stored = searcher.metadata(meta_key::kCaseStudies);
    if (stored.empty()) return {};
    return decode<std::vector<CaseStudy>>(stored, meta_key::kCaseStudies);
}

CaseStudy stored_case_study(Searcher& searcher, std::string_view id) {
    auto studies = stored_case_studies(searcher);
    const auto found = std::find_if(studies.begin(), studies.end(), [&](const CaseStudy& c) { return c.id == id; });
    if (found == studies.end())
        throw SearchError(ErrorKind::kNotFound, "no case study with id '" + std::string(id) + "'");
    return std::move(*found);
}

std::vector<ReadingPath> stored_paths(Searcher& searcher) {
    const std::string stored = searcher.metadata(meta_key::kPaths);
    if (stored.empty()) return {};
    return decode<std::vector<ReadingPath>>(stored, meta_key::kPaths);
}

DecisionGuide stored_decision_guide(Searcher& searcher) {
    const std::string stored = searcher.metadata(meta_key::kDecisionGuide);
    if (stored.empty()) throw SearchError(ErrorKind::kNotFound, "this index has no decision guide");
    return decode<DecisionGuide>(stored, meta_key::kDecisionGuide);
}

}  // namespace pai
