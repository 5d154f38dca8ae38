/** @file
 *  @brief The latent space's fit: words used together land together, what it learns from, and that the same
 *  corpus always gives the same space.
 */
#include "latent_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <deque>
#include <set>
#include <string>
#include <vector>

namespace pai {
namespace {

/// Patterns built in memory; the sections' sources live as long as the corpus.
class LatentCorpus {
public:
    void add(const std::string& id, const std::string& description, const std::string& problem,
             const std::string& example = "") {
        ResolvedPattern pattern;
        pattern.meta.id = id;
        pattern.meta.description = description;
        pattern.sections.push_back({"problem", "The Problem It Solves", &source(problem), {}});
        pattern.sections.push_back({"implementation", "Implementation Example", &source(example), {}});
        patterns_.push_back(std::move(pattern));
    }
    const std::vector<ResolvedPattern>& patterns() const { return patterns_; }

private:
    const MarkdownSection& source(const std::string& prose) {
        sources_.push_back(MarkdownSection{});
        sources_.back().prose = prose;
        return sources_.back();
    }
    std::deque<MarkdownSection> sources_;  // stable addresses
    std::vector<ResolvedPattern> patterns_;
};

double cosine(const LatentVector& a, const LatentVector& b) {
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    return dot / std::sqrt(na * nb);
}

/// Patterns on four topics, eight each, every one using four of its topic's six words and a word of its own:
/// more patterns than the space has dimensions, so it must generalize. Of the spend words, "invoice" is the
/// first, so patterns 3 to 7 of that topic never say it.
LatentCorpus four_topics() {
    const std::vector<std::vector<std::string>> topics{{"invoice", "spend", "budget", "bill", "cost", "finance"},
                                                       {"timeout", "retry", "deadline", "hang", "backoff", "outage"},
                                                       {"schema", "json", "parse", "field", "validate", "format"},
                                                       {"graph", "node", "edge", "traverse", "entity", "relation"}};
    // Sixteen patterns per topic: more patterns than the space has dimensions by default.
    const std::vector<std::string> own{"alpha", "bravo",  "charlie", "delta", "echo", "foxtrot",  "golf",  "hotel",
                                       "india", "juliet", "kilo",    "lima",  "mike", "november", "oscar", "papa"};
    LatentCorpus corpus;
    for (std::size_t topic = 0; topic < topics.size(); ++topic) {
        for (std::size_t i = 0; i < own.size(); ++i) {
            std::string words = own[i] + std::to_string(topic);
            for (std::size_t j = 0; j < 4; ++j) words += " " + topics[topic][(i + j) % topics[topic].size()];
            corpus.add(topics[topic][1] + "-" + std::to_string(i), "", words);
        }
    }
    return corpus;
}

TEST(LatentModel, AWordLandsNearPatternsThatUseItsCompanionsWithoutUsingIt) {
    const auto corpus = four_topics();
    // A space of as many dimensions as topics keeps what the topics share and drops what each pattern says.
    const LatentModel model = fit_latent_model(corpus.patterns(), 4);
    ASSERT_FALSE(model.empty());
    const auto& invoice = model.terms.at("invoic");
    // spend-1 never says "invoice" but shares its company (spend, budget, bill...); the other topics do not.
    ASSERT_EQ(corpus.patterns()[1].meta.id, "spend-1");
    EXPECT_EQ(corpus.patterns()[1].sections.front().source->prose.find("invoice"), std::string::npos);
    EXPECT_GT(cosine(invoice, model.patterns.at("spend-1")), 0.3);
    for (const std::string other : {"retry-1", "json-1", "node-1"}) {
        EXPECT_LT(cosine(invoice, model.patterns.at(other)), 0.1) << other;
        EXPECT_GT(cosine(invoice, model.patterns.at("spend-1")), cosine(invoice, model.patterns.at(other)) + 0.3);
    }
}

/// A few patterns with distinct vocabularies.
LatentCorpus spend_and_timeouts() {
    LatentCorpus corpus;
    corpus.add("invoice-pattern", "budget spend invoice", "the monthly invoice shows spend over budget");
    corpus.add("spend-pattern", "budget spend alerts", "spend grows past the budget every month");
    corpus.add("timeout-pattern", "timeout retry", "calls hang until the timeout and retry storms follow");
    corpus.add("deadline-pattern", "deadline timeout", "a deadline per call stops the timeout piling up");
    corpus.add("schema-pattern", "schema validation", "structured output breaks the schema");
    return corpus;
}

TEST(LatentModel, LearnsFromDescriptiveTextButNotFromExamples) {
    LatentCorpus corpus = spend_and_timeouts();
    corpus.add("example-only", "unrelated words", "nothing here", "kubernetes kubernetes kubernetes");
    const LatentModel model = fit_latent_model(corpus.patterns());
    EXPECT_FALSE(model.terms.contains("kubernet"));
    EXPECT_TRUE(model.terms.contains("unrel"));
    EXPECT_FALSE(model.terms.contains("the")) << "stop words carry no meaning";
}

TEST(LatentModel, StemsEveryPatternUsesAreLeftOut) {
    LatentCorpus corpus;
    corpus.add("a", "model spend", "model budget");
    corpus.add("b", "model timeout", "model retry");
    corpus.add("c", "model schema", "model output");
    const LatentModel model = fit_latent_model(corpus.patterns());
    EXPECT_FALSE(model.terms.contains("model")) << "a stem in every pattern tells none apart";
    EXPECT_TRUE(model.terms.contains("spend"));
}

TEST(LatentModel, TheSameCorpusGivesTheSameSpace) {
    const auto corpus = spend_and_timeouts();
    const LatentModel first = fit_latent_model(corpus.patterns());
    const LatentModel second = fit_latent_model(corpus.patterns());
    EXPECT_EQ(first.id, second.id);
    EXPECT_EQ(first.patterns, second.patterns);
    EXPECT_EQ(first.terms, second.terms);

    LatentCorpus other = spend_and_timeouts();
    other.add("extra-pattern", "graph traversal", "multi hop questions over a graph");
    EXPECT_NE(fit_latent_model(other.patterns()).id, first.id);
}

TEST(LatentModel, HasNoMoreDimensionsThanTheCorpusCanGive) {
    const auto small = fit_latent_model(spend_and_timeouts().patterns());
    EXPECT_LE(small.terms.begin()->second.size(), 5u) << "five patterns span at most five dimensions";
    const auto large = fit_latent_model(four_topics().patterns());
    EXPECT_EQ(large.terms.begin()->second.size(), kLatentRank);
    for (const auto* model : {&small, &large}) {
        for (const auto& [id, vector] : model->patterns) {
            EXPECT_EQ(vector.size(), model->terms.begin()->second.size()) << id;
        }
    }
}

TEST(LatentModel, OnePatternOrNoWordsGiveNoSpace) {
    LatentCorpus one;
    one.add("only", "budget spend", "spend over budget");
    EXPECT_TRUE(fit_latent_model(one.patterns()).empty());

    LatentCorpus silent;
    silent.add("a", "", "");
    silent.add("b", "", "");
    EXPECT_TRUE(fit_latent_model(silent.patterns()).empty());
    EXPECT_TRUE(fit_latent_model({}).empty());
}

}  // namespace
}  // namespace pai
