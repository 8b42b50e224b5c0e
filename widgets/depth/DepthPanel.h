#pragma once
// The Depth dock: DepthView under a toolbar (colormap, auto range or min/max in mm, hand overlay, fit).
#include <QWidget>

class QSpinBox;
class QCheckBox;

namespace tacit {

class DepthView;

class DepthPanel : public QWidget {
  Q_OBJECT
public:
  explicit DepthPanel(QWidget *parent = nullptr);
  DepthView *view() const { return m_view; }

private:
  DepthView *m_view = nullptr;
  QSpinBox *m_min = nullptr, *m_max = nullptr;
  QCheckBox *m_auto = nullptr;
};

} // namespace tacit
