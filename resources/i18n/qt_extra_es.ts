<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt's Spanish catalogue (qtbase_es.qm) does not cover in this Qt
     version, found by tests/gui/test_i18n.py::test_qts_own_dialogs_have_no_english_left.
     Loaded after qtbase_es (gui/i18n.py), so these win only where Qt has nothing. -->
<TS version="2.1" language="es_CL" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
</context>
</TS>
