#include "growth_judgement.hpp"

#include <fmt/format.h>

#include <numeric>

#include "rnncc/report/growth_fit.hpp"

namespace rnncc::experiment::claims {

std::optional<report::Expectation> expected_growth(const CaseTable& table, std::string_view key) {
  std::optional<std::string> text = table.text(key);
  if (!text) return std::nullopt;
  report::Expectation expected;
  std::string_view rest = *text;
  if (rest.starts_with("<=")) {
    expected.upper_bound = true;
    rest.remove_prefix(2);
    while (rest.starts_with(' '))
      rest.remove_prefix(1);
  }
  expected.growth = report::parse_growth_class(rest);
  if (!expected.growth || *expected.growth == report::GrowthClass::unknown ||
      *expected.growth == report::GrowthClass::other) {
    table.fail(
        key, fmt::format("'{}' must be a growth class (constant, log, log·loglog, log^2, linear), "
                         "optionally after '<=' for an upper bound; not '{}'",
                         key, *text));
  }
  return expected;
}

std::string expectation_text(const report::Expectation& expected) {
  if (!expected.growth) return "-";
  return fmt::format("{}{}", expected.upper_bound ? "≤ " : "", report::to_string(*expected.growth));
}

namespace {

report::FitBasis basis_of(report::GrowthClass growth) {
  switch (growth) {
    case report::GrowthClass::linear:
      return report::FitBasis::length;
    case report::GrowthClass::log_squared:
      return report::FitBasis::log_length_squared;
    case report::GrowthClass::log_log_log:
      return report::FitBasis::log_length_log_log;
    default:
      return report::FitBasis::log_length;
  }
}

std::string basis_symbol(report::FitBasis basis) {
  switch (basis) {
    case report::FitBasis::length:
      return "T";
    case report::FitBasis::log_length_squared:
      return "log2² T";
    case report::FitBasis::log_length_log_log:
      return "log2 T · log2 log2 T";
    case report::FitBasis::log_length:
      return "log2 T";
  }
  return "";
}

}  // namespace

GrowthJudgement judge_growth(std::span<const report::Sample> samples,
                             const report::Expectation& expected,
                             const report::ClassificationTolerance& tolerance) {
  GrowthJudgement judgement;
  const report::Classification classification = report::classify(samples, tolerance);
  judgement.measured = classification.growth;
  judgement.holds = report::judge(expected, classification.growth) == report::Verdict::match;
  std::string increments;
  if (!classification.increments.empty()) {
    long double sum = 0;
    for (const report::DoublingIncrement& increment : classification.increments)
      sum += increment.increment;
    const double mean = static_cast<double>(sum / classification.increments.size());
    increments = fmt::format("{:+.3g} per doubling on average", mean);
    judgement.summary =
        fmt::format("{}, {:+.3g} per doubling", report::to_string(classification.growth), mean);
  } else {
    judgement.summary = std::string(report::to_string(classification.growth));
  }
  std::string fit_text;
  const report::FitBasis basis = basis_of(expected.growth.value_or(report::GrowthClass::log));
  for (const report::GrowthFit& fit : report::growth_fits(samples)) {
    if (fit.basis != basis) continue;
    fit_text = fmt::format("fit {:.4g}·{} {:+.4g} (R² {:.3f})", static_cast<double>(fit.line.slope),
                           basis_symbol(basis), static_cast<double>(fit.line.intercept),
                           static_cast<double>(fit.line.r_squared));
  }
  std::string values;
  for (const report::Sample& sample : samples) {
    if (!values.empty()) values += ", ";
    values += fmt::format("{}→{}", sample.length, static_cast<double>(sample.value));
  }
  judgement.evidence = fmt::format(
      "{} ({}); {}{}{}", report::to_string(classification.growth), classification.reason, values,
      increments.empty() ? "" : "; " + increments, fit_text.empty() ? "" : "; " + fit_text);
  return judgement;
}

}  // namespace rnncc::experiment::claims
