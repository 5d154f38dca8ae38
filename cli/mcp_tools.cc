/** @file
 *  @brief search_patterns, get_pattern, list_facets and recommend, each a thin mapping onto the /v1 API.
 */
#include "mcp_tools.h"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "mcp_tool_schemas.h"
#include "output.h"
#include "recommender.h"
#include "search_error.h"
#include "search_types.h"

namespace pai::mcp {
namespace {

[[noreturn]] void bad_argument(const std::string& message) {
    throw SearchError(ErrorKind::kBadRequest, message);
}

/// Checked access to a tool's arguments: unknown names and wrong types are errors, never ignored.
class Arguments {
public:
    Arguments(const nlohmann::json& arguments, const nlohmann::json& definition) : arguments_(arguments) {
        if (arguments_.is_null()) return;
        if (!arguments_.is_object()) bad_argument("arguments must be an object");
        const auto& properties = definition.at("inputSchema").at("properties");
        for (const auto& [name, value] : arguments_.items()) {
            if (!properties.contains(name)) bad_argument("unknown argument '" + name + "'");
        }
    }

    std::optional<std::string> text(const std::string& name) const {
        const auto* value = find(name);
        if (!value) return std::nullopt;
        if (!value->is_string()) bad_argument("'" + name + "' must be a string");
        return value->get<std::string>();
    }

    std::vector<std::string> texts(const std::string& name) const {
        const auto* value = find(name);
        if (!value) return {};
        const bool strings =
            value->is_array() && std::all_of(value->begin(), value->end(), [](const auto& v) { return v.is_string(); });
        if (!strings) bad_argument("'" + name + "' must be an array of strings");
        return value->get<std::vector<std::string>>();
    }

    std::optional<long long> integer(const std::string& name, long long min, long long max) const {
        const auto* value = find(name);
        if (!value) return std::nullopt;
        if (!value->is_number_integer() || *value < min || *value > max) {
            bad_argument("'" + name + "' must be an integer from " + std::to_string(min) + " to " +
                         std::to_string(max));
        }
        return value->get<long long>();
    }

    const nlohmann::json* find(const std::string& name) const {
        if (!arguments_.is_object() || !arguments_.contains(name) || arguments_[name].is_null()) return nullptr;
        return &arguments_[name];
    }

private:
    const nlohmann::json& arguments_;
};

const nlohmann::json& definition_of(std::string_view name) {
    for (const auto& tool : tool_definitions()) {
        if (tool.at("name") == name) return tool;
    }
    throw SearchError(ErrorKind::kInternal, "no tool named " + std::string(name));
}

/// Keeps only @p keys of @p from (the API may grow fields the output schema does not describe).
nlohmann::json pick(const nlohmann::json& from, std::initializer_list<const char*> keys) {
    nlohmann::json out = nlohmann::json::object();
    for (const char* key : keys) {
        if (from.contains(key)) out[key] = from[key];
    }
    return out;
}

void add_list(std::string& target, std::string_view name, const std::vector<std::string>& values) {
    for (const auto& value : values) target += "&" + std::string(name) + "=" + percent_encode(value);
}

nlohmann::json search_patterns(ApiBackend& backend, const Arguments& args) {
    std::string target = "/v1/search?q=" + percent_encode(args.text("query").value_or(""));
    add_list(target, "pillar", args.texts("pillar"));
    add_list(target, "status", args.texts("status"));
    add_list(target, "tag", args.texts("tag"));
    if (const auto limit = args.integer("limit", 1, kMaxLimit)) target += "&limit=" + std::to_string(*limit);
    const auto result = api_get(backend, target);

    nlohmann::json out = pick(result, {"query", "total", "did_you_mean"});
    out["hits"] = nlohmann::json::array();
    for (const auto& hit : result.at("hits")) {
        auto item = pick(hit, {"id", "title", "description", "pillar", "status", "tags", "section", "section_title",
                               "path", "line", "line_end", "score", "symptom"});
        item["uri"] = pattern_uri(hit.at("id").get<std::string>());
        item["snippet"] = terminal_snippet(hit.at("snippet").get<std::string>(), false);
        out["hits"].push_back(std::move(item));
    }
    return out;
}

nlohmann::json get_pattern(ApiBackend& backend, const Arguments& args) {
    const std::string id = args.text("id").value_or("");
    if (id.empty()) bad_argument("'id' is required: a pattern id such as circuit-breaker");
    const auto pattern = api_get(backend, "/v1/patterns/" + percent_encode(id));
    const auto wanted = args.texts("sections");

    nlohmann::json out = pick(pattern, {"id", "title", "description", "pillar", "status", "tags", "symptoms", "path",
                                        "last_reviewed", "related", "evidence"});
    out["uri"] = pattern_uri(id);
    out["sections"] = nlohmann::json::array();
    std::set<std::string> found;
    for (const auto& section : pattern.at("sections")) {
        const auto section_id = section.at("id").get<std::string>();
        if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), section_id) == wanted.end()) continue;
        found.insert(section_id);
        out["sections"].push_back(pick(section, {"id", "title", "markdown", "line", "line_end"}));
    }
    for (const auto& section_id : wanted) {
        if (found.count(section_id)) continue;
        std::string known;
        for (const auto& section : pattern.at("sections"))
            known += (known.empty() ? "" : ", ") + section.at("id").get<std::string>();
        bad_argument("pattern '" + id + "' has no section '" + section_id + "' (it has: " + known + ")");
    }
    return out;
}

