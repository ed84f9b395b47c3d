// imm: the iterated product of 3 × 3 matrices over {-1, 0, 1} (GapNC1-
// complete; "P[0][0] > 0" is PNC1-complete, the paper's Prop 3). Each step
// reads 9 integers, M_t row-major; P = M_1 · M_2 · ... · M_n. Variants:
// imm (label P[0][0]), imm-sign (P[0][0] > 0), imm-zero (P[0][0] = 0), and
// imm-mod:M (matrices invertible modulo M, label P[0][0] mod M: the
// paper's experiment with M = 29). imm-symbols and imm-sign-symbols are
// imm and imm-sign read as the paper's Definition 12 streams them: 9
// symbols per matrix from {-, 0, +} (for -1, 0, 1), row-major.
#include <gmpxx.h>

#include <nlohmann/json.hpp>

#include <array>

#include "task_support.hpp"

namespace rnncc::experiment::tasks {

namespace {

using Matrix = std::array<mpz_class, 9>;  // row-major

Matrix product(const Matrix& a, const Matrix& b) {
  Matrix c;
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k) {
      mpz_class sum = 0;
      for (int j = 0; j < 3; ++j)
        sum += a[static_cast<std::size_t>(3 * i + j)] * b[static_cast<std::size_t>(3 * j + k)];
      c[static_cast<std::size_t>(3 * i + k)] = sum;
    }
  return c;
}

Matrix identity_matrix() {
  Matrix m;
  for (std::size_t i = 0; i < 9; ++i)
    m[i] = i % 4 == 0 ? 1 : 0;
  return m;
}

Matrix product_of(const std::vector<Matrix>& matrices, std::size_t begin, std::size_t end) {
  Matrix p = identity_matrix();
  for (std::size_t t = begin; t < end; ++t)
    p = product(p, matrices[t]);
  return p;
}

mpz_class determinant(const Matrix& m) {
  return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) +
         m[2] * (m[3] * m[7] - m[4] * m[6]);
}

/// The 3^9 matrices over {-1, 0, 1}, in a fixed order.
const std::vector<Matrix>& all_sign_matrices() {
  static const std::vector<Matrix> all = [] {
    std::vector<Matrix> result;
    for (int code = 0; code < 19683; ++code) {
      Matrix m;
      int rest = code;
      for (std::size_t i = 0; i < 9; ++i) {
        m[i] = rest % 3 - 1;
        rest /= 3;
      }
      result.push_back(m);
    }
    return result;
  }();
  return all;
}

enum class Variant { value, sign, zero, modular };

class ImmTask final : public Task {
 public:
  ImmTask(Variant variant, std::size_t modulus, bool symbols = false)
      : variant_(variant), modulus_(modulus), symbols_(symbols) {}

  std::string name() const override {
    switch (variant_) {
      case Variant::value:
        return symbols_ ? "imm-symbols" : "imm";
      case Variant::sign:
        return symbols_ ? "imm-sign-symbols" : "imm-sign";
      case Variant::zero:
        return "imm-zero";
      case Variant::modular:
        return fmt::format("imm-mod:{}", modulus_);
    }
    return "imm";
  }
  bool decision() const override { return variant_ == Variant::sign || variant_ == Variant::zero; }
  std::string_view size_meaning() const override { return "the number of matrices"; }

  std::vector<io::Instance> generate(const TaskRequest& request) const override {
    check_size(*this, request, 1, 4096);
    SplitMix64 random(request.seed);
    const std::vector<bool> labels =
        decision() ? planned_labels(request, random) : std::vector<bool>{};
    std::vector<io::Instance> instances;
    for (std::size_t i = 0; i < request.count; ++i) {
      std::vector<Matrix> matrices;
      if (!labels.empty() && variant_ == Variant::zero && labels[i]) {
        matrices = zero_corner(request.size, random);
      } else if (!labels.empty()) {
        // Rejection: the sign of P[0][0] is near a fair coin, and a random
        // product is rarely zero.
        for (int attempt = 0;; ++attempt) {
          matrices = random_matrices(request.size, random);
          if (label_of(product_of(matrices, 0, matrices.size())) == (labels[i] ? 1 : 0)) break;
          if (attempt == 100000) {
            throw InputError(
                fmt::format("task {}: no instance of size {} with label {} in 100000 "
                            "draws",
                            name(), request.size, labels[i] ? 1 : 0));
          }
        }
      } else {
        matrices = random_matrices(request.size, random);
      }
      instances.push_back(make_instance(matrices));
    }
    return instances;
  }

