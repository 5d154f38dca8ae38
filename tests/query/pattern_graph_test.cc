/** @file
 *  @brief The pattern graph: nodes in id order, each link once from the smaller id, none to unknown patterns.
 */
#include "pattern_graph.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace pai {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs edge_pairs(const PatternGraph& graph) {
    Pairs pairs;
    for (const auto& edge : graph.edges) pairs.emplace_back(edge.source, edge.target);
    return pairs;
}

GraphNode node(std::string id) {
    return {std::move(id), "Title", "Description.", "reliability", "emerging"};
}

TEST(PatternGraph, NodesComeInIdOrderOnceEach) {
    RelatedGraph related;
    const auto graph = make_pattern_graph({node("retry"), node("breaker"), node("fallback"), node("breaker")}, related);
    ASSERT_EQ(graph.nodes.size(), 3u);  // a pattern two shards both hold is one node
    EXPECT_EQ(graph.nodes[0].id, "breaker");
    EXPECT_EQ(graph.nodes[1].id, "fallback");
    EXPECT_EQ(graph.nodes[2].id, "retry");
    EXPECT_TRUE(graph.edges.empty());
}

TEST(PatternGraph, ALinkGivenBothWaysIsOneEdgeFromTheSmallerId) {
    RelatedGraph related;
    related.link("retry", "breaker");
    related.link("breaker", "retry");
    related.link("fallback", "breaker");
    const auto graph = make_pattern_graph({node("retry"), node("breaker"), node("fallback")}, related);
    EXPECT_EQ(edge_pairs(graph), (Pairs{{"breaker", "fallback"}, {"breaker", "retry"}}));
}

TEST(PatternGraph, LinksToPatternsTheIndexLacksAreLeftOut) {
    RelatedGraph related;
    related.link("breaker", "not-indexed");
    related.link("breaker", "retry");
    const auto graph = make_pattern_graph({node("retry"), node("breaker")}, related);
    EXPECT_EQ(edge_pairs(graph), (Pairs{{"breaker", "retry"}}));
}

TEST(PatternGraph, NodesKeepTheirAttributes) {
    RelatedGraph related;
    const auto graph = make_pattern_graph({{"breaker", "Circuit Breaker", "Stop calling.", "reliability",
                                            "validated-in-production"}}, related);
    ASSERT_EQ(graph.nodes.size(), 1u);
    EXPECT_EQ(graph.nodes[0].title, "Circuit Breaker");
    EXPECT_EQ(graph.nodes[0].description, "Stop calling.");
    EXPECT_EQ(graph.nodes[0].pillar, "reliability");
    EXPECT_EQ(graph.nodes[0].status, "validated-in-production");
}

}  // namespace
}  // namespace pai
