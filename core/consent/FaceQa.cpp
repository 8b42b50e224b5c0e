#include "core/consent/FaceQa.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace tacit::consent {

double QaTrack::minConfidence() const {
  double m = 1.0;
  bool any = false;
  for (const auto &b : boxes)
    if (!b.interpolated) {
      m = any ? std::min(m, b.confidence) : b.confidence;
      any = true;
    }
  return any ? m : 0.0;
}

const TrackedBox *QaTrack::boxAt(std::int64_t frame) const {
  auto it = std::lower_bound(boxes.begin(), boxes.end(), frame,
                             [](const TrackedBox &b, std::int64_t f) { return b.frame < f; });
  return it != boxes.end() && it->frame == frame ? &*it : nullptr;
}

FaceQaSession::FaceQaSession(const VideoFaceResult &faces, int every)
    : m_every(std::max(1, every)), m_frameCount(faces.frameCount), m_framesChecked(faces.framesChecked),
      m_width(faces.width), m_height(faces.height) {
  for (const auto &t : faces.tracks) {
    QaTrack q;
    q.id = t.id;
    q.boxes = t.boxes;
    std::sort(q.boxes.begin(), q.boxes.end(), [](const auto &a, const auto &b) { return a.frame < b.frame; });
    m_tracks.push_back(std::move(q));
  }
  rebuildStops();
}

void FaceQaSession::rebuildStops() {
  m_stops.clear();
  for (std::size_t t = 0; t < m_tracks.size(); ++t)
    for (const auto &b : m_tracks[t].boxes)
      if (!b.interpolated)
        m_stops.push_back({t, b.frame, b.confidence});
  std::sort(m_stops.begin(), m_stops.end(), [](const QaStop &a, const QaStop &b) {
    return a.frame != b.frame ? a.frame < b.frame : a.track < b.track;
  });
}

std::optional<std::size_t> FaceQaSession::nextDetection(std::int64_t frame) const {
  for (std::size_t i = 0; i < m_stops.size(); ++i)
    if (m_stops[i].frame > frame)
      return i;
  if (!m_stops.empty())
    return std::size_t(0);
  return std::nullopt;
}

std::optional<std::size_t> FaceQaSession::nextLowConfidence(std::int64_t frame, double threshold) const {
  auto low = [&](const QaStop &s) { return s.confidence < threshold; };
  for (std::size_t i = 0; i < m_stops.size(); ++i)
    if (m_stops[i].frame > frame && low(m_stops[i]))
      return i;
  for (std::size_t i = 0; i < m_stops.size(); ++i)
    if (low(m_stops[i]))
      return i;
  return std::nullopt;
}

void FaceQaSession::setState(std::size_t track, QaState state) {
  if (track < m_tracks.size())
    m_tracks[track].state = state;
}

void FaceQaSession::acceptAll() {
  for (auto &t : m_tracks)
    t.state = QaState::Accepted;
}

void FaceQaSession::adjust(std::size_t track, std::int64_t frame, Timestamp ptsNs, const cv::Rect &box) {
  if (track >= m_tracks.size())
    return;
  QaTrack &t = m_tracks[track];
  auto it = std::lower_bound(t.boxes.begin(), t.boxes.end(), frame,
                             [](const TrackedBox &b, std::int64_t f) { return b.frame < f; });
  if (it != t.boxes.end() && it->frame == frame) {
    it->box = box;
    it->interpolated = false;
    it->confidence = 1.0; // a human placed it
  } else {
    t.boxes.insert(it, TrackedBox{frame, ptsNs, box, 1.0, false});
  }
  t.adjusted = true;
  t.state = QaState::Accepted;
  rebuildStops();
}

std::size_t FaceQaSession::addBox(std::int64_t frame, Timestamp ptsNs, const cv::Rect &box) {
  QaTrack t;
  t.id = m_tracks.empty()
             ? 1
             : std::max_element(m_tracks.begin(), m_tracks.end(), [](auto &a, auto &b) { return a.id < b.id; })->id + 1;
  t.boxes.push_back({frame, ptsNs, box, 1.0, false});
  t.added = true;
  t.state = QaState::Accepted;
  m_tracks.push_back(std::move(t));
  rebuildStops();
  return m_tracks.size() - 1;
}

std::vector<std::pair<std::size_t, TrackedBox>> FaceQaSession::boxesOn(std::int64_t frame) const {
  std::vector<std::pair<std::size_t, TrackedBox>> out;
  for (std::size_t t = 0; t < m_tracks.size(); ++t)
    if (const TrackedBox *b = m_tracks[t].boxAt(frame))
      out.emplace_back(t, *b);
  return out;
}

