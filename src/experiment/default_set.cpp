#include "rnncc/experiment/default_set.hpp"

#include <system_error>

#include "rnncc/common/error.hpp"

namespace rnncc::experiment {

namespace {

using compile::Schedule;
using compile::ScheduleKind;

constexpr Schedule scan{ScheduleKind::scan};
constexpr Schedule sequential{ScheduleKind::sequential};
constexpr Schedule table{ScheduleKind::table};

// Lengths are powers of two from 16; the LSTM stops at 2048 (18 s and
// 1.5 GiB for that compile alone), the network at 1024 (10 s), the rest at
// 4096: about a minute on two cores (README, "Depth growth").
constexpr DefaultSeries series[] = {
    {"diagonal.toml", "mod:16", scan, 4096, PaperColumn::tc0,
     "A diagonal linear RNN, scanned in a fixed-width ring."},
    {"pd.toml", "mod:16", scan, 4096, PaperColumn::nc1,
     "A permutation-diagonal linear RNN, scanned in a fixed-width ring."},
    {"deltanet.toml", "mod:16", scan, 4096, PaperColumn::pnc1,
     "DeltaNet (diagonal plus low rank), scanned in a fixed-width ring."},
    {"rwkv7.toml", "mod:8", scan, 4096, PaperColumn::pnc1, "RWKV-7, scanned in an 8-bit ring."},
    {"relu_rnn.toml", "mod:8", sequential, 4096, PaperColumn::log_precision,
     "A ReLU RNN is nonlinear, so it has no scan and runs sequentially."},
    {"relu_rnn.toml", "mod:4", table, 4096, PaperColumn::log_precision,
     "The ReLU RNN's 4-bit state (log precision) fits a state table, composed by pointer "
     "jumping."},
    {"lstm.toml", "fixed:16.8", sequential, 2048, PaperColumn::polynomial_precision,
     "An LSTM in 16-bit fixed point (poly precision), sequentially; it stops at 2048, whose "
     "compile alone takes 18 s and 1.5 GiB."},
    {"lstm.toml", "fixed:16.8", table, 2048, PaperColumn::polynomial_precision,
     "The table schedule refuses the LSTM's 64 state bits (2^64-entry tables): the refusal is "
     "part of the demonstration."},
    {"network.toml", "mod:16", scan, 1024, PaperColumn::pnc1,
     "The paper's multi-layer architecture, DeltaNet, diagonal and RWKV-7 heads with a "
     "feed-forward sublayer, each heads sublayer scanned in turn; it stops at 1024 (10 s)."},
};

}  // namespace

std::string_view to_string(PaperColumn column) {
  switch (column) {
    case PaperColumn::tc0:
      return "TC0";
    case PaperColumn::nc1:
      return "NC1";
    case PaperColumn::pnc1:
      return "PNC1";
    case PaperColumn::log_precision:
      return "L";
    case PaperColumn::polynomial_precision:
      return "P";
  }
  return "?";
}

std::span<const DefaultSeries> default_set() {
  return series;
}

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

}  // namespace rnncc::experiment
