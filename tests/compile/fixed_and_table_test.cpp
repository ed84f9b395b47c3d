// Fixed formats (sequential circuits bit for bit against the interpreter,
// which rounds each operation with reference:: semantics), the table
// schedule, and the schedules' refusals.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/model_file.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

model::Model load(const std::string& name,
                  const std::optional<std::string>& format = std::nullopt) {
  return test::load_example_model(name, format);
}

compile::CompileOptions options_for(std::string_view schedule, std::size_t length, bool all) {
  compile::CompileOptions options;
  options.schedule = compile::parse_schedule(schedule);
  options.length = length;
  options.all_outputs = all;
  return options;
}

}  // namespace

TEST_CASE(
    "fixed formats: sequential elman, gru, lstm and mamba circuits equal the interpreter bit for "
    "bit") {
  for (const char* name : {"elman", "gru", "lstm", "mamba"}) {
    const model::Model model = load(name);
    for (std::size_t length : {1, 2, 3, 7}) {
      CAPTURE(name);
      CAPTURE(length);
      CHECK(test::check_against_reference(model, options_for("sequential", length, true), 100,
                                          7 * length) == "");
    }
  }
}

TEST_CASE("table schedule: composed transition tables equal the interpreter") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"relu_rnn", "mod:4"}, {"diagonal", "mod:4"}, {"pd", "modp:3"},
      {"dense", "mod:2"},    {"wfa", "mod:2"},      {"gru", "fixed:3.1"}};
  for (const auto& [name, format] : cases) {
    const model::Model model = load(name, format);
    for (std::size_t length : {1, 2, 3, 7, 16}) {
      for (bool all : {false, true}) {
        CAPTURE(name);
        CAPTURE(length);
        CAPTURE(all);
        CHECK(test::check_against_reference(model, options_for("table", length, all), 100,
                                            31 * length) == "");
      }
    }
  }
}

TEST_CASE(
    "table schedule: the same model compiled sequentially has the same input and output names") {
  const model::Model model = load("relu_rnn", "mod:4");
  const compile::CompiledModel table = compile::compile(model, options_for("table", 5, true));
  const compile::CompiledModel sequential =
      compile::compile(model, options_for("sequential", 5, true));
  REQUIRE(table.lowered.aig.input_count() == sequential.lowered.aig.input_count());
  REQUIRE(table.lowered.aig.output_count() == sequential.lowered.aig.output_count());
  for (std::uint32_t i = 0; i < table.lowered.aig.input_count(); ++i)
    CHECK(table.lowered.aig.input_name(i) == sequential.lowered.aig.input_name(i));
  for (std::uint32_t i = 0; i < table.lowered.aig.output_count(); ++i)
    CHECK(table.lowered.aig.output_name(i) == sequential.lowered.aig.output_name(i));
  CHECK(sequential.lowered.aig.input_name(0) == "token@1[0][0]");
  CHECK(sequential.lowered.aig.output_name(0) == "y@1[0][0]");
}

TEST_CASE("schedules refuse what does not apply, with a reason") {
  auto message_of = [](const model::Model& model, const compile::CompileOptions& options) {
    try {
      compile::compile(model, options);
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("(no error)");
  };
  const std::string scan_nonlinear = message_of(load("relu_rnn"), options_for("scan", 4, false));
  CHECK(scan_nonlinear.find("associative") != std::string::npos);
  CHECK(scan_nonlinear.find("table") != std::string::npos);
  const std::string fixed_scan = message_of(load("mamba"), options_for("scan", 4, false));
  CHECK(fixed_scan.find("--reassociate") != std::string::npos);
  compile::CompileOptions reassociated = options_for("scan", 4, false);
  reassociated.reassociate = true;
  const compile::CompiledModel drift = compile::compile(load("mamba"), reassociated);
  REQUIRE(drift.notes.size() == 1);
  CHECK(drift.notes.front().find("differ") != std::string::npos);
  const std::string big_table =
      message_of(load("deltanet", "mod:8"), options_for("table", 4, false));
  CHECK(big_table.find("2^32") != std::string::npos);  // 4 values of 8 bits
  CHECK(message_of(load("diagonal"), options_for("table", 4, false)).find("finite format") !=
        std::string::npos);
  CHECK(message_of(load("diagonal"), options_for("sequential", 0, false)).find("--length") !=
        std::string::npos);
}

TEST_CASE("scan composition keeps diagonal and PD structure and densifies DPLR") {
  std::string composition;
  compile::CompileOptions options = options_for("scan", 8, false);
  compile::build_arithmetic_circuit(load("diagonal"), options, &composition);
  CHECK(composition == "diagonal");
  compile::build_arithmetic_circuit(load("pd"), options, &composition);
  CHECK(composition == "permutation-diagonal");
  compile::build_arithmetic_circuit(load("deltanet"), options, &composition);
  CHECK(composition == "dense");
}
