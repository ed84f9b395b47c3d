// Case kind `growth`: a model compiled under one schedule at increasing
// lengths (the growth sweep), each listed measure's growth class judged
// against the claim's class; or the schedule expected to be refused.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "case_kind.hpp"
#include "growth_judgement.hpp"
#include "model_source.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/experiment/sweep.hpp"
#include "rnncc/io/model_file.hpp"

namespace rnncc::experiment::claims {

namespace {

constexpr std::string_view keys[] = {
    "model", "construction", "parameters", "file", "format",    "schedule", "lengths",
    "depth", "arith_depth",  "mult_depth", "ands", "precision", "refused",  "lowering"};

/// A measure of the growth report, or the observed precision.
struct MeasureExpectation {
  std::string key;                         ///< as the claim file names it
  std::optional<report::Measure> measure;  ///< empty: observed precision (bits)
  report::Expectation expected;
};

class GrowthCase final : public PreparedCase {
 public:
  explicit GrowthCase(const CaseTable& table) : source_(ModelSource::read(table)) {
    try {
      schedule_ = compile::parse_schedule(table.required_text("schedule"));
    } catch (const InputError& error) {
      table.fail("schedule", error.what());
    }
    std::optional<std::vector<std::uint64_t>> lengths =
        table.lengths("lengths", compile::max_length);
    if (!lengths) table.fail_at(nullptr, "missing key 'lengths' (\"16..1024\" or a list)");
    lengths_ = *lengths;
    lowering_ = exact_lowering(table);
    refused_ = table.boolean("refused").value_or(false);
    const std::pair<const char*, std::optional<report::Measure>> measures[] = {
        {"depth", report::Measure::depth},
        {"arith_depth", report::Measure::arithmetic_depth},
        {"mult_depth", report::Measure::multiplicative_depth},
        {"ands", report::Measure::size},
        {"precision", std::nullopt}};
    for (const auto& [key, measure] : measures) {
      if (std::optional<report::Expectation> expected = expected_growth(table, key)) {
        if (refused_) table.fail(key, "a refused schedule has no growth to expect");
        expectations_.push_back({key, measure, *expected});
      }
    }
    if (!refused_ && expectations_.empty())
      table.fail_at(nullptr,
                    "a growth case expects at least one of depth, arith_depth, mult_depth, ands, "
                    "precision (or refused = true)");
    if (!refused_ && lengths_.size() < 4)
      table.fail("lengths", "growth classes need at least 4 lengths, doubling");
  }

  report::CaseResult run(const ProveOptions&, const std::filesystem::path& scratch) const override {
    report::CaseResult result;
    result.subject = fmt::format("{} under {}{}", source_.describe(), compile::to_string(schedule_),
                                 lowering_ == arith::ExactLowering::residue ? ", in residues" : "");
    result.role = report::FigureRole::upper_bound;
    const std::filesystem::path file = source_.file(scratch);
    if (refused_) return run_refusal(file, result);

    bool measure_precision = false;
    for (const MeasureExpectation& expectation : expectations_)
      measure_precision = measure_precision || !expectation.measure;
    SweepOptions options;
    options.observed_sequences = measure_precision ? 4 : 0;
    options.exact_lowering = lowering_;
    SweepObserver quiet;
    const GrowthSweep sweep =
        run_growth_sweep({SeriesPlan{file, source_.format(), schedule_, lengths_}}, options, quiet);
    for (const std::string& note : sweep.notes)
      result.evidence.push_back("note: " + note);
    if (sweep.series.empty()) {
      result.holds = false;
      result.measured = "not compiled";
      result.expected = "compiles";
      return result;
    }
    const report::GrowthSeries& series = sweep.series.front();
    result.holds = true;
    std::vector<std::string> measured, expected, summaries;
    for (const MeasureExpectation& expectation : expectations_) {
      std::vector<report::Sample> samples;
      if (expectation.measure) {
        samples = report::measure_samples(series, *expectation.measure);
      } else {
        for (const report::GrowthPoint& point : series.points)
          samples.push_back({point.length, static_cast<long double>(point.bits_observed)});
      }
      report::ClassificationTolerance tolerance;
      if (!expectation.measure) tolerance.noise = 0.5;
      const GrowthJudgement judgement = judge_growth(samples, expectation.expected, tolerance);
      result.holds = result.holds && judgement.holds;
      measured.push_back(
          fmt::format("{} {}", expectation.key, report::to_string(judgement.measured)));
      expected.push_back(
          fmt::format("{} {}", expectation.key, expectation_text(expectation.expected)));
      result.evidence.push_back(fmt::format("{}: {}", expectation.key, judgement.evidence));
      summaries.push_back(fmt::format("{} {}", expectation.key, judgement.summary));
    }
    result.measured = fmt::format("{}", fmt::join(measured, ", "));
    result.expected = fmt::format("{}", fmt::join(expected, ", "));
    result.summary = fmt::format("{} ({}, {})", fmt::join(summaries, "; "),
                                 compile::to_string(schedule_), series.format);
    result.series = series;
    for (const MeasureExpectation& expectation : expectations_)
      if (expectation.measure)
        (*result.series).expected[*expectation.measure] = expectation.expected;
    return result;
  }

 private:
  report::CaseResult& run_refusal(const std::filesystem::path& file,
                                  report::CaseResult& result) const {
    const model::Model model = io::read_model_file(file, source_.format());
    compile::CompileOptions options;
    options.schedule = schedule_;
    options.length = lengths_.front();
    result.expected = "refused";
    result.role = report::FigureRole::evidence;
    try {
      compile::check_options(model, options);
      result.measured = "accepted";
      result.holds = false;
      result.evidence.push_back(
          fmt::format("{} compiles at T = {}", compile::to_string(schedule_), lengths_.front()));
    } catch (const InputError& error) {
      result.measured = "refused";
      result.holds = true;
      result.evidence.push_back(std::string("refusal: ") + error.what());
    }
    result.summary = fmt::format("{} {}", compile::to_string(schedule_), result.measured);
    return result;
  }

  ModelSource source_;
  compile::Schedule schedule_;
  std::vector<std::uint64_t> lengths_;
  bool refused_ = false;
  std::vector<MeasureExpectation> expectations_;
  arith::ExactLowering lowering_ = arith::ExactLowering::binary;
};

std::unique_ptr<PreparedCase> prepare(const CaseTable& table) {
  return std::make_unique<GrowthCase>(table);
}

}  // namespace

extern const CaseKind growth_case_kind{
    "growth",
    "depth, arithmetic and multiplicative depth, size and observed precision of a model compiled "
    "at increasing lengths, each judged against a growth class; or a schedule refused",
    keys, prepare};

}  // namespace rnncc::experiment::claims
