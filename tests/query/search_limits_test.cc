#include "search_limits.h"

#include <gtest/gtest.h>

#include "fixture_index.h"
#include "query_builder.h"
#include "reliability_support.h"
#include "result_json.h"
#include "search_error.h"
#include "searcher.h"
#include "test_support.h"

namespace pai {
namespace {

std::string words(std::size_t count, std::string_view word = "word") {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) text.append(word).append(" ");
    return text;
}

ErrorKind kind_of(const std::function<void()>& run) {
    try {
        run();
    } catch (const SearchError& e) {
        return e.kind();
    }
    ADD_FAILURE() << "no SearchError";
    return ErrorKind::kInternal;
}

TEST(QuerySize, WordsUpToTheCapAreAccepted) {
    EXPECT_NO_THROW(check_query_size(words(kMaxQueryWords)));
    EXPECT_NO_THROW(check_query_size("\"" + words(kMaxQueryWords) + "\""));
    EXPECT_NO_THROW(check_query_size(words(kMaxQueryWildcards, "retr*")));
}

TEST(QuerySize, MoreWordsOrWildcardsAreBadRequests) {
    EXPECT_EQ(kind_of([] { check_query_size(words(kMaxQueryWords + 1, "a")); }), ErrorKind::kBadRequest);
    EXPECT_EQ(kind_of([] { check_query_size("\"" + words(kMaxQueryWords + 1, "b") + "\""); }), ErrorKind::kBadRequest);
    EXPECT_EQ(kind_of([] { check_query_size(words(kMaxQueryWords + 1, "\xC3\xA9t\xC3\xA9")); }),
              ErrorKind::kBadRequest);
    EXPECT_EQ(kind_of([] { check_query_size(words(kMaxQueryWildcards + 1, "a*")); }), ErrorKind::kBadRequest);
}

std::size_t patterns_counted(const Facets& facets) {
    std::size_t total = 0;
    for (const auto& value : facets.pillar) total += value.count;
    return total;
}

/// An index of the fixture corpus with 20 copies of each pattern: enough documents that counting them
/// all outlasts a deadline of a microsecond.
class SearchDeadline : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new test::TempDir();
        test::index_corpus(test::write_large_corpus(temp_->path(), 20), temp_->path() / "index");
    }
    static void TearDownTestSuite() { delete temp_; }
    static std::filesystem::path index() { return temp_->path() / "index"; }
    static test::TempDir* temp_;
};
test::TempDir* SearchDeadline::temp_ = nullptr;

TEST_F(SearchDeadline, SearcherRejectsQueriesOverTheTermCap) {
    Searcher searcher(index());
    SearchRequest request;
    request.query = words(kMaxQueryWords + 1, "retry");
    EXPECT_EQ(kind_of([&] { searcher.search(request); }), ErrorKind::kBadRequest);
}

TEST_F(SearchDeadline, ExpiredDeadlineCutsTheCountShortButNotThePage) {
    Searcher searcher(index());
    SearchRequest browse;
    browse.limit = 3;
    const SearchResult exact = searcher.search(browse);
    EXPECT_FALSE(exact.partial);
    EXPECT_EQ(exact.total, 84u);
    EXPECT_EQ(patterns_counted(exact.facets), 84u);
    EXPECT_FALSE(to_json(exact).contains("partial"));

    // The clock is read every 256 matches, so one run may finish first; across runs the count stops.
    searcher.set_time_limit(1e-6);
    bool cut_short = false;
    for (int run = 0; run < 50 && !cut_short; ++run) {
        const SearchResult result = searcher.search(browse);
        EXPECT_TRUE(result.partial);
        EXPECT_EQ(to_json(result)["partial"], true);
        ASSERT_EQ(result.hits.size(), 3u);
        for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(result.hits[i].id, exact.hits[i].id);
        cut_short = patterns_counted(result.facets) < 84u;
    }
    EXPECT_TRUE(cut_short) << "the deadline never stopped the count";
}

TEST_F(SearchDeadline, SeveralLocalIndexesCutTheCountAtTheDeadlineAndRecover) {
    // Two local shards count through Xapian's value counts; the deadline comes from a spy's clock, so a
    // search right after a cut one runs whole (Xapian's timer could fire into it).
    Searcher searcher(std::vector<std::string>{index().string(), index().string()});
    SearchRequest browse;
    browse.limit = 3;
    const SearchResult exact = searcher.search(browse);
    EXPECT_FALSE(exact.partial);
    searcher.set_time_limit(1e-6);
    bool cut_short = false;
    for (int run = 0; run < 50 && !cut_short; ++run) {
        const SearchResult result = searcher.search(browse);
        EXPECT_TRUE(result.partial);
        ASSERT_EQ(result.hits.size(), 3u);
        for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(result.hits[i].id, exact.hits[i].id);
        cut_short = patterns_counted(result.facets) < patterns_counted(exact.facets);
    }
    EXPECT_TRUE(cut_short) << "the deadline never stopped the count";
    searcher.set_time_limit(0);
    const SearchResult after = searcher.search(browse);
    EXPECT_FALSE(after.partial);
    EXPECT_EQ(patterns_counted(after.facets), patterns_counted(exact.facets));
}

TEST(WildcardExpansion, OneWildcardExpandsToThe64MostFrequentTermsOnly) {
    test::TempDir temp;
    {
        // 500 words under one prefix, each in one document; the first 64 in a second document as well.
        Xapian::WritableDatabase db((temp.path() / "db").string(), Xapian::DB_CREATE);
        for (int i = 0; i < 500 + 64; ++i) {
            Xapian::Document doc;
            doc.add_term("w" + std::to_string(1000 + i % 500));
            db.add_document(doc);
        }
        db.commit();
    }
    const Xapian::Database db((temp.path() / "db").string());
    QueryBuilder builder(db);
    Xapian::Enquire enquire(db);
    enquire.set_query(builder.parse_text("w*").query);
    const Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    EXPECT_EQ(mset.get_matches_estimated(), 128u);  // 64 words in two documents each, not 564
}

}  // namespace
}  // namespace pai
