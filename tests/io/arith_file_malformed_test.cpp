// `.arith` reader: every malformed input is refused with one line
// `SOURCE:LINE: expected ...` naming the offending line.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/io/arith_file.hpp"

namespace {

struct MalformedCase {
  std::string description;
  std::string text;
  int line;
  std::string mentions;  ///< a fragment the message must contain
};

/// The message of the InputError parse_arith throws, or "" if none.
std::string error_of(const std::string& text) {
  try {
    rnncc::io::parse_arith(text, "bad.arith");
  } catch (const rnncc::InputError& error) {
    return error.what();
  }
  return "";
}

const std::string exact_header = "rnncc-arith 1 exact\n";
const std::string mod_header = "rnncc-arith 1 mod:8\n";
const std::string mod_inputs = mod_header + "a = input a\nb = input b\n";  // lines 1-3

}  // namespace

TEST_CASE("malformed .arith input names the file, the line and what was expected") {
  const std::vector<MalformedCase> cases = {
      {"empty file", "", 1, "header"},
      {"only comments", "# one\n\n# three\n", 3, "end of the file"},
      {"bad header word", "arith 1 exact\n", 1, "rnncc-arith"},
      {"bad version", "rnncc-arith 2 exact\n", 1, "version 1"},
      {"bad format", "# c\nrnncc-arith 1 fixed:8.9\n", 2, "number format"},
      {"unknown format", "rnncc-arith 1 float:5.10\n", 1, "number format"},
      {"header with extra words", "rnncc-arith 1 exact please\n", 1, "3 words"},
      {"second header", mod_header + "rnncc-arith 1 mod:8\n", 2, "one header"},
      {"garbage line", mod_inputs + "hello world\n", 4, "hello"},
      {"unknown operation", mod_inputs + "c = pow a b\n", 4, "pow"},
      {"missing operation", mod_inputs + "c =\n", 4, "operation"},
      {"too few operands", mod_inputs + "c = add a\n", 4, "add A B"},
      {"too many operands", mod_inputs + "c = neg a b\n", 4, "neg A"},
      {"select with two operands", mod_inputs + "c = select a b\n", 4, "select"},
      {"clip without bounds", mod_inputs + "c = clip a\n", 4, "clip A LOW HIGH"},
      {"undefined operand", mod_inputs + "c = add a z\n", 4, "'z'"},
      {"operand defined later (a cycle)", mod_inputs + "c = add a d\nd = add c b\n", 4, "'d'"},
      {"self reference", mod_inputs + "c = add a c\n", 4, "'c'"},
      {"duplicate definition", mod_inputs + "\nc = add a b\nc = mul a b\n", 6, "line 5"},
      {"bad node name", mod_inputs + "3c = add a b\n", 4, "node name"},
      {"fraction with zero denominator", mod_inputs + "c = const 3/0\n", 4, "3/0"},
      {"two decimal points", mod_inputs + "c = const 1.2.3\n", 4, "1.2.3"},
      {"word for a number", mod_inputs + "c = const many\n", 4, "many"},
      {"double minus", mod_inputs + "c = const --1\n", 4, "--1"},
      {"fraction in mod", mod_inputs + "c = const 3/4\n", 4, "mod:8"},
      {"integer beyond mod:8", mod_inputs + "c = const 128\n", 4, "128"},
      {"thirds in fixed", "rnncc-arith 1 fixed:8.4\nc = const 1/3\n", 2, "1/3"},
      {"Boolean operand of add", mod_inputs + "c = lt a b\nd = add c a\n", 5, "Boolean"},
      {"number as select condition", mod_inputs + "c = select a a b\n", 4, "Boolean operand"},
      {"select between a number and a Boolean", mod_inputs + "c = lt a b\nd = select c a c\n", 5,
       "one type"},
      {"exact input without domain", exact_header + "x = input x\n", 2, "domain"},
      {"finite input with a domain", mod_header + "x = input x [0, 3]\n", 2, "no input domains"},
      {"empty domain", exact_header + "x = input x [3, 1]\n", 2, "LOW <= HIGH"},
      {"domain without comma", exact_header + "x = input x [1 2]\n", 2, "domain"},
      {"zero denominator", exact_header + "x = input x [1, 2] / 0\n", 2, "D > 0"},
      {"fractional bound", exact_header + "x = input x [1/2, 2]\n", 2, "integers"},
      {"input without a name", mod_header + "x = input\n", 2, "NAME"},
      {"duplicate input name", mod_inputs + "c = input a\n", 4, "input name"},
      {"output of an undefined node", mod_inputs + "output y q\n", 4, "'q'"},
      {"output without node", mod_inputs + "output y\n", 4, "output NAME NODE"},
      {"duplicate output name", mod_inputs + "output y a\noutput y b\n", 5, "output name"},
      {"rescale with a fractional shift", mod_inputs + "c = rescale a 1/2\n", 4, "shift"},
      {"rescale the format cannot do", mod_inputs + "c = rescale a 3\n", 4, "format"},
      {"lookup of an unknown table", mod_inputs + "c = lookup cosine a\n", 4, "cosine"},
      {"tanh outside fixed formats", mod_inputs + "c = lookup tanh a\n", 4, "tanh"},
      {"clip bound beyond the format", mod_inputs + "c = clip a 0 1000\n", 4, "1000"},
      {"table without default", mod_header + "table t 1:2\n", 2, "default"},
      {"table entry without colon", mod_header + "table t default 0 1=2\n", 2, "1=2"},
      {"table entry not a member", mod_header + "table t default 0 1:300\n", 2, "300"},
      {"table with a repeated argument", mod_header + "table t default 0 1:2 1:3\n", 2, "twice"},
      {"table named like an activation", mod_header + "table sigmoid default 0\n", 2, "sigmoid"},
      {"duplicate table", mod_header + "table t default 0\ntable t default 1\n", 3, "'t'"},
  };
  for (const MalformedCase& malformed : cases) {
    CAPTURE(malformed.description);
    const std::string message = error_of(malformed.text);
    CAPTURE(message);
    const std::string prefix = "bad.arith:" + std::to_string(malformed.line) + ": expected";
    CHECK(message.starts_with(prefix));
    CHECK(message.find(malformed.mentions) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
}

TEST_CASE("the same lines without the fault are accepted") {
  // Guards the malformed cases above against refusing everything.
  CHECK_NOTHROW(
      rnncc::io::parse_arith(mod_inputs + "c = add a b\nd = add c b\noutput y d\n", "good.arith"));
  CHECK_NOTHROW(rnncc::io::parse_arith(exact_header + "x = input x [1, 2] / 3\n", "good.arith"));
  CHECK_NOTHROW(rnncc::io::parse_arith(
      mod_header + "table t default 0 1:2 2:3\nx = input x\ny = lookup t x\noutput y y\n",
      "good.arith"));
  CHECK_NOTHROW(rnncc::io::parse_arith(mod_inputs + "c = rescale a -3\n", "good.arith"));
  CHECK_NOTHROW(
      rnncc::io::parse_arith("rnncc-arith 1 modp:7\nx = input x\nc = rescale x 3\n", "good.arith"));
}
