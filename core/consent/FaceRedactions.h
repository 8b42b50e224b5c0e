#pragma once
// Face tracks -> spatial redactions (tracked boxes) stored in the project. Each track becomes one
// redaction per sampling interval whose box covers the track's boxes in that interval, so the export
// blurs a moving face on every frame. A track is held for one interval before its first and after its
// last detection (frames between samples were not checked).
#include <functional>
#include <string>
#include <vector>

#include "core/consent/FaceDetector.h"
#include "core/project/ProjectTypes.h"

namespace tacit::consent {

// `timeOf(frame)` gives a frame's time in ns; `endNs` is the end of the video.
std::vector<project::Redaction> faceTrackRedactions(const VideoFaceResult &faces, int every, project::Id recordingId,
                                                    const std::function<Timestamp(std::int64_t)> &timeOf,
                                                    Timestamp endNs, const std::string &reason);

} // namespace tacit::consent
