// rnncc under inputs an attacker would choose: counts that overflow, names
// that are not UTF-8 or hold white space, endless devices, directories,
// outputs that are links, pipes or unwritable, limits. Each gives exit 0
// with the right answer or exit 2 with one line on stderr, quickly.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::CommandResult;
using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string quoted(const std::filesystem::path& path) {
  return fmt::format("'{}'", path.string());
}

std::string model(const std::string& name) {
  return std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml";
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// Exit 2 with exactly one line on standard error containing `fragment`.
void check_refused(const CommandResult& result, const std::string& fragment) {
  CHECK(result.exit_status == 2);
  CHECK(result.standard_error.find('\n') == result.standard_error.size() - 1);
  CHECK_MESSAGE(result.standard_error.find(fragment) != std::string::npos, result.standard_error);
}

std::filesystem::path make_adder(const TemporaryDirectory& directory, const std::string& name) {
  const auto file = directory / name;
  const auto made = run_rnncc(fmt::format("gen adder --bits 4 -o {}", quoted(file)));
  REQUIRE_MESSAGE(made.exit_status == 0, made.standard_error);
  return file;
}

}  // namespace

TEST_CASE("pattern counts that overflow or are negative are refused as given") {
  TemporaryDirectory directory;
  const auto adder = make_adder(directory, "add.aag");
  check_refused(run_rnncc(fmt::format("eval {} --random -1", quoted(adder))),
                "expected a non-negative integer, not -1");
  check_refused(run_rnncc(fmt::format("eval {} --random 9223372036854775808", quoted(adder))),
                "--max-pattern-bytes");
  check_refused(run_rnncc(fmt::format("eval {} --random 18446744073709551615", quoted(adder))),
                "--max-pattern-bytes");
  check_refused(run_rnncc(fmt::format("equiv {} {} --random 9223372036854775808", quoted(adder),
                                      quoted(adder))),
                "--max-pattern-bytes");
  check_refused(run_rnncc("verify " + model("pd") + " --length 64 --random 18446744073709551615"),
                "--max-pattern-bytes");
  // 1000 sequences of 64 steps hold at least 64,000 bytes.
  check_refused(
      run_rnncc("--max-pattern-bytes 64000 verify " + model("pd") + " --length 64 --random 1000"),
      "--max-pattern-bytes");
  check_refused(
      run_rnncc("compile " + model("pd") + " --length -1 -o " + quoted(directory / "x.aag")),
      "not -1");
  // A parse error of the command line is one line too.
  check_refused(run_rnncc("eval"), "file is required");
  CHECK(std::filesystem::exists(directory / "x.aag") == false);
}

TEST_CASE("JSON output stays valid when file, symbol and output names are not UTF-8") {
  TemporaryDirectory directory;
  // One AND of two inputs; every name holds the byte 0xff.
  const auto circuit = directory / "bad\xff.aag";
  write_text(circuit, "aag 3 2 0 1 1\n2\n4\n6\n6 2 4\ni0 a\xff\ni1 b\xfe\no0 out\xff\n");
  for (const std::string& arguments :
       {fmt::format("stats {} --json", quoted(circuit)),
        fmt::format("stats {} --critical-path --json", quoted(circuit)),
        fmt::format("eval {} --random 3 --json", quoted(circuit)),
        fmt::format("equiv {} {} --json", quoted(circuit), quoted(circuit))}) {
    CAPTURE(arguments);
    const CommandResult result = run_rnncc(arguments);
    CHECK(result.exit_status == 0);
    nlohmann::json parsed;
    CHECK_NOTHROW(parsed = nlohmann::json::parse(result.standard_output));
    CHECK(!parsed.empty());
  }
}

TEST_CASE("zero checks are a refusal, not a pass") {
  check_refused(run_rnncc("verify " + model("pd") +
                          " --length 4 --schedule scan --random 0 --exhaustive-limit 0"),
                "no input sequence to compare");
  TemporaryDirectory directory;
  check_refused(run_rnncc("run " + model("pd") + " --vectors " + quoted(directory.path())),
                "is a directory");
  write_text(directory / "empty.txt", "");
  check_refused(run_rnncc("run " + model("pd") + " --vectors " + quoted(directory / "empty.txt")),
                "no step");
}

