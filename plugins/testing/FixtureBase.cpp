// SPDX-License-Identifier: MIT
// Loader test fixture — a good plugin with jobs that exercise results, cancellation and failure
// across the library boundary.
#include "plugin/PluginApi.h"

#include <chrono>
#include <stdexcept>
#include <thread>

namespace {

class FixtureBase final : public scs::Plugin {
public:
    void initialize(scs::PluginContext& context) override {
        scs::JobDescriptor ping;
        ping.id = "fixture_base_ping";
        ping.title = "Echo a value back";
        ping.parameters = {{"type", "object"},
                           {"properties", {{"value", {{"type", "integer"}, {"default", 7}}}}}};
        ping.run = [](const nlohmann::json& params, scs::JobContext& job) {
            job.setProgress(0.5, "pinging");
            return nlohmann::json{{"pong", params.at("value")}};
        };
        context.registerJob(std::move(ping));

        scs::JobDescriptor spin;
        spin.id = "fixture_base_spin";
        spin.title = "Spin until cancelled";
        spin.run = [](const nlohmann::json&, scs::JobContext& job) -> nlohmann::json {
            for (;;) {
                job.throwIfCancelled(); // JobCancelled thrown inside the plugin, caught by the studio
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        };
        context.registerJob(std::move(spin));

        scs::JobDescriptor fail;
        fail.id = "fixture_base_fail";
        fail.title = "Always fails";
        fail.run = [](const nlohmann::json&, scs::JobContext&) -> nlohmann::json {
            throw std::runtime_error("fixture failure: 42");
        };
        context.registerJob(std::move(fail));
    }
};

} // namespace

SCS_DECLARE_PLUGIN(FixtureBase, "fixture_base")
