# cmake -DINPUT=file -DOUTPUT=file.cc -DFUNCTION=name -DHEADER=header.h -P embed_file.cmake
# Writes a C++ source defining `std::string_view pai::FUNCTION()` that returns INPUT's bytes, so a document can
# be served from the binary without depending on the source tree at run time.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}" "/** @file
 *  @brief Generated from ${name} by cmake/embed_file.cmake; do not edit.
 */
#include \"${HEADER}\"

namespace pai {
namespace {

constexpr unsigned char kBytes[] = {
    ${bytes}};

}  // namespace

std::string_view ${FUNCTION}() { return {reinterpret_cast<const char*>(kBytes), sizeof kBytes}; }

}  // namespace pai
")
