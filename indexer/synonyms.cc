/** @file
 *  @brief Thesaurus loading.
 */
#include "synonyms.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace pai {

SynonymGroups load_synonyms(const std::filesystem::path& file, Diagnostics& diagnostics) {
    SynonymGroups groups;
    if (!std::filesystem::exists(file)) return groups;
    try {
        const YAML::Node root = YAML::LoadFile(file.string());
        if (!root.IsSequence()) {
            diagnostics.error(file, 1, "synonyms must be a list of groups, each a list of words or phrases");
            return groups;
        }
        for (const auto& group : root) {
            if (!group.IsSequence() || group.size() < 2) {
                diagnostics.error(file, group.Mark().line + 1, "a synonym group must list at least two entries");
                continue;
            }
            std::vector<std::string> entries;
            for (const auto& entry : group) {
                auto text = entry.as<std::string>();
                std::transform(text.begin(), text.end(), text.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                entries.push_back(std::move(text));
            }
            groups.push_back(std::move(entries));
        }
    } catch (const YAML::Exception& e) {
        diagnostics.error(file, e.mark.line + 1, "invalid YAML: " + e.msg);
    }
    return groups;
}

}  // namespace pai
