#include "searcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "fixture_index.h"
#include "result_json.h"
#include "search_error.h"
#include "test_support.h"

namespace pai {
namespace {

/// One index of the fixture corpus for the whole suite.
class SearcherTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new test::TempDir();
        test::index_corpus(test::fixtures_dir() / "corpus", temp_->path(), {{"bill", "spend", "cost"}});
    }
    static void TearDownTestSuite() { delete temp_; }

    static SearchResult search(SearchRequest request) {
        Searcher searcher(temp_->path());
        return searcher.search(request);
    }
    static SearchResult search(const std::string& query) {
        SearchRequest request;
        request.query = query;
        return search(request);
    }
    static std::vector<std::string> ids(const SearchResult& result) {
        std::vector<std::string> out;
        for (const auto& hit : result.hits) out.push_back(hit.id);
        return out;
    }
    static std::size_t count_of(const std::vector<FacetValue>& values, const std::string& value) {
        for (const auto& v : values) {
            if (v.value == value) return v.count;
        }
        return 0;
    }

    static test::TempDir* temp_;
};
test::TempDir* SearcherTest::temp_ = nullptr;

TEST_F(SearcherTest, CollapsesToOneHitPerPattern) {
    const auto result = search("provider");
    const auto found = ids(result);
    EXPECT_EQ(std::set<std::string>(found.begin(), found.end()).size(), found.size());
    EXPECT_EQ(result.total, found.size());
    EXPECT_EQ(found.front(), "circuit-breaker");
}

TEST_F(SearcherTest, HitCarriesItsBestSectionWithLineRange) {
    const auto result = search("thundering herds");
    ASSERT_FALSE(result.hits.empty());
    const Hit& hit = result.hits.front();
    EXPECT_EQ(hit.id, "retry-with-backoff");
    EXPECT_EQ(hit.section, "problem");
    EXPECT_EQ(hit.section_title, "The Problem It Solves");
    EXPECT_GT(hit.line, 10);
    EXPECT_GE(hit.line_end, hit.line);
    EXPECT_NE(hit.snippet.find("<mark>"), std::string::npos);
    EXPECT_NE(hit.path.find("retry-with-backoff.md"), std::string::npos);
}

TEST_F(SearcherTest, FacetsCountPatternsNotSections) {
    const auto result = search("");
    EXPECT_EQ(result.total, 4u);
    EXPECT_EQ(count_of(result.facets.pillar, "reliability"), 2u);
    EXPECT_EQ(count_of(result.facets.pillar, "cost-and-efficiency"), 1u);
    EXPECT_EQ(count_of(result.facets.status, "emerging"), 2u);
    EXPECT_EQ(count_of(result.facets.section, "trade-offs"), 4u);
    EXPECT_EQ(count_of(result.facets.section, "failure-modes"), 4u);  // three documents each, one pattern each
}

TEST_F(SearcherTest, FiltersOrWithinAFieldAndAndAcrossFields) {
    SearchRequest request;
    request.pillars = {"reliability", "cost-and-efficiency"};
    EXPECT_EQ(search(request).total, 3u);
    request.statuses = {"emerging"};
    EXPECT_EQ(ids(search(request)), std::vector<std::string>{"retry-with-backoff"});
}

TEST_F(SearcherTest, FilterValuesAreLowercased) {
    SearchRequest request;
    request.pillars = {"Reliability"};
    EXPECT_EQ(search(request).total, 2u);
}

TEST_F(SearcherTest, FieldSyntaxInQueryTextFilters) {
    EXPECT_EQ(ids(search("provider pillar:reliability status:emerging")),
              std::vector<std::string>{"retry-with-backoff"});
    EXPECT_EQ(ids(search("tag:quotas")), std::vector<std::string>{"token-budget"});
    EXPECT_EQ(search("pillar:Reliability").total, 2u);
}

TEST_F(SearcherTest, SectionFilterKeepsOnlyMatchesInThatSection) {
    SearchRequest request;
    request.query = "failures";
    request.sections = {"how-it-works"};
    const auto result = search(request);
    ASSERT_EQ(result.total, 2u);
    for (const auto& hit : result.hits) EXPECT_EQ(hit.section, "how-it-works");
    request.sections = {"tool-landscape"};
    EXPECT_EQ(search(request).total, 0u);
}

