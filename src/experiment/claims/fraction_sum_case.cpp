// Case kind `fraction-sum`: a printed rule for adding fractions,
// a/b + c/d = N(a,b,c,d) / D(a,b,c,d), checked against exact rational
// addition (GMP) on every a, c in [−R, R] and b, d in [1, R]. N and D are
// written as sums of products of a, b, c, d and integers ("a*d + b*c").
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmpxx.h>

#include <array>
#include <cctype>

#include "case_kind.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::experiment::claims {

namespace {

constexpr std::string_view keys[] = {"numerator", "denominator", "range", "counterexample"};

/// A polynomial in a, b, c, d with integer coefficients: terms of a sign,
/// a coefficient and the exponents of a, b, c, d.
struct Term {
  long coefficient = 1;
  std::array<int, 4> exponents{};
};
using Expression = std::vector<Term>;

/// Parses "a*d + b*c", "b*d", "2*a - c"; empty on a syntax error.
std::optional<Expression> parse_expression(std::string_view text) {
  Expression expression;
  Term term;
  bool have_factor = false;
  int sign = 1;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char symbol = i < text.size() ? text[i] : '+';
    if (symbol == ' ') continue;
    if (symbol == '+' || symbol == '-') {
      if (have_factor) {
        term.coefficient *= sign;
        expression.push_back(term);
      } else if (i < text.size() && !expression.empty()) {
        return std::nullopt;
      } else if (i == text.size()) {
        return std::nullopt;
      }
      term = Term{};
      have_factor = false;
      sign = symbol == '-' ? -1 : 1;
      continue;
    }
    if (symbol == '*') {
      if (!have_factor) return std::nullopt;
      continue;
    }
    if (symbol >= 'a' && symbol <= 'd') {
      ++term.exponents[static_cast<std::size_t>(symbol - 'a')];
      have_factor = true;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(symbol))) {
      long value = 0;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
        value = value * 10 + (text[i++] - '0');
      --i;
      term.coefficient *= value;
      have_factor = true;
      continue;
    }
    return std::nullopt;
  }
  if (expression.empty()) return std::nullopt;
  return expression;
}

mpz_class evaluate(const Expression& expression, const std::array<long, 4>& values) {
  mpz_class sum = 0;
  for (const Term& term : expression) {
    mpz_class product = term.coefficient;
    for (std::size_t v = 0; v < 4; ++v)
      for (int e = 0; e < term.exponents[v]; ++e)
        product *= values[v];
    sum += product;
  }
  return sum;
}

class FractionSumCase final : public PreparedCase {
 public:
  explicit FractionSumCase(const CaseTable& table) {
    for (const char* key : {"numerator", "denominator"}) {
      const std::string text = table.required_text(key);
      std::optional<Expression> parsed = parse_expression(text);
      if (!parsed)
        table.fail(key, fmt::format("'{}' must be a sum of products of a, b, c, d and integers "
                                    "(\"a*d + b*c\"), not '{}'",
                                    key, text));
      (std::string_view(key) == "numerator" ? numerator_ : denominator_) = *parsed;
      (std::string_view(key) == "numerator" ? numerator_text_ : denominator_text_) = text;
    }
    range_ = static_cast<long>(table.integer("range", 1, 50).value_or(4));
    if (std::optional<std::vector<std::int64_t>> stated =
            table.integers("counterexample", -1000, 1000)) {
      if (stated->size() != 4 || (*stated)[1] == 0 || (*stated)[3] == 0)
        table.fail("counterexample", "'counterexample' is [a, b, c, d] with b, d ≠ 0");
      stated_ =
          std::array<long, 4>{static_cast<long>((*stated)[0]), static_cast<long>((*stated)[1]),
                              static_cast<long>((*stated)[2]), static_cast<long>((*stated)[3])};
    }
  }

  report::CaseResult run(const ProveOptions&, const std::filesystem::path&) const override {
    report::CaseResult result;
    result.subject = fmt::format("a/b + c/d = ({}) / ({}) for a, c ∈ [−{}, {}], b, d ∈ [1, {}]",
                                 numerator_text_, denominator_text_, range_, range_, range_);
    result.role = report::FigureRole::evidence;
    std::size_t checked = 0, wrong = 0;
    std::optional<std::string> first;
    for (long a = -range_; a <= range_; ++a)
      for (long b = 1; b <= range_; ++b)
        for (long c = -range_; c <= range_; ++c)
          for (long d = 1; d <= range_; ++d) {
            ++checked;
            if (std::optional<std::string> failure = counterexample({a, b, c, d})) {
              ++wrong;
              if (!first) first = *failure;
            }
          }
    result.holds = wrong == 0;
    result.measured = wrong == 0 ? fmt::format("holds on all {} tuples", checked)
                                 : fmt::format("wrong on {} of {} tuples", wrong, checked);
    result.expected = "holds on every tuple";
    if (first) result.evidence.push_back("first counterexample: " + *first);
    if (stated_) {
      if (std::optional<std::string> failure = counterexample(*stated_)) {
        result.holds = false;
        result.evidence.push_back("stated counterexample confirmed: " + *failure);
      } else {
        result.stated_counterexample_found = false;
        result.evidence.push_back(
            fmt::format("the stated counterexample ({}) is not one", fmt::join(*stated_, ", ")));
      }
    }
    result.summary = result.measured;
    return result;
  }

 private:
  /// Why the rule is wrong on (a, b, c, d), or empty when it is right.
  std::optional<std::string> counterexample(const std::array<long, 4>& values) const {
    mpq_class first(values[0], values[1]), second(values[2], values[3]);
    first.canonicalize();  // gmpxx keeps a fraction as given until told
    second.canonicalize();
    const mpq_class exact = first + second;
    const mpz_class numerator = evaluate(numerator_, values);
    const mpz_class denominator = evaluate(denominator_, values);
    const std::string where =
        fmt::format("a = {}, b = {}, c = {}, d = {}: a/b + c/d = {}", values[0], values[1],
                    values[2], values[3], exact.get_str());
    if (denominator == 0)
      return fmt::format("{}, the rule divides {} by 0", where, numerator.get_str());
    mpq_class ruled(numerator, denominator);
    ruled.canonicalize();
    if (ruled == exact) return std::nullopt;
    return fmt::format("{}, the rule gives {}/{} = {}", where, numerator.get_str(),
                       denominator.get_str(), ruled.get_str());
  }

  Expression numerator_, denominator_;
  std::string numerator_text_, denominator_text_;
  long range_ = 4;
  std::optional<std::array<long, 4>> stated_;
};

std::unique_ptr<PreparedCase> prepare(const CaseTable& table) {
  return std::make_unique<FractionSumCase>(table);
}

}  // namespace

extern const CaseKind fraction_sum_case_kind{
    "fraction-sum",
    "a printed rule for a/b + c/d against exact rational addition on every small a, b, c, d", keys,
    prepare};

}  // namespace rnncc::experiment::claims
