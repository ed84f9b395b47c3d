// Planning a sweep from what the flags say: the default set filtered by
// schedule, formats replaced, default and given lengths; named models with
// their schedules or their family's defaults.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/compile/schedule.hpp"
#include "rnncc/experiment/sweep_plan.hpp"
#include "support/model_check.hpp"

using namespace rnncc;
using experiment::SeriesPlan;
using experiment::SweepRequest;
using Lengths = std::vector<std::uint64_t>;

namespace {

const Lengths to_4096{16, 32, 64, 128, 256, 512, 1024, 2048, 4096};

std::vector<std::string> file_names(const std::vector<SeriesPlan>& plans) {
  std::vector<std::string> names;
  for (const SeriesPlan& plan : plans)
    names.push_back(plan.model_path.filename().string());
  return names;
}

}  // namespace

TEST_CASE("the default set: nine series, each in its own format and schedule") {
  const std::vector<SeriesPlan> plans = experiment::plan_series(SweepRequest{});
  CHECK(file_names(plans) == std::vector<std::string>{"diagonal.toml", "pd.toml", "deltanet.toml",
                                                      "rwkv7.toml", "relu_rnn.toml",
                                                      "relu_rnn.toml", "lstm.toml", "lstm.toml",
                                                      "network.toml"});
  REQUIRE(plans.size() == 9);
  CHECK(plans[0].format == arith::parse_format("mod:16"));
  CHECK(plans[0].schedule == compile::parse_schedule("scan"));
  CHECK(plans[0].lengths == to_4096);
  CHECK(plans[5].format == arith::parse_format("mod:4"));
  CHECK(plans[5].schedule == compile::parse_schedule("table"));
  CHECK(plans[6].format == arith::parse_format("fixed:16.8"));
  CHECK(plans[6].lengths == Lengths(to_4096.begin(), to_4096.end() - 1));  // up to 2048
  CHECK(plans[8].lengths == Lengths{16, 32, 64, 128, 256, 512, 1024});
}

TEST_CASE("the default set: --schedule filters, --format and --lengths replace") {
  SweepRequest request;
  request.schedules = {compile::parse_schedule("table")};
  request.format = arith::parse_format("mod:2");
  request.lengths = Lengths{3, 5};
  const std::vector<SeriesPlan> plans = experiment::plan_series(request);
  CHECK(file_names(plans) == std::vector<std::string>{"relu_rnn.toml", "lstm.toml"});
  for (const SeriesPlan& plan : plans) {
    CHECK(plan.format == arith::parse_format("mod:2"));
    CHECK(plan.lengths == Lengths{3, 5});
  }
  request.schedules = {compile::parse_schedule("chunked:4")};  // no default series
  CHECK(experiment::plan_series(request).empty());
}

TEST_CASE("analytic default lengths run from 16 to 2^40") {
  SweepRequest request;
  request.analytic = true;
  request.models = {"m.toml"};
  const std::vector<SeriesPlan> plans = experiment::plan_series(request);
  REQUIRE(plans.size() == 1);
  REQUIRE(plans[0].lengths.size() == 37);  // 2^4 .. 2^40
  CHECK(plans[0].lengths.front() == 16);
  CHECK(plans[0].lengths.back() == std::uint64_t{1} << 40);
}

TEST_CASE("named models: one plan per schedule, or the family's defaults") {
  SweepRequest request;
  request.models = {"a.toml", "b.toml"};
  std::vector<SeriesPlan> plans = experiment::plan_series(request);
  REQUIRE(plans.size() == 2);
  CHECK_FALSE(plans[0].schedule.has_value());
  CHECK_FALSE(plans[0].format.has_value());
  CHECK(plans[1].lengths == to_4096);
  request.schedules = {compile::parse_schedule("scan"), compile::parse_schedule("chunked:8")};
  plans = experiment::plan_series(request);
  REQUIRE(plans.size() == 4);
  CHECK(plans[1].model_path == "a.toml");
  CHECK(plans[1].schedule == compile::parse_schedule("chunked:8"));
  CHECK(plans[2].model_path == "b.toml");

  // The family's defaults: scan where it applies, else sequential and table.
  const SeriesPlan family_default{"x.toml", std::nullopt, std::nullopt, {16}};
  const compile::Schedule scan = compile::parse_schedule("scan");
  CHECK(experiment::schedules_for(family_default, test::load_example_model("diagonal")) ==
        std::vector<compile::Schedule>{scan});
  CHECK(experiment::schedules_for(family_default, test::load_example_model("network")) ==
        std::vector<compile::Schedule>{scan});
  CHECK(experiment::schedules_for(family_default, test::load_example_model("relu_rnn")) ==
        std::vector<compile::Schedule>{compile::parse_schedule("sequential"),
                                       compile::parse_schedule("table")});
}
