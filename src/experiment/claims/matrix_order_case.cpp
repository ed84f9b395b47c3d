// Case kind `matrix-order`: whether a k×k matrix over Q of finite order n
// exists, decided with exact arithmetic. If A^n = I, A's minimal polynomial
// divides x^n − 1 = Π_{d | n} Φ_d (the cyclotomic polynomials, irreducible
// over Q and pairwise distinct), so it is Π_{d ∈ S} Φ_d for a set S of
// divisors with Σ deg Φ_d ≤ k, A is diagonalisable and its order is lcm(S).
// Conversely the block-diagonal matrix of the companion matrices of the Φ_d,
// d ∈ S (padded with 1s), has order lcm(S). The case computes every Φ_d by
// exact division of x^d − 1, searches the sets S, and checks each witness's
// order by exact matrix powers.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmpxx.h>

#include <map>
#include <numeric>

#include "case_kind.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::experiment::claims {

namespace {

constexpr std::string_view keys[] = {"dimension", "order", "exists"};

/// Coefficients, constant term first.
using Polynomial = std::vector<mpz_class>;
using Matrix = std::vector<std::vector<mpq_class>>;

/// quotient of `dividend` by the monic `divisor`; throws std::logic_error
/// when the remainder is not zero.
Polynomial divide_exactly(Polynomial dividend, const Polynomial& divisor) {
  const std::size_t divisor_degree = divisor.size() - 1;
  Polynomial quotient(dividend.size() - divisor_degree, 0);
  for (std::size_t i = dividend.size(); i-- > divisor_degree;) {
    const mpz_class factor = dividend[i];
    quotient[i - divisor_degree] = factor;
    for (std::size_t j = 0; j <= divisor_degree; ++j)
      dividend[i - divisor_degree + j] -= factor * divisor[j];
  }
  for (const mpz_class& remainder : dividend)
    if (remainder != 0) throw std::logic_error("a cyclotomic division left a remainder");
  return quotient;
}

std::vector<std::uint64_t> divisors_of(std::uint64_t n) {
  std::vector<std::uint64_t> divisors;
  for (std::uint64_t d = 1; d <= n; ++d)
    if (n % d == 0) divisors.push_back(d);
  return divisors;
}

/// Φ_d for every divisor d of n, by Φ_d = (x^d − 1) / Π_{e | d, e < d} Φ_e.
std::map<std::uint64_t, Polynomial> cyclotomic_polynomials(std::uint64_t n) {
  std::map<std::uint64_t, Polynomial> phi;
  for (std::uint64_t d : divisors_of(n)) {
    Polynomial value(d + 1, 0);
    value[0] = -1;
    value[d] = 1;
    for (std::uint64_t e : divisors_of(d))
      if (e < d) value = divide_exactly(value, phi.at(e));
    phi.emplace(d, std::move(value));
  }
  return phi;
}

Matrix identity(std::size_t size) {
  Matrix matrix(size, std::vector<mpq_class>(size, 0));
  for (std::size_t i = 0; i < size; ++i)
    matrix[i][i] = 1;
  return matrix;
}

Matrix multiply(const Matrix& left, const Matrix& right) {
  const std::size_t size = left.size();
  Matrix product(size, std::vector<mpq_class>(size, 0));
  for (std::size_t i = 0; i < size; ++i)
    for (std::size_t k = 0; k < size; ++k)
      if (left[i][k] != 0)
        for (std::size_t j = 0; j < size; ++j)
          product[i][j] += left[i][k] * right[k][j];
  return product;
}

Matrix power(Matrix base, std::uint64_t exponent) {
  Matrix result = identity(base.size());
  while (exponent > 0) {
    if (exponent & 1) result = multiply(result, base);
    base = multiply(base, base);
    exponent >>= 1;
  }
  return result;
}

/// The block-diagonal matrix of the companion matrices of Φ_d, d ∈ `set`,
/// padded with 1s to `size`.
Matrix companion_witness(const std::vector<std::uint64_t>& set,
                         const std::map<std::uint64_t, Polynomial>& phi, std::size_t size) {
  Matrix matrix = identity(size);
  std::size_t at = 0;
  for (std::uint64_t d : set) {
    const Polynomial& polynomial = phi.at(d);
    const std::size_t degree = polynomial.size() - 1;
    for (std::size_t i = 0; i < degree; ++i) {
      matrix[at + i][at + i] = 0;
      if (i + 1 < degree) matrix[at + i + 1][at + i] = 1;  // sub-diagonal ones
      matrix[at + i][at + degree - 1] = -mpq_class(polynomial[i]);
    }
    at += degree;
  }
  return matrix;
}

/// The exact order of `matrix` if it divides n (A^n = I and A^(n/p) ≠ I
/// for every prime p | n), else 0.
std::uint64_t order_dividing(const Matrix& matrix, std::uint64_t n) {
  const Matrix unit = identity(matrix.size());
  if (power(matrix, n) != unit) return 0;
  std::uint64_t order = n;
  for (std::uint64_t p = 2; p <= order; ++p) {
    bool prime = true;
    for (std::uint64_t q = 2; q * q <= p; ++q)
      prime = prime && p % q != 0;
    if (!prime) continue;
    while (order % p == 0 && power(matrix, order / p) == unit)
      order /= p;
  }
  return order;
}

/// A set of divisors of n with Σ deg Φ_d ≤ budget and lcm = target, or empty.
std::optional<std::vector<std::uint64_t>> find_set(const std::vector<std::uint64_t>& candidates,
                                                   const std::map<std::uint64_t, Polynomial>& phi,
                                                   std::size_t start, std::size_t budget,
                                                   std::uint64_t lcm, std::uint64_t target,
                                                   std::vector<std::uint64_t>& chosen) {
  if (lcm == target) return chosen;
  for (std::size_t i = start; i < candidates.size(); ++i) {
    const std::size_t degree = phi.at(candidates[i]).size() - 1;
    if (degree > budget || target % candidates[i] != 0) continue;
    chosen.push_back(candidates[i]);
    if (auto found = find_set(candidates, phi, i + 1, budget - degree, std::lcm(lcm, candidates[i]),
                              target, chosen))
      return found;
    chosen.pop_back();
  }
  return std::nullopt;
}

class MatrixOrderCase final : public PreparedCase {
 public:
  explicit MatrixOrderCase(const CaseTable& table) {
    dimension_ = static_cast<std::size_t>(table.integer("dimension", 1, 8).value_or(2));
    const std::optional<std::int64_t> order = table.integer("order", 1, 100000);
    if (!order) table.fail_at(nullptr, "missing key 'order' (the matrix order asked for)");
    order_ = static_cast<std::uint64_t>(*order);
    exists_ = table.boolean("exists").value_or(true);
  }

