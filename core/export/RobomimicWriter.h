#pragma once
// robomimic / EgoMimic HDF5 writer (docs/export.md "robomimic / EgoMimic HDF5"): one file that loads in
// upstream robomimic with its default config and in EgoMimic. data/demo_i/{obs/*, next_obs/* (virtual
// datasets: obs shifted by one row), actions (n, 6), rewards, dones, actions_xyz, actions_xyz_act},
// num_samples, data attrs total + env_args, mask/train + mask/valid (seeded split), language per demo.
// Chunked, deflate-compressed datasets. HDF5 C API.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/export/EpisodeData.h"
#include "core/export/FeatureStats.h"
#include "core/util/Result.h"

namespace tacit::exporting {

struct RobomimicOptions {
  int height = 480, width = 640;
  int imageDeflateLevel = 1;   // 0 = no compression for images (low-dim data always uses level 4)
  double validFraction = 0.2;  // share of demos in mask/valid
  std::uint64_t splitSeed = 0; // same seed + same demos = same split
  // robomimic reads env_meta["type"] (utils/env_utils.py:68) and env_meta["env_kwargs"]
  // (utils/file_utils.py:111). Type 2 is EnvType.GYM_TYPE (envs/env_base.py:14-16): robosuite (1) would
  // switch on robosuite's depth processing at load (env_utils.py:326) and 3 is iGibson; a Gym env is only
  // built for rollouts, which real-world data cannot have (docs/export.md).
  std::string envArgs = R"({"env_name":"tacit","type":2,"env_kwargs":{}})";
};

class RobomimicWriter {
public:
  ~RobomimicWriter();
  static Result<std::unique_ptr<RobomimicWriter>> create(const std::filesystem::path &file, RobomimicOptions options);

  // Writes demo_<k> (k = number of demos written so far). Images come from `frames` in order.
  // `progress` gets the fraction of this demo; returning false cancels with an error "cancelled".
  Status writeDemo(const EpisodeData &episode, const FrameProvider &frames, const ProgressCallback &progress = {});
  // Writes totals and masks and closes the file.
  Status finish();

  int demoCount() const { return static_cast<int>(m_demoSamples.size()); }
  // Normalisation statistics of every low-dim obs key and action key over all demos, as robomimic
  // (utils/dataset.py:806-836) and EgoMimic (fork utils/dataset.py:319-344) compute them:
  // {"obs/ee_pose": {"shape":[6], "mean", "std", "min", "max" (flattened row-major), "count"}, ...}.
  nlohmann::json statsJson() const;
  // Seeded train/valid split of demo names (deterministic across platforms).
  static void splitDemos(int count, double validFraction, std::uint64_t seed, std::vector<std::string> &train,
                         std::vector<std::string> &valid);

private:
  RobomimicWriter() = default;
  Status fail(const std::string &what) const;
  Status writeDemoInto(std::int64_t demo, const std::string &name, const EpisodeData &ep, const FrameProvider &frames,
                       const ProgressCallback &progress);

  std::filesystem::path m_path;
  RobomimicOptions m_options;
  std::int64_t m_file = -1, m_data = -1;
  std::vector<std::int64_t> m_demoSamples;
  struct KeyStats {
    std::vector<std::uint64_t> shape; // trailing shape of one row
    std::vector<StatsSummary> demos;
  };
  std::map<std::string, KeyStats> m_stats;
  void addStats(const std::string &key, const std::vector<float> &values, const std::vector<std::uint64_t> &dims);
};

} // namespace tacit::exporting
