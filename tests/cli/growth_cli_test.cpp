// `rnncc growth` run as a user runs it: the CSV it writes parsed back and
// compared with circuits compiled by the library, skipped combinations
// noted, the analytic depths against compiled ones, and bad input.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/io/model_file.hpp"
#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string model_path(const std::string& name) {
  return std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml";
}

/// A CSV without quoted cells: header, then rows as column → cell.
std::vector<std::map<std::string, std::string>> read_csv(const std::filesystem::path& path,
                                                         std::vector<std::string>& header) {
  std::ifstream file(path);
  std::string line;
  auto split = [](const std::string& text) {
    std::vector<std::string> cells;
    std::stringstream stream(text);
    std::string cell;
    while (std::getline(stream, cell, ','))
      cells.push_back(cell);
    if (!text.empty() && text.back() == ',') cells.emplace_back();
    return cells;
  };
  std::getline(file, line);
  header = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(file, line)) {
    const std::vector<std::string> cells = split(line);
    REQUIRE(cells.size() == header.size());
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < cells.size(); ++i)
      row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

rnncc::compile::CompiledModel compile_model(
    const std::string& name, const std::string& format, const std::string& schedule,
    std::size_t length,
    rnncc::arith::ExactLowering lowering = rnncc::arith::ExactLowering::binary) {
  const rnncc::model::Model model =
      rnncc::io::read_model_file(model_path(name), rnncc::arith::parse_format(format));
  rnncc::compile::CompileOptions options;
  options.schedule = rnncc::compile::parse_schedule(schedule);
  options.length = length;
  options.exact_lowering = lowering;
  return rnncc::compile::compile(model, options);
}

}  // namespace

TEST_CASE("growth writes one CSV row per series and length, equal to compiled circuits") {
  TemporaryDirectory directory;
  const auto csv = directory / "growth.csv";
  const auto result = run_rnncc("growth '" + model_path("relu_rnn") +
                                "' --format mod:4 --schedule sequential --schedule scan "
                                "--schedule table --lengths 16..128 --csv '" +
                                csv.string() + "'");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  // scan does not apply to a nonlinear family: a note, not an error.
  CHECK(result.standard_output.find("skipped relu_rnn · scan") != std::string::npos);
  CHECK(result.standard_output.find("wrote " + csv.string()) != std::string::npos);
  std::vector<std::string> header;
  const auto rows = read_csv(csv, header);
  for (const char* column :
       {"model", "family", "schedule", "format", "T", "ands", "depth", "arith_depth", "mult_depth",
        "max_width", "precision_bits", "bits_observed"}) {
    CHECK(std::find(header.begin(), header.end(), column) != header.end());
  }
  REQUIRE(rows.size() == 8);  // sequential and table at 16, 32, 64, 128
  std::size_t index = 0;
  for (const std::string& schedule : std::vector<std::string>{"sequential", "table"}) {
    for (std::size_t length : {16, 32, 64, 128}) {
      const auto& row = rows[index++];
      CAPTURE(schedule);
      CAPTURE(length);
      CHECK(row.at("model") == "relu_rnn");
      CHECK(row.at("family") == "relu-rnn");
      CHECK(row.at("schedule") == schedule);
      CHECK(row.at("format") == "mod:4");
      CHECK(row.at("T") == std::to_string(length));
      const auto compiled = compile_model("relu_rnn", "mod:4", schedule, length);
      CHECK(row.at("ands") == std::to_string(compiled.lowered.aig.and_count()));
      CHECK(row.at("depth") == std::to_string(compiled.lowered.aig.depth()));
      CHECK(row.at("precision_bits") == "4");
      // mod:4 holds every value in 4 bits, so the interpreter cannot see wider.
      REQUIRE_FALSE(row.at("bits_observed").empty());
      CHECK(std::stoul(row.at("bits_observed")) >= 1);
      CHECK(std::stoul(row.at("bits_observed")) <= 4);
      if (schedule == "table") {
        CHECK(row.at("arith_depth").empty());
      } else {
        CHECK(row.at("arith_depth") == std::to_string(compiled.arithmetic->arithmetic_depth()));
      }
      // The terminal table prints the same depth on the series' row.
      CHECK(result.standard_output.find(std::to_string(compiled.lowered.aig.depth())) !=
            std::string::npos);
    }
  }
}

