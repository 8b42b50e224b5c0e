#pragma once
// Keyboard annotation on the timeline. Every key is an ActionRegistry action (listed in Help →
// Keyboard shortcuts, remappable): I / O set in/out at the playhead (the same actions as the loop
// in/out, "playback.loopIn"/"playback.loopOut"), Enter creates a segment from in/out on the active
// track and opens the label picker (the segment is created, labelled, when it closes; a typed new
// name creates the label too, all one undo step), 1–9 apply the label bound to that key, S splits at the playhead,
// Delete removes the selected segment, [ / ] jump to the previous/next boundary, Shift+Space loops
// the current segment, Shift+F flags the in/out span (or the selected segment), T cycles the active
// track. Also shows the timeline's segment context menu. With no document every annotation action
// is disabled. Edits go through AnnotationDocument (undoable); refusals come out of statusMessage().
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

#include "core/project/AnnotationDocument.h"
#include "core/time/TimeControl.h"

class QAction;
class QMenu;

namespace tacit {

namespace project {
class TaxonomyModel;
}
class ActionRegistry;
class FlagDialog;
class LabelPicker;
class TimelineWidget;

class AnnotationController : public QObject {
  Q_OBJECT
public:
  AnnotationController(project::AnnotationDocument *doc, TimeControl &time, TimelineWidget *timeline,
                       ActionRegistry &actions, QObject *parent = nullptr);
  ~AnnotationController() override;

  void setDocument(project::AnnotationDocument *doc); // nullptr = nothing to annotate
  project::AnnotationDocument *document() const { return m_doc; }
  // Optional: label colours, names and key bindings follow taxonomy edits live (else read from the store).
  void setTaxonomy(project::TaxonomyModel *taxonomy);

  std::optional<Timestamp> markIn() const { return m_in; }
  std::optional<Timestamp> markOut() const { return m_out; }
  project::Id activeTrack() const;
  // The segment keys act on: the selected one, else the one under the playhead (active track first).
  project::Id currentSegment() const;
  // Open dialogs / menu (tests drive them).
  LabelPicker *labelPicker() const;
  FlagDialog *flagDialog() const;
  QMenu *contextMenu() const;
  // Ids this controller registers (besides the shared playback.loopIn/loopOut).
  static QStringList actionIds();

public slots:
  void markInAtPlayhead();
  void markOutAtPlayhead();
  void createSegmentFromMarks();
  void applyLabelKey(int key);
  void splitAtPlayhead();
  void deleteSelected();
  void jumpToBoundary(int direction);
  void toggleLoopCurrentSegment();
  void flagSpan();
  void nextTrack();
  void relabel(qint64 segmentId); // opens the picker

signals:
  void statusMessage(const QString &message);

private:
  void createActions(ActionRegistry &actions);
  void updateEnabled();
  void report(const Status &st);
  void clearMarks();
  std::vector<project::Label> labels() const;
  void showContextMenu(qint64 segmentId, QPoint globalPos);
  void openFlagDialog(std::optional<TimeRange> span);
  void returnKeys(); // after a dialog closed
  // The label picker: `apply` uses the chosen (or newly created) label; a new label and its use are
  // one undo macro named macroText.arg(name). applyOnCancel: Escape applies label 0.
  void openPicker(const QString &title, const QString &macroText, std::function<Status(project::Id)> apply,
                  bool applyOnCancel);
  project::Id segmentAtPlayhead() const;

  QPointer<project::AnnotationDocument> m_doc;
  TimeControl &m_time;
  QPointer<TimelineWidget> m_timeline;
  QPointer<project::TaxonomyModel> m_taxonomy;
  std::optional<Timestamp> m_in, m_out;
  std::vector<QAction *> m_own; // disabled without a document
  QPointer<LabelPicker> m_picker;
  QPointer<FlagDialog> m_flagDialog;
  QPointer<QMenu> m_menu;
  std::optional<TimeRange> m_loopedSegment;
};

} // namespace tacit
