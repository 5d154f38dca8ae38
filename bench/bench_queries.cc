/** @file
 *  @brief The benchmark query table and its URL form.
 */
#include "bench_queries.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "stopwords.h"

namespace pai::bench {
namespace {

SearchRequest text(std::string q) {
    SearchRequest request;
    request.query = std::move(q);
    return request;
}

SearchRequest filtered(std::string q, std::vector<std::string> pillars, std::vector<std::string> statuses,
                       std::vector<std::string> sections) {
    SearchRequest request = text(std::move(q));
    request.pillars = std::move(pillars);
    request.statuses = std::move(statuses);
    request.sections = std::move(sections);
    return request;
}

std::string percent_encoded(std::string_view value) {
    std::string out;
    for (const unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            out += escaped;
        }
    }
    return out;
}

void append_all(std::string& out, std::string_view key, const std::vector<std::string>& values) {
    for (const auto& value : values) {
        out += '&';
        out += key;
        out += '=';
        out += percent_encoded(value);
    }
}

/// The words of @p text (ASCII letters and digits, lowercased) but the engine's stop words, each quoted, joined
/// by OR: FTS5 reads no operator and, like the engine, skips "our", "the" and "keeps".
std::string fts5_any_word(std::string_view text) {
    std::string out;
    std::string word;
    const auto flush = [&] {
        if (word.empty() || is_stop_word(word)) return word.clear();
        out += (out.empty() ? "\"" : " OR \"") + word + '"';
        word.clear();
    };
    for (const unsigned char c : text) {
        if (std::isalnum(c)) word += static_cast<char>(std::tolower(c));
        else flush();
    }
    flush();
    return out;
}

std::vector<std::string> tab_fields(const std::string& line) {
    std::vector<std::string> fields;
    for (std::size_t start = 0;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) return fields;
        start = tab + 1;
    }
}

}  // namespace

std::vector<BenchQuery> judged_mix(const std::filesystem::path& queries_tsv) {
    constexpr std::size_t kTextColumn = 2;  // split, batch, query, judgements
    std::ifstream in(queries_tsv);
    if (!in) throw std::runtime_error("cannot read " + queries_tsv.string());
    std::vector<BenchQuery> mix;
    std::string line;
    std::getline(in, line);  // the header
    while (std::getline(in, line)) {
        const auto fields = tab_fields(line);
        if (fields.size() <= kTextColumn || fields[kTextColumn].empty()) continue;
        const std::string& query = fields[kTextColumn];
        mix.push_back({kMixName, text(query), fts5_any_word(query)});
    }
    if (mix.empty()) throw std::runtime_error(queries_tsv.string() + " holds no queries");
    return mix;
}

const std::vector<BenchQuery>& bench_queries() {
    static const std::vector<BenchQuery> queries{
        {"keyword", text("cache"), "cache"},
        {"broad_pair", text("timeout retry"), "timeout OR retry"},
        {"problem_description",
         text("our llm provider keeps timing out at peak traffic and naive retries make the outage worse"),
         "llm OR provider OR keeps OR timing OR peak OR traffic OR naive OR retries OR make OR outage OR worse"},
        {"pillar_filter", filtered("cost", {"cost-and-efficiency"}, {}, {}), "cost"},
        {"status_section_filter", filtered("latency", {}, {"validated-in-production"}, {"trade-offs"}), "latency"},
        {"phrase", text("\"prompt injection\""), "\"prompt injection\""},
        {"required_excluded", text("+evaluation -human"), "evaluation NOT human"},
        {"wildcard", text("retr*"), "retr*"},
        {"misspelled", text("halucination detection"), "halucination OR detection"},
        {"browse", text(""), ""},
    };
    return queries;
}

std::string url_query(const BenchQuery& query) {
    const SearchRequest& r = query.request;
    std::string out = "q";
    out += '=';
    out += percent_encoded(r.query);
    append_all(out, "pillar", r.pillars);
    append_all(out, "status", r.statuses);
    append_all(out, "section", r.sections);
    return out;
}

}  // namespace pai::bench
