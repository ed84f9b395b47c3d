// Growth series as aligned terminal tables.
#pragma once

#include <string>
#include <vector>

#include "rnncc/report/growth_series.hpp"
#include "rnncc/report/report_context.hpp"

namespace rnncc::report {

/// One row per series × length with columns model, schedule, format, T,
/// ands, depth, arith, mult, width, bits, T_16, T_256, seconds, peak MiB
/// (absent word depths print as "-"). Columns are padded to align; ANSI
/// colour (bold header) only when `colour`, otherwise a dashed rule under
/// the header. Every integer is printed exactly.
std::string render_terminal_table(const std::vector<GrowthSeries>& all, bool colour);

/// One row per series × measure: measured class, expected class ("<= log"
/// for an upper bound, "-" when none), verdict (green match, red mismatch
/// when `colour`), and the slope and R² of the fits against log T, log² T
/// and T.
std::string render_terminal_classes(const std::vector<GrowthSeries>& all, bool colour,
                                    const ClassificationTolerance& tolerance = {});

/// Both tables, then the binary and residue lowerings of each model side by
/// side with their depth ratio (render_lowering_comparison, when the series
/// hold both), then one line per mismatch with the expectation's reason and
/// the classification's reason, then the context's notes.
std::string render_terminal_report(const std::vector<GrowthSeries>& all, bool colour,
                                   const ReportContext& context = {});

}  // namespace rnncc::report
