// `rnncc growth MODEL...`: depth and size of compiled models as the sequence
// grows, their growth classes and the paper's expectations. The experiment
// stage plans and runs the sweep; this file reads the flags, shows progress,
// prints the report and writes the files.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "error_context.hpp"
#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/experiment/circuit_optimization.hpp"
#include "rnncc/experiment/lengths.hpp"
#include "rnncc/experiment/sweep.hpp"
#include "rnncc/experiment/sweep_plan.hpp"
#include "rnncc/report/analytic_table.hpp"
#include "rnncc/report/growth_csv.hpp"
#include "rnncc/report/growth_html.hpp"
#include "rnncc/report/growth_json.hpp"
#include "rnncc/report/growth_svg.hpp"
#include "rnncc/report/terminal_table.hpp"

namespace rnncc::cli {

namespace {

struct GrowthCommandOptions {
  std::vector<std::string> models;
  std::optional<std::string> lengths;
  std::vector<std::string> schedules;
  std::optional<std::string> format;
  std::optional<std::string> csv_path, json_path, svg_path, html_path;
  bool analytic = false;
  bool reassociate = false;
  std::vector<std::string> lowerings;  ///< empty: binary only
  std::string optimize = "balance";
  experiment::OptimizationRequest optimization;
};

/// The flags as a sweep request; throws InputError for bad lengths, an
/// unknown schedule (an error, not a skip) or format, in that order.
experiment::SweepRequest sweep_request(const GrowthCommandOptions& options) {
  experiment::SweepRequest request;
  request.models.assign(options.models.begin(), options.models.end());
  if (options.lengths) {
    request.lengths = experiment::parse_lengths(
        *options.lengths,
        options.analytic ? experiment::analytic_longest_length : compile::max_length);
  }
  for (const std::string& schedule : options.schedules)
    request.schedules.push_back(compile::parse_schedule(schedule));
  if (options.format) {
    request.format =
        naming_source("--format", [&] { return arith::parse_format(*options.format); });
  }
  request.analytic = options.analytic;
  return request;
}

/// The lowerings to sweep, in the order given, each once; binary when none.
std::vector<arith::ExactLowering> exact_lowerings(const std::vector<std::string>& names) {
  std::vector<arith::ExactLowering> lowerings;
  for (const std::string& name : names) {
    const arith::ExactLowering lowering = arith::parse_exact_lowering(name);
    if (std::find(lowerings.begin(), lowerings.end(), lowering) == lowerings.end())
      lowerings.push_back(lowering);
  }
  if (lowerings.empty()) lowerings.push_back(arith::ExactLowering::binary);
  return lowerings;
}

/// Progress on stderr once the sweep has run for a second: a line rewritten
/// in place on a terminal, otherwise one plain line per measured length and
/// per finished series. With a CSV file to stream to, each measured row is
/// written and flushed there as soon as it is measured.
class Progress : public experiment::SweepObserver {
 public:
  using Clock = std::chrono::steady_clock;

  Progress() : terminal_(isatty(STDERR_FILENO) != 0), start_(Clock::now()) {}

  /// Streams the rows to `csv` (whose header must already be written).
  void stream_rows_to(AtomicFile& csv) { csv_rows_ = &csv; }

  void measuring(const std::string& label, std::uint64_t length) override {
    label_ = label;
    update(fmt::format("{} T={}", label, length));
  }
  void point_measured(const report::GrowthSeries& series) override {
    const report::GrowthPoint& point = series.points.back();
    if (csv_rows_ != nullptr) {
      csv_rows_->write(report::growth_csv_row(series, point));
      csv_rows_->flush();
    }
    if (!terminal_ && late()) {
      fmt::print(stderr, "growth: {} T={}: {} ANDs, depth {}, {:.1f} s\n", label_, point.length,
                 point.ands, point.depth, point.compile_seconds);
    }
  }
  void series_finished(const std::string& label, std::size_t lengths, double seconds) override {
    finished(fmt::format("{}: {} lengths in {:.1f} s", label, lengths, seconds));
  }
  void series_skipped(const std::string& label) override {
    finished(fmt::format("{}: skipped", label));
  }
  /// Removes the line rewritten in place, if one is shown.
  void clear() {
    if (terminal_ && shown_) fmt::print(stderr, "\r\033[K");
    shown_ = false;
  }

