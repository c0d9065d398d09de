#pragma once
/// \file attribution_view.hpp
/// Typed reads of the attribution parts of a result document (docs/result-format.md,
/// "Attribution and the critical path"): each system's account, the critical path and what
/// set the RTO. Shared by `drsim explain`, the HTML timeline and `drsim compare`.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace drsim::reports {

/// One line of a system's account: seconds of one cause on one resource.
struct CauseLine {
  std::string cause, cls, resource, detail;
  double s = 0;
};

/// One system's account from the exercise start to its up time (or the end).
struct SystemAccount {
  std::string name, kind, status;
  bool critical = false;
  std::optional<double> up_s;
  double until_s = 0;
  std::vector<CauseLine> causes;  ///< largest first
};

/// One segment of the critical path.
struct PathLine {
  std::string system, cause, cls, resource, detail;
  double start_s = 0, end_s = 0;
};

/// Seconds on the critical path for a class (resource empty) or one resource.
struct DriverLine {
  std::string cls, label, resource;
  double s = 0;
};

/// What set the RTO: where the walk started and the seconds per class and top resources.
struct Drivers {
  std::string system;  ///< the system the walk started from
  double t_s = 0;      ///< the RTO moment (last critical up, or the exercise end)
  bool met = false;    ///< every critical system came up (all_critical_up)
  std::vector<DriverLine> by_class, top;
  std::string summary;
};

/// True when the document carries attribution (written by a drsim that records it).
bool has_attribution(const nlohmann::json& doc);

/// Every system's account, in /systems order. Throws ResultFileError naming `file` and the
/// JSON Pointer of a malformed field.
std::vector<SystemAccount> read_accounts(const nlohmann::json& doc, const std::string& file);

/// /critical_path in time order.
std::vector<PathLine> read_critical_path(const nlohmann::json& doc, const std::string& file);

/// /rto_drivers.
Drivers read_drivers(const nlohmann::json& doc, const std::string& file);

/// A cause for people: "waiting for a tape drive", "CPU-starved", "blocked", ...
std::string cause_label(const std::string& cause);

/// "the 4 tape drives (behind ZOSP1's cartridges)", or whichever of the two is set.
std::string resource_and_detail(const std::string& resource, const std::string& detail);

}  // namespace drsim::reports
