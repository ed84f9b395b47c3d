#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <csignal>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <thread>

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

TEST_CASE("an atomic file through a symbolic link replaces the linked file and keeps the link") {
  rnncc::test::TemporaryDirectory directory;
  std::filesystem::create_directory(directory / "real");
  rnncc::write_file_atomically(directory / "real" / "target.txt", "old\n");
  std::filesystem::create_symlink("real/target.txt", directory / "link.txt");
  rnncc::write_file_atomically(directory / "link.txt", "new\n");
  CHECK(std::filesystem::is_symlink(directory / "link.txt"));
  CHECK(contents_of(directory / "real" / "target.txt") == "new\n");
  CHECK(entries_in(directory / "real") == 1);
  // A link to a file not there yet creates that file.
  std::filesystem::create_symlink("real/later.txt", directory / "dangling.txt");
  rnncc::write_file_atomically(directory / "dangling.txt", "later\n");
  CHECK(std::filesystem::is_symlink(directory / "dangling.txt"));
  CHECK(contents_of(directory / "real" / "later.txt") == "later\n");
}

TEST_CASE("an atomic file onto a FIFO or a pipe writes through and leaves it in place") {
  rnncc::test::TemporaryDirectory directory;
  const auto fifo = directory / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] { received = contents_of(fifo); });
  rnncc::write_file_atomically(fifo, "through the fifo\n");
  reader.join();
  CHECK(received == "through the fifo\n");
  struct stat status {};
  REQUIRE(::lstat(fifo.c_str(), &status) == 0);
  CHECK(S_ISFIFO(status.st_mode));
  CHECK(entries_in(directory.path()) == 1);

  // /dev/fd/N names this process's descriptor N (here a pipe's write end).
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  rnncc::write_file_atomically(fmt::format("/dev/fd/{}", ends[1]), "through the pipe\n");
  ::close(ends[1]);
  char buffer[64] = {};
  const ssize_t got = ::read(ends[0], buffer, sizeof buffer);
  ::close(ends[0]);
  CHECK(std::string(buffer, got > 0 ? static_cast<std::size_t>(got) : 0) == "through the pipe\n");
}

TEST_CASE("an atomic file onto a directory is an InputError and leaves the directory") {
  rnncc::test::TemporaryDirectory directory;
  std::filesystem::create_directory(directory / "sub");
  CHECK_THROWS_AS(rnncc::write_file_atomically(directory / "sub", "x"), rnncc::InputError);
  CHECK(std::filesystem::is_directory(directory / "sub"));
  CHECK(entries_in(directory.path()) == 1);
}

namespace {

/// Runs `write_then_signal` in a child process that has `signal`'s default
/// action (the test framework catches signals itself; the child runs as
/// rnncc does) and checks that the signal, not an exit, ended it.
void check_ended_by_signal(int signal, const std::function<void()>& write_then_signal) {
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::signal(signal, SIG_DFL);
    write_then_signal();
    ::_exit(0);  // not reached when the function raised the signal
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == signal);
}

}  // namespace

TEST_CASE("a termination signal while an atomic file is open removes its temporary file") {
  for (int signal : {SIGTERM, SIGINT}) {
    rnncc::test::TemporaryDirectory directory;
    check_ended_by_signal(signal, [&] {
      AtomicFile file(directory / "out.txt");
      file.write("half of it");
      ::raise(signal);
    });
    CHECK(entries_in(directory.path()) == 0);
  }
}

TEST_CASE("a termination signal keeps what was flushed when the file is kept when interrupted") {
  for (int signal : {SIGTERM, SIGINT}) {
    rnncc::test::TemporaryDirectory directory;
    check_ended_by_signal(signal, [&] {
      AtomicFile file(directory / "rows.csv");
      file.write("header\nrow 1\n");
      file.flush();
      file.keep_when_interrupted();
      file.write("row 2, still in the buffer");
      ::raise(signal);
    });
    // The flushed rows under the destination's name, nothing else.
    CHECK(entries_in(directory.path()) == 1);
    std::ifstream kept(directory / "rows.csv");
    const std::string contents{std::istreambuf_iterator<char>(kept), {}};
    CHECK(contents == "header\nrow 1\n");
  }
}

TEST_CASE("a file kept when interrupted is still removed when it is abandoned without a signal") {
  rnncc::test::TemporaryDirectory directory;
  {
    AtomicFile file(directory / "rows.csv");
    file.write("header\n");
    file.flush();
    file.keep_when_interrupted();
  }
  CHECK(entries_in(directory.path()) == 0);
}