TEST_F(SearcherTest, PhraseMatchesOnlyWordsInOrder) {
    EXPECT_EQ(ids(search("\"monthly bill doubled\"")), std::vector<std::string>{"token-budget"});
    EXPECT_EQ(search("\"doubled bill monthly\"").total, 0u);
}

TEST_F(SearcherTest, MinusExcludesAndPlusRequires) {
    const auto without = ids(search("provider -breaker"));
    EXPECT_EQ(std::count(without.begin(), without.end(), "circuit-breaker"), 0);
    EXPECT_EQ(ids(search("+tenant provider")), std::vector<std::string>{"token-budget"});
}

TEST_F(SearcherTest, LongProblemDescriptionStillFindsTheBestMatch) {
    const auto result =
        search("our monthly bill doubled after one tenant started sending enormous prompts to the model");
    ASSERT_FALSE(result.hits.empty());
    EXPECT_EQ(result.hits.front().id, "token-budget");
}

TEST_F(SearcherTest, WordsFoundOnlyInSymptomsFindTheirPattern) {
    const auto result = search("finance got a surprise invoice");
    ASSERT_FALSE(result.hits.empty());
    EXPECT_EQ(ids(result), std::vector<std::string>{"token-budget"});
}

TEST_F(SearcherTest, SynonymsFromTheThesaurusExpandTheQuery) {
    const auto result = search("spend");
    ASSERT_FALSE(result.hits.empty());
    EXPECT_EQ(result.hits.front().id, "token-budget");
}

