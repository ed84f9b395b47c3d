// imm-dense: the iterated product of 3 × 3 matrices as a one-layer dense
// linear RNN reading the `imm` task's vectors (9 entries per step,
// row-major M_t). The row vector r_t = r_{t-1} M_t from r_0 = e_0 gives
// P[0][0] = r_n[0]; as a column state, h_t = M_tᵀ h_{t-1}: A(x)[i][k] =
// x[3k + i]. Exact values grow linearly in n (poly precision, the PNC1
// column); `rnncc task imm-sign` asks whether P[0][0] > 0.
#include <fmt/format.h>

#include "construction_support.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/model/families/dense.hpp"

namespace rnncc::experiment::constructions {

namespace {

class ImmDenseConstruction final : public Construction {
 public:
  std::string name() const override { return "imm-dense"; }
  std::string summary() const override {
    return "iterated 3x3 products as a dense linear RNN: P[0][0], its sign, or mod M (Prop 3)";
  }
  std::vector<ConstructionParameter> parameters() const override {
    return {{"readout", "value",
             "value (P[0][0], task imm), sign (accept iff P[0][0] > 0, task imm-sign) or mod:M "
             "(P[0][0] mod M in modp:M, task imm-mod:M)"},
            {"format", "exact", "the number format (value and sign)"}};
  }

  std::string build(const ConstructionRequest& request) const override {
    const std::string readout = parameter_value(*this, request, "readout");
    std::string format = parameter_value(*this, request, "format");
    bool accept = false;
    if (readout == "sign") {
      accept = true;
    } else if (readout.rfind("mod:", 0) == 0) {
      format = "modp:" + readout.substr(4);
    } else if (readout != "value") {
      throw InputError(fmt::format(
          "construction imm-dense: readout must be value, sign or mod:M, not '{}'", readout));
    }
    io::ModelFileWriter file;
    file.comment(
        "The iterated product of 3x3 matrices over {-1, 0, 1} (GapNC1-complete;\n"
        "\"P[0][0] > 0\" is PNC1-complete: the paper's Prop 3) as a one-layer dense\n"
        "linear RNN reading `rnncc task imm` vectors: 9 entries per step, M_t\n"
        "row-major. The row vector r_t = r_{t-1} M_t from r_0 = e_0 ends at row 0\n"
        "of P = M_1 ... M_n; as a column state h_t = M_t^T h_{t-1}, so\n"
        "A(x)[i][k] = x[3k + i]. Its values grow linearly in n.\n"
        "Written by `rnncc construct imm-dense`.");
    file.text("family", model::Dense::descriptor.name);
    file.text("format", format);
    file.integer("state", 3);
    file.table("input");
    file.integer("dimension", 9);
    file.integers("range", {-1, 1});
    file.table("readout");
    file.text("kind", accept ? "accept" : "linear");
    file.table("weights");
    io::TensorText weight = zeros({3, 3, 9});
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t k = 0; k < 3; ++k)
        weight.values[(i * 3 + k) * 9 + 3 * k + i] = 1;
    file.tensor("A.weight", weight);
    file.tensor("b.weight", zeros({3, 9}));
    file.tensor("initial", io::TensorText{{3}, {1, 0, 0}});
    if (accept) {
      file.tensor("readout", io::TensorText{{3}, {1, 0, 0}});
    } else {
      file.tensor("readout", io::TensorText{{1, 3}, {1, 0, 0}});
    }
    return file.contents();
  }
};

}  // namespace

std::unique_ptr<Construction> make_imm_dense_construction() {
  return std::make_unique<ImmDenseConstruction>();
}

}  // namespace rnncc::experiment::constructions
