/** @file
 *  @brief Case study matching with Xapian's query parser over the case-study prefix.
 */
#include "case_study_search.h"

#include <set>

#include "schema.h"

namespace pai {

std::vector<std::string> match_case_studies(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                            std::string_view query, std::size_t limit) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_OR);
    parser.add_prefix("", std::string(schema::kPrefixCaseStudyText));
    Xapian::Query parsed;
    try {
        parsed = parser.parse_query(std::string(query), Xapian::QueryParser::FLAG_DEFAULT);
    } catch (const Xapian::QueryParserError&) {
        parsed = parser.parse_query(std::string(query), 0);  // malformed syntax: plain words
    }
    const Xapian::Query kind(schema::boolean_term(schema::kPrefixDocKind, schema::kKindCaseStudy));
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, parsed, kind));
    std::vector<std::string> ids;
    std::set<std::string> seen;
    const Xapian::MSet matches = enquire.get_mset(0, db.get_doccount());
    for (auto item = matches.begin(); item != matches.end() && ids.size() < limit; ++item) {
        std::string id = item.get_document().get_data();
        if (seen.insert(id).second) ids.push_back(std::move(id));
    }
    return ids;
}

}  // namespace pai
