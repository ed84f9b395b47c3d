// `rnncc task NAME --size N --count K --seed S -o FILE.jsonl`: problem
// instances with exact labels, and how well obvious shortcuts do on them.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "rnncc/experiment/task.hpp"
#include "rnncc/io/instance_file.hpp"

namespace rnncc::cli {

namespace {

struct TaskOptions {
  std::string name;
  std::size_t size = 0;
  std::size_t count = 1000;
  std::uint64_t seed = 1;
  bool balanced = true;
  std::string output_path;
};

void run_task(const TaskOptions& options) {
  const std::unique_ptr<experiment::Task> task = experiment::make_task(options.name);
  experiment::TaskRequest request;
  request.size = options.size;
  request.count = options.count;
  request.seed = options.seed;
  request.balanced = options.balanced && task->decision();
  const std::vector<io::Instance> instances = task->generate(request);
  io::write_instance_file(options.output_path, instances);
  if (options.output_path != "-") {
    info("{}: {} instances of {} (size {}, seed {}{})", options.output_path, instances.size(),
         task->name(), options.size, options.seed, request.balanced ? ", balanced" : "");
  }
  for (const experiment::Shortcut& shortcut : task->shortcuts(instances))
    info("  shortcut: {}: accuracy {:.3f}", shortcut.rule, shortcut.accuracy);
}

}  // namespace

void register_task(CLI::App& app) {
  auto options = std::make_shared<TaskOptions>();
  std::string tasks;
  for (const std::string& line : experiment::task_descriptions())
    tasks += "\n  " + line;
  CLI::App* command = app.add_subcommand(
      "task", "Generate problem instances with exact labels (JSON lines)" + tasks);
  command->add_option("name", options->name, "Task, e.g. s5, connectivity, imm-sign, dyck:3")
      ->required();
  command->add_option("--size", options->size, "Size: word length, nodes, matrices or gates")
      ->required();
  command->add_option("--count", options->count, "Number of instances")->capture_default_str();
  command->add_option("--seed", options->seed, "Seed: the same seed gives the same file")
      ->capture_default_str();
  command->add_flag("--balanced,!--unbalanced", options->balanced,
                    "Decision tasks: half the labels 1 (default), or as drawn");
  command->add_option("-o,--output", options->output_path, "Instance file (.jsonl), - for stdout")
      ->required();
  command->callback([options] { run_task(*options); });
}

}  // namespace rnncc::cli