std::vector<project::Redaction> FaceQaSession::acceptedRedactions(project::Id recordingId,
                                                                  const std::function<Timestamp(std::int64_t)> &timeOf,
                                                                  Timestamp endNs, const std::string &reason) const {
  std::vector<project::Redaction> out;
  if (m_width <= 0 || m_height <= 0 || m_frameCount <= 0)
    return out;
  const double W = m_width, H = m_height;
  for (const auto &t : m_tracks) {
    if (t.state != QaState::Accepted || t.boxes.empty())
      continue;
    const std::int64_t from = std::max<std::int64_t>(0, t.boxes.front().frame - (m_every - 1));
    const std::int64_t last = std::min<std::int64_t>(m_frameCount - 1, t.boxes.back().frame + (m_every - 1));
    project::Redaction r;
    r.recordingId = recordingId;
    r.startNs = timeOf(from);
    r.endNs = last + 1 < m_frameCount ? timeOf(last + 1) : endNs;
    if (r.endNs <= r.startNs)
      continue;
    r.streams = {"video"};
    for (const auto &b : t.boxes)
      r.boxes.push_back({b.box.x / W, b.box.y / H, b.box.width / W, b.box.height / H, timeOf(b.frame)});
    r.reason = reason;
    out.push_back(std::move(r));
  }
  return out;
}

FaceQaRecord FaceQaSession::record(const std::string &reviewer) const {
  FaceQaRecord r;
  r.reviewer = reviewer;
  r.atMs = project::nowMs();
  r.framesChecked = m_framesChecked;
  r.framesTotal = m_frameCount;
  r.framesReviewed = framesReviewed();
  r.tracks = static_cast<int>(m_tracks.size());
  for (const auto &t : m_tracks) {
    r.accepted += t.state == QaState::Accepted;
    r.rejected += t.state == QaState::Rejected;
    r.pending += t.state == QaState::Pending;
    r.adjusted += t.adjusted;
    r.added += t.added;
  }
  return r;
}

namespace {
constexpr const char *kQaAction = "faces.qa";

nlohmann::json recordJson(const FaceQaRecord &r) {
  return {{"recording_id", r.recordingId},
          {"reviewer", r.reviewer},
          {"at_ms", r.atMs},
          {"frames_checked", r.framesChecked},
          {"frames_total", r.framesTotal},
          {"frames_reviewed", r.framesReviewed},
          {"tracks", r.tracks},
          {"accepted", r.accepted},
          {"rejected", r.rejected},
          {"pending", r.pending},
          {"adjusted", r.adjusted},
          {"added", r.added},
          {"redaction_ids", r.redactionIds}};
}
} // namespace

Result<FaceQaRecord> storeFaceQa(project::ProjectStore &store, const FaceQaSession &qa, project::Id recordingId,
                                 const std::string &reviewer, const std::function<Timestamp(std::int64_t)> &timeOf,
                                 Timestamp endNs) {
  using R = Result<FaceQaRecord>;
  FaceQaRecord rec = qa.record(reviewer);
  rec.recordingId = recordingId;
  const std::string reason = "bystander face (QA: accepted by " + reviewer + ")";
  for (auto &r : qa.acceptedRedactions(recordingId, timeOf, endNs, reason)) {
    r.author = reviewer;
    auto added = store.addRedaction(r);
    if (!added)
      return R::failure(added.error());
    rec.redactionIds.push_back(added->id);
  }
  if (Status s = store.appendAudit(kQaAction, recordJson(rec).dump()); !s)
    return R::failure(s.error());
  return R(std::move(rec));
}

Result<std::vector<FaceQaRecord>> faceQaRecords(project::ProjectStore &store, project::Id recordingId) {
  using R = Result<std::vector<FaceQaRecord>>;
  auto log = store.auditLog();
  if (!log)
    return R::failure(log.error());
  std::vector<FaceQaRecord> out;
  for (const auto &e : *log) {
    if (e.action != kQaAction)
      continue;
    const auto j = nlohmann::json::parse(e.detail, nullptr, false);
    if (!j.is_object())
      continue;
    FaceQaRecord r;
    r.recordingId = j.value("recording_id", project::Id(0));
    if (recordingId && r.recordingId != recordingId)
      continue;
    r.reviewer = j.value("reviewer", std::string());
    r.atMs = j.value("at_ms", std::int64_t(0));
    r.framesChecked = j.value("frames_checked", std::int64_t(0));
    r.framesTotal = j.value("frames_total", std::int64_t(0));
    r.framesReviewed = j.value("frames_reviewed", std::int64_t(0));
    r.tracks = j.value("tracks", 0);
    r.accepted = j.value("accepted", 0);
    r.rejected = j.value("rejected", 0);
    r.pending = j.value("pending", 0);
    r.adjusted = j.value("adjusted", 0);
    r.added = j.value("added", 0);
    r.redactionIds = j.value("redaction_ids", std::vector<project::Id>{});
    out.push_back(std::move(r));
  }
  return R(std::move(out));
}

} // namespace tacit::consent
