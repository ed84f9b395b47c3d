// The results of `rnncc prove` as one self-contained HTML page organised as
// the paper's Figure 1: a column per class (TC0, NC1, PNC1, L, P) with its
// families, the measured upper bound (depth growth and its fitted constant),
// the lower-bound evidence (a complete problem solved: accuracy, precision
// growth) and links to the claims; a plot per column; then every claim with
// its cases and evidence. Inline CSS and SVG, no scripts, no external
// resources (links are anchors within the page).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rnncc/report/claim_report.hpp"

namespace rnncc::report {

/// The document. Elements: `table#figure1` (one <td class="column COLUMN">
/// per class and row; each claim reference an <a class="claim-link"
/// href="#claim-ID">), one <svg class="column-plot" data-column=COLUMN>
/// per column with growth cases (<circle class="measured"> per point,
/// <polyline class="theory"> the fitted curve of the expected class,
/// <polyline class="increment"> the per-doubling increments), and one
/// <section class="claim" id="claim-ID"> per claim with a <tr
/// class="case pass|fail|unexpected"> per case. `command` is shown when
/// not empty.
std::string claims_html_text(const std::vector<ClaimResult>& claims, const std::string& command);

/// Writes claims_html_text to `path` atomically.
void write_claims_html(const std::filesystem::path& path, const std::vector<ClaimResult>& claims,
                       const std::string& command);

}  // namespace rnncc::report
