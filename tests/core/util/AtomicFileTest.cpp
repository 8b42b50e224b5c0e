#include <QTemporaryDir>
#include <QtTest>

#include "core/util/AtomicFile.h"

using namespace tacit;

class AtomicFileTest : public QObject {
  Q_OBJECT
private slots:
  void writesAndReplaces() {
    QTemporaryDir dir;
    const std::filesystem::path p = dir.filePath("a.json").toStdString();
    QVERIFY(writeFileAtomically(p, "first").ok());
    QVERIFY(writeFileAtomically(p, "second").ok());
    auto text = readSmallFile(p);
    QVERIFY(text.ok());
    QCOMPARE(QString::fromStdString(*text), QStringLiteral("second"));
    // No temporary files are left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
  }
  void unwritableFolderNamesTheFile() {
    auto s = writeFileAtomically("/nonexistent-folder/x.json", "x");
    QVERIFY(!s.ok());
    QVERIFY(QString::fromStdString(s.error()).startsWith("/nonexistent-folder/x.json: "));
  }
  void missingFileNamesTheFile() {
    auto r = readSmallFile("/nonexistent-folder/y.json");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error()), QStringLiteral("/nonexistent-folder/y.json: file not found"));
  }
};

QTEST_GUILESS_MAIN(AtomicFileTest)
#include "AtomicFileTest.moc"
