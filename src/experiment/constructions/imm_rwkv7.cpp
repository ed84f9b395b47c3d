// imm: the iterated product of 3 × 3 matrices over {-1, 0, 1}, read as 9
// symbols per matrix from {-, 0, +} (row-major), by a 4-layer RWKV-7
// network (the paper's Thm 5, App. C.3): three router layers give the
// position t mod 18 and the entry's value at the row it multiplies; the
// fourth multiplies. The arithmetic head keeps Pᵀ in one half of a 6 × 3
// state and, as entry (k, j) of the next matrix arrives, adds its value
// times row k of that half to row j of the other half (one rank-one step,
// erasing row k after its last use). docs/constructions.md derives it.
#include <fmt/format.h>

#include "construction_support.hpp"
#include "rnncc/common/error.hpp"
#include "rwkv7_network.hpp"

namespace rnncc::experiment::constructions {

namespace {

// Residual stream: the entry's value, t mod 2, t mod 3, ⌊t/3⌋ mod 3, the
// one-hot of t mod 18, the value at the source row (6), the output.
constexpr std::size_t entry_value = 0;
constexpr std::size_t modulo_two = 1;
constexpr std::size_t modulo_three = 3;
constexpr std::size_t thirds = 6;
constexpr std::size_t position = 9;
constexpr std::size_t source_value = 27;
constexpr std::size_t output = 33;
constexpr std::size_t width = 34;
constexpr std::size_t period = 18;

/// Step t with t mod 18 = p reads entry (k, j) of its block's matrix; the
/// block's parity b says which half of the state holds the product so far.
struct Phase {
  std::size_t parity, row, column;
  std::size_t source() const { return 3 * parity + row; }
  std::size_t target() const { return 3 * (1 - parity) + column; }
};

Phase phase_of(std::size_t p) {
  const std::size_t slot = (p + period - 1) % period;  // (t − 1) mod 18
  const std::size_t offset = slot % 9;
  return {slot / 9, offset / 3, offset % 3};
}

class ImmRwkv7Construction final : public Construction {
 public:
  std::string name() const override { return "imm"; }
  std::string summary() const override {
    return "iterated 3x3 products read as 9 symbols -0+ per matrix: a 4-layer RWKV-7 network "
           "(Thm 5)";
  }
  std::vector<ConstructionParameter> parameters() const override {
    return {{"readout", "sign",
             "sign (accept iff P[0][0] > 0, task imm-sign-symbols) or value (P[0][0], task "
             "imm-symbols)"}};
  }

