#include "widgets/video/VideoPanel.h"

#include <QComboBox>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/video/VideoView.h"

namespace tacit {

VideoPanel::VideoPanel(QWidget *parent) : QWidget(parent) {
  m_view = new VideoView(this);
  auto *bar = new QToolBar(this);
  bar->setIconSize(QSize(16, 16));
  bar->addAction(tr("Fit"), m_view, &ImageView::fit)->setToolTip(tr("Fit the frame to the view"));
  bar->addAction(tr("1:1"), m_view, &ImageView::oneToOne)->setToolTip(tr("One image pixel per screen pixel"));
  bar->addAction(QStringLiteral("+"), m_view, [this] { m_view->zoomBy(1.25); })->setToolTip(tr("Zoom in"));
  bar->addAction(QStringLiteral("−"), m_view, [this] { m_view->zoomBy(0.8); })->setToolTip(tr("Zoom out"));
  bar->addSeparator();
  const std::pair<QString, VideoView::Overlay> overlays[] = {{tr("Left hand"), VideoView::LeftHand},
                                                             {tr("Right hand"), VideoView::RightHand},
                                                             {tr("Gaze"), VideoView::Gaze},
                                                             {tr("Frame info"), VideoView::FrameInfo}};
  for (const auto &[name, overlay] : overlays) {
    QAction *a = bar->addAction(name);
    a->setCheckable(true);
    a->setChecked(true);
    a->setObjectName(QStringLiteral("overlay:%1").arg(int(overlay)));
    connect(a, &QAction::toggled, m_view, [this, o = overlay](bool on) { m_view->setOverlayEnabled(o, on); });
  }
  bar->addSeparator();
  auto *rotation = new QComboBox(bar);
  rotation->setToolTip(tr("Display rotation of this stream"));
  for (int deg : {0, 90, 180, 270})
    rotation->addItem(QStringLiteral("%1°").arg(deg), deg);
  rotation->setFocusPolicy(Qt::NoFocus);
  connect(rotation, &QComboBox::currentIndexChanged, m_view,
          [this, rotation](int) { m_view->setRotation(rotation->currentData().toInt()); });
  bar->addWidget(rotation);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(bar);
  layout->addWidget(m_view, 1);
}

} // namespace tacit
