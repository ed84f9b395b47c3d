// Elman, GRU and LSTM against PyTorch: the fixtures in tests/fixtures/torch
// hold torch state_dicts as safetensors and the float64 outputs torch
// computed (tools/make_torch_fixtures.py). rnncc loads the same weights in
// fixed:16.12 and must agree within the rounding error that format implies.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "rnncc/arith/format.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/interpreter.hpp"
#include "support/abc.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

constexpr int fraction_bits = 12;

struct Fixture {
  nlohmann::json description;
  model::Model model;
  model::InputSequence inputs;
};

Fixture load_fixture(const std::string& name, const test::TemporaryDirectory& directory) {
  const std::string base = std::string(RNNCC_SOURCE_DIR) + "/tests/fixtures/torch/" + name;
  Fixture fixture;
  std::ifstream(base + ".json") >> fixture.description;
  const nlohmann::json& d = fixture.description;
  const std::string module = d["module"];
  std::string family = module == "RNN" ? "elman" : (module == "GRU" ? "gru" : "lstm");
  std::ofstream toml(directory / (name + ".toml"));
  toml << "family = \"" << family << "\"\n"
       << "format = \"fixed:16." << fraction_bits << "\"\n"
       << "state = " << d["hidden_size"].get<int>() << "\n"
       << "layers = " << d["num_layers"].get<int>() << "\n";
  if (module == "RNN") toml << "activation = \"" << d["nonlinearity"].get<std::string>() << "\"\n";
  toml << "[input]\ndimension = " << d["input_size"].get<int>() << "\n"
       << "[safetensors]\nfile = \"" << base << ".safetensors\"\n";
  toml.close();
  fixture.model = io::read_model_file(directory / (name + ".toml"));
  for (const auto& step : d["inputs"]) {
    std::vector<mpq_class> values;
    for (double value : step)
      values.emplace_back(value);  // multiples of 2^-8: exact
    fixture.inputs.vectors.push_back(std::move(values));
  }
  return fixture;
}

}  // namespace

TEST_CASE("elman, gru and lstm agree with torch within the rounding of fixed:16.12") {
  test::TemporaryDirectory directory;
  for (const char* name : {"rnn_tanh", "rnn_relu", "rnn_tanh_f16", "gru", "gru_f64", "lstm",
                           "lstm_bf16", "lstm_two_layers"}) {
    CAPTURE(name);
    const Fixture fixture = load_fixture(name, directory);
    const std::vector<model::StepOutput> outputs =
        model::run_reference(fixture.model, fixture.inputs);
    // First-order bound: each step rounds at most (inputs + hidden + 4)
    // times per value by at most 2^-(F+1) (products, table lookups), and the
    // error of earlier steps is carried forward (contraction assumed: the
    // fixtures' weights are at most 1/2 and the activations 1-Lipschitz).
    const double inputs = fixture.description["input_size"].get<double>();
    const double hidden = fixture.description["hidden_size"].get<double>();
    const double per_step = (inputs + hidden + 4) * std::ldexp(1.0, -(fraction_bits + 1));
    const auto& expected = fixture.description["outputs"];
    REQUIRE(outputs.size() == expected.size());
    double largest_error = 0;
    for (std::size_t t = 0; t < outputs.size(); ++t) {
      REQUIRE(outputs[t].numbers.size() == expected[t].size());
      for (std::size_t i = 0; i < expected[t].size(); ++i) {
        const double error = std::abs(outputs[t].numbers[i].get_d() - expected[t][i].get<double>());
        largest_error = std::max(largest_error, error);
        CHECK(error <= per_step * static_cast<double>(t + 1) *
                           fixture.description["num_layers"].get<double>());
      }
    }
    MESSAGE(std::string(name) << ": largest error " << largest_error << ", bound at T=6 "
                              << per_step * 6 * fixture.description["num_layers"].get<double>());
  }
}

TEST_CASE(
    "torch-weighted models: the compiled sequential circuit equals the interpreter bit for bit") {
  test::TemporaryDirectory directory;
  for (const char* name : {"rnn_tanh", "gru", "lstm_two_layers"}) {
    CAPTURE(name);
    const Fixture fixture = load_fixture(name, directory);
    compile::CompileOptions options;
    options.length = fixture.inputs.length();
    options.all_outputs = true;
    const compile::CompiledModel compiled = compile::compile(fixture.model, options);
    const auto simulated = test::simulate_compiled(fixture.model, compiled, {fixture.inputs});
    CHECK(simulated.front() == test::expected_outputs(fixture.model, fixture.inputs, true));
  }
}
