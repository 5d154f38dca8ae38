/** @file
 *  @brief Entity tags: the weak ETags the daemon gives its answers, and If-None-Match matching
 *  (RFC 9110 section 13.1.2: a list of tags or `*`, compared weakly).
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pai {

/// The ETag of a JSON answer served from generation tag @p tag by the daemon instance @p instance; "" when
/// @p tag is empty (an index whose changes cannot be seen: nothing may be validated against it).
std::string generation_etag(std::string_view tag, std::string_view instance);

/// The ETag of a static file with content checksum @p checksum.
std::string content_etag(std::uint32_t checksum);

/// Whether the If-None-Match value @p header matches @p etag: `*`, or any listed tag with the same opaque
/// part (the W/ prefix is ignored, as GET's weak comparison requires). A malformed list matches nothing.
bool if_none_match(std::string_view header, std::string_view etag);

/// A token naming this start of the daemon, so a restart (perhaps a new build answering in a new shape)
/// never validates an answer the previous one gave.
std::string make_instance_id();

}  // namespace pai
