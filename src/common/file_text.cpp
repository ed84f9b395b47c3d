#include "rnncc/common/file_text.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

#include "rnncc/common/error.hpp"

namespace rnncc {

namespace {

/// Standard input as read so far: it can be read only once, so its bytes are
/// kept for every later reader of "-".
struct StandardInput {
  bool read = false;
  std::string text;
};

StandardInput& standard_input_state() {
  static StandardInput state;
  return state;
}

}  // namespace

std::string read_file_text(const std::filesystem::path& path, std::uint64_t max_bytes,
                           std::string_view what) {
  const bool standard_input = path == "-";
  if (standard_input && standard_input_state().read) {
    const std::string& text = standard_input_state().text;
    if (text.size() > max_bytes) {
      throw LimitError(fmt::format("-: more than {} bytes; {} may hold at most {} bytes", max_bytes,
                                   what, max_bytes));
    }
    return text;
  }
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
  // A regular file's size is known: one allocation instead of doublings.
  if (!standard_input) {
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size <= max_bytes) text.reserve(static_cast<std::size_t>(size));
  }
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
  if (standard_input) standard_input_state() = {true, text};
  return text;
}

}  // namespace rnncc
