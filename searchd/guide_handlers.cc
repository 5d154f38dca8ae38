/** @file
 *  @brief The guide and Decision Guide endpoints.
 */
#include "guide_handlers.h"

#include "guide_store.h"
#include "schema.h"
#include "search_error.h"

namespace pai {

std::vector<AnswerChoice> answers_from(const QueryParams& params) {
    std::vector<AnswerChoice> answers;
    for (const auto& pair : params.get_list("answers")) {
        const auto colon = pair.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == pair.size()) {
            throw SearchError(ErrorKind::kBadRequest, "each answer must be question:answer, got '" + pair + "'");
        }
        answers.emplace_back(pair.substr(0, colon), pair.substr(colon + 1));
    }
    if (answers.empty()) throw SearchError(ErrorKind::kBadRequest, "answers must name at least one question:answer");
    return answers;
}

nlohmann::json get_guides(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({});
    auto searcher = searchers.acquire();
    auto list = nlohmann::json::array();
    for (const auto& guide : stored_guides(*searcher)) {
        list.push_back(
            {{"id", guide.id}, {"title", guide.title}, {"description", guide.description}, {"path", guide.path}});
    }
    return {{"guides", std::move(list)}};
}

nlohmann::json get_guide(SearcherPool& searchers, std::string_view id, const QueryParams& params) {
    params.require_only({});
    if (schema::slugify(id) != id)
        throw SearchError(ErrorKind::kNotFound, "no guide with id '" + std::string(id) + "'");
    auto searcher = searchers.acquire();
    return stored_guide(*searcher, id);
}

nlohmann::json get_decision_guide(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({});
    auto searcher = searchers.acquire();
    return stored_decision_guide(*searcher);
}

nlohmann::json get_recommend(SearcherPool& searchers, const QueryParams& params) {
    params.require_only({"answers", "limit"});
    const auto answers = answers_from(params);
    const std::size_t limit = params.get_count("limit", kDefaultRecommendations, kMaxRecommendations);
    auto searcher = searchers.acquire();
    return recommend(stored_decision_guide(*searcher), answers, *searcher, limit);
}

}  // namespace pai
