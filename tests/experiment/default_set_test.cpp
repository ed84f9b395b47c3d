// The default set: every entry names a model of circuits/models/, a format
// and schedule that parse and apply (but the one refusal it demonstrates),
// and a paper column that fits its family.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/experiment/default_set.hpp"
#include "rnncc/experiment/lengths.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/family.hpp"

using namespace rnncc;
using experiment::PaperColumn;

namespace {

/// The paper classes (model::PaperClass) a column may be shown by.
bool fits(PaperColumn column, model::PaperClass paper_class) {
  switch (column) {
    case PaperColumn::tc0:
      return paper_class == model::PaperClass::tc0;
    case PaperColumn::nc1:
      return paper_class == model::PaperClass::nc1;
    case PaperColumn::pnc1:
      return paper_class == model::PaperClass::pnc1 || paper_class == model::PaperClass::composite;
    case PaperColumn::log_precision:
    case PaperColumn::polynomial_precision:
      return paper_class == model::PaperClass::nonlinear;
  }
  return false;
}

}  // namespace

TEST_CASE("each default series reads, fits its column, and applies (but the LSTM's table)") {
  const std::filesystem::path directory =
      std::filesystem::path(RNNCC_SOURCE_DIR) / "circuits" / "models";
  int refused = 0;
  for (const experiment::DefaultSeries& series : experiment::default_set()) {
    CAPTURE(std::string(series.model));
    CAPTURE(std::string(series.format));
    CHECK_FALSE(series.reason.empty());
    CHECK(series.reason.back() == '.');
    // Powers of two from 16, no longer than a compile accepts.
    CHECK(series.longest >= experiment::default_shortest_length);
    CHECK(series.longest <= compile::max_length);
    CHECK((series.longest & (series.longest - 1)) == 0);
    const model::Model model =
        io::read_model_file(directory / series.model, arith::parse_format(series.format));
    CHECK(fits(series.column, model.family->paper_class));
    compile::CompileOptions options;
    options.schedule = series.schedule;
    options.length = experiment::default_shortest_length;
    try {
      compile::check_options(model, options);
    } catch (const InputError& error) {
      ++refused;
      // The refusal the set demonstrates: an LSTM's 64 state bits in a table.
      CHECK(series.model == "lstm.toml");
      CHECK(series.schedule.kind == compile::ScheduleKind::table);
      CHECK(std::string(error.what()).find("2^64") != std::string::npos);
    }
  }
  CHECK(refused == 1);
}

TEST_CASE("the default set covers every column of the paper's table") {
  for (PaperColumn column : {PaperColumn::tc0, PaperColumn::nc1, PaperColumn::pnc1,
                             PaperColumn::log_precision, PaperColumn::polynomial_precision}) {
    CAPTURE(std::string(to_string(column)));
    bool shown = false;
    for (const experiment::DefaultSeries& series : experiment::default_set())
      shown = shown || series.column == column;
    CHECK(shown);
  }
}

TEST_CASE("the model directory is found above the test executable") {
  // The tests run in the build tree, below the source tree's circuits/models.
  const std::filesystem::path found = experiment::default_model_directory();
  CHECK(std::filesystem::equivalent(
      found, std::filesystem::path(RNNCC_SOURCE_DIR) / "circuits" / "models"));
}
