// Steady loads: running guests, z/OS systems and the vendor's workload as persistent CPU
// demand, with the guests' page faults as a stream of page-ins (see steady_load.hpp).
#include "simulator/steady_load.hpp"

#include <algorithm>
#include <cmath>

#include "simulator/activity.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {

void SteadyCpu::set(World& w, Lpar* lpar, double cps, int limit, const std::string& who) {
  int threads =
      cps > 0 ? std::clamp(static_cast<int>(std::ceil(cps - 1e-9)), 1, std::max(1, limit)) : 0;
  double demand = std::min(cps, static_cast<double>(threads));
  if (lpar == lpar_ && std::fabs(demand - demand_) < 1e-12) return;
  for (auto& e : execs_) e->cancel();
  execs_.clear();
  if (lpar_ && demand_ > 0) w.prsm.change(*lpar_, -demand_, who_);
  lpar_ = lpar, demand_ = demand, who_ = who;
  if (demand <= 0) return;
  w.prsm.change(*lpar, demand, who);
  for (int t = 0; t < threads; ++t) {
    sg4::ExecPtr e = sg4::Exec::init();
    e->set_flops_amount(1e30);
    e->set_host(lpar->host);
    e->set_bound(demand / threads * w.prsm.flops_per_cp());
    e->start();
    execs_.push_back(e);
    ++w.activities;
  }
}

void SteadyLoad::start(World& w, const std::string& name) {
  sg4::Actor::create(name, w.control, [this, &w] { run(w); });
}

void SteadyPaging::set(World& w, Zvm* zvm, double pages_per_s) {
  if (zvm == nullptr || zvm->paging == nullptr) pages_per_s = 0;
  if (zvm == zvm_ && std::fabs(pages_per_s - pages_per_s_) <= 1e-12 * pages_per_s_) return;
  if (io_) io_->cancel(), io_ = nullptr;
  if (zvm_ && zvm_ != zvm) zvm_->set_steady_paging(w.now(), 0);
  zvm_ = zvm, pages_per_s_ = pages_per_s;
  if (zvm == nullptr) return;
  double fraction = 0;
  if (pages_per_s > 0) {
    const double rate = pages_per_s * w.sc->params.paging.page_bytes;  // bytes/s
    io_ = sg4::Exec::init();
    io_->set_flops_amount(1e30);
    io_->set_host(zvm->paging);
    io_->set_bound(rate);
    io_->start();
    ++w.activities;
    fraction = std::min(1.0, rate / zvm->paging->get_speed());
  }
  zvm->set_steady_paging(w.now(), fraction);
}

void SteadyLoad::run(World& w) {
  for (;;) {  // the load runs by itself until it, its LPAR or its z/VM's memory changes
    Demand d = demand();
    cpu_.set(w, d.lpar, d.cpu, d.limit, d.who);
    double pages_per_s = 0;
    if (d.pager && d.fault_cpu > 0) pages_per_s = d.fault_cpu * d.pager->fault_rate.level();
    paging_.set(w, d.pager, pages_per_s);
    park_.wait();
  }
}

SteadyLoad::Demand ZvmLoad::demand() const {
  Lpar* lpar = zvm_.lpar;
  int limit = zvm_.node.virtual_cpus > 0 ? zvm_.node.virtual_cpus : lpar->logical;
  std::string who =
      zvm_.vendors() ? "the vendor's VM" : "z/VM " + zvm_.node.name + " and its guests";
  return {lpar, zvm_.steady_cpu, limit, &zvm_, zvm_.steady_fault_cpu, who};
}

SteadyLoad::Demand ZosLoad::demand() const {
  Lpar* lpar = system_.lpar;
  int vc = system_.node.virtual_cpus;
  return {lpar, cpu_, vc > 0 ? vc : lpar->logical, nullptr, 0, "z/OS " + system_.name()};
}

SteadyLoad::Demand VendorLoad::demand() const {
  return {&lpar_, cpu_, lpar_.logical, nullptr, 0, "the vendor's load"};
}

void start_steady_loads(World& w) {
  for (auto& z : w.zvms) {
    auto load = std::make_unique<ZvmLoad>(z);
    z.load = load.get();
    load->start(w, "steady-" + z.node.name);
    w.loads.push_back(std::move(load));
  }
  std::vector<SteadyLoad*> outside;  // loads outside any z/VM: z/OS first, then the vendor's
  for (auto& s : w.systems) {
    if (!s.node.placed || s.node.spec->kind != SystemKind::Zos) continue;
    auto load = std::make_unique<ZosLoad>(s);
    s.load = load.get();
    outside.push_back(load.get());
    w.loads.push_back(std::move(load));
  }
  for (size_t li = 0; li < w.topo.lpars.size(); ++li) {
    if (w.topo.lpars[li].busy_cps <= 0) continue;
    auto load = std::make_unique<VendorLoad>(w.prsm.lpars()[li], w.topo.lpars[li].busy_cps);
    outside.push_back(load.get());
    w.loads.push_back(std::move(load));
  }
  for (size_t k = 0; k < outside.size(); ++k)
    outside[k]->start(w, "steady-zos" + std::to_string(k));
}

}  // namespace drsim::sim
