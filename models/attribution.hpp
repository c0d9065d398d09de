#pragma once
/// \file attribution.hpp
/// Why a system came up when it did: every second from the exercise start to its up time
/// (or the end) attributed to one cause of a small fixed vocabulary (docs/result-format.md,
/// "attribution"). The engine records timed segments as it plays; these pure functions lay
/// out an interval among causes, split a CPU slice, account a restore on the tape drives,
/// and sum a timeline into an account that adds up exactly.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace drsim::attribution {

/// What a second of a system's recovery went to.
enum class Cause {
  TapeQueue,    ///< its volumes waited for a tape drive (queued behind others' cartridges)
  TapeRead,     ///< its volumes were being read (drive-bound, or DASD-bound)
  Predecessor,  ///< waiting for a plan step or another system (a predecessor)
  Ipl,          ///< its own IPL work at the speed it was given
  Boot,         ///< a guest's boot (CMS: logon) at the speed it was given
  AppStart,     ///< application start (z/OS subsystems, WAS) at the speed it was given
  TsmRestore,   ///< TSM incrementals into a guest
  CpuStarved,   ///< its CPU work ran below one CP: who held the CPs, or the SIE level's cost
  Paging,       ///< waiting for page-ins on its z/VM's paging volumes
  Blocked,      ///< a network definition missing at the DR site
  LeadTime,     ///< an operator's or the vendor's lead time (a reaction, a reconfiguration)
  OffHours,     ///< outside the working hours of the people who do the work
  StaffWork,    ///< staff rebuilding a distributed system in their working hours
  ForcedOff,    ///< logged off by an operator and left off
  NotStarted,   ///< nothing started it (not in the plan, not at the DR site, its VM never up)
  Up,           ///< up and running (after its up time; never in an account)
};

/// The resource classes of the "what set the RTO" summary.
enum class ResourceClass { Tape, Dasd, Cps, Paging, Network, People, Plan, Work };

/// "tape-queue", "cpu-starved", ... (the result.json spelling).
const char* to_string(Cause c);
/// "tape", "dasd", "cps", "paging", "network", "people", "plan", "work".
const char* to_string(ResourceClass c);
/// The class a cause's resource belongs to unless the engine says otherwise (tape-read is
/// Tape when drive-bound, Dasd when the DASD subsystem paced it).
ResourceClass default_class(Cause c);

/// A segment's text (a resource, a detail, a gate), interned: a 10,000-guest run records
/// ~250,000 segments but only a few distinct texts per guest, so each is stored once and a
/// segment holds a pointer (bench/README.md "Segments' texts interned"). Texts live until
/// the process ends; equal texts are the same pointer.
class Text {
 public:
  Text() = default;
  // Implicit both ways on purpose: a text is made from a string and read as one.
  Text(std::string_view s);
  Text(const std::string& s) : Text(std::string_view(s)) {}
  Text(const char* s) : Text(std::string_view(s)) {}
  const std::string& str() const { return *p_; }
  operator const std::string&() const { return *p_; }
  operator std::string_view() const { return *p_; }
  bool empty() const { return p_->empty(); }
  friend bool operator==(const Text& a, const Text& b) { return a.p_ == b.p_; }
  friend bool operator==(const Text& a, std::string_view b) { return *a.p_ == b; }
  friend bool operator==(const Text& a, const std::string& b) { return *a.p_ == b; }
  friend bool operator==(const Text& a, const char* b) { return *a.p_ == b; }
  friend std::string operator+(const Text& a, std::string_view b) {
    return std::string(*a.p_).append(b);
  }
  friend std::string operator+(std::string_view a, const Text& b) {
    return std::string(a).append(*b.p_);
  }
  friend std::ostream& operator<<(std::ostream& o, const Text& t) { return o << *t.p_; }

 private:
  static const std::string kEmpty;
  const std::string* p_ = &kEmpty;
};

/// "other LPARs (PR/SM)": the CPs PR/SM gave to other LPARs, as a slice's holder and as the
/// detail of a wait no holder in its own LPAR explains.
const Text& other_lpars();

/// One stretch of one system's time, all given to one cause.
struct Segment {
  Cause cause = Cause::NotStarted;
  ResourceClass cls = ResourceClass::Plan;
  Text resource;  ///< what it waited on or ran on: "the 4 tape drives", "VMPROD"
  Text detail;    ///< who or why: "behind ZOSP1's cartridges", "the vendor's load"
  double start = 0, end = 0;
  Text gate;  ///< Predecessor: the system whose coming up ended this wait ("" = none)
  std::optional<double> gate_at;  ///< when that system came up (or its restore finished)
  double seconds() const { return end - start; }
};

/// A share of an interval given to one cause (no position in time).
struct Portion {
  Cause cause = Cause::NotStarted;
  ResourceClass cls = ResourceClass::Plan;
  Text resource, detail;
  double seconds = 0;
};

/// Makes a portion whose class is the cause's default.
Portion portion(Cause cause, double seconds, Text resource = {}, Text detail = {});

/// Lays portions out one after the other over [start, end], scaled so that they fill it
/// exactly; empty portions are dropped. With nothing to lay out (or all zero), the whole
/// interval goes to `fallback`.
std::vector<Segment> lay_out(double start, double end, const std::vector<Portion>& portions,
                             const Portion& fallback);

/// Who used CPs of the guest's LPAR while one of its CPU slices ran (CP-seconds).
struct Holder {
  Text who;  ///< "the vendor's load", "z/OS", "other guests", "z/VM"
  double cp_s = 0;
};

