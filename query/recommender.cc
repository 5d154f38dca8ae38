/** @file
 *  @brief Decision Guide ranking and caveat extraction.
 */
#include "recommender.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "schema.h"
#include "search_error.h"

namespace pai {
namespace {

// A favoured pattern scores kFavourWeight, less kFavourStep for each pattern listed before it (authors list
// the strongest first), never below kFavourFloor; all of it times its question's weight.
constexpr double kFavourWeight = 3.0;
constexpr double kFavourStep = 0.25;
constexpr double kFavourFloor = 1.0;
// An answer's query contributes its top kQueryHits hits, the first worth kQueryWeight, falling linearly.
constexpr std::size_t kQueryHits = 5;
constexpr double kQueryWeight = 1.5;
// A caveat is one sentence, or two when the first is too short to stand alone.
constexpr std::size_t kCaveatShortSentence = 90;
constexpr std::string_view kCaveatSection = "when-not-to-use";

struct Candidate {
    double score = 0;
    std::vector<std::pair<double, std::string>> reasons;  ///< (contribution, text)

    void add(double weight, const std::string& reason) {
        score += weight;
        auto same = std::find_if(reasons.begin(), reasons.end(), [&](const auto& r) { return r.second == reason; });
        if (same == reasons.end())
            reasons.emplace_back(weight, reason);
        else
            same->first += weight;
    }
};

int maturity(std::string_view status) {
    const auto& statuses = schema::kStatuses;
    return static_cast<int>(std::find(statuses.begin(), statuses.end(), status) - statuses.begin());
}

/// A pattern's metadata without loading its sections.
PatternMeta meta_of(Searcher& searcher, const std::string& id) {
    const std::string stored = searcher.metadata(std::string(meta_key::kPatternPrefix) + id);
    if (stored.empty())
        throw SearchError(ErrorKind::kInternal, "the decision guide names unknown pattern '" + id + "'");
    try {
        return nlohmann::json::parse(stored).get<PatternMeta>();
    } catch (const nlohmann::json::exception& e) {
        throw SearchError(ErrorKind::kInternal, "corrupt metadata of pattern '" + id + "': " + e.what());
    }
}

[[noreturn]] void bad_request(const std::string& message) {
    throw SearchError(ErrorKind::kBadRequest, message);
}

/// The chosen answers in the guide's question order, checked against the guide.
std::vector<std::pair<const GuideQuestion*, const GuideAnswer*>> resolve(const DecisionGuide& guide,
                                                                         const std::vector<AnswerChoice>& answers) {
    std::vector<std::pair<const GuideQuestion*, const GuideAnswer*>> chosen;
    for (const auto& question : guide.questions) {
        const GuideAnswer* picked = nullptr;
        for (const auto& [question_id, answer_id] : answers) {
            if (question_id != question.id) continue;
            if (picked) bad_request("question '" + question.id + "' is answered more than once");
            // An init-capture: clang 14 (the fuzz tree) cannot capture a structured binding.
            const auto answer = std::find_if(question.answers.begin(), question.answers.end(),
                                             [&wanted = answer_id](const GuideAnswer& a) { return a.id == wanted; });
            if (answer == question.answers.end())
                bad_request("question '" + question.id + "' has no answer '" + answer_id + "'");
            picked = &*answer;
        }
        if (picked) chosen.emplace_back(&question, picked);
    }
    for (const auto& [question_id, answer_id] : answers) {
        const bool known = std::any_of(guide.questions.begin(), guide.questions.end(),
                                       [&wanted = question_id](const GuideQuestion& q) { return q.id == wanted; });
        if (!known) bad_request("the decision guide has no question '" + question_id + "'");
    }
    return chosen;
}

void score_answer(const GuideQuestion& question, const GuideAnswer& answer, Searcher& searcher,
                  std::map<std::string, Candidate>& candidates) {
    for (std::size_t i = 0; i < answer.favour.size(); ++i) {
        const double weight = std::max(kFavourFloor, kFavourWeight - kFavourStep * static_cast<double>(i));
        candidates[answer.favour[i]].add(question.weight * weight, answer.because);
    }
    if (answer.query.empty()) return;
    SearchRequest request;
    request.query = answer.query;
    request.limit = kQueryHits;
    const auto result = searcher.search(request);
    const std::string found = answer.because + " (it matches the search \xE2\x80\x9C" + answer.query + "\xE2\x80\x9D)";
    for (std::size_t rank = 0; rank < result.hits.size(); ++rank) {
        const std::string& id = result.hits[rank].id;
        const bool favoured = std::find(answer.favour.begin(), answer.favour.end(), id) != answer.favour.end();
        const double share = static_cast<double>(kQueryHits - rank) / static_cast<double>(kQueryHits);
        candidates[id].add(question.weight * kQueryWeight * share, favoured ? answer.because : found);
    }
}

/// The first list item (or paragraph) after the heading, on one line.
std::string first_block(std::string_view markdown) {
    std::istringstream lines{std::string(markdown)};
    std::string line;
    std::string block;
    while (std::getline(lines, line)) {
        const auto start = line.find_first_not_of(' ');
        const bool blank = start == std::string::npos;
        if (block.empty()) {
            if (blank || line[start] == '#') continue;
            const bool item = line.compare(start, 2, "- ") == 0 || line.compare(start, 2, "* ") == 0;
            block = line.substr(item ? start + 2 : start);
            continue;
        }
        const bool next_item = !blank && (line.compare(start, 2, "- ") == 0 || line.compare(start, 2, "* ") == 0);
        if (blank || next_item) break;
        block += ' ' + line.substr(start);
    }
    return block;
}

std::string plain(std::string text) {
    for (const std::string_view marker : {"**", "__"}) {
        for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at))
            text.erase(at, marker.size());
    }
    std::string out;
    for (char c : text) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// Sentences end at . ! or ? before a space and a capital letter or backtick, or at the end of the text.
std::string leading_sentences(const std::string& text) {
    std::size_t end = 0;
    int sentences = 0;
    for (std::size_t i = 0; i < text.size() && sentences < 2; ++i) {
        if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
        const bool at_end = i + 1 == text.size();
        const bool boundary = at_end || (text[i + 1] == ' ' && i + 2 < text.size() &&
                                         (std::isupper(static_cast<unsigned char>(text[i + 2])) || text[i + 2] == '`'));
        if (!boundary) continue;
        end = i + 1;
        ++sentences;
        if (end >= kCaveatShortSentence) break;
    }
    return end == 0 ? text : text.substr(0, end);
}

}  // namespace

