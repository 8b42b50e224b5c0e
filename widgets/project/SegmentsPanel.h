#pragma once
// The current recording's segments as a sortable, filterable, editable table: label through a
// taxonomy combo box, note and times in place (each edit an undo command), "Delete" removes the
// selected rows, double-click asks to seek to the segment start. The selection is shared with the
// timeline (segmentSelected / selectSegment).
#include <QPointer>
#include <QWidget>

#include "core/project/AnnotationDocument.h"
#include "core/project/ProjectTypes.h"

class QLineEdit;
class QTableView;

namespace tacit {

namespace project {
class AnnotationDocument;
class SegmentTableModel;
class TaxonomyModel;
} // namespace project
class ActionRegistry;
class LabelDelegate;
class SegmentSortProxy;

class SegmentsPanel : public QWidget {
  Q_OBJECT
public:
  explicit SegmentsPanel(ActionRegistry &actions, QWidget *parent = nullptr);

  // All null = no recording.
  void setModels(project::SegmentTableModel *model, project::AnnotationDocument *doc, project::TaxonomyModel *taxonomy);
  QTableView *view() const { return m_view; }
  SegmentSortProxy *proxy() const { return m_proxy; }
  QLineEdit *filterEdit() const { return m_filter; }
  std::vector<project::Id> selectedIds() const;
  // Deletes the selected segments (one undo step).
  void deleteSelected();
  // Selects the row of a segment (0 clears) without emitting segmentSelected: the timeline's
  // selection shown here.
  void selectSegment(project::Id id);

signals:
  // The user selected one segment in the table (0 = none): the timeline follows.
  void segmentSelected(qint64 segmentId);
  void seekRequested(qint64 timeNs);
  void errorOccurred(const QString &message);

private:
  QPointer<project::AnnotationDocument> m_doc;
  QLineEdit *m_filter = nullptr;
  QTableView *m_view = nullptr;
  SegmentSortProxy *m_proxy = nullptr;
  LabelDelegate *m_labels = nullptr;
  bool m_syncing = false;
};

} // namespace tacit
