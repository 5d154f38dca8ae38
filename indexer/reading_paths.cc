/** @file
 *  @brief paths.yaml reading, keeping the source line of every value for diagnostics.
 */
#include "reading_paths.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "schema.h"

namespace pai {
namespace {

class PathReader {
public:
    PathReader(const std::filesystem::path& file, const std::map<std::string, std::string>& pattern_titles,
               Diagnostics& diagnostics)
        : file_(file), pattern_titles_(pattern_titles), diagnostics_(diagnostics) {}

    std::vector<ReadingPath> read(const YAML::Node& root) {
        std::vector<ReadingPath> paths;
        const YAML::Node list = root.IsMap() ? root["paths"] : YAML::Node();
        if (!list || !list.IsSequence()) {
            error(root, "paths.yaml must be a mapping whose 'paths' is a list");
            return paths;
        }
        std::set<std::string> ids;
        for (const auto& item : list) {
            ReadingPath path = read_path(item);
            if (!path.id.empty() && !ids.insert(path.id).second) error(item["id"], "path id '" + path.id + "' is used twice");
            paths.push_back(std::move(path));
        }
        return paths;
    }

private:
    static int line_of(const YAML::Node& node) { return std::max(node.Mark().line, 0) + 1; }
    void error(const YAML::Node& node, std::string message) {
        diagnostics_.error(file_, line_of(node), std::move(message));
    }

    std::string text(const YAML::Node& map, const char* key) {
        const YAML::Node value = map[key];
        if (!value || !value.IsScalar() || value.Scalar().empty()) {
            error(value ? value : map, std::string("'") + key + "' must be non-empty text");
            return {};
        }
        return value.Scalar();
    }

    ReadingPath read_path(const YAML::Node& item) {
        ReadingPath path;
        if (!item.IsMap()) {
            error(item, "each path is a mapping with id, title, description and steps");
            return path;
        }
        path.id = text(item, "id");
        if (!path.id.empty() && schema::slugify(path.id) != path.id)
            error(item["id"], "path id '" + path.id + "' must be lowercase words joined by hyphens");
        path.title = text(item, "title");
        path.description = text(item, "description");
        const YAML::Node steps = item["steps"];
        if (!steps || !steps.IsSequence()) {
            error(steps ? steps : item, "'steps' must be a list of {pattern, why}");
            return path;
        }
        if (steps.size() < kMinPathSteps || steps.size() > kMaxPathSteps) {
            error(steps, "a path has " + std::to_string(kMinPathSteps) + " to " + std::to_string(kMaxPathSteps) +
                             " steps, found " + std::to_string(steps.size()));
        }
        std::set<std::string> seen;
        for (const auto& step : steps) {
            if (!step.IsMap()) {
                error(step, "each step is a mapping with 'pattern' and 'why'");
                continue;
            }
            PathStep out{text(step, "pattern"), {}, text(step, "why")};
            if (out.pattern.empty()) continue;
            if (const auto title = pattern_titles_.find(out.pattern); title != pattern_titles_.end())
                out.title = title->second;
            else
                error(step["pattern"], "'" + out.pattern + "' names no pattern in the corpus");
            if (!seen.insert(out.pattern).second)
                error(step["pattern"], "'" + out.pattern + "' appears twice in path '" + path.id + "'");
            path.steps.push_back(std::move(out));
        }
        return path;
    }

    const std::filesystem::path& file_;
    const std::map<std::string, std::string>& pattern_titles_;
    Diagnostics& diagnostics_;
};

}  // namespace

std::vector<ReadingPath> load_reading_paths(const std::filesystem::path& file,
                                            const std::map<std::string, std::string>& pattern_titles,
                                            Diagnostics& diagnostics) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};
    try {
        return PathReader(file, pattern_titles, diagnostics).read(YAML::LoadFile(file.string()));
    } catch (const YAML::Exception& e) {
        diagnostics.error(file, std::max(e.mark.line, 0) + 1, "invalid YAML: " + e.msg);
        return {};
    }
}

}  // namespace pai
