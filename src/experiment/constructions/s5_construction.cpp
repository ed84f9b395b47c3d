// s5: the word problem of S5 (NC1-complete, Barrington 1989) as a one-layer
// permutation-diagonal linear RNN (the paper's Thm 7 and Thm 8: PD LRNNs
// are deterministic weighted automata), reading the `s5` task's symbols.
//
// The state holds the inverse of the running product acc: h_j = acc⁻¹(j),
// starting at the identity (0, 1, 2, 3, 4). Reading p makes acc p ∘ acc,
// so h' = h ∘ p⁻¹: the state moves by σ = p⁻¹, (A h)_j = h_{p⁻¹(j)}.
// The product is the identity iff h = (0, 1, 2, 3, 4), iff Σ_j (j − 2)·h_j
// = 10, its largest value over permutations (rearrangement inequality; the
// next largest is 9): accept iff Σ_j (j − 2)·h_j − 9 > 0. Every value of a
// run's state stays within 0..4 and its readout within −19..1.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "construction_support.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/model/families/permutation_diagonal.hpp"
#include "rnncc/model/families/wfa.hpp"

namespace rnncc::experiment::constructions {

namespace {

constexpr std::string_view pd = model::PermutationDiagonal::descriptor.name;
constexpr std::string_view wfa = model::Wfa::descriptor.name;

class S5Construction final : public Construction {
 public:
  std::string name() const override { return "s5"; }
  std::string summary() const override {
    return "the S5 word problem as a PD linear RNN, or as a WFA (Thm 7, 8; Barrington)";
  }
  std::vector<ConstructionParameter> parameters() const override {
    return {{"family", std::string(pd),
             fmt::format("{}, or {} (the same automaton as 0/1 matrices)", pd, wfa)},
            {"direction", "inverse",
             "inverse (σ = p⁻¹, correct) or forward (σ = p: the reversed product, a known trap)"},
            {"format", "exact", "the number format"}};
  }

  std::string build(const ConstructionRequest& request) const override {
    const std::string family = parameter_value(*this, request, "family");
    const std::string direction = parameter_value(*this, request, "direction");
    const std::string format = parameter_value(*this, request, "format");
    if (family != pd && family != wfa) {
      throw InputError(
          fmt::format("construction s5: family must be {} or {}, not '{}'", pd, wfa, family));
    }
    if (direction != "inverse" && direction != "forward") {
      throw InputError(fmt::format(
          "construction s5: direction must be inverse or forward, not '{}'", direction));
    }
    std::vector<std::array<int, 5>> permutations;
    std::array<int, 5> p{0, 1, 2, 3, 4};
    do {
      permutations.push_back(p);
    } while (std::next_permutation(p.begin(), p.end()));

    io::ModelFileWriter file;
    file.comment(
        "The S5 word problem (NC1-complete, Barrington 1989) as a one-layer\n"
        "permutation-diagonal linear RNN (the paper's Thm 7 and 8), reading the\n"
        "`rnncc task s5` symbols p0..p119 (pK: the K-th permutation of 01234 in\n"
        "lexicographic order; reading p updates acc[i] <- p[acc[i]]).\n"
        "The state is the inverse of the running product, h_j = acc^-1(j), from\n"
        "(0, 1, 2, 3, 4); reading p moves it by sigma = p^-1: (A h)_j = h_{p^-1(j)}.\n"
        "Accept iff sum_j (j - 2)*h_j - 9 > 0, i.e. h = (0, 1, 2, 3, 4): the identity\n"
        "(the sum is 10 there and at most 9 elsewhere). The state stays within 0..4\n"
        "and the readout within -19..1 at every length: bounded precision.\n"
        "Written by `rnncc construct s5`.");
    if (direction == "forward") {
      file.comment(
          "DELIBERATELY WRONG (direction = forward): sigma = p moves the state by the\n"
          "permutation itself, which tracks the product in reversed order.");
    }
    if (family == wfa) {
      file.comment(
          "As a weighted automaton: M_p^T is the 0/1 matrix of the same move\n"
          "(h_t = M_p^T h_{t-1}); rnncc recognises it as permutation-diagonal.");
    }
    file.text("family", family);
    file.text("format", format);
    file.integer("state", 5);
    file.table("input");
    std::vector<std::string> alphabet;
    for (std::size_t k = 0; k < permutations.size(); ++k)
      alphabet.push_back(fmt::format("p{}", k));
    file.texts("alphabet", alphabet);
    file.table("readout");
    file.text("kind", "accept");
    file.table("weights");
    // σ per symbol: σ(j) = p⁻¹(j) (inverse) or p(j) (forward).
    auto sigma = [&](const std::array<int, 5>& permutation) {
      std::array<int, 5> moved{};
      for (int j = 0; j < 5; ++j) {
        if (direction == "inverse") {
          moved[static_cast<std::size_t>(permutation[static_cast<std::size_t>(j)])] = j;
        } else {
          moved[static_cast<std::size_t>(j)] = permutation[static_cast<std::size_t>(j)];
        }
      }
      return moved;
    };
    if (family == pd) {
      io::TensorText table{{permutations.size(), 5}, {}};
      for (const std::array<int, 5>& permutation : permutations)
        for (int entry : sigma(permutation))
          table.values.emplace_back(entry);
      file.tensor("permutation", table);
    } else {
      // M_p[σ(j)][j] = 1, so (M_p^T h)_j = h_{σ(j)}.
      io::TensorText matrices{{permutations.size(), 5, 5}, {}};
      matrices.values.assign(permutations.size() * 25, mpq_class(0));
      for (std::size_t k = 0; k < permutations.size(); ++k) {
        const std::array<int, 5> moved = sigma(permutations[k]);
        for (std::size_t j = 0; j < 5; ++j)
          matrices.values[k * 25 + static_cast<std::size_t>(moved[j]) * 5 + j] = 1;
      }
      file.tensor("M", matrices);
    }
    file.tensor("initial", io::TensorText{{5}, {0, 1, 2, 3, 4}});
    file.tensor(family == wfa ? "final" : "readout", io::TensorText{{5}, {-2, -1, 0, 1, 2}});
    file.tensor("readout_bias", io::TensorText{{}, {-9}});
    return file.contents();
  }
};

}  // namespace

std::unique_ptr<Construction> make_s5_construction() {
  return std::make_unique<S5Construction>();
}

}  // namespace rnncc::experiment::constructions
