#include "support/scratch_directory.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>

namespace rnncc::fuzz {

namespace {

[[noreturn]] void harness_failure(const std::string& what) {
  std::fprintf(stderr, "rnncc fuzz harness: %s\n", what.c_str());
  std::abort();
}

struct ScratchDirectory {
  std::filesystem::path path;

  ScratchDirectory()
      : path(std::filesystem::path("/dev/shm") / ("rnncc-fuzz-" + std::to_string(::getpid()))) {
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error) harness_failure("cannot create " + path.string() + ": " + error.message());
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

const std::filesystem::path& scratch_directory() {
  static const ScratchDirectory directory;
  return directory.path;
}

std::filesystem::path write_scratch_file(std::string_view name, std::string_view bytes) {
  std::filesystem::path path = scratch_directory() / name;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) harness_failure("cannot write " + path.string());
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  if (std::fclose(file) != 0 || !written) harness_failure("cannot write " + path.string());
  return path;
}

void remove_scratch_file(std::string_view name) {
  std::error_code ignored;
  std::filesystem::remove(scratch_directory() / name, ignored);
}

}  // namespace rnncc::fuzz
