#include "widgets/pose3d/VtkOpenGLWidget.h"

#include <QMouseEvent>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QPainter>
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
  std::unique_ptr<QOpenGLContext> context;
  std::unique_ptr<QOffscreenSurface> surface;
  std::unique_ptr<QOpenGLFramebufferObject> fbo;
  QImage frame;
  bool contextFailed = false;
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

VtkOpenGLWidget::VtkOpenGLWidget(QWidget *parent) : QWidget(parent), d(std::make_unique<Private>()) {
  setAttribute(Qt::WA_OpaquePaintEvent);
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
  if (!d->context)
    return;
  makeCurrent();
  releaseGraphics();
  d->fbo.reset();
  doneCurrent();
}

QOpenGLContext *VtkOpenGLWidget::context() const {
  return d->context.get();
}

void VtkOpenGLWidget::makeCurrent() {
  if (d->context)
    d->context->makeCurrent(d->surface.get());
}

void VtkOpenGLWidget::doneCurrent() {
  if (d->context)
    d->context->doneCurrent();
}

unsigned VtkOpenGLWidget::defaultFramebufferObject() const {
  return d->fbo ? d->fbo->handle() : 0;
}

bool VtkOpenGLWidget::ensureContext() {
  if (d->context)
    return true;
  if (d->contextFailed)
    return false;
  auto surface = std::make_unique<QOffscreenSurface>();
  surface->setFormat(QSurfaceFormat::defaultFormat());
  surface->create();
  auto ctx = std::make_unique<QOpenGLContext>();
  ctx->setFormat(QSurfaceFormat::defaultFormat());
  if (!surface->isValid() || !ctx->create() || !ctx->makeCurrent(surface.get())) {
    d->contextFailed = true;
    qWarning("3D view: cannot create an OpenGL context");
    return false;
  }
  d->surface = std::move(surface);
  d->context = std::move(ctx);
  d->window->SetMapped(1);
  d->window->SetIsCurrent(true);
  d->window->OpenGLInitContext();
  d->initialized = true;
  d->window->SetDPI(qRound(72 * devicePixelRatioF()));
  return true;
}

bool VtkOpenGLWidget::renderFrame() {
  if (!ensureContext())
    return false;
  makeCurrent();
  const qreal dpr = devicePixelRatioF();
  const QSize px(qMax(1, qRound(width() * dpr)), qMax(1, qRound(height() * dpr)));
  if (!d->fbo || d->fbo->size() != px) {
    d->fbo.reset(); // VTK's state cache must not keep the old FBO bound
    d->fbo = std::make_unique<QOpenGLFramebufferObject>(px, QOpenGLFramebufferObject::CombinedDepthStencil);
    d->window->SetSize(px.width(), px.height());
    d->interactor->UpdateSize(px.width(), px.height());
  }
  d->fbo->bind();
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

  // VTK rendered into its own display framebuffer; copy it into our FBO and read it back.
  int *size = d->window->GetSize();
  state->PushFramebufferBindings();
  d->window->GetDisplayFramebuffer()->Bind(GL_READ_FRAMEBUFFER);
  d->window->GetDisplayFramebuffer()->ActivateReadBuffer(0);
  state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, d->fbo->handle());
  state->vtkglBlitFramebuffer(0, 0, size[0], size[1], 0, 0, px.width(), px.height(), GL_COLOR_BUFFER_BIT, GL_NEAREST);
  state->PopFramebufferBindings();
  d->frame = d->fbo->toImage();
  // The scene is opaque; VTK leaves alpha 0 in the background, which must not turn it black.
  d->frame.reinterpretAsFormat(QImage::Format_RGB32);
  d->frame.setDevicePixelRatio(dpr);
  doneCurrent();
  return true;
}

QImage VtkOpenGLWidget::grabFramebuffer() {
  if (!renderFrame())
    return {};
  QImage out = d->frame;
  out.setDevicePixelRatio(1.0);
  return out;
}

void VtkOpenGLWidget::paintEvent(QPaintEvent *) {
  QPainter p(this);
  if (renderFrame())
    p.drawImage(QPointF(0, 0), d->frame);
  else
    p.fillRect(rect(), Qt::black);
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