TEST_F(SearcherTest, SnippetEscapesMarkupFromTheCorpus) {
    const auto result = search("payloads");
    ASSERT_EQ(result.total, 1u);
    const std::string& snippet = result.hits[0].snippet;
    EXPECT_EQ(snippet.find("<script>"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
}

TEST_F(SearcherTest, BrowseSnippetIsTheSectionLeadWithoutHighlights) {
    const auto result = search(SearchRequest{});
    ASSERT_FALSE(result.hits.empty());
    for (const auto& hit : result.hits) {
        EXPECT_FALSE(hit.snippet.empty()) << hit.id;
        EXPECT_EQ(hit.snippet.find("<mark>"), std::string::npos) << hit.snippet;
        EXPECT_LE(hit.snippet.size(), 300u) << hit.snippet;
    }
}

TEST_F(SearcherTest, FilterOnlySearchStillHasSnippets) {
    SearchRequest request;
    request.pillars = {"reliability"};
    const auto result = search(request);
    ASSERT_FALSE(result.hits.empty());
    for (const auto& hit : result.hits) EXPECT_FALSE(hit.snippet.empty()) << hit.id;
}

TEST_F(SearcherTest, PaginatesWithOffsetAndLimit) {
    SearchRequest request;
    request.limit = 2;
    const auto first = search(request);
    request.offset = 2;
    const auto second = search(request);
    EXPECT_EQ(first.total, 4u);
    EXPECT_EQ(second.total, 4u);
    ASSERT_EQ(first.hits.size(), 2u);
    ASSERT_EQ(second.hits.size(), 2u);
    EXPECT_NE(first.hits[0].id, second.hits[0].id);
    EXPECT_NE(first.hits[1].id, second.hits[1].id);
}

TEST_F(SearcherTest, TiesAreOrderedById) {
    const auto browse = ids(search(""));
    EXPECT_EQ(browse, (std::vector<std::string>{"circuit-breaker", "input-sanitization", "retry-with-backoff",
                                                "token-budget"}));
}

TEST_F(SearcherTest, MisspelledQuerySuggestsACorrectionAndAnswersIt) {
    const auto result = search("circut braker");
    ASSERT_TRUE(result.did_you_mean);
    EXPECT_EQ(*result.did_you_mean, "circuit breaker");
    ASSERT_FALSE(result.hits.empty());
    EXPECT_EQ(result.hits.front().id, "circuit-breaker");
}

TEST_F(SearcherTest, CorrectlySpelledQueryHasNoSuggestion) {
    EXPECT_FALSE(search("bill doubled").did_you_mean);
}

TEST_F(SearcherTest, MalformedSyntaxFallsBackToAPlainSearch) {
    EXPECT_NO_THROW(search("\"unbalanced provider"));
    EXPECT_GT(search("provider AND").total, 0u);
    EXPECT_GT(search("(provider").total, 0u);
}

TEST_F(SearcherTest, OnlyStopWordsBrowsesEverything) {
    EXPECT_EQ(search("the and of").total, 4u);
}

TEST_F(SearcherTest, RejectsLimitsBeyondTheDocumentedMaximum) {
    SearchRequest request;
    request.limit = 101;
    EXPECT_THROW(search(request), SearchError);
    request.limit = 10;
    request.offset = 1001;
    EXPECT_THROW(search(request), SearchError);
    request.offset = 0;
    request.query = std::string(1025, 'a');
    EXPECT_THROW(search(request), SearchError);
}

TEST_F(SearcherTest, ExplainListsMatchedTerms) {
    SearchRequest request;
    request.query = "tenant";
    request.explain = true;
    const auto result = search(request);
    ASSERT_FALSE(result.hits.empty());
    EXPECT_FALSE(result.hits[0].matched_terms.empty());
}

TEST_F(SearcherTest, ExplainListsOnlyWordsNotTheFiltersTermsOrTheExcludedCaveats) {
    SearchRequest request;
    request.query = "provider timeouts";
    request.pillars = {"reliability"};
    request.explain = true;
    const auto result = search(request);
    ASSERT_FALSE(result.hits.empty());
    for (const auto& hit : result.hits) {
        EXPECT_FALSE(hit.matched_terms.empty()) << hit.id;
        for (const auto& term : hit.matched_terms) {
            EXPECT_TRUE(std::none_of(term.begin(), term.end(),
                                     [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }))
                << hit.id << ": " << term;
        }
        for (const auto& match : hit.matched_sections) EXPECT_NE(match.section, "when-not-to-use") << hit.id;
    }
}

TEST_F(SearcherTest, ExplainGivesEachHitsNearnessInTheLatentSpace) {
    SearchRequest request;
    request.query = "retry backoff budget provider";
    request.explain = true;
    const auto result = search(request);
    ASSERT_GE(result.hits.size(), 2u);
    for (const auto& hit : result.hits) {
        EXPECT_GE(hit.latent_similarity, -1.0) << hit.id;
        EXPECT_LE(hit.latent_similarity, 1.0) << hit.id;
    }
    EXPECT_NE(result.hits[0].latent_similarity, 0.0) << "the fixture index has a latent space";
    EXPECT_EQ(to_json(result, true)["hits"][0]["explain"]["latent_similarity"], result.hits[0].latent_similarity);
    request.explain = false;
    EXPECT_EQ(search(request).hits[0].latent_similarity, 0.0);
}

TEST_F(SearcherTest, HitQuotesTheSymptomTheQueryEchoes) {
    const auto echoed = search("finance flagged the invoice");
    ASSERT_FALSE(echoed.hits.empty());
    EXPECT_EQ(echoed.hits.front().id, "token-budget");
    EXPECT_EQ(echoed.hits.front().symptom, "finance flagged a surprise invoice");
    EXPECT_EQ(to_json(echoed, false)["hits"][0]["symptom"], "finance flagged a surprise invoice");

    const auto plain = search("spend");
    ASSERT_FALSE(plain.hits.empty());
    EXPECT_EQ(plain.hits.front().symptom, "");
    EXPECT_FALSE(to_json(plain, false)["hits"][0].contains("symptom"));
}

TEST_F(SearcherTest, PatternViewCarriesSymptomsInSourceOrder) {
    Searcher searcher(temp_->path());
    EXPECT_EQ(searcher.pattern("token-budget").meta.symptoms,
              (std::vector<std::string>{"finance flagged a surprise invoice",
                                        "one customer drained the whole allowance overnight"}));
    EXPECT_TRUE(searcher.pattern("circuit-breaker").meta.symptoms.empty());
}

TEST_F(SearcherTest, PatternViewHasAllSectionsInOrderAndResolvedRelated) {
    Searcher searcher(temp_->path());
    const PatternView view = searcher.pattern("circuit-breaker");
    EXPECT_EQ(view.meta.title, "Circuit Breaker");
    EXPECT_EQ(view.meta.status, "validated-in-production");
    ASSERT_EQ(view.sections.size(), 11u);
    EXPECT_EQ(view.sections.front().id, "what-it-is");
    EXPECT_EQ(view.sections.back().id, "further-reading");
    ASSERT_EQ(view.meta.related.size(), 2u);
    EXPECT_EQ(view.meta.related[0].id, "retry-with-backoff");
    EXPECT_EQ(view.meta.related[0].title, "Retry with Backoff");
    EXPECT_EQ(view.meta.evidence.size(), 2u);
}

TEST_F(SearcherTest, RenderedSectionsCarryNoScript) {
    Searcher searcher(temp_->path());
    for (const auto& section : searcher.pattern("token-budget").sections) {
        EXPECT_EQ(section.html.find("<script"), std::string::npos) << section.html;
        EXPECT_EQ(section.html.find("javascript:"), std::string::npos) << section.html;
    }
}

TEST_F(SearcherTest, UnknownPatternIsNotFound) {
    Searcher searcher(temp_->path());
    try {
        searcher.pattern("no-such-pattern");
        FAIL() << "expected SearchError";
    } catch (const SearchError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
    }
}

TEST_F(SearcherTest, SuggestCompletesTitlesThenWords) {
    Searcher searcher(temp_->path());
    const auto suggestions = searcher.suggest("circ", 5);
    ASSERT_GE(suggestions.size(), 2u);
    EXPECT_EQ(suggestions[0].kind, "title");
    EXPECT_EQ(suggestions[0].id, "circuit-breaker");
    EXPECT_EQ(suggestions[1].kind, "term");
    EXPECT_EQ(suggestions[1].text, "circuit");
    EXPECT_TRUE(searcher.suggest("", 5).empty());
}

TEST_F(SearcherTest, StatsReportPatternsSectionsAndGeneration) {
    Searcher searcher(temp_->path());
    const auto stats = searcher.stats();
    EXPECT_EQ(stats.patterns, 4u);
    EXPECT_EQ(stats.sections, 52u);  // 4 x 10 sections, and each of the 12 failure modes on its own
    EXPECT_EQ(stats.generation, 1u);
    EXPECT_EQ(searcher.pillars().size(), 3u);
}

TEST(SearcherOpen, MissingIndexIsUnavailable) {
    try {
        Searcher searcher("/nonexistent/index");
        FAIL() << "expected SearchError";
    } catch (const SearchError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::kIndexUnavailable);
    }
}

}  // namespace
}  // namespace pai

