/** @file
 *  @brief QueryParser set-up from the schema table, filter algebra and the malformed-syntax fallback.
 */
#include "query_builder.h"

#include <cctype>
#include <iterator>
#include <set>
#include <vector>

#include "schema.h"
#include "stopwords.h"
#include "text_words.h"
#include "word_pairs.h"

namespace pai {
namespace {

// Bounds how far one wildcard can expand, so `a*` cannot turn into a query over the whole vocabulary.
constexpr Xapian::termcount kMaxWildcardExpansion = 64;

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_AUTO_SYNONYMS;  // phrases: PhraseSynonyms

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

/// A section filter or `section:` restricts free text to the sections' own text.
bool searches_sections_only(const SearchRequest& request) {
    return !request.sections.empty() || request.query.find("section:") != std::string::npos;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

/// @p parsed with @p extra among its optional words: OR'ed with a plain query, joined to what a `-word` or a
/// filter applies to, added to the optional side of `+word`; other operators (AND, NEAR...) are left as typed.
Xapian::Query join_optional(const Xapian::Query& parsed, const std::vector<Xapian::Query>& extra) {
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i < parsed.get_num_subqueries(); ++i) parts.push_back(parsed.get_subquery(i));
    switch (parsed.get_type()) {
        case Xapian::Query::LEAF_TERM:
        case Xapian::Query::OP_SYNONYM:
            parts = {parsed};
            [[fallthrough]];
        case Xapian::Query::OP_OR:
            parts.insert(parts.end(), extra.begin(), extra.end());
            return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_FILTER:
            parts.front() = join_optional(parts.front(), extra);
            return Xapian::Query(parsed.get_type(), parts.begin(), parts.end());
        case Xapian::Query::OP_AND_MAYBE:
            parts.insert(parts.end(), extra.begin(), extra.end());
            return Xapian::Query(Xapian::Query::OP_AND_MAYBE, parts.begin(), parts.end());
        default:
            return parsed;
    }
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db) : db_(db), stemmer_("english"), phrases_(db) {
    add_stop_words(stopper_);
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
    // Only words the index has never seen, in any form, are corrected, in place, so operators, phrases and
    // field:value survive. Typos rarely change a word's first letter, and short words have many neighbours,
    // so a suggestion must keep the first letter and stay within one edit for words under eight letters.
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
            out += text[i++];
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && is_word_char(text[end])) ++end;
        std::string word(text.substr(i, end - i));
        const bool is_field = end < text.size() && text[end] == ':';
        const std::string lowered = ascii_lowercase(word);
        if (!is_field && is_correctable(lowered)) {
            const unsigned distance = lowered.size() < 8 ? 1 : 2;
            const std::string suggestion = db_.get_spelling_suggestion(lowered, distance);
            if (!suggestion.empty() && suggestion.front() == lowered.front()) {
                word = suggestion;
                changed = true;
            }
        }
        out += word;
        i = end;
    }
    return changed ? out : std::string();
}

bool QueryBuilder::is_correctable(const std::string& word) const {
    if (word.size() < 4 || word.find('\'') != std::string::npos || stopper_(word)) return false;
    const std::string stem = "Z" + stemmer_(word);
    for (const std::string_view prefix : {std::string_view(), schema::kPrefixPatternText, schema::kPrefixCaveatText}) {
        std::string plain(prefix);
        plain += word;
        std::string stemmed = "Z";
        stemmed.append(prefix).append(stem.substr(1));
        if (db_.term_exists(plain) || db_.term_exists(stemmed)) return false;
    }
    return true;
}

Xapian::Query QueryBuilder::parse(std::string_view text, bool sections_only) {
    Xapian::Query parsed = parse_syntax(text, sections_only);
    const std::string prefixes[] = {
        "", std::string(sections_only ? schema::kPrefixCaveatText : schema::kPrefixPatternText)};
    std::vector<Xapian::Query> optional = phrases_.expand(text, prefixes);
    std::vector<Xapian::Query> pairs = near_pairs(text, prefixes);
    optional.insert(optional.end(), std::make_move_iterator(pairs.begin()), std::make_move_iterator(pairs.end()));
    return optional.empty() || parsed.empty() ? parsed : join_optional(parsed, optional);
}

