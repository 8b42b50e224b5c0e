#include "widgets/pose3d/VtkOpenGLWidget.h"

#include <QMouseEvent>
#include <QOpenGLContext>
#include <QWheelEvent>

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

namespace tacit {

struct VtkOpenGLWidget::Private {
  vtkNew<vtkGenericOpenGLRenderWindow> window;
  vtkNew<vtkRenderer> renderer;
  vtkNew<vtkGenericRenderWindowInteractor> interactor;
  vtkNew<vtkInteractorStyleTrackballCamera> style;
  vtkNew<vtkCallbackCommand> windowCallback;
  vtkNew<vtkCallbackCommand> renderCallback;
  bool initialized = false;
  int renders = 0;
};

namespace {

// Answers the render window's questions about the context the widget owns.
void onWindowEvent(vtkObject *caller, unsigned long eventId, void *clientData, void *callData) {
  auto *widget = static_cast<VtkOpenGLWidget *>(clientData);
  switch (eventId) {
  case vtkCommand::WindowMakeCurrentEvent:
    // VTK asks for this many times per render. QOpenGLWidget::makeCurrent() also rebinds the
    // widget's FBO behind VTK's state cache, which would send VTK's attachments to the wrong FBO.
    if (QOpenGLContext::currentContext() != widget->context()) {
      widget->makeCurrent();
      if (auto *rw = static_cast<vtkGenericOpenGLRenderWindow *>(caller); rw->GetState())
        rw->GetState()->ResetFramebufferBindings();
    }
    break;
  case vtkCommand::WindowIsCurrentEvent:
    *static_cast<bool *>(callData) =
        widget->context() != nullptr && QOpenGLContext::currentContext() == widget->context();
    break;
  case vtkCommand::WindowSupportsOpenGLEvent:
  case vtkCommand::WindowIsDirectEvent: *static_cast<int *>(callData) = 1; break;
  case vtkCommand::WindowFrameEvent: break;
  default: break;
  }
}

// Interactor styles call Interactor::Render() after moving the camera; with EnableRender off that
// only fires RenderEvent, which becomes a Qt repaint.
void onInteractorRender(vtkObject *, unsigned long, void *clientData, void *) {
  static_cast<VtkOpenGLWidget *>(clientData)->update();
}

} // namespace

VtkOpenGLWidget::VtkOpenGLWidget(QWidget *parent) : QOpenGLWidget(parent), d(std::make_unique<Private>()) {
  setMouseTracking(false);
  setMinimumSize(64, 64);
  auto &w = d->window;
  w->SetReadyForRendering(false);
  w->SetOwnContext(false);
  w->SetFrameBlitModeToNoBlit();
  w->SetMultiSamples(0);
  w->AddRenderer(d->renderer);
  d->windowCallback->SetClientData(this);
  d->windowCallback->SetCallback(&onWindowEvent);
  for (unsigned long ev :
       {vtkCommand::WindowMakeCurrentEvent, vtkCommand::WindowIsCurrentEvent, vtkCommand::WindowSupportsOpenGLEvent,
        vtkCommand::WindowIsDirectEvent, vtkCommand::WindowFrameEvent})
    w->AddObserver(ev, d->windowCallback);

  d->interactor->SetRenderWindow(w);
  d->interactor->SetInteractorStyle(d->style);
  d->interactor->EnableRenderOff();
  d->renderCallback->SetClientData(this);
  d->renderCallback->SetCallback(&onInteractorRender);
  d->interactor->AddObserver(vtkCommand::RenderEvent, d->renderCallback);
  d->interactor->Initialize();
}

VtkOpenGLWidget::~VtkOpenGLWidget() {
  // QOpenGLWidget's destructor (which runs after ours, when d is gone) destroys the context and
  // would call onContextAboutToBeDestroyed on a half-destroyed widget: cut that connection first.
  if (QOpenGLContext *ctx = context())
    disconnect(ctx, nullptr, this, nullptr);
  makeCurrent();
  releaseGraphics();
  doneCurrent();
}

QSurfaceFormat VtkOpenGLWidget::defaultFormat() {
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(8);
  format.setSamples(0);
  format.setSwapInterval(0); // presentation pacing comes from the playback timer, not vsync
  return format;
}

vtkRenderer *VtkOpenGLWidget::renderer() const {
  return d->renderer;
}
vtkGenericOpenGLRenderWindow *VtkOpenGLWidget::renderWindow() const {
  return d->window;
}
vtkRenderWindowInteractor *VtkOpenGLWidget::interactor() const {
  return d->interactor;
}
int VtkOpenGLWidget::renderCount() const {
  return d->renders;
}

void VtkOpenGLWidget::releaseGraphics() {
  if (!d->initialized)
    return;
  d->window->ReleaseGraphicsResources(d->window);
  d->window->SetReadyForRendering(false);
  d->initialized = false;
}

void VtkOpenGLWidget::onContextAboutToBeDestroyed() {
  makeCurrent();
  releaseGraphics();
  doneCurrent();
}

void VtkOpenGLWidget::initializeGL() {
  // A context is recreated when the widget moves to another top-level (floating dock): drop the old
  // GL objects while the old context is still current.
  connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &VtkOpenGLWidget::onContextAboutToBeDestroyed,
          Qt::UniqueConnection);
  d->window->SetMapped(1);
  d->window->SetIsCurrent(true);
  d->window->OpenGLInitContext();
  d->initialized = true;
  const qreal dpr = devicePixelRatioF();
  d->window->SetDPI(qRound(72 * dpr));
  resizeGL(width(), height());
}

