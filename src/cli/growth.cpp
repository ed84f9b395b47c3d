// `rnncc growth MODEL...`: depth and size of compiled models as the sequence
// grows, their growth classes and the paper's expectations (issue 5).
#include <fmt/format.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/resource_usage.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/compile/model_depth.hpp"
#include "rnncc/experiment/series_key.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/registry.hpp"
#include "rnncc/report/analytic_table.hpp"
#include "rnncc/report/growth_csv.hpp"
#include "rnncc/report/growth_html.hpp"
#include "rnncc/report/growth_json.hpp"
#include "rnncc/report/growth_point.hpp"
#include "rnncc/report/growth_svg.hpp"
#include "rnncc/report/terminal_table.hpp"

namespace rnncc::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct GrowthCommandOptions {
  std::vector<std::string> models;
  std::optional<std::string> lengths;
  std::vector<std::string> schedules;
  std::optional<std::string> format;
  std::optional<std::string> csv_path, json_path, svg_path, html_path;
  bool analytic = false;
  bool reassociate = false;
};

/// One series of the built-in default set: a model of circuits/models/, the
/// format and schedule it is compiled in, and its longest length (chosen so
/// that the whole set runs in about two minutes on two cores).
struct DefaultSeries {
  const char* model;
  const char* format;
  const char* schedule;
  std::uint64_t longest;
};

/// The default set: one model per column of PAPER.md's table (TC0 diagonal,
/// NC1 permutation-diagonal, PNC1 DeltaNet and RWKV-7, all in fixed-width
/// rings under scan; L and P: a ReLU RNN and an LSTM under sequential and
/// table). The LSTM's table is refused (its state has 64 bits): the refusal
/// is part of the demonstration. Last, the paper's multi-layer architecture:
/// a network of DeltaNet, diagonal and RWKV-7 heads with a feed-forward
/// sublayer, each heads sublayer scanned in turn. Lengths are powers of two
/// from 16; the LSTM stops at 2048 (18 s and 1.5 GiB for that compile
/// alone), the network at 1024 (10 s), the rest at 4096: about a minute on
/// two cores (README, "Depth growth").
constexpr DefaultSeries default_set[] = {
    {"diagonal.toml", "mod:16", "scan", 4096},        // TC0
    {"pd.toml", "mod:16", "scan", 4096},              // NC1
    {"deltanet.toml", "mod:16", "scan", 4096},        // PNC1
    {"rwkv7.toml", "mod:8", "scan", 4096},            // PNC1
    {"relu_rnn.toml", "mod:8", "sequential", 4096},   // L (log precision)
    {"relu_rnn.toml", "mod:4", "table", 4096},        // L: a 4-bit state table
    {"lstm.toml", "fixed:16.8", "sequential", 2048},  // P (poly precision)
    {"lstm.toml", "fixed:16.8", "table", 2048},       // refused: 64 state bits
    {"network.toml", "mod:16", "scan", 1024},         // PNC1: three sublayers, heads scanned
};

constexpr std::uint64_t default_shortest = 16;
constexpr std::uint64_t default_longest = 4096;
/// Longest default length of --analytic.
constexpr std::uint64_t analytic_default_longest = std::uint64_t{1} << 40;
/// Longest length --analytic accepts.
constexpr std::uint64_t analytic_longest = std::uint64_t{1} << 62;

/// One model × format × schedule to measure, with its lengths.
struct SeriesPlan {
  std::filesystem::path model_path;
  std::optional<std::string> format;
  std::string schedule;
  std::vector<std::uint64_t> lengths;
};

/// Parses a positive length: decimal digits or 2^K.
std::uint64_t parse_length(const std::string& text, std::uint64_t longest) {
  auto fail = [&] {
    return InputError(fmt::format(
        "--lengths: '{}' is not a length (expected a positive integer or 2^K, at most {})", text,
        longest));
  };
  std::uint64_t value = 0;
  if (text.size() > 2 && text.rfind("2^", 0) == 0) {
    const std::string exponent = text.substr(2);
    if (exponent.empty() || exponent.size() > 2 ||
        exponent.find_first_not_of("0123456789") != std::string::npos) {
      throw fail();
    }
    const unsigned power = static_cast<unsigned>(std::stoul(exponent));
    if (power > 63) throw fail();
    value = std::uint64_t{1} << power;
  } else {
    if (text.empty() || text.size() > 19 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
      throw fail();
    }
    value = std::stoull(text);
  }
  if (value < 1 || value > longest) throw fail();
  return value;
}

