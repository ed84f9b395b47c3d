// Growth series as an SVG plot: depth against T (log2 axis) beside size
// against T (log–log), one line per series, with a legend. Hand-written SVG
// 1.1 without scripts, fonts or external references.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rnncc/report/growth_series.hpp"

namespace rnncc::report {

/// The plot as a standalone SVG document (no XML declaration, so it can also
/// be inlined in HTML). Each series draws one <polyline class="depth-line">
/// in the depth panel (linear y) and one <polyline class="size-line"> in the
/// size panel (log y), both with data-series="LABEL", a circle with a
/// <title> per point, and one legend entry (<g class="legend-entry">). When
/// the depths span more than a factor 100, a middle panel plots depth on a
/// log y axis too (<polyline class="depth-log-line">), so that log-depth
/// series stay readable beside linear ones. Labels name the format when the
/// series differ in format. An empty list gives a plot saying so.
std::string growth_svg_text(const std::vector<GrowthSeries>& all);

/// growth_svg_text(all) after an XML declaration: the file as written.
std::string growth_svg_document(const std::vector<GrowthSeries>& all);

/// Writes growth_svg_document(all) to `path` atomically.
void write_growth_svg(const std::filesystem::path& path, const std::vector<GrowthSeries>& all);

}  // namespace rnncc::report
