// parity: the TC0 column's example, a linear RNN whose transition on '1'
// has the eigenvalue −1, deciding the `parity` task (alphabet "01", label 1
// iff the number of 1s is odd).
//
// family = diagonal: one state value h, the parity bit itself. Reading '0'
// keeps it (a = 1, b = 0); reading '1' maps h to 1 − h (a = −1, b = 1),
// which swaps 0 and 1. Accept iff h > 0.
//
// family = deltanet: the key-2, value-1 state S reflects in the line
// orthogonal to a unit vector k, e_0 (key = axis) or (3/5, 4/5) (key =
// oblique): reading '1' is the step with β = 2, S' = (I − 2kkᵀ)S + 2k·1,
// and I − 2kkᵀ has eigenvalues −1 (on k) and 1. From S = 0 it reaches 2k,
// and from 2k it returns to −2k + 2k = 0. Reading '0' is the step with
// β = 0 (the identity). Accept iff kᵀS > 0: kᵀS is 0 (even) or 2kᵀk = 2
// (odd). With β in (0, 1] the
// eigenvalue 1 − β·kᵀk would stay non-negative and parity would be out of
// reach; β = 2 is the end of the range (0, 2] the paper notes for negative
// eigenvalues.
//
// Either way the state takes two values at every length: bounded precision.
#include <fmt/format.h>

#include "construction_support.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/model/families/delta_rule.hpp"
#include "rnncc/model/families/diagonal.hpp"

namespace rnncc::experiment::constructions {

namespace {

constexpr std::string_view diagonal = model::Diagonal::descriptor.name;
constexpr std::string_view deltanet = model::DeltaRule<false>::descriptor.name;

class ParityConstruction final : public Construction {
 public:
  std::string name() const override { return "parity"; }
  std::string summary() const override {
    return "parity by a negative eigenvalue: a diagonal or a DeltaNet (beta = 2) linear RNN (TC0)";
  }
  std::vector<ConstructionParameter> parameters() const override {
    return {{"family", std::string(diagonal),
             fmt::format("{} (a = -1 on '1') or {} (beta = 2 on '1', k a unit vector)", diagonal,
                         deltanet)},
            {"key", "axis",
             "deltanet's unit key: axis (k = e_0, any format) or oblique (k = (3/5, 4/5): exact, "
             "modp)"},
            {"format", "exact", "the number format"}};
  }

  std::string build(const ConstructionRequest& request) const override {
    const std::string family = parameter_value(*this, request, "family");
    const std::string key = parameter_value(*this, request, "key");
    const std::string format = parameter_value(*this, request, "format");
    if (family != diagonal && family != deltanet) {
      throw InputError(fmt::format("construction parity: family must be {} or {}, not '{}'",
                                   diagonal, deltanet, family));
    }
    if (key != "axis" && key != "oblique") {
      throw InputError(
          fmt::format("construction parity: key must be axis or oblique, not '{}'", key));
    }
    io::ModelFileWriter file;
    if (family == diagonal) {
      file.comment(
          "Parity (the TC0 column's example) as a diagonal linear RNN with a negative\n"
          "eigenvalue, reading `rnncc task parity` words over \"01\" (label 1 iff the\n"
          "number of 1s is odd). The one state value is the parity bit: '0' keeps it\n"
          "(a = 1, b = 0), '1' maps h to 1 - h (a = -1, b = 1), swapping 0 and 1.\n"
          "Accept iff h > 0. The state is 0 or 1 at every length: bounded precision\n"
          "(any format holding 1: exact, mod:W with W >= 2, modp:P).\n"
          "Written by `rnncc construct parity`.");
      file.text("family", diagonal);
      file.text("format", format);
      file.integer("state", 1);
      file.table("input");
      file.text("alphabet", "01");
      file.table("readout");
      file.text("kind", "accept");
      file.table("weights");
      file.tensor("a", io::TensorText{{2, 1}, {1, -1}});
      file.tensor("b", io::TensorText{{2, 1}, {0, 1}});
      file.tensor("initial", io::TensorText{{1}, {0}});
      file.tensor("readout", io::TensorText{{1}, {1}});
      return file.contents();
    }
    const bool oblique = key == "oblique";
    const mpq_class k0 = oblique ? mpq_class(3, 5) : mpq_class(1);
    const mpq_class k1 = oblique ? mpq_class(4, 5) : mpq_class(0);
    file.comment(
        "Parity (the TC0 column's example) as a DeltaNet whose step on '1' has the\n"
        "eigenvalue -1: beta = 2 with a unit key k, so I - 2kk^T reflects in the line\n"
        "orthogonal to k (eigenvalues -1 and 1; the paper notes beta must reach\n"
        "beyond 1, within (0, 2], for a negative eigenvalue). It reads\n"
        "`rnncc task parity` words over \"01\" (label 1 iff the number of 1s is odd).\n"
        "'1': S' = (I - 2kk^T) S + 2k*1 takes S = 0 to 2k and 2k to -2k + 2k = 0.\n"
        "'0': beta = 0, the identity. Accept iff k^T S > 0: k^T S is 0 (even) or\n"
        "2 k^T k = 2 (odd). The state takes two values at every length: bounded\n"
        "precision.");
    if (oblique) {
      file.comment(
          "k = (3/5, 4/5): I - 2kk^T = [[7/25, -24/25], [-24/25, -7/25]]. Formats: exact,\n"
          "or modp:P with P not 2 or 5 (3/5 must be a member).\n"
          "Written by `rnncc construct parity --param family=deltanet --param key=oblique`.");
    } else {
      file.comment(
          "k = e_0: I - 2kk^T = diag(-1, 1). Formats: exact, mod:W with W >= 3 (the\n"
          "score 2 must be positive), modp:P with P > 2.\n"
          "Written by `rnncc construct parity --param family=deltanet`.");
    }
    file.text("family", deltanet);
    file.text("format", format);
    file.integer("key", 2);
    file.integer("value", 1);
    file.table("input");
    file.text("alphabet", "01");
    file.table("readout");
    file.text("kind", "accept");
    file.table("weights");
    file.tensor("k", io::TensorText{{2, 2}, {k0, k1, k0, k1}});
    file.tensor("v", io::TensorText{{2, 1}, {0, 1}});
    file.tensor("beta", io::TensorText{{2}, {0, 2}});
    file.tensor("initial", io::TensorText{{2, 1}, {0, 0}});
    file.tensor("readout", io::TensorText{{2}, {k0, k1}});
    return file.contents();
  }
};

}  // namespace

std::unique_ptr<Construction> make_parity_construction() {
  return std::make_unique<ParityConstruction>();
}

}  // namespace rnncc::experiment::constructions
