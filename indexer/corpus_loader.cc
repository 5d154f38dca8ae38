/** @file
 *  @brief Corpus walking, file reading and pillars.yaml.
 */
#include "corpus_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "text_checks.h"

namespace pai {
namespace {

constexpr std::uintmax_t kMaxFileBytes = 4 * 1024 * 1024;
constexpr unsigned kMaxLoaderThreads = 8;  // parsing (YAML, cmark) is CPU-bound: one thread per core, up to this

/// What reading one file of the corpus gave: its pattern when it holds one, and what it reported.
struct LoadedFile {
    std::optional<PatternSource> pattern;
    bool skipped = false;  ///< not a pattern: another kind of file, or one whose front matter names no pillar
    Diagnostics diagnostics;
    std::exception_ptr failure;  ///< an exception the parse threw, rethrown on the calling thread
};

LoadedFile load_file(const std::filesystem::path& file) {
    LoadedFile loaded;
    loaded.skipped = file.extension() != ".md";
    if (loaded.skipped) return loaded;
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) > kMaxFileBytes) {
        loaded.diagnostics.error(file, 1, "file is larger than 4 MiB");
        return loaded;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    PatternSource pattern;
    if (load_pattern_file(file, content.str(), pattern, loaded.diagnostics)) {
        loaded.pattern = std::move(pattern);
    } else {
        loaded.skipped = true;
    }
    return loaded;
}

/// Every one of @p files read and parsed, on as many threads as there are cores, in the order given.
std::vector<LoadedFile> load_files(const std::vector<std::filesystem::path>& files) {
    std::vector<LoadedFile> loaded(files.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            try {
                loaded[i] = load_file(files[i]);
            } catch (...) {
                loaded[i].failure = std::current_exception();
            }
        }
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, kMaxLoaderThreads);
    {
        std::vector<std::jthread> helpers;
        for (unsigned i = 1; i < threads; ++i) helpers.emplace_back(work);
        work();
    }
    return loaded;
}

int count_lines(std::string_view text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + (text.empty() || text.back() == '\n' ? 0 : 1);
}

std::vector<PillarInfo> read_pillars(const std::filesystem::path& file, Diagnostics& diagnostics) {
    std::vector<PillarInfo> pillars;
    try {
        const YAML::Node root = YAML::LoadFile(file.string());
        if (!root.IsSequence()) {
            diagnostics.error(file, 1, "pillars.yaml must be a list of {id, name, order, description}");
            return default_pillars();
        }
        for (const auto& item : root) {
            const int line = item.Mark().line + 1;
            if (!item.IsMap() || !item["id"] || !item["name"]) {
                diagnostics.error(file, line, "each pillar needs an 'id' and a 'name'");
                continue;
            }
            PillarInfo pillar;
            pillar.id = item["id"].as<std::string>();
            pillar.name = item["name"].as<std::string>();
            pillar.order = item["order"] ? item["order"].as<int>() : static_cast<int>(pillars.size()) + 1;
            pillar.description = item["description"] ? item["description"].as<std::string>() : std::string();
            pillars.push_back(std::move(pillar));
        }
    } catch (const YAML::Exception& e) {
        diagnostics.error(file, e.mark.line + 1, "invalid YAML: " + e.msg);
        return default_pillars();
    }
    std::sort(pillars.begin(), pillars.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
    return pillars;
}

}  // namespace

std::vector<PillarInfo> default_pillars() {
    return {{"inference-and-serving", "Inference & Serving", 1, ""},
            {"data-patterns", "Data Patterns for AI", 2, ""},
            {"reliability", "Reliability & Resilience", 3, ""},
            {"retrieval-and-memory", "Retrieval & Memory", 4, ""},
            {"observability", "Observability & Monitoring", 5, ""},
            {"security-and-trust", "Security & Trust", 6, ""},
            {"cost-and-efficiency", "Cost & Efficiency", 7, ""},
            {"governance", "Governance & Compliance", 8, ""},
            {"graph-patterns", "Graph Patterns", 9, ""},
            {"evaluation-and-testing", "Evaluation & Testing", 10, ""}};
}

bool load_pattern_file(const std::filesystem::path& path, std::string_view content, PatternSource& out,
                       Diagnostics& diagnostics) {
    const SplitDocument split = split_front_matter(content);
    if (!split.has_front_matter) return false;
    if (const auto problem = find_text_problem(content)) {
        diagnostics.error(path, problem->line, problem->message);
        return false;
    }
    if (split.unclosed) {
        diagnostics.error(path, 1, "front matter opened with '---' is never closed");
        return false;
    }
    Diagnostics local;
    auto front_matter = parse_front_matter(split, path, local);
    const bool names_pillar = front_matter && front_matter->pillar;
    // Invalid YAML in a file that looks like a pattern is an error; elsewhere it is not our business.
    const bool looks_like_pattern = names_pillar || split.yaml.find("pillar:") != std::string::npos;
    if (!looks_like_pattern) return false;
    diagnostics.append(local);
    if (!names_pillar) return false;
    out.path = path;
    out.id = path.stem().string();
    out.folder = path.parent_path().filename().string();
    out.front_matter = std::move(*front_matter);
    out.sections = split_sections(split.body, split.body_first_line);
    out.body_first_line = split.body_first_line;
    out.line_count = count_lines(content);
    return true;
}

Corpus load_corpus(const std::filesystem::path& root, Diagnostics& diagnostics) {
    Corpus corpus;
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
        diagnostics.error(root, 1, "corpus directory does not exist");
        return corpus;
    }
    const auto pillars_file = root / "pillars.yaml";
    corpus.pillars =
        std::filesystem::exists(pillars_file) ? read_pillars(pillars_file, diagnostics) : default_pillars();

    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file()) files.push_back(it->path());
    }
    if (ec) diagnostics.error(root, 1, "cannot walk the corpus: " + ec.message());
    std::sort(files.begin(), files.end());

    for (auto& file : load_files(files)) {
        if (file.failure) std::rethrow_exception(file.failure);
        diagnostics.append(file.diagnostics);
        if (file.pattern) corpus.patterns.push_back(std::move(*file.pattern));
        if (file.skipped) ++corpus.skipped_files;
    }
    std::stable_sort(corpus.patterns.begin(), corpus.patterns.end(),
                     [](const PatternSource& a, const PatternSource& b) { return a.id < b.id; });
    return corpus;
}

}  // namespace pai