/// "A..B" (A, 2A, 4A, ... up to B) or "A,B,C" (those lengths), sorted, unique.
std::vector<std::uint64_t> parse_lengths(const std::string& text, std::uint64_t longest) {
  std::vector<std::uint64_t> lengths;
  const std::size_t range = text.find("..");
  if (range != std::string::npos) {
    const std::uint64_t first = parse_length(text.substr(0, range), longest);
    const std::uint64_t last = parse_length(text.substr(range + 2), longest);
    if (first > last) {
      throw InputError(fmt::format("--lengths {}: the range must not be empty", text));
    }
    for (std::uint64_t length = first; length <= last; length *= 2) {
      lengths.push_back(length);
      if (length > last / 2) break;
    }
  } else {
    std::size_t begin = 0;
    while (true) {
      const std::size_t comma = text.find(',', begin);
      lengths.push_back(parse_length(text.substr(begin, comma - begin), longest));
      if (comma == std::string::npos) break;
      begin = comma + 1;
    }
  }
  std::sort(lengths.begin(), lengths.end());
  lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
  return lengths;
}

std::vector<std::uint64_t> powers_of_two(std::uint64_t first, std::uint64_t last) {
  std::vector<std::uint64_t> lengths;
  for (std::uint64_t length = first; length <= last; length *= 2)
    lengths.push_back(length);
  return lengths;
}

/// circuits/models/ of the source tree: under the working directory, or
/// beside the executable's build directory (build/NAME/rnncc).
std::filesystem::path default_model_directory() {
  std::error_code error;
  const std::filesystem::path relative = "circuits/models";
  if (std::filesystem::is_directory(relative, error)) return relative;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    for (std::filesystem::path directory = executable.parent_path(); !directory.empty();
         directory = directory.parent_path()) {
      if (std::filesystem::is_directory(directory / relative, error)) return directory / relative;
      if (directory == directory.root_path()) break;
    }
  }
  throw InputError(
      "rnncc growth without models runs the default set of circuits/models/, which was not found "
      "under the working directory or above the executable; run it from the source tree or name "
      "the models");
}

std::vector<SeriesPlan> plan_series(const GrowthCommandOptions& options) {
  const std::uint64_t longest = options.analytic ? analytic_longest : compile::max_length;
  std::optional<std::vector<std::uint64_t>> lengths;
  if (options.lengths) lengths = parse_lengths(*options.lengths, longest);
  for (const std::string& schedule : options.schedules)
    compile::parse_schedule(schedule);  // an unknown schedule is an error, not a skip
  if (options.format) arith::parse_format(*options.format);

  std::vector<SeriesPlan> plans;
  if (options.models.empty()) {
    const std::filesystem::path directory = default_model_directory();
    for (const DefaultSeries& series : default_set) {
      if (!options.schedules.empty() &&
          std::find(options.schedules.begin(), options.schedules.end(), series.schedule) ==
              options.schedules.end()) {
        continue;
      }
      plans.push_back(
          {directory / series.model,
           options.format ? options.format : std::optional<std::string>(series.format),
           series.schedule,
           lengths ? *lengths
                   : powers_of_two(default_shortest,
                                   options.analytic ? analytic_default_longest : series.longest)});
    }
    return plans;
  }
  for (const std::string& path : options.models) {
    std::vector<std::string> schedules = options.schedules;
    if (schedules.empty()) {
      // Without --schedule: scan for linear families, sequential and table
      // for nonlinear ones (decided once the model is read).
      schedules = {""};
    }
    for (const std::string& schedule : schedules) {
      plans.push_back(
          {path, options.format, schedule,
           lengths ? *lengths
                   : powers_of_two(default_shortest,
                                   options.analytic ? analytic_default_longest : default_longest)});
    }
  }
  return plans;
}

