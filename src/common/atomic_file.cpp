#include "rnncc/common/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

#include <fmt/format.h>

#include "rnncc/common/error.hpp"

namespace rnncc {

namespace {

/// A suffix unlikely to collide with another writer's temporary file.
std::string random_suffix() {
  static thread_local std::mt19937_64 generator{std::random_device{}() ^
                                                static_cast<std::uint64_t>(::getpid())};
  return fmt::format(".tmp-{:012x}", generator() & 0xffffffffffffULL);
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path destination) : destination_(std::move(destination)) {
  // O_EXCL with a fresh random name; mode 0666 lets the umask decide the
  // final permissions, exactly as for a file created directly.
  for (int attempt = 0; attempt < 100; ++attempt) {
    temporary_ = destination_;
    temporary_ += random_suffix();
    int descriptor = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (descriptor < 0) {
      if (errno == EEXIST) continue;
      fail("cannot create a temporary file beside it");
    }
    file_ = ::fdopen(descriptor, "wb");
    if (file_ == nullptr) {
      int saved = errno;
      ::close(descriptor);
      ::unlink(temporary_.c_str());
      errno = saved;
      fail("cannot open the temporary file");
    }
    return;
  }
  fail("cannot find a free temporary name beside it");
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  if (file_ != nullptr) std::fclose(file_);
  ::unlink(temporary_.c_str());
}

void AtomicFile::fail(std::string_view what) const {
  throw InputError(fmt::format("{}: {}: {}", destination_.string(), what, std::strerror(errno)));
}

void AtomicFile::write(std::string_view bytes) {
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) fail("write failed");
}

void AtomicFile::commit() {
  if (std::fflush(file_) != 0) fail("write failed");
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) fail("write failed");
  if (::rename(temporary_.c_str(), destination_.c_str()) != 0)
    fail("cannot rename the temporary file");
  committed_ = true;
}

void write_file_atomically(const std::filesystem::path& path, std::string_view contents) {
  AtomicFile file(path);
  file.write(contents);
  file.commit();
}

}  // namespace rnncc
