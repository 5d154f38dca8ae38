#include "recommender.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_index.h"
#include "guide_store.h"
#include "search_error.h"
#include "test_support.h"

namespace pai {
namespace {

std::vector<std::string> ids(const std::vector<Recommendation>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.id);
    return out;
}

/// Recommendations over an index of the fixture corpus and its Decision Guide.
class Recommender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new test::TempDir();
        test::index_corpus_with_guides(test::fixtures_dir() / "corpus", temp_->path() / "index");
        searcher_ = new Searcher(temp_->path() / "index");
        guide_ = new DecisionGuide(stored_decision_guide(*searcher_));
    }
    static void TearDownTestSuite() {
        delete guide_;
        delete searcher_;
        delete temp_;
    }
    static Recommendations run(const std::vector<AnswerChoice>& answers) {
        return recommend(*guide_, answers, *searcher_);
    }

    static test::TempDir* temp_;
    static Searcher* searcher_;
    static DecisionGuide* guide_;
};
test::TempDir* Recommender::temp_ = nullptr;
Searcher* Recommender::searcher_ = nullptr;
DecisionGuide* Recommender::guide_ = nullptr;

TEST_F(Recommender, FavouredPatternsRankInTheOrderTheAnswerListsThem) {
    const auto result = run({{"pain", "outages"}});
    EXPECT_EQ(ids(result.recommendations), (std::vector<std::string>{"circuit-breaker", "retry-with-backoff"}));
    EXPECT_GT(result.recommendations[0].score, result.recommendations[1].score);
    EXPECT_EQ(result.recommendations[0].reasons, std::vector<std::string>{"outages hurt most"});
    EXPECT_EQ(result.recommendations[0].title, "Circuit Breaker");
    EXPECT_EQ(result.recommendations[0].status, "validated-in-production");
    ASSERT_EQ(result.answers.size(), 1u);
    EXPECT_EQ(result.answers[0].label, "Outages");
    EXPECT_EQ(result.answers[0].question_text, "What hurts most?");
}

TEST_F(Recommender, QuestionWeightLetsTheHeavierAnswerLead) {
    // pain (weight 2) favours token-budget; input (weight 1) favours input-sanitization at the same position.
    const auto result = run({{"input", "free-text"}, {"pain", "cost"}});
    ASSERT_GE(result.recommendations.size(), 2u);
    EXPECT_EQ(result.recommendations[0].id, "token-budget");
    EXPECT_EQ(result.answers[0].question, "pain");  // answers come back in the guide's order
}

TEST_F(Recommender, ReasonsFromSeveralAnswersAddUp) {
    const auto result = run({{"pain", "cost"}, {"budget", "limit"}});
    ASSERT_FALSE(result.recommendations.empty());
    const auto& top = result.recommendations[0];
    EXPECT_EQ(top.id, "token-budget");
    EXPECT_EQ(top.reasons, (std::vector<std::string>{"cost hurts most", "spending is capped"}));
}

TEST_F(Recommender, AnswerQueryAddsItsHitsWithTheSameReason) {
    // "monthly bill" appears only in token-budget, which the cost answer also favours: one reason, more
    // score.
    const auto with_query = run({{"pain", "cost"}});
    ASSERT_EQ(ids(with_query.recommendations), std::vector<std::string>{"token-budget"});
    EXPECT_EQ(with_query.recommendations[0].reasons, std::vector<std::string>{"cost hurts most"});
    EXPECT_GT(with_query.recommendations[0].score, 2 * 3.0);
}

TEST_F(Recommender, RuleOutRemovesAPatternWhateverFavouredIt) {
    const auto result = run({{"pain", "outages"}, {"traffic", "low"}});
    EXPECT_EQ(ids(result.recommendations), std::vector<std::string>{"retry-with-backoff"});
    ASSERT_EQ(result.ruled_out.size(), 1u);
    EXPECT_EQ(result.ruled_out[0].id, "circuit-breaker");
    EXPECT_EQ(result.ruled_out[0].title, "Circuit Breaker");
    EXPECT_EQ(result.ruled_out[0].reasons,
              std::vector<std::string>{"The breaker's window never fills at low traffic."});
}

TEST_F(Recommender, EveryRecommendationCarriesItsWhenNotToUseCaveat) {
    const auto result = run({{"pain", "outages"}});
    EXPECT_EQ(result.recommendations[0].caveat,
              "Do not use it for a single batch job; use `retry-with-backoff` instead.");
    EXPECT_EQ(result.recommendations[1].caveat,
              "Not for validation errors that will fail again; use `circuit-breaker` for sustained outages.");
}

