// Reading whole input files within a size limit: endless devices and
// directories are refused, files up to the limit read exactly.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/common/file_text.hpp"
#include "rnncc/common/size_limits.hpp"
#include "support/abc.hpp"

TEST_CASE("a file is read exactly up to its limit and refused one byte beyond") {
  rnncc::test::TemporaryDirectory directory;
  std::string bytes;
  for (int i = 0; i < 70000; ++i)
    bytes += static_cast<char>(i * 7 % 256);
  std::ofstream(directory / "f.bin", std::ios::binary) << bytes;
  CHECK(rnncc::read_file_text(directory / "f.bin", bytes.size(), "a test file") == bytes);
  CHECK_THROWS_AS(rnncc::read_file_text(directory / "f.bin", bytes.size() - 1, "a test file"),
                  rnncc::LimitError);
}

TEST_CASE("an endless device is refused at the limit, a directory at once") {
  CHECK_THROWS_AS(rnncc::read_file_text("/dev/zero", 100000, "a test file"), rnncc::LimitError);
  rnncc::test::TemporaryDirectory directory;
  CHECK_THROWS_AS(rnncc::read_file_text(directory.path(), 100, "a test file"), rnncc::InputError);
  rnncc::SizeLimits& limits = rnncc::size_limits();
  const rnncc::SizeLimits saved = limits;
  limits.max_file_bytes = 1000;
  std::string message;
  try {
    (void)rnncc::read_input_file_text("/dev/zero", "a pattern file");
  } catch (const rnncc::LimitError& error) {
    message = error.what();
  }
  limits = saved;
  CHECK(message ==
        "/dev/zero: more than 1000 bytes, the limit for a pattern file (raise it with "
        "--max-file-bytes)");
}
