#include "http_params.h"

#include <gtest/gtest.h>

#include "search_error.h"

namespace pai {
namespace {

TEST(PercentDecode, DecodesEscapesAndPlus) {
    EXPECT_EQ(percent_decode("a%20b+c", true), "a b c");
    EXPECT_EQ(percent_decode("a+b", false), "a+b");
    EXPECT_EQ(percent_decode("%E2%9C%93", true), "\xE2\x9C\x93");
}

TEST(PercentDecode, RejectsInvalidEscapesAndNul) {
    EXPECT_THROW(percent_decode("%zz", true), SearchError);
    EXPECT_THROW(percent_decode("abc%2", true), SearchError);
    EXPECT_THROW(percent_decode("%00", true), SearchError);
}

TEST(QueryParams, RepeatedAndCommaSeparatedValuesFormAList) {
    const auto params = QueryParams::parse("pillar=a&pillar=b,c&pillar=");
    EXPECT_EQ(params.get_list("pillar"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(QueryParams, SingleValueGivenTwiceIsRejected) {
    EXPECT_THROW(QueryParams::parse("q=a&q=b").get("q"), SearchError);
}

TEST(QueryParams, CountsMustBeWholeNumbersWithinTheMaximum) {
    EXPECT_EQ(QueryParams::parse("limit=5").get_count("limit", 10, 100), 5u);
    EXPECT_EQ(QueryParams::parse("").get_count("limit", 10, 100), 10u);
    EXPECT_THROW(QueryParams::parse("limit=abc").get_count("limit", 10, 100), SearchError);
    EXPECT_THROW(QueryParams::parse("limit=-1").get_count("limit", 10, 100), SearchError);
    EXPECT_THROW(QueryParams::parse("limit=5x").get_count("limit", 10, 100), SearchError);
    EXPECT_THROW(QueryParams::parse("limit=101").get_count("limit", 10, 100), SearchError);
    EXPECT_THROW(QueryParams::parse("limit=").get_count("limit", 10, 100), SearchError);
}

TEST(QueryParams, UnknownParameterIsRejected) {
    EXPECT_THROW(QueryParams::parse("q=a&colour=red").require_only({"q"}), SearchError);
    EXPECT_NO_THROW(QueryParams::parse("q=a").require_only({"q"}));
}

TEST(ParseTarget, SplitsPathAndDecodesBoth) {
    const Target target = parse_target("/v1/patterns/circuit%2Dbreaker?q=a%20b");
    EXPECT_EQ(target.path, "/v1/patterns/circuit-breaker");
    EXPECT_EQ(target.params.get("q"), "a b");
}

TEST(NormaliseWords, TrimsAndCollapsesWhitespace) {
    EXPECT_EQ(normalise_words("  retry \t storms\n\nat  peak "), "retry storms at peak");
    EXPECT_EQ(normalise_words(" \t "), "");
    EXPECT_EQ(normalise_words("one"), "one");
    EXPECT_EQ(normalise_words("\"exact  phrase\""), "\"exact phrase\"");
}

TEST(CanonicalTarget, SortsParametersByNameAndNormalisesOnlyWhatItIsTold) {
    auto a = parse_target("/v1/search?pillar=reliability&q=+retry++storms&limit=5");
    auto b = parse_target("/v1/search?limit=5&q=retry%20storms&pillar=reliability");
    a.params.normalise_words("q");
    b.params.normalise_words("q");
    EXPECT_EQ(canonical_target(a), canonical_target(b));
    EXPECT_EQ(canonical_target(a), "/v1/search?limit=5&pillar=reliability&q=retry%20storms");
    EXPECT_EQ(a.params.get("q"), "retry storms");  // what the handler reads is the normalised form
    // Without normalising, spacing stays significant (suggest completes the last word, so "retry " differs).
    EXPECT_NE(canonical_target(parse_target("/v1/suggest?q=retry+")),
              canonical_target(parse_target("/v1/suggest?q=retry")));
}

TEST(CanonicalTarget, DistinctRequestsKeepDistinctKeys) {
    const auto key = [](const char* target) { return canonical_target(parse_target(target)); };
    // Repeated values keep their order: they are lists, and the order may matter.
    EXPECT_NE(key("/v1/recommend?answers=a:1&answers=a:2"), key("/v1/recommend?answers=a:2&answers=a:1"));
    // A value holding '&' or '=' cannot pass for two parameters.
    EXPECT_NE(key("/v1/search?q=a%26tag%3Dx"), key("/v1/search?q=a&tag=x"));
    // A repeated scalar (an error) is not the same request as the single one.
    EXPECT_NE(key("/v1/search?q=a&q=a"), key("/v1/search?q=a"));
    EXPECT_NE(key("/v1/search?q="), key("/v1/search"));
    // The path is part of it, and a decoded '?' in the path cannot pose as the query.
    EXPECT_NE(key("/v1/patterns/a%3Fq=b"), key("/v1/patterns/a?q=b"));
}

}  // namespace
}  // namespace pai
