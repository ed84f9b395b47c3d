// Running programs without a shell: exit status, captured output, signals,
// arguments passed as they are, and a program that cannot start.
#include <doctest/doctest.h>

#include "rnncc/common/error.hpp"
#include "rnncc/common/subprocess.hpp"

using rnncc::find_program;
using rnncc::run_program;

TEST_CASE("run_program: exit status and both output streams") {
  const auto shell = find_program({"sh"});
  REQUIRE(shell.has_value());
  const auto result = run_program(*shell, {"-c", "echo out; echo err >&2; exit 3"});
  CHECK(result.exit_status == 3);
  CHECK(result.output == "out\nerr\n");
  // Arguments are not parsed by a shell: '$HOME; x' reaches the program as is.
  const auto echoed = run_program(*shell, {"-c", "printf '%s' \"$1\"", "sh", "$HOME; x"});
  CHECK(echoed.exit_status == 0);
  CHECK(echoed.output == "$HOME; x");
  // A signal ends it: 128 + the signal's number.
  CHECK(run_program(*shell, {"-c", "kill -9 $$"}).exit_status == 128 + 9);
  // Its standard input is empty, so a program reading it does not wait.
  CHECK(run_program(*shell, {"-c", "cat"}).output.empty());
}

TEST_CASE("find_program and run_program: missing programs") {
  CHECK_FALSE(find_program({"rnncc-no-such-program-anywhere"}).has_value());
  CHECK_FALSE(find_program({"/nonexistent/directory/abc"}).has_value());
  CHECK_THROWS_AS(run_program("/nonexistent/directory/abc", {}), rnncc::InputError);
}
