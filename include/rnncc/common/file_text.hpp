// Reading a whole input file into memory, within a size limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace rnncc {

/// The contents of the file at `path` ("-" is standard input, read once:
/// every later call for "-" returns the same bytes, so a caller may look at
/// them to tell the file's type before a reader parses them). Throws
/// InputError naming the path when it cannot be opened, is a directory, or
/// holds more than `max_bytes` bytes (LimitError, naming the limit); reads
/// at most max_bytes + 1 bytes, so an endless device such as /dev/zero is
/// refused instead of read forever. `what` names what the file should be,
/// for messages ("an instance file").
std::string read_file_text(const std::filesystem::path& path, std::uint64_t max_bytes,
                           std::string_view what);

}  // namespace rnncc
