/** @file
 *  @brief The library as a graph for the page's map (/v1/graph): every pattern as a node with its pillar and
 *  status, and one undirected edge per Related Patterns link between two patterns the index holds.
 */
#pragma once

#include <string>
#include <vector>

#include "related_graph.h"

namespace pai {

struct GraphNode {
    std::string id;
    std::string title;
    std::string description;
    std::string pillar;
    std::string status;
};

struct GraphEdge {
    std::string source;  ///< the smaller id of the two, so each link appears once
    std::string target;
};

struct PatternGraph {
    std::vector<GraphNode> nodes;  ///< sorted by id
    std::vector<GraphEdge> edges;  ///< sorted by (source, target)
};

/// The graph of @p nodes linked as @p related says. A link to an id that is not among the nodes (an upstream file
/// naming a pattern this index lacks) is left out, so every edge joins two nodes.
PatternGraph make_pattern_graph(std::vector<GraphNode> nodes, const RelatedGraph& related);

}  // namespace pai
