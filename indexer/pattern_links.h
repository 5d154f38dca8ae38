/** @file
 *  @brief Pattern ids named in served HTML become links: an inline code span that is exactly a pattern id
 *  turns into a link to that pattern with its title, the id as the tooltip; ids in "When NOT to Use It" and
 *  "Related Patterns" that name no pattern are reported.
 */
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pai {

struct ResolvedPattern;

/// Where a pattern id points: its title and pillar (the link is `<prefix><pillar>/<id>.md`).
struct PatternLinkTarget {
    std::string title;
    std::string pillar;
};
using PatternLinkTargets = std::map<std::string, PatternLinkTarget, std::less<>>;

PatternLinkTargets pattern_link_targets(const std::vector<ResolvedPattern>& patterns);

/// Rewrites each `<code>id</code>` of @p html (cmark's inline code, so never inside `<pre>`; not inside an
/// existing link either) whose id is in @p targets, other than @p self_id, to
/// `<a class="pattern-link" href="<href_prefix><pillar>/<id>.md" title="id">Title</a>`. Links from a pattern
/// use the prefix "../", from a guide or case study "../patterns/".
std::string link_pattern_ids(std::string_view html, const PatternLinkTargets& targets, std::string_view self_id,
                             std::string_view href_prefix);

/// An id-shaped code span (lowercase words joined by hyphens, at least two) in Markdown @p markdown, whose
/// first line is source line @p first_line, outside fenced code: the id and its line.
struct IdMention {
    std::string id;
    int line = 0;
};
std::vector<IdMention> id_mentions(std::string_view markdown, int first_line);

}  // namespace pai
