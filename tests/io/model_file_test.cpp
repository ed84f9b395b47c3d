// Model files: what they mean (hand-derived interpreter outputs) and how
// bad ones are refused (one line naming the file and line, InputError).
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/random.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/interpreter.hpp"
#include "rnncc/model/number_text.hpp"
#include "support/abc.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

std::string error_of(const std::string& text) {
  try {
    test::read_model_text(text);
  } catch (const InputError& error) {
    const std::string message = error.what();
    CHECK(message.find('\n') == std::string::npos);
    CHECK((message.find("model.toml") != std::string::npos ||
           message.find(".safetensors") != std::string::npos));
    return message;
  }
  return "(accepted)";
}

const std::string diagonal_header =
    "family = \"diagonal\"\nstate = 2\n[input]\nalphabet = \"ab\"\n";

}  // namespace

TEST_CASE("splitmix64 matches its published first outputs") {
  SplitMix64 generator(0);
  CHECK(generator.next() == 0xe220a8397b1dcdafULL);
  CHECK(generator.next() == 0x6e789e6aa1b965f4ULL);
}

TEST_CASE("seeded weights are k/denominator with k uniform in range, reproducible") {
  const auto values = io::random_tensor_values(42, "A", 4000, -16, 16, 16);
  const auto again = io::random_tensor_values(42, "A", 4000, -16, 16, 16);
  CHECK(values == again);
  CHECK(values != io::random_tensor_values(42, "B", 4000, -16, 16, 16));
  std::vector<int> counts(33, 0);
  for (const mpq_class& value : values) {
    mpq_class scaled = value * 16;
    REQUIRE(scaled.get_den() == 1);
    REQUIRE(scaled >= -16);
    REQUIRE(scaled <= 16);
    ++counts[static_cast<std::size_t>(scaled.get_num().get_si() + 16)];
  }
  for (int count : counts)
    CHECK(count > 60);  // expected 121 each
}

TEST_CASE("example models compute their documented functions") {
  const std::string models = std::string(RNNCC_SOURCE_DIR) + "/circuits/models/";
  auto outputs = [&](const std::string& name, const std::string& tokens) {
    const model::Model model = io::read_model_file(models + name + ".toml");
    std::vector<std::string> text;
    for (const auto& step : model::run_reference(model, model::parse_tokens(model, tokens))) {
      std::string line;
      for (const mpq_class& value : step.numbers) {
        if (!line.empty()) line.push_back(' ');
        line.append(value.get_str());
      }
      text.push_back(line);
    }
    return text;
  };
  // parity: (-1)^(number of ones)
  CHECK(outputs("diagonal", "0110") == std::vector<std::string>{"1", "-1", "1", "1"});
  // counter floored at zero
  CHECK(outputs("relu_rnn", "0111001") ==
        std::vector<std::string>{"0", "1", "2", "3", "2", "1", "2"});
  // the WFA counts the a's
  CHECK(outputs("wfa", "abaab") == std::vector<std::string>{"1", "1", "2", "3", "3"});
  // S3: r rotates (h0,h1,h2) -> (h1,h2,h0), s swaps the first two, e doubles h0
  CHECK(outputs("pd", "rse") == std::vector<std::string>{"0 0 1", "0 0 1", "0 0 1"});
  CHECK(outputs("pd", "e") == std::vector<std::string>{"2 0 0"});
  // DeltaNet reflection: S[0][0] flips sign on each r
  CHECK(outputs("deltanet", "rr").back() == "1 0 0 0");
}

TEST_CASE("bad model files give one line naming the file and the problem") {
  // 2^20 × 2^20 × 2 drawn entries: refused before anything is allocated.
  CHECK(error_of("family = \"dense\"\nstate = 1048576\n[input]\nalphabet = \"ab\"\n"
                 "[random]\nseed = 1\n")
            .find("weight 'A' of shape [2, 1048576, 1048576] would bring the model to 2.2e+12 "
                  "parameters") != std::string::npos);
  CHECK(error_of("family = \"lstmm\"\nstate = 2\n").find("unknown family 'lstmm'") !=
        std::string::npos);
  CHECK(error_of("family = \"diagonal\"\nstate = 2\ncolour = 3\n[input]\nalphabet = \"ab\"\n")
            .find(":3: unknown key 'colour'") != std::string::npos);
  CHECK(error_of(diagonal_header + "[weights]\na = [[1, 2, 3], [1, 2, 3]]\nb = [[0, 0], [0, 0]]\n")
            .find("weight 'a' has shape [2, 3], expected [2, 2]") != std::string::npos);
  CHECK(
      error_of(diagonal_header + "[weights]\na = [[1, 2], [1, 2]]\n").find("missing weight 'b'") !=
      std::string::npos);
  CHECK(
      error_of(diagonal_header + "[weights]\na = [[1, 2], [1, 2]]\nb = [[0, 0], [0, 0]]\nq = [1]\n")
          .find("weight 'q' is not a parameter") != std::string::npos);
  CHECK(error_of(diagonal_header + "[weights]\na = [[1, nan], [1, 2]]\nb = [[0, 0], [0, 0]]\n")
            .find("NaN") != std::string::npos);
  CHECK(error_of("format = \"mod:4\"\n" + diagonal_header +
                 "[weights]\na = [[1, 9], [1, 2]]\nb = [[0, 0], [0, 0]]\n")
            .find("element 1 = 9 does not fit in mod:4") != std::string::npos);
  CHECK(error_of("family = \"gru\"\nstate = 2\n[input]\ndimension = 1\n[random]\nseed = 1\n")
            .find("use a fixed format such as fixed:16.8") != std::string::npos);
  CHECK(error_of(diagonal_header + "[weights]\na = [[1, 2], [1]]\n").find("ragged") !=
        std::string::npos);
  CHECK(error_of("family = \"pd\"\nstate = 2\n[input]\nalphabet = \"a\"\n[weights]\n"
                 "permutation = [[0, 0]]\na = [[1, 1]]\nb = [[0, 0]]\n")
            .find("not a permutation") != std::string::npos);
  CHECK(error_of("family = \"diagonal\"\nstate = 2\n[input]\nalphabet = \"ab\"\n[safetensors]\n"
                 "file = \"missing.safetensors\"\n")
            .find("missing.safetensors") != std::string::npos);
  CHECK(error_of("family = [\n").find("model.toml:") != std::string::npos);  // TOML syntax error
}

