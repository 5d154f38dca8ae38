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

}  // namespace
}  // namespace pai
