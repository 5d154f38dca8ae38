/** @file
 *  @brief The pattern graph: nodes in id order, each Related Patterns link once, only between known patterns.
 */
#include "pattern_graph.h"

#include <algorithm>
#include <unordered_set>

namespace pai {

PatternGraph make_pattern_graph(std::vector<GraphNode> nodes, const RelatedGraph& related) {
    std::sort(nodes.begin(), nodes.end(), [](const GraphNode& a, const GraphNode& b) { return a.id < b.id; });
    nodes.erase(std::unique(nodes.begin(), nodes.end(), [](const auto& a, const auto& b) { return a.id == b.id; }),
                nodes.end());
    std::unordered_set<std::string> known;
    for (const auto& node : nodes) known.insert(node.id);

    PatternGraph graph;
    for (const auto& node : nodes) {
        for (const auto& other : related.neighbours(node.id)) {
            if (node.id < other && known.contains(other)) graph.edges.push_back({node.id, other});
        }
    }
    std::sort(graph.edges.begin(), graph.edges.end(), [](const GraphEdge& a, const GraphEdge& b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    graph.nodes = std::move(nodes);
    return graph;
}

}  // namespace pai
