// Scan ≡ sequential for every T by induction: the proof holds for every
// linear family in ring formats, refuses the formats and families it does
// not cover, and catches wrong composition rules and prefix networks with
// counterexamples that hand-written modular arithmetic confirms.
#include <doctest/doctest.h>

#include <gmpxx.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/verify/induction.hpp"
#include "rnncc/word/prefix.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;
using verify::CircuitMap;
using verify::InductionVerdict;

/// The signed representative of `value` modulo 2^width (mod:W's members).
mpz_class wrap(const mpz_class& value, unsigned width) {
  const mpz_class modulus = mpz_class(1) << width;
  mpz_class reduced = value % modulus;
  if (reduced < 0) reduced += modulus;
  if (reduced >= modulus / 2) reduced -= modulus;
  return reduced;
}

/// The counterexample's inputs by name, as integers.
std::map<std::string, mpz_class> by_name(const verify::InductionCheck& check) {
  std::map<std::string, mpz_class> values;
  for (const auto& [name, value] : check.counterexample_inputs) {
    REQUIRE(value.get_den() == 1);
    values[name] = value.get_num();
  }
  return values;
}

/// A permutation-diagonal map read from a counterexample: (A h)_i = a_i h_σ(i) + b_i.
struct HandMap {
  std::vector<mpz_class> diagonal;
  std::vector<std::size_t> sigma;
  std::vector<mpz_class> offset;
};

HandMap hand_map(const std::map<std::string, mpz_class>& values, const std::string& name,
                 std::size_t d) {
  HandMap map;
  for (std::size_t i = 0; i < d; ++i) {
    map.diagonal.push_back(values.at(name + ".diagonal[" + std::to_string(i) + "]"));
    map.offset.push_back(values.at(name + ".offset[" + std::to_string(i) + "]"));
    std::size_t chosen = d;
    for (std::size_t k = 0; k < d; ++k) {
      if (values.at(name + ".one_hot[" + std::to_string(i * d + k) + "]") != 0) {
        REQUIRE(chosen == d);  // the precondition: exactly one flag per row
        chosen = k;
      }
    }
    REQUIRE(chosen < d);
    map.sigma.push_back(chosen);
  }
  return map;
}

std::vector<mpz_class> hand_apply(const HandMap& map, const std::vector<mpz_class>& state,
                                  unsigned width) {
  std::vector<mpz_class> result;
  for (std::size_t i = 0; i < state.size(); ++i)
    result.push_back(wrap(map.diagonal[i] * state[map.sigma[i]] + map.offset[i], width));
  return result;
}

verify::InductionProof prove(const std::string& name, const std::string& format,
                             verify::CompositionRule rule = {}) {
  verify::InductionOptions options;
  options.largest_length = 64;
  options.composition = std::move(rule);
  return verify::prove_scan_by_induction(test::load_example_model(name, format), options);
}

/// circuits/models/dplr.toml with its weights drawn from [-1, 1] instead
/// of [-2, 2], so that they fit in mod:2.
model::Model small_dplr(const std::string& format) {
  const std::string text = "family = \"dplr\"\nformat = \"" + format +
                           "\"\nstate = 2\n[input]\nalphabet = \"ab\"\n[random]\nseed = 17\n"
                           "low = -1\nhigh = 1\ndenominator = 1\n";
  return test::read_model_text(text, "dplr_small.toml");
}

std::size_t checks_named(const verify::InductionProof& proof, const std::string& prefix) {
  std::size_t count = 0;
  for (const verify::InductionCheck& check : proof.checks)
    if (check.name.rfind(prefix, 0) == 0) ++count;
  return count;
}

}  // namespace

