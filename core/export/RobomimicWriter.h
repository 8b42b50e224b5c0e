#pragma once
// robomimic / EgoMimic HDF5 writer (FORMATS.md §3): data/demo_i/{obs/front_img_1, obs/ee_pose,
// actions_xyz, actions_xyz_act}, num_samples, data attrs total + env_args, mask/train + mask/valid
// (seeded split), language per demo. Chunked, deflate-compressed datasets. HDF5 C API.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/export/EpisodeData.h"
#include "core/util/Result.h"

namespace tacit::exporting {

struct RobomimicOptions {
  int height = 480, width = 640;
  int imageDeflateLevel = 1;   // 0 = no compression for images (low-dim data always uses level 4)
  double validFraction = 0.2;  // share of demos in mask/valid
  std::uint64_t splitSeed = 0; // same seed + same demos = same split
  std::string envArgs = R"({"env_name":"tacit","env_type":3,"env_kwargs":{}})";
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
};

} // namespace tacit::exporting
