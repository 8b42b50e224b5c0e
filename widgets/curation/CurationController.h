#pragma once
// Curation in the main window (wiring lives here, not in MainWindow): the integrity lane and the
// suggested boundaries on the timeline, Tab / Shift+Tab to jump to a suggestion, Enter accepts it
// as a boundary (one undo step), Delete dismisses it, "accept all above confidence C" over the in/out
// span (or everything), E / Shift+E to the next / previous integrity issue. The analysis of the
// current recording comes from the project when it is stored and current, else it runs on the job
// runner and is stored. Enter and Delete only mean "accept"/"dismiss" while the playhead sits on a
// suggestion reached with Tab; elsewhere they keep their segment meaning (create, delete).
#include <QObject>
#include <QPointer>
#include <filesystem>
#include <vector>

#include "core/curation/BoundarySuggester.h"
#include "core/curation/IntegrityIssue.h"
#include "core/project/ProjectTypes.h"

class QMenu;

namespace tacit {

class Job;
class MainWindow;
class QueuePanel;

namespace curation {
struct RecordingAnalysis;
}
namespace project {
class AnnotationDocument;
}

class CurationController : public QObject {
  Q_OBJECT
public:
  struct Suggestion {
    curation::BoundarySuggestion boundary;
    bool dismissed = false;
    bool accepted = false;
  };

  explicit CurationController(MainWindow &window);
  ~CurationController() override;

  QueuePanel *queuePanel() const { return m_queue; }
  const std::vector<Suggestion> &suggestions() const { return m_suggestions; }
  const std::vector<curation::IntegrityIssue> &issues() const { return m_issues; }
  int activeSuggestion() const { return m_active; } // -1 when the playhead is not on one
  bool isAnalysing() const { return m_job != nullptr; }

  // Verbs (also the actions' slots). Each reports refusals through statusMessage.
  bool jumpToSuggestion(int direction); // +1 Tab, -1 Shift+Tab; skips dismissed and accepted ones
  bool acceptActive();
  bool dismissActive();
  int acceptAbove(double minConfidence, TimeRange span); // one undo step; returns how many
  bool jumpToIssue(int direction);
  void analyseCurrent(bool force);

signals:
  void analysisChanged();
  void statusMessage(const QString &message);
  void errorOccurred(const QString &message);

protected:
  bool eventFilter(QObject *watched, QEvent *event) override;

private:
  void createActions();
  void onRecordingShown();
  void apply(const std::vector<curation::BoundarySuggestion> &s, const std::vector<curation::IntegrityIssue> &issues);
  void applyStored(const std::string &analysisJson);
  void updateLanes();
  bool acceptAt(Timestamp t);
  // The boundary track of the current recording's document (0 without one).
  project::Id boundaryTrack(project::AnnotationDocument &doc) const;
  // "Accepted" follows the document, so an undone acceptance is offered again.
  void syncAcceptedWithDocument();
  void askAcceptAbove();
  bool inSuggestionMode() const;

  MainWindow &m_window;
  QueuePanel *m_queue = nullptr;
  QPointer<Job> m_job;
  std::filesystem::path m_folder;
  project::Id m_recordingId = 0;
  TimeRange m_span;
  std::vector<Suggestion> m_suggestions;
  std::vector<curation::IntegrityIssue> m_issues;
  int m_active = -1;
};

} // namespace tacit
