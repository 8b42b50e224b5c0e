#include "widgets/project/ReviewHistoryView.h"

#include <QDateTime>
#include <QHeaderView>

namespace tacit {

ReviewHistoryView::ReviewHistoryView(QWidget *parent) : QTreeWidget(parent) {
  setObjectName(QStringLiteral("reviewHistory"));
  setHeaderLabels({tr("Status"), tr("Reason"), tr("Author"), tr("When")});
  setRootIsDecorated(false);
  setSelectionMode(QAbstractItemView::NoSelection);
  header()->setStretchLastSection(true);
}

void ReviewHistoryView::setDocument(project::AnnotationDocument *doc) {
  if (doc == m_doc && doc)
    return;
  disconnect(m_connection);
  m_doc = doc;
  if (doc)
    m_connection = connect(doc, &project::AnnotationDocument::reviewChanged, this, &ReviewHistoryView::rebuild);
  rebuild();
}

void ReviewHistoryView::rebuild() {
  clear();
  if (!m_doc)
    return;
  const auto &history = m_doc->reviewHistory();
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    auto *item = new QTreeWidgetItem(this);
    item->setText(0, tr(project::reviewStatusDisplayName(it->status)));
    item->setText(1, QString::fromStdString(it->reason));
    item->setText(2, QString::fromStdString(it->author));
    item->setText(3, QDateTime::fromMSecsSinceEpoch(it->atMs).toString(Qt::ISODate));
  }
}

} // namespace tacit
