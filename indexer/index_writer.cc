/** @file
 *  @brief Generation building: parallel writers fill `gen-N.building-K`, compaction merges them into `gen-N`,
 *  verify, publish the stub, prune old generations.
 */
#include "index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <exception>
#include <regex>
#include <span>
#include <thread>
#include <utility>

#include "schema.h"

namespace pai {
namespace {

// How much each field counts, as within-document frequency increments.
constexpr Xapian::termcount kTitleWeight = 6;
constexpr Xapian::termcount kDescriptionWeight = 3;
constexpr Xapian::termcount kTagWeight = 3;
constexpr Xapian::termcount kSymptomWeight = 3;
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
constexpr std::size_t kGenerationsKept = 2;  // the new one and the one readers may still hold

const std::regex kGenerationName("^gen-([0-9]+)(\\.building(-[0-9]+)?)?$");

// Fewer sections than this per writer and a second writer costs more than it saves.
constexpr std::size_t kMinSectionsPerWriter = 500;

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

Xapian::Document make_document(const StoredSection& stored, const PatternMeta& meta, Xapian::TermGenerator& terms,
                               const MarkdownText& text) {
    Xapian::Document doc;
    terms.set_document(doc);
    terms.index_text(stored.title, 1, std::string(schema::kPrefixTitle));
    terms.increase_termpos();
    // Patterns rank by the sum of their sections (query/pattern_ranking.h), so pattern-level text goes in
    // once, with the first section, rather than being counted again in every section.
    if (stored.ordinal == 0) {
        const std::string pattern_text(schema::kPrefixPatternText);
        terms.index_text(meta.title, kTitleWeight, pattern_text);
        terms.increase_termpos();
        terms.index_text(meta.description, kDescriptionWeight, pattern_text);
        terms.increase_termpos();
        terms.index_text(tags_as_text(meta.tags), kTagWeight, pattern_text);
        terms.increase_termpos();
        for (const auto& symptom : meta.symptoms) {
            terms.index_text(symptom, kSymptomWeight, pattern_text);
            terms.increase_termpos();
        }
    }
    // The caveat section's own words go under their own prefix, out of the default search.
    const std::string body_prefix(stored.section_id == schema::kCaveatSection ? schema::kPrefixCaveatText : "");
    terms.index_text(stored.section_title, kHeadingWeight, body_prefix);
    terms.increase_termpos();
    terms.index_text(text.prose, prose_weight(stored.section_id), body_prefix);
    terms.increase_termpos();
    terms.index_text(text.code, kCodeWeight, body_prefix);

    doc.add_boolean_term(schema::boolean_term(schema::kPrefixDocKind, schema::kKindSection));
    doc.add_boolean_term(schema::boolean_term(schema::kPrefixPattern, stored.pattern_id));
    doc.add_boolean_term(schema::boolean_term(schema::kPrefixPillar, stored.pillar));
    doc.add_boolean_term(schema::boolean_term(schema::kPrefixStatus, stored.status));
    doc.add_boolean_term(schema::boolean_term(schema::kPrefixSection, stored.section_id));
    for (const auto& tag : stored.tags) doc.add_boolean_term(schema::boolean_term(schema::kPrefixTag, tag));
    doc.add_value(schema::kSlotPatternId, stored.pattern_id);
    doc.add_value(schema::kSlotPillar, stored.pillar);
    doc.add_value(schema::kSlotStatus, stored.status);
    doc.add_value(schema::kSlotSection, stored.section_id);
    doc.add_value(schema::kSlotSectionOfPattern,
                  stored.section_id + schema::kSectionOfPatternSeparator + stored.pattern_id);
    doc.set_data(section_data(stored));
    return doc;
}

/// A case study as a search target: its words under their own prefix, its id as the document data.
void add_case_studies(Xapian::WritableDatabase& db, Xapian::TermGenerator& terms, const std::vector<CaseStudy>& studies) {
    const std::string prefix(schema::kPrefixCaseStudyText);
    for (const auto& study : studies) {
        Xapian::Document doc;
        terms.set_document(doc);
        for (const auto* field : {&study.title, &study.organisation, &study.subject, &study.description}) {
            terms.index_text(*field, kDescriptionWeight, prefix);
            terms.increase_termpos();
        }
        terms.index_text(study.text, 1, prefix);
        doc.add_boolean_term(schema::boolean_term(schema::kPrefixDocKind, schema::kKindCaseStudy));
        doc.set_data(study.id);
        db.add_document(doc);
    }
}

/// Every entry of a group (a word or a phrase) becomes a key. Xapian searches a synonym value as one term, so
/// only one-word entries become values: the words of a phrase are no synonyms of the group on their own
/// ("made up" would make every "up" a hallucination). Typed, a phrase still finds the group's words.
void add_synonyms(Xapian::WritableDatabase& db, const SynonymGroups& synonyms) {
    for (const auto& group : synonyms) {
        for (const auto& key : group) {
            for (const auto& other : group) {
                if (other != key && other.find_first_of(" -") == std::string::npos) db.add_synonym(key, other);
            }
        }
    }
}

Generation next_generation(const std::filesystem::path& index_dir) {
    Generation highest = current_generation(index_dir).value_or(0);
    std::smatch match;
    for (const auto& entry : std::filesystem::directory_iterator(index_dir)) {
        const std::string name = entry.path().filename().string();
        if (std::regex_match(name, match, kGenerationName))
            highest = std::max<Generation>(highest, std::stoull(match[1]));
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

/// What every writer needs besides its own patterns.
struct BuildInputs {
    const std::vector<PillarInfo>& pillars;
    const SynonymGroups& synonyms;
    const BuildOptions& options;
    std::size_t pattern_count;
    const LatentModel& latent;
};

/// The latent space's term vectors and its id, which the searcher checks before comparing vectors.
void add_latent_terms(Xapian::WritableDatabase& db, const LatentModel& latent) {
    if (latent.empty()) return;
    const std::string prefix(latent::kTermPrefix);
    for (const auto& [stem, vector] : latent.terms) db.set_metadata(prefix + stem, latent::encode(vector));
    db.set_metadata(std::string(latent::kModelKey), latent.id);
}

/// Contiguous ranges of patterns, one per writer. Compaction merges the parts in this order, so documents get
/// the docids a single writer would have given them.
std::vector<std::span<const ResolvedPattern>> split_for_writers(const std::vector<ResolvedPattern>& patterns,
                                                                std::size_t writers) {
    std::size_t sections = 0;
    for (const auto& pattern : patterns) sections += pattern.sections.size();
    if (writers == 0)
        writers = std::min<std::size_t>(std::thread::hardware_concurrency(), sections / kMinSectionsPerWriter);
    writers = std::clamp<std::size_t>(writers, 1, std::max<std::size_t>(patterns.size(), 1));
    std::vector<std::span<const ResolvedPattern>> parts;
    for (std::size_t i = 0; i < writers; ++i) {
        const std::size_t begin = patterns.size() * i / writers;
        const std::size_t end = patterns.size() * (i + 1) / writers;
        parts.emplace_back(patterns.data() + begin, end - begin);
    }
    return parts;
}

/// One writer's share of a build: its patterns' section documents and metadata, committed every
/// batch_size documents. The first part also holds what the index has once (synonyms, pillars, counts).
std::size_t write_part(const std::filesystem::path& path, std::span<const ResolvedPattern> patterns, bool first,
                       const BuildInputs& inputs) {
    // A part is scratch: only the compacted merge is published, so skip its fsyncs.
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem("english"));
    terms.set_database(db);
    terms.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    std::size_t sections = 0;
    for (const auto& pattern : patterns) {
        int ordinal = 0;
        std::vector<SectionBody> bodies;
        const auto vector = inputs.latent.patterns.find(pattern.meta.id);
        const std::string latent_value =
            vector == inputs.latent.patterns.end() ? std::string() : latent::encode(vector->second);
        auto add = [&](const StoredSection& stored, const MarkdownText& text) {
            Xapian::Document doc = make_document(stored, pattern.meta, terms, text);
            if (!latent_value.empty()) doc.add_value(schema::kSlotLatent, latent_value);
            db.add_document(doc);
            if (++sections % inputs.options.batch_size == 0) db.commit();
        };
        for (const auto& section : pattern.sections) {
            StoredSection stored = stored_section(pattern, section, ordinal++);
            // The bodies go to per-pattern metadata; the section document keeps only what a hit needs.
            bodies.push_back({stored.section_id, stored.section_title, std::exchange(stored.markdown, {}),
                              std::exchange(stored.html, {}), stored.line, stored.line_end});
            if (section.id != schema::kFailureModesSection || pattern.failure_modes.empty()) {
                add(stored, {section.source->prose, section.source->code});
                continue;
            }
            // Each failure mode is a search target of its own: a query in an incident's words finds its entry.
            for (std::size_t i = 0; i < pattern.failure_modes.size(); ++i) {
                const auto& entry = pattern.failure_modes[i];
                StoredSection part = failure_mode_section(stored, entry.mode, i == 0 ? stored.ordinal : ordinal++);
                const MarkdownText text = markdown_text(entry.markdown);
                part.text = text.prose;
                add(part, text);
            }
        }
        db.set_metadata(std::string(meta_key::kPatternPrefix) + pattern.meta.id, nlohmann::json(pattern.meta).dump());
        db.set_metadata(std::string(meta_key::kBodiesPrefix) + pattern.meta.id, nlohmann::json(bodies).dump());
    }
    if (first) {
        add_case_studies(db, terms, inputs.options.case_studies);
        add_synonyms(db, inputs.synonyms);
        add_latent_terms(db, inputs.latent);
        db.set_metadata(std::string(meta_key::kPillars), nlohmann::json(inputs.pillars).dump());
        db.set_metadata(std::string(meta_key::kPatternCount), std::to_string(inputs.pattern_count));
        db.set_metadata(std::string(meta_key::kBuiltAt), iso_now());
        for (const auto& [key, value] : inputs.options.extra_metadata) db.set_metadata(key, value);
    }
    db.commit();
    return sections;
}

/// Writes the parts in parallel, one writer thread each. @returns the section count of each part.
std::vector<std::size_t> write_parts(const std::vector<std::filesystem::path>& paths,
                                     const std::vector<std::span<const ResolvedPattern>>& parts,
                                     const BuildInputs& inputs) {
    std::vector<std::size_t> sections(parts.size());
    std::vector<std::exception_ptr> failures(parts.size());
    std::vector<std::thread> writers;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        writers.emplace_back([&, i] {
            try {
                sections[i] = write_part(paths[i], parts[i], i == 0, inputs);
            } catch (...) {
                failures[i] = std::current_exception();
            }
        });
    }
    for (auto& writer : writers) writer.join();
    for (const auto& failure : failures) {
        if (failure) std::rethrow_exception(failure);
    }
    return sections;
}

}  // namespace

StoredSection stored_section(const ResolvedPattern& pattern, const ResolvedSection& section, int ordinal) {
    const auto& meta = pattern.meta;
    const auto& source = *section.source;
    std::string text = source.prose;
    if (!source.code.empty()) text += "\n" + source.code;
    return StoredSection{
        meta.id,         meta.title,      meta.description, meta.pillar,
        meta.status,     meta.tags,       section.id,       section.title.empty() ? "Introduction" : section.title,
        meta.path,       source.line,     source.line_end,  ordinal,
        std::move(text), source.markdown, section.html.empty() ? source.html : section.html};
}

StoredSection failure_mode_section(const StoredSection& section, const FailureMode& mode, int ordinal) {
    StoredSection part = section;
    part.section_title = section.section_title + ": " + mode.name;
    part.line = mode.line;
    part.line_end = mode.line_end;
    part.ordinal = ordinal;
    part.text.clear();
    part.markdown.clear();
    part.html.clear();
    return part;
}

BuildSummary build_index(const std::vector<ResolvedPattern>& patterns, const std::vector<PillarInfo>& pillars,
                         const SynonymGroups& synonyms, const BuildOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    const auto& index_dir = options.index_dir;
    std::filesystem::create_directories(index_dir);
    BuildSummary summary;
    summary.generation = next_generation(index_dir);
    const auto final_path = generation_path(index_dir, summary.generation);
    const auto parts = split_for_writers(patterns, options.writers);
    std::vector<std::filesystem::path> building_paths;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        building_paths.push_back(final_path.string() + ".building-" + std::to_string(i + 1));
    }
    auto remove_building = [&] {
        std::error_code ignored;
        for (const auto& path : building_paths) std::filesystem::remove_all(path, ignored);
    };
    try {
        const auto latent = options.latent ? options.latent : std::make_shared<LatentModel>(fit_latent_model(patterns));
        const BuildInputs inputs{pillars, synonyms, options, patterns.size(), *latent};
        for (const auto sections : write_parts(building_paths, parts, inputs)) summary.sections += sections;
        summary.patterns = patterns.size();
        {
            // Compaction merges the parts (spellings summed, docids in part order) into the published copy.
            Xapian::Database all;
            for (const auto& path : building_paths) {
                summary.uncompacted_bytes += directory_bytes(path);
                all.add_database(Xapian::Database(path.string()));
            }
            all.compact(final_path.string());
        }
        remove_building();
        // Refuse to publish anything that does not open with every document in it.
        const Xapian::Database check(final_path.string());
        const auto expected = summary.sections + options.case_studies.size();
        if (check.get_doccount() != expected) {
            throw std::runtime_error("compacted index holds " + std::to_string(check.get_doccount()) +
                                     " documents, expected " + std::to_string(expected));
        }
        publish_generation(index_dir, summary.generation);
    } catch (const Xapian::Error& e) {
        remove_building();
        std::filesystem::remove_all(final_path);
        throw std::runtime_error("index build failed: " + e.get_description());
    } catch (const std::exception& e) {
        std::error_code ignored;
        remove_building();
        std::filesystem::remove_all(final_path, ignored);
        throw std::runtime_error(std::string("index build failed: ") + e.what());
    }
    prune(index_dir, summary.generation);
    summary.index_bytes = directory_bytes(final_path);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace pai
