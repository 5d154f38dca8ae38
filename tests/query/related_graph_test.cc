/** @file
 *  @brief The Related Patterns graph: links go both ways, once each, never to the pattern itself.
 */
#include "related_graph.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pai {
namespace {

using Ids = std::vector<std::string>;

TEST(RelatedGraph, ALinkMakesEachPatternTheOthersNeighbour) {
    RelatedGraph graph;
    graph.link("circuit-breaker", "fallback-chain");
    graph.link("circuit-breaker", "retry-budget");
    EXPECT_EQ(graph.neighbours("circuit-breaker"), (Ids{"fallback-chain", "retry-budget"}));
    EXPECT_EQ(graph.neighbours("fallback-chain"), (Ids{"circuit-breaker"}));
    EXPECT_EQ(graph.neighbours("retry-budget"), (Ids{"circuit-breaker"}));
}

TEST(RelatedGraph, LinksGivenTwiceOrBothWaysCountOnce) {
    RelatedGraph graph;
    graph.link("a", "b");
    graph.link("b", "a");
    graph.link("a", "b");
    EXPECT_EQ(graph.neighbours("a"), (Ids{"b"}));
    EXPECT_EQ(graph.neighbours("b"), (Ids{"a"}));
}

TEST(RelatedGraph, APatternIsNoNeighbourOfItselfAndUnknownIdsHaveNone) {
    RelatedGraph graph;
    graph.link("a", "a");
    EXPECT_TRUE(graph.neighbours("a").empty());
    EXPECT_TRUE(graph.neighbours("unknown").empty());
}

}  // namespace
}  // namespace pai
