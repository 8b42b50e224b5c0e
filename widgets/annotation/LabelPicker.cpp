#include "widgets/annotation/LabelPicker.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/project/ProjectStore.h"

namespace tacit {

namespace {
constexpr qint64 kCreateId = -1;

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
  setObjectName(QStringLiteral("labelPicker"));
  setWindowTitle(tr("Choose Label"));
  setModal(true);
  auto *layout = new QVBoxLayout(this);
  m_filter = new QLineEdit(this);
  m_filter->setObjectName(QStringLiteral("labelFilter"));
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
  m_createItem = new QListWidgetItem(m_list);
  m_createItem->setData(Qt::UserRole, QVariant::fromValue<qint64>(kCreateId));
  m_createItem->setHidden(true);
  layout->addWidget(m_list);
  m_hint = new QLabel(this);
  m_hint->setObjectName(QStringLiteral("labelPickerHint"));
  m_hint->setWordWrap(true);
  layout->addWidget(m_hint);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  for (QAbstractButton *b : buttons->buttons())
    if (auto *push = qobject_cast<QPushButton *>(b))
      push->setAutoDefault(false); // Enter is the filter's returnPressed only: one accept per key
  connect(buttons, &QDialogButtonBox::accepted, this, &LabelPicker::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  connect(m_filter, &QLineEdit::textChanged, this, &LabelPicker::applyFilter);
  connect(m_filter, &QLineEdit::returnPressed, this, &LabelPicker::accept);
  connect(m_list, &QListWidget::itemDoubleClicked, this, &LabelPicker::accept);
  applyFilter({});
  resize(380, 340);
  m_filter->setFocus();
}

void LabelPicker::setCreator(std::function<QString(const QString &)> problem) {
  m_problem = std::move(problem);
  m_filter->setPlaceholderText(tr("Type to filter labels, or a new name…"));
  applyFilter(m_filter->text());
}

void LabelPicker::showProblem(const QString &text) {
  m_hint->setText(text);
  m_hint->setStyleSheet(QStringLiteral("color:#b00020;"));
}

void LabelPicker::applyFilter(const QString &text) {
  const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  const QString name = text.trimmed();
  QListWidgetItem *first = nullptr;
  bool exact = false;
  for (std::size_t i = 0; i < m_entries.size(); ++i) {
    QListWidgetItem *item = m_list->item(static_cast<int>(i));
    const QString &path = m_entries[i].path;
    bool match = true;
    for (const QString &w : words)
      match = match && path.contains(w, Qt::CaseInsensitive);
    item->setHidden(!match);
    if (match && !first)
      first = item;
    exact = exact || path.compare(name, Qt::CaseInsensitive) == 0;
  }
  // The create row: a name that is not a label yet (nothing else highlights it unless nothing matches).
  const QString problem = m_problem && !name.isEmpty() && !exact ? m_problem(name) : QString();
  const bool offer = m_problem && !name.isEmpty() && !exact;
  m_createItem->setHidden(!offer);
  if (offer) {
    m_createItem->setText(problem.isEmpty() ? tr("+ Create label \"%1\"").arg(name) : problem);
    m_createItem->setFlags(problem.isEmpty() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
  }
  m_list->setCurrentItem(first ? first : (offer && problem.isEmpty() ? m_createItem : nullptr));
  if (m_entries.empty() && name.isEmpty())
    m_hint->setText(m_problem ? tr("The project has no labels yet: type a name and press Enter to create one.")
                              : tr("The project has no labels yet (add them in the Labels panel)."));
  else
    m_hint->setText(offer && problem.isEmpty() && first ? tr("↓ to create \"%1\" instead").arg(name) : QString());
  m_hint->setStyleSheet({});
}

void LabelPicker::moveCurrent(int delta) {
  int row = m_list->currentRow();
  for (int step = 0; step < m_list->count(); ++step) {
    row += delta;
    if (row < 0 || row >= m_list->count())
      return;
    QListWidgetItem *item = m_list->item(row);
    if (!item->isHidden() && (item->flags() & Qt::ItemIsSelectable)) {
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
  const qint64 id = item && !item->isHidden() ? item->data(Qt::UserRole).toLongLong() : 0;
  return id > 0 ? id : 0;
}

bool LabelPicker::createHighlighted() const {
  return m_list->currentItem() == m_createItem && !m_createItem->isHidden() &&
         (m_createItem->flags() & Qt::ItemIsSelectable);
}

int LabelPicker::visibleCount() const {
  int n = 0;
  for (std::size_t i = 0; i < m_entries.size(); ++i)
    n += m_list->item(static_cast<int>(i))->isHidden() ? 0 : 1;
  return n;
}

void LabelPicker::accept() {
  if (m_done)
    return;
  if (createHighlighted()) {
    emit createRequested(m_filter->text().trimmed()); // the receiver calls finish() or showProblem()
    return;
  }
  const project::Id id = currentLabel();
  if (id == 0)
    return; // nothing matches: keep typing
  m_done = true;
  emit labelChosen(id);
  QDialog::accept();
}

void LabelPicker::finish() {
  if (m_done)
    return;
  m_done = true;
  QDialog::accept();
}

} // namespace tacit
