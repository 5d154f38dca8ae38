#include "gzip.h"

#include <gtest/gtest.h>

#include <random>

#include "inflate.h"

namespace pai {
namespace {

std::string sample_json(std::size_t items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items; ++i) out += R"({"id":"pattern-)" + std::to_string(i) + R"(","score":0.5},)";
    out.back() = ']';
    return out;
}

TEST(Gzip, RoundTripsThroughZlibInflate) {
    const std::string body = sample_json(500);
    for (int level : {1, kJsonGzipLevel, kStaticGzipLevel}) {
        const std::string gzipped = gzip_compress(body, level);
        EXPECT_LT(gzipped.size(), body.size() / 4) << level;
        ASSERT_GE(gzipped.size(), 2u);
        EXPECT_EQ(static_cast<unsigned char>(gzipped[0]), 0x1f);  // the gzip magic, not a zlib header
        EXPECT_EQ(static_cast<unsigned char>(gzipped[1]), 0x8b);
        EXPECT_EQ(test::gunzip(gzipped), body) << level;
    }
}

TEST(Gzip, RoundTripsEmptyAndIncompressibleBodies) {
    EXPECT_EQ(test::gunzip(gzip_compress("", kJsonGzipLevel)), "");
    std::mt19937 random(7);
    std::string noise(200'000, '\0');
    for (auto& c : noise) c = static_cast<char>(random());
    EXPECT_EQ(test::gunzip(gzip_compress(noise, kStaticGzipLevel)), noise);  // grows: the output buffer must too
}

TEST(Gzip, AcceptEncodingAllowsGzipOnlyWithAPositiveQValue) {
    for (const char* yes : {"gzip", "GZIP", "gzip, deflate, br", "br;q=1.0, gzip;q=0.5", "x-gzip", "*",
                            "deflate, *;q=0.1", "gzip;q=0.001", " gzip ; q=1 "}) {
        EXPECT_TRUE(accepts_gzip(yes)) << yes;
    }
    for (const char* no : {"", "identity", "br, deflate", "gzip;q=0", "gzip;q=0.000", "gzip;q=0, *", "*;q=0",
                           "*;q=0.5, gzip;q=0", "gzipx", "gzip;q=2", "gzip;q=abc"}) {
        EXPECT_FALSE(accepts_gzip(no)) << no;
    }
}

TEST(Gzip, TextTypesAreCompressibleImagesAreNot) {
    for (const char* yes :
         {"application/json", "text/html; charset=utf-8", "text/css; charset=utf-8", "text/javascript; charset=utf-8",
          "image/svg+xml", "text/plain; version=0.0.4", "application/yaml", "text/yaml; charset=utf-8"}) {
        EXPECT_TRUE(is_compressible(yes)) << yes;
    }
    for (const char* no : {"image/png", "image/x-icon", "application/octet-stream", "font/woff2", ""}) {
        EXPECT_FALSE(is_compressible(no)) << no;
    }
}

}  // namespace
}  // namespace pai
