#include "rnncc/report/growth_json.hpp"

#include <nlohmann/json.hpp>

#include "rnncc/common/atomic_file.hpp"
#include "rnncc/report/series_analysis.hpp"

namespace rnncc::report {

namespace {

using Json = nlohmann::ordered_json;

Json optional_value(const std::optional<std::uint32_t>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json point_json(const GrowthPoint& point) {
  Json json;
  json["T"] = point.length;
  json["ands"] = point.ands;
  json["depth"] = point.depth;
  json["opt_depth"] = point.optimized_depth;
  json["arith_depth"] = optional_value(point.arithmetic_depth);
  json["mult_depth"] = optional_value(point.multiplicative_depth);
  json["max_width"] = point.max_width;
  json["precision_bits"] = point.precision_bits;
  if (point.bits_observed != 0) json["bits_observed"] = point.bits_observed;
  json["brent_16"] = point.brent_16;
  json["brent_256"] = point.brent_256;
  json["compile_seconds"] = point.compile_seconds;
  json["peak_bytes"] = point.peak_bytes;
  return json;
}

Json analysis_json(const MeasureAnalysis& analysis) {
  Json json;
  json["measure"] = std::string(to_string(analysis.measure));
  json["samples"] = analysis.sample_count;
  json["class"] = std::string(to_string(analysis.classification.growth));
  json["reason"] = analysis.classification.reason;
  Json increments = Json::array();
  for (const DoublingIncrement& increment : analysis.classification.increments)
    increments.push_back({{"log2_T", static_cast<double>(increment.log2_length)},
                          {"delta", static_cast<double>(increment.increment)}});
  json["increments"] = std::move(increments);
  json["trend_rise"] = static_cast<double>(analysis.classification.trend_rise);
  Json fits = Json::array();
  for (const GrowthFit& fit : analysis.fits)
    fits.push_back({{"basis", std::string(to_string(fit.basis))},
                    {"intercept", static_cast<double>(fit.line.intercept)},
                    {"slope", static_cast<double>(fit.line.slope)},
                    {"r_squared", static_cast<double>(fit.line.r_squared)}});
  json["fits"] = std::move(fits);
  json["expected"] = analysis.expected.growth
                         ? Json(std::string(to_string(*analysis.expected.growth)))
                         : Json(nullptr);
  json["expected_upper_bound"] = analysis.expected.upper_bound;
  json["expected_reason"] = analysis.expected.reason;
  json["expected_column"] = analysis.expected.column;
  json["expected_circuit_only"] = analysis.expected.circuit_only;
  json["verdict"] = std::string(to_string(analysis.verdict));
  return json;
}

}  // namespace

std::string growth_json_text(const std::vector<GrowthSeries>& all, const ReportContext& context) {
  Json document;
  document["title"] = context.title;
  document["command"] = context.command;
  document["notes"] = context.notes;
  Json series_list = Json::array();
  const bool with_format = formats_differ(all);
  for (const GrowthSeries& series : all) {
    Json json;
    json["model"] = series.model;
    json["family"] = series.family;
    json["schedule"] = series.schedule;
    json["format"] = series.format;
    json["label"] = series_label(series, with_format);
    Json points = Json::array();
    for (const GrowthPoint& point : series.points)
      points.push_back(point_json(point));
    json["points"] = std::move(points);
    Json analyses = Json::array();
    for (const MeasureAnalysis& analysis : analyse_series(series, context.tolerance))
      analyses.push_back(analysis_json(analysis));
    json["analysis"] = std::move(analyses);
    series_list.push_back(std::move(json));
  }
  document["series"] = std::move(series_list);
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void write_growth_json(const std::filesystem::path& path, const std::vector<GrowthSeries>& all,
                       const ReportContext& context) {
  write_file_atomically(path, growth_json_text(all, context));
}

}  // namespace rnncc::report
