#pragma once
// Read-only list of one recording's review events (newest first): status, reason, author, time.
// Follows the recording's AnnotationDocument, so undo/redo of a status change shows at once.
#include <QPointer>
#include <QTreeWidget>

#include "core/project/AnnotationDocument.h"

namespace tacit {

class ReviewHistoryView : public QTreeWidget {
  Q_OBJECT
public:
  explicit ReviewHistoryView(QWidget *parent = nullptr);
  // nullptr clears the view.
  void setDocument(project::AnnotationDocument *doc);

private:
  void rebuild();

  QPointer<project::AnnotationDocument> m_doc;
  QMetaObject::Connection m_connection;
};

} // namespace tacit
