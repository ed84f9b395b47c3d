// The conventions every command follows (docs/commands.md, "Conventions"):
// `-` for standard input and output, types of standard input told by their
// content, binary files refused on a terminal, one value per option
// occurrence, "did you mean" for mistyped names, ranges in words, one-line
// errors, --quiet and NO_COLOR.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/abc.hpp"
#include "support/command.hpp"
#include "support/outside_tools.hpp"

using rnncc::test::CommandResult;
using rnncc::test::run_command;
using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string quoted_path(const std::filesystem::path& path) {
  return rnncc::test::shell_quoted(path.string());
}

/// The rnncc executable, quoted for the shell.
std::string rnncc_executable() {
  return quoted_path(RNNCC_CLI_EXECUTABLE);
}

std::string model(const std::string& name) {
  return quoted_path(std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml");
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// `pipeline` (pipes and redirections of standard input allowed) run by the
/// shell, its standard output and error captured. run_command sends
/// standard input from /dev/null to the last command, so the pipeline runs
/// in a subshell.
CommandResult run_pipeline(const std::string& pipeline) {
  return run_command("(" + pipeline + ")");
}

/// Exit 2 with exactly one line on standard error containing `fragment`.
void check_refused(const CommandResult& result, const std::string& fragment) {
  CHECK(result.exit_status == 2);
  CHECK_MESSAGE(result.standard_error.find('\n') == result.standard_error.size() - 1,
                result.standard_error);
  CHECK_MESSAGE(result.standard_error.find(fragment) != std::string::npos, result.standard_error);
}

/// `command` run in a pseudo-terminal (util-linux `script`): what it printed
/// there, standard output and error together.
CommandResult run_on_terminal(const std::string& command) {
  return run_pipeline(fmt::format("script -qec {} /dev/null", rnncc::test::shell_quoted(command)));
}

nlohmann::json stats_json(const std::string& output) {
  return nlohmann::json::parse(output);
}

}  // namespace

TEST_CASE("a circuit piped from gen to stats: - is standard output and standard input") {
  TemporaryDirectory directory;
  // An 8-bit adder has 16 inputs and a 9-bit sum, whatever its encoding.
  for (const std::string format : {"", "aag", "aig", "blif"}) {
    CAPTURE(format);
    const std::string output_format = format.empty() ? "" : " --output-format " + format;
    const auto piped =
        run_pipeline(fmt::format("{} gen adder --bits 8 -o -{} | {} stats - --json",
                                 rnncc_executable(), output_format, rnncc_executable()));
    REQUIRE_MESSAGE(piped.exit_status == 0, piped.standard_error);
    const nlohmann::json json = stats_json(piped.standard_output);
    CHECK(json["inputs"] == 16);
    CHECK(json["outputs"] == 9);
    // The same as through a named file.
    const std::string extension = format.empty() ? "aag" : format;
    const auto file = directory / ("adder." + extension);
    REQUIRE(run_rnncc(fmt::format("gen adder --bits 8 -o {}", quoted_path(file))).exit_status == 0);
    const auto named = run_rnncc(fmt::format("stats {} --json", quoted_path(file)));
    CHECK(stats_json(named.standard_output) == json);
  }
  // Without --output-format, standard output gets ASCII AIGER.
  const auto ascii = run_rnncc("gen adder --bits 2 -o -");
  CHECK(ascii.standard_output.rfind("aag ", 0) == 0);
}

TEST_CASE("standard input is read as the type its content shows: AIGER, BLIF or .arith") {
  // A word-level circuit through a pipe: stats lowers it, as for a file.
  const auto arith = run_pipeline(
      fmt::format("{} -q compile {} --length 2 --output-format arith -o - | {} stats - --json",
                  rnncc_executable(), model("pd"), rnncc_executable()));
  REQUIRE_MESSAGE(arith.exit_status == 0, arith.standard_error);
  CHECK(stats_json(arith.standard_output).contains("arith_depth"));
  // Something else: one line naming standard input and what was expected.
  check_refused(run_pipeline(fmt::format("echo hello | {} stats -", rnncc_executable())),
                "-: standard input is not a circuit file rnncc recognises");
  // A word-level circuit where a Boolean one is needed.
  check_refused(run_pipeline(fmt::format(
                    "{} -q compile {} --length 2 --output-format arith -o - | {} eval - --random 1",
                    rnncc_executable(), model("pd"), rnncc_executable())),
                "-: standard input holds a word-level arithmetic circuit (.arith)");
}

TEST_CASE("models, pattern files and vector files come from standard input too") {
  TemporaryDirectory directory;
  const auto adder = directory / "adder.aag";
  REQUIRE(run_rnncc(fmt::format("gen adder --bits 2 -o {}", quoted_path(adder))).exit_status == 0);
  // 1 + 2 = 3 and 3 + 3 = 6, sum bits least significant first.
  write_text(directory / "p.txt", "1001\n1111\n");
  const auto patterns =
      run_pipeline(fmt::format("{} eval {} --patterns - < {}", rnncc_executable(),
                               quoted_path(adder), quoted_path(directory / "p.txt")));
  CHECK(patterns.exit_status == 0);
  CHECK(patterns.standard_output == "110\n011\n");
  const auto circuit =
      run_pipeline(fmt::format("{} eval - --patterns {} < {}", rnncc_executable(),
                               quoted_path(directory / "p.txt"), quoted_path(adder)));
  CHECK(circuit.standard_output == "110\n011\n");
  // The name pattern files had before still works.
  const auto old_name = run_rnncc(
      fmt::format("eval {} --inputs {}", quoted_path(adder), quoted_path(directory / "p.txt")));
  CHECK(old_name.standard_output == "110\n011\n");

  // The interpreter reads the model from standard input as from its file.
  const auto named = run_rnncc("run " + model("wfa") + " --tokens abaab");
  REQUIRE(named.exit_status == 0);
  const auto piped =
      run_pipeline(fmt::format("{} run - --tokens abaab < {}", rnncc_executable(), model("wfa")));
  CHECK(piped.exit_status == 0);
  CHECK(piped.standard_output == named.standard_output);
  write_text(directory / "v.txt", "abaab\n");
  const auto vectors = run_pipeline(fmt::format("{} run {} --vectors - < {}", rnncc_executable(),
                                                model("wfa"), quoted_path(directory / "v.txt")));
  CHECK(vectors.standard_output == named.standard_output);

  // Standard input can feed one argument only.
  check_refused(
      run_pipeline(fmt::format("{} equiv - - < {}", rnncc_executable(), quoted_path(adder))),
      "first and second both name standard input");
  check_refused(
      run_pipeline(fmt::format("{} run - --vectors - < {}", rnncc_executable(), model("wfa"))),
      "both name standard input");
}

TEST_CASE("a binary circuit is refused on a terminal, written to a pipe") {
  const auto terminal = run_on_terminal(
      fmt::format("{} gen adder --bits 4 --output-format aig -o -", rnncc_executable()));
  CHECK(terminal.exit_status == 2);
  CHECK_MESSAGE(terminal.standard_output.find("refusing to write binary AIGER to a terminal") !=
                    std::string::npos,
                terminal.standard_output);
  // ASCII AIGER is text: it goes to the terminal.
  const auto text = run_on_terminal(fmt::format("{} gen adder --bits 4 -o -", rnncc_executable()));
  CHECK(text.exit_status == 0);
  CHECK(text.standard_output.find("aag ") != std::string::npos);
}

TEST_CASE("a repeated option takes one value per occurrence and leaves the positionals alone") {
  // The model after --schedule is a model, not a second schedule.
  const auto growth =
      run_rnncc("growth --schedule scan " + model("pd") + " --lengths 4,8 --format mod:8");
  CHECK_MESSAGE(growth.exit_status == 0, growth.standard_error);
  CHECK(growth.standard_output.find("pd") != std::string::npos);
  // Lists: the option repeated, or commas where the option says so.
  TemporaryDirectory directory;
  const auto adder = directory / "adder.aag";
  REQUIRE(run_rnncc(fmt::format("gen adder --bits 4 -o {}", quoted_path(adder))).exit_status == 0);
  for (const std::string threads : {"--threads 1 --threads 2", "--threads 1,2"}) {
    const auto timed =
        run_rnncc(fmt::format("eval {} --random 64 {} --json", quoted_path(adder), threads));
    REQUIRE_MESSAGE(timed.exit_status == 0, timed.standard_error);
    CHECK(nlohmann::json::parse(timed.standard_output)["timings"].size() == 2);
  }
  // A second value without the option is an argument, and eval takes one.
  check_refused(run_rnncc(fmt::format("eval --threads 1 2 {} --random 64", quoted_path(adder))),
                "rnncc:");
}

TEST_CASE("a mistyped command or option gets the closest name, one line, exit 2") {
  check_refused(run_rnncc("compil"), "unknown command 'compil'; did you mean 'compile'?");
  check_refused(run_rnncc("stast x.aag"), "did you mean 'stats'?");
  check_refused(run_rnncc("stats --jsn x.aag"),
                "rnncc: stats: unknown option '--jsn'; did you mean '--json'?");
  check_refused(run_rnncc("compile " + model("pd") + " --lenght 4 -o x.aag"),
                "did you mean '--length'?");
  // Options given before the command are the global ones.
  check_refused(run_rnncc("--max-and 10 stats x.aag"), "did you mean '--max-ands'?");
  // Nothing close: no suggestion, still one line.
  const auto far = run_rnncc("stats --zzzzzzzz x.aag");
  check_refused(far, "unknown option '--zzzzzzzz'");
  CHECK(far.standard_error.find("did you mean") == std::string::npos);
}

TEST_CASE("numbers out of range are refused with the range in words") {
  TemporaryDirectory directory;
  const auto adder = directory / "adder.aag";
  REQUIRE(run_rnncc(fmt::format("gen adder --bits 4 -o {}", quoted_path(adder))).exit_status == 0);
  for (const std::string& command :
       {fmt::format("eval {} --random 4 --threads 0", quoted_path(adder)),
        fmt::format("equiv {} {} --threads 0", quoted_path(adder), quoted_path(adder)),
        "verify " + model("pd") + " --length 2 --threads 0",
        "score " + model("pd") + " --tasks x.jsonl --threads 2000",
        std::string("prove --threads 0")}) {
    CAPTURE(command);
    const auto result = run_rnncc(command);
    check_refused(result, "--threads: must be between 1 and 1024, not ");
    CHECK(result.standard_error.find("1797693") == std::string::npos);
  }
  check_refused(run_rnncc("gen adder --bits 0 -o x.aag"), "must be between 1 and 4096, not 0");
  check_refused(
      run_rnncc(fmt::format("equiv {} {} --timeout -1", quoted_path(adder), quoted_path(adder))),
      "must be a number of 0 or more, not -1");
  const auto negative = run_rnncc("compile " + model("pd") + " --length -1 -o x.aag");
  check_refused(negative, "not -1");
  CHECK(negative.standard_error.find("18446744073709551615") == std::string::npos);
  // Too large for 64 bits: refused as typed, not saturated or wrapped.
  const auto huge =
      run_rnncc("compile " + model("pd") + " --length 99999999999999999999999 -o x.aag");
  check_refused(huge, "--length: must be between 1 and 16777216, not 99999999999999999999999");
  check_refused(run_rnncc("verify " + model("pd") + " --length abc"),
                "--length: must be between 1 and 16777216, not abc");
}

TEST_CASE("a missing file is 'cannot open' with the system's reason") {
  TemporaryDirectory directory;
  const std::string missing = quoted_path(directory / "missing.aag");
  check_refused(run_rnncc("stats " + missing),
                "missing.aag: cannot open: No such file or directory");
  check_refused(run_rnncc("eval " + missing + " --random 1"), "cannot open: No such file");
  check_refused(run_rnncc("compile " + quoted_path(directory / "missing.toml") + " --length 2 -o " +
                          quoted_path(directory / "x.aag")),
                "missing.toml: cannot open: No such file or directory");
}

TEST_CASE("--quiet leaves standard error to errors; NO_COLOR turns colour off") {
  TemporaryDirectory directory;
  const auto file = directory / "adder.aag";
  const auto loud = run_rnncc(fmt::format("gen adder --bits 4 -o {}", quoted_path(file)));
  CHECK(!loud.standard_error.empty());
  for (const std::string place : {"--quiet gen", "gen --quiet", "-q gen"}) {
    const auto quiet = run_rnncc(fmt::format("{} adder --bits 4 -o {}", place, quoted_path(file)));
    CHECK(quiet.exit_status == 0);
    CHECK(quiet.standard_error.empty());
  }
  const auto compiled = run_rnncc(fmt::format("--quiet compile {} --length 2 -o {}", model("pd"),
                                              quoted_path(directory / "pd.aag")));
  CHECK(compiled.exit_status == 0);
  CHECK(compiled.standard_error.empty());
  // Errors are still printed.
  check_refused(run_rnncc("--quiet stats " + quoted_path(directory / "missing.aag")),
                "cannot open");

  // The claim table is coloured on a terminal, unless NO_COLOR is set.
  write_text(directory / "claim.toml",
             "title = \"fractions\"\nstatement = \"a/b + c/d\"\nsource = \"Appendix F\"\n"
             "[[case]]\nkind = \"fraction-sum\"\nnumerator = \"a*d + b*c\"\n"
             "denominator = \"b*d\"\n");
  const std::string prove =
      fmt::format("{} prove {}", rnncc_executable(), quoted_path(directory / "claim.toml"));
  const auto coloured = run_on_terminal(prove);
  REQUIRE_MESSAGE(coloured.exit_status == 0, coloured.standard_output);
  CHECK(coloured.standard_output.find("\033[") != std::string::npos);
  const auto plain = run_on_terminal("NO_COLOR=1 " + prove);
  CHECK(plain.exit_status == 0);
  CHECK(plain.standard_output.find("PASS") != std::string::npos);
  CHECK(plain.standard_output.find("\033[") == std::string::npos);
}

TEST_CASE("--json prints JSON on standard output; --json-file writes it to a file") {
  TemporaryDirectory directory;
  write_text(directory / "claim.toml",
             "title = \"fractions\"\nstatement = \"a/b + c/d\"\nsource = \"Appendix F\"\n"
             "[[case]]\nkind = \"fraction-sum\"\nnumerator = \"a*d + b*c\"\n"
             "denominator = \"b*d\"\n");
  const auto printed = run_rnncc("prove --json " + quoted_path(directory / "claim.toml"));
  REQUIRE_MESSAGE(printed.exit_status == 0, printed.standard_error);
  const nlohmann::json json = nlohmann::json::parse(printed.standard_output);
  CHECK(json["unexpected_verdicts"] == 0);
  const auto written = run_rnncc("prove " + quoted_path(directory / "claim.toml") +
                                 " --json-file " + quoted_path(directory / "p.json"));
  CHECK(written.exit_status == 0);
  std::ifstream file(directory / "p.json");
  CHECK(nlohmann::json::parse(file)["unexpected_verdicts"] == 0);
  // The old spelling of the file is refused with the new one suggested.
  check_refused(run_rnncc("growth --json-fil x.json"), "did you mean '--json-file'?");
}
