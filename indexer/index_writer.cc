/** @file
 *  @brief Generation building: write to `gen-N.building`, compact into `gen-N`, verify, publish the stub,
 *  prune old generations.
 */
#include "index_writer.h"

#include <xapian.h>

#include <chrono>
#include <ctime>
#include <regex>

#include "schema.h"

namespace pai {
namespace {

// How much each field counts, as within-document frequency increments. Title, description and tags are
// repeated in every section document so that any section can stand for its pattern.
constexpr Xapian::termcount kTitleWeight = 6;
constexpr Xapian::termcount kDescriptionWeight = 3;
constexpr Xapian::termcount kTagWeight = 3;
constexpr Xapian::termcount kHeadingWeight = 2;
constexpr Xapian::termcount kCodeWeight = 1;  // code blocks count for less than prose

/// Prose weight by section: where a pattern states its problem and purpose counts most; examples, tools and
/// reading lists count least.
Xapian::termcount prose_weight(std::string_view section_id) {
    if (section_id == "problem" || section_id == "what-it-is" || section_id == "when-to-use") return 3;
    if (section_id == "implementation" || section_id == "tool-landscape" || section_id == "further-reading" ||
        section_id == "related-patterns") {
        return 1;
    }
    return 2;
}
constexpr std::size_t kGenerationsKept = 2;   // the new one and the one readers may still hold

const std::regex kGenerationName("^gen-([0-9]+)(\\.building)?$");

std::string iso_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string tags_as_text(const std::vector<std::string>& tags) {
    std::string text;
    for (const auto& tag : tags) {
        for (char c : tag) text += c == '-' ? ' ' : c;
        text += ' ';
    }
    return text;
}

Xapian::Document make_document(const StoredSection& stored, Xapian::TermGenerator& terms,
                               const ResolvedSection& section) {
    Xapian::Document doc;
    terms.set_document(doc);
    const std::string pattern_text(schema::kPrefixPatternText);
    terms.index_text(stored.title, kTitleWeight, pattern_text);
    terms.index_text(stored.title, 1, std::string(schema::kPrefixTitle));
    terms.increase_termpos();
    terms.index_text(stored.description, kDescriptionWeight, pattern_text);
    terms.increase_termpos();
    terms.index_text(tags_as_text(stored.tags), kTagWeight, pattern_text);
    terms.increase_termpos();
    // The caveat section's own words go under their own prefix, out of the default search.
    const std::string body_prefix(section.id == schema::kCaveatSection ? schema::kPrefixCaveatText : "");
    terms.index_text(stored.section_title, kHeadingWeight, body_prefix);
    terms.increase_termpos();
    terms.index_text(section.source->prose, prose_weight(section.id), body_prefix);
    terms.increase_termpos();
    terms.index_text(section.source->code, kCodeWeight, body_prefix);

    doc.add_boolean_term(schema::boolean_term(schema::kPrefixDocKind, "section"));
    doc.add_boolean_term(schema::boolean_term(schema::kPrefixPattern, stored.pattern_id));
    doc.add_boolean_term(schema::boolean_term(schema::kPrefixPillar, stored.pillar));
    doc.add_boolean_term(schema::boolean_term(schema::kPrefixStatus, stored.status));
    doc.add_boolean_term(schema::boolean_term(schema::kPrefixSection, stored.section_id));
    for (const auto& tag : stored.tags) doc.add_boolean_term(schema::boolean_term(schema::kPrefixTag, tag));
    doc.add_value(schema::kSlotPatternId, stored.pattern_id);
    doc.add_value(schema::kSlotPillar, stored.pillar);
    doc.add_value(schema::kSlotStatus, stored.status);
    doc.add_value(schema::kSlotSection, stored.section_id);
    doc.set_data(nlohmann::json(stored).dump());
    return doc;
}

std::vector<std::string> words_of(const std::string& phrase) {
    std::vector<std::string> words;
    std::string word;
    for (char c : phrase + ' ') {
        if (c == ' ') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

/// Every entry of a group (a word or a phrase) becomes a key; the values are single words, since Xapian
/// searches a synonym value as one term: a phrase contributes its words.
void add_synonyms(Xapian::WritableDatabase& db, const SynonymGroups& synonyms) {
    for (const auto& group : synonyms) {
        for (const auto& key : group) {
            for (const auto& other : group) {
                if (other == key) continue;
                for (const auto& word : words_of(other)) {
                    if (word != key) db.add_synonym(key, word);
                }
            }
        }
    }
}

Generation next_generation(const std::filesystem::path& index_dir) {
    Generation highest = current_generation(index_dir).value_or(0);
    std::smatch match;
    for (const auto& entry : std::filesystem::directory_iterator(index_dir)) {
        const std::string name = entry.path().filename().string();
        if (std::regex_match(name, match, kGenerationName)) highest = std::max<Generation>(highest, std::stoull(match[1]));
    }
    return highest + 1;
}

/// Removes unfinished builds and all but the newest generations; never the published one.
void prune(const std::filesystem::path& index_dir, Generation published) {
    std::smatch match;
    for (const auto& entry : std::filesystem::directory_iterator(index_dir)) {
        const std::string name = entry.path().filename().string();
        if (!std::regex_match(name, match, kGenerationName)) continue;
        const Generation generation = std::stoull(match[1]);
        const bool unfinished = match[2].matched;
        if (unfinished || generation + kGenerationsKept <= published) std::filesystem::remove_all(entry.path());
    }
}

std::uintmax_t directory_bytes(const std::filesystem::path& dir) {
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) total += entry.file_size();
    }
    return total;
}

}  // namespace

StoredSection stored_section(const ResolvedPattern& pattern, const ResolvedSection& section, int ordinal) {
    const auto& meta = pattern.meta;
    const auto& source = *section.source;
    std::string text = source.prose;
    if (!source.code.empty()) text += "\n" + source.code;
    return StoredSection{meta.id,         meta.title,      meta.description, meta.pillar, meta.status,
                         meta.tags,       section.id,      section.title.empty() ? "Introduction" : section.title,
                         meta.path,       source.line,     source.line_end,  ordinal,     std::move(text),
                         source.markdown, source.html};
}

BuildSummary build_index(const std::vector<ResolvedPattern>& patterns, const std::vector<PillarInfo>& pillars,
                         const SynonymGroups& synonyms, const BuildOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    const auto& index_dir = options.index_dir;
    std::filesystem::create_directories(index_dir);
    BuildSummary summary;
    summary.generation = next_generation(index_dir);
    const auto final_path = generation_path(index_dir, summary.generation);
    const auto building_path = final_path.string() + ".building";
    try {
        {
            // The building copy is scratch: only the compacted copy is published, so skip its fsyncs.
            Xapian::WritableDatabase db(building_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
            Xapian::TermGenerator terms;
            terms.set_stemmer(Xapian::Stem("english"));
            terms.set_database(db);
            terms.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
            std::size_t pending = 0;
            for (const auto& pattern : patterns) {
                int ordinal = 0;
                for (const auto& section : pattern.sections) {
                    const StoredSection stored = stored_section(pattern, section, ordinal++);
                    const auto unique = schema::boolean_term(schema::kPrefixUniqueId, pattern.meta.id + "#" + section.id);
                    db.replace_document(unique, make_document(stored, terms, section));
                    ++summary.sections;
                    if (++pending == options.batch_size) {
                        db.commit();
                        pending = 0;
                    }
                }
                db.set_metadata(std::string(meta_key::kPatternPrefix) + pattern.meta.id, nlohmann::json(pattern.meta).dump());
                ++summary.patterns;
            }
            add_synonyms(db, synonyms);
            db.set_metadata(std::string(meta_key::kPillars), nlohmann::json(pillars).dump());
            db.set_metadata(std::string(meta_key::kPatternCount), std::to_string(summary.patterns));
            db.set_metadata(std::string(meta_key::kBuiltAt), iso_now());
            db.commit();
            db.compact(final_path.string());
        }
        std::filesystem::remove_all(building_path);
        // Refuse to publish anything that does not open with every document in it.
        const Xapian::Database check(final_path.string());
        if (check.get_doccount() != summary.sections) {
            throw std::runtime_error("compacted index holds " + std::to_string(check.get_doccount()) +
                                     " documents, expected " + std::to_string(summary.sections));
        }
        publish_generation(index_dir, summary.generation);
    } catch (const Xapian::Error& e) {
        std::filesystem::remove_all(building_path);
        std::filesystem::remove_all(final_path);
        throw std::runtime_error("index build failed: " + e.get_description());
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove_all(building_path, ignored);
        std::filesystem::remove_all(final_path, ignored);
        throw std::runtime_error(std::string("index build failed: ") + e.what());
    }
    prune(index_dir, summary.generation);
    summary.index_bytes = directory_bytes(final_path);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace pai
