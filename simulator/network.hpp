#pragma once
/// \file network.hpp
/// The DR site's networks as a guest needs them: Hipersockets defined, VSWITCHes with a
/// controller and an OSA uplink, device numbers that changed at DR, a Hipersocket router,
/// the z/OS systems it talks to. Guests whose needs are not met wait here until a network
/// change (a definition, a router or controller up) wakes them.

#include <map>
#include <string>
#include <vector>

#include "models/dr_networks.hpp"

namespace drsim::sim {

struct World;
class Guest;
class Zvm;

/// Whether a guest's network needs are met: Ok, Pending (something is on its way) or
/// Missing (nothing in the plan provides it: the guest is blocked, with a finding code).
struct NeedState {
  enum Kind { Ok, Pending, Missing } kind = Ok;
  std::string code, reason;
  std::string resource;  ///< what it waits on: "Hipersocket HSZOS", "VSWITCH VSW1" (attribution)
  std::string gate;      ///< Pending: the guest or system whose coming up it waits for
};

/// The network definitions at the DR site and the guests waiting for them to change.
class Network {
 public:
  /// What the DR site defines before anyone acts (models/dr_networks: the same resolution
  /// `drsim check` uses).
  void init(const World& w);
  /// Every missing need of a guest (in need order), else its pending ones; empty when all
  /// are met.
  std::vector<NeedState> check(const World& w, const Guest& g) const;
  /// An operator defines a Hipersocket or VSWITCH (with its production controllers) at DR;
  /// false when production has no network of that name.
  bool define(const World& w, const std::string& name);
  /// Blocks a guest until the next notify().
  void wait(Guest& g);
  /// Something a guest may need changed: wakes every waiting guest.
  void notify();
  /// A guest forced off waits no more; true if it was waiting (its wake is then released).
  bool forget(const Guest& g);
  /// Whether the guest waits for a network change.
  bool waiting(const Guest& g) const;

 private:
  NeedState check_hipersocket(const World& w, const Zvm& z, const std::string& hs) const;
  void check_vswitch(const World& w, const Zvm& z, const std::string& vs,
                     std::vector<NeedState>& out) const;
  NeedState check_router(const World& w, const std::string& router) const;

  std::map<std::string, bool> hipersocket_defined_;  ///< by production name
  std::map<std::string, DrVswitch> vswitches_;       ///< by name, as resolved at DR
  std::vector<Guest*> waiters_;
};

}  // namespace drsim::sim
