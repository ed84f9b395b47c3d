#include "rnncc/io/abc_optimizer.hpp"

#include <stdlib.h>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/common/subprocess.hpp"
#include "rnncc/io/aiger.hpp"

namespace rnncc::io {

namespace {

/// A fresh directory under the system's temporary directory, removed with
/// its contents when this object goes out of scope.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "rnncc-abc-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw InputError(fmt::format("cannot create a temporary directory {}", pattern));
    }
    path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The last non-empty line of `text`, for a one-line message.
std::string last_line(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == ' '))
    --end;
  const std::size_t start = text.rfind('\n', end == 0 ? 0 : end - 1);
  return std::string(text.substr(start == std::string_view::npos ? 0 : start + 1,
                                 end - (start == std::string_view::npos ? 0 : start + 1)));
}

}  // namespace

std::optional<std::filesystem::path> find_abc() {
  if (const char* chosen = std::getenv("RNNCC_ABC"); chosen != nullptr && *chosen != '\0') {
    return find_program({chosen});
  }
  return find_program({"berkeley-abc", "abc"});
}

AbcOptimization optimize_with_abc(const logic::Aig& circuit, std::string_view script,
                                  const std::filesystem::path& abc) {
  const auto start = std::chrono::steady_clock::now();
  ScratchDirectory directory;
  const std::filesystem::path input = directory.path() / "in.aig";
  const std::filesystem::path output = directory.path() / "out.aig";
  write_aiger_file(circuit, input, AigerFormat::binary);
  const std::string commands =
      fmt::format("&r {}; {}; &w {}", input.string(), script, output.string());
  const ProgramResult run = run_program(abc, {"-c", commands});
  // ABC reports a failing command on its output and still exits 0.
  const bool printed_error = run.output.find("Error") != std::string::npos ||
                             run.output.find("Cannot") != std::string::npos ||
                             run.output.find("is not a command") != std::string::npos ||
                             run.output.find("Unknown option") != std::string::npos;
  if (run.exit_status != 0 || printed_error || !std::filesystem::exists(output)) {
    throw InputError(fmt::format("ABC ({}) failed on script '{}' (exit status {}): {}",
                                 abc.string(), script, run.exit_status, last_line(run.output)));
  }
  logic::Aig result = read_aiger_file(output);
  if (result.input_count() != circuit.input_count() ||
      result.output_count() != circuit.output_count()) {
    throw InputError(fmt::format(
        "ABC's result of script '{}' has {} inputs and {} outputs; the circuit has {} and {}",
        script, result.input_count(), result.output_count(), circuit.input_count(),
        circuit.output_count()));
  }
  for (std::uint32_t i = 0; i < circuit.input_count(); ++i)
    result.set_input_name(i, circuit.input_name(i));
  for (std::uint32_t i = 0; i < circuit.output_count(); ++i)
    result.set_output_name(i, circuit.output_name(i));
  result.comments() = circuit.comments();
  AbcOptimization optimization;
  optimization.circuit = std::move(result);
  optimization.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  optimization.log = run.output;
  return optimization;
}

}  // namespace rnncc::io