/// One CPU slice of a system's own work as the engine measured it.
struct CpuSlice {
  double elapsed_s = 0;         ///< wall time from asking for the CPs to the work being done
  double own_s = 0;             ///< the work's seconds on one full DR CP without SIE cost
  double sie_factor = 1;        ///< the SIE level's CPU multiplier (own_s x factor was run)
  double token_wait_s = 0;      ///< waiting for a virtual CP of a 2nd-level z/VM
  std::vector<Holder> holders;  ///< everyone else's CP use in the LPAR meanwhile
  Cause work = Cause::Boot;     ///< the cause of the own work (ipl, boot, app-start)
  Text work_resource;           ///< e.g. the system's name
  Text cps;                     ///< the CPs it ran on: "VNDVM's CPs"
  Text vcpus;                   ///< "VMPROD's 2 virtual CPs at SIE level 3" ("" = none)
  int sie_level = 1;
};

/// Splits a CPU slice's elapsed time: its own work at full speed, the SIE level's extra
/// cost, the wait for a virtual CP, and the rest (its share below its demand) among the
/// holders in proportion to their CP use ("other LPARs" when nobody in its LPAR held any).
/// The portions add up to elapsed_s exactly.
std::vector<Portion> split_cpu_slice(const CpuSlice& s);

/// One volume's time on a drive: [start, end], `drive_s` of it at the drive's own pace
/// (fixed overhead + bytes / drive rate); the rest the DASD subsystem's pacing.
struct VolumeRun {
  std::string system;
  double start = 0, end = 0;
  double drive_s = 0;
};

/// The segments of one system's restore from `queued` (its volumes entered the queue) to
/// `done` (its last volume on DASD): reading while any of its volumes is on a drive
/// (drive-bound and DASD-bound in the proportion of its volumes' drive_s), queued otherwise,
/// naming the systems whose volumes held the drives. A gap between its reads in which no
/// one else's volume was on a drive (the drives rewinding its own cartridges) is reading.
std::vector<Segment> restore_segments(const std::string& system, double queued, double done,
                                      const std::vector<VolumeRun>& all_runs,
                                      const std::string& drives);

/// Every system's volume runs indexed once, for restore_segments on a site of thousands of
/// systems (without it each system scans every run, and again per queue gap: issue 18).
/// Holds a reference to `runs`, which must outlive it unchanged; one thread at a time
/// (holders() marks the systems it saw in the index).
class VolumeRuns {
 public:
  explicit VolumeRuns(const std::vector<VolumeRun>& runs);
  const std::vector<VolumeRun>& runs() const { return *runs_; }
  /// The runs of `system`, in their order in `runs`.
  const std::vector<const VolumeRun*>& of(const std::string& system) const;
  /// Systems other than `self` with a volume on a drive during [a, b], in first-seen order.
  std::vector<std::string> holders(const std::string& self, double a, double b) const;
  /// Whether a system other than `self` had a volume on a drive during [a, b].
  bool others_during(const std::string& self, double a, double b) const;

 private:
  /// Calls f(k) for the index k of every run that overlaps [a, b], in order, until f
  /// returns false.
  template <typename F>
  void each_during(double a, double b, F f) const;
  /// Sorted by end: the runs [first, last) are all that can overlap [a, b], those that end
  /// after a and before b + the longest run (with a second to spare for rounding).
  std::pair<std::size_t, std::size_t> window(double a, double b) const;
  /// The number of `system` among the systems with runs (-1: none).
  int id_of(const std::string& system) const;
  const std::vector<VolumeRun>* runs_;
  bool by_end_ = true;  ///< sorted by end (the engine appends each run as it ends)
  double longest_ = 0;  ///< the longest run, in seconds
  std::unordered_map<std::string_view, int> ids_;  ///< system -> its number
  std::vector<int> id_;                            ///< per run, its system's number
  std::vector<const std::string*> names_;          ///< per number, the system's name
  std::vector<std::vector<const VolumeRun*>> of_;  ///< per number, the system's runs
  /// holders' marks, per system number: the call that last saw it (no set per call)
  mutable std::vector<unsigned> seen_;
  mutable unsigned call_ = 0;
};

/// restore_segments with the runs indexed (the same segments).
std::vector<Segment> restore_segments(const std::string& system, double queued, double done,
                                      const VolumeRuns& runs, const std::string& drives);

/// Staff work from `start` to `finish` (seconds from the exercise start, which is
/// `start_week_s` into the week): StaffWork inside the daily hours [from_s, to_s) (seconds of
/// the day), OffHours outside them. Without hours, all of it is StaffWork.
std::vector<Segment> staff_segments(double start, double finish, double start_week_s,
                                    std::optional<double> from_s, std::optional<double> to_s,
                                    const std::string& who);

/// A timeline made contiguous over [0, until]: sorted, clipped to it, overlaps cut (the
/// earlier segment wins), gaps given to `fallback`.
std::vector<Segment> normalise(std::vector<Segment> segments, double until,
                               const Portion& fallback);

/// One line of an account: the seconds of one cause on one resource, for one who/why.
struct AccountEntry {
  Cause cause = Cause::NotStarted;
  ResourceClass cls = ResourceClass::Plan;
  std::string resource, detail;
  double seconds = 0;
};

/// Sums a contiguous timeline (normalise()) over [0, until] by cause, resource and detail,
/// largest first; the entries add up to `until`. Up segments are never counted.
std::vector<AccountEntry> account(const std::vector<Segment>& timeline, double until);

}  // namespace drsim::attribution