  std::vector<Shortcut> shortcuts(const std::vector<io::Instance>& instances) const override {
    if (!decision()) return {};
    std::vector<Shortcut> result = Task::shortcuts(instances);
    if (variant_ == Variant::sign) {
      result.push_back({"the last matrix's corner is positive",
                        accuracy_of(instances, [](const io::Instance& instance) {
                          if (!instance.has_vectors())
                            return instance.tokens[instance.tokens.size() - 9] == "+";
                          return instance.vectors.back()[0] > 0;
                        })});
    }
    return result;
  }

 private:
  mpq_class label_of(const Matrix& p) const {
    switch (variant_) {
      case Variant::value:
        return p[0];
      case Variant::sign:
        return p[0] > 0 ? 1 : 0;
      case Variant::zero:
        return p[0] == 0 ? 1 : 0;
      case Variant::modular: {
        mpz_class remainder;
        mpz_fdiv_r_ui(remainder.get_mpz_t(), p[0].get_mpz_t(), modulus_);
        return remainder;
      }
    }
    return 0;
  }

  /// Matrices over {-1, 0, 1}; for imm-mod:M, invertible modulo M.
  std::vector<Matrix> random_matrices(std::size_t count, SplitMix64& random) const {
    std::vector<Matrix> matrices;
    while (matrices.size() < count) {
      Matrix m;
      for (mpz_class& entry : m)
        entry = static_cast<long>(random.below(3)) - 1;
      if (variant_ == Variant::modular) {
        mpz_class divisor;
        const mpz_class det = determinant(m);
        const mpz_class modulus = static_cast<unsigned long>(modulus_);
        mpz_gcd(divisor.get_mpz_t(), det.get_mpz_t(), modulus.get_mpz_t());
        if (divisor != 1) continue;
      }
      matrices.push_back(std::move(m));
    }
    return matrices;
  }

  /// Random matrices with P[0][0] = 0: all uniform but one at a uniform
  /// position k, drawn uniformly among the matrices M with a^T M b = 0,
  /// where a is row 0 of the product before k and b column 0 after it
  /// (M = 0 always qualifies).
  std::vector<Matrix> zero_corner(std::size_t count, SplitMix64& random) const {
    std::vector<Matrix> matrices = random_matrices(count, random);
    const std::size_t position = random.below(count);
    const Matrix before = product_of(matrices, 0, position);
    const Matrix after = product_of(matrices, position + 1, count);
    std::vector<const Matrix*> solutions;
    for (const Matrix& m : all_sign_matrices()) {
      mpz_class corner = 0;
      for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j)
          corner += before[i] * m[3 * i + j] * after[3 * j];
      if (corner == 0) solutions.push_back(&m);
    }
    matrices[position] = *solutions[random.below(solutions.size())];
    return matrices;
  }

  io::Instance make_instance(const std::vector<Matrix>& matrices) const {
    io::Instance instance;
    for (const Matrix& m : matrices) {
      if (symbols_) {
        for (const mpz_class& entry : m)
          instance.tokens.emplace_back(entry < 0 ? "-" : entry > 0 ? "+" : "0");
        continue;
      }
      std::vector<mpq_class> step;
      for (const mpz_class& entry : m)
        step.emplace_back(entry);
      instance.vectors.push_back(std::move(step));
    }
    const Matrix p = product_of(matrices, 0, matrices.size());
    instance.label = {label_of(p)};
    nlohmann::ordered_json meta;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < 3; ++i)
      rows.push_back({p[3 * i].get_str(), p[3 * i + 1].get_str(), p[3 * i + 2].get_str()});
    meta["product"] = rows;
    if (variant_ == Variant::modular) meta["modulus"] = modulus_;
    instance.meta = meta.dump();
    return instance;
  }

  Variant variant_;
  std::size_t modulus_;
  bool symbols_;
};

}  // namespace

std::unique_ptr<Task> make_imm_task(std::string_view variant, std::string_view parameter) {
  if (variant == "imm") return std::make_unique<ImmTask>(Variant::value, 0);
  if (variant == "imm-sign") return std::make_unique<ImmTask>(Variant::sign, 0);
  if (variant == "imm-zero") return std::make_unique<ImmTask>(Variant::zero, 0);
  if (variant == "imm-symbols") return std::make_unique<ImmTask>(Variant::value, 0, true);
  if (variant == "imm-sign-symbols") return std::make_unique<ImmTask>(Variant::sign, 0, true);
  return std::make_unique<ImmTask>(
      Variant::modular, parse_task_parameter(parameter, "imm-mod:M (the modulus M)", 2, 1 << 30));
}

}  // namespace rnncc::experiment::tasks
