// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — PluginLoader: scan, resolve, load, initialise, shut down; crash lock file.
//
// [SECTION] Search paths
// [SECTION] Scan (metadata only)
// [SECTION] Resolve (API version, dependencies, cycles, load order)
// [SECTION] Load (dlopen, entry and ABI checks)
// [SECTION] Initialise (crash lock file, Plugin::initialize)
// [SECTION] Shutdown and queries
#include "plugin/PluginLoader.h"

#include "jobs/JobContext.h"
#include "plugin/PluginApi.h"
#include "plugin/PluginLibrary.h"
#include "plugin/PluginRegistry.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace scs {
namespace fs = std::filesystem;

namespace {

// What a plugin sees during initialize(): registration tagged with its id, and its library kept
// alive by every job it registers.
class LoaderPluginContext final : public PluginContext {
public:
    LoaderPluginContext(PluginRegistry& registry, const PluginSpec& spec, std::shared_ptr<PluginLibrary> library)
        : registry_(registry), spec_(spec), library_(std::move(library)) {}
    std::string pluginId() const override { return spec_.id(); }
    fs::path pluginDirectory() const override { return spec_.metadataPath().parent_path(); }
    void registerJob(JobDescriptor job) override { registry_.registerJob(std::move(job), spec_.id(), library_); }

private:
    PluginRegistry& registry_;
    const PluginSpec& spec_;
    std::shared_ptr<PluginLibrary> library_;
};

std::string failureReason(const PluginSpec& dep) {
    if (dep.isDisabled()) return "disabled by the user";
    if (!dep.errors().empty()) return dep.errors().back();
    return std::string("it is ") + toString(dep.state());
}

std::string dependencyFailed(const PluginSpec& dep) {
    return "dependency failed to load: " + dep.id() + " \u2014 " + failureReason(dep);
}

// Rank of the lifecycle states a dependency can reach; Failed/Stopped rank below everything.
int rank(PluginState s) {
    switch (s) {
    case PluginState::Read: return 1;
    case PluginState::Resolved: return 2;
    case PluginState::Loaded: return 3;
    case PluginState::Initialized: return 4;
    case PluginState::Running: return 5;
    case PluginState::Stopped:
    case PluginState::Failed: return 0;
    }
    return 0;
}

bool isUnder(const fs::path& file, const fs::path& dir) {
    std::error_code ec;
    const fs::path f = fs::weakly_canonical(file, ec);
    const fs::path d = fs::weakly_canonical(dir, ec);
    if (ec || d.empty()) return false;
    auto [dirEnd, fileIt] = std::mismatch(d.begin(), d.end(), f.begin(), f.end());
    return dirEnd == d.end();
}

} // namespace

PluginLoader::PluginLoader(PluginRegistry& registry) : registry_(registry) {}

PluginLoader::~PluginLoader() { shutdown(); }

// [SECTION] Search paths

std::vector<fs::path> PluginLoader::defaultSearchPaths() {
    std::vector<fs::path> out;
    auto add = [&out](const fs::path& p) {
        std::error_code ec;
        if (p.empty() || !fs::is_directory(p, ec)) return;
        fs::path c = fs::weakly_canonical(p, ec);
        if (ec) c = p;
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    };
    if (const char* env = std::getenv("SCS_PLUGIN_PATH")) {
        std::string list = env;
        std::size_t start = 0;
        while (start <= list.size()) {
            const std::size_t colon = list.find(':', start);
            add(list.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
            if (colon == std::string::npos) break;
            start = colon + 1;
        }
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
#ifdef SCS_BUILD_PLUGIN_DIR
    // SCS_BUILD_PLUGIN_DIR is <build>/plugins: a program under <build> runs from the build tree.
    if (!ec && isUnder(exe, fs::path(SCS_BUILD_PLUGIN_DIR).parent_path())) add(SCS_BUILD_PLUGIN_DIR);
#endif
    if (!ec) add(exe.parent_path().parent_path() / "lib" / "scstudio" / "plugins");
#ifdef SCS_INSTALL_PLUGIN_DIR
    add(SCS_INSTALL_PLUGIN_DIR);
#endif
    return out;
}

void PluginLoader::setStateDirectory(fs::path dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    stateDir_ = std::move(dir);
    crashedLastTime_.reset();
    std::ifstream in(*stateDir_ / kLockFileName);
    if (!in) return;
    std::string id;
    std::getline(in, id);
    crashedLastTime_ = id.empty() ? std::string("(unknown plugin)") : id;
}

// [SECTION] Scan (metadata only)

void PluginLoader::loadAll() {
    if (loaded_) return;
    loaded_ = true;
    scan();
    resolve();
    loadLibraries();
    initializePlugins();
}

void PluginLoader::scan() {
    for (const auto& dir : searchPaths_) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> files;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.size() > kPluginMetadataSuffix.size() && name.ends_with(kPluginMetadataSuffix)) files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            auto spec = std::make_unique<PluginSpec>(PluginSpec::fromMetadataFile(file));
            if (const PluginSpec* first = plugin(spec->id()))
                spec->fail("duplicate plugin id '" + spec->id() + "': already found at " + first->metadataPath().string() +
                           "; this copy is ignored");
            else if (disabled_.count(spec->id()) && !spec->hasError())
                spec->disabled_ = true;
            specs_.push_back(std::move(spec));
        }
    }
}