std::string caveat_of(const PatternView& view) {
    const auto section = std::find_if(view.sections.begin(), view.sections.end(),
                                      [](const PatternSection& s) { return s.id == kCaveatSection; });
    if (section == view.sections.end()) return {};
    return leading_sentences(plain(first_block(section->markdown)));
}

Recommendations recommend(const DecisionGuide& guide, const std::vector<AnswerChoice>& answers, Searcher& searcher,
                          std::size_t limit) {
    Recommendations out;
    std::map<std::string, Candidate> candidates;
    std::map<std::string, std::vector<std::string>> ruled_out;
    std::vector<std::string> ruled_out_order;
    for (const auto& [question, answer] : resolve(guide, answers)) {
        out.answers.push_back({question->id, answer->id, question->text, answer->label});
        score_answer(*question, *answer, searcher, candidates);
        for (const auto& rule : answer->rule_out) {
            auto& reasons = ruled_out[rule.id];
            if (reasons.empty()) ruled_out_order.push_back(rule.id);
            reasons.push_back(rule.reason);
        }
    }
    std::vector<Recommendation> ranked;
    for (auto& [id, candidate] : candidates) {
        if (ruled_out.contains(id)) continue;
        const PatternMeta meta = meta_of(searcher, id);
        Recommendation item{id, meta.title, meta.description, meta.pillar, meta.status, candidate.score, {}, {}};
        std::stable_sort(candidate.reasons.begin(), candidate.reasons.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (auto& reason : candidate.reasons) item.reasons.push_back(std::move(reason.second));
        ranked.push_back(std::move(item));
    }
    std::sort(ranked.begin(), ranked.end(), [](const Recommendation& a, const Recommendation& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.status != b.status) return maturity(a.status) > maturity(b.status);
        return a.id < b.id;
    });
    if (ranked.size() > limit) ranked.resize(limit);
    for (auto& item : ranked) item.caveat = caveat_of(searcher.pattern(item.id));
    out.recommendations = std::move(ranked);
    for (const auto& id : ruled_out_order) {
        const PatternMeta meta = meta_of(searcher, id);
        out.ruled_out.push_back({id, meta.title, meta.pillar, meta.status, ruled_out[id]});
    }
    return out;
}

}  // namespace pai
