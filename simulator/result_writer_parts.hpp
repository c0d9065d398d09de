#pragma once
/// \file result_writer_parts.hpp
/// The writer behind result_json_text() (result_writer.cpp), shared with
/// result_writer_attribution.cpp, which writes the attribution members; internal to
/// drsim_result. Every object's members are written in nlohmann::json's order (keys sorted by
/// bytes), so that the text is the tree's dump; result.cpp builds the same members.

#include <cmath>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/units.hpp"
#include "simulator/json_writer.hpp"
#include "simulator/result.hpp"
#include "simulator/result_writer.hpp"

namespace drsim::result_text {

/// Rounds to 3 decimals, as result.cpp does.
inline double r3(double v) {
  return round3(v);
}

class Writer {
 public:
  /// Appends to out; with a sink, hands it the text made so far whenever it passes ~1 MiB
  /// (between systems and members) and empties out.
  Writer(std::string& out, bool pretty, const Result& r, const ResultSink* sink = nullptr)
      : w_(out, pretty), out_(out), sink_(sink), r_(r), start_(r.start_week_s) {}

  void document(const nlohmann::json& extra);

  /// The size of the pieces handed to a sink.
  static constexpr std::size_t kPieceBytes = std::size_t{1} << 20;

 private:
  std::string at(double t) const { return units::format_week_time(start_ + t); }
  void time_or_null(const std::optional<double>& t) {
    if (t)
      w_.value(r3(*t));
    else
      w_.null();
  }
  void at_or_null(const std::optional<double>& t) {
    if (t)
      w_.value(at(*t));
    else
      w_.null();
  }
  void maybe_flush() {
    if (sink_ != nullptr && out_.size() >= kPieceBytes) (*sink_)(out_), out_.clear();
  }
  void phase(const PhaseRecord& p);
  void system(const SystemResult& s, std::size_t i);
  void finding(const Finding& f);
  void exercise();
  void recovery();
  void metrics();
  void series();
  void series_map(const std::map<std::string, std::vector<double>>& m);
  void rounded_map(const std::map<std::string, double>& m);
  void account(const std::vector<attribution::AccountEntry>& entries, double until);
  void critical_path();
  void rto_drivers();

  JsonWriter w_;
  std::string& out_;
  const ResultSink* sink_;
  const Result& r_;
  double start_;
};

}  // namespace drsim::result_text