TEST_CASE("the induction proof holds for the linear families in small ring formats") {
  // Representations a scan reaches: diagonal and pd stay in theirs (1
  // compose-apply, 1 associativity check); dense and wfa stay dense; the
  // low-rank families reach low-rank and dense (4 and 8). SAT on multiplier
  // identities grows hard with the width, so the widths are the smallest
  // the example weights fit in (dplr's drawn from [-1, 1] to fit mod:2).
  struct Case {
    std::string name, format;
    std::size_t compose_apply, associativity;
  };
  const std::vector<Case> cases{{"diagonal", "mod:4", 1, 1}, {"diagonal", "modp:5", 1, 1},
                                {"pd", "mod:3", 1, 1},       {"pd", "modp:3", 1, 1},
                                {"dense", "mod:2", 1, 1},    {"wfa", "mod:2", 1, 1},
                                {"dplr", "mod:2", 4, 8}};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CAPTURE(c.format);
    verify::InductionOptions options;
    options.largest_length = 64;
    const verify::InductionProof proof = verify::prove_scan_by_induction(
        c.name == "dplr" ? small_dplr(c.format) : test::load_example_model(c.name, c.format),
        options);
    for (const verify::InductionCheck& check : proof.checks) {
      CAPTURE(check.name);
      CHECK(check.verdict == InductionVerdict::holds);
      CHECK(check.counterexample.empty());
      CHECK(check.word_pairs > 0);
    }
    CHECK(checks_named(proof, "step") == 1);
    CHECK(checks_named(proof, "compose-apply") == c.compose_apply);
    CHECK(checks_named(proof, "associativity") == c.associativity);
    CHECK(proof.networks.size() == 6);
    CHECK(proof.holds());
  }
}

TEST_CASE("rounding and exact formats and nonlinear families are excluded with a reason") {
  const model::Model fixed = test::load_example_model("diagonal", "fixed:8.4");
  REQUIRE(verify::induction_exclusion(fixed).has_value());
  CHECK(verify::induction_exclusion(fixed)->find("not associative") != std::string::npos);
  CHECK_THROWS_AS(verify::prove_scan_by_induction(fixed), InputError);
  const model::Model exact = test::load_example_model("diagonal", "exact");
  REQUIRE(verify::induction_exclusion(exact).has_value());
  CHECK(verify::induction_exclusion(exact)->find("grow with T") != std::string::npos);
  const model::Model relu = test::load_example_model("relu_rnn", "mod:4");
  REQUIRE(verify::induction_exclusion(relu).has_value());
  CHECK(verify::induction_exclusion(relu)->find("nonlinear") != std::string::npos);
  CHECK(!verify::induction_exclusion(test::load_example_model("pd", "mod:4")).has_value());
}

TEST_CASE("a composition with its operands swapped is caught, and its counterexample is real") {
  // PD maps do not commute, so compose(E, L) applies L first: wrong.
  const unsigned width = 3;
  const verify::InductionProof proof =
      prove("pd", "mod:3",
            [](model::CircuitDomain& domain, const CircuitMap& later, const CircuitMap& earlier) {
              return model::compose(domain, earlier, later);
            });
  CHECK(!proof.holds());
  const verify::InductionCheck* failed = nullptr;
  for (const verify::InductionCheck& check : proof.checks)
    if (check.name.rfind("compose-apply", 0) == 0) failed = &check;
  REQUIRE(failed != nullptr);
  REQUIRE(failed->verdict == InductionVerdict::fails);
  CHECK(!failed->counterexample.empty());
  // Recompute both sides by hand: the mutated map applied is E(L(h)), the
  // two maps in turn L(E(h)); they must differ where the proof says.
  const std::map<std::string, mpz_class> values = by_name(*failed);
  const std::size_t d = 3;
  const HandMap later = hand_map(values, "L", d);
  const HandMap earlier = hand_map(values, "E", d);
  std::vector<mpz_class> state;
  for (std::size_t i = 0; i < d; ++i)
    state.push_back(values.at("h[" + std::to_string(i) + "]"));
  const std::vector<mpz_class> mutated =
      hand_apply(earlier, hand_apply(later, state, width), width);
  const std::vector<mpz_class> in_turn =
      hand_apply(later, hand_apply(earlier, state, width), width);
  REQUIRE(failed->differing_word.rfind("state[", 0) == 0);
  const std::size_t index = std::stoul(failed->differing_word.substr(6));
  REQUIRE(index < d);
  CHECK(mpq_class(mutated[index]) == failed->left_value);
  CHECK(mpq_class(in_turn[index]) == failed->right_value);
  CHECK(mutated[index] != in_turn[index]);
}

