#include "host_allow_list.h"

#include <gtest/gtest.h>

namespace pai {
namespace {

TEST(HostAllowList, LocalhostNamesAndLoopbackAddressesAreAllowedOnAnyPort) {
    const HostAllowList hosts;
    for (const char* host : {"localhost", "localhost:7171", "LOCALHOST:80", "localhost.", "app.localhost:3000",
                             "127.0.0.1", "127.0.0.1:7171", "[::1]", "[::1]:7171", " 127.0.0.1 "}) {
        EXPECT_TRUE(hosts.allows(host)) << host;
    }
}

TEST(HostAllowList, OtherNamesAreRefusedAsDnsRebindingWouldSendThem) {
    const HostAllowList hosts;
    for (const char* host : {"evil.example", "evil.example:7171", "localhost.evil.example", "127.0.0.1.nip.io",
                             "10.0.0.5:7171", "[::2]:7171", "localhostx", ".localhost"}) {
        EXPECT_FALSE(hosts.allows(host)) << host;
    }
}

TEST(HostAllowList, MissingOrMalformedHostIsRefused) {
    const HostAllowList hosts;
    for (const char* host : {"", ":7171", "localhost:", "localhost:http", "localhost:123456", "[::1", "[::1]x", "::1",
                             "localhost:7171:1"}) {
        EXPECT_FALSE(hosts.allows(host)) << host;
    }
}

TEST(HostAllowList, AddedHostsAreAllowedCaseInsensitively) {
    HostAllowList hosts;
    EXPECT_FALSE(hosts.allows("search.internal:7171"));
    hosts.add("Search.Internal");
    hosts.add("[fd00::5]");
    EXPECT_TRUE(hosts.allows("search.internal:7171"));
    EXPECT_TRUE(hosts.allows("SEARCH.internal"));
    EXPECT_TRUE(hosts.allows("[fd00::5]:7171"));
    EXPECT_FALSE(hosts.allows("other.internal"));
}

}  // namespace
}  // namespace pai
