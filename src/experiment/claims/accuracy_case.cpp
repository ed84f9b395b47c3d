// Case kind `accuracy`: a model scored on generated task instances of the
// listed sizes, or on instances written in the claim file, by the
// interpreter, the compiled circuits or both; optionally the growth class
// of the precision the interpreter observes across the sizes.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "case_kind.hpp"
#include "growth_judgement.hpp"
#include "model_source.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/schedule.hpp"
#include "rnncc/experiment/score.hpp"
#include "rnncc/experiment/task.hpp"
#include "rnncc/model/number_text.hpp"

namespace rnncc::experiment::claims {

namespace {

constexpr std::string_view keys[] = {"model",    "construction",   "parameters", "file",
                                     "format",   "task",           "sizes",      "count",
                                     "seed",     "engine",         "schedule",   "instances",
                                     "accuracy", "accuracy_below", "precision",  "lowering"};

std::string instance_text(const io::Instance& instance) {
  std::string text;
  if (instance.has_vectors()) {
    std::vector<std::string> steps;
    for (const std::vector<mpq_class>& vector : instance.vectors) {
      std::vector<std::string> numbers;
      for (const mpq_class& value : vector)
        numbers.push_back(value.get_str());
      steps.push_back(fmt::format("[{}]", fmt::join(numbers, " ")));
    }
    text = fmt::format("{}", fmt::join(steps, " "));
  } else {
    const bool single = std::all_of(instance.tokens.begin(), instance.tokens.end(),
                                    [](const std::string& token) { return token.size() == 1; });
    text = fmt::format("{}", fmt::join(instance.tokens, single ? "" : " "));
  }
  if (text.size() > 120) text = text.substr(0, 117) + "...";
  return text;
}

/// The instances written in the claim file.
std::vector<io::Instance> written_instances(const CaseTable& table) {
  std::vector<io::Instance> instances;
  const toml::array* array = table.array("instances");
  for (const toml::node& node : *array) {
    if (!node.is_table()) table.fail_at(&node, "each element of 'instances' must be a table");
    const toml::table& entry = *node.as_table();
    io::Instance instance;
    instance.line = instances.size() + 1;  // its position: failures name it
    for (const auto& [key, value] : entry) {
      if (key.str() != "tokens" && key.str() != "vectors" && key.str() != "label")
        table.fail_at(&value, fmt::format("unknown key '{}' in an instance (expected tokens or "
                                          "vectors, and label)",
                                          key.str()));
    }
    if (const toml::node* tokens = entry.get("tokens")) {
      if (tokens->is_string()) {
        for (char symbol : tokens->as_string()->get())
          if (symbol != ' ') instance.tokens.emplace_back(1, symbol);
      } else if (tokens->is_array()) {
        for (const toml::node& token : *tokens->as_array()) {
          if (!token.is_string()) table.fail_at(&token, "tokens must be strings");
          instance.tokens.emplace_back(token.as_string()->get());
        }
      } else {
        table.fail_at(tokens, "'tokens' must be a string (one symbol per character) or an array");
      }
    }
    if (const toml::node* vectors = entry.get("vectors")) {
      if (!vectors->is_array()) table.fail_at(vectors, "'vectors' must be an array of arrays");
      for (const toml::node& step : *vectors->as_array()) {
        if (!step.is_array()) table.fail_at(&step, "'vectors' must be an array of arrays");
        std::vector<mpq_class> values;
        for (const toml::node& number : *step.as_array()) {
          if (number.is_integer()) {
            values.emplace_back(std::to_string(number.as_integer()->get()));
          } else if (std::optional<mpq_class> parsed =
                         number.is_string() ? model::parse_rational(number.as_string()->get())
                                            : std::nullopt) {
            values.push_back(*parsed);
          } else {
            table.fail_at(&number, "vector values must be integers or \"p/q\" strings");
          }
        }
        instance.vectors.push_back(std::move(values));
      }
    }
    if (instance.tokens.empty() == instance.vectors.empty())
      table.fail_at(&node, "an instance needs exactly one of 'tokens' and 'vectors', not empty");
    const toml::node* label = entry.get("label");
    if (label == nullptr || !label->is_integer())
      table.fail_at(&node, "an instance needs an integer 'label'");
    instance.label = {mpq_class(std::to_string(label->as_integer()->get()))};
    instances.push_back(std::move(instance));
  }
  if (instances.empty()) table.fail("instances", "'instances' must not be empty");
  return instances;
}

class AccuracyCase final : public PreparedCase {
 public:
  explicit AccuracyCase(const CaseTable& table) : source_(ModelSource::read(table)) {
    if (table.has("instances") == table.has("task"))
      table.fail_at(nullptr, "give exactly one of 'task' (with 'sizes') and 'instances'");
    if (table.has("instances")) {
      written_ = written_instances(table);
      for (const char* key : {"sizes", "count", "seed", "precision"})
        if (table.has(key)) table.fail(key, fmt::format("'{}' goes with 'task'", key));
    } else {
      task_name_ = table.required_text("task");
      try {
        task_ = make_task(task_name_);
      } catch (const InputError& error) {
        table.fail("task", error.what());
      }
      std::optional<std::vector<std::uint64_t>> sizes = table.lengths("sizes", 1u << 20);
      if (!sizes) table.fail_at(nullptr, "missing key 'sizes' (the task sizes to score)");
      sizes_ = *sizes;
      count_ = static_cast<std::size_t>(table.integer("count", 1, 1 << 20).value_or(32));
      seed_ = static_cast<std::uint64_t>(table.integer("seed", 0, INT64_MAX).value_or(1));
      precision_ = expected_growth(table, "precision");
      if (precision_ && sizes_.size() < 4)
        table.fail("precision", "a precision expectation needs at least 4 sizes, doubling");
    }
    try {
      options_.engine = parse_score_engine(table.text("engine").value_or("interpreter"));
      if (std::optional<std::string> schedule = table.text("schedule"))
        options_.compile.schedule = compile::parse_schedule(*schedule);
    } catch (const InputError& error) {
      table.fail(table.has("schedule") ? "schedule" : "engine", error.what());
    }
    options_.compile.exact_lowering = exact_lowering(table);
    if (table.has("accuracy") == table.has("accuracy_below"))
      table.fail_at(nullptr, "give exactly one of 'accuracy' (at least) and 'accuracy_below'");
    below_ = table.has("accuracy_below");
    bound_ = *table.number(below_ ? "accuracy_below" : "accuracy");
    if (bound_ < 0 || bound_ > 1)
      table.fail(below_ ? "accuracy_below" : "accuracy", "an accuracy lies in [0, 1]");
  }

