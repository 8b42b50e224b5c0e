// Issue #15: the window in Simplified Chinese draws characters, not empty boxes ("tofu"). With the
// zh_CN catalogue installed, every string the project-mode window shows (menus, actions, dock titles,
// labels, buttons, headers) and every translation in tacit_zh_CN.ts is laid out with the widget's
// font and each glyph checked: glyph 0 is the font's .notdef box, i.e. no installed font (fallbacks
// included) has the character. Needs the CJK font scripts/install-deps.sh installs.
#include "tests/widgets/GuiTestSupport.h"
#include "tests/widgets/MainWindowFixture.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QFile>
#include <QGlyphRun>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QRawFont>
#include <QRegularExpression>
#include <QTextLayout>
#include <QTranslator>

#include "widgets/app/ProjectController.h"

using namespace tacit;

namespace {
// Whether some installed font draws c: Qt lays it out with the widget's font and its fallbacks; a
// glyph index 0 is the .notdef box.
bool drawable(QChar c, const QFont &font) {
  QTextLayout layout(QString(c), font);
  layout.beginLayout();
  layout.createLine();
  layout.endLayout();
  const QList<QGlyphRun> runs = layout.glyphRuns();
  if (runs.isEmpty())
    return false;
  for (const QGlyphRun &run : runs)
    for (quint32 g : run.glyphIndexes())
      if (g == 0)
        return false;
  return true;
}

// Characters of `text` no font can draw (empty = all resolved).
QString tofu(const QString &text, const QFont &font) {
  QString missing;
  for (const QChar c : text)
    if (!c.isSpace() && c != QLatin1Char('&') && !c.isSurrogate() && c.category() != QChar::Other_Control &&
        !drawable(c, font) && !missing.contains(c))
      missing += c;
  return missing;
}

bool hasCjk(const QString &s) {
  for (const QChar c : s)
    if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
      return true;
  return false;
}
} // namespace

class ChineseGlyphsTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

private slots:
  void windowInChineseHasNoTofu() {
    QTranslator zh;
    QVERIFY2(zh.load(QStringLiteral(TACIT_QM_DIR "/tacit_zh_CN.qm")), TACIT_QM_DIR);
    QCoreApplication::installTranslator(&zh);
    QString error;
    const QString sample = guitest::makeSample(m_dir, &error, 2.0);
    QVERIFY2(!sample.isEmpty(), qPrintable(error));
    auto window = guitest::openInWindow(sample, &error);
    QVERIFY2(window, qPrintable(error));
    QVERIFY(window->projects().newProject(m_dir.filePath(QStringLiteral("zh.tacit"))));
    QCoreApplication::processEvents();
    const QImage shot = window->grab().toImage();
    QVERIFY(shot.save(m_dir.filePath(QStringLiteral("zh_CN.png"))));

    // Everything on screen, with the font it is drawn in.
    std::vector<std::pair<QString, QFont>> shown;
    for (QAction *a : window->menuBar()->actions()) {
      shown.emplace_back(a->text(), window->menuBar()->font());
      if (a->menu())
        for (QAction *sub : a->menu()->actions())
          shown.emplace_back(sub->text(), a->menu()->font());
    }
    for (QDockWidget *d : window->findChildren<QDockWidget *>())
      shown.emplace_back(d->windowTitle(), d->font());
    for (QLabel *l : window->findChildren<QLabel *>())
      if (l->isVisible())
        shown.emplace_back(l->text(), l->font());
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
      if (b->isVisible())
        shown.emplace_back(b->text(), b->font());
    for (QHeaderView *h : window->findChildren<QHeaderView *>())
      if (h->model())
        for (int i = 0; i < h->count(); ++i)
          shown.emplace_back(h->model()->headerData(i, h->orientation()).toString(), h->font());
    int cjk = 0;
    for (const auto &[text, font] : shown) {
      cjk += hasCjk(text) ? 1 : 0;
      const QString missing = tofu(text, font);
      QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("\"%1\": no font has %2").arg(text, missing)));
    }
    QVERIFY2(cjk > 0, "the zh_CN catalogue put no Chinese text on screen");
    QCOMPARE(window->menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));

    // Every translation in the catalogue, also those not on screen right now.
    QFile ts(QStringLiteral(TACIT_SOURCE_DIR "/translations/tacit_zh_CN.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString catalogue = QString::fromUtf8(ts.readAll());
    static const QRegularExpression translation(QStringLiteral("<translation>([^<]+)</translation>"));
    int translations = 0;
    for (auto it = translation.globalMatch(catalogue); it.hasNext(); ++translations) {
      const QString text = it.next().captured(1);
      const QString missing = tofu(text, window->font());
      QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("\"%1\": no font has %2").arg(text, missing)));
    }
    QVERIFY(translations > 0);
    QCoreApplication::removeTranslator(&zh);
  }
};

TACIT_GUI_TEST_MAIN(ChineseGlyphsTest)
#include "ChineseGlyphsTest.moc"
