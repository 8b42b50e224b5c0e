#pragma once
// `tacit-cli export` as a function (DESIGN §3.5): project + options in, report out. Selects episodes
// with the gate, aligns each to its video frames, writes robomimic HDF5 or a LeRobot dataset into a
// staging folder with tacit_export.json, and renames it into place when complete.
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/export/EpisodeData.h"
#include "core/export/EpisodeGate.h"
#include "core/export/ProjectGate.h"
#include "core/export/StreamCheck.h"
#include "core/project/ProjectStore.h"
#include "core/util/OutputFolder.h"

namespace tacit::exporting {

enum class ExportFormat { RobomimicHdf5, LeRobotV21, LeRobotV30 };
const char *exportFormatName(ExportFormat f); // "robomimic-hdf5" | "lerobot-v2.1" | "lerobot-v3"
std::optional<ExportFormat> exportFormatFromName(const std::string &name);
// Streams a format writes (GateOptions::exportedStreams): a removal over any of them cuts the episode.
// robomimic: video, hands, trajectory, imu, gaze; LeRobot: video, hands, trajectory (no IMU, no gaze).
std::vector<std::string> exportedStreams(ExportFormat f);

struct ExportOptions {
  ExportFormat format = ExportFormat::RobomimicHdf5;
  std::filesystem::path out;
  GateOptions gate;
  int width = 640, height = 480;
  int fps = 0;        // 0 = the source video's nominal rate
  double focalPx = 0; // 0 = 266.5 * width / 640 (EgoMimic's pinhole)
  bool dryRun = false;
  bool force = false;
  std::uint64_t seed = 0; // train/valid split
  std::string codec = "auto";
  int imageDeflateLevel = 1;
  // LeRobot v3 file limits (data_files_size_in_mb, video_files_size_in_mb, chunks_size; lerobot's
  // defaults, datasets/utils.py:89-91).
  double dataFilesSizeMb = 100, videoFilesSizeMb = 200;
  int chunksSize = 1000;
  std::string command; // the command line, for provenance
  // Streams (checkedStreamNames(): imu, hands, trajectory, gaze) whose absence or NaN/inf content in
  // an episode is an error instead of a warning (--require-streams).
  std::vector<std::string> requireStreams;
};

// The stream problems of one episode (StreamCheck.h), for the dry run, the manifest and warnings.
struct EpisodeStreamIssues {
  GateId recordingId = 0, segmentId = 0;
  TimeRange range;
  std::vector<StreamIssue> issues;
};

struct ExportedEpisode {
  GateEpisode gate;
  std::string name; // "demo_3" or "episode_000003"
  std::string recordingUuid, contentHash;
  std::int64_t frames = 0;
  TimeRange exportedRange;
  std::int64_t firstSourceFrame = 0, lastSourceFrame = 0;
};

struct ExportReport {
  GateResult gate;
  std::vector<ExportedEpisode> episodes;
  nlohmann::json manifest;    // tacit_export.json (also for dry runs, without writing it)
  std::string manifestSha256; // hex SHA-256 of the tacit_export.json file as written (empty for dry runs)
  std::filesystem::path out;
  std::vector<std::string> warnings;
  std::vector<std::string> explanation;          // why nothing passes the gate (explainNoEpisodes); empty otherwise
  std::vector<EpisodeStreamIssues> streamIssues; // one entry per gate episode with a problem
  double seconds = 0;
};

// Everything an export reads from the project. Taken on the thread that owns the ProjectStore (which
// is not thread-safe, and a second connection in the same process would be read-only because of the
// project lock), so the export itself can run on a worker thread without touching the store.
struct ProjectSnapshot {
  std::filesystem::path projectPath;
  bool readOnly = false;
  std::string readOnlyReason;
  std::vector<project::RecordingRecord> recordings;
  std::map<GateId, std::filesystem::path> folders;
  std::map<GateId, std::map<std::string, Timestamp>> offsets; // the user's stream offsets (Offsets tab)
  std::map<GateId, std::vector<project::Redaction>> spatial;  // blur boxes (plain or tracked)
  GateInput input; // recording spans are filled by runExport when whole recordings are exported
};
Result<ProjectSnapshot> snapshotProject(project::ProjectStore &store);
// What an export's output folder must never touch: every recording folder and the project's folder
// (ExportStaging::check, for the CLI and the GUI dialog alike).
std::vector<ProtectedFolder> exportProtectedFolders(const ProjectSnapshot &project);

// The export without the store: thread-safe given its own snapshot. `progress` returning false cancels.
Result<ExportReport> runExport(const ProjectSnapshot &project, const ExportOptions &options,
                               const ProgressCallback &progress = {});
// Records a finished export in the project (destination, manifest SHA-256, items). A store that is
// read-only because another process holds the project waits up to kRecordExportLockWaitMs for it
// through a second, writable store; a failure becomes a warning of the report.
constexpr int kRecordExportLockWaitMs = 60000;
void recordExport(project::ProjectStore &store, const ExportOptions &options, ExportReport &report);
// snapshotProject + runExport + recordExport (the CLI).
Result<ExportReport> runExport(project::ProjectStore &store, const ExportOptions &options,
                               const ProgressCallback &progress = {});
// JSON of the gate's candidates (dry run listing and the manifest's "candidates").
nlohmann::json candidatesJson(const GateResult &gate, const std::map<GateId, std::string> &recordingUuids);

} // namespace tacit::exporting