  report::CaseResult run(const ProveOptions&, const std::filesystem::path&) const override {
    report::CaseResult result;
    result.subject = fmt::format("{0}×{0} matrices over Q of order {1}", dimension_, order_);
    const std::map<std::uint64_t, Polynomial> phi = cyclotomic_polynomials(order_);
    std::vector<std::uint64_t> divisors = divisors_of(order_);
    // Orders dividing n that a dimension × dimension rational matrix has,
    // each with its witness checked.
    std::vector<std::string> achievable;
    bool exists = false;
    for (std::uint64_t m : divisors) {
      std::vector<std::uint64_t> chosen;
      const std::optional<std::vector<std::uint64_t>> set =
          find_set(divisors, phi, 0, dimension_, 1, m, chosen);
      if (!set) continue;
      const std::uint64_t checked = order_dividing(companion_witness(*set, phi, dimension_), m);
      if (checked != m) throw std::logic_error("a companion witness has the wrong order");
      achievable.push_back(fmt::format("{}", m));
      if (m == order_) exists = true;
    }
    std::vector<std::string> small;
    for (std::uint64_t d : divisors)
      if (phi.at(d).size() - 1 <= dimension_)
        small.push_back(fmt::format("Φ_{} (degree {})", d, phi.at(d).size() - 1));
    result.evidence.push_back(fmt::format(
        "cyclotomic polynomials Φ_d for the {} divisors d of {} computed by exact division of "
        "x^d − 1; deg Φ_{} = {}",
        divisors.size(), order_, order_, phi.at(order_).size() - 1));
    result.evidence.push_back(
        fmt::format("minimal polynomials of degree ≤ {} among them: products of {}", dimension_,
                    fmt::join(small, ", ")));
    result.evidence.push_back(fmt::format(
        "orders dividing {} that a {}×{} rational matrix has: {} (each witnessed by a companion "
        "matrix whose order was checked by exact powers)",
        order_, dimension_, dimension_, fmt::join(achievable, ", ")));
    result.measured =
        exists ? "exists"
               : fmt::format("no {0}×{0} rational matrix has order {1}", dimension_, order_);
    result.expected = exists_ ? "exists" : "none exists";
    result.holds = exists == exists_;
    result.role = report::FigureRole::evidence;
    result.summary = fmt::format("order {} {}", order_, exists ? "exists" : "impossible over Q");
    return result;
  }

 private:
  std::size_t dimension_ = 2;
  std::uint64_t order_ = 1;
  bool exists_ = true;
};

std::unique_ptr<PreparedCase> prepare(const CaseTable& table) {
  return std::make_unique<MatrixOrderCase>(table);
}

}  // namespace

extern const CaseKind matrix_order_case_kind{
    "matrix-order",
    "whether a k×k rational matrix of a given finite order exists, by exact cyclotomic "
    "polynomials and companion-matrix witnesses",
    keys, prepare};

}  // namespace rnncc::experiment::claims