// [SECTION] Resolve (API version, dependencies, cycles, load order)

void PluginLoader::resolve() {
    for (auto& spec : specs_)
        if (spec->state() == PluginState::Read && spec->apiVersion() != kPluginApiVersion)
            spec->fail("plugin API version " + std::to_string(spec->apiVersion()) +
                       " is not supported: this studio provides API version " + std::to_string(kPluginApiVersion));
    std::vector<PluginSpec*> stack;
    for (auto& spec : specs_)
        if (spec->state() == PluginState::Read && !spec->isDisabled()) resolveOne(*spec, stack);
    loadOrderView_.assign(loadOrder_.begin(), loadOrder_.end());
}

// Depth-first; `stack` holds the chain being followed so a cycle can be named in full.
bool PluginLoader::resolveOne(PluginSpec& spec, std::vector<PluginSpec*>& stack) {
    if (spec.state() == PluginState::Failed || spec.isDisabled()) return false;
    int& mark = visit_[&spec];
    if (mark == 2) return spec.state() == PluginState::Resolved;
    if (mark == 1) {
        auto from = std::find(stack.begin(), stack.end(), &spec);
        std::vector<PluginSpec*> cycle(from, stack.end());
        // Every member gets the chain starting at itself: "a -> b -> a", "b -> a -> b".
        for (std::size_t i = 0; i < cycle.size(); ++i) {
            std::string chain;
            for (std::size_t k = 0; k <= cycle.size(); ++k) chain += (k ? " -> " : "") + cycle[(i + k) % cycle.size()]->id();
            if (cycle[i]->state() != PluginState::Failed) cycle[i]->fail("dependency cycle: " + chain);
        }
        return false;
    }
    mark = 1;
    stack.push_back(&spec);
    for (const auto& dep : spec.dependencies()) {
        PluginSpec* provider = find(dep.id);
        if (!provider) {
            spec.fail("missing dependency: '" + dep.id + "' (version " + dep.version + ") is not installed");
        } else if (!provider->provides(dep.id, dep.version)) {
            spec.fail("dependency version mismatch: needs '" + dep.id + "' " + dep.version + ", found " +
                      provider->version() + " (compatible down to " + provider->compatibleVersion() + ")");
        } else if (!resolveOne(*provider, stack) && spec.state() != PluginState::Failed) {
            spec.fail(dependencyFailed(*provider));
        }
    }
    stack.pop_back();
    visit_[&spec] = 2;
    if (spec.state() == PluginState::Failed) return false;
    spec.setState(PluginState::Resolved);
    loadOrder_.push_back(&spec);
    return true;
}

bool PluginLoader::dependenciesReached(PluginSpec& spec, PluginState needed) {
    for (const auto& dep : spec.dependencies()) {
        const PluginSpec* provider = find(dep.id);
        if (!provider || rank(provider->state()) < rank(needed)) {
            if (provider) spec.fail(dependencyFailed(*provider));
            else spec.fail("missing dependency: '" + dep.id + "'");
            return false;
        }
    }
    return true;
}

// [SECTION] Load (dlopen, entry and ABI checks)