TEST_CASE("a model file whose error quotes a line break still gives one line") {
  // toml++ quotes the character it saw: here the line feed after 't'.
  const std::string syntax = error_of("family = \"elman\"\nstate = t\nlayers = 1\n");
  CHECK(syntax.find("model.toml:2:") != std::string::npos);
  CHECK(syntax.find('\n') == std::string::npos);
  // A key may hold a line break through a TOML escape; the message quotes it.
  const std::string key = error_of("family = \"elman\"\n\"a\\nb\" = 1\n");
  CHECK(key.find("unknown key 'a\\nb'") != std::string::npos);
  CHECK(key.find('\n') == std::string::npos);
}

TEST_CASE("tokens outside the alphabet are refused with their position") {
  const model::Model model =
      io::read_model_file(std::string(RNNCC_SOURCE_DIR) + "/circuits/models/diagonal.toml");
  try {
    model::parse_tokens(model, "0120");
    FAIL("accepted a token outside the alphabet");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).find("character 3: '2' is not in the alphabet") !=
          std::string::npos);
  }
}

TEST_CASE("numbers in text are base 10, exact") {
  CHECK(*model::parse_rational("0.25") == mpq_class(1, 4));
  CHECK(*model::parse_rational("-0.75") == mpq_class(-3, 4));
  CHECK(*model::parse_rational("010") == 10);
  CHECK(*model::parse_rational("0.010") == mpq_class(1, 100));
  CHECK(*model::parse_rational("-2/6") == mpq_class(-1, 3));
  CHECK(*model::parse_rational(".5") == mpq_class(1, 2));
  CHECK_FALSE(model::parse_rational("0x10"));
  CHECK_FALSE(model::parse_rational("1/0"));
  CHECK_FALSE(model::parse_rational("1e3"));
  CHECK_FALSE(model::parse_rational(""));
}

TEST_CASE("fitting into a format never wraps a value to the other extreme") {
  const arith::Format wrapping = arith::parse_format("fixed:8.4:wrap");
  CHECK_FALSE(model::fit_into_format(wrapping, mpq_class(255, 32)));  // rounds to 8, beyond 127/16
  CHECK(*model::fit_into_format(wrapping, mpq_class(2031, 256)) == mpq_class(127, 16));
  CHECK(*model::fit_into_format(wrapping, mpq_class(1, 3)) == mpq_class(5, 16));
  CHECK_FALSE(model::fit_into_format(arith::parse_format("mod:4"), mpq_class(8)));
  CHECK(*model::fit_into_format(arith::parse_format("mod:4"), mpq_class(-8)) == -8);
}

TEST_CASE("keys that do not apply are refused, UTF-8 symbols are characters") {
  CHECK(
      error_of("family = \"deltanet\"\nstate = 2\nkey = 2\nvalue = 2\n[input]\nalphabet = \"ab\"\n")
          .find("'state' does not apply to family deltanet") != std::string::npos);
  CHECK(error_of("family = \"diagonal\"\nstate = 1\n[input]\nalphabet = \"ab\"\nrange = [0, 1]\n")
            .find("do not go with 'alphabet'") != std::string::npos);
  test::TemporaryDirectory directory;
  std::ofstream(directory / "greek.toml")
      << "family = \"diagonal\"\nstate = 1\n[input]\nalphabet = \"αβ\"\n[weights]\n"
         "a = [[1], [-1]]\nb = [[0], [0]]\ninitial = [1]\n";
  const model::Model model = io::read_model_file(directory / "greek.toml");
  REQUIRE(model.input.alphabet.size() == 2);
  const model::InputSequence tokens = model::parse_tokens(model, "βαβ");
  CHECK(tokens.tokens == std::vector<std::size_t>{1, 0, 1});
}

TEST_CASE("dotted keys nested thousands of levels deep are refused before TOML parsing") {
  // toml++ recurses once per part: 40,000 parts at the top level, or
  // 20,000 under [weights], overflowed the stack.
  std::string deep_key = "a";
  for (int i = 0; i < 40000; ++i)
    deep_key += ".a";
  const std::string top = error_of(diagonal_header + deep_key + " = 1\n");
  CHECK(top.find("model.toml:5: a dotted key of more than 128 parts") != std::string::npos);
  const std::string weights = error_of(diagonal_header + "[weights]\n" + deep_key + " = [1]\n");
  CHECK(weights.find("a dotted key of more than 128 parts") != std::string::npos);
  const std::string header = error_of(diagonal_header + "[" + deep_key + "]\n");
  CHECK(header.find("a dotted key of more than 128 parts") != std::string::npos);
  // Dots in strings, comments and numbers do not count.
  std::string many_numbers = "[weights]\nA = [";
  for (int i = 0; i < 500; ++i)
    many_numbers += "0.5, ";
  many_numbers += "0.5] # " + deep_key + "\nname2 = \"" + deep_key + "\"\n";
  CHECK(error_of(diagonal_header + many_numbers).find("dotted key") == std::string::npos);
}
