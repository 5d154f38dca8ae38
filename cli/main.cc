/** @file
 *  @brief pattern-search: search the library from a terminal, through the daemon or an index directly.
 */
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "api_backend.h"
#include "output.h"
#include "result_json.h"
#include "search_error.h"
#include "searcher.h"

namespace {

constexpr int kExitResults = 0;
constexpr int kExitNoResults = 1;
constexpr int kExitUsage = 2;

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
    return out;
}

std::string search_target(const pai::SearchRequest& request) {
    std::string target = "/v1/search?q=" + pai::percent_encode(request.query);
    auto add = [&](std::string_view name, const std::vector<std::string>& values) {
        for (const auto& v : values) target += "&" + std::string(name) + "=" + pai::percent_encode(v);
    };
    add("pillar", request.pillars);
    add("status", request.statuses);
    add("section", request.sections);
    add("tag", request.tags);
    target += "&limit=" + std::to_string(request.limit) + "&offset=" + std::to_string(request.offset);
    return target;
}

/// The API's search JSON, from the daemon or from a local index.
nlohmann::json run(const pai::SearchRequest& request, const std::string& server, const std::string& index) {
    if (!index.empty()) {
        pai::Searcher searcher(index);
        return pai::to_json(searcher.search(request));
    }
    return pai::api_get(*pai::daemon_backend(server), search_target(request));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Search the Production AI Patterns library"};
    std::string server = "http://127.0.0.1:7171";
    std::string index;
    std::vector<std::string> words;
    pai::SearchRequest request;
    bool json = false;
    auto* server_option = app.add_option("--server", server, "URL of a running pattern-searchd");
    app.add_option("--index", index, "Search this index directly, no daemon needed")->excludes(server_option);
    app.add_option("--pillar", request.pillars, "Only this pillar (repeatable)")->allow_extra_args(false);
    app.add_option("--status", request.statuses, "Only this status (repeatable)")->allow_extra_args(false);
    app.add_option("--section", request.sections, "Only matches in this section (repeatable)")->allow_extra_args(false);
    app.add_option("--tag", request.tags, "Only patterns with this tag (repeatable)")->allow_extra_args(false);
    app.add_option("--limit", request.limit, "Number of results (at most 100)")->check(CLI::Range(0, 100));
    app.add_option("--offset", request.offset, "Skip this many results (at most 1000)")->check(CLI::Range(0, 1000));
    app.add_flag("--json", json, "Print the API's search JSON");
    app.add_option("query", words, "What to search for, in your own words")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : kExitUsage;
    }
    request.query = join(words);

    try {
        const nlohmann::json result = run(request, server, index);
        if (json) {
            std::cout << result.dump() << '\n';
        } else {
            const bool color = ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
            std::cout << pai::format_results(result, color);
        }
        return result.at("total").get<std::size_t>() > 0 ? kExitResults : kExitNoResults;
    } catch (const std::runtime_error& e) {  // ConnectionError (with how to start the daemon) or SearchError
        std::cerr << "pattern-search: " << e.what() << '\n';
    }
    return kExitUsage;
}
