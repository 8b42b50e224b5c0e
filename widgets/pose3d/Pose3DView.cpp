#include "widgets/pose3d/Pose3DView.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkGlyph3DMapper.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>
#include <vtkUnsignedCharArray.h>

#include "core/geometry/HandSkeleton.h"
#include "widgets/common/HandColors.h"

namespace tacit {

namespace {
vtkSmartPointer<vtkUnsignedCharArray> rgbaArray(const char *name) {
  auto a = vtkSmartPointer<vtkUnsignedCharArray>::New();
  a->SetName(name);
  a->SetNumberOfComponents(4);
  return a;
}

// Full hand colour at confidence 1, fading to grey as confidence drops.
std::array<unsigned char, 4> confidenceColour(int side, float confidence) {
  const QColor h = handColor(side);
  const float c = std::clamp(confidence, 0.0f, 1.0f);
  auto mix = [c](int v) { return static_cast<unsigned char>(128 + (v - 128) * c); };
  return {mix(h.red()), mix(h.green()), mix(h.blue()), 255};
}

vtkSmartPointer<vtkActor> lineActor(vtkPolyData *data, double r, double g, double b, float width) {
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputData(data);
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(r, g, b);
  actor->GetProperty()->SetLineWidth(width);
  actor->GetProperty()->SetLighting(false);
  return actor;
}
} // namespace

struct Pose3DView::Scene {
  vtkNew<vtkPolyData> joints, bones, trail, frustum, gaze, grid;
  vtkSmartPointer<vtkActor> jointActor, boneActor, trailActor, frustumActor, gazeActor, gridActor;
};

Pose3DView::Pose3DView(QWidget *parent) : VtkOpenGLWidget(parent), s(std::make_unique<Scene>()) {
  vtkRenderer *r = renderer();
  r->SetBackground(0.11, 0.12, 0.14);
  r->SetBackground2(0.20, 0.22, 0.26);
  r->GradientBackgroundOn();

  vtkNew<vtkSphereSource> sphere;
  sphere->SetRadius(0.009);
  sphere->SetThetaResolution(12);
  sphere->SetPhiResolution(8);
  vtkNew<vtkGlyph3DMapper> jointMapper;
  jointMapper->SetInputData(s->joints);
  jointMapper->SetSourceConnection(sphere->GetOutputPort());
  jointMapper->SetScalarModeToUsePointFieldData();
  jointMapper->SelectColorArray("colour");
  jointMapper->SetColorModeToDirectScalars();
  jointMapper->ScalarVisibilityOn();
  jointMapper->ScalingOff();
  s->jointActor = vtkSmartPointer<vtkActor>::New();
  s->jointActor->SetMapper(jointMapper);
  s->jointActor->GetProperty()->SetAmbient(0.5);
  s->jointActor->GetProperty()->SetDiffuse(0.6);

  vtkNew<vtkPolyDataMapper> boneMapper;
  boneMapper->SetInputData(s->bones);
  boneMapper->SetScalarModeToUseCellFieldData();
  boneMapper->SelectColorArray("colour");
  boneMapper->SetColorModeToDirectScalars();
  boneMapper->ScalarVisibilityOn();
  s->boneActor = vtkSmartPointer<vtkActor>::New();
  s->boneActor->SetMapper(boneMapper);
  s->boneActor->GetProperty()->SetLineWidth(4);
  s->boneActor->GetProperty()->SetLighting(false);

  s->trailActor = lineActor(s->trail, 0.75, 0.78, 0.85, 2);
  s->frustumActor = lineActor(s->frustum, 1.0, 1.0, 1.0, 2);
  const QColor g = gazeColor();
  s->gazeActor = lineActor(s->gaze, g.redF(), g.greenF(), g.blueF(), 3);
  s->gridActor = lineActor(s->grid, 0.35, 0.37, 0.40, 1);
  for (auto *a : {s->gridActor.Get(), s->trailActor.Get(), s->frustumActor.Get(), s->gazeActor.Get(),
                  s->boneActor.Get(), s->jointActor.Get()})
    r->AddActor(a);
  setTrajectory({});
}

Pose3DView::~Pose3DView() = default;

Eigen::Vector3d Pose3DView::toWorld(const Eigen::Vector3d &p) const {
  return m_head ? m_head->apply(p) : p;
}

void Pose3DView::setTrajectory(const std::vector<Eigen::Vector3d> &positions) {
  vtkNew<vtkPoints> pts;
  vtkNew<vtkCellArray> lines;
  // At most ~4000 points: the trail is context, not data.
  const std::size_t stride = std::max<std::size_t>(1, positions.size() / 4000);
  std::vector<vtkIdType> ids;
  for (std::size_t i = 0; i < positions.size(); i += stride)
    ids.push_back(pts->InsertNextPoint(positions[i].data()));
  if (ids.size() >= 2)
    lines->InsertNextCell(static_cast<vtkIdType>(ids.size()), ids.data());
  s->trail->SetPoints(pts);
  s->trail->SetLines(lines);
  s->trail->Modified();

  // Ground grid 1.6 m below the lowest head position (standing eye height), 6 m around the trail.
  Eigen::Vector3d lo(-1, -1, 1.6), hi(1, 1, 1.6);
  if (!positions.empty()) {
    lo = hi = positions.front();
    for (const auto &p : positions) {
      lo = lo.cwiseMin(p);
      hi = hi.cwiseMax(p);
    }
  }
  const double z = lo.z() - 1.6;
  const double step = 0.5;
  const double x0 = std::floor((lo.x() - 3) / step) * step, x1 = std::ceil((hi.x() + 3) / step) * step;
  const double y0 = std::floor((lo.y() - 3) / step) * step, y1 = std::ceil((hi.y() + 3) / step) * step;
  vtkNew<vtkPoints> gp;
  vtkNew<vtkCellArray> gl;
  for (double x = x0; x <= x1 + 1e-9; x += step) {
    vtkIdType a = gp->InsertNextPoint(x, y0, z), b = gp->InsertNextPoint(x, y1, z);
    vtkIdType ab[2] = {a, b};
    gl->InsertNextCell(2, ab);
  }
  for (double y = y0; y <= y1 + 1e-9; y += step) {
    vtkIdType a = gp->InsertNextPoint(x0, y, z), b = gp->InsertNextPoint(x1, y, z);
    vtkIdType ab[2] = {a, b};
    gl->InsertNextCell(2, ab);
  }
  s->grid->SetPoints(gp);
  s->grid->SetLines(gl);
  s->grid->Modified();
  m_viewInitialised = false;
  update();
}

void Pose3DView::setHeadPose(const std::optional<Rigid> &head) {
  m_head = head;
  updateFrustum();
  rebuildHands();
  if (!m_viewInitialised) {
    resetView();
  } else if (m_follow && m_head) {
    // Translate the camera with the head so orbit/zoom set by the user are kept.
    vtkCamera *cam = renderer()->GetActiveCamera();
    const Eigen::Vector3d focus = m_head->translation;
    const Eigen::Vector3d delta = focus - m_lastFocus;
    double pos[3], fp[3];
    cam->GetPosition(pos);
    cam->GetFocalPoint(fp);
    cam->SetPosition(pos[0] + delta.x(), pos[1] + delta.y(), pos[2] + delta.z());
    cam->SetFocalPoint(fp[0] + delta.x(), fp[1] + delta.y(), fp[2] + delta.z());
    m_lastFocus = focus;
    renderer()->ResetCameraClippingRange();
  }
  update();
}

void Pose3DView::setCameraFrustum(const Rigid &deviceFromCamera, double fov, double aspect) {
  m_deviceFromCamera = deviceFromCamera;
  m_fov = fov;
  m_aspect = aspect > 0 ? aspect : 1.0;
  updateFrustum();
  update();
}

void Pose3DView::updateFrustum() {
  const double depth = 0.12;
  const double hx = std::tan(std::min(m_fov, 2.6) / 2) * depth, hy = hx / m_aspect;
  const Eigen::Vector3d local[5] = {{0, 0, 0}, {-hx, -hy, depth}, {hx, -hy, depth}, {hx, hy, depth}, {-hx, hy, depth}};
  vtkNew<vtkPoints> pts;
  for (const auto &p : local) {
    const Eigen::Vector3d w = toWorld(m_deviceFromCamera.apply(p));
    pts->InsertNextPoint(w.data());
  }
  vtkNew<vtkCellArray> lines;
  const vtkIdType edges[8][2] = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}, {2, 3}, {3, 4}, {4, 1}};
  for (const auto &e : edges)
    lines->InsertNextCell(2, e);
  s->frustum->SetPoints(pts);
  s->frustum->SetLines(lines);
  s->frustum->Modified();
}