/// Resets the process's peak resident size (VmHWM) to its current size, so
/// that the peak after a compile is that compile's peak; false where Linux
/// refuses (then the peak is the process's peak so far).
bool reset_peak_memory() {
  malloc_trim(0);
  std::ofstream clear("/proc/self/clear_refs");
  if (!clear) return false;
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

/// Progress on stderr once the sweep has run for a second: a line rewritten
/// in place on a terminal, otherwise one plain line per finished series.
class Progress {
 public:
  Progress() : terminal_(isatty(STDERR_FILENO) != 0), start_(Clock::now()) {}

  void update(const std::string& text) {
    if (!terminal_ || !late()) return;
    fmt::print(stderr, "\r\033[Kgrowth: {}", text);
    shown_ = true;
  }
  void finished(const std::string& text) {
    if (terminal_) return update(text);
    if (late()) fmt::print(stderr, "growth: {}\n", text);
  }
  void clear() {
    if (terminal_ && shown_) fmt::print(stderr, "\r\033[K");
    shown_ = false;
  }

 private:
  bool late() const { return Clock::now() - start_ > std::chrono::seconds(1); }
  bool terminal_;
  bool shown_ = false;
  Clock::time_point start_;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string command_line(const GrowthCommandOptions& options) {
  std::string text = "rnncc growth";
  for (const std::string& model : options.models)
    text += " " + model;
  if (options.lengths) text += " --lengths " + *options.lengths;
  for (const std::string& schedule : options.schedules)
    text += " --schedule " + schedule;
  if (options.format) text += " --format " + *options.format;
  if (options.analytic) text += " --analytic";
  if (options.reassociate) text += " --reassociate";
  return text;
}

/// The models read so far, by path and format override.
class ModelCache {
 public:
  const model::Model& get(const std::filesystem::path& path,
                          const std::optional<std::string>& format) {
    const std::string key = path.string() + "\n" + format.value_or("");
    auto found = models_.find(key);
    if (found != models_.end()) return found->second;
    std::optional<arith::Format> parsed;
    if (format) parsed = arith::parse_format(*format);
    return models_.emplace(key, io::read_model_file(path, parsed)).first->second;
  }

 private:
  std::map<std::string, model::Model> models_;
};

/// The schedules a plan stands for (its own, or the defaults for the family).
std::vector<std::string> schedules_for(const SeriesPlan& plan, const model::Model& model) {
  if (!plan.schedule.empty()) return {plan.schedule};
  if (model::supports_scan(model)) return {"scan"};
  return {"sequential", "table"};
}

void run_growth(const GrowthCommandOptions& options) {
  if (options.analytic && (options.json_path || options.svg_path || options.html_path)) {
    throw InputError(
        "--analytic computes depths only: write them with --csv (--json, --svg and --html need "
        "the other measures)");
  }
  const std::vector<SeriesPlan> plans = plan_series(options);
  ModelCache models;
  report::ReportContext context;
  context.command = command_line(options);
  std::vector<report::GrowthSeries> all;
  std::vector<report::AnalyticSeries> all_analytic;
  Progress progress;
  const bool peak_resets = !options.analytic && reset_peak_memory();

  for (const SeriesPlan& plan : plans) {
    const model::Model& model = models.get(plan.model_path, plan.format);
    for (const std::string& schedule_text : schedules_for(plan, model)) {
      compile::CompileOptions compile_options;
      compile_options.schedule = compile::parse_schedule(schedule_text);
      compile_options.reassociate = options.reassociate;
      report::GrowthSeries series =
          experiment::describe_series(experiment::series_key(model, compile_options.schedule));
      const std::string label = report::series_label(series, true);
      try {
        compile_options.length = std::min<std::uint64_t>(plan.lengths.front(), compile::max_length);
        compile::check_options(model, compile_options);
      } catch (const InputError& error) {
        context.notes.push_back(fmt::format("skipped {}: {}", label, error.what()));
        progress.finished(fmt::format("{}: skipped", label));
        continue;
      }
      const Clock::time_point series_start = Clock::now();
      if (options.analytic) {
        report::AnalyticSeries analytic{series, {}};
        std::optional<compile::ModelDepth> depth;
        try {
          depth.emplace(model, compile_options);
        } catch (const InputError& error) {
          context.notes.push_back(fmt::format("skipped {}: {}", label, error.what()));
          progress.finished(fmt::format("{}: skipped", label));
          continue;
        }
        for (std::uint64_t length : plan.lengths) {
          progress.update(fmt::format("{} T={}", label, length));
          try {
            analytic.depths.emplace_back(length, depth->depth(length));
          } catch (const LimitError& error) {
            context.notes.push_back(
                fmt::format("{} stopped before T = {}: {}", label, length, error.what()));
            break;
          } catch (const InputError& error) {
            context.notes.push_back(
                fmt::format("{} skips T = {}: {}", label, length, error.what()));
          }
        }
        if (analytic.depths.empty()) continue;
        progress.finished(fmt::format("{}: {} lengths in {:.1f} s", label, analytic.depths.size(),
                                      seconds_since(series_start)));
        all_analytic.push_back(std::move(analytic));
        continue;
      } else {
        for (std::uint64_t length : plan.lengths) {
          progress.update(fmt::format("{} T={}", label, length));
          compile_options.length = length;
          try {
            compile::check_options(model, compile_options);
            if (peak_resets) reset_peak_memory();
            const Clock::time_point start = Clock::now();
            compile::CompiledModel compiled = compile::compile(model, compile_options);
            const double seconds = seconds_since(start);
            const std::uint64_t peak = peak_resident_bytes();
            series.points.push_back(report::measure_growth_point(
                length, compiled.lowered.aig, compiled.arithmetic ? &*compiled.arithmetic : nullptr,
                compiled.lowered.widest_value_bits, seconds, peak));
          } catch (const InputError& error) {
            context.notes.push_back(
                fmt::format("{} stopped before T = {}: {}", label, length, error.what()));
            break;
          }
        }
      }
      progress.finished(fmt::format("{}: {} lengths in {:.1f} s", label, series.points.size(),
                                    seconds_since(series_start)));
      if (!series.points.empty()) all.push_back(std::move(series));
    }
  }
  progress.clear();
  if (!options.analytic) {
    context.notes.push_back(
        peak_resets ? "peak_bytes: the peak resident memory of the process during each compile "
                      "(its high-water mark is reset before each one)"
                    : "peak_bytes: the peak resident memory of the process so far (this system "
                      "refused to reset it, so it never decreases along a sweep)");
  }
  if (all.empty() && all_analytic.empty()) {
    std::string reasons;
    for (const std::string& note : context.notes) {
      if (note.rfind("peak_bytes", 0) != 0) reasons += "; " + note;
    }
    throw InputError("growth: no model, schedule and format combination applies" + reasons);
  }
  const bool colour = isatty(STDOUT_FILENO) != 0;
  std::vector<std::string> written;
  if (options.analytic) {
    fmt::print("{}", report::render_analytic_report(all_analytic, context.notes, colour));
    if (options.csv_path) {
      report::write_analytic_csv(*options.csv_path, all_analytic);
      written.push_back(*options.csv_path);
    }
  } else {
    fmt::print("{}", report::render_terminal_report(all, colour, context));
    if (options.csv_path) {
      report::write_growth_csv(*options.csv_path, all);
      written.push_back(*options.csv_path);
    }
    if (options.json_path) {
      report::write_growth_json(*options.json_path, all, context);
      written.push_back(*options.json_path);
    }
    if (options.svg_path) {
      report::write_growth_svg(*options.svg_path, all);
      written.push_back(*options.svg_path);
    }
    if (options.html_path) {
      report::write_growth_html(*options.html_path, all, context);
      written.push_back(*options.html_path);
    }
  }
  if (!written.empty()) fmt::print("\n");
  for (const std::string& path : written)
    fmt::print("wrote {}\n", path);
}

}  // namespace

void register_growth(CLI::App& app) {
  auto options = std::make_shared<GrowthCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "growth",
      "Depth and size of compiled models as T grows, growth classes and the paper's expectations "
      "(without models: the built-in default set of circuits/models/)");
  command->add_option("models", options->models, "Model files (.toml)");
  command->add_option("--lengths", options->lengths,
                      "A..B (A, 2A, 4A, ... up to B) or a list A,B,C; 2^K allowed (default "
                      "16..4096; with --analytic 16..2^40)");
  command->add_option("--schedule", options->schedules,
                      "sequential, scan, chunked:C or table; repeatable (default: scan for "
                      "linear families, sequential and table for nonlinear ones)");
  command->add_option("--format", options->format,
                      "Number format replacing each model's (exact, mod:W, modp:P, fixed:W.F)");
  command->add_option("--csv", options->csv_path, "Write the measurements as CSV");
  command->add_option("--json", options->json_path, "Write measurements and analyses as JSON");
  command->add_option("--svg", options->svg_path, "Write the depth and size plot as SVG");
  command->add_option("--html", options->html_path, "Write a self-contained HTML report");
  command->add_flag("--analytic", options->analytic,
                    "Exact depth only, from (max,+) step matrices, for T up to 2^62 (fixed-width "
                    "formats)");
  command->add_flag("--reassociate", options->reassociate,
                    "Allow scans in fixed (rounding) formats");
  command->callback([options] { run_growth(*options); });
}

}  // namespace rnncc::cli