TEST_F(Recommender, LimitCutsTheList) {
    EXPECT_EQ(recommend(*guide_, {{"pain", "outages"}}, *searcher_, 1).recommendations.size(), 1u);
}

TEST_F(Recommender, AnswerWithNoEffectRecommendsNothing) {
    const auto result = run({{"input", "none"}});
    EXPECT_TRUE(result.recommendations.empty());
    EXPECT_TRUE(result.ruled_out.empty());
    EXPECT_EQ(result.answers.size(), 1u);
}

TEST_F(Recommender, UnknownOrRepeatedAnswersAreBadRequests) {
    for (const std::vector<AnswerChoice>& answers : std::vector<std::vector<AnswerChoice>>{
             {{"nope", "outages"}}, {{"pain", "nope"}}, {{"pain", "outages"}, {"pain", "cost"}}}) {
        try {
            run(answers);
            ADD_FAILURE() << "accepted " << answers[0].first << ":" << answers[0].second;
        } catch (const SearchError& e) {
            EXPECT_EQ(e.kind(), ErrorKind::kBadRequest) << e.what();
        }
    }
}

TEST_F(Recommender, TiesGoToTheMoreMaturePattern) {
    // Two answers of weight 1 favour one pattern each, first in their lists: equal scores. token-budget is
    // made emerging and retry-with-backoff proposed, so maturity and id order disagree.
    test::TempDir temp;
    const auto corpus = test::copy_fixture_corpus(temp.path());
    auto edit = [](const std::filesystem::path& file, const std::string& from, const std::string& to) {
        std::string text = test::read_file(file);
        text.replace(text.find(from), from.size(), to);
        test::write_file(file, text);
    };
    edit(corpus / "patterns/cost-and-efficiency/token-budget.md", "status: proposed", "status: emerging");
    edit(corpus / "patterns/cost-and-efficiency/token-budget.md", "evidence: []",
         "evidence:\n  - title: A write-up\n    url: https://example.org/tb");
    edit(corpus / "patterns/reliability/retry-with-backoff.md", "status: emerging", "status: proposed");
    test::index_corpus_with_guides(corpus, temp.path() / "index");
    Searcher searcher(temp.path() / "index");
    DecisionGuide guide = stored_decision_guide(searcher);
    guide.questions[2].answers[0].favour = {"retry-with-backoff"};  // input: free-text
    const auto result = recommend(guide, {{"input", "free-text"}, {"budget", "limit"}}, searcher);
    EXPECT_EQ(ids(result.recommendations), (std::vector<std::string>{"token-budget", "retry-with-backoff"}));
    EXPECT_DOUBLE_EQ(result.recommendations[0].score, result.recommendations[1].score);
}

PatternView view_with_caveat(const std::string& markdown) {
    PatternView view;
    view.sections.push_back({"when-not-to-use", "When NOT to Use It", markdown, "", 1, 5});
    return view;
}

TEST(Caveat, FirstBulletWithEmphasisRemovedAndWrappedLinesJoined) {
    const auto view = view_with_caveat(
        "## When NOT to Use It\n\n- **You only call hosted APIs.** The provider's engine already does this "
        "and you\n"
        "  cannot change it; use `provider-concurrency-limiter`.\n- Second case.\n");
    EXPECT_EQ(caveat_of(view),
              "You only call hosted APIs. The provider's engine already does this and you cannot "
              "change it; use `provider-concurrency-limiter`.");
}

TEST(Caveat, OneLongSentenceIsEnough) {
    const std::string first =
        "Offline batch or back-office jobs with no user waiting and no alternative path to fall back on.";
    const auto view = view_with_caveat("## When NOT to Use It\n\n- " + first + " Failing fast gains nothing.\n");
    EXPECT_EQ(caveat_of(view), first);
}

TEST(Caveat, ShortFirstSentenceTakesTheNextOneToo) {
    const auto view = view_with_caveat("## When NOT to Use It\n\n* Low traffic. The window never fills. Third.\n");
    EXPECT_EQ(caveat_of(view), "Low traffic. The window never fills.");
}

TEST(Caveat, ParagraphWhenThereIsNoListAndEmptyWithoutTheSection) {
    EXPECT_EQ(caveat_of(view_with_caveat("## When NOT to Use It\n\nNever for e.g. tiny jobs.\n")),
              "Never for e.g. tiny jobs.");
    EXPECT_EQ(caveat_of(PatternView{}), "");
}

}  // namespace
}  // namespace pai
