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

TEST_CASE("a circuit description with a zero denominator, LOW > HIGH or a bad T is refused") {
  // A zero denominator would divide by zero when outputs are decoded.
  CHECK(error_of({model_line, "rnncc-input x number 1 -1 1 0", "rnncc-output y bool 1 0 1 1"})
            .rfind("c.aag: comment line 2: expected LOW <= HIGH and a DENOMINATOR of at least 1",
                   0) == 0);
  CHECK(error_of({model_line, "rnncc-input x number 1 2 1 1", "rnncc-output y bool 1 0 1 1"})
            .rfind("c.aag: comment line 2: expected LOW <= HIGH", 0) == 0);
  CHECK(error_of({model_line, "rnncc-input x number 1 0 1 -3", "rnncc-output y bool 1 0 1 1"})
            .rfind("c.aag: comment line 2: expected LOW <= HIGH", 0) == 0);
  CHECK(error_of({"rnncc-model m elman exact sequential 0 last"})
            .rfind("c.aag: comment line 1: expected a length T from 1", 0) == 0);
  CHECK(error_of({"rnncc-model m elman exact sequential many last"})
            .rfind("c.aag: comment line 1: expected a length T from 1", 0) == 0);
  CHECK(error_of({"rnncc-model m elman exact sequential 1 some"})
            .rfind("c.aag: comment line 1: expected 'all' or 'last'", 0) == 0);
  CHECK(error_of({model_line, "rnncc-input x bool 1 0 2 1", "rnncc-output y bool 1 0 1 1"})
            .rfind("c.aag: comment line 2: expected a Boolean of 1 bit", 0) == 0);
  CHECK(error_of({model_line, "rnncc-input x word 1 0 1 1", "rnncc-output y bool 1 0 1 1"})
            .rfind("c.aag: comment line 2: expected 'bool' or 'number'", 0) == 0);
  CHECK(error_of({model_line, "rnncc-alphabet a b a", "rnncc-input x bool 1 0 1 1",
                  "rnncc-output y bool 1 0 1 1"})
            .rfind("c.aag: comment line 2: expected distinct symbols", 0) == 0);
  CHECK(error_of({"rnncc-model m%4 elman exact sequential 1 last"})
            .rfind("c.aag: comment line 1: expected '%' to be followed by two hexadecimal", 0) ==
        0);
}

TEST_CASE("every byte string survives escaping into a description field") {
  // All 256 single bytes, then hostile strings, against the definition:
  // the escaped field holds no byte <= 0x20 and no DEL, and reads back equal.
  std::vector<std::string> samples;
  for (int byte = 0; byte < 256; ++byte)
    samples.emplace_back(1, static_cast<char>(byte));
  samples.insert(samples.end(), {"a b", "line\nrnncc-input x bool 1 0 1 1", "%41", "%", "%%",
                                 std::string("nul\0inside", 10), "\xff\xfe", "tab\there"});
  for (const std::string& text : samples) {
    const std::string escaped = compile::escape_description_field(text);
    CAPTURE(escaped);
    for (char character : escaped) {
      const auto byte = static_cast<unsigned char>(character);
      CHECK(byte > 0x20);
      CHECK(byte != 0x7f);
    }
    CHECK(compile::unescape_description_field(escaped) == text);
  }
  CHECK(compile::escape_description_field("a b%") == "a%20b%25");
  CHECK(!compile::unescape_description_field("%4").has_value());
  CHECK(!compile::unescape_description_field("%zz").has_value());
}

TEST_CASE("a number word narrower or wider than its fixed-width format is refused") {
  // Decoding reads a finite format's pattern at the format's width: a word
  // of another width would decode bits that are not there.
  const std::string mod2 = "rnncc-model m elman mod:2 sequential 1 last";
  CHECK(error_of({mod2, "rnncc-input x bool 1 0 1 1", "rnncc-output y number 1 -2 1 1"}) ==
        "c.aag: the comments give the number word 'y' 1 bits; its format mod:2 has 2");
  logic::Aig aig;
  for (int bit = 0; bit < 2; ++bit)
    aig.create_output(aig.create_input());
  aig.comments() = {mod2, "rnncc-input x number 2 -2 1 1", "rnncc-output y number 2 -2 1 1"};
  CHECK_NOTHROW((void)compile::read_description(aig, "c.aag"));
}