  std::string build(const ConstructionRequest& request) const override {
    const std::string readout = parameter_value(*this, request, "readout");
    if (readout != "sign" && readout != "value") {
      throw InputError(
          fmt::format("construction imm: readout must be sign or value, not '{}'", readout));
    }
    const bool accept = readout == "sign";
    io::ModelFileWriter file;
    file.comment(
        "The iterated product P = M_1 ... M_n of 3x3 matrices over {-1, 0, 1}\n"
        "(\"P[0][0] > 0\" is PNC1-complete: the paper's Prop 3) as a 4-layer RWKV-7\n"
        "network (Thm 5, App. C.3), reading `rnncc task imm-sign-symbols` words:\n"
        "each matrix as 9 symbols of -0+ (-1, 0, 1), row-major. Sublayers 0-2 are\n"
        "the router (t mod 18 and the value of the entry at the row it multiplies),\n"
        "sublayer 3 multiplies: its 6 x 3 state holds P^T in one half; entry (k, j)\n"
        "adds its value times row k of that half to row j of the other half.\n"
        "Its output after the last symbol is P[0][0]; values grow linearly in n.\n"
        "Written by `rnncc construct imm`; docs/constructions.md derives it.\n"
        "Residual stream (width 34): value 0, t mod 2 [1, 3), t mod 3 [3, 6),\n"
        "floor(t/3) mod 3 [6, 9), t mod 18 [9, 27), source-row value [27, 33),\n"
        "output 33.");
    file.text("family", "network");
    file.text("format", "exact");
    file.integer("width", static_cast<long>(width));
    file.table("input");
    file.text("alphabet", "-0+");
    file.table("readout");
    file.text("kind", accept ? "accept" : "linear");
    file.table("weights");
    io::TensorText embedding = zeros({3, width});
    embedding.values[0 * width + entry_value] = -1;
    embedding.values[2 * width + entry_value] = 1;
    file.tensor("embedding", embedding);
    io::TensorText readout_weights = accept ? zeros({width}) : zeros({1, width});
    readout_weights.values[output] = 1;
    file.tensor("readout", readout_weights);

    HeadsSublayer clocks;
    clocks.comment = "Sublayer 0 (router): one-hot t mod 2 and t mod 3.";
    clocks.heads.push_back(cyclic_position_head(2, width, std::nullopt));
    clocks.heads.push_back(cyclic_position_head(3, width, std::nullopt));
    clocks.output.assign(width * 5, mpq_class(0));
    for (std::size_t p = 0; p < 2; ++p)
      clocks.output[(modulo_two + p) * 5 + p] = 1;
    for (std::size_t p = 0; p < 3; ++p)
      clocks.output[(modulo_three + p) * 5 + 2 + p] = 1;

    HeadsSublayer carry;
    carry.comment =
        "Sublayer 1 (router): one-hot floor(t/3) mod 3, counting the steps with t mod 3 = 0.";
    carry.heads.push_back(cyclic_position_head(3, width, modulo_three + 0));
    carry.output.assign(width * 3, mpq_class(0));
    for (std::size_t p = 0; p < 3; ++p)
      carry.output[(thirds + p) * 3 + p] = 1;

    // t mod 18 = p iff t mod 2 = p mod 2, t mod 3 = p mod 3 and
    // ⌊t/3⌋ mod 3 = ⌊(p mod 9)/3⌋: an AND of three one-hot entries, and the
    // entry's value v ∈ {-1, 0, 1} gated by it, relu(v + AND) − relu(−v + AND).
    FeedForwardSublayer router;
    router.comment =
        "Sublayer 2 (router): one-hot t mod 18, and the entry's value at the source row.";
    router.hidden = 3 * period;
    router.up_weight.assign(router.hidden * width, mpq_class(0));
    router.up_bias.assign(router.hidden, mpq_class(0));
    router.down_weight.assign(width * router.hidden, mpq_class(0));
    for (std::size_t p = 0; p < period; ++p) {
      const Phase phase = phase_of(p);
      for (std::size_t part = 0; part < 3; ++part) {
        const std::size_t unit = 3 * p + part;
        mpq_class* up = &router.up_weight[unit * width];
        up[modulo_two + p % 2] = 1;
        up[modulo_three + p % 3] = 1;
        up[thirds + (p % 9) / 3] = 1;
        if (part == 0) {
          router.up_bias[unit] = -2;
          router.down_weight[(position + p) * router.hidden + unit] = 1;
        } else {
          up[entry_value] = part == 1 ? 1 : -1;
          router.up_bias[unit] = -3;
          router.down_weight[(source_value + phase.source()) * router.hidden + unit] =
              part == 1 ? 1 : -1;
        }
      }
    }

    // S ← (I + v e_target e_sourceᵀ − [last use] e_source e_sourceᵀ) S, as
    // κ = e_source + e_target, a = −g, w = 1 − g − [last use] e_source,
    // λ = 1, with g = v e_source: then a ⊙ κ = −v e_source.
    HeadsSublayer arithmetic;
    arithmetic.comment = "Sublayer 3: the multiplicative layer.";
    Rwkv7Head multiplier(6, 3, width);
    multiplier.w.fill_bias(1);
    multiplier.lambda.fill_bias(1);
    for (std::size_t i = 0; i < 6; ++i) {
      multiplier.a.add(i, source_value + i, -1);
      multiplier.w.add(i, source_value + i, -1);
    }
    for (std::size_t p = 0; p < period; ++p) {
      const Phase phase = phase_of(p);
      multiplier.kappa.add(phase.source(), position + p, 1);
      multiplier.kappa.add(phase.target(), position + p, 1);
      if (phase.column == 2) multiplier.w.add(phase.source(), position + p, -1);
      multiplier.query.add(3 * (1 - phase.parity), position + p, 1);
    }
    for (std::size_t k = 0; k < 3; ++k)
      multiplier.initial[k * 3 + k] = 1;
    arithmetic.heads.push_back(std::move(multiplier));
    arithmetic.output.assign(width * 3, mpq_class(0));
    arithmetic.output[output * 3 + 0] = 1;

    write_heads_sublayer(file, clocks, width);
    write_heads_sublayer(file, carry, width);
    write_feedforward_sublayer(file, router, width);
    write_heads_sublayer(file, arithmetic, width);
    return file.contents();
  }
};

}  // namespace

std::unique_ptr<Construction> make_imm_rwkv7_construction() {
  return std::make_unique<ImmRwkv7Construction>();
}

}  // namespace rnncc::experiment::constructions