void PluginLoader::loadLibraries() {
    for (PluginSpec* spec : loadOrder_) {
        if (spec->state() != PluginState::Resolved || !dependenciesReached(*spec, PluginState::Loaded)) continue;
        std::shared_ptr<PluginLibrary> library;
        try {
            library = PluginLibrary::open(spec->libraryPath());
        } catch (const std::exception& e) {
            spec->fail(e.what());
            continue;
        }
        auto function = reinterpret_cast<ScsPluginEntryFunction>(library->symbol(SCS_PLUGIN_ENTRY_SYMBOL));
        if (!function) {
            spec->fail("library does not export " SCS_PLUGIN_ENTRY_SYMBOL "() (not an SC-NeuroCore Studio plugin?): " +
                       spec->libraryPath().string());
            continue;
        }
        const ScsPluginEntry* entry = function();
        auto mismatch = [](const char* what, std::uint32_t theirs, std::size_t ours) {
            return std::string("ABI mismatch: ") + what + " is " + std::to_string(theirs) + " bytes in the plugin, " +
                   std::to_string(ours) + " in the studio (plugin built against other headers; rebuild it)";
        };
        // apiVersion and structSize are read before anything else: they are the fields every
        // layout, past or future, starts with.
        if (!entry) spec->fail(SCS_PLUGIN_ENTRY_SYMBOL "() returned null");
        else if (entry->apiVersion != kPluginApiVersion)
            spec->fail("library was built for plugin API version " + std::to_string(entry->apiVersion) +
                       ", this studio provides " + std::to_string(kPluginApiVersion) + " (rebuild the plugin)");
        else if (entry->structSize != sizeof(ScsPluginEntry))
            spec->fail(mismatch("ScsPluginEntry", entry->structSize, sizeof(ScsPluginEntry)));
        else if (entry->jobDescriptorSize != sizeof(JobDescriptor))
            spec->fail(mismatch("JobDescriptor", entry->jobDescriptorSize, sizeof(JobDescriptor)));
        else if (entry->jobContextSize != sizeof(JobContext))
            spec->fail(mismatch("JobContext", entry->jobContextSize, sizeof(JobContext)));
        else if (!entry->pluginId || spec->id() != entry->pluginId)
            spec->fail("library's entry names plugin '" + std::string(entry->pluginId ? entry->pluginId : "") +
                       "' but the metadata says '" + spec->id() + "'");
        else if (!entry->create || !entry->initialize || !entry->shutdown)
            spec->fail("library's entry lacks a create, initialize or shutdown function");
        if (spec->hasError()) continue;
        runtime_[spec] = Runtime{std::move(library), entry, nullptr};
        spec->setState(PluginState::Loaded);
    }
}

// [SECTION] Initialise (crash lock file, Plugin::initialize)

void PluginLoader::initializePlugins() {
    for (PluginSpec* spec : loadOrder_) {
        if (spec->state() != PluginState::Loaded) continue;
        if (!dependenciesReached(*spec, PluginState::Initialized)) {
            runtime_.erase(spec);
            continue;
        }
        Runtime& rt = runtime_[spec];
        writeLock(spec->id());
        std::string error;
        try {
            rt.instance = rt.entry->create();
            if (!rt.instance) {
                error = "could not create the plugin instance";
            } else {
                LoaderPluginContext context(registry_, *spec, rt.library);
                if (const char* why = rt.entry->initialize(rt.instance, &context)) error = why;
            }
        } catch (const std::exception& e) { // a hand-written entry may let exceptions escape
            error = e.what();
        } catch (...) {
            error = "unknown exception";
        }
        if (error.empty()) {
            spec->setState(PluginState::Initialized);
            continue;
        }
        registry_.unregisterPlugin(spec->id());
        if (rt.instance) rt.entry->shutdown(rt.instance);
        runtime_.erase(spec);
        spec->fail("initialisation failed: " + error);
    }
    removeLock();
    for (PluginSpec* spec : loadOrder_)
        if (spec->state() == PluginState::Initialized) spec->setState(PluginState::Running);
}

void PluginLoader::writeLock(const std::string& pluginId) {
    if (!stateDir_) return;
    std::ofstream out(*stateDir_ / kLockFileName, std::ios::trunc);
    out << pluginId << '\n';
    out.flush(); // must be on disk before the plugin's code runs
}

void PluginLoader::removeLock() {
    if (!stateDir_) return;
    std::error_code ec;
    fs::remove(*stateDir_ / kLockFileName, ec);
}

// [SECTION] Shutdown and queries

void PluginLoader::shutdown() {
    for (auto it = loadOrder_.rbegin(); it != loadOrder_.rend(); ++it) {
        PluginSpec* spec = *it;
        auto rt = runtime_.find(spec);
        if (rt == runtime_.end()) continue;
        if (spec->state() == PluginState::Running || spec->state() == PluginState::Initialized) {
            registry_.unregisterPlugin(spec->id());
            if (rt->second.instance) rt->second.entry->shutdown(rt->second.instance);
            spec->setState(PluginState::Stopped);
        }
        runtime_.erase(rt); // drops our reference to the library; running jobs may still hold one
    }
}

PluginSpec* PluginLoader::find(const std::string& id) {
    for (auto& spec : specs_)
        if (spec->id() == id) return spec.get();
    return nullptr;
}

const PluginSpec* PluginLoader::plugin(const std::string& id) const {
    for (const auto& spec : specs_)
        if (spec->id() == id) return spec.get();
    return nullptr;
}

std::vector<const PluginSpec*> PluginLoader::plugins() const {
    std::vector<const PluginSpec*> out;
    for (const auto& spec : specs_) out.push_back(spec.get());
    return out;
}

std::vector<std::string> PluginLoader::problems() const {
    std::vector<std::string> out;
    for (const auto& spec : specs_)
        if (spec->hasError()) out.push_back(spec->id() + ": " + spec->errors().back());
    return out;
}

} // namespace scs
