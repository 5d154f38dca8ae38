/** @file
 *  @brief Guide loading (front matter, sections, link checks) and the metadata entries of guide content.
 */
#include "guides.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "case_studies.h"
#include "decision_guide_loader.h"
#include "front_matter.h"
#include "markdown_sections.h"
#include "pattern_links.h"
#include "reading_paths.h"
#include "schema.h"
#include "stored_document.h"

namespace pai {
namespace {

/// A Markdown link to another .md file: `](target.md)` or `](target.md#anchor)`.
const std::regex kMarkdownLink(R"(\]\(([^)\s#]+\.md)(#[^)\s]*)?\))");
const std::regex kCodeSpan("`[^`]*`");

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

/// Fills title, description and order from the front matter; false when the guide cannot be used.
bool read_front_matter(const SplitDocument& split, const std::filesystem::path& path, Guide& guide,
                       Diagnostics& diagnostics) {
    if (!split.has_front_matter || split.unclosed) {
        diagnostics.error(path, 1, "a guide starts with front matter ('---') giving its title and description");
        return false;
    }
    auto line_of = [&](const YAML::Node& node) { return split.yaml_first_line + std::max(node.Mark().line, 0); };
    try {
        const YAML::Node root = YAML::Load(split.yaml);
        if (!root.IsMap()) {
            diagnostics.error(path, split.yaml_first_line, "front matter must be a YAML mapping");
            return false;
        }
        for (const auto& entry : root) {
            const std::string key = entry.first.as<std::string>();
            if (key == "title")
                guide.title = entry.second.as<std::string>();
            else if (key == "description")
                guide.description = entry.second.as<std::string>();
            else if (key == "order")
                guide.order = entry.second.as<int>();
            else
                diagnostics.warning(path, line_of(entry.first), "unknown guide front matter key '" + key + "'");
        }
    } catch (const YAML::Exception& e) {
        diagnostics.error(path, split.yaml_first_line + std::max(e.mark.line, 0), "invalid front matter: " + e.msg);
        return false;
    }
    if (guide.title.empty()) diagnostics.error(path, split.yaml_first_line, "missing required 'title'");
    if (guide.description.empty()) diagnostics.error(path, split.yaml_first_line, "missing required 'description'");
    return !guide.title.empty() && !guide.description.empty();
}

std::optional<Guide> read_guide(const std::filesystem::path& path, Diagnostics& diagnostics) {
    const SplitDocument split = split_front_matter(read_text(path));
    Guide guide;
    guide.id = path.stem().string();
    guide.path = path.generic_string();
    if (schema::slugify(guide.id) != guide.id) {
        diagnostics.error(path, 1, "file name '" + guide.id + "' is not a valid id (lowercase, digits, hyphens)");
    }
    if (!read_front_matter(split, path, guide, diagnostics)) return std::nullopt;
    std::set<std::string> anchors;
    for (const auto& section : split_sections(split.body, split.body_first_line)) {
        GuideSection out{
            section.heading.empty() ? std::string(schema::kIntroSection) : schema::slugify(section.heading),
            section.heading, section.html, section.line, section.line_end};
        if (!anchors.insert(out.id).second) {
            diagnostics.error(path, section.line, "heading '" + section.heading + "' repeats an earlier one's anchor");
        }
        guide.sections.push_back(std::move(out));
    }
    return guide;
}

/// Links to patterns must name one in the corpus, and links between guides must name an existing guide; the
/// page turns both into its own views.
void check_links(const std::filesystem::path& corpus_dir, const Guide& guide, const std::set<std::string>& pattern_ids,
                 const std::set<std::string>& guide_ids, Diagnostics& diagnostics) {
    const std::filesystem::path file(guide.path);
    std::istringstream text(read_text(file));
    std::string line;
    const auto patterns_dir = (corpus_dir / "patterns").lexically_normal();
    const auto guides_dir = file.parent_path().lexically_normal();
    bool in_fence = false;
    for (int number = 1; std::getline(text, line); ++number) {
        // Links shown as code (in fences or backticks) are examples, not links.
        if (line.starts_with("```") || line.starts_with("~~~")) in_fence = !in_fence;
        if (in_fence) continue;
        line = std::regex_replace(line, kCodeSpan, "");
        for (std::sregex_iterator link(line.begin(), line.end(), kMarkdownLink), end; link != end; ++link) {
            const std::string target = (*link)[1];
            if (target.find("://") != std::string::npos) continue;
            const auto resolved = (guides_dir / target).lexically_normal();
            const std::string id = resolved.stem().string();
            const bool to_pattern = resolved.parent_path().parent_path() == patterns_dir;
            if (to_pattern && !pattern_ids.contains(id)) {
                diagnostics.error(file, number, "link to '" + target + "' names no pattern in the corpus");
            } else if (!to_pattern && (resolved.parent_path() != guides_dir || !guide_ids.contains(id))) {
                diagnostics.error(file, number, "link to '" + target + "' names neither a pattern nor a guide");
            }
        }
    }
}

}  // namespace

std::map<std::string, std::string> GuideContent::metadata() const {
    std::map<std::string, std::string> entries{{std::string(meta_key::kGuides), nlohmann::json(guides).dump()}};
    if (decision_guide) entries.emplace(meta_key::kDecisionGuide, nlohmann::json(*decision_guide).dump());
    entries.emplace(meta_key::kCaseStudies, nlohmann::json(case_studies).dump());
    entries.emplace(meta_key::kPaths, nlohmann::json(paths).dump());
    return entries;
}

std::vector<Guide> load_guides(const std::filesystem::path& guides_dir, Diagnostics& diagnostics) {
    std::vector<Guide> guides;
    std::error_code ec;
    if (!std::filesystem::is_directory(guides_dir, ec)) return guides;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(guides_dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        if (auto guide = read_guide(file, diagnostics)) guides.push_back(std::move(*guide));
    }
    std::stable_sort(guides.begin(), guides.end(), [](const Guide& a, const Guide& b) { return a.order < b.order; });
    return guides;
}

GuideContent load_guide_content(const std::filesystem::path& corpus_dir, const std::vector<ResolvedPattern>& patterns,
                                Diagnostics& diagnostics) {
    std::set<std::string> pattern_ids;
    std::map<std::string, std::string> pattern_titles;
    for (const auto& pattern : patterns) {
        pattern_ids.insert(pattern.meta.id);
        pattern_titles.emplace(pattern.meta.id, pattern.meta.title);
    }
    GuideContent content;
    content.guides = load_guides(corpus_dir / "guides", diagnostics);
    std::set<std::string> guide_ids;
    for (const auto& guide : content.guides) guide_ids.insert(guide.id);
    for (const auto& guide : content.guides) check_links(corpus_dir, guide, pattern_ids, guide_ids, diagnostics);
    const auto guide_file = corpus_dir / "decision-guide.yaml";
    if (std::filesystem::exists(guide_file))
        content.decision_guide = load_decision_guide(guide_file, pattern_ids, diagnostics);
    content.case_studies = load_case_studies(corpus_dir / "case-studies", pattern_titles, diagnostics);
    // Guides and case studies (a Pattern Stack names its patterns by id) link the ids they name, with titles.
    const auto targets = pattern_link_targets(patterns);
    for (auto& guide : content.guides) {
        for (auto& section : guide.sections) section.html = link_pattern_ids(section.html, targets, "", "../patterns/");
    }
    for (auto& study : content.case_studies) {
        for (auto& section : study.sections) section.html = link_pattern_ids(section.html, targets, "", "../patterns/");
    }
    content.paths = load_reading_paths(corpus_dir / "paths.yaml", pattern_titles, diagnostics);
    return content;
}

}  // namespace pai