void VtkOpenGLWidget::resizeGL(int w, int h) {
  const qreal dpr = devicePixelRatioF();
  const int pw = qMax(1, qRound(w * dpr));
  const int ph = qMax(1, qRound(h * dpr));
  d->window->SetSize(pw, ph);
  d->interactor->UpdateSize(pw, ph);
}

void VtkOpenGLWidget::paintGL() {
  if (!d->initialized)
    return;
  vtkOpenGLState *state = d->window->GetState();
  // Qt changes GL state between frames behind VTK's cache.
  state->Reset();
  state->Push();
  state->vtkglDepthFunc(GL_LEQUAL); // Qt leaves GL_LESS; VTK expects GL_LEQUAL
  d->window->SetReadyForRendering(true);
  d->window->SetIsCurrent(true);
  d->window->Render();
  d->window->SetReadyForRendering(false);
  ++d->renders;
  state->Pop();

  // VTK rendered into its own display framebuffer; copy it into the widget's FBO.
  const qreal dpr = devicePixelRatioF();
  const int pw = qRound(width() * dpr);
  const int ph = qRound(height() * dpr);
  int *size = d->window->GetSize();
  state->PushFramebufferBindings();
  d->window->GetDisplayFramebuffer()->Bind(GL_READ_FRAMEBUFFER);
  d->window->GetDisplayFramebuffer()->ActivateReadBuffer(0);
  state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
  state->vtkglBlitFramebuffer(0, 0, size[0], size[1], 0, 0, pw, ph, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  state->PopFramebufferBindings();
}

void VtkOpenGLWidget::forwardMouse(QMouseEvent *event, unsigned long vtkEvent, bool repeat) {
  const qreal dpr = devicePixelRatioF();
  const QPointF p = event->position() * dpr;
  auto *iren = d->interactor.GetPointer();
  const auto mods = event->modifiers();
  iren->SetEventInformationFlipY(qRound(p.x()), qRound(p.y()), (mods & Qt::ControlModifier) ? 1 : 0,
                                 (mods & Qt::ShiftModifier) ? 1 : 0, 0, repeat ? 1 : 0);
  iren->SetAltKey((mods & Qt::AltModifier) ? 1 : 0);
  iren->InvokeEvent(vtkEvent, event);
}

static unsigned long pressEventFor(Qt::MouseButton b) {
  switch (b) {
  case Qt::LeftButton: return vtkCommand::LeftButtonPressEvent;
  case Qt::MiddleButton: return vtkCommand::MiddleButtonPressEvent;
  case Qt::RightButton: return vtkCommand::RightButtonPressEvent;
  default: return vtkCommand::NoEvent;
  }
}

static unsigned long releaseEventFor(Qt::MouseButton b) {
  switch (b) {
  case Qt::LeftButton: return vtkCommand::LeftButtonReleaseEvent;
  case Qt::MiddleButton: return vtkCommand::MiddleButtonReleaseEvent;
  case Qt::RightButton: return vtkCommand::RightButtonReleaseEvent;
  default: return vtkCommand::NoEvent;
  }
}

void VtkOpenGLWidget::mousePressEvent(QMouseEvent *event) {
  if (auto ev = pressEventFor(event->button()); ev != vtkCommand::NoEvent)
    forwardMouse(event, ev);
  event->accept();
}

void VtkOpenGLWidget::mouseDoubleClickEvent(QMouseEvent *event) {
  if (auto ev = pressEventFor(event->button()); ev != vtkCommand::NoEvent)
    forwardMouse(event, ev, true);
  event->accept();
}

void VtkOpenGLWidget::mouseReleaseEvent(QMouseEvent *event) {
  if (auto ev = releaseEventFor(event->button()); ev != vtkCommand::NoEvent)
    forwardMouse(event, ev);
  event->accept();
}

void VtkOpenGLWidget::mouseMoveEvent(QMouseEvent *event) {
  forwardMouse(event, vtkCommand::MouseMoveEvent);
  event->accept();
}

void VtkOpenGLWidget::wheelEvent(QWheelEvent *event) {
  const qreal dpr = devicePixelRatioF();
  const QPointF p = event->position() * dpr;
  auto *iren = d->interactor.GetPointer();
  const auto mods = event->modifiers();
  iren->SetEventInformationFlipY(qRound(p.x()), qRound(p.y()), (mods & Qt::ControlModifier) ? 1 : 0,
                                 (mods & Qt::ShiftModifier) ? 1 : 0);
  const int delta = event->angleDelta().y();
  if (delta > 0)
    iren->InvokeEvent(vtkCommand::MouseWheelForwardEvent, event);
  else if (delta < 0)
    iren->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, event);
  event->accept();
}

} // namespace tacit
