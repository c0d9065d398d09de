#pragma once
/// \file lpar_shares.hpp
/// The DR machine's CPs as PR/SM hands them out: an Lpar per DR LPAR (and per set of CPs an
/// operator dedicates later to a customer's z/VM), and the Prsm that water-fills the shared
/// pool among the shared LPARs by weight whenever their demand changes.

#include <deque>
#include <map>
#include <memory>
#include <simgrid/s4u.hpp>
#include <string>

#include "models/attribution.hpp"
#include "models/cpu.hpp"
#include "models/params.hpp"
#include "simulator/level.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;

/// Work of one full-speed production engine in one second, in SimGrid flops.
inline constexpr double kFlopsPerCp = 1e9;

/// A CPU container: a DR LPAR (shared or dedicated), or CPs dedicated later to a customer's
/// z/VM by an operator action. Its host runs the execs; a shared one's host is one core whose
/// pstate is its current share.
struct Lpar {
  std::string name;
  sg4::Host* host = nullptr;
  int logical = 1;
  bool shared = true;
  int dedicated_later = 0;  ///< CPs an operator dedicated to this (formerly shared) LPAR
  double weight = 100;
  bool capped = false;
  double threads = 0;  ///< active demand, in CPs
  double demand = 0;   ///< min(threads, logical): what PR/SM could give it
  double bound = -1;   ///< last share set, in CPs (-1 = none yet)
  long pstate = -1;    ///< the host's pstate for that share
  /// The pstate last set on the host. It lags `pstate` while no CPU work with an end runs in
  /// the LPAR (only steady loads, whose rate nothing reads): see Prsm::begin_work.
  long applied = -1;
  int working = 0;  ///< CPU work with an end (run_cpu's execs) running on the host now
  /// The host's pstate speeds, ascending (a shared LPAR's; null for one dedicated from the
  /// start, which PR/SM never shares); shared by LPARs of one size.
  std::shared_ptr<const std::vector<double>> ladder;
  Level busy;  ///< fraction of logical CPs with work (what the OS sees)
  /// Its CPs as attribution names them while shared and once dedicated (recorder.hpp
  /// cps_labels), interned once instead of at every CPU slice.
  attribution::Text shared_cps, dedicated_cps;
  /// Attribution (docs/result-format.md): CPs of demand per holder ("the vendor's load",
  /// "z/OS ZOSP1", ...) and demand PR/SM did not serve, integrated over time.
  std::map<std::string, Integral> held_by;
  Integral denied;
};

/// PR/SM on the DR machine: owns the Lpars and gives the shared ones their share of the pool.
class Prsm {
 public:
  /// `pool_cps`: the machine's CPs not dedicated to an LPAR; `flops_per_cp`: a DR CP's speed.
  void configure(const CpuParams& params, double pool_cps, double flops_per_cp);
  Lpar& add(Lpar lpar);
  std::deque<Lpar>& lpars() { return lpars_; }
  const std::deque<Lpar>& lpars() const { return lpars_; }
  double flops_per_cp() const { return flops_per_cp_; }

  /// `delta_threads` more (or fewer) CPs of work in LPAR `c` by `who` (a holder label for
  /// attribution, "" = none); re-shares the pool if needed.
  void change(Lpar& c, double delta_threads, const std::string& who = {});
  /// Water-fills the pool among the shared LPARs by weight (models/cpu.hpp share_cps).
  void rebalance();
  /// From now on, demand changes at one instant are re-shared once, by an actor on `host`
  /// that runs before the clock moves (issue 18: at 800 LPARs each re-share sets ~550
  /// pstates, and SimGrid re-solves every host whose speed changed).
  void batch_on(sg4::Host* host);
  /// CPU work with an end starts on `c`'s host: the host gets the pstate of its current share
  /// first, and keeps getting each new one until end_work. While none runs, a new share is
  /// only noted: the host's steady loads never end and nothing reads their rate, and hosts
  /// share no LMM constraint, so a speed set later gives every exec that ends the same rates
  /// (issue 18: at 20,000 guests ~800 LPARs were re-shared at each move of the water level,
  /// most of them running steady loads only).
  void begin_work(Lpar& c);
  void end_work(Lpar& c) { --c.working; }
  /// Takes shared LPAR `c` out of the pool with `cps` CPs of its own (an operator's action).
  void dedicate(Lpar& c, int cps);
  /// The pool loses `cps` CPs (dedicated by an operator) and is re-shared.
  void shrink_pool(int cps);

 private:
  void set_share(Lpar& c, double cps);
  /// Sets `c`'s host to its share's pstate, if it has another.
  static void apply(Lpar& c);
  /// The demand its share leaves unserved, from now on (attribution only).
  static void note_denied(Lpar& c);
  double capacity() const;
  /// A re-share now, or at the end of this instant once batch_on() started the actor.
  void request_rebalance();

  const CpuParams* params_ = nullptr;
  double pool_cps_ = 0;       ///< the DR machine's shared CPs
  double shared_demand_ = 0;  ///< sum of the shared LPARs' demand, in CPs
  double flops_per_cp_ = kFlopsPerCp;
  std::deque<Lpar> lpars_;           ///< the DR LPARs in topology order, then the reserved ones
  sg4::SemaphorePtr batch_;          ///< wakes the re-share actor (null: re-share at once)
  bool pending_ = false;             ///< a re-share is due before the clock moves
  std::vector<LparDemand> demands_;  ///< rebalance's buffers, kept between calls
  std::vector<Lpar*> shared_;
  std::vector<std::size_t> order_;  ///< share_cps' fill order of the last re-share
};

}  // namespace drsim::sim