void Pose3DView::setHands(const series::HandPose &left, const series::HandPose &right) {
  m_hands[0] = left;
  m_hands[1] = right;
  rebuildHands();
  update();
}

void Pose3DView::rebuildHands() {
  vtkNew<vtkPoints> jp;
  auto jc = rgbaArray("colour");
  vtkNew<vtkPoints> bp;
  vtkNew<vtkCellArray> bl;
  auto bc = rgbaArray("colour");
  for (int side = 0; side < 2; ++side) {
    const series::HandPose &h = m_hands[side];
    if (!h.valid() || !h.hasLandmarks)
      continue;
    const auto colour = confidenceColour(side, h.confidence);
    vtkIdType base = bp->GetNumberOfPoints();
    for (int i = 0; i < series::kHandLandmarkCount; ++i) {
      const Eigen::Vector3d w = toWorld(h.landmarks[i].cast<double>());
      jp->InsertNextPoint(w.data());
      jc->InsertNextTypedTuple(colour.data());
      bp->InsertNextPoint(w.data());
    }
    for (const auto &bone : geometry::hand::kBones) {
      vtkIdType ab[2] = {base + geometry::hand::index(bone.from), base + geometry::hand::index(bone.to)};
      bl->InsertNextCell(2, ab);
      bc->InsertNextTypedTuple(colour.data());
    }
  }
  s->joints->SetPoints(jp);
  s->joints->GetPointData()->Initialize();
  s->joints->GetPointData()->AddArray(jc);
  s->joints->Modified();
  s->bones->SetPoints(bp);
  s->bones->SetLines(bl);
  s->bones->GetCellData()->Initialize();
  s->bones->GetCellData()->AddArray(bc);
  s->bones->Modified();
}

