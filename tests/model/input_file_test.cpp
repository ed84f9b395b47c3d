// Input files (vectors or tokens): accepted text gives the hand-derived
// sequence, and every refusal is one line that starts with the file's name
// and names the line (vectors) or the character (tokens).
#include <doctest/doctest.h>

#include <string>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/model/input_sequence.hpp"

using namespace rnncc;

namespace {

model::Model vector_model(const char* format, std::size_t dimension) {
  model::Model model;
  model.name = std::string("m");  // GCC 12 gives a false -Wrestrict for = "m"
  model.format = arith::parse_format(format);
  model.input.dimension = dimension;
  model.input.exact_domain = {-4, 4, 2};
  return model;
}

model::Model token_model() {
  model::Model model;
  model.name = std::string("m");
  model.input.alphabet = {"a", "b"};
  return model;
}

std::string error_of(const model::Model& model, const std::string& text) {
  try {
    (void)model::parse_input_text(model, text, "in.txt");
  } catch (const InputError& error) {
    return error.what();
  }
  return "<no error>";
}

}  // namespace

TEST_CASE("an input file's vectors are read line by line, comments and blank lines skipped") {
  const model::Model model = vector_model("exact", 2);
  const model::InputSequence sequence =
      model::parse_input_text(model, "# two steps\n1, -1/2\n\n0.5 2 # end\n", "in.txt");
  REQUIRE(sequence.vectors.size() == 2);
  CHECK(sequence.vectors[0][0] == 1);
  CHECK(sequence.vectors[0][1] == mpq_class(-1, 2));
  CHECK(sequence.vectors[1][0] == mpq_class(1, 2));
  CHECK(sequence.vectors[1][1] == 2);
}

TEST_CASE("an input file's errors name the file and the line or character") {
  const model::Model exact = vector_model("exact", 2);
  // Line 3: 5/2 * 2 = 5 is outside the range [-4, 4] / 2.
  CHECK(error_of(exact, "1 1\n\n5/2 0\n") ==
        "in.txt:3: 5/2 does not fit the model's inputs in exact");
  CHECK(error_of(exact, "1 1\n1 x\n") == "in.txt:2: 'x' is not a number");
  CHECK(error_of(exact, "1 1 1\n") == "in.txt:1: expected 2 values, found 3");
  // Tokens: the third character (after a space) is outside the alphabet.
  CHECK(error_of(token_model(), "a c") ==
        "in.txt: character 3: 'c' is not in the alphabet of m (symbols: a b)");
  // The command line's tokens keep their own place.
  try {
    (void)model::parse_tokens(token_model(), "ac");
    FAIL("accepted a token outside the alphabet");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) ==
          "tokens: character 2: 'c' is not in the alphabet of m (symbols: a b)");
  }
}

TEST_CASE("a token file whose broken UTF-8 swallows a line break is refused on one line") {
  // 0xEC starts a three-byte character; the line break after it was taken
  // into the character and printed in the message (now as \x0a).
  model::Model model = token_model();
  const std::string message = error_of(model, "ab\xec\n");
  CHECK(message.rfind("in.txt: character 3: '\xec\\x0a' is not in the alphabet", 0) == 0);
  CHECK(message.find('\n') == std::string::npos);
}
