#pragma once
// A path line edit with a Browse… button: an existing file, an existing folder, or a new folder
// (the import destination, which must not exist yet).
#include <QString>
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace tacit {

class PathField : public QWidget {
  Q_OBJECT
public:
  enum class Mode { ExistingFile, ExistingFolder, NewFolder };
  PathField(Mode mode, const QString &filter, QWidget *parent = nullptr);

  QString path() const; // trimmed
  void setPath(const QString &path);
  void setPlaceholder(const QString &text);
  void setFilter(const QString &filter) { m_filter = filter; }
  QLineEdit *lineEdit() const { return m_edit; }

signals:
  void pathChanged(const QString &path);

private:
  void browse();

  Mode m_mode;
  QString m_filter;
  QLineEdit *m_edit = nullptr;
  QToolButton *m_browse = nullptr;
};

} // namespace tacit
