// Growth series as a self-contained HTML report: verdicts, the plot, fits
// and the measurements, with inline CSS and inline SVG, no scripts and no
// external resources (it opens offline).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rnncc/report/growth_series.hpp"
#include "rnncc/report/report_context.hpp"

namespace rnncc::report {

/// The HTML document. Tables: `#verdicts` (one <tr class="verdict
/// match|mismatch|..."> per series × measure, with measured and expected
/// class and both reasons), `#fits` (one row per series × measure × basis),
/// `#measurements` (one <tr class="point"> per series × length, the CSV's
/// columns) and, when the series hold a model in both the binary and the
/// residue lowering, `#lowerings` (one <tr class="lowering"> per length both
/// measured: both depths, binary/rns depth ratio, both AND counts). The plot is growth_svg_text
/// inlined. Context notes and the command line are shown when present.
std::string growth_html_text(const std::vector<GrowthSeries>& all,
                             const ReportContext& context = {});

/// Writes growth_html_text to `path` atomically.
void write_growth_html(const std::filesystem::path& path, const std::vector<GrowthSeries>& all,
                       const ReportContext& context = {});

}  // namespace rnncc::report
