#include "rnncc/common/file_text.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

#include "rnncc/common/error.hpp"

namespace rnncc {

std::string read_file_text(const std::filesystem::path& path, std::uint64_t max_bytes,
                           std::string_view what) {
  const bool standard_input = path == "-";
  std::error_code error;
  if (!standard_input && std::filesystem::is_directory(path, error)) {
    throw InputError(fmt::format("{}: is a directory; expected {}", path.string(), what));
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
      standard_input ? stdin : std::fopen(path.c_str(), "rb"),
      standard_input ? +[](std::FILE*) { return 0; } : &std::fclose);
  if (file == nullptr) {
    throw InputError(fmt::format("{}: cannot open: {}", path.string(), std::strerror(errno)));
  }
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const std::size_t read = std::fread(buffer, 1, sizeof buffer, file.get());
    if (read > 0) {
      if (text.size() + read > max_bytes) {
        throw LimitError(fmt::format("{}: more than {} bytes; {} may hold at most {} bytes",
                                     path.string(), max_bytes, what, max_bytes));
      }
      text.append(buffer, read);
    }
    if (read < sizeof buffer) break;
  }
  if (std::ferror(file.get()) != 0) {
    throw InputError(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
  }
  return text;
}

}  // namespace rnncc
