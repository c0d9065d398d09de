// Recording attribution segments as the engine plays (see recorder.hpp).
#include "simulator/recorder.hpp"

#include <algorithm>

#include "simulator/world.hpp"

namespace drsim::sim {

attr::Segment segment(attr::Cause cause, double start, double end, attr::Text resource,
                      attr::Text detail) {
  attr::Segment s;
  s.cause = cause;
  s.cls = attr::default_class(cause);
  s.resource = resource;
  s.detail = detail;
  s.start = start;
  s.end = end;
  return s;
}

void Recorder::add(attr::Segment s) {
  if (!on_) return;
  if (open_) close(std::max(open_->start, s.start));
  if (s.end <= s.start) return;
  cursor_ = std::max(cursor_, s.end);
  if (segments_.empty()) segments_.reserve(16);  // a guest records ~20-40: fewer regrowths
  segments_.push_back(s);
}

void Recorder::add(attr::Cause cause, double start, double end, attr::Text resource,
                   attr::Text detail) {
  add(segment(cause, start, end, resource, detail));
}

void Recorder::wait(double start, double end, attr::Text resource, attr::Text detail,
                    attr::Text gate, std::optional<double> gate_at) {
  attr::Segment s = segment(attr::Cause::Predecessor, start, end, resource, detail);
  s.gate = gate;
  s.gate_at = gate_at;
  add(s);
}

void Recorder::lay_out(double start, double end, const std::vector<attr::Portion>& portions) {
  if (!on_ || end <= start) return;
  attr::Portion fallback =
      portions.empty() ? attr::portion(attr::Cause::NotStarted, 0) : portions.front();
  for (const auto& s : attr::lay_out(start, end, portions, fallback)) add(s);
}

void Recorder::open(attr::Segment s) {
  if (!on_) return;
  if (open_) close(s.start);
  open_ = s;
}

void Recorder::close(double now) {
  if (!open_) return;
  attr::Segment s = *open_;
  open_.reset();
  s.end = now;
  if (!s.gate.empty() && !s.gate_at) s.gate_at = now;
  add(s);
}

void Recorder::up(double now) {
  open(segment(attr::Cause::Up, now, now));
}

std::vector<attr::Segment> Recorder::take(double end) {
  close(end);
  return std::move(segments_);
}

CpuProbe::CpuProbe(const World& w, const Lpar& lpar) : lpar_(lpar) {
  if (!w.full_result) return;
  const double now = w.now();
  held_.reserve(lpar.held_by.size());
  for (const auto& [who, use] : lpar.held_by) held_.emplace_back(&who, use.at(now));
  denied_ = lpar.denied.at(now);
}

void CpuProbe::record(const World& w, Recorder& rec, const CpuTake& take,
                      const CpuWork& work) const {
  const double now = take.done;
  if (!rec.enabled() || now <= take.asked) return;
  attr::CpuSlice slice;
  slice.elapsed_s = now - take.asked;
  slice.own_s = work.cpu_s * kFlopsPerCp / w.prsm.flops_per_cp();
  slice.sie_factor = work.mult;
  slice.token_wait_s = take.granted - take.asked;
  slice.work = work.cause;
  slice.work_resource = work.self;
  slice.cps = lpar_.shared ? lpar_.shared_cps : lpar_.dedicated_cps;
  slice.vcpus = work.vcpus;
  slice.sie_level = work.sie_level;
  // held_ is in the map's (key) order and the map only gains keys: one merged walk
  auto before = held_.begin();
  for (const auto& [who, use] : lpar_.held_by) {
    while (before != held_.end() && before->first != &who && *before->first < who) ++before;
    const bool had = before != held_.end() && before->first == &who;
    double cp = use.at(now) - (had ? before->second : 0.0);
    if (who == work.who) cp -= now - take.granted;  // its own thread
    if (cp > 1e-9) slice.holders.push_back(attr::Holder{who, cp});
  }
  double denied = lpar_.denied.at(now) - denied_;
  if (denied > 1e-9 && !slice.holders.empty())
    slice.holders.push_back(attr::Holder{attr::other_lpars(), denied});
  rec.lay_out(take.asked, now, attr::split_cpu_slice(slice));
}

std::pair<std::string, std::string> cps_labels(const std::string& name, bool vendor) {
  return {vendor ? "the vendor's shared CPs (" + name + ")" : name + "'s shared CPs",
          name + "'s dedicated CPs"};
}

std::string vcpus_label(const std::string& owner, int n, int sie_level) {
  return owner + "'s " + std::to_string(n) + " virtual CP" + (n == 1 ? "" : "s") +
         " at SIE level " + std::to_string(sie_level);
}

}  // namespace drsim::sim
