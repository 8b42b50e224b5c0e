#pragma once
// Human QA of bystander face detections (DESIGN §7). Detector tracks start Pending; the reviewer steps
// "next detection" / "next low-confidence", and accepts, rejects, adjusts (replaces the box on one
// frame) or adds boxes. Only accepted tracks become blur redactions (one box-track redaction per track,
// keyed per frame); the QA record (who, when, frames checked and reviewed, decisions) is appended to the
// project's audit log as "faces.qa" so it is as tamper-resistant as the rest of the log.
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/consent/FaceDetector.h"
#include "core/project/ProjectStore.h"

namespace tacit::consent {

enum class QaState { Pending, Accepted, Rejected };

struct QaTrack {
  int id = 0;
  std::vector<TrackedBox> boxes; // by frame
  QaState state = QaState::Pending;
  bool added = false;    // drawn by the reviewer
  bool adjusted = false; // a box was changed by the reviewer
  double minConfidence() const;
  const TrackedBox *boxAt(std::int64_t frame) const; // nullptr outside the track
};

// One place to stop: a detection (not an interpolated box) of a track.
struct QaStop {
  std::size_t track = 0;
  std::int64_t frame = 0;
  double confidence = 0;
};

struct FaceQaRecord {
  project::Id recordingId = 0;
  std::string reviewer;
  std::int64_t atMs = 0;
  std::int64_t framesChecked = 0, framesTotal = 0; // by the detector
  std::int64_t framesReviewed = 0;                 // frames the reviewer looked at
  int tracks = 0, accepted = 0, rejected = 0, pending = 0, adjusted = 0, added = 0;
  std::vector<project::Id> redactionIds;
};

class FaceQaSession {
public:
  FaceQaSession() = default;
  FaceQaSession(const VideoFaceResult &faces, int every);

  const std::vector<QaTrack> &tracks() const { return m_tracks; }
  const std::vector<QaStop> &stops() const { return m_stops; } // by frame, then track
  int every() const { return m_every; }
  std::int64_t frameCount() const { return m_frameCount; }
  int width() const { return m_width; }
  int height() const { return m_height; }

  // First stop after `frame` (strictly), wrapping to the start; nullopt when there is none.
  std::optional<std::size_t> nextDetection(std::int64_t frame) const;
  // Same, only stops whose confidence is below `threshold` or whose track is still pending and weak.
  std::optional<std::size_t> nextLowConfidence(std::int64_t frame, double threshold) const;

  void setState(std::size_t track, QaState state);
  void acceptAll();
  // Replaces the box of `track` on `frame` (adds one if the frame is outside the track) and accepts it.
  void adjust(std::size_t track, std::int64_t frame, Timestamp ptsNs, const cv::Rect &box);
  // A face the detector missed: a new accepted track with one box, held over the sampling interval.
  std::size_t addBox(std::int64_t frame, Timestamp ptsNs, const cv::Rect &box);
  void markReviewed(std::int64_t frame) { m_reviewed.insert(frame); }
  std::int64_t framesReviewed() const { return static_cast<std::int64_t>(m_reviewed.size()); }

  // Boxes (pixels) of every track on `frame`, with the track index.
  std::vector<std::pair<std::size_t, TrackedBox>> boxesOn(std::int64_t frame) const;

  // Accepted tracks as box-track redactions (keyed per frame; held `every - 1` frames before the first
  // and after the last box, frames between detector samples were not checked).
  std::vector<project::Redaction> acceptedRedactions(project::Id recordingId,
                                                     const std::function<Timestamp(std::int64_t)> &timeOf,
                                                     Timestamp endNs, const std::string &reason) const;
  FaceQaRecord record(const std::string &reviewer) const;

private:
  void rebuildStops();
  std::vector<QaTrack> m_tracks;
  std::vector<QaStop> m_stops;
  std::set<std::int64_t> m_reviewed;
  int m_every = 1;
  std::int64_t m_frameCount = 0, m_framesChecked = 0;
  int m_width = 0, m_height = 0;
};

// Stores the accepted tracks as redactions and appends the QA record; returns it with the new ids.
Result<FaceQaRecord> storeFaceQa(project::ProjectStore &store, const FaceQaSession &qa, project::Id recordingId,
                                 const std::string &reviewer, const std::function<Timestamp(std::int64_t)> &timeOf,
                                 Timestamp endNs);
// QA records of a recording (0 = all), oldest first.
Result<std::vector<FaceQaRecord>> faceQaRecords(project::ProjectStore &store, project::Id recordingId = 0);

} // namespace tacit::consent
