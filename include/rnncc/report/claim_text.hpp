// The results of `rnncc prove` as a terminal table and as JSON.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rnncc/report/claim_report.hpp"

namespace rnncc::report {

/// One row per case: claim, case, measured, expected, verdict (PASS/FAIL,
/// coloured when `colour`), each followed by its evidence lines indented;
/// then one summary line: cases, passes, expected failures, and how many
/// verdicts differ from the claim files'.
std::string render_claim_table(const std::vector<ClaimResult>& claims, bool colour);

/// The number of cases whose verdict is not the one their claim file expects.
std::size_t unexpected_verdicts(const std::vector<ClaimResult>& claims);

/// {"command", "claims": [{"id", "path", "title", "statement", "source",
/// "column", "families", "known_error", "as_expected", "cases": [{"name",
/// "kind", "subject", "measured", "expected", "holds", "should_hold",
/// "verdict", "as_expected", "role", "summary", "evidence", "seconds"}]}],
/// "unexpected_verdicts"}, pretty-printed.
std::string claims_json_text(const std::vector<ClaimResult>& claims, const std::string& command);

/// Writes claims_json_text to `path` atomically.
void write_claims_json(const std::filesystem::path& path, const std::vector<ClaimResult>& claims,
                       const std::string& command);

}  // namespace rnncc::report
