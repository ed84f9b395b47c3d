// transvection: the paper's Lemma 10, a unit transvection from three
// multiplicative DeltaNet steps H(β, k) = I − β k kᵀ:
//   H(2, e_s + e_d) · H(1/2, e_s) · H(1/3, e_s + 2 e_d) = I + e_s e_dᵀ
// (s the source, d the destination; checked exactly, it holds as printed).
//
// The model reads three symbols, one per factor: 'a' = H(2, e_s + e_d),
// 'b' = H(1/2, e_s), 'c' = H(1/3, e_s + 2 e_d), each with v = 0 (no write).
// The paper's DeltaNet multiplies its state on the right,
// S_t = S_{t-1} H_t, so reading "abc" applies S ← S (I + e_s e_dᵀ): column
// d receives column s. rnncc's DeltaNet state is the transpose (key ×
// value, S_t = H_t S_{t-1}), and since every H is symmetric, reading "abc"
// multiplies it on the left by H_c H_b H_a = (I + e_s e_dᵀ)ᵀ =
// I + e_d e_sᵀ: row d receives row s, the same update. Reading "cba"
// instead composes to I + e_s e_dᵀ itself in rnncc's orientation.
//
// The state is n × n and starts at the identity, so the state after a word
// is the composed map of its steps, which the default state readout
// prints.
#include <fmt/format.h>

#include <charconv>

#include "construction_support.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/model/families/delta_rule.hpp"

namespace rnncc::experiment::constructions {

namespace {

constexpr std::size_t largest_dimension = 256;

std::size_t index_parameter(std::string_view text, std::string_view name, std::size_t low,
                            std::size_t high) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    throw InputError(
        fmt::format("construction transvection: {} must be an integer from {} to {}, not '{}'",
                    name, low, high, text));
  }
  return value;
}

class TransvectionConstruction final : public Construction {
 public:
  std::string name() const override { return "transvection"; }
  std::string summary() const override {
    return "I + e_s e_d^T from three DeltaNet steps, beta = 2, 1/2, 1/3 (Lemma 10)";
  }
  std::vector<ConstructionParameter> parameters() const override {
    return {{"dimension", "3", "n, the key and value dimension (2 to 256)"},
            {"source", "0", "s, the coordinate added (0 to n - 1)"},
            {"destination", "1", "d, the coordinate it is added to (0 to n - 1, not s)"},
            {"format", "exact", "the number format (it must hold 1/2 and 1/3)"}};
  }

  std::string build(const ConstructionRequest& request) const override {
    const std::size_t n = index_parameter(parameter_value(*this, request, "dimension"), "dimension",
                                          2, largest_dimension);
    const std::size_t s =
        index_parameter(parameter_value(*this, request, "source"), "source", 0, n - 1);
    const std::size_t d =
        index_parameter(parameter_value(*this, request, "destination"), "destination", 0, n - 1);
    const std::string format = parameter_value(*this, request, "format");
    if (s == d) {
      throw InputError(fmt::format(
          "construction transvection: source and destination must differ (both are {})", s));
    }
    io::ModelFileWriter file;
    file.comment(fmt::format(
        "The paper's Lemma 10: the unit transvection I + e_s e_d^T (s = {}, d = {}, in\n"
        "dimension {}) as three multiplicative DeltaNet steps H(beta, k) = I - beta k k^T:\n"
        "  H(2, e_s + e_d) H(1/2, e_s) H(1/3, e_s + 2 e_d) = I + e_s e_d^T.\n"
        "Symbol 'a' is H(2, e_s + e_d), 'b' is H(1/2, e_s), 'c' is H(1/3, e_s + 2 e_d);\n"
        "v = 0 (nothing is written). The paper's state is multiplied on the right\n"
        "(S <- S H), so reading \"abc\" applies S <- S (I + e_s e_d^T): d += s. This\n"
        "state (key x value) is its transpose, S <- H S, and reading \"abc\" multiplies\n"
        "it by H_c H_b H_a = I + e_d e_s^T: row d receives row s, the same update\n"
        "(\"cba\" composes to I + e_s e_d^T in this orientation). The state starts at\n"
        "the identity, so the state readout after a word is the word's composed map.\n"
        "Each factor needs 1/2 and 1/3 in the format: exact, or modp:P with P > 3.\n"
        "Written by `rnncc construct transvection`.",
        s, d, n));
    file.text("family", model::DeltaRule<false>::descriptor.name);
    file.text("format", format);
    file.integer("key", static_cast<long>(n));
    file.integer("value", static_cast<long>(n));
    file.table("input");
    file.text("alphabet", "abc");
    file.table("weights");
    io::TensorText keys = zeros({3, n});
    keys.values[0 * n + s] = 1;  // a: e_s + e_d
    keys.values[0 * n + d] = 1;
    keys.values[1 * n + s] = 1;  // b: e_s
    keys.values[2 * n + s] = 1;  // c: e_s + 2 e_d
    keys.values[2 * n + d] = 2;
    file.tensor("k", keys);
    file.tensor("v", zeros({3, n}));
    file.tensor("beta", io::TensorText{{3}, {2, mpq_class(1, 2), mpq_class(1, 3)}});
    io::TensorText identity = zeros({n, n});
    for (std::size_t i = 0; i < n; ++i)
      identity.values[i * n + i] = 1;
    file.tensor("initial", identity);
    return file.contents();
  }
};

}  // namespace

std::unique_ptr<Construction> make_transvection_construction() {
  return std::make_unique<TransvectionConstruction>();
}

}  // namespace rnncc::experiment::constructions
