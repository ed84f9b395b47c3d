#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>

#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "support/abc.hpp"

using rnncc::AtomicFile;

namespace {

std::string contents_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::size_t entries_in(const std::filesystem::path& directory) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("an atomic file appears only when committed and replaces the old one") {
  rnncc::test::TemporaryDirectory directory;
  auto path = directory / "out.txt";
  rnncc::write_file_atomically(path, "first\n");
  CHECK(contents_of(path) == "first\n");
  {
    AtomicFile file(path);
    file.write("second");
    CHECK(contents_of(path) == "first\n");  // still the old file
    CHECK(entries_in(directory.path()) == 2);
    file.write(" part\n");
    file.commit();
  }
  CHECK(contents_of(path) == "second part\n");
  CHECK(entries_in(directory.path()) == 1);
  {
    AtomicFile abandoned(path);
    abandoned.write("never seen");
  }
  CHECK(contents_of(path) == "second part\n");
  CHECK(entries_in(directory.path()) == 1);
}

TEST_CASE("an atomic file gets the permissions of a normally created file") {
  rnncc::test::TemporaryDirectory directory;
  mode_t mask = ::umask(022);
  rnncc::write_file_atomically(directory / "a.txt", "x");
  ::umask(mask);
  struct stat status {};
  REQUIRE(::stat((directory / "a.txt").c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0644);
}

TEST_CASE("an atomic file in a missing directory is an InputError naming the path") {
  rnncc::test::TemporaryDirectory directory;
  auto path = directory / "missing" / "out.txt";
  try {
    rnncc::write_file_atomically(path, "x");
    FAIL("no error");
  } catch (const rnncc::InputError& error) {
    CHECK(std::string(error.what()).rfind(path.string() + ": ", 0) == 0);
  }
}
