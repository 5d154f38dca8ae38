/** @file
 *  @brief QueryParser set-up from the schema table, filter algebra and the malformed-syntax fallback.
 */
#include "query_builder.h"

#include <cctype>
#include <vector>

#include "schema.h"
#include "stopwords.h"

namespace pai {
namespace {

// Bounds how far one wildcard can expand, so `a*` cannot turn into a query over the whole vocabulary.
constexpr Xapian::termcount kMaxWildcardExpansion = 64;

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
                                 Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;

/// Boolean field values are lowercased, so `pillar:Reliability` finds the same as `pillar:reliability`.
class LowercaseBooleanField : public Xapian::FieldProcessor {
public:
    explicit LowercaseBooleanField(std::string_view prefix) : prefix_(prefix) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(schema::boolean_term(prefix_, value));
    }

private:
    std::string prefix_;
};

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms;
    for (const auto& value : values) terms.emplace_back(schema::boolean_term(prefix, value));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db) : db_(db), stemmer_("english") {
    for (auto word : kStopWords) stopper_.add(std::string(word));
    for (auto* parser : {&parser_, &section_parser_}) {
        parser->set_database(db);
        parser->set_stemmer(stemmer_);
        parser->set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser->set_stopper(&stopper_);
        parser->set_default_op(Xapian::Query::OP_OR);
        parser->set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        for (const auto& field : schema::kFields) {
            if (field.boolean) {
                parser->add_boolean_prefix(std::string(field.name),
                                           (new LowercaseBooleanField(field.prefix))->release());
            } else {
                parser->add_prefix(std::string(field.name), std::string(field.prefix));
            }
        }
    }
    parser_.add_prefix("", "");
    parser_.add_prefix("", std::string(schema::kPrefixPatternText));
    section_parser_.add_prefix("", "");
    section_parser_.add_prefix("", std::string(schema::kPrefixCaveatText));
}

std::string QueryBuilder::corrected(std::string_view text) const {
    // Only words the index has never seen are corrected, in place, so operators, phrases and field:value
    // survive. (The QueryParser's own correction also rewrites words the index does contain.)
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
            out += text[i++];
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
        std::string word(text.substr(i, end - i));
        const bool is_field = end < text.size() && text[end] == ':';
        std::string lowered = word;
        for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!is_field && lowered.size() > 2 && !db_.term_exists(lowered)) {
            const std::string suggestion = db_.get_spelling_suggestion(lowered);
            if (!suggestion.empty()) {
                word = suggestion;
                changed = true;
            }
        }
        out += word;
        i = end;
    }
    return changed ? out : std::string();
}

QueryBuilder::Built QueryBuilder::parse_text(std::string_view text, bool sections_only) {
    const std::string input(text);
    auto& parser = sections_only ? section_parser_ : parser_;
    try {
        return {parser.parse_query(input, kParseFlags), corrected(text)};
    } catch (const Xapian::QueryParserError&) {
        // Unbalanced quotes, a dangling operator...: search the words rather than fail.
    }
    try {
        return {parser.parse_query(input, 0), corrected(text)};
    } catch (const Xapian::QueryParserError&) {
        return {Xapian::Query::MatchNothing, {}};
    }
}

QueryBuilder::Built QueryBuilder::build(const SearchRequest& request) {
    const Xapian::Query filters = filter_query(request);
    if (is_blank(request.query)) {
        const Xapian::Query everything(schema::boolean_term(schema::kPrefixDocKind, "section"));
        return {filters.empty() ? everything : Xapian::Query(Xapian::Query::OP_FILTER, everything, filters), {}};
    }
    const bool sections_only = !request.sections.empty() || request.query.find("section:") != std::string::npos;
    Built built = parse_text(request.query, sections_only);
    if (built.query.empty()) {
        // Only stop words or operators: treat it like an empty query over the filters.
        SearchRequest browse = request;
        browse.query.clear();
        return {build(browse).query, built.corrected};
    }
    if (!sections_only) {
        // A pattern's caveats describe where it does not fit: they never count as a match for free text.
        const Xapian::Query caveats(schema::boolean_term(schema::kPrefixSection, schema::kCaveatSection));
        built.query = Xapian::Query(Xapian::Query::OP_AND_NOT, built.query, caveats);
    }
    if (!filters.empty()) built.query = Xapian::Query(Xapian::Query::OP_FILTER, built.query, filters);
    return built;
}

Xapian::Query filter_query(const SearchRequest& request) {
    std::vector<Xapian::Query> groups;
    if (!request.pillars.empty()) groups.push_back(any_of(schema::kPrefixPillar, request.pillars));
    if (!request.statuses.empty()) groups.push_back(any_of(schema::kPrefixStatus, request.statuses));
    if (!request.sections.empty()) groups.push_back(any_of(schema::kPrefixSection, request.sections));
    if (!request.tags.empty()) groups.push_back(any_of(schema::kPrefixTag, request.tags));
    if (groups.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

}  // namespace pai
