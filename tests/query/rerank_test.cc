/** @file
 *  @brief The coordination rerank: coverage of the query's words in a pattern's descriptive sections, the
 *  reordering of the best patterns by it, and the per-word queries the builder gives it.
 */
#include "rerank.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "query_builder.h"
#include "related_graph.h"
#include "schema.h"

namespace pai {
namespace {

/// An in-memory index of section documents, each with a pattern id, a section id and some words.
class CoverageIndex : public ::testing::Test {
protected:
    void add(const std::string& pattern, const std::string& section, std::initializer_list<std::string> words) {
        Xapian::Document doc;
        for (const auto& word : words) doc.add_term(word);
        doc.add_boolean_term(schema::boolean_term(schema::kPrefixPattern, pattern));
        doc.add_boolean_term(schema::boolean_term(schema::kPrefixSection, section));
        doc.add_value(schema::kSlotPatternId, pattern);
        db_.add_document(doc);
    }

    static std::vector<Xapian::Query> words(std::initializer_list<std::string> terms) {
        std::vector<Xapian::Query> out;
        for (const auto& term : terms) out.emplace_back(term);
        return out;
    }

    /// A new cache over the index as it is now (documents are added in each test).
    ReadCache& reads() { return reads_.emplace(db_); }

    Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
    std::optional<ReadCache> reads_;
};

std::vector<std::string> ids(const std::vector<RankedPattern>& ranked) {
    std::vector<std::string> out;
    for (const auto& pattern : ranked) out.push_back(pattern.id);
    return out;
}

TEST_F(CoverageIndex, CoverageIsTheShareOfWordsMatchedInDescriptiveSections) {
    add("both", "problem", {"timeout", "bill"});
    add("one", "what-it-is", {"timeout"});
    add("none", "how-it-works", {"other"});
    const auto coverage =
        word_coverage(reads(), words({"timeout", "bill"}), {{"both", 1, 1}, {"one", 1, 2}, {"none", 1, 3}});
    EXPECT_EQ(coverage, (std::vector<double>{1.0, 0.5, 0.0}));
}

TEST_F(CoverageIndex, WordsOnlyInExamplesToolsOrReadingDoNotCount) {
    add("p", "problem", {"timeout"});
    add("p", "implementation", {"bill"});
    add("p", "tool-landscape", {"bill"});
    add("p", "further-reading", {"bill"});
    EXPECT_EQ(word_coverage(reads(), words({"timeout", "bill"}), {{"p", 1, 1}}), (std::vector<double>{0.5}));
}

TEST_F(CoverageIndex, EveryPatternIsFullyCoveredWhenThereAreNoWords) {
    add("p", "problem", {"timeout"});
    EXPECT_EQ(word_coverage(reads(), {}, {{"p", 1, 1}, {"q", 1, 2}}), (std::vector<double>{1.0, 1.0}));
}

TEST_F(CoverageIndex, PatternMatchingMoreWordsOutranksOneMatchingAWordManyTimes) {
    add("repeats", "problem", {"timeout"});
    add("repeats", "when-to-use", {"timeout"});
    add("covers", "problem", {"timeout", "bill"});
    const std::vector<RankedPattern> ranked{{"repeats", 10, 1}, {"covers", 8, 3}};
    const auto page = rerank_best_patterns(reads(), {words({"timeout", "bill"})}, ranked, 0, 10);
    EXPECT_EQ(ids(page), (std::vector<std::string>{"covers", "repeats"}));
    EXPECT_DOUBLE_EQ(page[0].score, 8);
    EXPECT_DOUBLE_EQ(page[1].score, covered_score(10, 0.5));
}

TEST_F(CoverageIndex, FullCoverageKeepsTheScoreAndLessLowersIt) {
    EXPECT_DOUBLE_EQ(covered_score(7, 1), 7);
    EXPECT_LT(covered_score(7, 0.5), 7);
    EXPECT_LT(covered_score(7, 0.25), covered_score(7, 0.5));
    EXPECT_DOUBLE_EQ(covered_score(7, 0), 0);
}

TEST_F(CoverageIndex, PageIsCutAfterTheRerankAndLaterPatternsKeepTheirOrder) {
    std::vector<RankedPattern> ranked;
    for (std::size_t i = 0; i < kRerankDepth + 5; ++i) {
        const std::string id = "p" + std::to_string(100 + i);
        add(id, "problem", {"timeout"});
        ranked.push_back({id, 1000.0 - static_cast<double>(i), static_cast<Xapian::docid>(i + 1)});
    }
    add("p101", "problem", {"bill"});  // the second pattern alone covers both words
    const auto all = rerank_best_patterns(reads(), {words({"timeout", "bill"})}, ranked, 0, ranked.size());
    ASSERT_EQ(all.size(), ranked.size());
    EXPECT_EQ(all[0].id, "p101");
    for (std::size_t i = kRerankDepth; i < ranked.size(); ++i) {
        EXPECT_EQ(all[i].id, ranked[i].id);
        EXPECT_DOUBLE_EQ(all[i].score, ranked[i].score);
    }
    const auto page = rerank_best_patterns(reads(), {words({"timeout", "bill"})}, ranked, 1, 2);
    EXPECT_EQ(ids(page), (std::vector<std::string>{all[1].id, all[2].id}));
    EXPECT_TRUE(rerank_best_patterns(reads(), {words({"timeout"})}, ranked, 0, 0).empty());
}

TEST_F(CoverageIndex, APatternLinkedToABetterOneGainsAShareOfItsScore) {
    for (const std::string id : {"answer", "linked", "unlinked", "linked-to-absent"}) add(id, "problem", {"bill"});
    RelatedGraph related;
    related.link("answer", "linked");
    related.link("linked-to-absent", "not-among-the-best");
    const std::vector<RankedPattern> ranked{
        {"answer", 10, 1}, {"unlinked", 5, 3}, {"linked-to-absent", 5, 4}, {"linked", 4, 2}};
    const auto page = rerank_best_patterns(reads(), {words({"bill"}), {}, &related}, ranked, 0, 10);
    EXPECT_EQ(ids(page), (std::vector<std::string>{"answer", "linked", "linked-to-absent", "unlinked"}));
    EXPECT_GT(page[1].score, 4) << "the link lifted it past the unlinked patterns";
    EXPECT_LT(page[1].score, page[0].score) << "but not past the pattern that lifted it";
    EXPECT_GT(page[0].score, 10) << "links work both ways: the answer is lifted by its neighbour too";
    EXPECT_DOUBLE_EQ(page[3].score, 5);
    EXPECT_DOUBLE_EQ(page[2].score, 5) << "a link to a pattern outside the best lifts nothing";

    const auto without = rerank_best_patterns(reads(), {words({"bill"})}, ranked, 0, 10);
    EXPECT_EQ(ids(without), (std::vector<std::string>{"answer", "linked-to-absent", "unlinked", "linked"}));
}

TEST_F(CoverageIndex, BuilderGivesOneQueryPerDistinctWordWithoutStopWords) {
    add("p", "problem", {"timeout"});
    QueryBuilder builder(db_);
    SearchRequest request;
    request.query = "the bill and the timeout, our bill";
    const auto queries = builder.word_queries(builder.build(request), request);
    ASSERT_EQ(queries.size(), 2u);
    for (const auto& query : queries) {
        const std::string terms = query.get_description();
        EXPECT_TRUE((terms.find("bill") == std::string::npos) != (terms.find("timeout") == std::string::npos)) << terms;
    }
    request.query = "  ";
    EXPECT_TRUE(builder.word_queries(builder.build(request), request).empty());
}

}  // namespace
}  // namespace pai
