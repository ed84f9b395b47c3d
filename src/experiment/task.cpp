#include "rnncc/experiment/task.hpp"

#include <fmt/format.h>

#include <array>

#include "rnncc/common/error.hpp"
#include "tasks/task_support.hpp"

namespace rnncc::experiment {

namespace tasks {

std::size_t parse_task_parameter(std::string_view text, std::string_view what, std::size_t minimum,
                                 std::size_t maximum) {
  std::size_t value = 0;
  bool valid = !text.empty() && text.size() <= 10;
  for (char c : text) {
    valid = valid && c >= '0' && c <= '9';
    if (valid) value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  if (!valid || value < minimum || value > maximum) {
    throw InputError(fmt::format("task {}: '{}' is not a number between {} and {}", what, text,
                                 minimum, maximum));
  }
  return value;
}

}  // namespace tasks

namespace {

/// One spelling of the task table: keyword, whether it takes ":PARAMETER",
/// and one line saying what the task is.
struct TaskEntry {
  std::string_view keyword;
  std::string_view parameter;  ///< empty when the task takes none
  std::string_view description;
  std::unique_ptr<Task> (*make)(std::string_view keyword, std::string_view parameter);
};

constexpr std::array<TaskEntry, 12> task_table{{
    {"s5", "", "word problem of S5: is the product of the permutations the identity",
     [](std::string_view, std::string_view) { return tasks::make_s5_task(); }},
    {"connectivity", "", "sorted deterministic graph connectivity: is the sink t reachable from s",
     [](std::string_view, std::string_view) { return tasks::make_connectivity_task(); }},
    {"imm", "", "iterated 3x3 product over {-1,0,1}: the value of P[0][0]",
     [](std::string_view keyword, std::string_view p) { return tasks::make_imm_task(keyword, p); }},
    {"imm-sign", "", "iterated 3x3 product: is P[0][0] > 0",
     [](std::string_view keyword, std::string_view p) { return tasks::make_imm_task(keyword, p); }},
    {"imm-zero", "", "iterated 3x3 product: is P[0][0] = 0",
     [](std::string_view keyword, std::string_view p) { return tasks::make_imm_task(keyword, p); }},
    {"imm-mod", "M", "iterated product of 3x3 matrices invertible mod M: P[0][0] mod M",
     [](std::string_view keyword, std::string_view p) { return tasks::make_imm_task(keyword, p); }},
    {"parity", "", "is the number of 1s odd",
     [](std::string_view, std::string_view) { return tasks::make_parity_task(); }},
    {"modcount", "K", "the number of a's modulo K",
     [](std::string_view, std::string_view p) { return tasks::make_modcount_task(p); }},
    {"dyck", "D", "is the word balanced brackets nested at most D deep",
     [](std::string_view, std::string_view p) { return tasks::make_dyck_task(p); }},
    {"cvp", "", "monotone circuit value: the value of the last gate",
     [](std::string_view, std::string_view) { return tasks::make_cvp_task(); }},
    {"imm-symbols", "", "as imm, each matrix read as 9 symbols of -0+ (row-major)",
     [](std::string_view keyword, std::string_view p) { return tasks::make_imm_task(keyword, p); }},
    {"imm-sign-symbols", "", "as imm-sign, each matrix read as 9 symbols of -0+",
     [](std::string_view keyword, std::string_view p) { return tasks::make_imm_task(keyword, p); }},
}};

std::string spelling(const TaskEntry& entry) {
  return entry.parameter.empty() ? std::string(entry.keyword)
                                 : fmt::format("{}:{}", entry.keyword, entry.parameter);
}

}  // namespace

std::vector<Shortcut> Task::shortcuts(const std::vector<io::Instance>& instances) const {
  if (!decision() || instances.empty()) return {};
  std::size_t ones = 0;
  for (const io::Instance& instance : instances)
    ones += instance.label.front() != 0 ? 1 : 0;
  const std::size_t majority = std::max(ones, instances.size() - ones);
  return {{fmt::format("the majority label ({})", ones * 2 >= instances.size() ? 1 : 0),
           static_cast<double>(majority) / static_cast<double>(instances.size())}};
}

std::unique_ptr<Task> make_task(std::string_view name) {
  const std::size_t colon = name.find(':');
  const std::string_view keyword = name.substr(0, colon);
  const std::string_view parameter =
      colon == std::string_view::npos ? std::string_view{} : name.substr(colon + 1);
  for (const TaskEntry& entry : task_table) {
    if (entry.keyword != keyword) continue;
    if (entry.parameter.empty() != (colon == std::string_view::npos)) break;
    return entry.make(keyword, parameter);
  }
  std::string accepted;
  for (std::size_t i = 0; i < task_table.size(); ++i) {
    if (i > 0) accepted += i + 1 == task_table.size() ? " or " : ", ";
    accepted += spelling(task_table[i]);
  }
  throw InputError(fmt::format("unknown task '{}' (expected {})", name, accepted));
}

std::vector<std::string> task_descriptions() {
  std::vector<std::string> lines;
  for (const TaskEntry& entry : task_table)
    lines.push_back(fmt::format("{:<14} {}", spelling(entry), entry.description));
  return lines;
}

}  // namespace rnncc::experiment
