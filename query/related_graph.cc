/** @file
 *  @brief The Related Patterns graph.
 */
#include "related_graph.h"

#include <algorithm>

namespace pai {
namespace {

void add_once(std::vector<std::string>& list, const std::string& id) {
    if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
}

}  // namespace

void RelatedGraph::link(const std::string& a, const std::string& b) {
    if (a == b) return;
    add_once(neighbours_[a], b);
    add_once(neighbours_[b], a);
}

const std::vector<std::string>& RelatedGraph::neighbours(const std::string& id) const {
    static const std::vector<std::string> kNone;
    const auto found = neighbours_.find(id);
    return found == neighbours_.end() ? kNone : found->second;
}

}  // namespace pai
