// Networks with a nonlinear head: the sequential and table schedules equal
// the reference interpreter; scans are refused with the reason.
#include <doctest/doctest.h>

#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/registry.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

// An Elman (relu) head beside a diagonal head, then a feed-forward
// sublayer; accept readout. In mod:2 its state (2 + 1 + 2 values of 2 bits)
// fits the table schedule.
const char* const mixed_network = R"(
family = "network"
format = "mod:2"
width = 2
[input]
alphabet = "abc"
[readout]
kind = "accept"
[random]
seed = 11
denominator = 1
[[sublayer]]
kind = "heads"
  [[sublayer.head]]
  family = "elman"
  activation = "relu"
  state = 1
  [[sublayer.head]]
  family = "diagonal"
  state = 1
[[sublayer]]
kind = "feedforward"
hidden = 3
)";

model::Model read_text(const std::string& text) {
  return test::read_model_text(text, "mixed.toml");
}

}  // namespace

TEST_CASE("a network with a nonlinear head: sequential and table equal the reference") {
  const model::Model network = read_text(mixed_network);
  REQUIRE_FALSE(model::supports_scan(network));
  for (const char* schedule : {"sequential", "table"}) {
    for (std::size_t length : {1, 2, 3, 7}) {
      for (bool all_outputs : {false, true}) {
        compile::CompileOptions options;
        options.length = length;
        options.schedule = compile::parse_schedule(schedule);
        options.all_outputs = all_outputs;
        CAPTURE(schedule);
        CAPTURE(length);
        CAPTURE(all_outputs);
        CHECK(test::check_against_reference(network, options, 100, 7 * length) == "");
      }
    }
  }
}

TEST_CASE("a network with a nonlinear head refuses scans, naming the head") {
  const model::Model network = read_text(mixed_network);
  for (const char* schedule : {"scan", "chunked:2"}) {
    compile::CompileOptions options;
    options.length = 4;
    options.schedule = compile::parse_schedule(schedule);
    try {
      compile::check_options(network, options);
      FAIL("accepted a scan of a nonlinear head");
    } catch (const InputError& error) {
      CHECK(std::string(error.what()).find("nonlinear head") != std::string::npos);
    }
  }
}
