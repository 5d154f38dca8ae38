/** @file
 *  @brief The Decision Guide's ranking: from a reader's answers to ranked patterns, each with the reasons it
 *  was picked and its "When NOT to Use It" caveat, plus the patterns the answers rule out and why.
 */
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "guide_types.h"
#include "searcher.h"

namespace pai {

inline constexpr std::size_t kDefaultRecommendations = 8;
inline constexpr std::size_t kMaxRecommendations = 20;

/// (question id, answer id)
using AnswerChoice = std::pair<std::string, std::string>;

struct ChosenAnswer {
    std::string question;
    std::string answer;
    std::string question_text;
    std::string label;
};

struct Recommendation {
    std::string id;
    std::string title;
    std::string description;
    std::string pillar;
    std::string status;
    double score = 0;
    std::vector<std::string> reasons;  ///< why it was picked, strongest first
    std::string caveat;                ///< the start of its "When NOT to Use It" section, plain text
};

struct RuledOutPattern {
    std::string id;
    std::string title;
    std::string pillar;
    std::string status;
    std::vector<std::string> reasons;
};

struct Recommendations {
    std::vector<ChosenAnswer> answers;  ///< in the guide's question order
    std::vector<Recommendation> recommendations;
    std::vector<RuledOutPattern> ruled_out;
};

/// Ranks patterns for @p answers: each answer's favoured patterns score by position and by its question's
/// weight, its query's top hits score by rank, and a pattern any answer rules out is never recommended.
/// Ties go to the more mature pattern. @throws SearchError(kBadRequest) for an unknown question or answer, or
/// a question answered twice.
Recommendations recommend(const DecisionGuide& guide, const std::vector<AnswerChoice>& answers, Searcher& searcher,
                          std::size_t limit = kDefaultRecommendations);

/// The first sentence or two of @p view's "When NOT to Use It" section (its first bullet), as plain text with
/// Markdown emphasis removed; inline code such as `fallback-chain` keeps its backticks.
std::string caveat_of(const PatternView& view);

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ChosenAnswer, question, answer, question_text, label)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Recommendation, id, title, description, pillar, status, score, reasons,
                                                caveat)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RuledOutPattern, id, title, pillar, status, reasons)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Recommendations, answers, recommendations, ruled_out)

}  // namespace pai
