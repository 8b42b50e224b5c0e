#include "core/sample/SceneGeometry.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace tacit::sample {

namespace {

Colour shade(Colour c, const Eigen::Vector3d &normal) {
  static const Eigen::Vector3d kLight = Eigen::Vector3d(0.35, -0.55, 1.0).normalized();
  const double k = 0.62 + 0.38 * std::max(0.0, normal.dot(kLight));
  auto ch = [k](unsigned char v) { return static_cast<unsigned char>(std::clamp(std::lround(v * k), 0L, 255L)); };
  return {ch(c.r), ch(c.g), ch(c.b)};
}

Face makeFace(std::vector<Eigen::Vector3d> v, Colour c) {
  Face f;
  f.normal = (v[1] - v[0]).cross(v[2] - v[0]).normalized();
  f.colour = shade(c, f.normal);
  f.vertices = std::move(v);
  return f;
}

// Six faces of a box given its pose and half extents; the +z face gets `top`.
void addBox(RenderObject &o, const Eigen::Isometry3d &T, const Eigen::Vector3d &h, Colour side, Colour top) {
  auto P = [&](double x, double y, double z) {
    return Eigen::Vector3d(T * Eigen::Vector3d(x * h.x(), y * h.y(), z * h.z()));
  };
  o.faces.push_back(makeFace({P(-1, -1, 1), P(1, -1, 1), P(1, 1, 1), P(-1, 1, 1)}, top));      // +z
  o.faces.push_back(makeFace({P(-1, -1, -1), P(-1, 1, -1), P(1, 1, -1), P(1, -1, -1)}, side)); // -z
  o.faces.push_back(makeFace({P(-1, -1, -1), P(1, -1, -1), P(1, -1, 1), P(-1, -1, 1)}, side)); // -y
  o.faces.push_back(makeFace({P(1, 1, -1), P(-1, 1, -1), P(-1, 1, 1), P(1, 1, 1)}, side));     // +y
  o.faces.push_back(makeFace({P(1, -1, -1), P(1, 1, -1), P(1, 1, 1), P(1, -1, 1)}, side));     // +x
  o.faces.push_back(makeFace({P(-1, 1, -1), P(-1, -1, -1), P(-1, -1, 1), P(-1, 1, 1)}, side)); // -x
  o.centre = T.translation();
}

void addCylinder(RenderObject &o, const Eigen::Isometry3d &T, const Eigen::Vector3d &h, Colour side, Colour top) {
  constexpr int kSides = 16;
  std::vector<Eigen::Vector3d> topRing, bottomRing;
  for (int i = 0; i < kSides; ++i) {
    const double a = 2 * std::numbers::pi * i / kSides;
    topRing.push_back(T * Eigen::Vector3d(h.x() * std::cos(a), h.y() * std::sin(a), h.z()));
    bottomRing.push_back(T * Eigen::Vector3d(h.x() * std::cos(a), h.y() * std::sin(a), -h.z()));
  }
  for (int i = 0; i < kSides; ++i) {
    const int j = (i + 1) % kSides;
    o.faces.push_back(makeFace({bottomRing[i], bottomRing[j], topRing[j], topRing[i]}, side));
  }
  o.faces.push_back(makeFace(topRing, top));
  std::reverse(bottomRing.begin(), bottomRing.end());
  o.faces.push_back(makeFace(bottomRing, side));
  o.centre = T.translation();
}

// An axis-aligned rectangle seen from inside the room: vertices given counter-clockwise from inside.
Face wall(std::vector<Eigen::Vector3d> v, Colour c) {
  Face f;
  f.normal = (v[1] - v[0]).cross(v[2] - v[0]).normalized();
  f.colour = c;
  f.vertices = std::move(v);
  return f;
}

} // namespace

std::vector<RenderObject> buildSceneObjects(const SceneState &state) {
  std::vector<RenderObject> out;
  {
    // Room: floor z=-0.75, ceiling z=1.75, walls at x=+-1.8, y=-1.6 and y=1.6. Normals point inwards.
    RenderObject room;
    room.layer = 0;
    const double x0 = -1.8, x1 = 1.8, y0 = -1.6, y1 = 1.6, z0 = -0.75, z1 = 1.75;
    using V = Eigen::Vector3d;
    room.faces.push_back(wall({V(x0, y0, z0), V(x1, y0, z0), V(x1, y1, z0), V(x0, y1, z0)}, Colour{92, 94, 100}));
    room.faces.push_back(wall({V(x0, y0, z1), V(x0, y1, z1), V(x1, y1, z1), V(x1, y0, z1)}, Colour{222, 222, 218}));
    room.faces.push_back(wall({V(x0, y1, z0), V(x1, y1, z0), V(x1, y1, z1), V(x0, y1, z1)}, Colour{188, 194, 184}));
    room.faces.push_back(wall({V(x1, y0, z0), V(x0, y0, z0), V(x0, y0, z1), V(x1, y0, z1)}, Colour{188, 194, 184}));
    room.faces.push_back(wall({V(x0, y0, z0), V(x0, y1, z0), V(x0, y1, z1), V(x0, y0, z1)}, Colour{176, 184, 190}));
    room.faces.push_back(wall({V(x1, y1, z0), V(x1, y0, z0), V(x1, y0, z1), V(x1, y1, z1)}, Colour{176, 184, 190}));
    // A dark picture frame on the back wall gives the view some texture.
    room.faces.push_back(wall(
        {V(-0.9, y1 - 0.001, 0.75), V(-0.3, y1 - 0.001, 0.75), V(-0.3, y1 - 0.001, 1.15), V(-0.9, y1 - 0.001, 1.15)},
        Colour{60, 70, 96}));
    room.faces.push_back(
        wall({V(0.5, y1 - 0.001, 0.2), V(1.3, y1 - 0.001, 0.2), V(1.3, y1 - 0.001, 0.3), V(0.5, y1 - 0.001, 0.3)},
             Colour{120, 130, 112}));
    room.centre = V(0, 0, 0.5);
    out.push_back(std::move(room));
  }
  {
    RenderObject table;
    table.layer = 1;
    Eigen::Isometry3d T = Eigen::Isometry3d::Identity();
    T.translation() = Eigen::Vector3d(0, 0.35, -0.02);
    addBox(table, T, Eigen::Vector3d(0.7, 0.4, 0.02), Colour{112, 100, 88}, Colour{140, 128, 112});
    // Placemat under the work area.
    const double z = 0.0005;
    table.faces.push_back(makeFace({Eigen::Vector3d(-0.12, 0.12, z), Eigen::Vector3d(0.14, 0.12, z),
                                    Eigen::Vector3d(0.14, 0.40, z), Eigen::Vector3d(-0.12, 0.40, z)},
                                   Colour{92, 104, 118}));
    out.push_back(std::move(table));
  }
  for (const ObjectState &obj : state.objects) {
    if (!obj.visible)
      continue;
    RenderObject o;
    if (obj.shape == Shape::Box)
      addBox(o, obj.T_world_object, obj.halfExtents, obj.colour, obj.topColour);
    else
      addCylinder(o, obj.T_world_object, obj.halfExtents, obj.colour, obj.topColour);
    out.push_back(std::move(o));
  }
  return out;
}

} // namespace tacit::sample
