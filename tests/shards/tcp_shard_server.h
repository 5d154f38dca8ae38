/** @file
 *  @brief Serves one index directory with Xapian's xapian-tcpsrv on 127.0.0.1 for the duration of a test.
 */
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace pai::test {

class TcpShardServer {
public:
    /// Starts xapian-tcpsrv for @p index_dir on a free 127.0.0.1 port and waits until it accepts
    /// connections. The server is killed with the test process if that dies first.
    explicit TcpShardServer(const std::filesystem::path& index_dir);
    ~TcpShardServer();
    TcpShardServer(const TcpShardServer&) = delete;
    TcpShardServer& operator=(const TcpShardServer&) = delete;

    /// The `--index` value naming this shard: tcp://127.0.0.1:PORT.
    std::string spec() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

private:
    pid_t pid_ = -1;
    unsigned short port_ = 0;

    bool start(const std::filesystem::path& index_dir);
    void stop();
};

}  // namespace pai::test
