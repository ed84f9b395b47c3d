#include "rnncc/report/expected_class.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace rnncc::report {

namespace {

/// The part of `text` before the first ':' ("chunked:64" -> "chunked").
std::string_view prefix(std::string_view text) {
  return text.substr(0, text.find(':'));
}

enum class Width { fixed, growing, unknown };

Width format_width(std::string_view format) {
  std::string_view kind = prefix(format);
  if (kind == "mod" || kind == "modp" || kind == "fixed" || kind == "float") return Width::fixed;
  if (kind == "exact") return Width::growing;
  return Width::unknown;
}

/// Position in constant < log < log^2 < linear; other and unknown rank above all.
int rank(GrowthClass growth) {
  switch (growth) {
    case GrowthClass::constant:
      return 0;
    case GrowthClass::log:
      return 1;
    case GrowthClass::log_squared:
      return 2;
    case GrowthClass::linear:
      return 3;
    default:
      return 4;
  }
}

Expectation none(std::string reason) {
  return {std::nullopt, false, std::move(reason)};
}
Expectation exactly(GrowthClass growth, std::string reason) {
  return {growth, false, std::move(reason)};
}
Expectation at_most(GrowthClass growth, std::string reason) {
  return {growth, true, std::move(reason)};
}

}  // namespace

Expectation expected_class(bool linear, std::string_view schedule, std::string_view format,
                           Measure measure) {
  const std::string_view kind = prefix(schedule);
  const Width width = format_width(format);
  const bool word_depth =
      measure == Measure::arithmetic_depth || measure == Measure::multiplicative_depth;

  if (kind == "sequential") {
    if (measure == Measure::size) {
      if (width == Width::fixed)
        return exactly(GrowthClass::linear, "sequential: T copies of a fixed-width step");
      return none(
          fmt::format("size in format '{}' depends on value bounds that grow with T", format));
    }
    if (measure == Measure::arithmetic_depth)
      return exactly(GrowthClass::linear,
                     "sequential: each step's sum waits for the previous state (Prop 1)");
    if (measure == Measure::multiplicative_depth)
      return at_most(GrowthClass::linear,
                     "sequential: each step's product waits for the previous state; products "
                     "by a weight 1 fold away, so a recurrence multiplying only by 1 stays lower");
    if (width == Width::growing)
      return exactly(GrowthClass::linear,
                     "sequential: each step waits for the previous state (Prop 1); in exact the "
                     "widths also grow with T, which can push the measured depth above linear");
    return exactly(GrowthClass::linear,
                   "sequential: each step waits for the previous state (Prop 1)");
  }

  if (kind == "table") {
    if (word_depth) return none("table: no word-level circuit");
    if (measure == Measure::size)
      return exactly(GrowthClass::linear, "table: T tables of s·2^s bits, size O(T·s·2^s)");
    return at_most(GrowthClass::log, "table: pointer jumping over T state tables, O(s·log T)");
  }

  if (kind == "scan" || kind == "chunked") {
    const std::string_view what = kind == "scan" ? "scan" : "chunked (fixed C, T >> C)";
    if (!linear) return none(fmt::format("{} does not apply to a nonlinear recurrence", kind));
    if (word_depth)
      return at_most(GrowthClass::log,
                     fmt::format("{}: balanced tree of log2 T affine combines (Thm 3)", what));
    if (measure == Measure::size) {
      if (width == Width::fixed)
        return exactly(GrowthClass::linear,
                       fmt::format("{}: about T combines of fixed width", what));
      return none(
          fmt::format("size in format '{}' depends on value bounds that grow with T", format));
    }
    if (width == Width::fixed)
      return at_most(GrowthClass::log,
                     fmt::format("{}: log2 T combine levels, each of fixed Boolean depth", what));
    if (width == Width::growing)
      return at_most(GrowthClass::log_squared,
                     fmt::format("{} in exact: widths grow with T, so each of the log2 T combine "
                                 "levels costs O(log width) AND levels (no CRT lowering)",
                                 what));
    return none(fmt::format("unknown format '{}'", format));
  }
  return none(fmt::format("unknown schedule '{}'", schedule));
}

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::match:
      return "match";
    case Verdict::mismatch:
      return "mismatch";
    case Verdict::no_expectation:
      return "no expectation";
    case Verdict::undetermined:
      return "undetermined";
  }
  return "?";
}

Verdict judge(const Expectation& expected, GrowthClass measured) {
  if (!expected.growth) return Verdict::no_expectation;
  if (measured == GrowthClass::unknown) return Verdict::undetermined;
  if (measured == *expected.growth) return Verdict::match;
  if (expected.upper_bound && rank(measured) < rank(*expected.growth)) return Verdict::match;
  return Verdict::mismatch;
}

}  // namespace rnncc::report
