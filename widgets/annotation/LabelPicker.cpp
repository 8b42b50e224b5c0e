#include "widgets/annotation/LabelPicker.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

#include "core/project/ProjectStore.h"

namespace tacit {

namespace {
QIcon swatch(const QColor &c) {
  QPixmap pm(12, 12);
  pm.fill(c.isValid() ? c : QColor(Qt::gray));
  return QIcon(pm);
}
} // namespace

std::vector<LabelPicker::Entry> LabelPicker::entriesFrom(const std::vector<project::Label> &labels) {
  std::vector<Entry> out;
  for (const auto &l : labels)
    out.push_back({l.id, QString::fromStdString(project::labelPath(labels, l.id)),
                   QColor(QString::fromStdString(l.colour)), l.key});
  return out;
}

LabelPicker::LabelPicker(std::vector<Entry> entries, QWidget *parent) : QDialog(parent), m_entries(std::move(entries)) {
  setWindowTitle(tr("Choose Label"));
  setModal(true);
  auto *layout = new QVBoxLayout(this);
  m_filter = new QLineEdit(this);
  m_filter->setPlaceholderText(tr("Type to filter labels…"));
  m_filter->setClearButtonEnabled(true);
  m_filter->installEventFilter(this);
  layout->addWidget(m_filter);
  m_list = new QListWidget(this);
  m_list->setUniformItemSizes(true);
  for (const Entry &e : m_entries) {
    auto *item =
        new QListWidgetItem(swatch(e.colour), e.key > 0 ? QStringLiteral("%1    [%2]").arg(e.path).arg(e.key) : e.path);
    item->setData(Qt::UserRole, QVariant::fromValue<qint64>(e.id));
    m_list->addItem(item);
  }
  layout->addWidget(m_list);
  if (m_entries.empty())
    layout->addWidget(new QLabel(tr("The project has no labels yet (Taxonomy editor)."), this));
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &LabelPicker::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  connect(m_filter, &QLineEdit::textChanged, this, &LabelPicker::applyFilter);
  connect(m_filter, &QLineEdit::returnPressed, this, &LabelPicker::accept);
  connect(m_list, &QListWidget::itemDoubleClicked, this, &LabelPicker::accept);
  applyFilter({});
  resize(360, 320);
  m_filter->setFocus();
}

void LabelPicker::applyFilter(const QString &text) {
  const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  QListWidgetItem *first = nullptr;
  for (int i = 0; i < m_list->count(); ++i) {
    QListWidgetItem *item = m_list->item(i);
    const QString &path = m_entries[static_cast<std::size_t>(i)].path;
    bool match = true;
    for (const QString &w : words)
      match = match && path.contains(w, Qt::CaseInsensitive);
    item->setHidden(!match);
    if (match && !first)
      first = item;
  }
  m_list->setCurrentItem(first);
}

void LabelPicker::moveCurrent(int delta) {
  int row = m_list->currentRow();
  for (int step = 0; step < m_list->count(); ++step) {
    row += delta;
    if (row < 0 || row >= m_list->count())
      return;
    if (!m_list->item(row)->isHidden()) {
      m_list->setCurrentRow(row);
      return;
    }
  }
}

bool LabelPicker::eventFilter(QObject *watched, QEvent *event) {
  if (watched == m_filter && event->type() == QEvent::KeyPress) {
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key == Qt::Key_Down || key == Qt::Key_Up) {
      moveCurrent(key == Qt::Key_Down ? 1 : -1);
      return true;
    }
  }
  return QDialog::eventFilter(watched, event);
}

project::Id LabelPicker::currentLabel() const {
  const QListWidgetItem *item = m_list->currentItem();
  return item && !item->isHidden() ? item->data(Qt::UserRole).toLongLong() : 0;
}

int LabelPicker::visibleCount() const {
  int n = 0;
  for (int i = 0; i < m_list->count(); ++i)
    n += m_list->item(i)->isHidden() ? 0 : 1;
  return n;
}

void LabelPicker::accept() {
  if (m_done)
    return; // Enter reaches both returnPressed and the default button
  const project::Id id = currentLabel();
  if (id == 0)
    return; // nothing matches: keep typing
  m_done = true;
  emit labelChosen(id);
  QDialog::accept();
}

} // namespace tacit
