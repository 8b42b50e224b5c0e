#pragma once
// Turns a SceneState into flat-shaded convex polygons in world coordinates, shared by the RGB
// (fisheye, painter's algorithm) and depth (pinhole, z-buffer) renderers.
#include <Eigen/Core>
#include <vector>

#include "core/sample/SceneScript.h"

namespace tacit::sample {

struct Face {
  std::vector<Eigen::Vector3d> vertices; // convex, counter-clockwise seen from outside
  Eigen::Vector3d normal;                // outward
  Colour colour;                         // already shaded
};

struct RenderObject {
  std::vector<Face> faces;
  Eigen::Vector3d centre;
  int layer = 2; // 0 room, 1 table, 2 things on or around the table (sorted by distance)
};

std::vector<RenderObject> buildSceneObjects(const SceneState &state);

// Colours of the two hands (tests look for them): left = orange skin, right = blue glove.
constexpr Colour kLeftHandColour{228, 138, 66};
constexpr Colour kLeftHandJointColour{242, 160, 88};
constexpr Colour kRightHandColour{40, 92, 226};
constexpr Colour kRightHandJointColour{72, 124, 244};
constexpr Colour kFaceColour{214, 190, 172};

} // namespace tacit::sample
