// What a report says besides the series: title, command, notes, tolerances.
#pragma once

#include <string>
#include <vector>

#include "rnncc/report/growth_class.hpp"

namespace rnncc::report {

/// Context shared by the JSON, terminal and HTML reports.
struct ReportContext {
  std::string title = "rnncc growth report";
  /// The command line that produced the series (shown when not empty).
  std::string command;
  /// Free sentences, e.g. combinations that were skipped and why.
  std::vector<std::string> notes;
  ClassificationTolerance tolerance;
};

}  // namespace rnncc::report