Xapian::Query QueryBuilder::parse_syntax(std::string_view text, bool sections_only) {
    const std::string input(text);
    auto& parser = sections_only ? section_parser_ : parser_;
    try {
        return parser.parse_query(input, kParseFlags);
    } catch (const Xapian::QueryParserError&) {
        // Unbalanced quotes, a dangling operator...: search the words rather than fail.
    }
    try {
        return parser.parse_query(input, 0);
    } catch (const Xapian::QueryParserError&) {
        return Xapian::Query::MatchNothing;
    }
}

QueryBuilder::Built QueryBuilder::parse_text(std::string_view text, bool sections_only) {
    Xapian::Query query = parse(text, sections_only);
    std::vector<std::string> words = typed_words(query, sections_only);
    return {std::move(query), corrected(text), std::move(words)};
}

std::vector<std::string> QueryBuilder::typed_words(const Xapian::Query& query, bool sections_only) const {
    // The parser remembers, until its next parse, which typed word each term came from, whatever its prefix
    // or stem.
    const auto& parser = sections_only ? section_parser_ : parser_;
    std::set<std::string> words;
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
        for (auto word = parser.unstem_begin(*term); word != parser.unstem_end(*term); ++word) {
            if (!stopper_(*word)) words.insert(*word);
        }
    }
    return {words.begin(), words.end()};
}

std::vector<Xapian::Query> QueryBuilder::word_queries(const Built& built, const SearchRequest& request) {
    const bool sections_only = searches_sections_only(request);
    std::vector<Xapian::Query> queries;
    for (const auto& word : built.words) {
        if (Xapian::Query query = parse_syntax(word, sections_only); !query.empty())
            queries.push_back(std::move(query));
    }
    return queries;
}

QueryBuilder::Built QueryBuilder::build(const SearchRequest& request) {
    const Xapian::Query filters = filter_query(request);
    if (is_blank(request.query)) {
        const Xapian::Query everything(schema::boolean_term(schema::kPrefixDocKind, "section"));
        return {filters.empty() ? everything : Xapian::Query(Xapian::Query::OP_FILTER, everything, filters), {}, {}};
    }
    const bool sections_only = searches_sections_only(request);
    Built built = parse_text(request.query, sections_only);
    if (built.query.empty()) {
        // Only stop words or operators: treat it like an empty query over the filters.
        SearchRequest browse = request;
        browse.query.clear();
        return {build(browse).query, built.corrected, {}};
    }
    built.query = exclude_whole_patterns(built.query);
    if (!sections_only) {
        // A pattern's caveats describe where it does not fit: they never count as a match for free text.
        const Xapian::Query caveats(schema::boolean_term(schema::kPrefixSection, schema::kCaveatSection));
        built.query = Xapian::Query(Xapian::Query::OP_AND_NOT, built.query, caveats);
    }
    if (!filters.empty()) built.query = Xapian::Query(Xapian::Query::OP_FILTER, built.query, filters);
    return built;
}

Xapian::Query QueryBuilder::exclude_whole_patterns(const Xapian::Query& query) const {
    // `-word` must drop every pattern that mentions the word, not only the sections that do: the parser's
    // AND_NOT operand becomes a filter on the ids of the patterns it matches.
    if (query.get_type() == Xapian::Query::OP_FILTER && query.get_num_subqueries() == 2) {
        return Xapian::Query(Xapian::Query::OP_FILTER, exclude_whole_patterns(query.get_subquery(0)),
                             query.get_subquery(1));
    }
    if (query.get_type() != Xapian::Query::OP_AND_NOT || query.get_num_subqueries() != 2) return query;
    Xapian::Enquire enquire(db_);
    enquire.set_query(query.get_subquery(1));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet matches = enquire.get_mset(0, db_.get_doccount());
    std::set<std::string> patterns;
    for (auto item = matches.begin(); item != matches.end(); ++item) {
        patterns.insert(
            schema::boolean_term(schema::kPrefixPattern, item.get_document().get_value(schema::kSlotPatternId)));
    }
    if (patterns.empty()) return query.get_subquery(0);
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query.get_subquery(0),
                         Xapian::Query(Xapian::Query::OP_OR, patterns.begin(), patterns.end()));
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
