#include "core/consent/ConsentLedger.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

namespace tacit::consent {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string> &knownScopes() {
  static const std::vector<std::string> k{"internal_research", "model_training", "partner_sharing"};
  return k;
}

bool isKnownScope(const std::string &scope) {
  const auto &k = knownScopes();
  return std::find(k.begin(), k.end(), scope) != k.end();
}

std::string scopeJson(const std::vector<std::string> &uses) {
  return json{{"uses", uses}}.dump();
}

std::vector<std::string> scopeUses(const std::string &scopeText) {
  std::vector<std::string> out;
  const json j = json::parse(scopeText, nullptr, false);
  const json *list = &j;
  if (j.is_object() && j.contains("uses"))
    list = &j["uses"];
  if (list->is_array()) {
    for (const auto &v : *list)
      if (v.is_string())
        out.push_back(v.get<std::string>());
    return out;
  }
  // Comma-separated text (older rows, hand-written scopes).
  std::size_t start = 0;
  while (start <= scopeText.size()) {
    const auto comma = scopeText.find(',', start);
    std::string item = scopeText.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty())
      out.push_back(item);
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return out;
}

Result<project::RecordingRecord> findRecording(project::ProjectStore &store, const std::string &key) {
  using R = Result<project::RecordingRecord>;
  bool numeric = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (numeric) {
    auto rec = store.recording(std::stoll(key));
    if (rec)
      return rec;
  }
  auto byUuid = store.recordingByUuid(key);
  if (!byUuid)
    return R::failure(byUuid.error());
  if (!*byUuid)
    return R::failure(store.path().string() + ": no recording '" + key + "'");
  return R(**byUuid);
}

namespace {

// Latest event of the worker that applies to the recording (the export gate's rule).
const project::ConsentEvent *latestFor(const std::vector<project::ConsentEvent> &events,
                                       const project::RecordingRecord &r) {
  const project::ConsentEvent *best = nullptr;
  for (const auto &e : events)
    if (e.workerId == r.workerId && (e.recordingId == 0 || e.recordingId == r.id) && (!best || e.id > best->id))
      best = &e;
  return best;
}

} // namespace

Result<std::vector<RecordingConsent>> recordingConsent(project::ProjectStore &store, const std::string &workerId) {
  using R = Result<std::vector<RecordingConsent>>;
  auto recs = store.recordings();
  if (!recs)
    return R::failure(recs.error());
  auto events = store.consentEvents();
  if (!events)
    return R::failure(events.error());
  std::vector<RecordingConsent> out;
  for (const auto &r : *recs) {
    if (!workerId.empty() && r.workerId != workerId)
      continue;
    RecordingConsent c;
    c.recording = r;
    if (const auto *e = latestFor(*events, r)) {
      c.eventId = e->id;
      c.atMs = e->atMs;
      if (e->kind == project::ConsentKind::Withdrawn) {
        c.state = "withdrawn";
      } else {
        c.uses = scopeUses(e->scope);
        c.state = c.uses.empty() ? "withdrawn" : "granted";
      }
    }
    out.push_back(std::move(c));
  }
  return R(std::move(out));
}

Result<project::ConsentEvent> grantConsent(project::ProjectStore &store, const std::string &workerId, Id recordingId,
                                           const std::vector<std::string> &uses, const std::string &signature) {
  using R = Result<project::ConsentEvent>;
  for (const auto &u : uses)
    if (!isKnownScope(u))
      return R::failure("consent: unknown scope '" + u + "' (use internal_research, model_training, partner_sharing)");
  if (uses.empty())
    return R::failure("consent: a grant needs at least one scope");
  if (signature.empty())
    return R::failure("consent: a grant needs the worker's typed full name");
  project::ConsentEvent e;
  e.kind = project::ConsentKind::Granted;
  e.workerId = workerId;
  e.recordingId = recordingId;
  e.scope = scopeJson(uses);
  e.signature = signature;
  return store.appendConsent(e);
}

Result<project::ConsentEvent> withdrawConsent(project::ProjectStore &store, const std::string &workerId, Id recordingId,
                                              const std::vector<std::string> &uses, const std::string &signature) {
  using R = Result<project::ConsentEvent>;
  for (const auto &u : uses)
    if (!isKnownScope(u))
      return R::failure("consent: unknown scope '" + u + "' (use internal_research, model_training, partner_sharing)");
  std::vector<std::string> remaining;
  if (!uses.empty()) {
    // What the worker currently allows for this recording (or for all of them).
    auto current = recordingConsent(store, workerId);
    if (!current)
      return R::failure(current.error());
    for (const auto &c : *current)
      if ((recordingId == 0 || c.recording.id == recordingId) && c.state == "granted") {
        remaining = c.uses;
        break;
      }
    remaining.erase(
        std::remove_if(remaining.begin(), remaining.end(),
                       [&](const std::string &u) { return std::find(uses.begin(), uses.end(), u) != uses.end(); }),
        remaining.end());
  }
  project::ConsentEvent e;
  e.workerId = workerId;
  e.recordingId = recordingId;
  e.signature = signature;
  if (remaining.empty()) {
    e.kind = project::ConsentKind::Withdrawn;
    e.scope = scopeJson(uses);
  } else {
    e.kind = project::ConsentKind::ScopeChanged;
    e.scope = scopeJson(remaining);
  }
  return store.appendConsent(e);
}

Result<std::vector<ExportUse>> exportsContainingWorker(project::ProjectStore &store, const std::string &workerId,
                                                       Id recordingId) {
  using R = Result<std::vector<ExportUse>>;
  auto recs = store.recordings();
  if (!recs)
    return R::failure(recs.error());
  std::map<Id, bool> mine;
  for (const auto &r : *recs)
    if (r.workerId == workerId && (recordingId == 0 || r.id == recordingId))
      mine[r.id] = true;
  auto exports = store.exports();
  if (!exports)
    return R::failure(exports.error());
  std::vector<ExportUse> out;
  for (const auto &e : *exports) {
    ExportUse use;
    use.record = e;
    for (const auto &i : e.items)
      if (mine.count(i.recordingId))
        use.items.push_back(i);
    if (use.items.empty())
      continue;
    // The manifest names the episodes (may be gone if the dataset was moved or deleted).
    std::ifstream in(fs::path(e.destination) / "tacit_export.json");
    if (in) {
      const json m = json::parse(in, nullptr, false);
      if (m.is_object() && m.contains("episodes") && m["episodes"].is_array()) {
        use.manifestFound = true;
        for (const auto &ep : m["episodes"])
          if (ep.is_object() && mine.count(ep.value("project_recording_id", Id(0))))
            use.episodes.push_back(ep.value("name", std::string()));
      }
    }
    out.push_back(std::move(use));
  }
  return R(std::move(out));
}

} // namespace tacit::consent
