// parseJsonText: the one JSON reading helper (UTF-8, nesting depth, syntax with the line), and the
// recording.json / calibration.json readers on hostile documents.
#include <QtTest>

#include "core/recording/JsonValidator.h"
#include "core/recording/RecordingReader.h"

using namespace tacit;

class JsonTextTest : public QObject {
  Q_OBJECT
private slots:
  void deepNestingIsRefusedWithoutRecursion() {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto r = recording::parseJsonText(deep, "deep.json");
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("deep.json: invalid JSON: line 1, column 65: nested deeper than 64 levels") == 0,
             r.error().c_str());
    const std::string ok = std::string(64, '[') + std::string(64, ']');
    QVERIFY(recording::parseJsonText(ok, "ok.json").ok());
    // Brackets inside strings do not count.
    QVERIFY(recording::parseJsonText("{\"a\": \"" + std::string(500, '[') + "\"}", "s.json").ok());
  }

  void invalidUtf8IsRefusedWithTheLine() {
    auto r = recording::parseJsonText("{\n\"a\": \"caf\xE9\"\n}", "latin1.json");
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), std::string("latin1.json: line 2: invalid UTF-8 (byte 0xE9); save the file as UTF-8"));
  }

  void syntaxErrorsNameLineAndColumn() {
    auto r = recording::parseJsonText("{\n  \"a\": 1,\n  ,\n}", "bad.json");
    QVERIFY(!r.ok());
    QVERIFY2(r.error().rfind("bad.json: invalid JSON: line 3, column 3: ", 0) == 0, r.error().c_str());
    QVERIFY(!recording::parseJsonText("", "empty.json").ok());
  }

  void deepValueInMemory() {
    nlohmann::json v = nlohmann::json::array();
    nlohmann::json *cur = &v;
    for (int i = 0; i < 70; ++i) {
      cur->push_back(nlohmann::json::array());
      cur = &cur->back();
    }
    QVERIFY(recording::jsonDeeperThan(v, 64));
    QVERIFY(!recording::jsonDeeperThan(nlohmann::json::array({1, 2}), 64));
  }

  void hostileRecordingJsonNeverThrows() {
    const std::string deep = "{\"format\":\"tacit-recording\",\"version\":1,\"worker\":" + std::string(5000, '[') +
                             std::string(5000, ']') + "}";
    auto a = RecordingReader::parseManifest(deep, "recording.json");
    QVERIFY(!a.ok());
    QVERIFY(a.error().find("nested deeper") != std::string::npos);
    auto b = RecordingReader::parseManifest("{\"format\":\"tacit-recording\",\"version\":\"1\"}", "recording.json");
    QVERIFY(!b.ok());
    auto c = RecordingReader::parseCalibration("{\"cameras\":{\"rgb\":{\"model\":7}}}", "calibration.json");
    QVERIFY(!c.ok());
    auto d = RecordingReader::parseCalibration("{\"cameras\":\xFF}", "calibration.json");
    QVERIFY(!d.ok());
    QVERIFY(d.error().find("invalid UTF-8") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(JsonTextTest)
#include "JsonTextTest.moc"