void Pose3DView::setGazeRay(const std::optional<Eigen::Vector3d> &origin, const Eigen::Vector3d &dir, double length) {
  vtkNew<vtkPoints> pts;
  vtkNew<vtkCellArray> lines;
  if (origin && dir.norm() > 0) {
    const Eigen::Vector3d a = toWorld(*origin), b = toWorld(*origin + dir.normalized() * length);
    vtkIdType ab[2] = {pts->InsertNextPoint(a.data()), pts->InsertNextPoint(b.data())};
    lines->InsertNextCell(2, ab);
  }
  s->gaze->SetPoints(pts);
  s->gaze->SetLines(lines);
  s->gaze->Modified();
  update();
}

void Pose3DView::resetView() {
  vtkCamera *cam = renderer()->GetActiveCamera();
  const Eigen::Vector3d head = m_head ? m_head->translation : Eigen::Vector3d::Zero();
  // Look at a point in front of the face, from behind-above the head (world z up).
  Eigen::Vector3d forward = m_head ? (m_head->rotation * Eigen::Vector3d(0, 0, 1)) : Eigen::Vector3d(1, 0, 0);
  forward.z() = 0;
  if (forward.norm() < 1e-6)
    forward = Eigen::Vector3d(1, 0, 0);
  forward.normalize();
  const Eigen::Vector3d focus = head + forward * 0.4 - Eigen::Vector3d(0, 0, 0.3);
  const Eigen::Vector3d eye = head - forward * 0.45 + Eigen::Vector3d(0, 0, 0.3);
  cam->SetFocalPoint(focus.data());
  cam->SetPosition(eye.data());
  cam->SetViewUp(0, 0, 1);
  cam->SetViewAngle(50);
  renderer()->ResetCameraClippingRange();
  m_lastFocus = head;
  m_viewInitialised = true;
  update();
}

} // namespace tacit
