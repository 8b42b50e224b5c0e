<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>QObject</name>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="567" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="592" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="602" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="607" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="613" />
            <source>Consent review</source>
            <translation>Einwilligungsprüfung</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="584" />
            <source>Consent review: choose the project</source>
            <translation>Einwilligungsprüfung: Projekt wählen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="585" />
            <source>Tacit projects (*.tacit)</source>
            <translation>Tacit-Projekte (*.tacit)</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="603" />
            <source>No recording in this project names a worker.</source>
            <translation>Keine Aufnahme in diesem Projekt nennt eine Trägerin oder einen Träger.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="608" />
            <source>Whose recordings are reviewed?</source>
            <translation>Wessen Aufnahmen werden geprüft?</translation>
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="29" />
            <source>CSV files (*.csv);;All files (*)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionRedactions</name>
        <message>
            <location filename="../widgets/app/SessionRedactions.cpp" line="35" />
            <source>Redactions</source>
            <translation>Entfernungen</translation>
        </message>
        <message>
            <location filename="../widgets/app/SessionRedactions.cpp" line="43" />
            <source>Blurred</source>
            <translation>Unkenntlich gemacht</translation>
        </message>
        <message>
            <location filename="../widgets/app/SessionRedactions.cpp" line="44" />
            <source>Removed (%1)</source>
            <translation>Entfernt (%1)</translation>
        </message>
        <message>
            <location filename="../widgets/app/SessionRedactions.cpp" line="45" />
            <source>all streams</source>
            <translation>alle Datenströme</translation>
        </message>
        <message>
            <location filename="../widgets/app/SessionRedactions.cpp" line="62" />
            <source>Redacted</source>
            <translation>Entfernt</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <location filename="../app/gui/main.cpp" line="46" />
            <source>Review, label and curate smart-glasses recordings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="50" />
            <source>Log debug messages to stderr.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="52" />
            <source>Render the window to a PNG file and exit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="56" />
            <source>Playhead for --screenshot (ns; absolute, or relative to the start).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="58" />
            <source>Window size, e.g. 1600x1000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="62" />
            <source>Play PATH and print presented fps, drops, latency, stalls.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="65" />
            <source>With --bench-playback: only time openPath -&gt; first frame presented.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="66" />
            <source>Benchmark duration.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="68" />
            <source>Benchmark playback speed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="72" />
            <source>Open the worker consent review mode for this project (.tacit).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="75" />
            <source>Worker id for --consent-review.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../app/gui/main.cpp" line="78" />
            <source>Recording folder, video file or project (.tacit).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::AnnotationController</name>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="69" />
            <source>Annotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="69" />
            <source>Playback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="76" />
            <source>Set In Point</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="77" />
            <source>Set Out Point</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="80" />
            <source>Create Segment from In/Out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="85" />
            <source>Apply Label %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="88" />
            <source>Split Segment at Playhead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="90" />
            <source>Delete Segment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="92" />
            <source>Previous Segment Boundary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="94" />
            <source>Next Segment Boundary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="96" />
            <source>Play Segment in a Loop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="98" />
            <source>Flag Span…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="100" />
            <source>Next Track</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="102" />
            <source>Relabel Segment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="230" />
            <source>No active track to create the segment on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="236" />
            <source>Set an in point (I) and an out point (O) first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="254" />
            <source>Select a segment first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="262" />
            <source>Label for segment at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="286" />
            <source>No label is bound to key %1 (Taxonomy editor)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="291" />
            <source>No segment selected or under the playhead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="306" />
            <source>No segment under the playhead to split</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="321" />
            <source>Select a segment to delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="336" />
            <source>No segment boundary after the playhead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="337" />
            <source>No segment boundary before the playhead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="350" />
            <source>No segment selected or under the playhead to loop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="411" />
            <source>Active track: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="424" />
            <source>Relabel…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="425" />
            <source>Split at Playhead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="430" />
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="435" />
            <source>Add Flag over Segment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/AnnotationController.cpp" line="439" />
            <source>Play in a Loop</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::AriaImportForm</name>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="15" />
            <source>Folder with slam/, eye_gaze/, hand_tracking/ (optional with a VRS)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="18" />
            <source>VRS recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="19" />
            <source>Exported RGB video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="20" />
            <location filename="../widgets/import/AriaImportForm.cpp" line="53" />
            <source>VRS recordings (*.vrs);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="22" />
            <source>Calibration JSON (*.json);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="24" />
            <source>Optional: factory calibration (default: from the VRS or MPS)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="28" />
            <source>Optional: device time of the first frame (ns)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="30" />
            <source>MPS folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="31" />
            <source>RGB source:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="32" />
            <source>Source file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="33" />
            <source>Calibration JSON:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="34" />
            <source>First frame time:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="51" />
            <source>Aria recording (.vrs): RGB stream, IMU and calibration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="52" />
            <source>RGB video exported from the recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="54" />
            <source>Videos (*.mp4 *.mov *.mkv);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="63" />
            <source>MPS folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="64" />
            <source>VRS file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="64" />
            <source>RGB video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="65" />
            <source>Calibration JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/AriaImportForm.cpp" line="70" />
            <source>First frame time: expected an integer number of nanoseconds.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::BackgroundJob</name>
        <message>
            <location filename="../widgets/consent/BackgroundJob.cpp" line="52" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
    </context>
    <context>
        <name>tacit::ConsentReviewWindow</name>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="44" />
            <source>Review your recordings</source>
            <translation>Ihre Aufnahmen prüfen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="53" />
            <source>Faces</source>
            <translation>Gesichter</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="101" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="382" />
            <source>Play</source>
            <translation>Abspielen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="105" />
            <source>%1x</source>
            <translation>%1×</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="111" />
            <source>Mark start</source>
            <translation>Anfang markieren</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="112" />
            <source>Mark end</source>
            <translation>Ende markieren</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="113" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="180" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="183" />
            <source>Remove this part</source>
            <translation>Diesen Teil entfernen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="114" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="187" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="189" />
            <source>Blur this</source>
            <translation>Dies unkenntlich machen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="115" />
            <source>Drag a box on the picture first</source>
            <translation>Ziehen Sie zuerst einen Rahmen auf das Bild</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="122" />
            <source>Review</source>
            <translation>Prüfen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="125" />
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="130" />
            <source>I allow my recordings to be used for:</source>
            <translation>Ich erlaube, meine Aufnahmen zu nutzen für:</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="132" />
            <source>Internal research</source>
            <translation>Interne Forschung</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="133" />
            <source>Training robot models</source>
            <translation>Training von Robotermodellen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="134" />
            <source>Sharing with partner companies</source>
            <translation>Weitergabe an Partnerfirmen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="144" />
            <source>Type your full name to sign</source>
            <translation>Geben Sie zum Unterschreiben Ihren vollständigen Namen ein</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="147" />
            <source>Full name</source>
            <translation>Vollständiger Name</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="148" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="151" />
            <source>Give consent</source>
            <translation>Einwilligung geben</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="152" />
            <source>Withdraw consent</source>
            <translation>Einwilligung widerrufen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="160" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="197" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="201" />
            <source>Consent</source>
            <translation>Einwilligung</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="180" />
            <source>Why (optional):</source>
            <translation>Warum (optional):</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="181" />
            <source>removed by the worker</source>
            <translation>von der Trägerin/dem Träger entfernt</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="183" />
            <source>Mark the start and the end of the part first.</source>
            <translation>Markieren Sie zuerst Anfang und Ende des Teils.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="186" />
            <source>blurred by the worker</source>
            <translation>von der Trägerin/dem Träger unkenntlich gemacht</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="187" />
            <source>Drag a box on the picture first.</source>
            <translation>Ziehen Sie zuerst einen Rahmen auf das Bild.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="189" />
            <source>Following the box through the part…</source>
            <translation>Der Rahmen wird durch den Teil verfolgt…</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="223" />
            <source>No recordings of worker %1 in this project.</source>
            <translation>Keine Aufnahmen von %1 in diesem Projekt.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="325" />
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="382" />
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="413" />
            <source>from frame %1</source>
            <translation>ab Bild %1</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="421" />
            <source> to frame %1</source>
            <translation> bis Bild %1</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="515" />
            <source>Choose at least one use.</source>
            <translation>Wählen Sie mindestens eine Nutzung.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="516" />
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="528" />
            <source>Type your full name to sign.</source>
            <translation>Geben Sie zum Unterschreiben Ihren vollständigen Namen ein.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="554" />
            <source>Consent given.</source>
            <translation>Einwilligung gegeben.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="555" />
            <source>Consent withdrawn: nothing new will be exported.</source>
            <translation>Einwilligung widerrufen: Es wird nichts Neues exportiert.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/ConsentReviewWindow.cpp" line="556" />
            <source>No consent yet: your recordings cannot be exported.</source>
            <translation>Noch keine Einwilligung: Ihre Aufnahmen können nicht exportiert werden.</translation>
        </message>
    </context>
    <context>
        <name>tacit::DepthPanel</name>
        <message>
            <location filename="../widgets/depth/DepthPanel.cpp" line="18" />
            <source>Fit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/depth/DepthPanel.cpp" line="20" />
            <source>Turbo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/depth/DepthPanel.cpp" line="21" />
            <source>Grey</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/depth/DepthPanel.cpp" line="26" />
            <source>Auto</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/depth/DepthPanel.cpp" line="44" />
            <source>Hands</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::DepthView</name>
        <message>
            <location filename="../widgets/depth/DepthView.cpp" line="85" />
            <source>No depth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/depth/DepthView.cpp" line="98" />
            <source>%1 mm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/depth/DepthView.cpp" line="98" />
            <source>no data</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::EgoDexImportForm</name>
        <message>
            <location filename="../widgets/import/EgoDexImportForm.cpp" line="13" />
            <source>EgoDex episodes (*.hdf5 *.h5);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/EgoDexImportForm.cpp" line="15" />
            <source>Videos (*.mp4 *.mov);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/EgoDexImportForm.cpp" line="17" />
            <source>The episode's MP4 (default: next to the HDF5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/EgoDexImportForm.cpp" line="18" />
            <source>Episode HDF5:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/EgoDexImportForm.cpp" line="19" />
            <source>Episode video:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/EgoDexImportForm.cpp" line="34" />
            <source>Episode HDF5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/EgoDexImportForm.cpp" line="35" />
            <source>Episode video</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::ExportCandidateModel</name>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="43" />
            <source>no episode left after redactions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="63" />
            <source>excluded</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="64" />
            <source>%n episode(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="64" />
            <source>included</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="69" />
            <source>segment %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="69" />
            <source>whole recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="82" />
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="83" />
            <source>Recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="84" />
            <source>Episode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="85" />
            <source>Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="86" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportCandidateModel.cpp" line="87" />
            <source>Reason excluded / notes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::ExportDialog</name>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="34" />
            <source>Export Episodes — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="68" />
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="74" />
            <source>Comma-separated track names, label names or label paths</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="80" />
            <source>Episodes overlapping a flag of this severity or higher are excluded (5 ignores flags)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="99" />
            <source>source rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="100" />
            <source>Replace a non-empty output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="104" />
            <source>&amp;Format:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="105" />
            <source>&amp;Output folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="106" />
            <source>&amp;Labels / tracks:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="107" />
            <source>&amp;Max flag severity:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="108" />
            <source>Image &amp;size (H × W):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="109" />
            <source>&amp;Frame rate:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="131" />
            <source>&amp;Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="133" />
            <source>&amp;Cancel Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="140" />
            <source>Candidates (dry run):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="155" />
            <source>Export Into Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="219" />
            <source>%1 of %2 candidate(s) pass the gate → %3 episode(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="225" />
            <source>Enter at least one label or track name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="227" />
            <source>Choose an output folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="233" />
            <source> — the export will not be recorded in the project.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="261" />
            <source>Exporting to %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="283" />
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="303" />
            <source>Exported %1 episode(s), %2 frames to %3 in %4 s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/export/ExportDialog.cpp" line="309" />
            <source>Warning: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::FaceQaPanel</name>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="39" />
            <source>Find the faces of other people in this recording. Check each one: accept it to blur it, reject it if it is not a face. Drag a box to correct one or to add a face that was missed.</source>
            <translation>Finden Sie die Gesichter anderer Personen in dieser Aufnahme. Prüfen Sie jedes: Annehmen macht es unkenntlich, Ablehnen, wenn es kein Gesicht ist. Ziehen Sie einen Rahmen, um eines zu korrigieren oder ein übersehenes hinzuzufügen.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="47" />
            <source>&amp;Find faces</source>
            <translation>Gesichter &amp;finden</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="48" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="57" />
            <source>&amp;Next face</source>
            <translation>&amp;Nächstes Gesicht</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="58" />
            <source>Next &amp;unsure face</source>
            <translation>Nächstes &amp;unsicheres Gesicht</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="59" />
            <source>&amp;Accept (blur)</source>
            <translation>&amp;Annehmen (unkenntlich machen)</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="60" />
            <source>&amp;Reject (not a face)</source>
            <translation>&amp;Ablehnen (kein Gesicht)</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="61" />
            <source>Ad&amp;just to my box</source>
            <translation>An meinen Rahmen an&amp;passen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="62" />
            <source>A&amp;dd my box</source>
            <translation>Meinen Rahmen hin&amp;zufügen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="63" />
            <source>Accept all the rest</source>
            <translation>Alle übrigen annehmen</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="64" />
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="80" />
            <source>Step to a face and drag a box over it first.</source>
            <translation>Gehen Sie zu einem Gesicht und ziehen Sie zuerst einen Rahmen darüber.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="84" />
            <source>Drag a box over the face first.</source>
            <translation>Ziehen Sie zuerst einen Rahmen über das Gesicht.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="164" />
            <source>Face search cancelled.</source>
            <translation>Gesichtersuche abgebrochen.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="176" />
            <source>Looking for faces…</source>
            <translation>Gesichter werden gesucht…</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="295" />
            <source>Find faces first.</source>
            <translation>Suchen Sie zuerst nach Gesichtern.</translation>
        </message>
        <message numerus="yes">
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="315" />
            <source>Saved: %n face(s) will be blurred in every export.</source>
            <translation>
                <numerusform>Gespeichert: %n Gesicht wird in jedem Export unkenntlich gemacht.</numerusform>
                <numerusform>Gespeichert: %n Gesichter werden in jedem Export unkenntlich gemacht.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="341" />
            <source>Press "Find faces" to look for other people's faces.</source>
            <translation>Drücken Sie „Gesichter finden“, um nach Gesichtern anderer Personen zu suchen.</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="349" />
            <source>Face %1 at frame %2 (confidence %3): %4. </source>
            <translation>Gesicht %1 bei Bild %2 (Sicherheit %3): %4. </translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="353" />
            <source>will be blurred</source>
            <translation>wird unkenntlich gemacht</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="354" />
            <source>not a face</source>
            <translation>kein Gesicht</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="355" />
            <source>not checked yet</source>
            <translation>noch nicht geprüft</translation>
        </message>
        <message>
            <location filename="../widgets/consent/FaceQaPanel.cpp" line="357" />
            <source>%1 face(s) found: %2 accepted, %3 rejected, %4 to check. %5 frame(s) looked at.</source>
            <translation>%1 Gesicht(er) gefunden: %2 angenommen, %3 abgelehnt, %4 zu prüfen. %5 Bild(er) angesehen.</translation>
        </message>
    </context>
    <context>
        <name>tacit::FlagDialog</name>
        <message>
            <location filename="../widgets/annotation/FlagDialog.cpp" line="14" />
            <source>Flag Span</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/FlagDialog.cpp" line="17" />
            <source>Span:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/FlagDialog.cpp" line="17" />
            <source>Whole recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/FlagDialog.cpp" line="21" />
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/FlagDialog.cpp" line="25" />
            <source>1 = minor … 4 = unusable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/FlagDialog.cpp" line="26" />
            <source>&amp;Severity (1–4):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/FlagDialog.cpp" line="28" />
            <source>&amp;Note:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::FlagEditDialog</name>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="18" />
            <source>Edit Flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="18" />
            <source>Add Flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="24" />
            <source>1 = minor … 4 = unusable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="27" />
            <source>Whole recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="31" />
            <source>Selection %1–%2 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="32" />
            <source>Selection (set a loop first)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="43" />
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="44" />
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="45" />
            <source>Span</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/FlagEditDialog.cpp" line="47" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::ImportDialog</name>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="23" />
            <source>Import Recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="58" />
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="60" />
            <source>Cancel Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="68" />
            <location filename="../widgets/import/ImportDialog.cpp" line="183" />
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="132" />
            <source>Importing: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="136" />
            <source>Importing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="137" />
            <source>Importing into %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="154" />
            <source>Import cancelled; nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="159" />
            <source>Import failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../widgets/import/ImportDialog.cpp" line="164" />
            <source>Imported %1: %n stream(s), %2 video frames.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../widgets/import/ImportDialog.cpp" line="169" />
            <source>Warning: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::ImportForm</name>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="19" />
            <source>New recording folder (must not exist)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="20" />
            <source>Output folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="31" />
            <source>%1: choose a file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="36" />
            <location filename="../widgets/import/ImportForm.cpp" line="51" />
            <source>%1: %2 does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="38" />
            <source>%1: %2 is not a file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="40" />
            <source>%1: %2 cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="46" />
            <source>%1: choose a folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="53" />
            <source>%1: %2 is not a folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="58" />
            <source>Output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="60" />
            <source>%1: choose where the new recording folder goes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="65" />
            <source>%1: %2 already exists; choose a new folder name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/ImportForm.cpp" line="67" />
            <source>%1: the parent folder %2 does not exist.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::LabelDelegate</name>
        <message>
            <location filename="../widgets/project/LabelDelegate.cpp" line="14" />
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::LabelPicker</name>
        <message>
            <location filename="../widgets/annotation/LabelPicker.cpp" line="33" />
            <source>Choose Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/LabelPicker.cpp" line="37" />
            <source>Type to filter labels…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/annotation/LabelPicker.cpp" line="51" />
            <source>The project has no labels yet (Taxonomy editor).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::MainWindow</name>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="58" />
            <location filename="../widgets/app/MainWindow.cpp" line="109" />
            <location filename="../widgets/app/MainWindow.cpp" line="561" />
            <source>Tacit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="84" />
            <source>Open a recording folder with File → Open (Ctrl+O), or drop one here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="122" />
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="122" />
            <source>Playback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="122" />
            <source>View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="122" />
            <location filename="../widgets/app/MainWindow.cpp" line="288" />
            <source>Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="123" />
            <source>&amp;Open Recording Folder…</source>
            <translation>Aufnahme&amp;ordner öffnen…</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="124" />
            <source>Open &amp;Video File…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="125" />
            <source>&amp;Import…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="126" />
            <source>&amp;Export Episodes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="127" />
            <source>Worker &amp;Consent Review…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="129" />
            <source>Play</source>
            <translation>Abspielen</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="130" />
            <source>Next Frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="131" />
            <source>Previous Frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="132" />
            <source>Forward 10 Frames</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="133" />
            <source>Back 10 Frames</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="134" />
            <source>Forward 100 Frames</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="135" />
            <source>Back 100 Frames</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="136" />
            <source>Play Reverse (repeat: faster)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="137" />
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="138" />
            <source>Play Forward (repeat: faster)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="139" />
            <source>Go to Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="140" />
            <source>Go to End</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="141" />
            <source>Set In Point (loop, segment)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="142" />
            <source>Set Out Point (loop, segment)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="143" />
            <source>Loop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="145" />
            <source>Zoom In Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="147" />
            <source>Zoom Out Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="148" />
            <source>Fit Views</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="149" />
            <source>Save Layout As…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="150" />
            <source>Reset Layout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="151" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="151" />
            <location filename="../widgets/app/MainWindow.cpp" line="152" />
            <source>Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="152" />
            <source>&amp;About Tacit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="168" />
            <source>Open Recording Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="173" />
            <source>Open Video File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="174" />
            <source>Videos (*.mp4 *.mov *.mkv *.avi *.webm);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="196" />
            <source>Export From Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="196" />
            <source>Tacit projects (*.tacit)</source>
            <translation>Tacit-Projekte (*.tacit)</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="221" />
            <source>About Tacit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="222" />
            <source>&lt;b&gt;Tacit %1&lt;/b&gt;&lt;p&gt;Review, label and curate smart-glasses recordings for robot learning.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="227" />
            <source>Save Layout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="227" />
            <source>Layout name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="265" />
            <source>Errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="284" />
            <source>Video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="285" />
            <source>Depth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="286" />
            <source>3D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="287" />
            <source>Plots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="289" />
            <source>Offsets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="302" />
            <source>Transport</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="310" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="315" />
            <source>Open &amp;Recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="322" />
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="324" />
            <source>&amp;Playback</source>
            <translation>&amp;Wiedergabe</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="329" />
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="337" />
            <source>&amp;Layouts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="340" />
            <source>P&amp;roject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="342" />
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="440" />
            <source>Frame %1 does not exist (0–%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="444" />
            <source>Not a time or frame: "%1" (try 1:02.5, 62.5 or #120)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="479" />
            <source>%1: no such file or folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="491" />
            <location filename="../widgets/app/MainWindow.cpp" line="518" />
            <source>Opening %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="491" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="492" />
            <source>Opening Recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="553" />
            <source>Opened %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="560" />
            <source>Generating the bundled sample recording (first start only)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="585" />
            <source>Bundled sample: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="611" />
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/MainWindow.cpp" line="128" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
    </context>
    <context>
        <name>tacit::OffsetEditor</name>
        <message>
            <location filename="../widgets/app/OffsetEditor.cpp" line="30" />
            <source>Open a recording to adjust stream offsets.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/OffsetEditor.cpp" line="42" />
            <source>Earlier by one frame (%1 ms)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/OffsetEditor.cpp" line="43" />
            <source>Earlier by 1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/OffsetEditor.cpp" line="45" />
            <source>Later by 1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/OffsetEditor.cpp" line="46" />
            <source>Later by one frame (%1 ms)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/OffsetEditor.cpp" line="61" />
            <source> ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/OffsetEditor.cpp" line="71" />
            <source>Reset</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::PathField</name>
        <message>
            <location filename="../widgets/import/PathField.cpp" line="18" />
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/PathField.cpp" line="41" />
            <source>Choose File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/PathField.cpp" line="43" />
            <source>Choose Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/PathField.cpp" line="46" />
            <source>New Recording Folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::PlotsView</name>
        <message>
            <location filename="../widgets/plot/PlotsView.cpp" line="12" />
            <location filename="../widgets/plot/PlotsView.cpp" line="37" />
            <source>No sensor streams</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::ProjectController</name>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="62" />
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="62" />
            <source>Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="62" />
            <source>Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="62" />
            <source>Review</source>
            <translation>Prüfen</translation>
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="63" />
            <source>&amp;New Project…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="64" />
            <source>Open &amp;Project…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="65" />
            <source>Save Project &amp;As…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="66" />
            <source>&amp;Close Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="67" />
            <location filename="../widgets/app/ProjectController.cpp" line="479" />
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="68" />
            <location filename="../widgets/app/ProjectController.cpp" line="480" />
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="69" />
            <source>Add Recordings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="70" />
            <source>Relink…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="71" />
            <source>Next Unreviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="72" />
            <source>Approve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="73" />
            <source>Reject…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="74" />
            <source>In Review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="75" />
            <source>Reset to Unreviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="76" />
            <source>Add Flag…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="77" />
            <source>Edit Flag…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="78" />
            <source>Remove Flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="80" />
            <source>Delete Selected Segments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="88" />
            <source>New Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="88" />
            <source>project.tacit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="88" />
            <location filename="../widgets/app/ProjectController.cpp" line="100" />
            <source>Tacit projects (*.tacit)</source>
            <translation>Tacit-Projekte (*.tacit)</translation>
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="94" />
            <source>Open Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="94" />
            <source>Tacit projects (*.tacit);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="100" />
            <source>Save Project As</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="115" />
            <source>Add Recordings (a recording or a folder of them)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="123" />
            <source>Relink Recording: choose its folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="140" />
            <source>Recordings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="141" />
            <source>Segments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="142" />
            <source>Flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="143" />
            <source>Labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="169" />
            <source>Open Recent Pro&amp;ject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="206" />
            <source>%1 [read-only]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="255" />
            <source>[read-only] %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="267" />
            <source>Opened project %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="326" />
            <source>No unreviewed recordings match the filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="382" />
            <source>Select a recording first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="396" />
            <source>Reject Recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="397" />
            <source>Why is this recording rejected?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="400" />
            <source>A rejection needs a reason</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../widgets/app/ProjectController.cpp" line="439" />
            <source>Added %n recording(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="479" />
            <source>&amp;Undo %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="480" />
            <source>&amp;Redo %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ProjectController.cpp" line="508" />
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::RecordingFilterBar</name>
        <message>
            <location filename="../widgets/project/RecordingFilterBar.cpp" line="16" />
            <source>Any status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/RecordingFilterBar.cpp" line="21" />
            <source>Worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/RecordingFilterBar.cpp" line="24" />
            <source>Task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/RecordingFilterBar.cpp" line="28" />
            <source>≥ </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/RecordingFilterBar.cpp" line="29" />
            <source> flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/RecordingFilterBar.cpp" line="30" />
            <source>Minimum number of quality flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/RecordingFilterBar.cpp" line="32" />
            <source>Search all columns</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::RecordingSession</name>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="234" />
            <source>video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="236" />
            <source>depth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="237" />
            <location filename="../widgets/app/RecordingSession.cpp" line="292" />
            <source>IMU</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="238" />
            <source>hands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="239" />
            <source>trajectory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="240" />
            <source>gaze</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="288" />
            <source>Video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="290" />
            <source>Depth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="302" />
            <source>Left hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="302" />
            <source>Right hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="306" />
            <source>Trajectory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="308" />
            <source>Gaze</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="311" />
            <source>Segments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="317" />
            <source>Flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="338" />
            <source>Decoding…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="347" />
            <source>This recording has no video stream</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="361" />
            <source>Accelerometer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="364" />
            <source>Gyroscope</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="375" />
            <source>Hand confidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="376" />
            <location filename="../widgets/app/RecordingSession.cpp" line="384" />
            <source>left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="376" />
            <location filename="../widgets/app/RecordingSession.cpp" line="384" />
            <source>right</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/RecordingSession.cpp" line="383" />
            <source>Hand speed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::RecordingsPanel</name>
        <message>
            <location filename="../widgets/project/RecordingsPanel.cpp" line="56" />
            <source>Review history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/RecordingsPanel.cpp" line="141" />
            <source>granted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/RecordingsPanel.cpp" line="141" />
            <source>withdrawn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/RecordingsPanel.cpp" line="141" />
            <source>none</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::ReviewHistoryView</name>
        <message>
            <location filename="../widgets/project/ReviewHistoryView.cpp" line="10" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/ReviewHistoryView.cpp" line="10" />
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/ReviewHistoryView.cpp" line="10" />
            <source>Author</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/ReviewHistoryView.cpp" line="10" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::SegmentsPanel</name>
        <message>
            <location filename="../widgets/project/SegmentsPanel.cpp" line="25" />
            <source>Filter segments (label, track, note…)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../widgets/project/SegmentsPanel.cpp" line="87" />
            <source>Delete %n segments</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>tacit::ShortcutsDialog</name>
        <message>
            <location filename="../widgets/app/ShortcutsDialog.cpp" line="13" />
            <source>Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ShortcutsDialog.cpp" line="17" />
            <source>Command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/app/ShortcutsDialog.cpp" line="17" />
            <source>Shortcut</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::TaxonomyEditor</name>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="30" />
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="30" />
            <source>Add a sibling label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="31" />
            <source>Add Child</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="32" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="33" />
            <source>Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="34" />
            <source>Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="35" />
            <source>Colour…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="37" />
            <source>Import…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="38" />
            <source>Import Taxonomy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="38" />
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="44" />
            <source>Taxonomy JSON (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="42" />
            <source>Export…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="44" />
            <source>Export Taxonomy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="44" />
            <source>taxonomy.json</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="96" />
            <source>New label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="134" />
            <source>Move label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/project/TaxonomyEditor.cpp" line="161" />
            <source>Label Colour</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::TimelineWidget</name>
        <message>
            <location filename="../widgets/timeline/TimelineWidget.cpp" line="238" />
            <source>A segment keeps at least one frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/timeline/TimelineWidget.cpp" line="240" />
            <source>Stopped at the neighbouring segment: track "%1" does not allow overlaps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/timeline/TimelineWidget.cpp" line="443" />
            <source>Flags (%1 whole)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/timeline/TimelineWidget.cpp" line="443" />
            <source>Flags</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::TransportBar</name>
        <message>
            <location filename="../widgets/transport/TransportBar.cpp" line="37" />
            <source>Current time. Type a time (1:02.5, 62.5) or a frame (#120) and press Enter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/transport/TransportBar.cpp" line="46" />
            <source>Speed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/transport/TransportBar.cpp" line="96" />
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location filename="../widgets/transport/TransportBar.cpp" line="96" />
            <source>Play</source>
            <translation>Abspielen</translation>
        </message>
    </context>
    <context>
        <name>tacit::VideoImportForm</name>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="36" />
            <source>Videos (*.mp4 *.mov *.mkv *.avi *.webm *.h264 *.hevc);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="40" />
            <source>Optional: timestamp_ns, accel_x..z (m/s²), gyro_x..z (rad/s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="43" />
            <source>Optional: Aria MPS hand columns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="48" />
            <source>From the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="49" />
            <source>Frame rate to assume when the video has no usable timestamps (raw .h264/.hevc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="51" />
            <source>Pinhole camera</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="60" />
            <source>fx (px):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="61" />
            <source>fy (px):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="62" />
            <source>cx (px):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="63" />
            <source>cy (px):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="67" />
            <source>Optional: ours=theirs, e.g. accel_x=ax, timestamp_ns=t</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="70" />
            <source>Native (ns for IMU, µs for hands)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="74" />
            <source>Video:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="75" />
            <source>IMU CSV:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="76" />
            <source>Hands CSV:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="77" />
            <source>Frame rate hint:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="79" />
            <source>Column mapping:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="80" />
            <source>Sidecar time unit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="105" />
            <source>Column mapping: '%1' is not ours=theirs (e.g. accel_x=ax).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="136" />
            <source>IMU CSV: %1 has no column for %2 (add ours=theirs to the column mapping).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="151" />
            <source>Hands CSV: %1 has no Aria hand columns for %2… (add ours=theirs to the column mapping).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="158" />
            <source>Video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="159" />
            <source>IMU CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="160" />
            <source>Hands CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/import/VideoImportForm.cpp" line="162" />
            <source>Pinhole camera: fx and fy must be positive focal lengths in pixels.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::VideoPanel</name>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="16" />
            <source>Fit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="16" />
            <source>Fit the frame to the view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="17" />
            <source>1:1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="17" />
            <source>One image pixel per screen pixel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="18" />
            <source>Zoom in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="19" />
            <source>Zoom out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="21" />
            <source>Left hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="22" />
            <source>Right hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="23" />
            <source>Gaze</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="24" />
            <source>Frame info</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../widgets/video/VideoPanel.cpp" line="34" />
            <source>Display rotation of this stream</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tacit::VideoView</name>
        <message>
            <location filename="../widgets/video/VideoView.cpp" line="68" />
            <source>No video</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>