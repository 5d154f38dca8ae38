/** @file
 *  @brief Reading the latent space the indexer stored, and comparing a query with patterns in it.
 */
#include "latent_space.h"

#include <bit>
#include <cmath>
#include <cstdint>


namespace pai {
namespace latent {

std::string encode(std::span<const float> vector) {
    std::string bytes;
    bytes.reserve(vector.size() * sizeof(std::uint32_t));
    for (const float value : vector) {
        const auto bits = std::bit_cast<std::uint32_t>(value);
        for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<char>((bits >> shift) & 0xFFu));
    }
    return bytes;
}

std::optional<LatentVector> decode(std::string_view bytes) {
    if (bytes.size() % sizeof(std::uint32_t) != 0) return std::nullopt;
    LatentVector vector;
    vector.reserve(bytes.size() / sizeof(std::uint32_t));
    for (std::size_t at = 0; at < bytes.size(); at += sizeof(std::uint32_t)) {
        std::uint32_t bits = 0;
        for (int i = 3; i >= 0; --i)
            bits = (bits << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
        vector.push_back(std::bit_cast<float>(bits));
    }
    return vector;
}

}  // namespace latent

LatentSpace::LatentSpace(const std::vector<Xapian::Database>& shards) {
    if (shards.empty()) return;
    const std::string id = shards.front().get_metadata(std::string(latent::kModelKey));
    if (id.empty()) return;
    for (const auto& shard : shards) {
        if (shard.get_metadata(std::string(latent::kModelKey)) != id) return;
    }
    model_ = shards.front();
}

const LatentVector& LatentSpace::term_vector(const std::string& stem) const {
    if (const auto found = cache_.find(stem); found != cache_.end()) return found->second;
    if (cache_.size() >= kMaxCachedTerms) cache_.clear();
    auto vector = latent::decode(model_->get_metadata(std::string(latent::kTermPrefix) + stem));
    return cache_.emplace(stem, vector.value_or(LatentVector{})).first->second;
}

LatentVector LatentSpace::locate(const std::set<std::string>& stems) const {
    LatentVector sum;
    if (!model_) return sum;
    for (const auto& stem : stems) {
        const LatentVector& vector = term_vector(stem);
        if (vector.empty()) continue;
        if (sum.empty()) sum.assign(vector.size(), 0.0F);
        if (vector.size() != sum.size()) continue;
        for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += vector[i];
    }
    return sum;
}

double latent_similarity(const LatentVector& query, const LatentVector& pattern) {
    if (query.empty() || pattern.size() != query.size()) return 0;
    double dot = 0;
    double query_norm = 0;
    double pattern_norm = 0;
    for (std::size_t i = 0; i < query.size(); ++i) {
        dot += static_cast<double>(query[i]) * pattern[i];
        query_norm += static_cast<double>(query[i]) * query[i];
        pattern_norm += static_cast<double>(pattern[i]) * pattern[i];
    }
    if (query_norm == 0 || pattern_norm == 0) return 0;
    return dot / std::sqrt(query_norm * pattern_norm);
}

}  // namespace pai
