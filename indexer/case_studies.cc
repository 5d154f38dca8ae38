/** @file
 *  @brief Case study loading: front matter, the five sections, the Pattern Stack table.
 */
#include "case_studies.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "front_matter.h"
#include "markdown_sections.h"
#include "schema.h"

namespace pai {
namespace {

/// A Pattern Stack row: `| `pattern-id` | its role |`.
const std::regex kStackRow(R"(^\s*\|\s*`([^`]+)`\s*\|)");
const std::regex kWebUrl("^https?://[^\\s]+$");

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

class CaseStudyReader {
public:
    CaseStudyReader(const std::filesystem::path& path, const std::map<std::string, std::string>& pattern_titles,
                    Diagnostics& diagnostics)
        : path_(path), pattern_titles_(pattern_titles), diagnostics_(diagnostics), errors_before_(errors()) {}

    std::optional<CaseStudy> read() {
        out_.id = path_.stem().string();
        out_.path = path_.generic_string();
        if (schema::slugify(out_.id) != out_.id) error(1, "file name '" + out_.id + "' is not a valid id");
        const SplitDocument split = split_front_matter(read_text(path_));
        if (!split.has_front_matter || split.unclosed) {
            error(1, "a case study starts with front matter ('---')");
            return std::nullopt;
        }
        yaml_first_line_ = split.yaml_first_line;
        try {
            read_front_matter(YAML::Load(split.yaml));
        } catch (const YAML::Exception& e) {
            error(yaml_first_line_ + std::max(e.mark.line, 0), "invalid front matter: " + e.msg);
            return std::nullopt;
        }
        read_sections(split_sections(split.body, split.body_first_line), split.body_first_line);
        if (errors() > errors_before_) return std::nullopt;
        return std::move(out_);
    }

private:
    std::size_t errors() const { return diagnostics_.error_count(); }
    void error(int line, std::string message) { diagnostics_.error(path_, line, std::move(message)); }
    int line_of(const YAML::Node& node) const { return yaml_first_line_ + std::max(node.Mark().line, 0); }

    std::string text(const YAML::Node& node, std::string_view key) {
        if (!node.IsScalar() || node.Scalar().empty()) {
            error(line_of(node), "'" + std::string(key) + "' must be non-empty text");
            return {};
        }
        return node.Scalar();
    }

    void read_front_matter(const YAML::Node& root) {
        if (!root.IsMap()) {
            error(yaml_first_line_, "front matter must be a YAML mapping");
            return;
        }
        for (const auto& entry : root) {
            const std::string key = entry.first.as<std::string>();
            const YAML::Node& value = entry.second;
            if (key == "title") out_.title = text(value, key);
            else if (key == "organisation") out_.organisation = text(value, key);
            else if (key == "subject") out_.subject = text(value, key);
            else if (key == "description") out_.description = text(value, key);
            else if (key == "last_reviewed") out_.last_reviewed = text(value, key);
            else if (key == "patterns") read_patterns(value);
            else if (key == "sources") read_sources(value);
            else diagnostics_.warning(path_, line_of(entry.first), "unknown case study front matter key '" + key + "'");
        }
        for (const auto& [key, value] : {std::pair{"title", &out_.title}, {"organisation", &out_.organisation},
                                         {"subject", &out_.subject}, {"description", &out_.description}}) {
            if (value->empty()) error(yaml_first_line_, "missing required '" + std::string(key) + "'");
        }
        if (out_.patterns.empty()) error(yaml_first_line_, "'patterns' must list the pattern ids the system uses");
        if (out_.sources.size() < kMinCaseStudySources) {
            error(yaml_first_line_, "'sources' needs at least " + std::to_string(kMinCaseStudySources) +
                                        " pages ({title, url}) by the organisation that runs the system");
        }
    }

    void read_patterns(const YAML::Node& list) {
        if (!list.IsSequence()) return error(line_of(list), "'patterns' must be a list of pattern ids");
        for (const auto& item : list) {
            const std::string id = text(item, "patterns");
            if (id.empty()) continue;
            if (!pattern_titles_.contains(id)) error(line_of(item), "'" + id + "' names no pattern in the corpus");
            if (std::find(out_.patterns.begin(), out_.patterns.end(), id) != out_.patterns.end())
                error(line_of(item), "pattern '" + id + "' is listed twice");
            out_.patterns.push_back(id);
        }
    }

    void read_sources(const YAML::Node& list) {
        if (!list.IsSequence()) return error(line_of(list), "'sources' must be a list of {title, url}");
        for (const auto& item : list) {
            if (!item.IsMap() || !item["title"] || !item["url"]) {
                error(line_of(item), "each source needs a 'title' and a 'url'");
                continue;
            }
            SourceRef source{text(item["title"], "title"), text(item["url"], "url")};
            if (!source.url.empty() && !std::regex_match(source.url, kWebUrl))
                error(line_of(item["url"]), "source url '" + source.url + "' is not an http(s) address");
            out_.sources.push_back(std::move(source));
        }
    }

    void read_sections(const std::vector<MarkdownSection>& sections, int body_line) {
        std::size_t next = 0;
        for (const auto& section : sections) {
            if (section.heading.empty()) continue;  // text before the first heading
            if (next < kCaseStudySections.size() &&
                schema::slugify(section.heading) == schema::slugify(kCaseStudySections[next])) {
                if (kCaseStudySections[next] == "Pattern Stack") check_stack(section);
                out_.sections.push_back({schema::slugify(section.heading), section.heading, section.html,
                                         section.line, section.line_end});
                out_.text += section.heading + "\n" + section.prose + "\n";
                ++next;
                continue;
            }
            error(section.line, "unexpected section '" + section.heading + "': a case study has, in order, " +
                                    expected_sections());
        }
        if (next < kCaseStudySections.size())
            error(body_line, "missing section '## " + std::string(kCaseStudySections[next]) + "'");
    }

    static std::string expected_sections() {
        std::string list;
        for (const auto heading : kCaseStudySections) list += (list.empty() ? "" : ", ") + std::string(heading);
        return list;
    }

    /// Every row names a listed pattern, and every listed pattern has a row.
    void check_stack(const MarkdownSection& section) {
        std::set<std::string> rows;
        std::istringstream lines(section.markdown);
        std::string line;
        std::smatch match;
        for (int number = section.line; std::getline(lines, line); ++number) {
            if (!std::regex_search(line, match, kStackRow)) continue;
            const std::string id = match[1];
            rows.insert(id);
            if (std::find(out_.patterns.begin(), out_.patterns.end(), id) == out_.patterns.end())
                error(number, "Pattern Stack names '" + id + "', which 'patterns' does not list");
        }
        for (const auto& id : out_.patterns) {
            if (!rows.contains(id)) error(section.line, "Pattern Stack has no row for '" + id + "'");
        }
    }

    const std::filesystem::path& path_;
    const std::map<std::string, std::string>& pattern_titles_;
    Diagnostics& diagnostics_;
    const std::size_t errors_before_;
    int yaml_first_line_ = 1;
    CaseStudy out_;
};

}  // namespace

std::vector<CaseStudy> load_case_studies(const std::filesystem::path& dir,
                                         const std::map<std::string, std::string>& pattern_titles,
                                         Diagnostics& diagnostics) {
    std::vector<CaseStudy> studies;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return studies;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        if (auto study = CaseStudyReader(file, pattern_titles, diagnostics).read()) studies.push_back(std::move(*study));
    }
    return studies;
}

}  // namespace pai
