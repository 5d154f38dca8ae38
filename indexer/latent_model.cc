/** @file
 *  @brief The latent space's fit: counts per pattern, tf-idf, and a randomized truncated SVD (Halko, Martinsson
 *  and Tropp), which costs time linear in the corpus's size, so the fit scales with the index.
 */
#include "latent_model.h"

#include <xapian.h>

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "schema.h"
#include "stable_hash.h"
#include "stopwords.h"

namespace pai {
namespace {

constexpr Xapian::termcount kFrontMatterWeight = 2;  // description, tags and symptoms: what the pattern is for
constexpr Eigen::Index kOversampling = 16;           // extra random directions, for an accurate leading space
constexpr int kPowerIterations = 4;                  // sharpen the leading directions of a flat spectrum
constexpr std::uint64_t kSeed = 20261127;            // a fixed seed: the same corpus, the same vectors

/// Every pattern's stems with their counts, each stem by its rank in the sorted vocabulary. At 100k sections a
/// map of strings per pattern held a third of the indexer's memory; ranks keep the vocabulary once.
struct StemCounts {
    std::vector<std::string> vocabulary;  ///< sorted
    /// per pattern: (rank in vocabulary, count), ascending rank
    std::vector<std::vector<std::pair<std::uint32_t, Xapian::termcount>>> patterns;
};

bool is_descriptive(std::string_view section_id) {
    const auto& sections = schema::kDescriptiveSections;
    return std::find(sections.begin(), sections.end(), section_id) != sections.end();
}

/// Each pattern's stems (no stop words) with their counts, from what it says it is for.
StemCounts count_stems(const std::vector<ResolvedPattern>& patterns) {
    Xapian::SimpleStopper stopper;
    add_stop_words(stopper);
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem("english"));
    terms.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    terms.set_stopper(&stopper);
    terms.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);

    StemCounts counts;
    std::unordered_map<std::string, std::uint32_t> first_seen;  // stem -> id in order of first use
    counts.patterns.reserve(patterns.size());
    for (const auto& pattern : patterns) {
        Xapian::Document scratch;
        terms.set_document(scratch);
        terms.index_text(pattern.meta.description, kFrontMatterWeight);
        for (const auto& tag : pattern.meta.tags) terms.index_text(tag, kFrontMatterWeight);
        for (const auto& symptom : pattern.meta.symptoms) terms.index_text(symptom, kFrontMatterWeight);
        for (const auto& section : pattern.sections) {
            if (is_descriptive(section.id)) terms.index_text(section.source->prose);
        }
        auto& stems = counts.patterns.emplace_back();
        for (auto term = scratch.termlist_begin(); term != scratch.termlist_end(); ++term) {
            const std::string& text = *term;
            if (text.size() < 2 || text[0] != 'Z') continue;
            const auto id = first_seen.try_emplace(text.substr(1), static_cast<std::uint32_t>(first_seen.size()));
            stems.emplace_back(id.first->second, term.get_wdf());
        }
    }
    // Number the stems in sorted order, as the matrix's rows are; a term list is sorted, so each pattern's
    // stems stay in ascending order.
    std::vector<std::pair<std::string, std::uint32_t>> sorted(first_seen.begin(), first_seen.end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::uint32_t> rank_of(sorted.size());
    for (std::uint32_t rank = 0; rank < sorted.size(); ++rank) rank_of[sorted[rank].second] = rank;
    for (auto& stems : counts.patterns) {
        for (auto& stem : stems) stem.first = rank_of[stem.first];
    }
    counts.vocabulary.reserve(sorted.size());
    for (auto& [stem, id] : sorted) counts.vocabulary.push_back(std::move(stem));
    return counts;
}

/// An orthonormal basis of the columns of @p matrix.
Eigen::MatrixXd orthonormal_basis(const Eigen::MatrixXd& matrix) {
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(matrix);
    return qr.householderQ() * Eigen::MatrixXd::Identity(matrix.rows(), matrix.cols());
}

LatentVector to_floats(const Eigen::VectorXd& values) {
    LatentVector out(static_cast<std::size_t>(values.size()));
    for (Eigen::Index i = 0; i < values.size(); ++i) out[static_cast<std::size_t>(i)] = static_cast<float>(values(i));
    return out;
}

/// A stable hash of the pattern vectors in id order: equal fits get equal ids.
std::string model_id(const std::vector<ResolvedPattern>& patterns, const LatentModel& model, Eigen::Index rank) {
    std::vector<std::string> ids;
    for (const auto& pattern : patterns) ids.push_back(pattern.meta.id);
    std::sort(ids.begin(), ids.end());
    std::uint64_t hash = kStableHashSeed;
    for (const auto& id : ids) hash = stable_hash(latent::encode(model.patterns.at(id)), stable_hash(id, hash));
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return "lsa-" + std::to_string(rank) + "-" + hex;
}

}  // namespace

