/** @file
 *  @brief The guides (the Markdown files in corpus/guides/), the Decision Guide (corpus/decision-guide.yaml),
 *  the case studies (corpus/case-studies/) and the reading paths (corpus/paths.yaml) as the indexer stores
 *  them in the index metadata and the daemon serves them.
 */
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pai {

struct GuideSection {
    std::string id;     ///< slug of the H2 heading, "introduction" for text before the first one
    std::string title;  ///< the heading as written
    std::string html;   ///< rendered by cmark in safe mode, like pattern sections
    int line = 0;
    int line_end = 0;
};

/// One Markdown guide: front matter title and description, body split at its H2 headings.
struct Guide {
    std::string id;  ///< the file stem
    std::string title;
    std::string description;
    int order = 0;  ///< position in the guide list (front matter `order`)
    std::string path;
    std::vector<GuideSection> sections;
};

/// A pattern an answer rules out, and why.
struct RuleOut {
    std::string id;
    std::string reason;
};

struct GuideAnswer {
    std::string id;
    std::string label;
    std::string because;              ///< why the answer's patterns are picked, shown as their reason
    std::vector<std::string> favour;  ///< pattern ids, strongest first
    std::vector<RuleOut> rule_out;
    std::string query;  ///< optional search whose top hits are also picked
};

struct GuideQuestion {
    std::string id;
    std::string text;
    std::string help;
    double weight = 1;  ///< how much this question's answers count against the others'
    std::vector<GuideAnswer> answers;
};

struct DecisionGuide {
    std::string title;
    std::string intro;
    std::vector<GuideQuestion> questions;
};

/// A public source of a case study: a page by the organisation that runs the system.
struct SourceRef {
    std::string title;
    std::string url;
};

/// A real system, described by the organisation that runs it, mapped to the patterns it uses
/// (corpus/case-studies/<id>.md).
struct CaseStudy {
    std::string id;
    std::string title;
    std::string organisation;
    std::string subject;  ///< the system, in one line
    std::string description;
    std::vector<std::string> patterns;  ///< pattern ids, as the Pattern Stack table lists them
    std::vector<SourceRef> sources;
    std::string last_reviewed;
    std::string path;
    std::vector<GuideSection> sections;  ///< System Context ... Lessons, as safe HTML
    std::string text;                    ///< plain text of the sections, indexed for search (not stored as JSON)
};

struct PathStep {
    std::string pattern;  ///< a pattern id
    std::string title;    ///< that pattern's title, filled in by the indexer
    std::string why;      ///< why this step follows the previous one
};

/// An ordered reading list for one job (corpus/paths.yaml).
struct ReadingPath {
    std::string id;
    std::string title;
    std::string description;
    std::vector<PathStep> steps;
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GuideSection, id, title, html, line, line_end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SourceRef, title, url)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CaseStudy, id, title, organisation, subject, description, patterns,
                                                sources, last_reviewed, path, sections)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PathStep, pattern, title, why)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReadingPath, id, title, description, steps)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Guide, id, title, description, order, path, sections)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RuleOut, id, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GuideAnswer, id, label, because, favour, rule_out, query)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GuideQuestion, id, text, help, weight, answers)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DecisionGuide, title, intro, questions)

}  // namespace pai
