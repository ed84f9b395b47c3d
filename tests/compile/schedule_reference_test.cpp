// Every family under every schedule that applies, in ring formats: the
// compiled AIG and arithmetic circuit equal the reference interpreter on
// random inputs (the interpreter runs the recurrence step by step with
// reference:: semantics; the circuits are built and lowered independently).
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/registry.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

void check_family(const std::string& name, const std::vector<std::string>& formats) {
  const std::vector<std::size_t> lengths{1, 2, 3, 7, 16, 33};
  for (const std::string& format_text : formats) {
    const model::Model model = test::load_example_model(
        name, format_text.empty() ? std::nullopt : std::optional<std::string>(format_text));
    std::vector<std::string> schedules{"sequential"};
    if (model::supports_scan(model)) {
      schedules.push_back("scan");
      schedules.push_back("chunked:3");
    }
    for (const std::string& schedule : schedules) {
      for (std::size_t length : lengths) {
        for (bool all_outputs : {false, true}) {
          if (all_outputs && length > 16)
            continue;  // all outputs of long scans: slow, no new cases
          compile::CompileOptions options;
          options.length = length;
          options.schedule = compile::parse_schedule(schedule);
          options.all_outputs = all_outputs;
          options.prefix = length % 2 == 0 ? word::PrefixArchitecture::kogge_stone
                                           : word::PrefixArchitecture::brent_kung;
          CAPTURE(name);
          CAPTURE(format_text);
          CAPTURE(schedule);
          CAPTURE(length);
          CAPTURE(all_outputs);
          CHECK(test::check_against_reference(model, options, 100, 1000 * length) == "");
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("relu-rnn: circuits equal the reference in exact, mod:8 and modp:13") {
  check_family("relu_rnn", {"", "mod:8", "modp:13"});
}
TEST_CASE("mlp-rnn: circuits equal the reference in mod:8 and modp:251") {
  check_family("mlp_rnn", {"", "modp:251"});
}
TEST_CASE("diagonal: circuits equal the reference under every schedule") {
  check_family("diagonal", {"", "mod:8", "modp:13"});
}
TEST_CASE("pd: circuits equal the reference under every schedule") {
  check_family("pd", {"", "mod:4", "modp:7"});
}
TEST_CASE("dplr: circuits equal the reference under every schedule") {
  check_family("dplr", {"", "modp:13"});
}
TEST_CASE("deltanet: circuits equal the reference under every schedule") {
  check_family("deltanet", {"", "mod:8", "modp:13"});
}
TEST_CASE("gated-deltanet: circuits equal the reference under every schedule") {
  check_family("gated_deltanet", {"", "exact", "modp:13"});
}
TEST_CASE("rwkv7: circuits equal the reference under every schedule") {
  check_family("rwkv7", {"", "modp:13"});
}
TEST_CASE("dense: circuits equal the reference under every schedule") {
  check_family("dense", {"", "mod:8", "modp:13"});
}
TEST_CASE("wfa: circuits equal the reference under every schedule") {
  check_family("wfa", {"", "mod:8", "modp:13"});
}
TEST_CASE("network: circuits equal the reference under every schedule") {
  check_family("network", {"", "modp:13"});
}
