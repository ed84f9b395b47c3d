#include "rnncc/common/size_limits.hpp"

#include <fmt/format.h>

#include "rnncc/common/error.hpp"
#include "rnncc/common/file_text.hpp"

namespace rnncc {

SizeLimits& size_limits() {
  static SizeLimits limits;
  return limits;
}

std::string read_input_file_text(const std::filesystem::path& path, std::string_view what) {
  const std::uint64_t limit = size_limits().max_file_bytes;
  try {
    return read_file_text(path, limit, what);
  } catch (const LimitError&) {
    throw LimitError(
        fmt::format("{}: more than {} bytes, the limit for {} (raise it with "
                    "--max-file-bytes)",
                    path.string(), limit, what));
  }
}

}  // namespace rnncc
