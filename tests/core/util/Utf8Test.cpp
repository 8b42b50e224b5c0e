// findInvalidUtf8 / utf8Error / toValidUtf8: what keeps Latin-1 text out of the project.
#include <QtTest>

#include "core/util/Utf8.h"

using namespace tacit;

class Utf8Test : public QObject {
  Q_OBJECT
private slots:
  void validTextPasses() {
    QVERIFY(!findInvalidUtf8("plain ascii\nline 2"));
    QVERIFY(!findInvalidUtf8("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"));
    QVERIFY(utf8Error("ok", "f.csv").empty());
  }
  void latin1IsFoundWithItsLine() {
    const auto bad = findInvalidUtf8("kind,note\nsegment,ok\nsegment,caf\xE9\n");
    QVERIFY(bad);
    QCOMPARE(bad->line, 3);
    QCOMPARE(int(bad->byte), 0xE9);
    QCOMPARE(utf8Error("a\n\xE9", "labels.csv"),
             std::string("labels.csv: line 2: invalid UTF-8 (byte 0xE9); save the file as UTF-8"));
  }
  void illFormedSequencesAreRefused() {
    for (const char *s : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\x80",
                          "\xC3", "\xE6\x97"})
      QVERIFY2(findInvalidUtf8(s), s);
  }
  void replacementMakesTextValid() {
    const std::string fixed = toValidUtf8("a\xE9z\xC3");
    QVERIFY(!findInvalidUtf8(fixed));
    QCOMPARE(fixed, std::string("a\xEF\xBF\xBDz\xEF\xBF\xBD"));
    QCOMPARE(toValidUtf8("same"), std::string("same"));
  }
};

QTEST_APPLESS_MAIN(Utf8Test)
#include "Utf8Test.moc"