TEST_CASE("a composition that drops a term fails exactly when exhaustive enumeration says so") {
  // Diagonal, one state value, mod:2: the maps h ↦ l·h + p (later) and
  // h ↦ e·h + q (earlier). Correct: (l·e, l·q + p). The mutation drops
  // l·q. Enumerating all 4^5 inputs by hand decides whether each rule
  // satisfies apply(compose(L, E), h) = L(E(h)); the proof must agree.
  const unsigned width = 2;
  auto differs = [&](bool drop) {
    for (int l = -2; l < 2; ++l)
      for (int p = -2; p < 2; ++p)
        for (int e = -2; e < 2; ++e)
          for (int q = -2; q < 2; ++q)
            for (int h = -2; h < 2; ++h) {
              const mpz_class in_turn = wrap(l * wrap(e * h + q, width) + p, width);
              const mpz_class offset = drop ? mpz_class(p) : wrap(l * q + p, width);
              const mpz_class composed = wrap(wrap(l * e, width) * h + offset, width);
              if (composed != in_turn) return true;
            }
    return false;
  };
  REQUIRE(!differs(false));
  REQUIRE(differs(true));
  const verify::CompositionRule dropped = [](model::CircuitDomain& domain, const CircuitMap& later,
                                             const CircuitMap& earlier) {
    CircuitMap composed = model::compose(domain, later, earlier);
    composed.offset = later.offset;  // drops A_later · b_earlier
    return composed;
  };
  CHECK(prove("diagonal", "mod:2").holds());
  const verify::InductionProof mutated = prove("diagonal", "mod:2", dropped);
  CHECK(!mutated.holds());
  bool caught = false;
  for (const verify::InductionCheck& check : mutated.checks) {
    if (check.name != "compose-apply diagonal∘diagonal") continue;
    REQUIRE(check.verdict == InductionVerdict::fails);
    const std::map<std::string, mpz_class> values = by_name(check);
    const mpz_class l = values.at("L.diagonal[0]"), p = values.at("L.offset[0]");
    const mpz_class e = values.at("E.diagonal[0]"), q = values.at("E.offset[0]");
    const mpz_class h = values.at("h[0]");
    CHECK(mpq_class(wrap(wrap(l * e, width) * h + p, width)) == check.left_value);
    CHECK(mpq_class(wrap(l * wrap(e * h + q, width) + p, width)) == check.right_value);
    CHECK(check.left_value != check.right_value);
    caught = true;
  }
  CHECK(caught);
}

TEST_CASE("every prefix network rnncc builds composes steps 1 .. t at output t") {
  // Ripple combines n - 1 times for n steps; over n = 1 .. N that is N(N-1)/2.
  const std::size_t largest = 300;
  for (word::PrefixArchitecture architecture :
       {word::PrefixArchitecture::ripple, word::PrefixArchitecture::sklansky,
        word::PrefixArchitecture::brent_kung, word::PrefixArchitecture::kogge_stone,
        word::PrefixArchitecture::ladner_fischer}) {
    const verify::PrefixNetworkCheck check = verify::check_inclusive_prefix(architecture, largest);
    CAPTURE(check.network);
    CHECK(!check.defect.has_value());
    if (architecture == word::PrefixArchitecture::ripple)
      CHECK(check.combines == largest * (largest - 1) / 2);
  }
  const verify::PrefixNetworkCheck tree = verify::check_balanced_reduce(largest);
  CHECK(!tree.defect.has_value());
  CHECK(tree.combines == largest * (largest - 1) / 2);  // n - 1 combines for n steps
}

TEST_CASE("wrong prefix networks are caught") {
  // Operands swapped: the lower range ends up first.
  auto swapped = [](const verify::StepRange& later, const verify::StepRange& earlier) {
    return verify::combine_ranges(earlier, later);
  };
  const std::vector<verify::StepRange> outputs =
      word::inclusive_prefix(verify::step_leaves(4), swapped, word::PrefixArchitecture::sklansky);
  REQUIRE(verify::inclusive_prefix_defect(outputs).has_value());
  CHECK(verify::inclusive_prefix_defect(outputs)->find("output 2 of 4") != std::string::npos);
  // A step left out: output 3 combines steps 1 .. 1 with step 3.
  std::vector<verify::StepRange> skipping = verify::step_leaves(3);
  skipping[1] = verify::combine_ranges(skipping[1], skipping[0]);
  skipping[2] = verify::combine_ranges(skipping[2], verify::step_leaves(1)[0]);
  REQUIRE(verify::inclusive_prefix_defect(skipping).has_value());
  CHECK(verify::inclusive_prefix_defect(skipping)->find("output 3 of 3") != std::string::npos);
  CHECK(!verify::inclusive_prefix_defect(verify::step_leaves(1)).has_value());
}
