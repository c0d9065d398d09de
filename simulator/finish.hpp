#pragma once
/// \file finish.hpp
/// After the run: every row's status and reason, the milestones, recovery against the RTO
/// (rto-missed), the metrics and the sampled series of the result.

namespace drsim::sim {

struct World;

/// Completes w.result from the world at the exercise end.
void finish_result(World& w);
/// w.result.attribution from what the entities recorded (after their statuses are set).
void attribute_result(World& w);

}  // namespace drsim::sim
