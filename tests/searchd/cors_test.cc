#include "cors.h"

#include <gtest/gtest.h>

namespace pai {
namespace {

Response answered(const std::vector<std::string>& allowed, const char* origin) {
    Request request{http::verb::get, "/v1/search", 11};
    if (origin) request.set(http::field::origin, origin);
    Response response{http::status::ok, 11};
    apply_cors(request, allowed, response);
    return response;
}

bool has_allow_origin(const Response& response) {
    return response.find(http::field::access_control_allow_origin) != response.end();
}

TEST(Cors, NoOriginIsAllowedByDefault) {
    EXPECT_FALSE(has_allow_origin(answered({}, "https://evil.example")));
    EXPECT_FALSE(has_allow_origin(answered({}, "null")));
    const auto response = answered({}, "https://evil.example");
    EXPECT_EQ(response.find(http::field::vary), response.end());
}

TEST(Cors, OnlyTheConfiguredOriginsAreEchoed) {
    const std::vector<std::string> allowed{"https://docs.example", "http://localhost:3000"};
    EXPECT_EQ(answered(allowed, "https://docs.example")[http::field::access_control_allow_origin],
              "https://docs.example");
    EXPECT_EQ(answered(allowed, "http://localhost:3000")[http::field::access_control_allow_origin],
              "http://localhost:3000");
    EXPECT_FALSE(has_allow_origin(answered(allowed, "https://docs.example.evil")));
    EXPECT_FALSE(has_allow_origin(answered(allowed, "http://docs.example")));
    EXPECT_FALSE(has_allow_origin(answered(allowed, nullptr)));
    EXPECT_EQ(answered(allowed, "https://evil.example")[http::field::vary], "Origin");
}

TEST(Cors, WildcardOnlyWhenGivenExplicitly) {
    EXPECT_EQ(answered({"*"}, "https://any.example")[http::field::access_control_allow_origin], "*");
}

TEST(Cors, OriginFlagValuesAreValidated) {
    EXPECT_TRUE(is_valid_cors_origin("https://docs.example"));
    EXPECT_TRUE(is_valid_cors_origin("http://localhost:3000"));
    EXPECT_TRUE(is_valid_cors_origin("*"));
    EXPECT_FALSE(is_valid_cors_origin("docs.example"));
    EXPECT_FALSE(is_valid_cors_origin("https://docs.example/"));
    EXPECT_FALSE(is_valid_cors_origin("https://"));
    EXPECT_FALSE(is_valid_cors_origin("ftp://docs.example"));
}

}  // namespace
}  // namespace pai
