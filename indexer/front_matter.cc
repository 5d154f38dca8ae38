/** @file
 *  @brief Front matter splitting and yaml-cpp reading with line numbers.
 */
#include "front_matter.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace pai {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string normalise_newlines(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
        out += raw[i];
    }
    return out;
}

/// Builds "'key' rest" by appending (GCC 12 warns falsely on operator+ chains here, PR105651).
std::string key_message(std::string_view key, std::string_view rest) {
    std::string message = "'";
    message.append(key).append("' ").append(rest);
    return message;
}

bool is_delimiter(std::string_view line, bool closing) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
}

class Reader {
public:
    Reader(const SplitDocument& doc, const std::filesystem::path& path, Diagnostics& diagnostics)
        : offset_(doc.yaml_first_line), path_(path), diagnostics_(diagnostics) {}

    int line_of(const YAML::Node& node) const { return offset_ + std::max(node.Mark().line, 0); }

    std::optional<Located<std::string>> scalar(const YAML::Node& node, std::string_view key) {
        if (!node.IsScalar()) {
            diagnostics_.error(path_, line_of(node), key_message(key, "must be a single value"));
            return std::nullopt;
        }
        return Located<std::string>{node.Scalar(), line_of(node)};
    }

    std::vector<Located<std::string>> scalar_list(const YAML::Node& node, std::string_view key) {
        std::vector<Located<std::string>> out;
        if (node.IsNull()) return out;
        if (node.IsScalar()) return {{node.Scalar(), line_of(node)}};
        if (!node.IsSequence()) {
            diagnostics_.error(path_, line_of(node), key_message(key, "must be a list"));
            return out;
        }
        for (const auto& item : node) {
            if (auto value = scalar(item, key)) out.push_back(*value);
        }
        return out;
    }

    void evidence(const YAML::Node& node, FrontMatter& fm) {
        fm.has_evidence = true;
        fm.evidence_line = line_of(node);
        if (node.IsNull()) return;
        if (!node.IsSequence()) {
            diagnostics_.error(path_, line_of(node), "'evidence' must be a list of {title, url}");
            return;
        }
        for (const auto& item : node) {
            if (!item.IsMap() || !item["title"] || !item["url"] || !item["title"].IsScalar() ||
                !item["url"].IsScalar()) {
                diagnostics_.error(path_, line_of(item), "each evidence entry needs a 'title' and a 'url'");
                continue;
            }
            fm.evidence.push_back({item["title"].Scalar(), item["url"].Scalar(), line_of(item)});
        }
    }

private:
    int offset_;
    const std::filesystem::path& path_;
    Diagnostics& diagnostics_;
};

}  // namespace

SplitDocument split_front_matter(std::string_view raw) {
    if (raw.starts_with(kBom)) raw.remove_prefix(kBom.size());
    const std::string text = normalise_newlines(raw);
    SplitDocument doc;
    // Walk line by line, tracking where each line starts so the body can be sliced out unchanged.
    std::size_t start = 0;
    int number = 0;
    auto next_line = [&](std::string_view& line) {
        if (start >= text.size()) return false;
        const auto end = text.find('\n', start);
        line = std::string_view(text).substr(start, (end == std::string::npos ? text.size() : end) - start);
        start = end == std::string::npos ? text.size() : end + 1;
        ++number;
        return true;
    };
    std::string_view line;
    if (!next_line(line) || !is_delimiter(line, false)) {
        doc.body = text;
        return doc;
    }
    doc.has_front_matter = true;
    doc.yaml_first_line = 2;
    const std::size_t yaml_start = start;
    while (true) {
        const std::size_t line_start = start;
        if (!next_line(line)) break;
        if (is_delimiter(line, true)) {
            doc.yaml = text.substr(yaml_start, line_start - yaml_start);
            doc.body = text.substr(start);
            doc.body_first_line = number + 1;
            return doc;
        }
    }
    doc.unclosed = true;
    return doc;
}

std::optional<FrontMatter> parse_front_matter(const SplitDocument& document, const std::filesystem::path& path,
                                              Diagnostics& diagnostics) {
    YAML::Node root;
    try {
        root = YAML::Load(document.yaml);
    } catch (const YAML::DeepRecursion& e) {
        diagnostics.error(path, document.yaml_first_line + std::max(e.mark.line, 0),
                          "invalid YAML: nested more than " + std::to_string(e.depth() - 1) + " levels deep");
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        diagnostics.error(path, document.yaml_first_line + std::max(e.mark.line, 0), "invalid YAML: " + e.msg);
        return std::nullopt;
    }
    if (root.IsNull()) return FrontMatter{};
    if (!root.IsMap()) {
        diagnostics.error(path, document.yaml_first_line, "front matter must be a YAML mapping");
        return std::nullopt;
    }
    Reader reader(document, path, diagnostics);
    FrontMatter fm;
    try {
        for (const auto& entry : root) {
            if (!entry.first.IsScalar()) {
                diagnostics.error(path, reader.line_of(entry.first), "front matter keys must be plain words");
                continue;
            }
            const std::string key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "title")
                fm.title = reader.scalar(value, key);
            else if (key == "description")
                fm.description = reader.scalar(value, key);
            else if (key == "pillar")
                fm.pillar = reader.scalar(value, key);
            else if (key == "status")
                fm.status = reader.scalar(value, key);
            else if (key == "last_reviewed")
                fm.last_reviewed = reader.scalar(value, key);
            else if (key == "tags") {
                fm.tags = reader.scalar_list(value, key);
                fm.tags_line = reader.line_of(entry.first);
            } else if (key == "symptoms") {
                fm.symptoms = reader.scalar_list(value, key);
                fm.symptoms_line = reader.line_of(entry.first);
            } else if (key == "related")
                fm.related = reader.scalar_list(value, key);
            else if (key == "evidence")
                reader.evidence(value, fm);
            else
                fm.unknown_keys.push_back({key, reader.line_of(entry.first)});
        }
    } catch (const YAML::Exception& e) {
        diagnostics.error(path, document.yaml_first_line + std::max(e.mark.line, 0), "invalid YAML: " + e.msg);
        return std::nullopt;
    }
    return fm;
}

}  // namespace pai