nlohmann::json list_facets(ApiBackend& backend, const Arguments&) {
    const auto facets = api_get(backend, "/v1/facets");
    nlohmann::json out{{"patterns", facets.at("patterns")}, {"facets", facets.at("facets")}};
    out["pillars"] = nlohmann::json::array();
    const auto pillars = api_get(backend, "/v1/pillars");
    for (const auto& pillar : pillars.at("pillars")) {
        out["pillars"].push_back(pick(pillar, {"id", "name", "description", "patterns"}));
    }
    return out;
}

/// With no answers: the guide's questions, so the caller learns what it can answer.
nlohmann::json guide_questions(ApiBackend& backend) {
    const auto guide = api_get(backend, "/v1/decision-guide");
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& question : guide.at("questions")) {
        auto item = pick(question, {"id", "text", "help"});
        item["answers"] = nlohmann::json::array();
        for (const auto& answer : question.at("answers")) item["answers"].push_back(pick(answer, {"id", "label"}));
        questions.push_back(std::move(item));
    }
    return {{"questions", std::move(questions)},
            {"answers", nlohmann::json::array()},
            {"recommendations", nlohmann::json::array()},
            {"ruled_out", nlohmann::json::array()}};
}

nlohmann::json recommend(ApiBackend& backend, const Arguments& args) {
    const auto limit = args.integer("limit", 1, kMaxRecommendations);
    const auto* answers = args.find("answers");
    if (answers && !answers->is_object()) bad_argument("'answers' must be an object of question id to answer id");
    if (!answers || answers->empty()) return guide_questions(backend);

    std::string target = "/v1/recommend?answers=";
    bool first = true;
    for (const auto& [question, answer] : answers->items()) {
        if (!answer.is_string()) bad_argument("the answer to '" + question + "' must be a string (an answer id)");
        target += (first ? "" : ",") + percent_encode(question + ":" + answer.get<std::string>());
        first = false;
    }
    if (limit) target += "&limit=" + std::to_string(*limit);
    const auto result = api_get(backend, target);

    nlohmann::json out{{"answers", result.at("answers")}};
    for (const char* list : {"recommendations", "ruled_out"}) {
        out[list] = nlohmann::json::array();
        for (const auto& item : result.at(list)) {
            auto copy = pick(item, {"id", "title", "description", "pillar", "status", "score", "reasons", "caveat"});
            copy["uri"] = pattern_uri(item.at("id").get<std::string>());
            out[list].push_back(std::move(copy));
        }
    }
    return out;
}

nlohmann::json tool_result(const nlohmann::json& structured) {
    return {{"content", {{{"type", "text"}, {"text", structured.dump(2)}}}},
            {"structuredContent", structured},
            {"isError", false}};
}

nlohmann::json tool_error(const std::string& message) {
    return {{"content", {{{"type", "text"}, {"text", message}}}}, {"isError", true}};
}

}  // namespace

std::string pattern_uri(std::string_view id) {
    return "pattern://" + std::string(id);
}

bool has_tool(std::string_view name) {
    const auto& tools = tool_definitions();
    return std::any_of(tools.begin(), tools.end(), [&](const auto& tool) { return tool.at("name") == name; });
}

nlohmann::json call_tool(ApiBackend& backend, std::string_view name, const nlohmann::json& arguments) {
    using Tool = nlohmann::json (*)(ApiBackend&, const Arguments&);
    static constexpr std::pair<std::string_view, Tool> kTools[] = {
        {"search_patterns", search_patterns},
        {"get_pattern", get_pattern},
        {"list_facets", list_facets},
        {"recommend", recommend},
    };
    try {
        const Arguments args(arguments, definition_of(name));
        for (const auto& [tool_name, tool] : kTools) {
            if (tool_name == name) return tool_result(tool(backend, args));
        }
        return tool_error("no tool named " + std::string(name));
    } catch (const SearchError& e) {
        return tool_error(std::string(e.what()));
    } catch (const ConnectionError& e) {
        return tool_error(e.what());
    } catch (const nlohmann::json::exception& e) {
        return tool_error(backend.describe() + " answered with unexpected JSON: " + e.what());
    }
}

}  // namespace pai::mcp
