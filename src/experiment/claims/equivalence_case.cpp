// Case kind `equivalence`: the circuits of parallel schedules proven equal
// to the sequential circuit by the SAT miter (verify::check_equivalence) at
// each listed length — scan ≡ sequential for those T, not for every T.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>

#include "case_kind.hpp"
#include "model_source.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/verify/equivalence.hpp"

namespace rnncc::experiment::claims {

namespace {

constexpr std::string_view keys[] = {"model",           "construction", "parameters", "file",
                                     "format",          "schedules",    "lengths",    "all_outputs",
                                     "timeout_seconds", "equivalent",   "lowering"};

class EquivalenceCase final : public PreparedCase {
 public:
  explicit EquivalenceCase(const CaseTable& table) : source_(ModelSource::read(table)) {
    for (const std::string& text :
         table.texts("schedules").value_or(std::vector<std::string>{"scan"})) {
      try {
        schedules_.push_back(compile::parse_schedule(text));
      } catch (const InputError& error) {
        table.fail("schedules", error.what());
      }
    }
    std::optional<std::vector<std::uint64_t>> lengths = table.lengths("lengths", 4096);
    if (!lengths) table.fail_at(nullptr, "missing key 'lengths' (small T, e.g. [1, 2, 3, 4])");
    lengths_ = *lengths;
    all_outputs_ = table.boolean("all_outputs").value_or(false);
    timeout_ = table.number("timeout_seconds").value_or(120);
    equivalent_ = table.boolean("equivalent").value_or(true);
    lowering_ = exact_lowering(table);
  }

  report::CaseResult run(const ProveOptions& options,
                         const std::filesystem::path& scratch) const override {
    const model::Model model = source_.load(scratch);
    report::CaseResult result;
    std::vector<std::string> schedule_names;
    for (const compile::Schedule& schedule : schedules_)
      schedule_names.push_back(compile::to_string(schedule));
    const bool residues = lowering_ == arith::ExactLowering::residue;
    result.subject = fmt::format(
        "{}: {}{} against sequential{}", source_.describe(), fmt::join(schedule_names, ", "),
        residues ? " in residues (rns)" : "", residues ? " in binary" : "");
    result.role = report::FigureRole::equivalence;
    bool all_equal = true, all_decided = true;
    for (std::uint64_t length : lengths_) {
      compile::CompileOptions compile_options;
      compile_options.length = length;
      compile_options.all_outputs = all_outputs_;
      const compile::CompiledModel sequential = compile::compile(model, compile_options);
      for (const compile::Schedule& schedule : schedules_) {
        compile_options.schedule = schedule;
        compile_options.exact_lowering = lowering_;
        const compile::CompiledModel parallel = compile::compile(model, compile_options);
        verify::EquivalenceOptions check;
        check.threads = options.threads;
        check.timeout_seconds = timeout_;
        check.first_name = "sequential";
        check.second_name = compile::to_string(schedule);
        const auto start = std::chrono::steady_clock::now();
        const verify::EquivalenceResult equivalence =
            verify::check_equivalence(sequential.lowered.aig, parallel.lowered.aig, check);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::string verdict;
        if (!equivalence.decided) {
          all_decided = false;
          verdict = fmt::format("undecided ({} output pairs open after {:g} s)",
                                equivalence.undecided_outputs.size(), timeout_);
        } else if (equivalence.equivalent) {
          verdict = fmt::format("equivalent (by {})", verify::name_of(equivalence.method));
        } else {
          all_equal = false;
          std::string bits;
          for (bool bit : equivalence.counterexample)
            bits += bit ? '1' : '0';
          verdict = fmt::format("different: output {} is {} sequentially, {} under {} on inputs {}",
                                sequential.lowered.aig.output_name(equivalence.differing_output),
                                equivalence.first_value ? 1 : 0, equivalence.second_value ? 1 : 0,
                                compile::to_string(schedule), bits);
        }
        result.evidence.push_back(fmt::format("T = {}: {} {} ({} and {} ANDs, {:.2f} s)", length,
                                              compile::to_string(schedule), verdict,
                                              sequential.lowered.aig.and_count(),
                                              parallel.lowered.aig.and_count(), seconds));
      }
    }
    const std::string lengths = fmt::format("T ∈ {{{}}}", fmt::join(lengths_, ", "));
    result.measured = !all_decided ? "undecided"
                      : all_equal  ? "equivalent at " + lengths
                                   : "different at some T";
    result.expected = equivalent_ ? "equivalent at " + lengths : "different at some T";
    result.holds = all_decided && (all_equal == equivalent_);
    result.summary = fmt::format("{} ≡ sequential proven by SAT at {}",
                                 fmt::join(schedule_names, ", "), lengths);
    if (!result.holds) result.summary = "scan ≢ sequential: " + result.measured;
    return result;
  }

 private:
  ModelSource source_;
  std::vector<compile::Schedule> schedules_;
  std::vector<std::uint64_t> lengths_;
  bool all_outputs_ = false;
  double timeout_ = 120;
  bool equivalent_ = true;
  arith::ExactLowering lowering_ = arith::ExactLowering::binary;
};

std::unique_ptr<PreparedCase> prepare(const CaseTable& table) {
  return std::make_unique<EquivalenceCase>(table);
}

}  // namespace

extern const CaseKind equivalence_case_kind{
    "equivalence",
    "the circuits of parallel schedules proven equal to the sequential circuit by the SAT miter "
    "at each listed length",
    keys, prepare};

}  // namespace rnncc::experiment::claims