 private:
  void update(const std::string& text) {
    if (!terminal_ || !late()) return;
    fmt::print(stderr, "\r\033[Kgrowth: {}", text);
    shown_ = true;
  }
  void finished(const std::string& text) {
    if (terminal_) return update(text);
    if (late()) fmt::print(stderr, "growth: {}\n", text);
  }
  bool late() const { return !quiet() && Clock::now() - start_ > std::chrono::seconds(1); }

  bool terminal_;
  bool shown_ = false;
  std::string label_;               // the series being measured
  AtomicFile* csv_rows_ = nullptr;  // where measured rows stream to
  Clock::time_point start_;
};

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
  for (const std::string& lowering : options.lowerings)
    text += " --lowering " + lowering;
  if (options.optimize != "balance") text += " --optimize " + options.optimize;
  if (options.optimization.abc_script != io::default_abc_script) {
    text += fmt::format(" --abc-script '{}'", options.optimization.abc_script);
  }
  if (options.optimization.sat_check) text += " --check";
  return text;
}

/// How optimised circuits are checked, as the report's note says it.
std::string check_text(const experiment::OptimizationRequest& request) {
  if (request.sat_check) return "proved by SAT";
  return fmt::format("simulated on {} random patterns; proved by SAT up to {} ANDs",
                     request.random_patterns, experiment::sat_check_and_threshold);
}

/// What the opt_depth column holds and how each value was checked.
std::string optimization_note(const experiment::OptimizationRequest& request) {
  switch (request.optimization) {
    case experiment::Optimization::none:
      return "opt_depth: --optimize none, so the depth as built";
    case experiment::Optimization::balance:
      break;
    case experiment::Optimization::abc:
      return fmt::format(
          "opt_depth: the depth after rnncc's balancing and ABC '{}', each result checked "
          "equivalent to the circuit as built ({})",
          request.abc_script, check_text(request));
  }
  return fmt::format(
      "opt_depth: the depth after rnncc's balancing (AND and XOR trees rebuilt shallowest "
      "first), each result checked equivalent to the circuit as built ({})",
      check_text(request));
}

/// Throws when the sweep measured nothing, with every note's reason.
void require_series(bool measured_any, const std::vector<std::string>& notes) {
  if (measured_any) return;
  std::string reasons;
  for (const std::string& note : notes)
    reasons += "; " + note;
  throw InputError("growth: no model, schedule and format combination applies" + reasons);
}

/// The files the command writes, each opened (as an AtomicFile) before the
/// sweep starts, so a bad path is refused before any work and no file is
/// written unless every one can be.
struct OutputFiles {
  std::optional<AtomicFile> csv, json, svg, html;

  explicit OutputFiles(const GrowthCommandOptions& options) {
    if (options.csv_path) csv.emplace(*options.csv_path);
    if (options.json_path) json.emplace(*options.json_path);
    if (options.svg_path) svg.emplace(*options.svg_path);
    if (options.html_path) html.emplace(*options.html_path);
  }

  /// Writes `text` to `file` if it is wanted.
  static void fill(std::optional<AtomicFile>& file, const std::function<std::string()>& text) {
    if (file) file->write(text());
  }

