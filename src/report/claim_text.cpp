#include "rnncc/report/claim_text.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "rnncc/common/atomic_file.hpp"
#include "text_table.hpp"

namespace rnncc::report {

std::size_t unexpected_verdicts(const std::vector<ClaimResult>& claims) {
  std::size_t count = 0;
  for (const ClaimResult& claim : claims)
    for (const CaseResult& result : claim.cases)
      count += result.as_expected() ? 0 : 1;
  return count;
}

std::string render_claim_table(const std::vector<ClaimResult>& claims, bool colour) {
  std::string text;
  std::size_t cases = 0, passes = 0, expected_failures = 0;
  for (const ClaimResult& claim : claims) {
    text += fmt::format("{} — {} ({}{})\n", claim.id, claim.title, claim.source,
                        claim.column.empty() ? "" : ", " + claim.column);
    detail::TextTable table;
    table.headers = {"case", "measured", "expected", "verdict"};
    table.right_aligned = {false, false, false, false};
    std::vector<const CaseResult*> order;
    for (const CaseResult& result : claim.cases) {
      ++cases;
      passes += result.holds ? 1 : 0;
      expected_failures += (!result.holds && !result.should_hold) ? 1 : 0;
      const std::string verdict_colour = result.as_expected() ? "32" : "1;31";
      table.rows.push_back({{result.name, ""},
                            {result.measured, ""},
                            {result.expected, ""},
                            {verdict_text(result), verdict_colour}});
    }
    // Rows with their evidence: the table renders aligned rows; the
    // evidence follows each row, indented.
    const std::string rendered = table.render(colour);
    std::size_t line_start = 0;
    std::size_t row = 0;
    bool header_done = false;
    while (line_start < rendered.size()) {
      const std::size_t line_end = rendered.find('\n', line_start);
      const std::string line = rendered.substr(line_start, line_end - line_start);
      line_start = line_end + 1;
      text += "  " + line + "\n";
      if (!header_done) {
        // The header is one line (bold) or two (underlined by dashes).
        if (colour || line.find_first_not_of("- ") == std::string::npos) header_done = true;
        continue;
      }
      const CaseResult& result = claim.cases[row++];
      text += fmt::format("      {}\n", result.subject);
      for (const std::string& evidence : result.evidence)
        text += fmt::format("      {}\n", evidence);
    }
    text += "\n";
  }
  const std::size_t unexpected = unexpected_verdicts(claims);
  text += fmt::format(
      "{} claim{}, {} case{}: {} PASS, {} FAIL as the claim files expect (the paper's known "
      "errors), {} verdict{} differing from the claim files\n",
      claims.size(), claims.size() == 1 ? "" : "s", cases, cases == 1 ? "" : "s", passes,
      expected_failures, unexpected, unexpected == 1 ? "" : "s");
  return text;
}

std::string claims_json_text(const std::vector<ClaimResult>& claims, const std::string& command) {
  nlohmann::ordered_json json;
  json["command"] = command;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ClaimResult& claim : claims) {
    nlohmann::ordered_json entry;
    entry["id"] = claim.id;
    entry["path"] = claim.path;
    entry["title"] = claim.title;
    entry["statement"] = claim.statement;
    entry["source"] = claim.source;
    entry["column"] = claim.column;
    entry["families"] = claim.families;
    entry["known_error"] = claim.known_error;
    entry["as_expected"] = claim.as_expected();
    nlohmann::ordered_json cases = nlohmann::ordered_json::array();
    for (const CaseResult& result : claim.cases) {
      cases.push_back({{"name", result.name},
                       {"kind", result.kind},
                       {"subject", result.subject},
                       {"measured", result.measured},
                       {"expected", result.expected},
                       {"holds", result.holds},
                       {"should_hold", result.should_hold},
                       {"verdict", verdict_text(result)},
                       {"as_expected", result.as_expected()},
                       {"role", std::string(to_string(result.role))},
                       {"summary", result.summary},
                       {"evidence", result.evidence},
                       {"seconds", result.seconds}});
    }
    entry["cases"] = cases;
    list.push_back(entry);
  }
  json["claims"] = list;
  json["unexpected_verdicts"] = unexpected_verdicts(claims);
  return json.dump(2) + "\n";
}

void write_claims_json(const std::filesystem::path& path, const std::vector<ClaimResult>& claims,
                       const std::string& command) {
  write_file_atomically(path, claims_json_text(claims, command));
}

}  // namespace rnncc::report
