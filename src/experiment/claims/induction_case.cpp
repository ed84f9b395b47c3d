// Case kind `induction`: scan ≡ sequential for every T, by the compositional
// proof of verify::prove_scan_by_induction — SAT checks on one symbolic step
// and on symbolic maps (their cost does not depend on T) and a structural
// check of every prefix network up to a length.
#include <fmt/format.h>

#include "case_kind.hpp"
#include "model_source.hpp"
#include "rnncc/verify/induction.hpp"

namespace rnncc::experiment::claims {

namespace {

constexpr std::string_view keys[] = {"model",  "construction",   "parameters",      "file",
                                     "format", "largest_length", "timeout_seconds", "proved"};

class InductionCase final : public PreparedCase {
 public:
  explicit InductionCase(const CaseTable& table) : source_(ModelSource::read(table)) {
    largest_length_ =
        static_cast<std::size_t>(table.integer("largest_length", 1, 1 << 16).value_or(1024));
    timeout_ = table.number("timeout_seconds").value_or(120);
    if (timeout_ <= 0) table.fail("timeout_seconds", "expected a positive number of seconds");
    proved_ = table.boolean("proved").value_or(true);
  }

  report::CaseResult run(const ProveOptions&, const std::filesystem::path& scratch) const override {
    const model::Model model = source_.load(scratch);
    report::CaseResult result;
    result.subject = fmt::format("{}: scan against sequential for every T", source_.describe());
    result.role = report::FigureRole::equivalence;
    verify::InductionOptions options;
    options.largest_length = largest_length_;
    options.timeout_seconds = timeout_;
    const verify::InductionProof proof = verify::prove_scan_by_induction(model, options);
    bool undecided = false;
    std::size_t failed = 0;
    for (const verify::InductionCheck& check : proof.checks) {
      undecided = undecided || check.verdict == verify::InductionVerdict::undecided;
      failed += check.verdict == verify::InductionVerdict::fails ? 1 : 0;
      std::string line = fmt::format("{}{}: {} ({} ANDs, {} variables, {} clauses, {:.2f} s)",
                                     check.head.empty() ? "" : check.head + " ", check.name,
                                     verify::name_of(check.verdict), check.and_nodes,
                                     check.variables, check.clauses, check.seconds);
      if (!check.counterexample.empty()) line += "; counterexample: " + check.counterexample;
      result.evidence.push_back(std::move(line));
    }
    for (const verify::PrefixNetworkCheck& network : proof.networks) {
      failed += network.defect ? 1 : 0;
      result.evidence.push_back(
          fmt::format("prefix network {}: {} for every T ≤ {} ({} combines)", network.network,
                      network.defect ? "defect: " + *network.defect : std::string("valid"),
                      network.largest_length, network.combines));
    }
    const std::string proved_text =
        fmt::format("proved for every T ({} SAT checks, prefix networks up to T = {})",
                    proof.checks.size(), largest_length_);
    result.measured = undecided && failed == 0 ? "undecided"
                      : failed == 0            ? proved_text
                                               : fmt::format("{} checks fail", failed);
    result.expected = proved_ ? proved_text : "a failing check";
    result.holds = !undecided && (failed == 0) == proved_;
    result.summary =
        failed == 0 && !undecided
            ? fmt::format("scan ≡ sequential for every T in {}, by induction", proof.format)
            : "induction: " + result.measured;
    return result;
  }

 private:
  ModelSource source_;
  std::size_t largest_length_ = 1024;
  double timeout_ = 120;
  bool proved_ = true;
};

std::unique_ptr<PreparedCase> prepare(const CaseTable& table) {
  return std::make_unique<InductionCase>(table);
}

}  // namespace

extern const CaseKind induction_case_kind{
    "induction",
    "scan ≡ sequential for every T: SAT checks on a symbolic step and symbolic maps, and every "
    "prefix network checked up to a length",
    keys, prepare};

}  // namespace rnncc::experiment::claims