  report::CaseResult run(const ProveOptions& options,
                         const std::filesystem::path& scratch) const override {
    const model::Model model = source_.load(scratch);
    ScoreOptions score_options = options_;
    score_options.threads = options.threads;
    score_options.cache_directory = options.cache_directory;
    report::CaseResult result;
    result.subject = source_.describe() + " on " +
                     (task_ ? fmt::format("task {} ({} instances per size)", task_name_, count_)
                            : fmt::format("{} written instance{}", written_.size(),
                                          written_.size() == 1 ? "" : "s"));
    std::size_t instances = 0, correct = 0;
    std::vector<report::Sample> precision_samples;
    std::vector<std::string> failures;
    auto score_set = [&](const std::vector<io::Instance>& set, const std::string& label) {
      const ScoreReport scored = score(model, set, label, score_options);
      instances += scored.instances;
      correct += scored.correct;
      for (const ScoreFailure& failure : scored.failures) {
        const io::Instance& instance = *std::find_if(
            set.begin(), set.end(),
            [&](const io::Instance& candidate) { return candidate.line == failure.line; });
        failures.push_back(fmt::format("{}: input {} expected {}, the model answers {}", label,
                                       instance_text(instance), failure.expected,
                                       failure.answered));
      }
      return scored;
    };
    if (task_) {
      for (std::uint64_t size : sizes_) {
        std::vector<io::Instance> set = task_->generate({size, count_, seed_, true});
        for (std::size_t i = 0; i < set.size(); ++i)
          set[i].line = i + 1;
        const ScoreReport scored = score_set(set, fmt::format("{} n = {}", task_name_, size));
        std::string bits;
        if (scored.observation) {
          precision_samples.push_back(
              {size, static_cast<long double>(scored.observation->widest_bits)});
          bits = fmt::format(", widest value {} bits", scored.observation->widest_bits);
        }
        result.evidence.push_back(fmt::format(
            "n = {}: {}/{} correct{}{}", size, scored.correct, scored.instances, bits,
            scored.circuit
                ? fmt::format(", circuit T = {} ({} ANDs, "
                              "depth {})",
                              scored.circuit->length, scored.circuit->ands, scored.circuit->depth)
                : ""));
      }
    } else {
      std::vector<io::Instance> set = written_;
      score_set(set, "instance");
    }
    for (std::size_t i = 0; i < failures.size() && i < 5; ++i)
      result.evidence.push_back("counterexample: " + failures[i]);
    const double accuracy =
        instances == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(instances);
    result.holds = below_ ? accuracy < bound_ : accuracy >= bound_;
    result.measured = fmt::format("accuracy {:.3f} ({}/{})", accuracy, correct, instances);
    result.expected =
        below_ ? fmt::format("accuracy < {:g}", bound_) : fmt::format("accuracy ≥ {:g}", bound_);
    result.role = below_ ? report::FigureRole::evidence : report::FigureRole::lower_bound;
    result.summary =
        fmt::format("{}: accuracy {:.3f}", task_ ? task_name_ : "written instances", accuracy);
    if (task_) result.summary += fmt::format(" (n ≤ {})", sizes_.back());
    if (precision_) {
      report::ClassificationTolerance tolerance;
      tolerance.noise = 0.5;
      const GrowthJudgement judgement = judge_growth(precision_samples, *precision_, tolerance);
      result.holds = result.holds && judgement.holds;
      result.measured += fmt::format(", precision {}", report::to_string(judgement.measured));
      result.expected += fmt::format(", precision {}", expectation_text(*precision_));
      result.evidence.push_back("observed precision (bits): " + judgement.evidence);
      result.summary += fmt::format(", precision {}", report::to_string(judgement.measured));
    }
    return result;
  }

 private:
  ModelSource source_;
  std::string task_name_;
  std::unique_ptr<Task> task_;
  std::vector<std::uint64_t> sizes_;
  std::size_t count_ = 32;
  std::uint64_t seed_ = 1;
  std::vector<io::Instance> written_;
  ScoreOptions options_;
  bool below_ = false;
  double bound_ = 1;
  std::optional<report::Expectation> precision_;
};

std::unique_ptr<PreparedCase> prepare(const CaseTable& table) {
  return std::make_unique<AccuracyCase>(table);
}

}  // namespace

extern const CaseKind accuracy_case_kind{
    "accuracy",
    "a model's accuracy on generated task instances of the listed sizes (or on written "
    "instances), by interpreter, circuits or both; optionally the growth of observed precision",
    keys, prepare};

}  // namespace rnncc::experiment::claims
