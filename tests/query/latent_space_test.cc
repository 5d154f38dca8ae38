/** @file
 *  @brief Reading the latent space: the stored byte format, when shards share a space, where a query lands,
 *  and how nearness reorders the best patterns.
 */
#include "latent_space.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "read_cache.h"
#include "rerank.h"
#include "schema.h"

namespace pai {
namespace {

Xapian::WritableDatabase memory_db() {
    return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

TEST(LatentEncoding, RoundTripsAndIsLittleEndianIeee754) {
    const LatentVector vector{1.0F, -0.5F, 0.0F, 3.25e-7F};
    EXPECT_EQ(latent::decode(latent::encode(vector)), vector);
    EXPECT_EQ(latent::encode(LatentVector{1.0F}), std::string("\x00\x00\x80\x3F", 4));
}

TEST(LatentEncoding, BytesThatAreNoWholeFloatsDecodeToNothing) {
    EXPECT_EQ(latent::decode("abc"), std::nullopt);
    EXPECT_EQ(latent::decode(""), LatentVector{});
}

TEST(LatentSpace, TheQueryIsTheSumOfItsKnownStems) {
    auto db = memory_db();
    db.set_metadata(std::string(latent::kModelKey), "fit-1");
    db.set_metadata(std::string(latent::kTermPrefix) + "spend", latent::encode(LatentVector{1, 2}));
    db.set_metadata(std::string(latent::kTermPrefix) + "invoic", latent::encode(LatentVector{0.5F, -1}));
    const LatentSpace space({db});
    ASSERT_FALSE(space.empty());
    EXPECT_EQ(space.locate({"spend", "invoic", "unknown"}), (LatentVector{1.5F, 1}));
    EXPECT_TRUE(space.locate({"unknown"}).empty());
}

TEST(LatentSpace, ShardsFittedApartOrWithoutAModelGiveNoSpace) {
    auto first = memory_db();
    auto second = memory_db();
    for (auto* db : {&first, &second}) {
        db->set_metadata(std::string(latent::kTermPrefix) + "spend", latent::encode(LatentVector{1, 2}));
    }
    EXPECT_TRUE(LatentSpace({first}).empty()) << "no model id";
    first.set_metadata(std::string(latent::kModelKey), "fit-1");
    second.set_metadata(std::string(latent::kModelKey), "fit-2");
    EXPECT_TRUE(LatentSpace({first, second}).empty());
    EXPECT_TRUE(LatentSpace({first, second}).locate({"spend"}).empty());
    second.set_metadata(std::string(latent::kModelKey), "fit-1");
    EXPECT_FALSE(LatentSpace({first, second}).empty());
}

TEST(LatentSimilarity, IsTheCosineWithTheSectionsPatternVector) {
    auto db = memory_db();
    Xapian::Document near;
    near.add_value(schema::kSlotLatent, latent::encode(LatentVector{2, 0}));
    Xapian::Document opposite;
    opposite.add_value(schema::kSlotLatent, latent::encode(LatentVector{-1, 0}));
    const auto near_id = db.add_document(near);
    const auto opposite_id = db.add_document(opposite);
    const auto without_id = db.add_document(Xapian::Document());
    ReadCache reads(db);
    EXPECT_DOUBLE_EQ(latent_similarity({3, 0}, reads.latent_vector(near_id)), 1.0);
    EXPECT_DOUBLE_EQ(latent_similarity({1, 1}, reads.latent_vector(near_id)), 1.0 / std::sqrt(2.0));
    EXPECT_DOUBLE_EQ(latent_similarity({3, 0}, reads.latent_vector(opposite_id)), -1.0);
    EXPECT_EQ(latent_similarity({3, 0}, reads.latent_vector(without_id)), 0.0);
    EXPECT_EQ(latent_similarity({}, reads.latent_vector(near_id)), 0.0);
    EXPECT_EQ(latent_similarity({1, 0, 0}, reads.latent_vector(near_id)), 0.0)
        << "vectors of another length do not compare";
}

TEST(LatentRerank, ThePatternNearerTheQueryWinsAnEvenLexicalMatch) {
    auto db = memory_db();
    const auto section = [&](const std::string& pattern, LatentVector vector) {
        Xapian::Document doc;
        doc.add_term("bill");
        doc.add_boolean_term(schema::boolean_term(schema::kPrefixPattern, pattern));
        doc.add_boolean_term(schema::boolean_term(schema::kPrefixSection, "problem"));
        doc.add_value(schema::kSlotPatternId, pattern);
        doc.add_value(schema::kSlotLatent, latent::encode(vector));
        return db.add_document(doc);
    };
    const auto apart = section("a-apart", {0, 1});
    const auto near = section("b-near", {1, 0});
    const std::vector<RankedPattern> ranked{{"a-apart", 10, apart}, {"b-near", 10, near}};
    const std::vector<Xapian::Query> words{Xapian::Query("bill")};

    ReadCache reads(db);
    const auto plain = rerank_best_patterns(reads, {words}, ranked, 0, 2);
    EXPECT_EQ(plain[0].id, "a-apart") << "without a query vector, even scores fall back to ids";
    const auto latent = rerank_best_patterns(reads, {words, {1, 0}}, ranked, 0, 2);
    EXPECT_EQ(latent[0].id, "b-near");
    EXPECT_GT(latent[0].score, latent[1].score);
    EXPECT_DOUBLE_EQ(latent[1].score, 10) << "an orthogonal pattern keeps its lexical score";
}

}  // namespace
}  // namespace pai