TEST_CASE("growth --analytic writes depths equal to compiled circuits, and reaches 2^40") {
  TemporaryDirectory directory;
  const auto csv = directory / "analytic.csv";
  const auto result =
      run_rnncc("growth '" + model_path("deltanet") + "' '" + model_path("relu_rnn") +
                "' --format mod:8 --schedule scan --schedule sequential --analytic --lengths "
                "1,2,4,8,16,32,2^40 --csv '" +
                csv.string() + "'");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(result.standard_output.find("skipped relu_rnn · scan") != std::string::npos);
  std::vector<std::string> header;
  const auto rows = read_csv(csv, header);
  CHECK(header == std::vector<std::string>{"model", "family", "schedule", "format", "T", "depth"});
  REQUIRE(rows.size() == 21);  // deltanet scan and sequential, relu_rnn sequential
  for (const auto& row : rows) {
    const std::string length = row.at("T");
    if (length == "1099511627776") continue;
    CAPTURE(row.at("model"));
    CAPTURE(row.at("schedule"));
    CAPTURE(length);
    const auto compiled =
        compile_model(row.at("model"), "mod:8", row.at("schedule"), std::stoul(length));
    CHECK(row.at("depth") == std::to_string(compiled.lowered.aig.depth()));
  }
}

TEST_CASE("growth --lowering binary --lowering rns: both series, and their depth ratio shown") {
  TemporaryDirectory directory;
  const auto csv = directory / "lowerings.csv";
  const auto html = directory / "lowerings.html";
  const auto svg = directory / "lowerings.svg";
  const auto result =
      run_rnncc("growth '" + model_path("pd") +
                "' --format exact --schedule scan --lowering binary --lowering rns "
                "--lengths 4..16 --optimize none --csv '" +
                csv.string() + "' --html '" + html.string() + "' --svg '" + svg.string() + "'");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  std::vector<std::string> header;
  const auto rows = read_csv(csv, header);
  REQUIRE(rows.size() == 6);  // each lowering at 4, 8, 16, binary first
  std::ifstream html_file(html);
  const std::string html_text((std::istreambuf_iterator<char>(html_file)),
                              std::istreambuf_iterator<char>());
  std::ifstream svg_file(svg);
  const std::string svg_text((std::istreambuf_iterator<char>(svg_file)),
                             std::istreambuf_iterator<char>());
  CHECK(svg_text.find("exact/rns") != std::string::npos);
  CHECK(html_text.find("<table id=\"lowerings\">") != std::string::npos);
  CHECK(result.standard_output.find("binary/rns") != std::string::npos);
  for (std::size_t i = 0; i < 3; ++i) {
    const std::size_t length = std::size_t{4} << i;
    CAPTURE(length);
    const auto& binary_row = rows[i];
    const auto& residue_row = rows[i + 3];
    CHECK(binary_row.at("format") == "exact");
    CHECK(residue_row.at("format") == "exact/rns");
    CHECK(binary_row.at("T") == std::to_string(length));
    CHECK(residue_row.at("T") == std::to_string(length));
    const auto binary = compile_model("pd", "exact", "scan", length);
    const auto residue =
        compile_model("pd", "exact", "scan", length, rnncc::arith::ExactLowering::residue);
    const std::uint32_t binary_depth = binary.lowered.aig.depth();
    const std::uint32_t residue_depth = residue.lowered.aig.depth();
    CHECK(binary_row.at("depth") == std::to_string(binary_depth));
    CHECK(residue_row.at("depth") == std::to_string(residue_depth));
    CHECK(residue_row.at("ands") == std::to_string(residue.lowered.aig.and_count()));
    // The ratio, as the terminal table and the HTML print it, from the
    // depths of the circuits compiled here.
    const std::string ratio = fmt::format(
        "{:.2f}", static_cast<double>(binary_depth) / static_cast<double>(residue_depth));
    const std::string html_row = fmt::format(
        "<td class=\"number\">{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>"
        "<td class=\"number\">{}</td>",
        length, binary_depth, residue_depth, ratio);
    CHECK(html_text.find(html_row) != std::string::npos);
    CHECK(result.standard_output.find(ratio) != std::string::npos);
  }
  // Without the option the sweep is binary only and shows no comparison.
  const auto binary_only =
      run_rnncc("growth '" + model_path("pd") + "' --format exact --schedule scan --lengths 4..8");
  REQUIRE_MESSAGE(binary_only.exit_status == 0, binary_only.standard_error);
  CHECK(binary_only.standard_output.find("exact/rns") == std::string::npos);
  CHECK(binary_only.standard_output.find("binary/rns") == std::string::npos);
}

