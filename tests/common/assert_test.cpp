// The invariant macros: RNNCC_ASSERT is compiled out under NDEBUG (its
// condition is then not evaluated) and otherwise aborts on a false
// condition; RNNCC_UNREACHABLE aborts in every build. An abort is observed
// from a forked child: its exit by SIGABRT and the line it wrote.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>

#include "rnncc/common/assert.hpp"

namespace {

struct ChildOutcome {
  bool aborted = false;
  std::string standard_error;
};

/// Runs `body` in a child process whose standard error goes to a pipe.
template <class Body>
ChildOutcome run_in_child(Body body) {
  int pipe_ends[2];
  REQUIRE(pipe(pipe_ends) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    dup2(pipe_ends[1], STDERR_FILENO);
    close(pipe_ends[0]);
    body();
    _exit(0);
  }
  close(pipe_ends[1]);
  ChildOutcome outcome;
  char buffer[512];
  for (ssize_t count; (count = read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
    outcome.standard_error.append(buffer, static_cast<std::size_t>(count));
  close(pipe_ends[0]);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  outcome.aborted = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
  return outcome;
}

}  // namespace

TEST_CASE("RNNCC_ASSERT evaluates its condition only in a debug build") {
  int evaluations = 0;
  RNNCC_ASSERT(++evaluations == 1);
#ifdef NDEBUG
  CHECK(evaluations == 0);
#else
  CHECK(evaluations == 1);
#endif
}

TEST_CASE("a false RNNCC_ASSERT aborts naming the file, the line and the condition in debug") {
  [[maybe_unused]] const int line = __LINE__ + 1;
  const ChildOutcome outcome = run_in_child([] { RNNCC_ASSERT(1 + 1 == 3); });
#ifdef NDEBUG
  CHECK_FALSE(outcome.aborted);
  CHECK(outcome.standard_error.empty());
#else
  CHECK(outcome.aborted);
  CHECK(outcome.standard_error == std::string(__FILE__) + ":" + std::to_string(line) +
                                      ": internal invariant failed: 1 + 1 == 3\n");
#endif
}

TEST_CASE("RNNCC_UNREACHABLE aborts in every build, naming what was reached") {
  const int line = __LINE__ + 1;
  const ChildOutcome outcome = run_in_child([] { RNNCC_UNREACHABLE("the end of a full switch"); });
  CHECK(outcome.aborted);
  CHECK(outcome.standard_error == std::string(__FILE__) + ":" + std::to_string(line) +
                                      ": internal invariant failed: the end of a full switch\n");
}
