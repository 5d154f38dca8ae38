/** @file
 *  @brief The corpus's Related Patterns links as an undirected graph: a pattern that lists another, or is
 *  listed by it, is its neighbour. The editors drew these links; the rerank trusts them.
 */
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace pai {

class RelatedGraph {
public:
    /// Links @p a and @p b both ways; a link to itself or given twice counts once.
    void link(const std::string& a, const std::string& b);

    /// The patterns linked to @p id, in the order they were first linked; none for an unknown id.
    const std::vector<std::string>& neighbours(const std::string& id) const;

private:
    std::unordered_map<std::string, std::vector<std::string>> neighbours_;
};

}  // namespace pai
