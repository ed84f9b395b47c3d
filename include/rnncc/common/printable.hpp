// Quoting bytes from user input in messages.
#pragma once

#include <string>
#include <string_view>

namespace rnncc {

/// `text` with each control byte (below 0x20), DEL and backslash written as
/// \xHH, so a quoted name or symbol can neither break the message's line
/// nor hide in it; other bytes (printable ASCII, UTF-8) as they are.
std::string printable(std::string_view text);

}  // namespace rnncc
