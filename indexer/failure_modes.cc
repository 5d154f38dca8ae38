/** @file
 *  @brief Line-by-line reading of a Failure Modes section.
 */
#include "failure_modes.h"

#include <array>
#include <regex>
#include <set>
#include <sstream>

#include "schema.h"

namespace pai {
namespace {

/// `**Trigger**: text` (also `**Trigger:** text`, as some upstream files write it).
const std::regex kFieldLine(R"(^\*\*(Trigger|Symptom|Mitigation)(?:\*\*:|:\*\*)\s*(.*)$)");
const std::regex kEntryHeading(R"(^###\s+(.*?)\s*#*\s*$)");

std::string trim(std::string text) {
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

std::string* field_of(FailureMode& mode, const std::string& name) {
    if (name == "Trigger") return &mode.trigger;
    if (name == "Symptom") return &mode.symptom;
    return &mode.mitigation;
}

class Reader {
public:
    explicit Reader(const MarkdownSection& section) : section_(section) {}

    FailureModesParse read() {
        std::istringstream text(section_.markdown);
        std::string line;
        bool in_fence = false;
        for (int number = section_.line; std::getline(text, line); ++number) {
            const std::string trimmed = trim(line);
            if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) in_fence = !in_fence;
            const bool started_entry = !in_fence && read_line(line, trimmed, number);
            if (!started_entry && !out_.entries.empty()) out_.entries.back().markdown += line + '\n';
        }
        finish_entry();
        if (out_.entries.size() < kMinFailureModes) {
            problem(section_.line, "Failure Modes lists " + std::to_string(out_.entries.size()) +
                                       " entries; each pattern needs at least " + std::to_string(kMinFailureModes) +
                                       " ('### Name' with Trigger, Symptom and Mitigation lines)");
        }
        return std::move(out_);
    }

private:
    /// Reads one line outside fenced code; true when it starts a new entry.
    bool read_line(const std::string& line, const std::string& trimmed, int number) {
        std::smatch match;
        if (std::regex_match(line, match, kEntryHeading)) {
            finish_entry();
            ParsedFailureMode entry;
            entry.mode.name = match[1];
            entry.mode.line = entry.mode.line_end = number;
            entry.markdown = line + '\n';
            if (!names_.insert(schema::slugify(entry.mode.name)).second)
                problem(number, "failure mode '" + entry.mode.name + "' repeats an earlier name");
            out_.entries.push_back(std::move(entry));
            field_ = nullptr;
            return true;
        }
        if (out_.entries.empty()) return false;  // an introductory sentence before the first entry
        auto& mode = out_.entries.back().mode;
        if (trimmed.empty()) {
            field_ = nullptr;
            return false;
        }
        mode.line_end = number;
        if (std::regex_match(trimmed, match, kFieldLine)) {
            field_ = field_of(mode, match[1]);
            if (!field_->empty()) problem(number, "'" + mode.name + "' gives **" + std::string(match[1]) + "** twice");
            *field_ = match[2];
        } else if (field_) {
            *field_ += ' ' + trimmed;  // a field's text wrapped onto the next line
        }
        return false;
    }

    void finish_entry() {
        if (out_.entries.empty()) return;
        const auto& mode = out_.entries.back().mode;
        const std::array<std::pair<const char*, const std::string*>, 3> fields{
            {{"Trigger", &mode.trigger}, {"Symptom", &mode.symptom}, {"Mitigation", &mode.mitigation}}};
        for (const auto& [name, value] : fields) {
            if (trim(*value).empty())
                problem(mode.line, "failure mode '" + mode.name + "' needs a '**" + std::string(name) + "**: ...' line");
        }
        field_ = nullptr;
    }

    void problem(int line, std::string message) { out_.problems.push_back({line, std::move(message)}); }

    const MarkdownSection& section_;
    FailureModesParse out_;
    std::set<std::string> names_;  // slugs of the names seen so far
    std::string* field_ = nullptr;
};

}  // namespace

FailureModesParse parse_failure_modes(const MarkdownSection& section) {
    return Reader(section).read();
}

}  // namespace pai
