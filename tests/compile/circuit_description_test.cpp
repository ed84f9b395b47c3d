// Reading the model description from an AIGER comment section: malformed
// lines are refused with one InputError line naming the file and the
// comment line, never with another exception.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/compile/circuit_description.hpp"
#include "rnncc/logic/aig.hpp"

using namespace rnncc;

namespace {

/// The InputError message of reading the description of a one-input,
/// one-output AIG carrying `comments`, or "<no error>".
std::string error_of(const std::vector<std::string>& comments) {
  logic::Aig aig;
  aig.create_output(aig.create_input());
  aig.comments() = comments;
  try {
    (void)compile::read_description(aig, "c.aag");
  } catch (const InputError& error) {
    return error.what();
  }
  return "<no error>";
}

const std::string model_line = "rnncc-model m elman exact sequential 1 last";

}  // namespace

TEST_CASE("a well-formed description is read") {
  CHECK(error_of({model_line, "rnncc-input x number 1 -1 1 2", "rnncc-output y bool 1 0 1 1"}) ==
        "<no error>");
}

TEST_CASE("a circuit description with a bound that is not an integer is refused naming the line") {
  // Before, mpz_class threw std::invalid_argument, which no caller catches.
  CHECK(error_of({model_line, "rnncc-input x number 1 abc 1 1", "rnncc-output y bool 1 0 1 1"}) ==
        "c.aag: comment line 2: expected integers LOW HIGH DENOMINATOR in the 'rnncc-input' "
        "line, found 'abc' '1' '1'");
  CHECK(error_of({model_line, "rnncc-input x number 1 0 1 1", "rnncc-output y bool 1 0 1 +1"})
            .rfind("c.aag: comment line 3: expected integers", 0) == 0);
  CHECK(error_of({model_line, "rnncc-input x number 1 0 1- 1", "rnncc-output y bool 1 0 1 1"})
            .rfind("c.aag: comment line 2: expected integers", 0) == 0);
}

TEST_CASE("a circuit description with a format rnncc cannot parse names the file and line") {
  CHECK(error_of({"rnncc-model m elman mod:0 sequential 1 last"}) ==
        "c.aag: comment line 1: expected a number format in the 'rnncc-model' line: number "
        "format 'mod:0': expected mod:W with 1 <= W <= 65536");
  CHECK(error_of({"x", "rnncc-model m elman exact sequential"}) ==
        "c.aag: comment line 2: malformed 'rnncc-model' comment line");
}
