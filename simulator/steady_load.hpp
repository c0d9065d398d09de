#pragma once
/// \file steady_load.hpp
/// The steady work of running systems, one SteadyLoad per load: a z/VM's running guests and
/// CP itself (with their page faults), an up z/OS, or the vendor's own workload in its LPAR.
/// Each is an actor that holds its CPU demand (and a z/VM's steady page-ins) as long-running
/// execs and re-reads it when poked.

#include <memory>
#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

#include "simulator/event.hpp"

namespace drsim::sim {

namespace sg4 = simgrid::s4u;
struct World;
struct Lpar;
class Zvm;
class System;

/// A load's steady CPU demand as `threads` bounded execs that run until the load changes, so
/// PR/SM sees one change per load change rather than two per period.
class SteadyCpu {
 public:
  /// Holds `cps` CPs of demand (on at most `limit` threads) in `lpar`, by `who`.
  void set(World& w, Lpar* lpar, double cps, int limit, const std::string& who = {});

 private:
  std::vector<sg4::ExecPtr> execs_;
  Lpar* lpar_ = nullptr;
  double demand_ = 0;
  std::string who_;
};

/// A z/VM's running guests' steady page faults as one bounded transfer on its paging volumes
/// that runs until the load or the fault rate changes: a stream, as SteadyCpu is for CPU, so
/// that nothing happens while nothing changes (until 2026-12-03 a burst of page-ins every
/// 300 s: 40 % of a 20,000-guest run's events, bench/README.md). The z/VM's paging level
/// reads the stream's share of the volumes' bandwidth whenever no other page-in runs.
class SteadyPaging {
 public:
  /// Holds `pages_per_s` page-ins a second on `zvm`'s paging volumes (null or 0: none).
  void set(World& w, Zvm* zvm, double pages_per_s);

 private:
  sg4::ExecPtr io_;
  Zvm* zvm_ = nullptr;
  double pages_per_s_ = 0;
};

/// One steady load and its actor.
class SteadyLoad {
 public:
  virtual ~SteadyLoad() = default;
  /// Starts its actor (named `name`).
  void start(World& w, const std::string& name);
  /// Its load, LPAR or memory changed: the actor re-reads them.
  void poke() { park_.poke(); }

 protected:
  /// What the load asks for right now.
  struct Demand {
    Lpar* lpar = nullptr;
    double cpu = 0;        ///< CPs (SIE multiplier included)
    int limit = 1;         ///< at most this many threads
    Zvm* pager = nullptr;  ///< the z/VM whose guests fault while they run (if any)
    double fault_cpu = 0;  ///< guest CPs that touch pages
    std::string who;       ///< its label among the LPAR's CP holders (attribution)
  };
  virtual Demand demand() const = 0;

 private:
  void run(World& w);
  Park park_;
  SteadyCpu cpu_;
  SteadyPaging paging_;
};

/// The running guests of a z/VM and CP itself.
class ZvmLoad : public SteadyLoad {
 public:
  explicit ZvmLoad(Zvm& zvm) : zvm_(zvm) {}

 protected:
  Demand demand() const override;

 private:
  Zvm& zvm_;
};

/// An up z/OS system (nothing until its IPL finishes).
class ZosLoad : public SteadyLoad {
 public:
  explicit ZosLoad(const System& system) : system_(system) {}
  /// Its steady CPs from now on (the IPL finished).
  void set_cpu(double cps) {
    cpu_ = cps;
    poke();
  }

 protected:
  Demand demand() const override;

 private:
  const System& system_;
  double cpu_ = 0;
};

/// The vendor's own workload in one of its LPARs.
class VendorLoad : public SteadyLoad {
 public:
  VendorLoad(Lpar& lpar, double cps) : lpar_(lpar), cpu_(cps) {}

 protected:
  Demand demand() const override;

 private:
  Lpar& lpar_;
  double cpu_;
};

/// Creates and starts every steady load: per z/VM, then per placed z/OS, then per vendor
/// workload.
void start_steady_loads(World& w);

}  // namespace drsim::sim
