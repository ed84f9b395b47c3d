#include "rnncc/experiment/expectations.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace rnncc::experiment {

namespace {

using compile::ScheduleKind;
using report::GrowthClass;
using report::Measure;

constexpr KindSet<ScheduleKind> sequential{ScheduleKind::sequential};
constexpr KindSet<ScheduleKind> parallel{ScheduleKind::scan, ScheduleKind::chunked};
constexpr KindSet<ScheduleKind> table{ScheduleKind::table};
constexpr KindSet<WidthKind> fixed{WidthKind::fixed};
constexpr KindSet<WidthKind> growing{WidthKind::growing};
constexpr KindSet<WidthKind> any_width = KindSet<WidthKind>::every();
constexpr KindSet<Measure> depth{Measure::depth};
constexpr KindSet<Measure> arithmetic_depth{Measure::arithmetic_depth};
constexpr KindSet<Measure> multiplicative_depth{Measure::multiplicative_depth};
constexpr KindSet<Measure> word_depths{Measure::arithmetic_depth, Measure::multiplicative_depth};
constexpr KindSet<Measure> size{Measure::size};
constexpr KindSet<Measure> any_measure = KindSet<Measure>::every();
constexpr Composition any = Composition::any;
constexpr bool at_most = true;
constexpr bool exactly = false;
constexpr std::optional<GrowthClass> none;

constexpr std::string_view size_grows_with_values =
    "size in format '{format}' depends on value bounds that grow with T";

// clang-format off
constexpr ExpectationRule rules[] = {
    // sequential: each step waits for the previous state (Prop 1).
    {sequential, any, fixed, depth, GrowthClass::linear, exactly,
     "sequential: each step waits for the previous state (Prop 1)"},
    {sequential, any, growing, depth, GrowthClass::linear, exactly,
     "sequential: each step waits for the previous state (Prop 1); in exact the widths also grow "
     "with T, which can push the measured depth above linear"},
    {sequential, any, any_width, arithmetic_depth, GrowthClass::linear, exactly,
     "sequential: each step's sum waits for the previous state (Prop 1)"},
    {sequential, any, any_width, multiplicative_depth, GrowthClass::linear, at_most,
     "sequential: each step's product waits for the previous state; products by a weight 1 fold "
     "away, so a recurrence multiplying only by 1 stays lower"},
    {sequential, any, fixed, size, GrowthClass::linear, exactly,
     "sequential: T copies of a fixed-width step"},
    {sequential, any, growing, size, none, exactly, size_grows_with_values},

    // scan and chunked: a balanced tree of affine combines (Thm 3).
    {parallel, Composition::not_associative, any_width, any_measure, none, exactly,
     "{schedule} does not apply to a nonlinear recurrence"},
    {parallel, Composition::associative, fixed, depth, GrowthClass::log, at_most,
     "{schedule_as_argued}: log2 T combine levels, each of fixed Boolean depth"},
    {parallel, Composition::associative, growing, depth, GrowthClass::log_squared, at_most,
     "{schedule_as_argued} in exact: widths grow with T, so each of the log2 T combine levels "
     "costs O(log width) AND levels (no CRT lowering)"},
    {parallel, Composition::associative, any_width, word_depths, GrowthClass::log, at_most,
     "{schedule_as_argued}: balanced tree of log2 T affine combines (Thm 3)"},
    {parallel, Composition::associative, fixed, size, GrowthClass::linear, exactly,
     "{schedule_as_argued}: about T combines of fixed width"},
    {parallel, Composition::associative, growing, size, none, exactly, size_grows_with_values},

    // table: pointer jumping over T composed state tables.
    {table, any, any_width, depth, GrowthClass::log, at_most,
     "table: pointer jumping over T state tables, O(s·log T)"},
    {table, any, any_width, word_depths, none, exactly, "table: no word-level circuit"},
    {table, any, any_width, size, GrowthClass::linear, exactly,
     "table: T tables of s·2^s bits, size O(T·s·2^s)"},
};
// clang-format on

}  // namespace

WidthKind width_kind(const arith::Format& format) {
  return arith::is_finite(format) ? WidthKind::fixed : WidthKind::growing;
}

std::span<const ExpectationRule> expectation_rules() {
  return rules;
}

bool applies(const ExpectationRule& rule, const SeriesKey& key, Measure measure) {
  // An optimised circuit computes the same function: depth's rules.
  if (measure == Measure::optimized_depth) measure = Measure::depth;
  const bool composition_applies =
      rule.composition == Composition::any ||
      (rule.composition == Composition::associative) == key.composes_associatively;
  return rule.schedules.contains(key.schedule.kind) && composition_applies &&
         rule.widths.contains(width_kind(key.format)) && rule.measures.contains(measure);
}

std::string_view paper_column(const SeriesKey& key) {
  switch (key.family->paper_class) {
    case model::PaperClass::tc0:
      return "TC0";
    case model::PaperClass::nc1:
      return "NC1";
    case model::PaperClass::pnc1:
      return "PNC1";
    case model::PaperClass::nonlinear:
      return "L or P";
    case model::PaperClass::composite:
      return key.composes_associatively ? "PNC1" : "L or P";
  }
  return "";
}

namespace {

/// What the paper says of the column's Boolean depth, for a parallel
/// schedule's depth in a fixed-width ring.
std::string_view column_depth_sentence(std::string_view column) {
  if (column == "TC0") {
    return "; the paper's bound is TC0 (constant depth with unbounded fan-in threshold gates), "
           "which bounded fan-in AND levels show as log";
  }
  if (column == "NC1") return "; the paper's bound is NC1: log depth with bounded fan-in";
  if (column == "PNC1") {
    return "; over Q the paper's bound is PNC1, Boolean depth log n · log* n; a fixed-width ring "
           "makes every combine fixed-depth";
  }
  return "";
}

}  // namespace

report::Expectation expected_class(const SeriesKey& key, Measure measure) {
  // An optimised circuit computes the same function: depth's expectation,
  // and depth's reason.
  if (measure == Measure::optimized_depth) measure = Measure::depth;
  for (const ExpectationRule& rule : rules) {
    if (!applies(rule, key, measure)) continue;
    const std::string_view kind = compile::name_of(key.schedule.kind);
    const std::string_view as_argued =
        key.schedule.kind == ScheduleKind::chunked ? "chunked (fixed C, T >> C)" : kind;
    report::Expectation expectation{
        rule.growth, rule.upper_bound,
        fmt::format(fmt::runtime(rule.reason), fmt::arg("schedule", kind),
                    fmt::arg("schedule_as_argued", as_argued),
                    fmt::arg("format", arith::to_string(key.format)))};
    if (!rule.growth) return expectation;
    expectation.column = std::string(paper_column(key));
    const bool parallel_schedule =
        key.schedule.kind == ScheduleKind::scan || key.schedule.kind == ScheduleKind::chunked;
    if (parallel_schedule && measure == Measure::depth &&
        width_kind(key.format) == WidthKind::fixed)
      expectation.reason += column_depth_sentence(expectation.column);
    if (!key.composes_associatively && !parallel_schedule) {
      // A nonlinear recurrence: the measure describes this circuit only.
      expectation.circuit_only = true;
      expectation.reason +=
          "; this is the cost of the circuit this schedule builds, not a lower bound: that a "
          "nonlinear RNN has no shallow circuit is conditional (L or P not in NC) and rests on "
          "constructions solving complete problems (rnncc prove)";
    }
    return expectation;
  }
  throw std::logic_error("no expectation rule applies (the table must cover every combination)");
}

}  // namespace rnncc::experiment