TEST_CASE("an endless device or a directory as an input file is refused, quickly") {
  TemporaryDirectory directory;
  const auto adder = make_adder(directory, "add.aag");
  check_refused(
      run_rnncc(fmt::format("eval {} --patterns /dev/zero --max-file-bytes 4096", quoted(adder))),
      "--max-file-bytes");
  check_refused(
      run_rnncc(fmt::format("eval {} --patterns {}", quoted(adder), quoted(directory.path()))),
      "is a directory");
  check_refused(run_rnncc("run " + model("gru") + " --vectors /dev/zero --max-file-bytes 4096"),
                "--max-file-bytes");
  // The .arith reader reads through the same bound.
  std::filesystem::create_symlink("/dev/zero", directory / "zero.arith");
  check_refused(
      run_rnncc(fmt::format("stats {} --max-file-bytes 4096", quoted(directory / "zero.arith"))),
      "--max-file-bytes");
  std::filesystem::create_symlink("/dev/zero", directory / "zero.toml");
  check_refused(run_rnncc(fmt::format("run {} --tokens a --max-file-bytes 4096",
                                      quoted(directory / "zero.toml"))),
                "--max-file-bytes");
}

TEST_CASE("writing follows links and writes through descriptors instead of replacing them") {
  TemporaryDirectory directory;
  std::filesystem::create_symlink("real.aag", directory / "link.aag");
  const CommandResult linked =
      run_rnncc(fmt::format("gen adder --bits 2 -o {}", quoted(directory / "link.aag")));
  REQUIRE(linked.exit_status == 0);
  CHECK(std::filesystem::is_symlink(directory / "link.aag"));
  CHECK(std::filesystem::is_regular_file(directory / "real.aag"));
  // /dev/fd/1 is the command's standard output (a pipe here): the CSV is
  // written into it, after the report.
  const CommandResult piped =
      run_rnncc("growth " + model("pd") + " --lengths 2..4 --schedule scan --csv /dev/fd/1");
  CHECK(piped.exit_status == 0);
  const std::size_t report = piped.standard_output.find("verdict");
  const std::size_t csv = piped.standard_output.find("\nmodel,family,schedule,format,T,");
  CHECK(report != std::string::npos);
  CHECK(csv != std::string::npos);
  CHECK(csv > report);
  CHECK(piped.standard_output.find("wrote /dev/fd/1\n") != std::string::npos);
  std::filesystem::create_directory(directory / "d.aag");
  check_refused(run_rnncc(fmt::format("gen adder --bits 2 -o {}", quoted(directory / "d.aag"))),
                "is a directory");
}

TEST_CASE("growth checks every output path before it writes any") {
  TemporaryDirectory directory;
  const CommandResult result = run_rnncc(
      fmt::format("growth {} --lengths 2..4 --schedule scan --csv {} --json-file {}", model("pd"),
                  quoted(directory / "out.csv"), quoted(directory / "missing" / "x.json")));
  check_refused(result, "missing");
  CHECK(std::filesystem::is_empty(directory.path()));
}