TEST_CASE("growth refuses bad input with one line and exit status 2") {
  std::string relu = "'";
  relu.append(model_path("relu_rnn")).append("'");
  std::vector<std::string> cases{"growth /nonexistent/model.toml"};
  for (const char* options :
       {" --lengths 0..16", " --lengths 64..16", " --lengths 16,x", " --schedule diagonal",
        " --lowering crt", " --analytic --format mod:8 --lowering binary --lowering rns",
        " --format mod:0", " --analytic --html /tmp/never.html", " --schedule scan --lengths 16"}) {
    cases.push_back("growth " + relu + options);
  }
  for (const std::string& arguments : cases) {
    CAPTURE(arguments);
    const auto result = run_rnncc(arguments);
    CHECK(result.exit_status == 2);
    CHECK(!result.standard_error.empty());
    CHECK(result.standard_error.find('\n') == result.standard_error.size() - 1);
  }
  // --analytic in a format whose widths grow: the series is skipped with a reason.
  const auto exact = run_rnncc("growth " + relu + " --analytic --lengths 16,32");
  CHECK(exact.exit_status == 2);
  CHECK(exact.standard_error.find("fixed-width format") != std::string::npos);
}

TEST_CASE("growth without models runs the default set, here restricted to its table series") {
  TemporaryDirectory directory;
  const auto csv = directory / "default.csv";
  const auto result =
      run_rnncc("growth --schedule table --lengths 16..64 --csv '" + csv.string() + "'");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  // The LSTM's 64-bit state is refused with the table size it would need.
  CHECK(result.standard_output.find("skipped lstm · table") != std::string::npos);
  CHECK(result.standard_output.find("2^64 entries") != std::string::npos);
  std::vector<std::string> header;
  const auto rows = read_csv(csv, header);
  REQUIRE(rows.size() == 3);
  std::size_t length = 16;
  for (const auto& row : rows) {
    CHECK(row.at("model") == "relu_rnn");
    CHECK(row.at("schedule") == "table");
    CHECK(row.at("format") == "mod:4");
    CHECK(row.at("T") == std::to_string(length));
    const auto compiled = compile_model("relu_rnn", "mod:4", "table", length);
    CHECK(row.at("depth") == std::to_string(compiled.lowered.aig.depth()));
    CHECK(row.at("ands") == std::to_string(compiled.lowered.aig.and_count()));
    length *= 2;
  }
}

TEST_CASE("an interrupted growth sweep keeps the CSV rows it measured") {
  TemporaryDirectory directory;
  const auto csv = directory / "rows.csv";
  // Two short lengths, then one that takes seconds to compile: the sweep is
  // stopped (SIGTERM; a shell's background job ignores SIGINT) once the two
  // rows have reached the temporary file beside rows.csv.
  const std::string growth = std::string("'") + RNNCC_CLI_EXECUTABLE + "' growth '" +
                             model_path("relu_rnn") +
                             "' --format mod:4 --schedule sequential --lengths 8,16,200000 "
                             "--optimize none --csv '" +
                             csv.string() + "'";
  const auto result = rnncc::test::run_command(
      "cd '" + directory.path().string() + "' && { " + growth +
      " >/dev/null 2>&1 & pid=$!; i=0; "
      "while [ \"$(cat rows.csv.tmp-* 2>/dev/null | wc -l)\" -lt 3 ] && [ $i -lt 1200 ]; do "
      "sleep 0.05; i=$((i+1)); done; kill -TERM $pid; wait $pid; echo \"status $?\"; }");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(result.standard_output == "status 143\n");  // ended by the signal, not finished
  std::vector<std::string> header;
  const auto rows = read_csv(csv, header);
  CHECK(header.size() == 17);
  REQUIRE(rows.size() == 2);
  for (std::size_t index = 0; index < 2; ++index) {
    const std::size_t length = index == 0 ? 8 : 16;
    const auto compiled = compile_model("relu_rnn", "mod:4", "sequential", length);
    CHECK(rows[index].at("T") == std::to_string(length));
    CHECK(rows[index].at("ands") == std::to_string(compiled.lowered.aig.and_count()));
    CHECK(rows[index].at("depth") == std::to_string(compiled.lowered.aig.depth()));
  }
  // Only the CSV: no temporary file left beside it.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory.path()))
    ++entries;
  CHECK(entries == 1);
}