namespace pai {
namespace {

TEST_F(SearcherTest, CaveatTextNeverRaisesAPatternForWhatItRulesOut) {
    // Only circuit-breaker's "When NOT to Use It" mentions a batch job.
    const auto free_text = ids(search("batch job"));
    EXPECT_EQ(std::count(free_text.begin(), free_text.end(), "circuit-breaker"), 0);
    SearchRequest request;
    request.query = "batch job";
    request.sections = {"when-not-to-use"};
    EXPECT_EQ(ids(search(request)), std::vector<std::string>{"circuit-breaker"});
    EXPECT_EQ(ids(search("section:when-not-to-use batch")), std::vector<std::string>{"circuit-breaker"});
}

}  // namespace
}  // namespace pai

namespace pai {
namespace {

TEST_F(SearcherTest, ExplainNamesTheSectionsEachTermMatchedIn) {
    SearchRequest request;
    request.query = "thundering herds";
    request.explain = true;
    const auto result = search(request);
    ASSERT_FALSE(result.hits.empty());
    const Hit& hit = result.hits.front();
    ASSERT_EQ(hit.id, "retry-with-backoff");
    bool problem_matched = false;
    for (const auto& match : hit.matched_sections) {
        if (match.section == "problem") {
            problem_matched = true;
            EXPECT_NE(std::find(match.terms.begin(), match.terms.end(), "herd"), match.terms.end())
                << ::testing::PrintToString(match.terms);
        }
    }
    EXPECT_TRUE(problem_matched);
}

TEST_F(SearcherTest, SimilarIncludesRelatedPatternsFirstAndNeverItself) {
    Searcher searcher(temp_->path());
    const auto similar = searcher.similar("circuit-breaker", 3);
    ASSERT_FALSE(similar.empty());
    for (const auto& s : similar) EXPECT_NE(s.id, "circuit-breaker");
    EXPECT_TRUE(similar[0].related);
    const bool has_retry = std::any_of(similar.begin(), similar.end(), [](const SimilarPattern& s) {
        return s.id == "retry-with-backoff" && s.related;
    });
    EXPECT_TRUE(has_retry);
    EXPECT_THROW(searcher.similar("no-such-pattern", 3), SearchError);
}

}  // namespace
}  // namespace pai
