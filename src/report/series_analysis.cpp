#include "rnncc/report/series_analysis.hpp"

namespace rnncc::report {

std::vector<MeasureAnalysis> analyse_series(const GrowthSeries& series,
                                            const ClassificationTolerance& tolerance) {
  std::vector<MeasureAnalysis> analyses;
  for (Measure measure : all_measures) {
    std::vector<Sample> samples = measure_samples(series, measure);
    if (samples.empty()) continue;
    MeasureAnalysis analysis;
    analysis.measure = measure;
    analysis.sample_count = samples.size();
    analysis.classification = classify(samples, tolerance);
    analysis.fits = growth_fits(samples);
    analysis.expected = series.expected[measure];
    analysis.verdict = judge(analysis.expected, analysis.classification.growth);
    analyses.push_back(std::move(analysis));
  }
  return analyses;
}

std::vector<std::vector<MeasureAnalysis>> analyse_all(const std::vector<GrowthSeries>& all,
                                                      const ClassificationTolerance& tolerance) {
  std::vector<std::vector<MeasureAnalysis>> analyses;
  for (const GrowthSeries& series : all)
    analyses.push_back(analyse_series(series, tolerance));
  return analyses;
}

}  // namespace rnncc::report