LatentModel fit_latent_model(const std::vector<ResolvedPattern>& patterns, std::size_t rank) {
    LatentModel model;
    if (patterns.size() < 2) return model;
    const StemCounts counts = count_stems(patterns);

    // Stems that some but not every pattern uses: one in every pattern tells none apart (its idf is 0).
    std::vector<Xapian::doccount> frequency(counts.vocabulary.size(), 0);
    for (const auto& stems : counts.patterns) {
        for (const auto& [stem, count] : stems) ++frequency[stem];
    }
    constexpr Eigen::Index kNoRow = -1;
    std::vector<std::string> stems;
    std::vector<std::pair<Eigen::Index, double>> row(counts.vocabulary.size(), {kNoRow, 0.0});  // (row, idf)
    const auto pattern_count = static_cast<double>(patterns.size());
    for (std::size_t stem = 0; stem < counts.vocabulary.size(); ++stem) {
        if (frequency[stem] == patterns.size()) continue;
        row[stem] = {static_cast<Eigen::Index>(stems.size()), std::log(pattern_count / frequency[stem])};
        stems.push_back(counts.vocabulary[stem]);
    }
    if (stems.empty()) return model;

    std::vector<Eigen::Triplet<double>> cells;
    for (std::size_t column = 0; column < counts.patterns.size(); ++column) {
        double norm = 0;
        const std::size_t first = cells.size();
        for (const auto& [stem, count] : counts.patterns[column]) {
            const auto [at, idf] = row[stem];
            if (at == kNoRow) continue;
            const double weight = std::log1p(static_cast<double>(count)) * idf;
            cells.emplace_back(at, static_cast<Eigen::Index>(column), weight);
            norm += weight * weight;
        }
        for (std::size_t i = first; i < cells.size(); ++i) {
            cells[i] = {cells[i].row(), cells[i].col(), cells[i].value() / std::sqrt(norm)};
        }
    }
    const auto rows = static_cast<Eigen::Index>(stems.size());
    const auto columns = static_cast<Eigen::Index>(patterns.size());
    Eigen::SparseMatrix<double> matrix(rows, columns);
    matrix.setFromTriplets(cells.begin(), cells.end());

    // The range of the matrix, found from its products with random directions and sharpened by power
    // iterations; the SVD of its small projection gives the leading singular vectors.
    const auto wanted = static_cast<Eigen::Index>(rank);
    const Eigen::Index sample = std::min<Eigen::Index>(wanted + kOversampling, std::min(rows, columns));
    std::mt19937_64 random(kSeed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd directions(columns, sample);
    for (Eigen::Index j = 0; j < sample; ++j) {
        for (Eigen::Index i = 0; i < columns; ++i) directions(i, j) = normal(random);
    }
    Eigen::MatrixXd range = orthonormal_basis(matrix * directions);
    for (int i = 0; i < kPowerIterations; ++i) {
        range = orthonormal_basis(matrix * orthonormal_basis(matrix.transpose() * range));
    }
    const Eigen::MatrixXd projection = (matrix.transpose() * range).transpose();
    const Eigen::BDCSVD<Eigen::MatrixXd> svd(projection, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const Eigen::VectorXd& singular = svd.singularValues();
    Eigen::Index kept = std::min<Eigen::Index>(wanted, singular.size());
    while (kept > 0 && singular(kept - 1) <= 1e-9 * singular(0)) --kept;
    if (kept == 0) return model;

    const Eigen::MatrixXd term_vectors = range * svd.matrixU().leftCols(kept);
    std::vector<double> idf_of_row;
    idf_of_row.reserve(stems.size());
    for (const auto& [at, idf] : row) {
        if (at != kNoRow) idf_of_row.push_back(idf);
    }
    for (Eigen::Index i = 0; i < rows; ++i) {
        model.terms.emplace(stems[static_cast<std::size_t>(i)],
                            to_floats(term_vectors.row(i).transpose() * idf_of_row[static_cast<std::size_t>(i)]));
    }
    // A pattern's vector is its column's coordinates scaled by the singular values (V times S), which is where
    // a query lands when its stems' vectors are summed.
    const Eigen::MatrixXd pattern_vectors = svd.matrixV().leftCols(kept) * singular.head(kept).asDiagonal();
    for (Eigen::Index j = 0; j < columns; ++j) {
        model.patterns.emplace(patterns[static_cast<std::size_t>(j)].meta.id,
                               to_floats(pattern_vectors.row(j).transpose()));
    }
    model.id = model_id(patterns, model, kept);
    return model;
}

}  // namespace pai
