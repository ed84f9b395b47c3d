// Helpers the task generators share: the seeded generator, balanced label
// plans, and instance construction.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/common/random.hpp"
#include "rnncc/experiment/task.hpp"

namespace rnncc::experiment::tasks {

/// The labels instance i should get: with `balanced`, ⌈count/2⌉ ones and
/// ⌊count/2⌋ zeros in a random order; otherwise none (empty: the
/// generator draws freely).
inline std::vector<bool> planned_labels(const TaskRequest& request, SplitMix64& random) {
  if (!request.balanced) return {};
  std::vector<bool> labels(request.count, false);
  for (std::size_t i = 0; i < (request.count + 1) / 2; ++i)
    labels[i] = true;
  for (std::size_t i = request.count; i > 1; --i) {  // Fisher–Yates
    const std::size_t other = random.below(i);
    const bool kept = labels[i - 1];
    labels[i - 1] = labels[other];
    labels[other] = kept;
  }
  return labels;
}

/// Throws InputError unless minimum <= request.size <= maximum.
inline void check_size(const Task& task, const TaskRequest& request, std::size_t minimum,
                       std::size_t maximum) {
  if (request.size < minimum || request.size > maximum) {
    throw InputError(fmt::format("task {}: --size ({}) must be between {} and {}", task.name(),
                                 task.size_meaning(), minimum, maximum));
  }
}

/// A token instance from single-character symbols.
inline io::Instance token_instance(const std::string& word, std::vector<mpq_class> label,
                                   std::string meta) {
  io::Instance instance;
  for (char c : word)
    instance.tokens.emplace_back(1, c);
  instance.label = std::move(label);
  instance.meta = std::move(meta);
  return instance;
}

/// Factories of the tasks (one source file each).
std::unique_ptr<Task> make_s5_task();
std::unique_ptr<Task> make_connectivity_task();
std::unique_ptr<Task> make_imm_task(std::string_view variant, std::string_view parameter);
std::unique_ptr<Task> make_parity_task();
std::unique_ptr<Task> make_modcount_task(std::string_view parameter);
std::unique_ptr<Task> make_dyck_task(std::string_view parameter);
std::unique_ptr<Task> make_cvp_task();

/// The positive integer in `text` within [minimum, maximum], or InputError
/// naming `what`.
std::size_t parse_task_parameter(std::string_view text, std::string_view what, std::size_t minimum,
                                 std::size_t maximum);

}  // namespace rnncc::experiment::tasks
