#pragma once
/// \file site_size.hpp
/// The shape of a benchmark site, shared by bench/scale.cpp (which writes it as a drsim
/// scenario) and bench/peers/scale_peer.cpp (which builds the same shape in bare SimGrid):
/// from a number of guests and guests per z/VM, the z/VMs, z/OS systems, tape volumes and
/// drives in proportion (at 5,000 guests, 50 per z/VM: 100 z/VM, 100 z/OS, 20,000 volumes,
/// 100 drives). Header-only, no SimGrid and nothing of drsim, so the peer stays bare.

#include <algorithm>

namespace drsim::bench {

struct SiteSize {
  int vms = 100;      ///< z/VM systems, one LPAR each
  int guests = 50;    ///< Linux guests per z/VM (the last z/VM may have fewer: see total)
  int total = 5000;   ///< guests in all (vms x guests unless set by proportional())
  int zos = 100;      ///< z/OS systems, one LPAR each
  int volumes = 100;  ///< tape volumes per system
  int drives = 100;   ///< tape drives
  int dasd_MBps = 0;  ///< the DASD subsystem's write bandwidth (0: drsim's default, 400 MB/s)
  int systems() const { return vms + zos; }
  /// Guests of z/VM `v` (0-based).
  int guests_of(int v) const { return std::clamp(total - v * guests, 0, guests); }
};

/// A site of `total` guests, `per_vm` per z/VM: one z/OS per 50 guests, 4 volumes per guest
/// spread over the systems, one drive per 50 guests (at least 4 of each) and a DASD subsystem
/// that takes all drives at their native 100 MB/s (so that the restores end on the first day
/// at every size, and the guests' start-ups are what grows).
inline SiteSize proportional(int total, int per_vm) {
  SiteSize s;
  s.total = std::max(1, total);
  s.guests = std::max(1, per_vm);
  s.vms = (s.total + s.guests - 1) / s.guests;
  s.zos = std::max(4, s.total / 50);
  s.volumes = std::max(1, (4 * s.total + s.systems() / 2) / s.systems());
  s.drives = std::max(4, s.total / 50);
  s.dasd_MBps = 100 * s.drives;
  return s;
}

}  // namespace drsim::bench