TEST_CASE("hostile model names and symbols survive the circuit's description") {
  TemporaryDirectory directory;
  // The alphabet holds a space and '%'; the name a space, a '%' and a line
  // that would read as a description line if it were written unescaped.
  const auto model_file = directory / "hostile.toml";
  write_text(model_file,
             "name = \"a name %41\\nrnncc-input z bool 1 0 1 1\"\n"
             "family = \"dense\"\nformat = \"exact\"\nstate = 2\n"
             "[input]\nalphabet = \"f g%\"\n"
             "[weights]\n"
             "A = [[[1, 1], [1, 0]], [[2, 0], [0, 1]], [[0, 1], [1, 0]], [[1, 0], [1, 1]]]\n"
             "b = [[0, 0], [1, 1], [1, 0], [0, 2]]\n"
             "initial = [1, 0]\n");
  const auto circuit = directory / "hostile.aag";
  const CommandResult compiled = run_rnncc(fmt::format(
      "compile {} --length 5 --schedule scan -o {}", quoted(model_file), quoted(circuit)));
  REQUIRE_MESSAGE(compiled.exit_status == 0, compiled.standard_error);
  // Tokens: f, %, g, %, f (the space is a symbol too, but --tokens skips
  // white space, so it is given through an input file).
  const CommandResult evaluated =
      run_rnncc(fmt::format("eval {} --tokens 'f%g%f'", quoted(circuit)));
  const CommandResult interpreted =
      run_rnncc(fmt::format("run {} --tokens 'f%g%f' --last", quoted(model_file)));
  REQUIRE_MESSAGE(evaluated.exit_status == 0, evaluated.standard_error);
  REQUIRE(interpreted.exit_status == 0);
  std::istringstream words(interpreted.standard_output);
  std::string step, first, second;
  words >> step >> first >> second;
  CHECK(evaluated.standard_output == "y@5[0] " + first + "\ny@5[1] " + second + "\n");
}

TEST_CASE("equiv with a conflict limit or a timeout answers undecided with exit 3") {
  TemporaryDirectory directory;
  const auto first = directory / "a.aag";
  const auto second = directory / "b.aag";
  REQUIRE(run_rnncc(fmt::format("gen multiplier --bits 10 --arch array -o {}", quoted(first)))
              .exit_status == 0);
  REQUIRE(run_rnncc(fmt::format("gen multiplier --bits 10 --arch wallace -o {}", quoted(second)))
              .exit_status == 0);
  const CommandResult limited = run_rnncc(
      fmt::format("equiv {} {} --random 0 --conflicts 1 --json", quoted(first), quoted(second)));
  CHECK(limited.exit_status == 3);
  const nlohmann::json json = nlohmann::json::parse(limited.standard_output);
  CHECK(json["decided"] == false);
  CHECK(json["equivalent"] == false);
  CHECK(!json["undecided_outputs"].empty());
  const CommandResult timed = run_rnncc(
      fmt::format("equiv {} {} --random 0 --timeout 0.000001", quoted(first), quoted(second)));
  CHECK(timed.exit_status == 3);
  CHECK(timed.standard_output.rfind("undecided: ", 0) == 0);
  // Without limits a smaller pair is proved equivalent, and a generous
  // limit decides it too.
  const auto small_first = directory / "a5.aag";
  const auto small_second = directory / "b5.aag";
  REQUIRE(run_rnncc(fmt::format("gen multiplier --bits 5 --arch array -o {}", quoted(small_first)))
              .exit_status == 0);
  REQUIRE(
      run_rnncc(fmt::format("gen multiplier --bits 5 --arch wallace -o {}", quoted(small_second)))
          .exit_status == 0);
  for (const std::string limits : {"", " --conflicts 1000000 --timeout 600"}) {
    const CommandResult proved = run_rnncc(
        fmt::format("equiv {} {} --random 0{}", quoted(small_first), quoted(small_second), limits));
    CHECK(proved.exit_status == 0);
    CHECK(proved.standard_output == "equivalent\n");
  }
}

TEST_CASE("a multiplication beyond the AND limit is refused before it is built") {
  TemporaryDirectory directory;
  const auto wide = directory / "wide.arith";
  write_text(wide,
             "rnncc-arith 1 mod:65536\nn0 = input x\nn1 = input y\nn2 = mul n0 n1\noutput z n2\n");
  check_refused(run_rnncc(fmt::format("stats {}", quoted(wide))), "--max-ands");
  // Sixteen chained exact squarings: the width doubles each time.
  std::string squarings = "rnncc-arith 1 exact\nn0 = input x [-128, 127]\n";
  for (int i = 1; i <= 16; ++i)
    squarings += fmt::format("n{} = mul n{} n{}\n", i, i - 1, i - 1);
  squarings += "output y n16\n";
  write_text(directory / "squares.arith", squarings);
  check_refused(run_rnncc(fmt::format("stats {}", quoted(directory / "squares.arith"))),
                "--max-ands");
}
