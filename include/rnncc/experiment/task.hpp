// Problems with ground truth (the paper's tasks and a few classic ones):
// each generates instances deterministically from (size, count, seed), and
// labels them with an exact reference written in the task itself,
// independent of any model (docs/tasks.md gives every encoding).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/io/instance_file.hpp"

namespace rnncc::experiment {

/// What to generate.
struct TaskRequest {
  std::size_t size = 0;    ///< the task's size parameter (word length, nodes, matrices...)
  std::size_t count = 0;   ///< number of instances
  std::uint64_t seed = 0;  ///< the same (task, size, count, seed) gives the same file everywhere
  bool balanced = true;    ///< decision tasks: half the labels 1
};

/// How often an obvious rule of thumb is right on a set of instances: what
/// chance looks like for this task.
struct Shortcut {
  std::string rule;
  double accuracy = 0;
};

/// One task.
class Task {
 public:
  virtual ~Task() = default;
  /// Its name with parameters, as `rnncc task` takes it ("modcount:3").
  virtual std::string name() const = 0;
  /// Labels are 0/1 (otherwise numbers).
  virtual bool decision() const = 0;
  /// What --size means, for help and messages ("the word length").
  virtual std::string_view size_meaning() const = 0;
  /// The instances, labelled by the task's exact reference. Throws
  /// InputError for a size the task cannot have (naming the range).
  virtual std::vector<io::Instance> generate(const TaskRequest& request) const = 0;
  /// The accuracy of the majority label and of the task's own shortcuts on
  /// `instances` (decision tasks; empty for value tasks).
  virtual std::vector<Shortcut> shortcuts(const std::vector<io::Instance>& instances) const;
};

/// The task spelled `name` ("s5", "connectivity", "imm", "imm-sign",
/// "imm-zero", "imm-mod:M", "parity", "modcount:K", "dyck:D", "cvp",
/// "imm-symbols", "imm-sign-symbols").
/// Throws InputError naming the accepted spellings.
std::unique_ptr<Task> make_task(std::string_view name);

/// One line per task: its spelling and what it decides or computes.
std::vector<std::string> task_descriptions();

/// The share of `instances` whose label equals `predicted(instance)`.
template <class Predicate>
double accuracy_of(const std::vector<io::Instance>& instances, Predicate predicted) {
  if (instances.empty()) return 0;
  std::size_t right = 0;
  for (const io::Instance& instance : instances)
    right += (predicted(instance) == (instance.label.front() != 0)) ? 1 : 0;
  return static_cast<double>(right) / static_cast<double>(instances.size());
}

}  // namespace rnncc::experiment