  /// Commits every file; the paths written, in flag order.
  std::vector<std::string> commit_all() {
    std::fflush(stdout);  // the report first, should a file be standard output
    std::vector<std::string> written;
    for (std::optional<AtomicFile>* file : {&csv, &json, &svg, &html}) {
      if (!*file) continue;
      (*file)->commit();
      written.push_back((*file)->destination().string());
    }
    return written;
  }
};

/// The AND limit of the built-in default set (see run_growth).
constexpr std::uint64_t default_set_max_and_count = std::uint64_t{1} << 27;

void run_growth(const GrowthCommandOptions& options) {
  if (options.analytic && (options.json_path || options.svg_path || options.html_path)) {
    throw InputError(
        "--analytic computes depths only: write them with --csv (--json-file, --svg and --html "
        "need the other measures)");
  }
  // The built-in default set is the project's own input, not a stranger's:
  // its largest compiles (the LSTM at T = 2048, the network's scan at
  // T = 1024, up to about 10^8 ANDs) are what it is for, so unless
  // --max-ands says otherwise it runs under a limit that admits them.
  if (options.models.empty() && size_limits().max_and_count == command_line_max_and_count) {
    size_limits().max_and_count = default_set_max_and_count;
  }
  const std::vector<experiment::SeriesPlan> plans = experiment::plan_series(sweep_request(options));
  experiment::OptimizationRequest optimization = options.optimization;
  optimization.optimization = experiment::parse_optimization(options.optimize);
  if (!options.analytic) experiment::require_optimizer(optimization);
  OutputFiles files(options);
  experiment::SweepOptions sweep_options;
  sweep_options.reassociate = options.reassociate;
  sweep_options.optimization = optimization;
  const std::vector<arith::ExactLowering> lowerings = exact_lowerings(options.lowerings);
  if (options.analytic && lowerings != std::vector{arith::ExactLowering::binary}) {
    throw InputError(
        "--analytic computes the depth of fixed-width formats; --lowering rns needs "
        "the circuits built");
  }
  const bool colour = colour_allowed(stdout);
  Progress progress;

  if (options.analytic) {
    const experiment::AnalyticSweep sweep =
        experiment::run_analytic_sweep(plans, sweep_options, progress);
    progress.clear();
    require_series(!sweep.series.empty(), sweep.notes);
    fmt::print("{}", report::render_analytic_report(sweep.series, sweep.notes, colour));
    OutputFiles::fill(files.csv, [&] { return report::analytic_csv_text(sweep.series); });
  } else {
    // Rows go to the CSV file as they are measured, so an interrupted sweep
    // keeps them (the file is renamed into place on SIGINT, SIGTERM and
    // SIGHUP); on standard output, a pipe or a device, the CSV follows the
    // report.
    const bool stream_csv = files.csv && !files.csv->writes_through();
    if (stream_csv) {
      files.csv->write(report::growth_csv_header());
      files.csv->flush();
      files.csv->keep_when_interrupted();
      progress.stream_rows_to(*files.csv);
    }
    // One sweep per lowering, its series after the previous ones'.
    experiment::GrowthSweep sweep;
    for (arith::ExactLowering lowering : lowerings) {
      sweep_options.exact_lowering = lowering;
      experiment::GrowthSweep part = experiment::run_growth_sweep(plans, sweep_options, progress);
      for (report::GrowthSeries& series : part.series)
        sweep.series.push_back(std::move(series));
      sweep.notes.insert(sweep.notes.end(), part.notes.begin(), part.notes.end());
      sweep.peak_memory_note = part.peak_memory_note;
    }
    progress.clear();
    require_series(!sweep.series.empty(), sweep.notes);
    report::ReportContext context;
    context.command = command_line(options);
    context.notes = sweep.notes;
    context.notes.push_back(sweep.peak_memory_note);
    context.notes.push_back(optimization_note(optimization));
    const std::vector<report::GrowthSeries>& all = sweep.series;
    fmt::print("{}", report::render_terminal_report(all, colour, context));
    if (!stream_csv) OutputFiles::fill(files.csv, [&] { return report::growth_csv_text(all); });
    OutputFiles::fill(files.json, [&] { return report::growth_json_text(all, context); });
    OutputFiles::fill(files.svg, [&] { return report::growth_svg_document(all); });
    OutputFiles::fill(files.html, [&] { return report::growth_html_text(all, context); });
  }
  const std::vector<std::string> written = files.commit_all();
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
  command->add_option("--json-file", options->json_path, "Write measurements and analyses as JSON");
  command->add_option("--svg", options->svg_path, "Write the depth and size plot as SVG");
  command->add_option("--html", options->html_path, "Write a self-contained HTML report");
  command->add_flag("--analytic", options->analytic,
                    "Exact depth only, from (max,+) step matrices, for T up to 2^62 (fixed-width "
                    "formats)");
  command->add_flag("--reassociate", options->reassociate,
                    "Allow scans in fixed (rounding) formats");
  command->add_option("--lowering", options->lowerings,
                      "How exact numbers are carried: binary (default) or rns (residues, back to "
                      "binary at outputs and comparisons); repeatable: each lowering is swept, rns "
                      "series read format exact/rns, and the report compares the two depths");
  command
      ->add_option("--optimize", options->optimize,
                   "What gives the opt_depth column: none, balance (AND and XOR trees rebuilt "
                   "shallowest first) or abc (balance, then the ABC script); each optimised "
                   "circuit is checked against the one built")
      ->capture_default_str();
  command
      ->add_option("--abc-script", options->optimization.abc_script,
                   "ABC commands for --optimize abc, ';'-separated")
      ->capture_default_str();
  command->add_flag("--check", options->optimization.sat_check,
                    fmt::format("Prove every optimised circuit equivalent by SAT (without it: "
                                "circuits up to {} ANDs; larger ones are simulated)",
                                experiment::sat_check_and_threshold));
  command->callback([options] { run_growth(*options); });
}

}  // namespace rnncc::cli
