/** @file
 *  @brief Decision Guide reading with yaml-cpp, keeping the source line of every value for diagnostics.
 */
#include "decision_guide_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>

#include "schema.h"
#include "search_types.h"

namespace pai {
namespace {

class GuideReader {
public:
    GuideReader(const std::filesystem::path& file, const std::set<std::string>& pattern_ids, Diagnostics& diagnostics)
        : file_(file), pattern_ids_(pattern_ids), diagnostics_(diagnostics) {}

    std::optional<DecisionGuide> read(const YAML::Node& root) {
        if (!root.IsMap()) {
            error(root, "the decision guide must be a mapping with 'title', 'intro' and 'questions'");
            return std::nullopt;
        }
        only_keys(root, {"title", "intro", "questions"});
        DecisionGuide guide{text(root, "title", true), text(root, "intro", false), {}};
        const YAML::Node questions = root["questions"];
        if (!questions || !questions.IsSequence()) {
            error(questions ? questions : root, "'questions' must be a list");
            return guide;
        }
        if (questions.size() < kMinGuideQuestions || questions.size() > kMaxGuideQuestions) {
            error(questions, "the guide must ask " + std::to_string(kMinGuideQuestions) + " to " +
                                 std::to_string(kMaxGuideQuestions) + " questions, found " +
                                 std::to_string(questions.size()));
        }
        std::set<std::string> ids;
        for (const auto& item : questions) {
            GuideQuestion question = read_question(item);
            if (!question.id.empty() && !ids.insert(question.id).second) {
                error(item["id"], "question id '" + question.id + "' is used twice");
            }
            guide.questions.push_back(std::move(question));
        }
        return guide;
    }

private:
    const std::filesystem::path& file_;
    const std::set<std::string>& pattern_ids_;
    Diagnostics& diagnostics_;

    static int line_of(const YAML::Node& node) { return std::max(node.Mark().line, 0) + 1; }
    void error(const YAML::Node& node, std::string message) {
        diagnostics_.error(file_, line_of(node), std::move(message));
    }

    void only_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed) {
        for (const auto& entry : map) {
            const auto key = entry.first.as<std::string>();
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                diagnostics_.warning(file_, line_of(entry.first), "unknown key '" + key + "'");
            }
        }
    }

    std::string text(const YAML::Node& map, const char* key, bool required) {
        const YAML::Node value = map[key];
        if (!value || value.IsNull()) {
            if (required) error(map, std::string("missing required '") + key + "'");
            return {};
        }
        if (!value.IsScalar()) {
            error(value, std::string("'") + key + "' must be text");
            return {};
        }
        return value.Scalar();
    }

    std::string slug(const YAML::Node& map, const char* what) {
        std::string id = text(map, "id", true);
        if (!id.empty() && schema::slugify(id) != id) {
            error(map["id"], std::string(what) + " id '" + id + "' must be lowercase words joined by hyphens");
        }
        return id;
    }

    std::string pattern_id(const YAML::Node& node) {
        const std::string id = node.IsScalar() ? node.Scalar() : std::string();
        if (!pattern_ids_.contains(id)) error(node, "'" + id + "' names no pattern in the corpus");
        return id;
    }

    GuideQuestion read_question(const YAML::Node& item) {
        GuideQuestion question;
        if (!item.IsMap()) {
            error(item, "each question needs 'id', 'text' and 'answers'");
            return question;
        }
        only_keys(item, {"id", "text", "help", "weight", "answers"});
        question.id = slug(item, "question");
        question.text = text(item, "text", true);
        question.help = text(item, "help", false);
        if (item["weight"]) {
            question.weight = item["weight"].as<double>();
            if (question.weight <= 0) error(item["weight"], "'weight' must be a positive number");
        }
        const YAML::Node answers = item["answers"];
        if (!answers || !answers.IsSequence() || answers.size() < 2) {
            error(answers ? answers : item, "a question needs a list of at least two 'answers'");
            return question;
        }
        std::set<std::string> ids;
        for (const auto& answer_node : answers) {
            GuideAnswer answer = read_answer(answer_node);
            if (!answer.id.empty() && !ids.insert(answer.id).second) {
                error(answer_node["id"],
                      "answer id '" + answer.id + "' is used twice in question '" + question.id + "'");
            }
            question.answers.push_back(std::move(answer));
        }
        return question;
    }

    GuideAnswer read_answer(const YAML::Node& item) {
        GuideAnswer answer;
        if (!item.IsMap()) {
            error(item, "each answer needs an 'id' and a 'label'");
            return answer;
        }
        only_keys(item, {"id", "label", "because", "favour", "rule_out", "query"});
        answer.id = slug(item, "answer");
        answer.label = text(item, "label", true);
        answer.because = text(item, "because", false);
        answer.query = text(item, "query", false);
        if (answer.query.size() > kMaxQueryBytes) error(item["query"], "'query' is longer than 1 KiB");
        if (const YAML::Node favour = item["favour"]) {
            if (!favour.IsSequence()) {
                error(favour, "'favour' must be a list of pattern ids");
            } else {
                for (const auto& id : favour) answer.favour.push_back(pattern_id(id));
            }
        }
        if (const YAML::Node rule_out = item["rule_out"]) read_rule_outs(rule_out, answer);
        if (answer.because.empty() && (!answer.favour.empty() || !answer.query.empty())) {
            error(item,
                  "an answer that favours patterns or adds a query needs 'because' (the reason shown with "
                  "them)");
        }
        return answer;
    }

    void read_rule_outs(const YAML::Node& list, GuideAnswer& answer) {
        if (!list.IsSequence()) {
            error(list, "'rule_out' must be a list of {id, reason}");
            return;
        }
        for (const auto& entry : list) {
            if (!entry.IsMap() || !entry["id"] || !entry["reason"] || entry["reason"].Scalar().empty()) {
                error(entry, "each 'rule_out' entry needs an 'id' and a 'reason'");
                continue;
            }
            only_keys(entry, {"id", "reason"});
            RuleOut out{pattern_id(entry["id"]), entry["reason"].Scalar()};
            if (std::find(answer.favour.begin(), answer.favour.end(), out.id) != answer.favour.end()) {
                error(entry["id"], "'" + out.id + "' is both favoured and ruled out by the same answer");
            }
            answer.rule_out.push_back(std::move(out));
        }
    }
};

}  // namespace

std::optional<DecisionGuide> load_decision_guide(const std::filesystem::path& file,
                                                 const std::set<std::string>& pattern_ids, Diagnostics& diagnostics) {
    try {
        return GuideReader(file, pattern_ids, diagnostics).read(YAML::LoadFile(file.string()));
    } catch (const YAML::Exception& e) {
        diagnostics.error(file, std::max(e.mark.line, 0) + 1, "invalid YAML: " + e.msg);
        return std::nullopt;
    }
}

}  // namespace pai
