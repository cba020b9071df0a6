<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>About</name>
    <message>
        <source>ReflectDesk %1</source>
        <translation>ReflectDesk %1</translation>
    </message>
    <message>
        <source>Encrypted, offline-first practicum reflection journals for initial teacher education.</source>
        <translation>Encrypted, offline-first practicum reflection journals for initial teacher education.</translation>
    </message>
    <message>
        <source>For a bug report:</source>
        <translation>For a bug report:</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>ReflectDesk</source>
        <translation>ReflectDesk</translation>
    </message>
    <message>
        <source>Your new passphrase is set.</source>
        <translation>Your new passphrase is set.</translation>
    </message>
    <message>
        <source>Use it from now on. Your recovery key still works, too.</source>
        <translation>Use it from now on. Your recovery key still works, too.</translation>
    </message>
</context>
<context>
    <name>AttachmentRow</name>
    <message>
        <source>Save a copy…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Save a copy of %1</source>
        <translation>Save a copy of %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Attach a fi&amp;le…</source>
        <translation>Attach a fi&amp;le…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>No attachments. Photos appear here; files stay encrypted.</source>
        <translation>No attachments. Photos appear here; files stay encrypted.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <source>Save an unencrypted copy?</source>
        <translation>Save an unencrypted copy?</translation>
    </message>
    <message>
        <source>The copy of “%1” will NOT be encrypted: anyone with access to the folder you choose can open it. Inside ReflectDesk the attachment stays encrypted.</source>
        <translation>The copy of “%1” will NOT be encrypted: anyone with access to the folder you choose can open it. Inside ReflectDesk the attachment stays encrypted.</translation>
    </message>
    <message>
        <source>Remove attachment?</source>
        <translation>Remove attachment?</translation>
    </message>
    <message>
        <source>Remove “%1” from this entry?</source>
        <translation>Remove “%1” from this entry?</translation>
    </message>
    <message>
        <source>Copy saved</source>
        <translation>Copy saved</translation>
    </message>
    <message>
        <source>Saved “%1”. Remember: this copy is not encrypted.</source>
        <translation>Saved “%1”. Remember: this copy is not encrypted.</translation>
    </message>
</context>
<context>
    <name>AuditCounts</name>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n memo(s)</source>
        <translation>
            <numerusform>%n memo</numerusform>
            <numerusform>%n memos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Choose a folder for your backups</source>
        <translation>Choose a folder for your backups</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>Backup &amp;folder:</translation>
    </message>
    <message>
        <source>Back up a&amp;utomatically:</source>
        <translation>Back up a&amp;utomatically:</translation>
    </message>
    <message>
        <source>&amp;Keep the last:</source>
        <translation>&amp;Keep the last:</translation>
    </message>
    <message>
        <source>A USB stick or a synced folder</source>
        <translation>A USB stick or a synced folder</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>Only when I ask</translation>
    </message>
    <message>
        <source>Every time the journal locks</source>
        <translation>Every time the journal locks</translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation>Once a day</translation>
    </message>
    <message>
        <source>Back up automatically</source>
        <translation>Back up automatically</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> backups</translation>
    </message>
    <message>
        <source>How many backups to keep</source>
        <translation>How many backups to keep</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Backup progress</translation>
    </message>
    <message>
        <source>Last backup: %1.</source>
        <translation>Last backup: %1.</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <source>A backup is encrypted: your passphrase or your recovery key opens it.</source>
        <translation>A backup is encrypted: your passphrase or your recovery key opens it.</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <source>Choose a folder for your backups</source>
        <translation>Choose a folder for your backups</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Backup saved in %1</source>
        <translation>Backup saved in %1</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Backup reminder</source>
        <translation>Backup reminder</translation>
    </message>
    <message>
        <source>Your last backup is from %1. A lost or broken laptop would take everything written since.</source>
        <translation>Your last backup is from %1. A lost or broken laptop would take everything written since.</translation>
    </message>
    <message>
        <source>Your journal has no backup yet. A lost or broken laptop would take all of it.</source>
        <translation>Your journal has no backup yet. A lost or broken laptop would take all of it.</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>Back &amp;up now</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Backup progress</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Copying the encrypted vault…</source>
        <translation>Copying the encrypted vault…</translation>
    </message>
    <message>
        <source>Writing the backup file…</source>
        <translation>Writing the backup file…</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>Reading the backup…</translation>
    </message>
    <message>
        <source>Checking every record…</source>
        <translation>Checking every record…</translation>
    </message>
    <message>
        <source>Deriving the key…</source>
        <translation>Deriving the key…</translation>
    </message>
    <message>
        <source>Checking the search index…</source>
        <translation>Checking the search index…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>BatchImportDialog</name>
    <message>
        <source>Checking and importing the bundles…</source>
        <translation>Checking and importing the bundles…</translation>
    </message>
    <message>
        <source>Importing the bundles of the checked senders…</source>
        <translation>Importing the bundles of the checked senders…</translation>
    </message>
    <message>
        <source>Bundles: %1 of %2</source>
        <translation>Bundles: %1 of %2</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Already had</source>
        <translation>Already had</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Sender to verify</source>
        <translation>Sender to verify</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
    <message numerus="yes">
        <source>%n bundles imported</source>
        <translation>
            <numerusform>%n bundle imported</numerusform>
            <numerusform>%n bundles imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already had</source>
        <translation>
            <numerusform>%n already had</numerusform>
            <numerusform>%n already had</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n from senders to verify</source>
        <translation>
            <numerusform>%n from a sender to verify</numerusform>
            <numerusform>%n from senders to verify</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the bundles imported before stay.</source>
        <translation>Cancelled: the bundles imported before stay.</translation>
    </message>
    <message>
        <source>Stopped: %1 The bundles imported before stay; import again for the rest.</source>
        <translation>Stopped: %1 The bundles imported before stay; import again for the rest.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>I compared the safety number with %1 and it matches</source>
        <translation>I compared the safety number with %1 and it matches</translation>
    </message>
    <message>
        <source>Careful: you already have a contact called %1 with other keys.</source>
        <translation>Careful: you already have a contact called %1 with other keys.</translation>
    </message>
    <message numerus="yes">
        <source>%n bundles</source>
        <translation>
            <numerusform>%n bundle</numerusform>
            <numerusform>%n bundles</numerusform>
        </translation>
    </message>
    <message>
        <source>Save report as CSV</source>
        <translation>Save report as CSV</translation>
    </message>
    <message>
        <source>import-report.csv</source>
        <translation>import-report.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Report saved: %1</translation>
    </message>
    <message>
        <source>Make a cohort</source>
        <translation>Make a cohort</translation>
    </message>
    <message>
        <source>Name of the cohort (for example: Práctica II — 2026 — Sección 2):</source>
        <translation>Name of the cohort (for example: Práctica II — 2026 — Sección 2):</translation>
    </message>
    <message>
        <source>Cohort %1 made with %2 people.</source>
        <translation>Cohort %1 made with %2 people.</translation>
    </message>
    <message>
        <source>Stopping after the current bundle…</source>
        <translation>Stopping after the current bundle…</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Compared</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Safety number</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <source>Senders who are not your contacts</source>
        <translation>Senders who are not your contacts</translation>
    </message>
    <message>
        <source>Senders who are not your contacts. Compare each safety number with the person (in person or by phone), tick the ones that match, then import their bundles. They are added to your contacts as verified.</source>
        <translation>Senders who are not your contacts. Compare each safety number with the person (in person or by phone), tick the ones that match, then import their bundles. They are added to your contacts as verified.</translation>
    </message>
    <message>
        <source>&amp;Import from the checked senders</source>
        <translation>&amp;Import from the checked senders</translation>
    </message>
    <message>
        <source>&amp;Save report as CSV…</source>
        <translation>&amp;Save report as CSV…</translation>
    </message>
    <message>
        <source>Make a &amp;cohort of these senders…</source>
        <translation>Make a &amp;cohort of these senders…</translation>
    </message>
    <message>
        <source>Import from the checked senders</source>
        <translation>Import from the checked senders</translation>
    </message>
    <message>
        <source>Make a cohort of these senders</source>
        <translation>Make a cohort of these senders</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose a folder of bundles</source>
        <translation>Choose a folder of bundles</translation>
    </message>
    <message>
        <source>Choose bundles</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <source>Bundles (*.rdbundle);;All files (*)</source>
        <translation>Bundles (*.rdbundle);;All files (*)</translation>
    </message>
</context>
<context>
    <name>BundleLogPage</name>
    <message>
        <source>you</source>
        <translation>you</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Bundles you imported: when, from whom and how many entries.</source>
        <translation>Bundles you imported: when, from whom and how many entries.</translation>
    </message>
    <message>
        <source>Nothing imported yet. Open a bundle, or drop a .rdbundle file here.</source>
        <translation>Nothing imported yet. Open a bundle, or drop a .rdbundle file here.</translation>
    </message>
    <message>
        <source>&amp;Open a bundle…</source>
        <translation>&amp;Open a bundle…</translation>
    </message>
    <message>
        <source>Open a bundle</source>
        <translation>Open a bundle</translation>
    </message>
    <message>
        <source>Bundles received</source>
        <translation>Bundles received</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Bundles you made: when, for whom and how many entries.</source>
        <translation>Bundles you made: when, for whom and how many entries.</translation>
    </message>
    <message>
        <source>Nothing shared yet.</source>
        <translation>Nothing shared yet.</translation>
    </message>
    <message>
        <source>&amp;Share entries…</source>
        <translation>&amp;Share entries…</translation>
    </message>
    <message>
        <source>Share entries</source>
        <translation>Share entries</translation>
    </message>
    <message>
        <source>Bundles sent</source>
        <translation>Bundles sent</translation>
    </message>
</context>
<context>
    <name>CaseAuditTab</name>
    <message>
        <source>Study created</source>
        <translation>Study created</translation>
    </message>
    <message>
        <source>Ethics approval recorded</source>
        <translation>Ethics approval recorded</translation>
    </message>
    <message>
        <source>Item added</source>
        <translation>Item added</translation>
    </message>
    <message>
        <source>Item removed</source>
        <translation>Item removed</translation>
    </message>
    <message>
        <source>Pseudonymisation accepted</source>
        <translation>Pseudonymisation accepted</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Consent withdrawn: item removed</source>
        <translation>Consent withdrawn: item removed</translation>
    </message>
    <message>
        <source>Imported from a REFI-QDA project</source>
        <translation>Imported from a REFI-QDA project</translation>
    </message>
    <message>
        <source>Study deleted</source>
        <translation>Study deleted</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expires %1</translation>
    </message>
    <message>
        <source>withdrawn on %1</source>
        <translation>withdrawn on %1</translation>
    </message>
    <message>
        <source>bundle %1</source>
        <translation>bundle %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>consent: %1</source>
        <translation>consent: %1</translation>
    </message>
    <message>
        <source>format %1</source>
        <translation>format %1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>reason: %1</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>consent withdrawn</translation>
    </message>
    <message>
        <source>consent changed to read only</source>
        <translation>consent changed to read only</translation>
    </message>
    <message>
        <source>no consent recorded</source>
        <translation>no consent recorded</translation>
    </message>
    <message>
        <source>signature checked</source>
        <translation>signature checked</translation>
    </message>
    <message>
        <source>signature not checked</source>
        <translation>signature not checked</translation>
    </message>
    <message>
        <source>with information sheet</source>
        <translation>with information sheet</translation>
    </message>
    <message>
        <source>no information sheet</source>
        <translation>no information sheet</translation>
    </message>
    <message>
        <source>Every addition, removal, pseudonymisation, export and withdrawal, signed with your key. It names no person and quotes no text.</source>
        <translation>Every addition, removal, pseudonymisation, export and withdrawal, signed with your key. It names no person and quotes no text.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>&amp;Export log…</source>
        <translation>&amp;Export log…</translation>
    </message>
    <message>
        <source>&amp;Check a file…</source>
        <translation>&amp;Check a file…</translation>
    </message>
    <message>
        <source>Passed: %1 (%2 records, signed by %3).</source>
        <translation>Passed: %1 (%2 records, signed by %3).</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>(at %1)</source>
        <translation>(at %1)</translation>
    </message>
    <message>
        <source>the log in your vault is whole and signed</source>
        <translation>the log in your vault is whole and signed</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>Audit logs (*.audit.json)</source>
        <translation>Audit logs (*.audit.json)</translation>
    </message>
    <message>
        <source>Exported to %1 (%2 records).</source>
        <translation>Exported to %1 (%2 records).</translation>
    </message>
    <message>
        <source>Check an exported audit log</source>
        <translation>Check an exported audit log</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>CaseCodingTab</name>
    <message>
        <source>Reading the study…</source>
        <translation>Reading the study…</translation>
    </message>
    <message>
        <source>Code selection as</source>
        <translation>Code selection as</translation>
    </message>
    <message>
        <source>Remove coding %1…</source>
        <translation>Remove coding %1…</translation>
    </message>
    <message>
        <source>Choose a code in the codebook first.</source>
        <translation>Choose a code in the codebook first.</translation>
    </message>
    <message>
        <source>Select a passage in the text first.</source>
        <translation>Select a passage in the text first.</translation>
    </message>
    <message>
        <source>Coded «%1» as %2.</source>
        <translation>Coded «%1» as %2.</translation>
    </message>
    <message>
        <source>Remove coding</source>
        <translation>Remove coding</translation>
    </message>
    <message>
        <source>Remove the code %1 from «%2»?</source>
        <translation>Remove the code %1 from «%2»?</translation>
    </message>
    <message>
        <source>The text stays; its memo on this passage is removed with it.</source>
        <translation>The text stays; its memo on this passage is removed with it.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Memo saved.</source>
        <translation>Memo saved.</translation>
    </message>
    <message>
        <source>Memo removed.</source>
        <translation>Memo removed.</translation>
    </message>
    <message numerus="yes">
        <source>%n coded passage(s) go with it.</source>
        <translation>
            <numerusform>%n coded passage goes with it.</numerusform>
            <numerusform>%n coded passages go with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its %n subcode(s) go too.</source>
        <translation>
            <numerusform>Its %n subcode goes too.</numerusform>
            <numerusform>Its %n subcodes go too.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Delete code</translation>
    </message>
    <message>
        <source>Delete the code %1?</source>
        <translation>Delete the code %1?</translation>
    </message>
    <message>
        <source>Memos on them are deleted too. The texts stay.</source>
        <translation>Memos on them are deleted too. The texts stay.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Import a codebook</source>
        <translation>Import a codebook</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA codebook (*.qdc)</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) imported.</source>
        <translation>
            <numerusform>%n code imported.</numerusform>
            <numerusform>%n codes imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Filter: pseudonym, date, template</source>
        <translation>Filter: pseudonym, date, template</translation>
    </message>
    <message>
        <source>Filter the items</source>
        <translation>Filter the items</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Coded passages</source>
        <translation>Coded passages</translation>
    </message>
    <message>
        <source>Items of the study</source>
        <translation>Items of the study</translation>
    </message>
    <message>
        <source>The item&apos;s text</source>
        <translation>The item&apos;s text</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Codebook</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&amp;Code selection</source>
        <translation>&amp;Code selection</translation>
    </message>
    <message>
        <source>Apply the chosen code to the selected text (Ctrl+Return). You can also double-click a code or drag the selection onto it.</source>
        <translation>Apply the chosen code to the selected text (Ctrl+Return). You can also double-click a code or drag the selection onto it.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>New code</translation>
    </message>
    <message>
        <source>&amp;Subcode…</source>
        <translation>&amp;Subcode…</translation>
    </message>
    <message>
        <source>New subcode of the chosen code</source>
        <translation>New subcode of the chosen code</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Edit the chosen code</source>
        <translation>Edit the chosen code</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Delete the chosen code</source>
        <translation>Delete the chosen code</translation>
    </message>
    <message>
        <source>&amp;Import .qdc…</source>
        <translation>&amp;Import .qdc…</translation>
    </message>
    <message>
        <source>Import a REFI-QDA codebook (.qdc)</source>
        <translation>Import a REFI-QDA codebook (.qdc)</translation>
    </message>
    <message>
        <source>Codes on this passage</source>
        <translation>Codes on this passage</translation>
    </message>
    <message>
        <source>&amp;Remove coding…</source>
        <translation>&amp;Remove coding…</translation>
    </message>
    <message>
        <source>A memo on this coded passage</source>
        <translation>A memo on this coded passage</translation>
    </message>
    <message>
        <source>Memo on the passage</source>
        <translation>Memo on the passage</translation>
    </message>
    <message>
        <source>Save &amp;memo</source>
        <translation>Save &amp;memo</translation>
    </message>
    <message>
        <source>Choose a case study to code its items.</source>
        <translation>Choose a case study to code its items.</translation>
    </message>
    <message>
        <source>This study has no items yet: add entries in the Items tab.</source>
        <translation>This study has no items yet: add entries in the Items tab.</translation>
    </message>
    <message>
        <source>Make a code with New… (or import a codebook), then select a passage.</source>
        <translation>Make a code with New… (or import a codebook), then select a passage.</translation>
    </message>
    <message>
        <source>Select a passage, then double-click a code or press Ctrl+Return.</source>
        <translation>Select a passage, then double-click a code or press Ctrl+Return.</translation>
    </message>
</context>
<context>
    <name>CaseExportsTab</name>
    <message>
        <source>No ethics approval: record it (Approval…) before exporting anything.</source>
        <translation>No ethics approval: record it (Approval…) before exporting anything.</translation>
    </message>
    <message>
        <source>The ethics approval expired on %1: record the renewed approval (Approval…) before exporting.</source>
        <translation>The ethics approval expired on %1: record the renewed approval (Approval…) before exporting.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries may only be used pseudonymised and are not reviewed yet: review their pseudonyms (Items tab, Review pseudonyms…) before exporting.</source>
        <translation>
            <numerusform>%n entry may only be used pseudonymised and is not reviewed yet: review its pseudonyms (Items tab, Review pseudonyms…) before exporting.</numerusform>
            <numerusform>%n entries may only be used pseudonymised and are not reviewed yet: review their pseudonyms (Items tab, Review pseudonyms…) before exporting.</numerusform>
        </translation>
    </message>
    <message>
        <source>The codebook is empty: add a code before exporting it.</source>
        <translation>The codebook is empty: add a code before exporting it.</translation>
    </message>
    <message>
        <source>case-study</source>
        <translation>case-study</translation>
    </message>
    <message>
        <source>codebook</source>
        <translation>codebook</translation>
    </message>
    <message>
        <source>case-study-report</source>
        <translation>case-study-report</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>REFI-QDA projects (*.qdpx)</translation>
    </message>
    <message>
        <source>REFI-QDA codebooks (*.qdc)</source>
        <translation>REFI-QDA codebooks (*.qdc)</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Web pages (*.html)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export the case study to</source>
        <translation>Export the case study to</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Its signed audit log is beside it: %1</source>
        <translation>Its signed audit log is beside it: %1</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>The export failed: nothing was written.</source>
        <translation>The export failed: nothing was written.</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>School type of %1</source>
        <translation>School type of %1</translation>
    </message>
    <message>
        <source>Municipal</source>
        <translation>Municipal</translation>
    </message>
    <message>
        <source>SLEP (local public education service)</source>
        <translation>SLEP (local public education service)</translation>
    </message>
    <message>
        <source>Private subsidised</source>
        <translation>Private subsidised</translation>
    </message>
    <message>
        <source>Private fee-paying</source>
        <translation>Private fee-paying</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Outdated</source>
        <translation>Outdated</translation>
    </message>
    <message>
        <source>Outdated: an entry was withdrawn or removed after the export was made, so the file still holds it. Export again for a copy without it, and delete the old one.</source>
        <translation>Outdated: an entry was withdrawn or removed after the export was made, so the file still holds it. Export again for a copy without it, and delete the old one.</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>REFI-QDA project (.qdpx)</source>
        <translation>REFI-QDA project (.qdpx)</translation>
    </message>
    <message>
        <source>Codebook (.qdc)</source>
        <translation>Codebook (.qdc)</translation>
    </message>
    <message>
        <source>Report, web page (.html)</source>
        <translation>Report, web page (.html)</translation>
    </message>
    <message>
        <source>Report, PDF (.pdf)</source>
        <translation>Report, PDF (.pdf)</translation>
    </message>
    <message>
        <source>Report, Markdown (.md)</source>
        <translation>Report, Markdown (.md)</translation>
    </message>
    <message>
        <source>The whole project — texts, codes, coded passages, memos, one case per student — for QualCoder, NVivo, ATLAS.ti or MAXQDA. Checked against the REFI-QDA schema before it is written.</source>
        <translation>The whole project — texts, codes, coded passages, memos, one case per student — for QualCoder, NVivo, ATLAS.ti or MAXQDA. Checked against the REFI-QDA schema before it is written.</translation>
    </message>
    <message>
        <source>The codebook only: codes, colours and descriptions.</source>
        <translation>The codebook only: codes, colours and descriptions.</translation>
    </message>
    <message>
        <source>The report: the project and its approval, excerpts by code, the code tables.</source>
        <translation>The report: the project and its approval, excerpts by code, the code tables.</translation>
    </message>
    <message>
        <source>The report as a PDF, to print or hand in.</source>
        <translation>The report as a PDF, to print or hand in.</translation>
    </message>
    <message>
        <source>The report as Markdown text.</source>
        <translation>The report as Markdown text.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exports made</source>
        <translation>Exports made</translation>
    </message>
    <message>
        <source>Case attributes</source>
        <translation>Case attributes</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The exported file is not encrypted. It holds only pseudonymised text, never the pseudonym key; its signed audit log is saved beside it.</source>
        <translation>The exported file is not encrypted. It holds only pseudonymised text, never the pseudonym key; its signed audit log is saved beside it.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Nothing exported yet.</source>
        <translation>Nothing exported yet.</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>School type</source>
        <translation>School type</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>MBE standards</source>
        <translation>MBE standards</translation>
    </message>
    <message>
        <source>Each student is a case of the REFI-QDA project with these attributes; the report lists them too. Set the school type here.</source>
        <translation>Each student is a case of the REFI-QDA project with these attributes; the report lists them too. Set the school type here.</translation>
    </message>
    <message>
        <source>Choose a case study to export it.</source>
        <translation>Choose a case study to export it.</translation>
    </message>
</context>
<context>
    <name>CaseItemsTab</name>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Withdrawn on %1, from bundle %2: removed with %3 and %4.</source>
        <translation>Withdrawn on %1, from bundle %2: removed with %3 and %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n memo(s)</source>
        <translation>
            <numerusform>%n memo</numerusform>
            <numerusform>%n memos</numerusform>
        </translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Select an item.</source>
        <translation>Select an item.</translation>
    </message>
    <message>
        <source>Pseudonym: %1</source>
        <translation>Pseudonym: %1</translation>
    </message>
    <message>
        <source>Version %1 of the entry, added %2</source>
        <translation>Version %1 of the entry, added %2</translation>
    </message>
    <message>
        <source>Imported from a REFI-QDA project: no signature or consent.</source>
        <translation>Imported from a REFI-QDA project: no signature or consent.</translation>
    </message>
    <message>
        <source>Author&apos;s key: %1</source>
        <translation>Author&apos;s key: %1</translation>
    </message>
    <message>
        <source>Signature checked: yes, with a key pinned for the author.</source>
        <translation>Signature checked: yes, with a key pinned for the author.</translation>
    </message>
    <message>
        <source>Signature checked: no, the key is not one pinned for the author.</source>
        <translation>Signature checked: no, the key is not one pinned for the author.</translation>
    </message>
    <message>
        <source>verified in person (safety number compared)</source>
        <translation>verified in person (safety number compared)</translation>
    </message>
    <message>
        <source>known, not verified in person</source>
        <translation>known, not verified in person</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>Author: %1</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Consent: %1</translation>
    </message>
    <message>
        <source>Bundle: %1</source>
        <translation>Bundle: %1</translation>
    </message>
    <message>
        <source>Standards: %1</source>
        <translation>Standards: %1</translation>
    </message>
    <message>
        <source>Sections: %1</source>
        <translation>Sections: %1</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Pseudonymisation</source>
        <translation>Pseudonymisation</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Review &amp;pseudonyms…</source>
        <translation>Review &amp;pseudonyms…</translation>
    </message>
    <message>
        <source>No items yet. Add received entries whose authors consented to research.</source>
        <translation>No items yet. Add received entries whose authors consented to research.</translation>
    </message>
    <message numerus="yes">
        <source>%n items need the pseudonymisation review before any export.</source>
        <translation>
            <numerusform>%n item needs the pseudonymisation review before any export.</numerusform>
            <numerusform>%n items need the pseudonymisation review before any export.</numerusform>
        </translation>
    </message>
    <message>
        <source>Published on %1: the cut-off date. Exports made before a withdrawal are marked outdated.</source>
        <translation>Published on %1: the cut-off date. Exports made before a withdrawal are marked outdated.</translation>
    </message>
    <message>
        <source>Not published yet: a consent withdrawal removes that entry&apos;s excerpts from this study.</source>
        <translation>Not published yet: a consent withdrawal removes that entry&apos;s excerpts from this study.</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>Remove %1&apos;s entry from this case study?</source>
        <translation>Remove %1&apos;s entry from this case study?</translation>
    </message>
    <message>
        <source>Its coded passages and the memos on them are removed too. The audit log records the removal. The entry stays in your received journals.</source>
        <translation>Its coded passages and the memos on them are removed too. The audit log records the removal. The entry stays in your received journals.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>CaseMemosTab</name>
    <message>
        <source>The project</source>
        <translation>The project</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Item: %1</source>
        <translation>Item: %1</translation>
    </message>
    <message>
        <source>A coded passage</source>
        <translation>A coded passage</translation>
    </message>
    <message>
        <source>Passage: «%1» (%2, %3)</source>
        <translation>Passage: «%1» (%2, %3)</translation>
    </message>
    <message>
        <source>Written %1 · changed %2</source>
        <translation>Written %1 · changed %2</translation>
    </message>
    <message>
        <source>A new memo</source>
        <translation>A new memo</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>Delete memo</translation>
    </message>
    <message>
        <source>Delete the memo on %1?</source>
        <translation>Delete the memo on %1?</translation>
    </message>
    <message>
        <source>Its text is gone for good.</source>
        <translation>Its text is gone for good.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>All memos</source>
        <translation>All memos</translation>
    </message>
    <message>
        <source>On the project</source>
        <translation>On the project</translation>
    </message>
    <message>
        <source>On codes</source>
        <translation>On codes</translation>
    </message>
    <message>
        <source>On items</source>
        <translation>On items</translation>
    </message>
    <message>
        <source>On coded passages</source>
        <translation>On coded passages</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>On:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Write the memo here.</source>
        <translation>Write the memo here.</translation>
    </message>
    <message>
        <source>Memo text</source>
        <translation>Memo text</translation>
    </message>
    <message>
        <source>&amp;New memo</source>
        <translation>&amp;New memo</translation>
    </message>
    <message>
        <source>&amp;Save memo</source>
        <translation>&amp;Save memo</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>No memos yet. Write one on the project, a code or an item here, or on a coded passage in the Coding tab.</source>
        <translation>No memos yet. Write one on the project, a code or an item here, or on a coded passage in the Coding tab.</translation>
    </message>
    <message>
        <source>Choose a case study to see its memos.</source>
        <translation>Choose a case study to see its memos.</translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <source>Research</source>
        <translation>Research</translation>
    </message>
    <message>
        <source>Research, pseudonymised</source>
        <translation>Research, pseudonymised</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Read only</translation>
    </message>
    <message>
        <source>Not addable: consent to read only</source>
        <translation>Not addable: consent to read only</translation>
    </message>
    <message>
        <source>Not addable: consent withdrawn</source>
        <translation>Not addable: consent withdrawn</translation>
    </message>
    <message>
        <source>Not addable: no consent recorded</source>
        <translation>Not addable: no consent recorded</translation>
    </message>
    <message>
        <source>Already in this study</source>
        <translation>Already in this study</translation>
    </message>
</context>
<context>
    <name>CasePickerDialog</name>
    <message>
        <source>Add entries to the case study</source>
        <translation>Add entries to the case study</translation>
    </message>
    <message>
        <source>Entries your students sent with consent for research can be added. The others are shown greyed, with the reason.</source>
        <translation>Entries your students sent with consent for research can be added. The others are shown greyed, with the reason.</translation>
    </message>
    <message>
        <source>Filter by student, title, template or cohort</source>
        <translation>Filter by student, title, template or cohort</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %n entries</source>
        <translation>
            <numerusform>&amp;Add %n entry</numerusform>
            <numerusform>&amp;Add %n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Reading the received entries…</source>
        <translation>Reading the received entries…</translation>
    </message>
    <message>
        <source>No received entries yet: import your students&apos; bundles first.</source>
        <translation>No received entries yet: import your students&apos; bundles first.</translation>
    </message>
    <message>
        <source>%1 of %2 entries shown; %3 can be added.</source>
        <translation>%1 of %2 entries shown; %3 can be added.</translation>
    </message>
</context>
<context>
    <name>CaseProjectDialog</name>
    <message>
        <source>New case study</source>
        <translation>New case study</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>Case study</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Research &amp;question:</source>
        <translation>Research &amp;question:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Of the pseudonyms (“Estudiante A” or “Student A”) and the report.</source>
        <translation>Of the pseudonyms (“Estudiante A” or “Student A”) and the report.</translation>
    </message>
    <message>
        <source>Cohorts:</source>
        <translation>Cohorts:</translation>
    </message>
    <message>
        <source>No cohorts yet: make them in Contacts after importing a batch.</source>
        <translation>No cohorts yet: make them in Contacts after importing a batch.</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Publication:</source>
        <translation>Publication:</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>The cut-off: a withdrawal that arrives later cannot reach back past it.</source>
        <translation>The cut-off: a withdrawal that arrives later cannot reach back past it.</translation>
    </message>
    <message>
        <source>Ethics approval</source>
        <translation>Ethics approval</translation>
    </message>
    <message>
        <source>Without an approval you can plan the study (codes, memos) but not add.</source>
        <translation>Without an approval you can plan the study (codes, memos) but not add.</translation>
    </message>
    <message>
        <source>&amp;Committee:</source>
        <translation>&amp;Committee:</translation>
    </message>
    <message>
        <source>&amp;Reference number:</source>
        <translation>&amp;Reference number:</translation>
    </message>
    <message>
        <source>&amp;Expires on:</source>
        <translation>&amp;Expires on:</translation>
    </message>
    <message>
        <source>Information sheet:</source>
        <translation>Information sheet:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Leave the committee empty to record no approval yet. The information sheet is kept encrypted in your vault.</source>
        <translation>Leave the committee empty to record no approval yet. The information sheet is kept encrypted in your vault.</translation>
    </message>
    <message>
        <source>e.g. Fractions with concrete materials</source>
        <translation>e.g. Fractions with concrete materials</translation>
    </message>
    <message>
        <source>e.g. CEC-CSAH</source>
        <translation>e.g. CEC-CSAH</translation>
    </message>
    <message>
        <source>e.g. 2026-041</source>
        <translation>e.g. 2026-041</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>None chosen</translation>
    </message>
    <message>
        <source>Choose the information sheet</source>
        <translation>Choose the information sheet</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.odt *.docx *.doc *.txt *.md)</source>
        <translation>Documents (*.pdf *.odt *.docx *.doc *.txt *.md)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>An approval needs both the committee and the reference.</source>
        <translation>An approval needs both the committee and the reference.</translation>
    </message>
    <message>
        <source>The information sheet goes with an approval.</source>
        <translation>The information sheet goes with an approval.</translation>
    </message>
</context>
<context>
    <name>CaseQueriesTab</name>
    <message>
        <source>Reading the coded passages…</source>
        <translation>Reading the coded passages…</translation>
    </message>
    <message>
        <source>Choose a case study on the left to query its coding.</source>
        <translation>Choose a case study on the left to query its coding.</translation>
    </message>
    <message>
        <source>The coded passages could not be read.</source>
        <translation>The coded passages could not be read.</translation>
    </message>
    <message>
        <source>No codes yet. Create a codebook and code some passages in the Coding tab first; their queries appear here.</source>
        <translation>No codes yet. Create a codebook and code some passages in the Coding tab first; their queries appear here.</translation>
    </message>
    <message>
        <source>No coded passages yet. Code some passages in the Coding tab first; then find them here by code, student, section and date, and see code frequencies, co-occurrence and the code × MBE standard matrix.</source>
        <translation>No coded passages yet. Code some passages in the Coding tab first; then find them here by code, student, section and date, and see code frequencies, co-occurrence and the code × MBE standard matrix.</translation>
    </message>
    <message>
        <source>All students</source>
        <translation>All students</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>All sections</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Coded passages</source>
        <translation>Coded passages</translation>
    </message>
    <message>
        <source>Coded passages per template section</source>
        <translation>Coded passages per template section</translation>
    </message>
    <message>
        <source>Coded passages per student</source>
        <translation>Coded passages per student</translation>
    </message>
    <message>
        <source>No two codes overlap yet. Two codes co-occur where their passages overlap in the same section.</source>
        <translation>No two codes overlap yet. Two codes co-occur where their passages overlap in the same section.</translation>
    </message>
    <message>
        <source>The coded items name no MBE standard: the matrix fills when the entries were tagged with standards.</source>
        <translation>The coded items name no MBE standard: the matrix fills when the entries were tagged with standards.</translation>
    </message>
    <message>
        <source>Passages shown: %1 of %2. Double-click one to show it in the Coding tab.</source>
        <translation>Passages shown: %1 of %2. Double-click one to show it in the Coding tab.</translation>
    </message>
    <message>
        <source>No passage matches these filters (coded passages: %1).</source>
        <translation>No passage matches these filters (coded passages: %1).</translation>
    </message>
    <message>
        <source>Coded passages: %1 · codes: %2 · students: %3.</source>
        <translation>Coded passages: %1 · codes: %2 · students: %3.</translation>
    </message>
    <message>
        <source>How many times passages of two codes overlap in the same section. Pairs of codes that overlap: %1.</source>
        <translation>How many times passages of two codes overlap in the same section. Pairs of codes that overlap: %1.</translation>
    </message>
    <message>
        <source>Coded passages of each code in entries tagged with each MBE standard. Standards named: %1.</source>
        <translation>Coded passages of each code in entries tagged with each MBE standard. Standards named: %1.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Student (pseudonym)</source>
        <translation>Student (pseudonym)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>passages-by-code</source>
        <translation>passages-by-code</translation>
    </message>
    <message>
        <source>code-frequencies</source>
        <translation>code-frequencies</translation>
    </message>
    <message>
        <source>code-cooccurrence</source>
        <translation>code-cooccurrence</translation>
    </message>
    <message>
        <source>codes-by-standard</source>
        <translation>codes-by-standard</translation>
    </message>
    <message>
        <source>Export the query</source>
        <translation>Export the query</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG images (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Frequencies</source>
        <translation>Frequencies</translation>
    </message>
    <message>
        <source>Code × MBE</source>
        <translation>Code × MBE</translation>
    </message>
    <message>
        <source>The coded passages of the codes checked, by student, section and date</source>
        <translation>The coded passages of the codes checked, by student, section and date</translation>
    </message>
    <message>
        <source>How often each code was applied, per student or per template section</source>
        <translation>How often each code was applied, per student or per template section</translation>
    </message>
    <message>
        <source>How many times passages of two codes overlap</source>
        <translation>How many times passages of two codes overlap</translation>
    </message>
    <message>
        <source>Coded passages of each code in entries tagged with each MBE standard</source>
        <translation>Coded passages of each code in entries tagged with each MBE standard</translation>
    </message>
    <message>
        <source>Image as &amp;PNG…</source>
        <translation>Image as &amp;PNG…</translation>
    </message>
    <message>
        <source>Image as S&amp;VG…</source>
        <translation>Image as S&amp;VG…</translation>
    </message>
    <message>
        <source>Passages by code</source>
        <translation>Passages by code</translation>
    </message>
    <message>
        <source>Code frequencies</source>
        <translation>Code frequencies</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>Co-occurrence</translation>
    </message>
    <message>
        <source>Codes (none checked: all)</source>
        <translation>Codes (none checked: all)</translation>
    </message>
    <message>
        <source>Check one or more codes; a code includes its sub-codes. None: all.</source>
        <translation>Check one or more codes; a code includes its sub-codes. None: all.</translation>
    </message>
    <message>
        <source>The whole passage in its context</source>
        <translation>The whole passage in its context</translation>
    </message>
    <message>
        <source>Template section</source>
        <translation>Template section</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Count &amp;per</source>
        <translation>Count &amp;per</translation>
    </message>
    <message>
        <source>Code frequencies chart</source>
        <translation>Code frequencies chart</translation>
    </message>
    <message>
        <source>Code co-occurrence</source>
        <translation>Code co-occurrence</translation>
    </message>
    <message>
        <source>Codes by MBE standard</source>
        <translation>Codes by MBE standard</translation>
    </message>
    <message>
        <source>Export the image</source>
        <translation>Export the image</translation>
    </message>
    <message>
        <source>Show in &amp;Coding</source>
        <translation>Show in &amp;Coding</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>Export C&amp;SV…</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Coding</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Queries</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Case studies</source>
        <translation>Case studies</translation>
    </message>
    <message>
        <source>No case studies yet. Create one, then record its ethics approval and add entries your students sent with consent for research.</source>
        <translation>No case studies yet. Create one, then record its ethics approval and add entries your students sent with consent for research.</translation>
    </message>
    <message>
        <source>Choose a case study, or create one.</source>
        <translation>Choose a case study, or create one.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>&amp;Import REFI-QDA project…</source>
        <translation>&amp;Import REFI-QDA project…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>A&amp;pproval…</source>
        <translation>A&amp;pproval…</translation>
    </message>
    <message>
        <source>Import a REFI-QDA project</source>
        <translation>Import a REFI-QDA project</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>REFI-QDA projects (*.qdpx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Save the signed audit log first, as the record of deletion</source>
        <translation>Save the signed audit log first, as the record of deletion</translation>
    </message>
    <message>
        <source>Delete case study</source>
        <translation>Delete case study</translation>
    </message>
    <message>
        <source>Delete “%1” and everything in it?</source>
        <translation>Delete “%1” and everything in it?</translation>
    </message>
    <message>
        <source>Its items, codes, passages, memos, the pseudonym map and the information sheet are deleted from your vault, with its audit log. Files you exported are not touched. This cannot be undone.</source>
        <translation>Its items, codes, passages, memos, the pseudonym map and the information sheet are deleted from your vault, with its audit log. Files you exported are not touched. This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Save the audit log</source>
        <translation>Save the audit log</translation>
    </message>
    <message>
        <source>Audit logs (*.audit.json)</source>
        <translation>Audit logs (*.audit.json)</translation>
    </message>
    <message>
        <source>No ethics approval: you can plan, not add or export.</source>
        <translation>No ethics approval: you can plan, not add or export.</translation>
    </message>
    <message>
        <source>Approval expired on %1: renew it to add entries or export.</source>
        <translation>Approval expired on %1: renew it to add entries or export.</translation>
    </message>
    <message>
        <source>Approved by %1, ref %2, until %3</source>
        <translation>Approved by %1, ref %2, until %3</translation>
    </message>
    <message>
        <source>Needs an ethics approval first (Approval…).</source>
        <translation>Needs an ethics approval first (Approval…).</translation>
    </message>
    <message>
        <source>The approval expired on %1.</source>
        <translation>The approval expired on %1.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Passphrase changed</source>
        <translation>Passphrase changed</translation>
    </message>
    <message>
        <source>Your new passphrase is set. Use it the next time you unlock.</source>
        <translation>Your new passphrase is set. Use it the next time you unlock.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>The vault is not re-encrypted: a copy of it made before now (a backup, a copied folder) still opens with the old passphrase. If someone may know your old passphrase and have such a copy, it stays readable to them.</source>
        <translation>The vault is not re-encrypted: a copy of it made before now (a backup, a copied folder) still opens with the old passphrase. If someone may know your old passphrase and have such a copy, it stays readable to them.</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>C&amp;urrent passphrase:</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation>C&amp;hange</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Change the passphrase</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Saved revision {seq}.</source>
        <translation>Saved revision {seq}.</translation>
    </message>
    <message>
        <source>Saved {name} to {path}. This copy is not encrypted.</source>
        <translation>Saved {name} to {path}. This copy is not encrypted.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>another computer</translation>
    </message>
    <message>
        <source>merged automatically</source>
        <translation>merged automatically</translation>
    </message>
    <message>
        <source>its author</source>
        <translation>its author</translation>
    </message>
    <message>
        <source>Resolve with: entry resolve {id} --keep FIELD=N or --text FIELD=TEXT</source>
        <translation>Resolve with: entry resolve {id} --keep FIELD=N or --text FIELD=TEXT</translation>
    </message>
    <message>
        <source>No journals yet. Create one with &apos;journal create&apos;.</source>
        <translation>No journals yet. Create one with &apos;journal create&apos;.</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>No entries match.</translation>
    </message>
    <message>
        <source>Suggested standards: {codes}</source>
        <translation>Suggested standards: {codes}</translation>
    </message>
    <message>
        <source>Valid: {id} version {version} (sections: {count}).</source>
        <translation>Valid: {id} version {version} (sections: {count}).</translation>
    </message>
    <message>
        <source>Imported {id} version {version}.</source>
        <translation>Imported {id} version {version}.</translation>
    </message>
    <message>
        <source>[?] not yet checked against the official text</source>
        <translation>[?] not yet checked against the official text</translation>
    </message>
    <message>
        <source>Loaded {id} version {version}.</source>
        <translation>Loaded {id} version {version}.</translation>
    </message>
    <message>
        <source>Vault created in {path}.</source>
        <translation>Vault created in {path}.</translation>
    </message>
    <message>
        <source>Your recovery key is shown only this once. Write it down or print it and keep it somewhere safe; it is the only way back in if you forget your passphrase:</source>
        <translation>Your recovery key is shown only this once. Write it down or print it and keep it somewhere safe; it is the only way back in if you forget your passphrase:</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Passphrase changed.</translation>
    </message>
    <message>
        <source>Vault recovered; the new passphrase is set.</source>
        <translation>Vault recovered; the new passphrase is set.</translation>
    </message>
    <message>
        <source>Your old recovery key no longer opens this vault. The new one is shown only this once. Write it down or print it and keep it somewhere safe:</source>
        <translation>Your old recovery key no longer opens this vault. The new one is shown only this once. Write it down or print it and keep it somewhere safe:</translation>
    </message>
    <message>
        <source>Copies of the vault made before now (backups) still open with the old recovery key.</source>
        <translation>Copies of the vault made before now (backups) still open with the old recovery key.</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>Passphrase: </translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>New passphrase: </translation>
    </message>
    <message>
        <source>Repeat the new passphrase: </source>
        <translation>Repeat the new passphrase: </translation>
    </message>
    <message>
        <source>Note: another vault is in {path}; open it with --vault {path}</source>
        <translation>Note: another vault is in {path}; open it with --vault {path}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Internal error ({kind}). Nothing was changed; please report it.</source>
        <translation>Internal error ({kind}). Nothing was changed; please report it.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>From: you ({key_id})</source>
        <translation>From: you ({key_id})</translation>
    </message>
    <message>
        <source>From: {name}, verified ({key_id})</source>
        <translation>From: {name}, verified ({key_id})</translation>
    </message>
    <message>
        <source>From: {name}, a contact NOT verified yet ({key_id})</source>
        <translation>From: {name}, a contact NOT verified yet ({key_id})</translation>
    </message>
    <message>
        <source>From: {name}, who is NOT one of your contacts ({key_id})</source>
        <translation>From: {name}, who is NOT one of your contacts ({key_id})</translation>
    </message>
    <message>
        <source>Wrote a bundle to {path} (entries: {entries}, attachments: {attachments}).</source>
        <translation>Wrote a bundle to {path} (entries: {entries}, attachments: {attachments}).</translation>
    </message>
    <message>
        <source>Wrote the withdrawal of research consent to {path} (entries: {entries}). Send it to the same people as before.</source>
        <translation>Wrote the withdrawal of research consent to {path} (entries: {entries}). Send it to the same people as before.</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} ({kind}). Entries: {new} new, {updated} updated, {unchanged} unchanged. Attachments: {attachments}. Consent: {consent}.</source>
        <translation>Bundle {bundle_id} ({kind}). Entries: {new} new, {updated} updated, {unchanged} unchanged. Attachments: {attachments}. Consent: {consent}.</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} ({kind}).</source>
        <translation>Bundle {bundle_id} ({kind}).</translation>
    </message>
    <message>
        <source>Research consent withdrawn (entries: {count}).</source>
        <translation>Research consent withdrawn (entries: {count}).</translation>
    </message>
    <message>
        <source>Feedback: {comments} comments, {sign_offs} sign-offs ({records} records).</source>
        <translation>Feedback: {comments} comments, {sign_offs} sign-offs ({records} records).</translation>
    </message>
    <message>
        <source>Imported. Entries: {new} new, {updated} updated. Attachments: {attachments}.</source>
        <translation>Imported. Entries: {new} new, {updated} updated. Attachments: {attachments}.</translation>
    </message>
    <message>
        <source>WARNING: the file changed on disk after the preview. What you saw was imported, not the file there now. If you did not change it, someone or something with access to that folder did.</source>
        <translation>WARNING: the file changed on disk after the preview. What you saw was imported, not the file there now. If you did not change it, someone or something with access to that folder did.</translation>
    </message>
    <message>
        <source>Entries that now hold concurrent versions (both kept): {count}.</source>
        <translation>Entries that now hold concurrent versions (both kept): {count}.</translation>
    </message>
    <message>
        <source>Compare this safety number with the sender (in person or by phone) before you import:</source>
        <translation>Compare this safety number with the sender (in person or by phone) before you import:</translation>
    </message>
    <message>
        <source>Wrote a feedback bundle for {names} to {path} (entries: {entries}).</source>
        <translation>Wrote a feedback bundle for {names} to {path} (entries: {entries}).</translation>
    </message>
    <message>
        <source>WARNING: you have a contact with this name but other keys ({ids}).</source>
        <translation>WARNING: you have a contact with this name but other keys ({ids}).</translation>
    </message>
    <message>
        <source>This bundle was already imported.</source>
        <translation>This bundle was already imported.</translation>
    </message>
    <message>
        <source>{size} bytes, encrypted to {x25519} keys ({stanzas} header stanzas).</source>
        <translation>{size} bytes, encrypted to {x25519} keys ({stanzas} header stanzas).</translation>
    </message>
    <message>
        <source>Import it?</source>
        <translation>Import it?</translation>
    </message>
    <message>
        <source>The sender was added as a contact ({id}), not verified yet.</source>
        <translation>The sender was added as a contact ({id}), not verified yet.</translation>
    </message>
    <message>
        <source>New contact (not verified yet).</source>
        <translation>New contact (not verified yet).</translation>
    </message>
    <message>
        <source>You already have this card.</source>
        <translation>You already have this card.</translation>
    </message>
    <message>
        <source>A newer card of a contact, signed by their key.</source>
        <translation>A newer card of a contact, signed by their key.</translation>
    </message>
    <message>
        <source>You already have a newer card for this contact; nothing changes.</source>
        <translation>You already have a newer card for this contact; nothing changes.</translation>
    </message>
    <message>
        <source>WARNING: other keys for this contact, not signed by the keys you have. Compare the safety number with the person before you accept them.</source>
        <translation>WARNING: other keys for this contact, not signed by the keys you have. Compare the safety number with the person before you accept them.</translation>
    </message>
    <message>
        <source>WARNING: you already have a contact with this name but other keys. It will be added as a separate contact; compare the safety number with the person first.</source>
        <translation>WARNING: you already have a contact with this name but other keys. It will be added as a separate contact; compare the safety number with the person first.</translation>
    </message>
    <message>
        <source>New key, vouched by the old one: the contact&apos;s previous key signed this card. Whoever holds the old key could have made it, so the contact is not verified until you compare the new safety number with the person.</source>
        <translation>New key, vouched by the old one: the contact&apos;s previous key signed this card. Whoever holds the old key could have made it, so the contact is not verified until you compare the new safety number with the person.</translation>
    </message>
    <message>
        <source>The key on this card, or the key that vouched for it, was revoked.</source>
        <translation>The key on this card, or the key that vouched for it, was revoked.</translation>
    </message>
    <message>
        <source>This card is for, or signed by, a key this contact has already replaced.</source>
        <translation>This card is for, or signed by, a key this contact has already replaced.</translation>
    </message>
    <message>
        <source>A revocation: this key, and every newer key it vouched for, will no longer be trusted; bundles they signed from the revocation&apos;s date on are refused.</source>
        <translation>A revocation: this key, and every newer key it vouched for, will no longer be trusted; bundles they signed from the revocation&apos;s date on are refused.</translation>
    </message>
    <message>
        <source>A revocation of a key none of your contacts has. It is kept: a card or bundle with that key, or vouched for by it, will be refused.</source>
        <translation>A revocation of a key none of your contacts has. It is kept: a card or bundle with that key, or vouched for by it, will be refused.</translation>
    </message>
    <message>
        <source>Key id: {key_id}</source>
        <translation>Key id: {key_id}</translation>
    </message>
    <message>
        <source>Safety number:</source>
        <translation>Safety number:</translation>
    </message>
    <message>
        <source>The contact was verified; it will be &apos;vouched&apos; (not verified) now.</source>
        <translation>The contact was verified; it will be &apos;vouched&apos; (not verified) now.</translation>
    </message>
    <message>
        <source>WARNING: this card changes what you confirmed about this contact:</source>
        <translation>WARNING: this card changes what you confirmed about this contact:</translation>
    </message>
    <message>
        <source>WARNING: this name looks like that of your contact {name}.</source>
        <translation>WARNING: this name looks like that of your contact {name}.</translation>
    </message>
    <message>
        <source>Accept this card?</source>
        <translation>Accept this card?</translation>
    </message>
    <message>
        <source>No contacts yet. Import a card with &apos;contact import&apos;.</source>
        <translation>No contacts yet. Import a card with &apos;contact import&apos;.</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>vouched by an old key</source>
        <translation>vouched by an old key</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>keys changed</source>
        <translation>keys changed</translation>
    </message>
    <message>
        <source>Compare this safety number with the one {name} sees (in person or by phone):</source>
        <translation>Compare this safety number with the one {name} sees (in person or by phone):</translation>
    </message>
    <message>
        <source>Do the numbers match exactly?</source>
        <translation>Do the numbers match exactly?</translation>
    </message>
    <message>
        <source>{name} is verified.</source>
        <translation>{name} is verified.</translation>
    </message>
    <message>
        <source>{name}&apos;s keys are revoked: their bundles are refused and nothing is sent to them.</source>
        <translation>{name}&apos;s keys are revoked: their bundles are refused and nothing is sent to them.</translation>
    </message>
    <message>
        <source>Wrote your secret age key to {path}. Anyone with this file can read the bundles sent to you: keep it private and delete it when you are done.</source>
        <translation>Wrote your secret age key to {path}. Anyone with this file can read the bundles sent to you: keep it private and delete it when you are done.</translation>
    </message>
    <message>
        <source>Wrote your minisign public key to {path}.</source>
        <translation>Wrote your minisign public key to {path}.</translation>
    </message>
    <message>
        <source>Wrote your contact card to {path}. Give it to your contacts, then compare safety numbers with them (&apos;contact safety-number&apos;).</source>
        <translation>Wrote your contact card to {path}. Give it to your contacts, then compare safety numbers with them (&apos;contact safety-number&apos;).</translation>
    </message>
    <message>
        <source>Make a new key pair? Contacts will need the new card to send you bundles.</source>
        <translation>Make a new key pair? Contacts will need the new card to send you bundles.</translation>
    </message>
    <message>
        <source>New key pair made; its card is in {path}. Your contacts must import it and compare safety numbers with you again. Bundles sent to your old key still open.</source>
        <translation>New key pair made; its card is in {path}. Your contacts must import it and compare safety numbers with you again. Bundles sent to your old key still open.</translation>
    </message>
    <message>
        <source>New key pair made; its card, signed by your old key too, is in {path}. Give it to your contacts: they take it without checking again. Bundles sent to your old key still open.</source>
        <translation>New key pair made; its card, signed by your old key too, is in {path}. Give it to your contacts: they take it without checking again. Bundles sent to your old key still open.</translation>
    </message>
    <message>
        <source>Wrote a revocation of your keys to {path}. Contacts who import it stop trusting these keys. Then make new ones with &apos;identity rotate --no-vouch&apos; and give your contacts the new card.</source>
        <translation>Wrote a revocation of your keys to {path}. Contacts who import it stop trusting these keys. Then make new ones with &apos;identity rotate --no-vouch&apos; and give your contacts the new card.</translation>
    </message>
    <message>
        <source>ReflectDesk is in the applications menu; .rdbundle and .rdcard files open with it ({count} files in {path}).</source>
        <translation>ReflectDesk is in the applications menu; .rdbundle and .rdcard files open with it ({count} files in {path}).</translation>
    </message>
    <message>
        <source>Desktop integration removed ({count} files).</source>
        <translation>Desktop integration removed ({count} files).</translation>
    </message>
    <message>
        <source>Nothing waits for your feedback.</source>
        <translation>Nothing waits for your feedback.</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>feedback</translation>
    </message>
    <message>
        <source>sign-off</source>
        <translation>sign-off</translation>
    </message>
    <message>
        <source>{student}: {entries} entries, {ready} ready, {feedback} comments and replies, standards met: {standards}</source>
        <translation>{student}: {entries} entries, {ready} ready, {feedback} comments and replies, standards met: {standards}</translation>
    </message>
    <message>
        <source>on an earlier version</source>
        <translation>on an earlier version</translation>
    </message>
    <message>
        <source>(resolved)</source>
        <translation>(resolved)</translation>
    </message>
    <message>
        <source>Signed off by {name} on version {version}: {overall}</source>
        <translation>Signed off by {name} on version {version}: {overall}</translation>
    </message>
    <message>
        <source>The entry changed since this sign-off.</source>
        <translation>The entry changed since this sign-off.</translation>
    </message>
    <message>
        <source>{count} records wait for a version not received yet.</source>
        <translation>{count} records wait for a version not received yet.</translation>
    </message>
    <message>
        <source>Marked as draft.</source>
        <translation>Marked as draft.</translation>
    </message>
    <message>
        <source>Marked ready for feedback.</source>
        <translation>Marked ready for feedback.</translation>
    </message>
    <message>
        <source>Wrote {count} entries with their feedback to {path}. This copy is not encrypted.</source>
        <translation>Wrote {count} entries with their feedback to {path}. This copy is not encrypted.</translation>
    </message>
    <message>
        <source>App password: </source>
        <translation>App password: </translation>
    </message>
    <message>
        <source>Exchange point added. Nothing is sent until you run &apos;sync now&apos; or the app does.</source>
        <translation>Exchange point added. Nothing is sent until you run &apos;sync now&apos; or the app does.</translation>
    </message>
    <message>
        <source>No exchange points: nothing is ever sent. Add one with &apos;exchange add&apos;.</source>
        <translation>No exchange points: nothing is ever sent. Add one with &apos;exchange add&apos;.</translation>
    </message>
    <message>
        <source>Exchange point removed. Files on it were left as they are.</source>
        <translation>Exchange point removed. Files on it were left as they are.</translation>
    </message>
    <message>
        <source>The new app password is stored (encrypted).</source>
        <translation>The new app password is stored (encrypted).</translation>
    </message>
    <message>
        <source>{label}: offline, {count} waiting</source>
        <translation>{label}: offline, {count} waiting</translation>
    </message>
    <message>
        <source>{label}: {count} waiting to be sent</source>
        <translation>{label}: {count} waiting to be sent</translation>
    </message>
    <message>
        <source>last sync: {when}</source>
        <translation>last sync: {when}</translation>
    </message>
    <message>
        <source>Received from people not verified, waiting for you: {count} (&apos;sync waiting&apos;).</source>
        <translation>Received from people not verified, waiting for you: {count} (&apos;sync waiting&apos;).</translation>
    </message>
    <message>
        <source>Sent: {sent}. Imported: {received}. Waiting for you: {waiting}.</source>
        <translation>Sent: {sent}. Imported: {received}. Waiting for you: {waiting}.</translation>
    </message>
    <message>
        <source>Nothing is waiting for you.</source>
        <translation>Nothing is waiting for you.</translation>
    </message>
    <message>
        <source>Import this bundle?</source>
        <translation>Import this bundle?</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <source>Queued a bundle for {points} exchange point(s) (entries: {entries}). It is sent by &apos;sync now&apos;, or by the app when it is open and online.</source>
        <translation>Queued a bundle for {points} exchange point(s) (entries: {entries}). It is sent by &apos;sync now&apos;, or by the app when it is open and online.</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Backup written: {path}</translation>
    </message>
    <message>
        <source>Backup of {date}: {entries} entries, {revisions} revisions, {attachments} attachments, {contacts} contacts, {bundles} bundle-log rows.</source>
        <translation>Backup of {date}: {entries} entries, {revisions} revisions, {attachments} attachments, {contacts} contacts, {bundles} bundle-log rows.</translation>
    </message>
    <message>
        <source>The backup is whole: every record opens and the vault checks pass.</source>
        <translation>The backup is whole: every record opens and the vault checks pass.</translation>
    </message>
    <message>
        <source>Restored into {path}. Open it with --vault {path}.</source>
        <translation>Restored into {path}. Open it with --vault {path}.</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>already had</source>
        <translation>already had</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>unknown sender</source>
        <translation>unknown sender</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>not done</translation>
    </message>
    <message>
        <source>Senders who are NOT your contacts ({count}). Compare each safety number with the sender (in person or by phone) before you import their bundles:</source>
        <translation>Senders who are NOT your contacts ({count}). Compare each safety number with the sender (in person or by phone) before you import their bundles:</translation>
    </message>
    <message>
        <source>    WARNING: you have a contact with this name but other keys ({ids}).</source>
        <translation>    WARNING: you have a contact with this name but other keys ({ids}).</translation>
    </message>
    <message>
        <source>Bundles: {imported} imported, {already} already had, {refused} refused, {unknown} from unknown senders, {not_done} not done.</source>
        <translation>Bundles: {imported} imported, {already} already had, {refused} refused, {unknown} from unknown senders, {not_done} not done.</translation>
    </message>
    <message>
        <source>The import stopped: {reason} The bundles imported before stay; run it again to import the rest.</source>
        <translation>The import stopped: {reason} The bundles imported before stay; run it again to import the rest.</translation>
    </message>
    <message>
        <source>Run the import again with --yes to import their bundles; they become contacts, not verified yet.</source>
        <translation>Run the import again with --yes to import their bundles; they become contacts, not verified yet.</translation>
    </message>
    <message>
        <source>Cohort {name}: {count} members.</source>
        <translation>Cohort {name}: {count} members.</translation>
    </message>
    <message>
        <source>No cohorts yet. Create one with &apos;cohort create&apos;.</source>
        <translation>No cohorts yet. Create one with &apos;cohort create&apos;.</translation>
    </message>
    <message>
        <source>planning</source>
        <translation>planning</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>approval expired</source>
        <translation>approval expired</translation>
    </message>
    <message>
        <source>Planning. Record its ethics approval with &apos;case approve&apos; before adding entries.</source>
        <translation>Planning. Record its ethics approval with &apos;case approve&apos; before adding entries.</translation>
    </message>
    <message>
        <source>Ethics approval recorded; it expires on {date}.</source>
        <translation>Ethics approval recorded; it expires on {date}.</translation>
    </message>
    <message>
        <source>No case studies yet. Create one with &apos;case create&apos;.</source>
        <translation>No case studies yet. Create one with &apos;case create&apos;.</translation>
    </message>
    <message>
        <source>Export {file} ({date}) is outdated: items were removed since.</source>
        <translation>Export {file} ({date}) is outdated: items were removed since.</translation>
    </message>
    <message>
        <source>Withdrawn on {date}, from bundle {bundle}.</source>
        <translation>Withdrawn on {date}, from bundle {bundle}.</translation>
    </message>
    <message>
        <source>can be added</source>
        <translation>can be added</translation>
    </message>
    <message>
        <source>consent to read only</source>
        <translation>consent to read only</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>consent withdrawn</translation>
    </message>
    <message>
        <source>no consent recorded</source>
        <translation>no consent recorded</translation>
    </message>
    <message>
        <source>already in this study</source>
        <translation>already in this study</translation>
    </message>
    <message>
        <source>Added as {pseudonym}, version {seq}.</source>
        <translation>Added as {pseudonym}, version {seq}.</translation>
    </message>
    <message>
        <source>Term added as {pseudonym}.</source>
        <translation>Term added as {pseudonym}.</translation>
    </message>
    <message>
        <source>Stopped: nothing was changed.</source>
        <translation>Stopped: nothing was changed.</translation>
    </message>
    <message>
        <source>{count} proposals; nothing changed. Review them on a terminal or use --accept-all.</source>
        <translation>{count} proposals; nothing changed. Review them on a terminal or use --accept-all.</translation>
    </message>
    <message>
        <source>{made} of {count} replacements made; the items are reviewed.</source>
        <translation>{made} of {count} replacements made; the items are reviewed.</translation>
    </message>
    <message>
        <source>{n} item(s) consented as research-pseudonymised still hold a name you skipped: they stay unreviewed and exports wait for them. Run &apos;case pseudonymise&apos; again.</source>
        <translation>{n} item(s) consented as research-pseudonymised still hold a name you skipped: they stay unreviewed and exports wait for them. Run &apos;case pseudonymise&apos; again.</translation>
    </message>
    <message>
        <source>Study: {study}.</source>
        <translation>Study: {study}.</translation>
    </message>
    <message>
        <source>It ends on record {seq}, the signed record of the {format} export of {date} (SHA-256 {sha256}).</source>
        <translation>It ends on record {seq}, the signed record of the {format} export of {date} (SHA-256 {sha256}).</translation>
    </message>
    <message>
        <source>{file} is that export: its SHA-256 matches.</source>
        <translation>{file} is that export: its SHA-256 matches.</translation>
    </message>
    <message>
        <source>Add --project FILE to check that FILE is the export it ends on.</source>
        <translation>Add --project FILE to check that FILE is the export it ends on.</translation>
    </message>
    <message>
        <source>It is this study&apos;s log in the vault, up to that record.</source>
        <translation>It is this study&apos;s log in the vault, up to that record.</translation>
    </message>
    <message>
        <source>{count} codes imported.</source>
        <translation>{count} codes imported.</translation>
    </message>
    <message>
        <source>Exported to {file}; its signed audit log is {audit}.</source>
        <translation>Exported to {file}; its signed audit log is {audit}.</translation>
    </message>
    <message>
        <source>Delete &apos;{title}&apos; with its items, codes, memos, pseudonym map and audit log from the vault? This cannot be undone.</source>
        <translation>Delete &apos;{title}&apos; with its items, codes, memos, pseudonym map and audit log from the vault? This cannot be undone.</translation>
    </message>
    <message>
        <source>Case study deleted.</source>
        <translation>Case study deleted.</translation>
    </message>
    <message>
        <source>Case study deleted; its signed log, closed by the deletion, is {file}.</source>
        <translation>Case study deleted; its signed log, closed by the deletion, is {file}.</translation>
    </message>
    <message>
        <source>The audit log verifies: {count} records, signed by {keys}.</source>
        <translation>The audit log verifies: {count} records, signed by {keys}.</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>New code</source>
        <extracomment>Colours a new code gets in turn (readable under text, light and dark).</extracomment>
        <translation>New code</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Edit code</translation>
    </message>
    <message>
        <source>Under:</source>
        <translation>Under:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Colour:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Choose the code&apos;s colour</source>
        <translation>Choose the code&apos;s colour</translation>
    </message>
</context>
<context>
    <name>CohortDashboard</name>
    <message>
        <source>Reading the cohort…</source>
        <translation>Reading the cohort…</translation>
    </message>
    <message>
        <source>The cohort could not be read.</source>
        <translation>The cohort could not be read.</translation>
    </message>
    <message>
        <source>Nobody here has sent you entries yet. Import their bundles first.</source>
        <translation>Nobody here has sent you entries yet. Import their bundles first.</translation>
    </message>
    <message>
        <source>%1 students, %2 entries shown. Double-click a student, a cell or a bar to open the entries.</source>
        <translation>%1 students, %2 entries shown. Double-click a student, a cell or a bar to open the entries.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG images (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>Export the chart</translation>
    </message>
    <message>
        <source>entries-per-week</source>
        <translation>entries-per-week</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Export the table</translation>
    </message>
    <message>
        <source>cohort</source>
        <translation>cohort</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Cohort dashboard</source>
        <translation>Cohort dashboard</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Sign-offs</source>
        <translation>Sign-offs</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Standards covered per student</source>
        <translation>Standards covered per student</translation>
    </message>
    <message>
        <source>Entries per week</source>
        <translation>Entries per week</translation>
    </message>
    <message>
        <source>Standards (MBE)</source>
        <translation>Standards (MBE)</translation>
    </message>
    <message>
        <source>ISO week</source>
        <translation>ISO week</translation>
    </message>
    <message>
        <source>&amp;Show her entries</source>
        <translation>&amp;Show her entries</translation>
    </message>
    <message>
        <source>Ta&amp;ble as CSV…</source>
        <translation>Ta&amp;ble as CSV…</translation>
    </message>
    <message>
        <source>Chart as &amp;PNG…</source>
        <translation>Chart as &amp;PNG…</translation>
    </message>
    <message>
        <source>Chart as S&amp;VG…</source>
        <translation>Chart as S&amp;VG…</translation>
    </message>
    <message>
        <source>Chart and standards</source>
        <translation>Chart and standards</translation>
    </message>
</context>
<context>
    <name>CohortsPanel</name>
    <message>
        <source>No cohorts yet. A cohort groups contacts, for example a course section.</source>
        <translation>No cohorts yet. A cohort groups contacts, for example a course section.</translation>
    </message>
    <message>
        <source>Nobody in this cohort yet.</source>
        <translation>Nobody in this cohort yet.</translation>
    </message>
    <message>
        <source>Name (for example: Práctica II — 2026 — Sección 2):</source>
        <translation>Name (for example: Práctica II — 2026 — Sección 2):</translation>
    </message>
    <message>
        <source>New cohort</source>
        <translation>New cohort</translation>
    </message>
    <message>
        <source>Rename the cohort</source>
        <translation>Rename the cohort</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>Cohorts</translation>
    </message>
    <message>
        <source>Members of the cohort</source>
        <translation>Members of the cohort</translation>
    </message>
    <message>
        <source>New cohort…</source>
        <translation>New cohort…</translation>
    </message>
    <message>
        <source>Rename the cohort…</source>
        <translation>Rename the cohort…</translation>
    </message>
    <message>
        <source>Delete the cohort</source>
        <translation>Delete the cohort</translation>
    </message>
    <message>
        <source>Add this contact</source>
        <translation>Add this contact</translation>
    </message>
    <message>
        <source>Remove this contact</source>
        <translation>Remove this contact</translation>
    </message>
    <message>
        <source>Show the cohort&apos;s dashboard</source>
        <translation>Show the cohort&apos;s dashboard</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Your &amp;reply:</source>
        <translation>Your &amp;reply:</translation>
    </message>
    <message>
        <source>Your &amp;comment:</source>
        <translation>Your &amp;comment:</translation>
    </message>
    <message>
        <source>Quoted passage</source>
        <translation>Quoted passage</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>That matches. Your vault is ready.</source>
        <translation>That matches. Your vault is ready.</translation>
    </message>
    <message>
        <source>Groups %1 and %2 do not match your key. Look at them again.</source>
        <translation>Groups %1 and %2 do not match your key. Look at them again.</translation>
    </message>
    <message>
        <source>Group %1 does not match your key. Look at it again.</source>
        <translation>Group %1 does not match your key. Look at it again.</translation>
    </message>
    <message>
        <source>Check your copy</source>
        <translation>Check your copy</translation>
    </message>
    <message>
        <source>So that you know the copy you kept is right.</source>
        <translation>So that you know the copy you kept is right.</translation>
    </message>
    <message>
        <source>From the copy you saved or printed, type group %1 and group %2.</source>
        <translation>From the copy you saved or printed, type group %1 and group %2.</translation>
    </message>
    <message>
        <source>Group %1:</source>
        <translation>Group %1:</translation>
    </message>
    <message>
        <source>Group %1 of the recovery key</source>
        <translation>Group %1 of the recovery key</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Two versions of this entry, written on different computers: resolve.</source>
        <translation>Two versions of this entry, written on different computers: resolve.</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Resolve…</translation>
    </message>
    <message>
        <source>Two versions of this entry: its author has not merged them yet.</source>
        <translation>Two versions of this entry: its author has not merged them yet.</translation>
    </message>
    <message>
        <source>&amp;Compare versions…</source>
        <translation>&amp;Compare versions…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Another computer</source>
        <translation>Another computer</translation>
    </message>
    <message>
        <source>Merged automatically</source>
        <translation>Merged automatically</translation>
    </message>
    <message>
        <source>Version %1 by %2</source>
        <translation>Version %1 by %2</translation>
    </message>
    <message>
        <source>Version %1 by its author</source>
        <translation>Version %1 by its author</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>Versions of this entry</source>
        <translation>Versions of this entry</translation>
    </message>
    <message>
        <source>This entry was changed on two computers before they met. Where both changed the same part, choose the version to keep or write your own. Nothing is lost: both versions stay in the history.</source>
        <translation>This entry was changed on two computers before they met. Where both changed the same part, choose the version to keep or write your own. Nothing is lost: both versions stay in the history.</translation>
    </message>
    <message>
        <source>Its author changed this entry on two computers and has not merged the versions yet. Each is shown as it was written; only the author can merge them.</source>
        <translation>Its author changed this entry on two computers and has not merged the versions yet. Each is shown as it was written; only the author can merge them.</translation>
    </message>
    <message>
        <source>Merged by itself (changed on one side only): %1</source>
        <translation>Merged by itself (changed on one side only): %1</translation>
    </message>
    <message>
        <source>&amp;Save the merged entry</source>
        <translation>&amp;Save the merged entry</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>As for the bundle</source>
        <translation>As for the bundle</translation>
    </message>
    <message>
        <source>Consent for %1</source>
        <translation>Consent for %1</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>What may they do with it?</source>
        <translation>What may they do with it?</translation>
    </message>
    <message>
        <source>Your choice travels signed with the bundle. You can withdraw it later.</source>
        <translation>Your choice travels signed with the bundle. You can withdraw it later.</translation>
    </message>
    <message>
        <source>For the whole bundle:</source>
        <translation>For the whole bundle:</translation>
    </message>
    <message>
        <source>Different for some entries? Choose it here (optional):</source>
        <translation>Different for some entries? Choose it here (optional):</translation>
    </message>
    <message>
        <source>Consent per entry</source>
        <translation>Consent per entry</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Key: %1</source>
        <translation>Key: %1</translation>
    </message>
    <message>
        <source>Safety number with %1</source>
        <translation>Safety number with %1</translation>
    </message>
    <message>
        <source>This contact&apos;s keys were revoked: bundles signed with them are refused and nothing can be sent to them.</source>
        <translation>This contact&apos;s keys were revoked: bundles signed with them are refused and nothing can be sent to them.</translation>
    </message>
    <message>
        <source>You compared this safety number with %1. It is verified.</source>
        <translation>You compared this safety number with %1. It is verified.</translation>
    </message>
    <message>
        <source>%1 sees the same 60 digits on their screen. Compare them in person or by phone, then mark the contact as verified.</source>
        <translation>%1 sees the same 60 digits on their screen. Compare them in person or by phone, then mark the contact as verified.</translation>
    </message>
    <message>
        <source>Import a contact card</source>
        <translation>Import a contact card</translation>
    </message>
    <message>
        <source>Contact cards (*.rdcard)</source>
        <translation>Contact cards (*.rdcard)</translation>
    </message>
    <message>
        <source>The keys of %1 have changed</source>
        <translation>The keys of %1 have changed</translation>
    </message>
    <message>
        <source>This card has other keys than the ones you have for %1, and it is not signed by them. Someone may be pretending to be them. If you accept it, the contact stays not verified until you compare the new safety number in person or by phone.</source>
        <translation>This card has other keys than the ones you have for %1, and it is not signed by them. Someone may be pretending to be them. If you accept it, the contact stays not verified until you compare the new safety number in person or by phone.</translation>
    </message>
    <message>
        <source>You already have a contact called %1</source>
        <translation>You already have a contact called %1</translation>
    </message>
    <message>
        <source>This card has other keys. A name proves nothing: it will be added as a separate, not verified contact. Compare the safety number with the person before you trust it.</source>
        <translation>This card has other keys. A name proves nothing: it will be added as a separate, not verified contact. Compare the safety number with the person before you trust it.</translation>
    </message>
    <message>
        <source>Check this card</source>
        <translation>Check this card</translation>
    </message>
    <message>
        <source>Accept, not verified</source>
        <translation>Accept, not verified</translation>
    </message>
    <message>
        <source>%1 was added. Compare the safety number with them before you trust it.</source>
        <translation>%1 was added. Compare the safety number with them before you trust it.</translation>
    </message>
    <message>
        <source>%1 was added as a separate contact, not verified. Compare the safety number.</source>
        <translation>%1 was added as a separate contact, not verified. Compare the safety number.</translation>
    </message>
    <message>
        <source>You already have this card of %1.</source>
        <translation>You already have this card of %1.</translation>
    </message>
    <message>
        <source>%1&apos;s card was renewed (signed by their key).</source>
        <translation>%1&apos;s card was renewed (signed by their key).</translation>
    </message>
    <message>
        <source>You already have a newer card of %1; nothing changed.</source>
        <translation>You already have a newer card of %1; nothing changed.</translation>
    </message>
    <message>
        <source>%1&apos;s new keys were saved, not verified: compare the safety number again.</source>
        <translation>%1&apos;s new keys were saved, not verified: compare the safety number again.</translation>
    </message>
    <message>
        <source>%1&apos;s keys are revoked: their bundles are refused and nothing is sent to them.</source>
        <translation>%1&apos;s keys are revoked: their bundles are refused and nothing is sent to them.</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Contact card</translation>
    </message>
    <message>
        <source>Mark as verified</source>
        <translation>Mark as verified</translation>
    </message>
    <message>
        <source>Do you see exactly the same digits as %1?</source>
        <translation>Do you see exactly the same digits as %1?</translation>
    </message>
    <message>
        <source>Compare the safety number with %1 in person or by phone (not by e-mail or chat: someone could change both). Mark as verified only if every digit matches.

%2</source>
        <translation>Compare the safety number with %1 in person or by phone (not by e-mail or chat: someone could change both). Mark as verified only if every digit matches.

%2</translation>
    </message>
    <message>
        <source>%1&apos;s new key was vouched for by their old, verified key. Whoever holds the old key could have done that: compare this new safety number with %1 in person or by phone to mark them verified again.</source>
        <translation>%1&apos;s new key was vouched for by their old, verified key. Whoever holds the old key could have done that: compare this new safety number with %1 in person or by phone to mark them verified again.</translation>
    </message>
    <message>
        <source>This card is signed by the contact&apos;s key, but it changes what you confirmed:
%1
Accept it only if the person told you about the change. Otherwise keep the name you have: nothing is changed.</source>
        <translation>This card is signed by the contact&apos;s key, but it changes what you confirmed:
%1
Accept it only if the person told you about the change. Otherwise keep the name you have: nothing is changed.</translation>
    </message>
    <message>
        <source>The new name looks like that of your contact %1.</source>
        <translation>The new name looks like that of your contact %1.</translation>
    </message>
    <message>
        <source>%1 has a new name</source>
        <translation>%1 has a new name</translation>
    </message>
    <message>
        <source>Accept the new name</source>
        <translation>Accept the new name</translation>
    </message>
    <message>
        <source>Keep the name I have</source>
        <translation>Keep the name I have</translation>
    </message>
    <message>
        <source>%1 has a new key, vouched by the old one (their previous key signed it). Whoever holds the old key could have made it: compare the new safety number with %1 to mark them verified.</source>
        <translation>%1 has a new key, vouched by the old one (their previous key signed it). Whoever holds the old key could have made it: compare the new safety number with %1 to mark them verified.</translation>
    </message>
    <message>
        <source>This revocation is for a key none of your contacts has. It is kept: a card or bundle with that key, or vouched for by it, will be refused.</source>
        <translation>This revocation is for a key none of your contacts has. It is kept: a card or bundle with that key, or vouched for by it, will be refused.</translation>
    </message>
    <message>
        <source>They match: mark as verified</source>
        <translation>They match: mark as verified</translation>
    </message>
    <message>
        <source>Revoke contact</source>
        <translation>Revoke contact</translation>
    </message>
    <message>
        <source>Stop trusting the keys of %1?</source>
        <translation>Stop trusting the keys of %1?</translation>
    </message>
    <message>
        <source>Bundles signed with these keys will be refused and you cannot send %1 anything more. Do this if %1 tells you their keys were lost or stolen, or if you no longer share with them.

This cannot be undone: to share again, %1 makes new keys and gives you the new card.</source>
        <translation>Bundles signed with these keys will be refused and you cannot send %1 anything more. Do this if %1 tells you their keys were lost or stolen, or if you no longer share with them.

This cannot be undone: to share again, %1 makes new keys and gives you the new card.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>The people you share entries with. Import their card (a .rdcard file: drop it here), then compare the safety number with them once.</source>
        <translation>The people you share entries with. Import their card (a .rdcard file: drop it here), then compare the safety number with them once.</translation>
    </message>
    <message>
        <source>No contacts yet. Import the card of your mentor or your student.</source>
        <translation>No contacts yet. Import the card of your mentor or your student.</translation>
    </message>
    <message>
        <source>&amp;Import a card…</source>
        <translation>&amp;Import a card…</translation>
    </message>
    <message>
        <source>Selected contact</source>
        <translation>Selected contact</translation>
    </message>
    <message>
        <source>Choose a contact to see their safety number.</source>
        <translation>Choose a contact to see their safety number.</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Safety number</translation>
    </message>
    <message>
        <source>&amp;Mark as verified…</source>
        <translation>&amp;Mark as verified…</translation>
    </message>
    <message>
        <source>&amp;New card for this contact…</source>
        <translation>&amp;New card for this contact…</translation>
    </message>
    <message>
        <source>Import a new card for this contact</source>
        <translation>Import a new card for this contact</translation>
    </message>
    <message>
        <source>Revoke &amp;contact…</source>
        <translation>Revoke &amp;contact…</translation>
    </message>
    <message>
        <source>Revoke this contact</source>
        <translation>Revoke this contact</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>ReflectDesk: unexpected error</source>
        <translation>ReflectDesk: unexpected error</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your entries are saved and encrypted. You can keep working, or restart ReflectDesk if things look wrong.</source>
        <translation>Something unexpected went wrong. Your entries are saved and encrypted. You can keep working, or restart ReflectDesk if things look wrong.</translation>
    </message>
    <message>
        <source>The report below holds no journal text: only the error type, where it happened in the program, and the versions. Copy it to send it to support.</source>
        <translation>The report below holds no journal text: only the error type, where it happened in the program, and the versions. Copy it to send it to support.</translation>
    </message>
    <message>
        <source>Co&amp;py report</source>
        <translation>Co&amp;py report</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Error report</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>My practicum journal</source>
        <translation>My practicum journal</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was created.</source>
        <translation>Cancelled. Nothing was created.</translation>
    </message>
    <message>
        <source>The vault could not be created.</source>
        <translation>The vault could not be created.</translation>
    </message>
    <message>
        <source>Creating your vault</source>
        <translation>Creating your vault</translation>
    </message>
    <message>
        <source>This takes a few seconds on purpose: it makes guessing slow.</source>
        <translation>This takes a few seconds on purpose: it makes guessing slow.</translation>
    </message>
    <message>
        <source>ReflectDesk turns your passphrase into a key with Argon2id, tuned to this computer, and creates your encrypted vault and your recovery key.</source>
        <translation>ReflectDesk turns your passphrase into a key with Argon2id, tuned to this computer, and creates your encrypted vault and your recovery key.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
</context>
<context>
    <name>DashboardFilterBar</name>
    <message>
        <source>Everyone who sent you entries</source>
        <translation>Everyone who sent you entries</translation>
    </message>
    <message>
        <source>All courses and journals</source>
        <translation>All courses and journals</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>All templates</translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation>&amp;Cohort:</translation>
    </message>
    <message>
        <source>C&amp;ourse or journal:</source>
        <translation>C&amp;ourse or journal:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>T&amp;o</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>&amp;Reset filters</source>
        <translation>&amp;Reset filters</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>ReflectDesk</source>
        <translation>ReflectDesk</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Bundle queued</source>
        <translation>Bundle queued</translation>
    </message>
    <message>
        <source>It waits in the outbox until it is sent: only the recipients can open it.</source>
        <translation>It waits in the outbox until it is sent: only the recipients can open it.</translation>
    </message>
    <message>
        <source>Bundle saved</source>
        <translation>Bundle saved</translation>
    </message>
    <message>
        <source>Nothing has been sent yet: give them the file any way you like (a USB stick, e-mail, a shared folder). Only they can open it.</source>
        <translation>Nothing has been sent yet: give them the file any way you like (a USB stick, e-mail, a shared folder). Only they can open it.</translation>
    </message>
</context>
<context>
    <name>EntriesPage</name>
    <message>
        <source>You have no journal of your own to share yet.</source>
        <translation>You have no journal of your own to share yet.</translation>
    </message>
    <message>
        <source>This journal has no entries yet: choose another one.</source>
        <translation>This journal has no entries yet: choose another one.</translation>
    </message>
    <message>
        <source>You have no entries of your own to share yet.</source>
        <translation>You have no entries of your own to share yet.</translation>
    </message>
    <message>
        <source>Tick at least one entry to go on.</source>
        <translation>Tick at least one entry to go on.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries chosen</source>
        <translation>
            <numerusform>%n entry chosen</numerusform>
            <numerusform>%n entries chosen</numerusform>
        </translation>
    </message>
    <message>
        <source>Which entries?</source>
        <translation>Which entries?</translation>
    </message>
    <message>
        <source>Only your own entries can be shared. Received entries stay with you.</source>
        <translation>Only your own entries can be shared. Received entries stay with you.</translation>
    </message>
    <message>
        <source>&amp;Chosen entries:</source>
        <translation>&amp;Chosen entries:</translation>
    </message>
    <message>
        <source>Chosen entries</source>
        <translation>Chosen entries</translation>
    </message>
    <message>
        <source>A &amp;whole journal:</source>
        <translation>A &amp;whole journal:</translation>
    </message>
    <message>
        <source>A whole journal</source>
        <translation>A whole journal</translation>
    </message>
    <message>
        <source>Journal to share</source>
        <translation>Journal to share</translation>
    </message>
    <message>
        <source>Filter by title or tag</source>
        <translation>Filter by title or tag</translation>
    </message>
    <message>
        <source>Filter entries</source>
        <translation>Filter entries</translation>
    </message>
    <message>
        <source>Entries to share</source>
        <translation>Entries to share</translation>
    </message>
    <message>
        <source>Select &amp;all shown</source>
        <translation>Select &amp;all shown</translation>
    </message>
    <message>
        <source>Select all entries shown</source>
        <translation>Select all entries shown</translation>
    </message>
    <message>
        <source>Select n&amp;one</source>
        <translation>Select n&amp;one</translation>
    </message>
    <message>
        <source>Select no entries</source>
        <translation>Select no entries</translation>
    </message>
    <message>
        <source>Include a&amp;ttachments (photos, files)</source>
        <translation>Include a&amp;ttachments (photos, files)</translation>
    </message>
    <message>
        <source>Include attachments</source>
        <translation>Include attachments</translation>
    </message>
    <message>
        <source>Include the revision &amp;history (not only the last version)</source>
        <translation>Include the revision &amp;history (not only the last version)</translation>
    </message>
    <message>
        <source>Include the revision history</source>
        <translation>Include the revision history</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Received from %1 — read only</source>
        <translation>Received from %1 — read only</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>None chosen</translation>
    </message>
    <message>
        <source>+ %1 more</source>
        <translation>+ %1 more</translation>
    </message>
    <message>
        <source>%1 · * still to answer: %2</source>
        <translation>%1 · * still to answer: %2</translation>
    </message>
    <message>
        <source>New entry: it is saved as soon as you write.</source>
        <translation>New entry: it is saved as soon as you write.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editing…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved and encrypted</source>
        <translation>Saved and encrypted</translation>
    </message>
    <message>
        <source>Not saved: see the message</source>
        <translation>Not saved: see the message</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <source>Standards:</source>
        <translation>Standards:</translation>
    </message>
    <message>
        <source>A short title for this entry</source>
        <translation>A short title for this entry</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. evaluation, 3rd grade</source>
        <translation>Separated by commas, e.g. evaluation, 3rd grade</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>H&amp;istory…</source>
        <translation>H&amp;istory…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Date of the experience</source>
        <translation>Date of the experience</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Choose standards</source>
        <translation>Choose standards</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation>Revision history</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <extracomment>``loader(fetch, deliver)`` runs ``fetch`` somewhere and calls ``deliver`` with the rows on the GUI thread; ``None`` means: right here. Emitted on the GUI thread each time a (re)load has been applied.</extracomment>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation>Something went wrong.</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, report it with the crash report.</source>
        <translation>Try again. If it keeps happening, report it with the crash report.</translation>
    </message>
    <message>
        <source>A file of the ReflectDesk installation is missing or damaged: {file}</source>
        <translation>A file of the ReflectDesk installation is missing or damaged: {file}</translation>
    </message>
    <message>
        <source>Reinstall ReflectDesk. Your journal is not affected: it is kept apart.</source>
        <translation>Reinstall ReflectDesk. Your journal is not affected: it is kept apart.</translation>
    </message>
    <message>
        <source>The vault could not be used.</source>
        <translation>The vault could not be used.</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>The passphrase is not correct.</translation>
    </message>
    <message>
        <source>Check Caps Lock and the keyboard layout and try again, or use your recovery key.</source>
        <translation>Check Caps Lock and the keyboard layout and try again, or use your recovery key.</translation>
    </message>
    <message>
        <source>The recovery key is not correct.</source>
        <translation>The recovery key is not correct.</translation>
    </message>
    <message>
        <source>Type the key exactly as it was printed; spaces and dashes do not matter.</source>
        <translation>Type the key exactly as it was printed; spaces and dashes do not matter.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>The vault is locked.</translation>
    </message>
    <message>
        <source>Unlock it with your passphrase first.</source>
        <translation>Unlock it with your passphrase first.</translation>
    </message>
    <message>
        <source>There is no vault in this folder.</source>
        <translation>There is no vault in this folder.</translation>
    </message>
    <message>
        <source>Create one with &apos;init&apos;, or choose the folder that holds your vault.</source>
        <translation>Create one with &apos;init&apos;, or choose the folder that holds your vault.</translation>
    </message>
    <message>
        <source>A vault already exists in this folder.</source>
        <translation>A vault already exists in this folder.</translation>
    </message>
    <message>
        <source>Open it, or choose another folder for a new vault.</source>
        <translation>Open it, or choose another folder for a new vault.</translation>
    </message>
    <message>
        <source>The vault header is damaged or incomplete.</source>
        <translation>The vault header is damaged or incomplete.</translation>
    </message>
    <message>
        <source>Restore the vault folder from a backup. Nothing was changed.</source>
        <translation>Restore the vault folder from a backup. Nothing was changed.</translation>
    </message>
    <message>
        <source>This file is not a ReflectDesk vault.</source>
        <translation>This file is not a ReflectDesk vault.</translation>
    </message>
    <message>
        <source>Choose the folder that holds your ReflectDesk vault.</source>
        <translation>Choose the folder that holds your ReflectDesk vault.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of ReflectDesk.</source>
        <translation>This vault was written by a newer version of ReflectDesk.</translation>
    </message>
    <message>
        <source>Update ReflectDesk to open it. Nothing was changed.</source>
        <translation>Update ReflectDesk to open it. Nothing was changed.</translation>
    </message>
    <message>
        <source>This vault is already open in another window.</source>
        <translation>This vault is already open in another window.</translation>
    </message>
    <message>
        <source>Switch to the window that has it open, or close it and try again.</source>
        <translation>Switch to the window that has it open, or close it and try again.</translation>
    </message>
    <message>
        <source>A record in the vault failed its integrity check.</source>
        <translation>A record in the vault failed its integrity check.</translation>
    </message>
    <message>
        <source>The vault file was altered or damaged. Restore it from a backup.</source>
        <translation>The vault file was altered or damaged. Restore it from a backup.</translation>
    </message>
    <message>
        <source>The vault file is damaged: part of it fails its integrity check.</source>
        <translation>The vault file is damaged: part of it fails its integrity check.</translation>
    </message>
    <message>
        <source>The file was changed outside ReflectDesk or the disk failed. Do not use this copy: restore the whole vault folder from a backup.</source>
        <translation>The file was changed outside ReflectDesk or the disk failed. Do not use this copy: restore the whole vault folder from a backup.</translation>
    </message>
    <message>
        <source>The vault could not be converted to the new format: the copy did not check.</source>
        <translation>The vault could not be converted to the new format: the copy did not check.</translation>
    </message>
    <message>
        <source>Nothing was changed: the vault still opens as before. Free some disk space and try again; if it keeps happening, report it.</source>
        <translation>Nothing was changed: the vault still opens as before. Free some disk space and try again; if it keeps happening, report it.</translation>
    </message>
    <message>
        <source>Part of the vault was changed, deleted or replaced by an older copy outside ReflectDesk.</source>
        <translation>Part of the vault was changed, deleted or replaced by an older copy outside ReflectDesk.</translation>
    </message>
    <message>
        <source>Keys, contacts, consents or entry versions may have been altered. Do not use this copy: restore the whole vault folder from a backup.</source>
        <translation>Keys, contacts, consents or entry versions may have been altered. Do not use this copy: restore the whole vault folder from a backup.</translation>
    </message>
    <message>
        <source>ReflectDesk cannot write to the data folder.</source>
        <translation>ReflectDesk cannot write to the data folder.</translation>
    </message>
    <message>
        <source>Check that the folder exists, is not read-only and the disk is not full.</source>
        <translation>Check that the folder exists, is not read-only and the disk is not full.</translation>
    </message>
    <message>
        <source>The versions of an entry do not form a valid history.</source>
        <translation>The versions of an entry do not form a valid history.</translation>
    </message>
    <message>
        <source>Nothing was saved. If they came in a bundle, ask the sender to export it again.</source>
        <translation>Nothing was saved. If they came in a bundle, ask the sender to export it again.</translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation>The input is not valid.</translation>
    </message>
    <message>
        <source>Correct it and try again.</source>
        <translation>Correct it and try again.</translation>
    </message>
    <message>
        <source>Nothing with this id was found.</source>
        <translation>Nothing with this id was found.</translation>
    </message>
    <message>
        <source>Check the id; listings show the ids that exist.</source>
        <translation>Check the id; listings show the ids that exist.</translation>
    </message>
    <message>
        <source>There is no journal with this id.</source>
        <translation>There is no journal with this id.</translation>
    </message>
    <message>
        <source>See the ids with &apos;journal list&apos;.</source>
        <translation>See the ids with &apos;journal list&apos;.</translation>
    </message>
    <message>
        <source>There is no entry with this id.</source>
        <translation>There is no entry with this id.</translation>
    </message>
    <message>
        <source>See the ids with &apos;entry list&apos;.</source>
        <translation>See the ids with &apos;entry list&apos;.</translation>
    </message>
    <message>
        <source>There is no attachment with this id.</source>
        <translation>There is no attachment with this id.</translation>
    </message>
    <message>
        <source>See an entry&apos;s attachments with &apos;entry show&apos;.</source>
        <translation>See an entry&apos;s attachments with &apos;entry show&apos;.</translation>
    </message>
    <message>
        <source>The attachment is larger than the limit of {limit_mb} MB.</source>
        <translation>The attachment is larger than the limit of {limit_mb} MB.</translation>
    </message>
    <message>
        <source>Reduce the file (for example, export the photo smaller) and attach it again.</source>
        <translation>Reduce the file (for example, export the photo smaller) and attach it again.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>The file could not be read.</translation>
    </message>
    <message>
        <source>Check that the file exists and that you may read it.</source>
        <translation>Check that the file exists and that you may read it.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>The file could not be written.</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk is not full.</source>
        <translation>Check that the folder exists, that you may write there and that the disk is not full.</translation>
    </message>
    <message>
        <source>The search could not be understood.</source>
        <translation>The search could not be understood.</translation>
    </message>
    <message>
        <source>Check quotes and parentheses. Use &quot;two words&quot; for a phrase, word* for a prefix, and AND, OR, NOT between words.</source>
        <translation>Check quotes and parentheses. Use &quot;two words&quot; for a phrase, word* for a prefix, and AND, OR, NOT between words.</translation>
    </message>
    <message>
        <source>The passphrase is too short.</source>
        <translation>The passphrase is too short.</translation>
    </message>
    <message>
        <source>Use at least {min_length} characters; several unrelated words work well.</source>
        <translation>Use at least {min_length} characters; several unrelated words work well.</translation>
    </message>
    <message>
        <source>A value is not valid.</source>
        <translation>A value is not valid.</translation>
    </message>
    <message>
        <source>Check the value named in the message and try again.</source>
        <translation>Check the value named in the message and try again.</translation>
    </message>
    <message>
        <source>{name} could not accept any of this feedback: its entries were not shared with {name}, or not in a bundle that also named you.</source>
        <translation>{name} could not accept any of this feedback: its entries were not shared with {name}, or not in a bundle that also named you.</translation>
    </message>
    <message>
        <source>Leave {name} out. Feedback on your entries goes to those you sent them to; on someone else&apos;s entry, to its author, who forwards it.</source>
        <translation>Leave {name} out. Feedback on your entries goes to those you sent them to; on someone else&apos;s entry, to its author, who forwards it.</translation>
    </message>
    <message>
        <source>This template has no section with that key.</source>
        <translation>This template has no section with that key.</translation>
    </message>
    <message>
        <source>Valid keys: {valid}.</source>
        <translation>Valid keys: {valid}.</translation>
    </message>
    <message>
        <source>The template file is not valid.</source>
        <translation>The template file is not valid.</translation>
    </message>
    <message>
        <source>Fix the field named in the message; docs/templates.md describes the format.</source>
        <translation>Fix the field named in the message; docs/templates.md describes the format.</translation>
    </message>
    <message>
        <source>There is no template with this id.</source>
        <translation>There is no template with this id.</translation>
    </message>
    <message>
        <source>See the ids with &apos;templates list&apos;.</source>
        <translation>See the ids with &apos;templates list&apos;.</translation>
    </message>
    <message>
        <source>The standards file is not valid.</source>
        <translation>The standards file is not valid.</translation>
    </message>
    <message>
        <source>The bundle could not be opened.</source>
        <translation>The bundle could not be opened.</translation>
    </message>
    <message>
        <source>Ask the sender to export it again. Nothing was imported.</source>
        <translation>Ask the sender to export it again. Nothing was imported.</translation>
    </message>
    <message>
        <source>A comment or sign-off in this bundle is damaged or not valid.</source>
        <translation>A comment or sign-off in this bundle is damaged or not valid.</translation>
    </message>
    <message>
        <source>Ask the sender to send their feedback again. Nothing was imported.</source>
        <translation>Ask the sender to send their feedback again. Nothing was imported.</translation>
    </message>
    <message>
        <source>A comment or sign-off was not signed by the person it names, or was changed.</source>
        <translation>A comment or sign-off was not signed by the person it names, or was changed.</translation>
    </message>
    <message>
        <source>Someone may have altered it on the way. Ask the sender to send it again. Nothing was imported.</source>
        <translation>Someone may have altered it on the way. Ask the sender to send it again. Nothing was imported.</translation>
    </message>
    <message>
        <source>The contact card could not be used.</source>
        <translation>The contact card could not be used.</translation>
    </message>
    <message>
        <source>Ask the person to send their card again.</source>
        <translation>Ask the person to send their card again.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>The operation was cancelled.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>The PDF could not be made.</translation>
    </message>
    <message>
        <source>The PDF is drawn with the desktop app&apos;s Qt libraries. Check that ReflectDesk is fully installed, or export as HTML and print that to PDF.</source>
        <translation>The PDF is drawn with the desktop app&apos;s Qt libraries. Check that ReflectDesk is fully installed, or export as HTML and print that to PDF.</translation>
    </message>
    <message>
        <source>This backup is damaged or was changed after it was made: it does not pass its checks.</source>
        <translation>This backup is damaged or was changed after it was made: it does not pass its checks.</translation>
    </message>
    <message>
        <source>Do not restore from it. Use another backup (an older one, or a copy kept elsewhere); your vault was not touched.</source>
        <translation>Do not restore from it. Use another backup (an older one, or a copy kept elsewhere); your vault was not touched.</translation>
    </message>
    <message>
        <source>There is no comment with this id.</source>
        <translation>There is no comment with this id.</translation>
    </message>
    <message>
        <source>See an entry&apos;s comments with &apos;comment list ENTRY&apos;.</source>
        <translation>See an entry&apos;s comments with &apos;comment list ENTRY&apos;.</translation>
    </message>
    <message>
        <source>There are no comments, sign-offs or statuses to send to these contacts.</source>
        <translation>There are no comments, sign-offs or statuses to send to these contacts.</translation>
    </message>
    <message>
        <source>Feedback goes on entries shared with them: comment or sign off a received entry, or send them your entries first with &apos;bundle export&apos;.</source>
        <translation>Feedback goes on entries shared with them: comment or sign off a received entry, or send them your entries first with &apos;bundle export&apos;.</translation>
    </message>
    <message>
        <source>There is no sign-off with this id.</source>
        <translation>There is no sign-off with this id.</translation>
    </message>
    <message>
        <source>See an entry&apos;s sign-offs with &apos;comment list ENTRY&apos;.</source>
        <translation>See an entry&apos;s sign-offs with &apos;comment list ENTRY&apos;.</translation>
    </message>
    <message>
        <source>The quoted text is not in that section of the entry&apos;s current version.</source>
        <translation>The quoted text is not in that section of the entry&apos;s current version.</translation>
    </message>
    <message>
        <source>Copy the passage exactly as it appears (up to 2,000 characters) and try again.</source>
        <translation>Copy the passage exactly as it appears (up to 2,000 characters) and try again.</translation>
    </message>
    <message>
        <source>There is no standard with the code {code}.</source>
        <translation>There is no standard with the code {code}.</translation>
    </message>
    <message>
        <source>Use a code of the teaching standards (MBE), for example C7=met.</source>
        <translation>Use a code of the teaching standards (MBE), for example C7=met.</translation>
    </message>
    <message>
        <source>Only the person who signed off may withdraw it.</source>
        <translation>Only the person who signed off may withdraw it.</translation>
    </message>
    <message>
        <source>You cannot sign off your own entry.</source>
        <translation>You cannot sign off your own entry.</translation>
    </message>
    <message>
        <source>Send it to your mentor, who signs it off against the standards.</source>
        <translation>Send it to your mentor, who signs it off against the standards.</translation>
    </message>
    <message>
        <source>Only the entry&apos;s author can mark it ready for feedback.</source>
        <translation>Only the entry&apos;s author can mark it ready for feedback.</translation>
    </message>
    <message>
        <source>A comment or sign-off is signed by someone who is not among your contacts.</source>
        <translation>A comment or sign-off is signed by someone who is not among your contacts.</translation>
    </message>
    <message>
        <source>Add that person&apos;s contact card first, compare the safety number, and import again. Nothing was imported.</source>
        <translation>Add that person&apos;s contact card first, compare the safety number, and import again. Nothing was imported.</translation>
    </message>
    <message>
        <source>A comment or sign-off is signed with a key that was revoked or replaced.</source>
        <translation>A comment or sign-off is signed with a key that was revoked or replaced.</translation>
    </message>
    <message>
        <source>Whoever holds that key may not be its owner. Ask the person to send their feedback again with their current key. Nothing was imported.</source>
        <translation>Whoever holds that key may not be its owner. Ask the person to send their feedback again with their current key. Nothing was imported.</translation>
    </message>
    <message>
        <source>A comment or sign-off comes from someone this entry was not shared with.</source>
        <translation>A comment or sign-off comes from someone this entry was not shared with.</translation>
    </message>
    <message>
        <source>Only the people an entry was sent to may comment on it or sign it off, and only on a version they received. Nothing was imported.</source>
        <translation>Only the people an entry was sent to may comment on it or sign it off, and only on a version they received. Nothing was imported.</translation>
    </message>
    <message>
        <source>A comment or sign-off names a version of the entry that differs from yours.</source>
        <translation>A comment or sign-off names a version of the entry that differs from yours.</translation>
    </message>
    <message>
        <source>It may have been moved to another entry or version on the way. Ask the sender to send it again. Nothing was imported.</source>
        <translation>It may have been moved to another entry or version on the way. Ask the sender to send it again. Nothing was imported.</translation>
    </message>
    <message>
        <source>A comment points at text that is not in the version it names.</source>
        <translation>A comment points at text that is not in the version it names.</translation>
    </message>
    <message>
        <source>A record does something its author may not do (withdraw another person&apos;s sign-off, mark someone else&apos;s entry, or sign off their own).</source>
        <translation>A record does something its author may not do (withdraw another person&apos;s sign-off, mark someone else&apos;s entry, or sign off their own).</translation>
    </message>
    <message>
        <source>There are more comments and sign-offs than ReflectDesk takes at once ({limit}).</source>
        <translation>There are more comments and sign-offs than ReflectDesk takes at once ({limit}).</translation>
    </message>
    <message>
        <source>Ask the sender to send their feedback in smaller parts. Nothing was imported.</source>
        <translation>Ask the sender to send their feedback in smaller parts. Nothing was imported.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>The server could not be reached.</translation>
    </message>
    <message>
        <source>Check the connection; ReflectDesk will retry on its own later.</source>
        <translation>Check the connection; ReflectDesk will retry on its own later.</translation>
    </message>
    <message>
        <source>This template id belongs to a built-in template.</source>
        <translation>This template id belongs to a built-in template.</translation>
    </message>
    <message>
        <source>Choose another id for your template, for example with your university&apos;s prefix.</source>
        <translation>Choose another id for your template, for example with your university&apos;s prefix.</translation>
    </message>
    <message>
        <source>This template version was already imported with different content.</source>
        <translation>This template version was already imported with different content.</translation>
    </message>
    <message>
        <source>Raise the version number in the file and import it again.</source>
        <translation>Raise the version number in the file and import it again.</translation>
    </message>
    <message>
        <source>This standards version was already loaded with different content.</source>
        <translation>This standards version was already loaded with different content.</translation>
    </message>
    <message>
        <source>Raise the version number in the file and load it again.</source>
        <translation>Raise the version number in the file and load it again.</translation>
    </message>
    <message>
        <source>The bundle is larger than the limit of {limit_mb} MB.</source>
        <translation>The bundle is larger than the limit of {limit_mb} MB.</translation>
    </message>
    <message>
        <source>Ask the sender to split it into smaller bundles. Nothing was imported.</source>
        <translation>Ask the sender to split it into smaller bundles. Nothing was imported.</translation>
    </message>
    <message>
        <source>This file is not a ReflectDesk bundle.</source>
        <translation>This file is not a ReflectDesk bundle.</translation>
    </message>
    <message>
        <source>Choose a .rdbundle file that someone sent you. Nothing was imported.</source>
        <translation>Choose a .rdbundle file that someone sent you. Nothing was imported.</translation>
    </message>
    <message>
        <source>This file is neither a ReflectDesk bundle nor a contact card.</source>
        <translation>This file is neither a ReflectDesk bundle nor a contact card.</translation>
    </message>
    <message>
        <source>ReflectDesk opens bundles (.rdbundle) and contact cards (.rdcard). Ask the sender which file to use.</source>
        <translation>ReflectDesk opens bundles (.rdbundle) and contact cards (.rdcard). Ask the sender which file to use.</translation>
    </message>
    <message>
        <source>The encryption header of the bundle is damaged.</source>
        <translation>The encryption header of the bundle is damaged.</translation>
    </message>
    <message>
        <source>The encryption header of the bundle is larger than ReflectDesk accepts.</source>
        <translation>The encryption header of the bundle is larger than ReflectDesk accepts.</translation>
    </message>
    <message>
        <source>The bundle is encrypted to more keys than ReflectDesk accepts ({limit}).</source>
        <translation>The bundle is encrypted to more keys than ReflectDesk accepts ({limit}).</translation>
    </message>
    <message>
        <source>A bundle can be sent to at most {limit} people.</source>
        <translation>A bundle can be sent to at most {limit} people.</translation>
    </message>
    <message>
        <source>Send it in several bundles. Nothing was exported.</source>
        <translation>Send it in several bundles. Nothing was exported.</translation>
    </message>
    <message>
        <source>The bundle is protected with a passphrase; ReflectDesk only opens bundles encrypted to a key.</source>
        <translation>The bundle is protected with a passphrase; ReflectDesk only opens bundles encrypted to a key.</translation>
    </message>
    <message>
        <source>The bundle is not encrypted to any ReflectDesk key.</source>
        <translation>The bundle is not encrypted to any ReflectDesk key.</translation>
    </message>
    <message>
        <source>This bundle was not encrypted to your key.</source>
        <translation>This bundle was not encrypted to your key.</translation>
    </message>
    <message>
        <source>Check that it was meant for you, or ask the sender to export it again to your current contact card. Nothing was imported.</source>
        <translation>Check that it was meant for you, or ask the sender to export it again to your current contact card. Nothing was imported.</translation>
    </message>
    <message>
        <source>The bundle is damaged or incomplete: its encryption check failed.</source>
        <translation>The bundle is damaged or incomplete: its encryption check failed.</translation>
    </message>
    <message>
        <source>The contents of the bundle are damaged or not in the expected format.</source>
        <translation>The contents of the bundle are damaged or not in the expected format.</translation>
    </message>
    <message>
        <source>The bundle contains a file name that is not allowed.</source>
        <translation>The bundle contains a file name that is not allowed.</translation>
    </message>
    <message>
        <source>The bundle contains the same file name twice.</source>
        <translation>The bundle contains the same file name twice.</translation>
    </message>
    <message>
        <source>The bundle contains more files than ReflectDesk accepts ({limit}).</source>
        <translation>The bundle contains more files than ReflectDesk accepts ({limit}).</translation>
    </message>
    <message>
        <source>A file in the bundle is larger than ReflectDesk accepts.</source>
        <translation>A file in the bundle is larger than ReflectDesk accepts.</translation>
    </message>
    <message>
        <source>A file in the bundle is compressed suspiciously well (a possible zip bomb).</source>
        <translation>A file in the bundle is compressed suspiciously well (a possible zip bomb).</translation>
    </message>
    <message>
        <source>The bundle contains compressed files. ReflectDesk writes bundles without compression and does not open compressed ones.</source>
        <translation>The bundle contains compressed files. ReflectDesk writes bundles without compression and does not open compressed ones.</translation>
    </message>
    <message>
        <source>Ask the sender to export it again with ReflectDesk (a bundle unpacked and packed again with another program is refused). Nothing was imported.</source>
        <translation>Ask the sender to export it again with ReflectDesk (a bundle unpacked and packed again with another program is refused). Nothing was imported.</translation>
    </message>
    <message>
        <source>The bundle contains a file stored in a way ReflectDesk does not accept.</source>
        <translation>The bundle contains a file stored in a way ReflectDesk does not accept.</translation>
    </message>
    <message>
        <source>The bundle has no signed list of its contents.</source>
        <translation>The bundle has no signed list of its contents.</translation>
    </message>
    <message>
        <source>The signature of the bundle is not valid.</source>
        <translation>The signature of the bundle is not valid.</translation>
    </message>
    <message>
        <source>The bundle was changed after it was signed, or is damaged. Nothing was imported.</source>
        <translation>The bundle was changed after it was signed, or is damaged. Nothing was imported.</translation>
    </message>
    <message>
        <source>The key that signed this bundle has been revoked.</source>
        <translation>The key that signed this bundle has been revoked.</translation>
    </message>
    <message>
        <source>Ask the sender for their new contact card. Nothing was imported.</source>
        <translation>Ask the sender for their new contact card. Nothing was imported.</translation>
    </message>
    <message>
        <source>This bundle is signed by a key revoked on {date}, or by a newer key that a revoked key vouched for.</source>
        <translation>This bundle is signed by a key revoked on {date}, or by a newer key that a revoked key vouched for.</translation>
    </message>
    <message>
        <source>Whoever stole the revoked key can make such bundles. Nothing was imported. Ask the person, in person or by phone, for their current card.</source>
        <translation>Whoever stole the revoked key can make such bundles. Nothing was imported. Ask the person, in person or by phone, for their current card.</translation>
    </message>
    <message>
        <source>This bundle is signed by a key its owner had already replaced on {date}, and it is dated after that.</source>
        <translation>This bundle is signed by a key its owner had already replaced on {date}, and it is dated after that.</translation>
    </message>
    <message>
        <source>Ask the sender to send it again; their app signs with their current key. Nothing was imported.</source>
        <translation>Ask the sender to send it again; their app signs with their current key. Nothing was imported.</translation>
    </message>
    <message>
        <source>This bundle is signed with one of your own keys that you revoked or replaced as lost.</source>
        <translation>This bundle is signed with one of your own keys that you revoked or replaced as lost.</translation>
    </message>
    <message>
        <source>Someone else may hold that key: do not trust what it says. Nothing was imported.</source>
        <translation>Someone else may hold that key: do not trust what it says. Nothing was imported.</translation>
    </message>
    <message>
        <source>The bundle was signed with keys that do not match the ones you have for this contact.</source>
        <translation>The bundle was signed with keys that do not match the ones you have for this contact.</translation>
    </message>
    <message>
        <source>Compare safety numbers with the sender before you trust it. Nothing was imported.</source>
        <translation>Compare safety numbers with the sender before you trust it. Nothing was imported.</translation>
    </message>
    <message>
        <source>This bundle was not addressed to you: someone else re-encrypted it to your key.</source>
        <translation>This bundle was not addressed to you: someone else re-encrypted it to your key.</translation>
    </message>
    <message>
        <source>Only its author can share it with you. Nothing was imported.</source>
        <translation>Only its author can share it with you. Nothing was imported.</translation>
    </message>
    <message>
        <source>A file in the bundle does not match its signed checksum.</source>
        <translation>A file in the bundle does not match its signed checksum.</translation>
    </message>
    <message>
        <source>A file listed in the signed contents of the bundle is missing.</source>
        <translation>A file listed in the signed contents of the bundle is missing.</translation>
    </message>
    <message>
        <source>The bundle contains a file that is not in its signed list of contents.</source>
        <translation>The bundle contains a file that is not in its signed list of contents.</translation>
    </message>
    <message>
        <source>A data file in the bundle is larger than ReflectDesk accepts.</source>
        <translation>A data file in the bundle is larger than ReflectDesk accepts.</translation>
    </message>
    <message>
        <source>A data file in the bundle is not valid JSON.</source>
        <translation>A data file in the bundle is not valid JSON.</translation>
    </message>
    <message>
        <source>A data file in the bundle does not have the expected fields.</source>
        <translation>A data file in the bundle does not have the expected fields.</translation>
    </message>
    <message>
        <source>This bundle was made by a newer version of ReflectDesk.</source>
        <translation>This bundle was made by a newer version of ReflectDesk.</translation>
    </message>
    <message>
        <source>Update ReflectDesk to open it. Nothing was imported.</source>
        <translation>Update ReflectDesk to open it. Nothing was imported.</translation>
    </message>
    <message>
        <source>The bundle could not be made from this content.</source>
        <translation>The bundle could not be made from this content.</translation>
    </message>
    <message>
        <source>This is a bug in ReflectDesk; please report it. Nothing was exported.</source>
        <translation>This is a bug in ReflectDesk; please report it. Nothing was exported.</translation>
    </message>
    <message>
        <source>Your stored key pair is damaged or in an unknown format.</source>
        <translation>Your stored key pair is damaged or in an unknown format.</translation>
    </message>
    <message>
        <source>Restore the vault from a backup.</source>
        <translation>Restore the vault from a backup.</translation>
    </message>
    <message>
        <source>A public key is not valid.</source>
        <translation>A public key is not valid.</translation>
    </message>
    <message>
        <source>This is not a valid ReflectDesk contact card.</source>
        <translation>This is not a valid ReflectDesk contact card.</translation>
    </message>
    <message>
        <source>The signature of the contact card is not valid.</source>
        <translation>The signature of the contact card is not valid.</translation>
    </message>
    <message>
        <source>The card was changed or damaged. Ask the person to send it again.</source>
        <translation>The card was changed or damaged. Ask the person to send it again.</translation>
    </message>
    <message>
        <source>The contact card has expired.</source>
        <translation>The contact card has expired.</translation>
    </message>
    <message>
        <source>Ask the person for a new card.</source>
        <translation>Ask the person for a new card.</translation>
    </message>
    <message>
        <source>The contact card is dated in the future.</source>
        <translation>The contact card is dated in the future.</translation>
    </message>
    <message>
        <source>Check the date and time of this computer, or ask for a new card.</source>
        <translation>Check the date and time of this computer, or ask for a new card.</translation>
    </message>
    <message>
        <source>The key revocation is not valid.</source>
        <translation>The key revocation is not valid.</translation>
    </message>
    <message>
        <source>It was changed or damaged. Ask the person to send it again.</source>
        <translation>It was changed or damaged. Ask the person to send it again.</translation>
    </message>
    <message>
        <source>This entry was received from someone else and cannot be changed.</source>
        <translation>This entry was received from someone else and cannot be changed.</translation>
    </message>
    <message>
        <source>Only its author can change it. Comment on it, or copy what you need.</source>
        <translation>Only its author can change it. Comment on it, or copy what you need.</translation>
    </message>
    <message>
        <source>This entry has only one version: there is nothing to resolve.</source>
        <translation>This entry has only one version: there is nothing to resolve.</translation>
    </message>
    <message>
        <source>The versions of this entry changed while you were resolving them.</source>
        <translation>The versions of this entry changed while you were resolving them.</translation>
    </message>
    <message>
        <source>Nothing was saved. Open the versions again and choose.</source>
        <translation>Nothing was saved. Open the versions again and choose.</translation>
    </message>
    <message>
        <source>This entry was received from someone else; only its author can share it.</source>
        <translation>This entry was received from someone else; only its author can share it.</translation>
    </message>
    <message>
        <source>Choose entries from your own journals. Nothing was exported.</source>
        <translation>Choose entries from your own journals. Nothing was exported.</translation>
    </message>
    <message>
        <source>There is no contact with this id.</source>
        <translation>There is no contact with this id.</translation>
    </message>
    <message>
        <source>See the ids with &apos;contact list&apos;.</source>
        <translation>See the ids with &apos;contact list&apos;.</translation>
    </message>
    <message>
        <source>This contact&apos;s key has been revoked; nothing can be sent to it.</source>
        <translation>This contact&apos;s key has been revoked; nothing can be sent to it.</translation>
    </message>
    <message>
        <source>Ask the person for their new contact card. Nothing was exported.</source>
        <translation>Ask the person for their new contact card. Nothing was exported.</translation>
    </message>
    <message>
        <source>This step needs your confirmation.</source>
        <translation>This step needs your confirmation.</translation>
    </message>
    <message>
        <source>Read what was shown, then run the command again with --yes. Nothing was changed.</source>
        <translation>Read what was shown, then run the command again with --yes. Nothing was changed.</translation>
    </message>
    <message>
        <source>This card has other keys than the ones you have for this contact, and the old key did not sign it.</source>
        <translation>This card has other keys than the ones you have for this contact, and the old key did not sign it.</translation>
    </message>
    <message>
        <source>Compare the safety number with the person (in person or by phone) before you accept it. Nothing was changed.</source>
        <translation>Compare the safety number with the person (in person or by phone) before you accept it. Nothing was changed.</translation>
    </message>
    <message>
        <source>You already have a contact with this name but with other keys.</source>
        <translation>You already have a contact with this name but with other keys.</translation>
    </message>
    <message>
        <source>It may be a new card of the same person or someone else. Compare the safety number with the person before you accept it. Nothing was changed.</source>
        <translation>It may be a new card of the same person or someone else. Compare the safety number with the person before you accept it. Nothing was changed.</translation>
    </message>
    <message>
        <source>The key on this card has been revoked.</source>
        <translation>The key on this card has been revoked.</translation>
    </message>
    <message>
        <source>Ask the person for a card with their new key.</source>
        <translation>Ask the person for a card with their new key.</translation>
    </message>
    <message>
        <source>This card is for, or signed by, a key that this contact has already replaced.</source>
        <translation>This card is for, or signed by, a key that this contact has already replaced.</translation>
    </message>
    <message>
        <source>Only someone holding the old key could make it. Ask the person for their current card and compare the safety number. Nothing was changed.</source>
        <translation>Only someone holding the old key could make it. Ask the person for their current card and compare the safety number. Nothing was changed.</translation>
    </message>
    <message>
        <source>This is a revocation of your own key, not of a contact&apos;s.</source>
        <translation>This is a revocation of your own key, not of a contact&apos;s.</translation>
    </message>
    <message>
        <source>If you did not make it, someone else has your secret key: make new keys now with &apos;identity rotate --no-vouch&apos; and give your contacts the new card. Nothing was changed.</source>
        <translation>If you did not make it, someone else has your secret key: make new keys now with &apos;identity rotate --no-vouch&apos; and give your contacts the new card. Nothing was changed.</translation>
    </message>
    <message>
        <source>The name on this card contains invisible or text-direction characters.</source>
        <translation>The name on this card contains invisible or text-direction characters.</translation>
    </message>
    <message>
        <source>Such characters can make a name look like another one. Ask the person for a card with their name typed plainly. Nothing was changed.</source>
        <translation>Such characters can make a name look like another one. Ask the person for a card with their name typed plainly. Nothing was changed.</translation>
    </message>
    <message>
        <source>This card changes the name, role or institution of a contact you have.</source>
        <translation>This card changes the name, role or institution of a contact you have.</translation>
    </message>
    <message>
        <source>Check the change with the person. To accept it, import the card again with --accept-rename. Nothing was changed.</source>
        <translation>Check the change with the person. To accept it, import the card again with --accept-rename. Nothing was changed.</translation>
    </message>
    <message>
        <source>You already have a newer card for this contact.</source>
        <translation>You already have a newer card for this contact.</translation>
    </message>
    <message>
        <source>The safety number you entered does not match this contact&apos;s.</source>
        <translation>The safety number you entered does not match this contact&apos;s.</translation>
    </message>
    <message>
        <source>Do not mark the contact verified. Check that you both opened the right contact, then compare again.</source>
        <translation>Do not mark the contact verified. Check that you both opened the right contact, then compare again.</translation>
    </message>
    <message>
        <source>The sender of this bundle is not one of your contacts.</source>
        <translation>The sender of this bundle is not one of your contacts.</translation>
    </message>
    <message>
        <source>Compare the safety number shown with the sender (in person or by phone), then confirm the import. Nothing was imported.</source>
        <translation>Compare the safety number shown with the sender (in person or by phone), then confirm the import. Nothing was imported.</translation>
    </message>
    <message>
        <source>The bundle does not carry the contact card of its unknown sender.</source>
        <translation>The bundle does not carry the contact card of its unknown sender.</translation>
    </message>
    <message>
        <source>Import the sender&apos;s contact card first, then the bundle again. Nothing was imported.</source>
        <translation>Import the sender&apos;s contact card first, then the bundle again. Nothing was imported.</translation>
    </message>
    <message>
        <source>The bundle would change an entry that belongs to someone else.</source>
        <translation>The bundle would change an entry that belongs to someone else.</translation>
    </message>
    <message>
        <source>Only the author of an entry can send new versions of it. Nothing was imported.</source>
        <translation>Only the author of an entry can send new versions of it. Nothing was imported.</translation>
    </message>
    <message>
        <source>A version in the bundle claims to be written by someone other than its signer.</source>
        <translation>A version in the bundle claims to be written by someone other than its signer.</translation>
    </message>
    <message>
        <source>A bundle may only carry versions written by the person who signed it. Nothing was imported; ask the author to send her own bundle.</source>
        <translation>A bundle may only carry versions written by the person who signed it. Nothing was imported; ask the author to send her own bundle.</translation>
    </message>
    <message>
        <source>The bundle reuses an id that stands for something else in your vault.</source>
        <translation>The bundle reuses an id that stands for something else in your vault.</translation>
    </message>
    <message>
        <source>Ask the sender to export it again, and report it if it happens again. Nothing was imported.</source>
        <translation>Ask the sender to export it again, and report it if it happens again. Nothing was imported.</translation>
    </message>
    <message>
        <source>The REFI-QDA project or codebook is not valid.</source>
        <translation>The REFI-QDA project or codebook is not valid.</translation>
    </message>
    <message>
        <source>Nothing was written or imported. Report it if the file came from ReflectDesk.</source>
        <translation>Nothing was written or imported. Report it if the file came from ReflectDesk.</translation>
    </message>
    <message>
        <source>This file is not a REFI-QDA project archive (.qdpx).</source>
        <translation>This file is not a REFI-QDA project archive (.qdpx).</translation>
    </message>
    <message>
        <source>Export the project again from your analysis program as a REFI-QDA project. Nothing was imported.</source>
        <translation>Export the project again from your analysis program as a REFI-QDA project. Nothing was imported.</translation>
    </message>
    <message>
        <source>The project archive is too large, or expands too much, to open safely.</source>
        <translation>The project archive is too large, or expands too much, to open safely.</translation>
    </message>
    <message>
        <source>Split the project into smaller ones and import each. Nothing was imported.</source>
        <translation>Split the project into smaller ones and import each. Nothing was imported.</translation>
    </message>
    <message>
        <source>The project file is not well-formed XML.</source>
        <translation>The project file is not well-formed XML.</translation>
    </message>
    <message>
        <source>The project or codebook does not follow the REFI-QDA schema.</source>
        <translation>The project or codebook does not follow the REFI-QDA schema.</translation>
    </message>
    <message>
        <source>Two elements of the project share one GUID.</source>
        <translation>Two elements of the project share one GUID.</translation>
    </message>
    <message>
        <source>A reference in the project points to nothing, or to the wrong kind of element.</source>
        <translation>A reference in the project points to nothing, or to the wrong kind of element.</translation>
    </message>
    <message>
        <source>A source file the project refers to is missing from the archive.</source>
        <translation>A source file the project refers to is missing from the archive.</translation>
    </message>
    <message>
        <source>The archive holds a file that the project does not refer to.</source>
        <translation>The archive holds a file that the project does not refer to.</translation>
    </message>
    <message>
        <source>A source text is not plain UTF-8 text.</source>
        <translation>A source text is not plain UTF-8 text.</translation>
    </message>
    <message>
        <source>A source text starts with a byte-order mark, which other programs misread.</source>
        <translation>A source text starts with a byte-order mark, which other programs misread.</translation>
    </message>
    <message>
        <source>A source text has Windows (CR LF) or old Mac (CR) line endings.</source>
        <translation>A source text has Windows (CR LF) or old Mac (CR) line endings.</translation>
    </message>
    <message>
        <source>A coded passage lies outside the text of its source.</source>
        <translation>A coded passage lies outside the text of its source.</translation>
    </message>
    <message>
        <source>A coded passage is empty or reversed: its start is not before its end.</source>
        <translation>A coded passage is empty or reversed: its start is not before its end.</translation>
    </message>
    <message>
        <source>The project holds picture, PDF, audio or video sources, which ReflectDesk cannot import.</source>
        <translation>The project holds picture, PDF, audio or video sources, which ReflectDesk cannot import.</translation>
    </message>
    <message>
        <source>Export only the text sources from your analysis program and import that project. Nothing was imported.</source>
        <translation>Export only the text sources from your analysis program and import that project. Nothing was imported.</translation>
    </message>
    <message>
        <source>A proposed replacement no longer matches the text it was proposed for.</source>
        <translation>A proposed replacement no longer matches the text it was proposed for.</translation>
    </message>
    <message>
        <source>Look for names again and review the new proposals. Nothing was changed.</source>
        <translation>Look for names again and review the new proposals. Nothing was changed.</translation>
    </message>
    <message>
        <source>Two accepted replacements cover the same text.</source>
        <translation>Two accepted replacements cover the same text.</translation>
    </message>
    <message>
        <source>Skip one of them and apply the replacements again. Nothing was changed.</source>
        <translation>Skip one of them and apply the replacements again. Nothing was changed.</translation>
    </message>
    <message>
        <source>The exchange server cannot be reached (offline?).</source>
        <translation>The exchange server cannot be reached (offline?).</translation>
    </message>
    <message>
        <source>Check the Internet connection. What is waiting stays queued and is sent on its own when the server can be reached.</source>
        <translation>Check the Internet connection. What is waiting stays queued and is sent on its own when the server can be reached.</translation>
    </message>
    <message>
        <source>The exchange server did not answer in time.</source>
        <translation>The exchange server did not answer in time.</translation>
    </message>
    <message>
        <source>The connection may be slow or the server busy. ReflectDesk will try again later.</source>
        <translation>The connection may be slow or the server busy. ReflectDesk will try again later.</translation>
    </message>
    <message>
        <source>The exchange server refused the user name or app password.</source>
        <translation>The exchange server refused the user name or app password.</translation>
    </message>
    <message>
        <source>The password may have been changed or the app password revoked. Create a new app password on the server and enter it in the exchange point settings.</source>
        <translation>The password may have been changed or the app password revoked. Create a new app password on the server and enter it in the exchange point settings.</translation>
    </message>
    <message>
        <source>The exchange server does not allow this account to use that folder.</source>
        <translation>The exchange server does not allow this account to use that folder.</translation>
    </message>
    <message>
        <source>Ask whoever shared the folder to give you write access, or choose another folder.</source>
        <translation>Ask whoever shared the folder to give you write access, or choose another folder.</translation>
    </message>
    <message>
        <source>The folder of the exchange point does not exist.</source>
        <translation>The folder of the exchange point does not exist.</translation>
    </message>
    <message>
        <source>Check the address in the exchange point settings; it may have been moved.</source>
        <translation>Check the address in the exchange point settings; it may have been moved.</translation>
    </message>
    <message>
        <source>The file is no longer on the exchange point.</source>
        <translation>The file is no longer on the exchange point.</translation>
    </message>
    <message>
        <source>Someone removed it. Ask the sender to send it again if you still need it.</source>
        <translation>Someone removed it. Ask the sender to send it again if you still need it.</translation>
    </message>
    <message>
        <source>The exchange server refused the change because its folder is not as expected.</source>
        <translation>The exchange server refused the change because its folder is not as expected.</translation>
    </message>
    <message>
        <source>Check that the folder still exists on the server, then try again.</source>
        <translation>Check that the folder still exists on the server, then try again.</translation>
    </message>
    <message>
        <source>Another file with the same name is already on the exchange point.</source>
        <translation>Another file with the same name is already on the exchange point.</translation>
    </message>
    <message>
        <source>Nothing was overwritten. Send it again: it will get a new name.</source>
        <translation>Nothing was overwritten. Send it again: it will get a new name.</translation>
    </message>
    <message>
        <source>The file on the exchange point changed since it was listed.</source>
        <translation>The file on the exchange point changed since it was listed.</translation>
    </message>
    <message>
        <source>Nothing was changed here. Sync again to see the current files.</source>
        <translation>Nothing was changed here. Sync again to see the current files.</translation>
    </message>
    <message>
        <source>The file or folder is locked on the exchange server.</source>
        <translation>The file or folder is locked on the exchange server.</translation>
    </message>
    <message>
        <source>Another program is using it. ReflectDesk will try again later.</source>
        <translation>Another program is using it. ReflectDesk will try again later.</translation>
    </message>
    <message>
        <source>The exchange server has a problem right now.</source>
        <translation>The exchange server has a problem right now.</translation>
    </message>
    <message>
        <source>It is not your connection. ReflectDesk will try again later on its own.</source>
        <translation>It is not your connection. ReflectDesk will try again later on its own.</translation>
    </message>
    <message>
        <source>The exchange point has no space left.</source>
        <translation>The exchange point has no space left.</translation>
    </message>
    <message>
        <source>Free some space there or ask its administrator for more. What is waiting stays queued; nothing was lost.</source>
        <translation>Free some space there or ask its administrator for more. What is waiting stays queued; nothing was lost.</translation>
    </message>
    <message>
        <source>The transfer was cut off before the whole file arrived.</source>
        <translation>The transfer was cut off before the whole file arrived.</translation>
    </message>
    <message>
        <source>Nothing incomplete was kept. ReflectDesk will try again later.</source>
        <translation>Nothing incomplete was kept. ReflectDesk will try again later.</translation>
    </message>
    <message>
        <source>The secure connection to the exchange server could not be verified.</source>
        <translation>The secure connection to the exchange server could not be verified.</translation>
    </message>
    <message>
        <source>Check the address and the computer&apos;s date and time. If it persists, someone may be intercepting the connection: do not use this network, and tell your university&apos;s IT.</source>
        <translation>Check the address and the computer&apos;s date and time. If it persists, someone may be intercepting the connection: do not use this network, and tell your university&apos;s IT.</translation>
    </message>
    <message>
        <source>The exchange server gave an answer ReflectDesk does not understand.</source>
        <translation>The exchange server gave an answer ReflectDesk does not understand.</translation>
    </message>
    <message>
        <source>Check that the address points to a WebDAV folder (for Nextcloud, the WebDAV address shown in its Files settings).</source>
        <translation>Check that the address points to a WebDAV folder (for Nextcloud, the WebDAV address shown in its Files settings).</translation>
    </message>
    <message>
        <source>The shared folder is not available.</source>
        <translation>The shared folder is not available.</translation>
    </message>
    <message>
        <source>Plug in the USB stick or connect the network drive. What is waiting stays queued.</source>
        <translation>Plug in the USB stick or connect the network drive. What is waiting stays queued.</translation>
    </message>
    <message>
        <source>ReflectDesk may not write to the shared folder.</source>
        <translation>ReflectDesk may not write to the shared folder.</translation>
    </message>
    <message>
        <source>Check that the folder is not read-only and that you may write there.</source>
        <translation>Check that the folder is not read-only and that you may write there.</translation>
    </message>
    <message>
        <source>The address of the exchange point is not valid.</source>
        <translation>The address of the exchange point is not valid.</translation>
    </message>
    <message>
        <source>Use an https:// address (http:// only for this computer itself), without a user name or password in it.</source>
        <translation>Use an https:// address (http:// only for this computer itself), without a user name or password in it.</translation>
    </message>
    <message>
        <source>This file name cannot be used on an exchange point.</source>
        <translation>This file name cannot be used on an exchange point.</translation>
    </message>
    <message>
        <source>This is a bug in ReflectDesk; please report it. Nothing was sent.</source>
        <translation>This is a bug in ReflectDesk; please report it. Nothing was sent.</translation>
    </message>
    <message>
        <source>ReflectDesk only removes files it put on the exchange point itself.</source>
        <translation>ReflectDesk only removes files it put on the exchange point itself.</translation>
    </message>
    <message>
        <source>The file was left where it is. Nothing was removed.</source>
        <translation>The file was left where it is. Nothing was removed.</translation>
    </message>
    <message>
        <source>There is no exchange point with this id.</source>
        <translation>There is no exchange point with this id.</translation>
    </message>
    <message>
        <source>See the ids with &apos;exchange list&apos;.</source>
        <translation>See the ids with &apos;exchange list&apos;.</translation>
    </message>
    <message>
        <source>This folder cannot be used as an exchange point.</source>
        <translation>This folder cannot be used as an exchange point.</translation>
    </message>
    <message>
        <source>Choose an existing folder by its full path (a USB stick, a network drive or a folder your Nextcloud client syncs), outside the vault.</source>
        <translation>Choose an existing folder by its full path (a USB stick, a network drive or a folder your Nextcloud client syncs), outside the vault.</translation>
    </message>
    <message>
        <source>An exchange point needs a name (up to 80 characters).</source>
        <translation>An exchange point needs a name (up to 80 characters).</translation>
    </message>
    <message>
        <source>For example: University — Nextcloud.</source>
        <translation>For example: University — Nextcloud.</translation>
    </message>
    <message>
        <source>Bundles are still waiting to be sent through this exchange point: {count}.</source>
        <translation>Bundles are still waiting to be sent through this exchange point: {count}.</translation>
    </message>
    <message>
        <source>Send them first (&apos;sync now&apos;), or remove it with --force: they are then not sent.</source>
        <translation>Send them first (&apos;sync now&apos;), or remove it with --force: they are then not sent.</translation>
    </message>
    <message>
        <source>None of these contacts is reached through an exchange point.</source>
        <translation>None of these contacts is reached through an exchange point.</translation>
    </message>
    <message>
        <source>Add an exchange point for them (&apos;exchange add … --contact&apos;), or export to a file with --output.</source>
        <translation>Add an exchange point for them (&apos;exchange add … --contact&apos;), or export to a file with --output.</translation>
    </message>
    <message>
        <source>No received bundle is waiting with this id.</source>
        <translation>No received bundle is waiting with this id.</translation>
    </message>
    <message>
        <source>See the ids with &apos;sync waiting&apos;.</source>
        <translation>See the ids with &apos;sync waiting&apos;.</translation>
    </message>
    <message>
        <source>This file is not a ReflectDesk backup.</source>
        <translation>This file is not a ReflectDesk backup.</translation>
    </message>
    <message>
        <source>Choose a file ending in .rdbackup made by &apos;Back up now&apos; or &apos;backup create&apos;.</source>
        <translation>Choose a file ending in .rdbackup made by &apos;Back up now&apos; or &apos;backup create&apos;.</translation>
    </message>
    <message>
        <source>The folder for the restored vault already exists and is not empty.</source>
        <translation>The folder for the restored vault already exists and is not empty.</translation>
    </message>
    <message>
        <source>Choose a new folder: a restore never writes over existing files.</source>
        <translation>Choose a new folder: a restore never writes over existing files.</translation>
    </message>
    <message>
        <source>This link points outside the chosen folder.</source>
        <translation>This link points outside the chosen folder.</translation>
    </message>
    <message>
        <source>Links that leave the folder are not followed. Choose the file it points to if you want to import it.</source>
        <translation>Links that leave the folder are not followed. Choose the file it points to if you want to import it.</translation>
    </message>
    <message>
        <source>There is no cohort with this id or name.</source>
        <translation>There is no cohort with this id or name.</translation>
    </message>
    <message>
        <source>See your cohorts with &apos;cohort list&apos;.</source>
        <translation>See your cohorts with &apos;cohort list&apos;.</translation>
    </message>
    <message>
        <source>The cohort&apos;s name is empty, too long or not valid.</source>
        <translation>The cohort&apos;s name is empty, too long or not valid.</translation>
    </message>
    <message>
        <source>Use up to 120 characters, for example: Práctica II — 2026 — Sección 2.</source>
        <translation>Use up to 120 characters, for example: Práctica II — 2026 — Sección 2.</translation>
    </message>
    <message>
        <source>You already have a cohort with this name.</source>
        <translation>You already have a cohort with this name.</translation>
    </message>
    <message>
        <source>Choose another name, or add the people to that cohort.</source>
        <translation>Choose another name, or add the people to that cohort.</translation>
    </message>
    <message>
        <source>There is no case study with this id or title.</source>
        <translation>There is no case study with this id or title.</translation>
    </message>
    <message>
        <source>See your case studies with &apos;case list&apos;.</source>
        <translation>See your case studies with &apos;case list&apos;.</translation>
    </message>
    <message>
        <source>The case study holds no item with this id.</source>
        <translation>The case study holds no item with this id.</translation>
    </message>
    <message>
        <source>See its items with &apos;case show&apos;.</source>
        <translation>See its items with &apos;case show&apos;.</translation>
    </message>
    <message>
        <source>The case study has no code with this id or name.</source>
        <translation>The case study has no code with this id or name.</translation>
    </message>
    <message>
        <source>See its codebook with &apos;case show&apos;.</source>
        <translation>See its codebook with &apos;case show&apos;.</translation>
    </message>
    <message>
        <source>The case study has no memo or passage with this id.</source>
        <translation>The case study has no memo or passage with this id.</translation>
    </message>
    <message>
        <source>See its memos and passages with &apos;case show&apos;.</source>
        <translation>See its memos and passages with &apos;case show&apos;.</translation>
    </message>
    <message>
        <source>A field of the case study is empty, too long or not valid: {field}.</source>
        <translation>A field of the case study is empty, too long or not valid: {field}.</translation>
    </message>
    <message>
        <source>Titles and names take up to 200 characters; dates are written YYYY-MM-DD.</source>
        <translation>Titles and names take up to 200 characters; dates are written YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>This case study has no ethics approval: entries cannot be added or exported.</source>
        <translation>This case study has no ethics approval: entries cannot be added or exported.</translation>
    </message>
    <message>
        <source>Record the committee, the approval&apos;s reference and its expiry date with &apos;case approve&apos;. Until then the study can be planned.</source>
        <translation>Record the committee, the approval&apos;s reference and its expiry date with &apos;case approve&apos;. Until then the study can be planned.</translation>
    </message>
    <message>
        <source>The ethics approval of this case study expired on {date}: no entry can be added and nothing exported.</source>
        <translation>The ethics approval of this case study expired on {date}: no entry can be added and nothing exported.</translation>
    </message>
    <message>
        <source>Record the renewed approval with &apos;case approve&apos; and try again.</source>
        <translation>Record the renewed approval with &apos;case approve&apos; and try again.</translation>
    </message>
    <message>
        <source>The author of this entry has not consented to its use in research.</source>
        <translation>The author of this entry has not consented to its use in research.</translation>
    </message>
    <message>
        <source>Only entries received with the consent &apos;research&apos; or &apos;research-pseudonymised&apos;, and not withdrawn, can be added to a case study.</source>
        <translation>Only entries received with the consent &apos;research&apos; or &apos;research-pseudonymised&apos;, and not withdrawn, can be added to a case study.</translation>
    </message>
    <message>
        <source>Only entries received from their authors can be added to a case study.</source>
        <translation>Only entries received from their authors can be added to a case study.</translation>
    </message>
    <message>
        <source>Import the author&apos;s bundle, then pick the entry from &apos;case add --list&apos;.</source>
        <translation>Import the author&apos;s bundle, then pick the entry from &apos;case add --list&apos;.</translation>
    </message>
    <message>
        <source>This entry is already in the case study.</source>
        <translation>This entry is already in the case study.</translation>
    </message>
    <message>
        <source>Remove the item first to add another version of it.</source>
        <translation>Remove the item first to add another version of it.</translation>
    </message>
    <message>
        <source>Entries that may only be used pseudonymised have not been reviewed yet ({count}): nothing was exported.</source>
        <translation>Entries that may only be used pseudonymised have not been reviewed yet ({count}): nothing was exported.</translation>
    </message>
    <message>
        <source>Review the proposed replacements with &apos;case pseudonymise&apos;, then export.</source>
        <translation>Review the proposed replacements with &apos;case pseudonymise&apos;, then export.</translation>
    </message>
    <message>
        <source>Entries name pupils, schools or communes, or hold a RUT, e-mail or phone number, and have not been reviewed yet ({count}): nothing was exported.</source>
        <translation>Entries name pupils, schools or communes, or hold a RUT, e-mail or phone number, and have not been reviewed yet ({count}): nothing was exported.</translation>
    </message>
    <message>
        <source>Review the proposed replacements (Review pseudonyms… in the Items tab, or &apos;case pseudonymise&apos;), then export. Pupils and schools never leave in clear, whatever the author consented to.</source>
        <translation>Review the proposed replacements (Review pseudonyms… in the Items tab, or &apos;case pseudonymise&apos;), then export. Pupils and schools never leave in clear, whatever the author consented to.</translation>
    </message>
    <message>
        <source>The passage is empty or lies outside the text of its section.</source>
        <translation>The passage is empty or lies outside the text of its section.</translation>
    </message>
    <message>
        <source>Select the passage again; offsets count characters (code points) from 0.</source>
        <translation>Select the passage again; offsets count characters (code points) from 0.</translation>
    </message>
    <message>
        <source>The file is larger than the limit of {limit_mb} MB.</source>
        <translation>The file is larger than the limit of {limit_mb} MB.</translation>
    </message>
    <message>
        <source>Keep the information sheet as a smaller PDF.</source>
        <translation>Keep the information sheet as a smaller PDF.</translation>
    </message>
    <message>
        <source>The audit log does not verify: a record was changed, removed, reordered or not signed by the researcher.</source>
        <translation>The audit log does not verify: a record was changed, removed, reordered or not signed by the researcher.</translation>
    </message>
    <message>
        <source>Do not trust this copy of the log. Export it again from the researcher&apos;s vault and compare.</source>
        <translation>Do not trust this copy of the log. Export it again from the researcher&apos;s vault and compare.</translation>
    </message>
    <message>
        <source>The audit log verifies, but it does not end on the export of this file ({file}): its SHA-256 is not the one the log signed.</source>
        <translation>The audit log verifies, but it does not end on the export of this file ({file}): its SHA-256 is not the one the log signed.</translation>
    </message>
    <message>
        <source>The log belongs to another export: another case study, or an earlier or later export of this one. Check the file with the .audit.json written beside it.</source>
        <translation>The log belongs to another export: another case study, or an earlier or later export of this one. Check the file with the .audit.json written beside it.</translation>
    </message>
    <message>
        <source>The codebook is empty: there is nothing to export.</source>
        <translation>The codebook is empty: there is nothing to export.</translation>
    </message>
    <message>
        <source>Add codes first, with &apos;case codebook --add&apos;.</source>
        <translation>Add codes first, with &apos;case codebook --add&apos;.</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>Shared folder</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <source>New exchange point</source>
        <translation>New exchange point</translation>
    </message>
    <message>
        <source>WebDAV server (Nextcloud)</source>
        <translation>WebDAV server (Nextcloud)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>e.g. University — Nextcloud</source>
        <translation>e.g. University — Nextcloud</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>App password:</source>
        <translation>App password:</translation>
    </message>
    <message>
        <source>Reached here:</source>
        <translation>Reached here:</translation>
    </message>
    <message>
        <source>Only encrypted, signed bundles go there, under random names. The server learns their sizes and times, never who wrote them or to whom. Use an app password, not your main password: it is stored encrypted in your vault.</source>
        <translation>Only encrypted, signed bundles go there, under random names. The server learns their sizes and times, never who wrote them or to whom. Use an app password, not your main password: it is stored encrypted in your vault.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Revoked: nothing can be sent to %1.</source>
        <translation>Revoked: nothing can be sent to %1.</translation>
    </message>
    <message>
        <source>Not verified: compare the safety number with %1 first.</source>
        <translation>Not verified: compare the safety number with %1 first.</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>To: %1 and you</source>
        <translation>To: %1 and you</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Consent: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries with their own consent</source>
        <translation>
            <numerusform>%n entry with their own consent</numerusform>
            <numerusform>%n entries with their own consent</numerusform>
        </translation>
    </message>
    <message>
        <source>With attachments</source>
        <translation>With attachments</translation>
    </message>
    <message>
        <source>Without attachments</source>
        <translation>Without attachments</translation>
    </message>
    <message>
        <source>With the whole revision history</source>
        <translation>With the whole revision history</translation>
    </message>
    <message>
        <source>Only the current version of each entry</source>
        <translation>Only the current version of each entry</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With %n attachments.</source>
        <translation>
            <numerusform>With %n attachment.</numerusform>
            <numerusform>With %n attachments.</numerusform>
        </translation>
    </message>
    <message>
        <source>To: %1 and you.</source>
        <translation>To: %1 and you.</translation>
    </message>
    <message>
        <source>Your feedback: your comments, replies and sign-offs on the entries you share with them.</source>
        <translation>Your feedback: your comments, replies and sign-offs on the entries you share with them.</translation>
    </message>
    <message numerus="yes">
        <source>Your feedback on %n entries:</source>
        <translation>
            <numerusform>Your feedback on %n entry:</numerusform>
            <numerusform>Your feedback on %n entries:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries:</source>
        <translation>
            <numerusform>%n entry:</numerusform>
            <numerusform>%n entries:</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent: %1.</source>
        <translation>Consent: %1.</translation>
    </message>
    <message>
        <source>Queued to send via %1.</source>
        <translation>Queued to send via %1.</translation>
    </message>
    <message>
        <source>It leaves with the next sync: at once if the exchange point can be reached, otherwise as soon as it can. The status bar shows what is still waiting.</source>
        <translation>It leaves with the next sync: at once if the exchange point can be reached, otherwise as soon as it can. The status bar shows what is still waiting.</translation>
    </message>
    <message numerus="yes">
        <source>%n bundles, one for each group of recipients who can accept the same feedback, in the same folder.</source>
        <translation>
            <numerusform>%n bundle, one for each group of recipients who can accept the same feedback, in the same folder.</numerusform>
            <numerusform>%n bundles, one for each group of recipients who can accept the same feedback, in the same folder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to save the bundle</source>
        <translation>Where to save the bundle</translation>
    </message>
    <message>
        <source>Encrypting and signing…</source>
        <translation>Encrypting and signing…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Cancelled: no bundle was written.</source>
        <translation>Cancelled: no bundle was written.</translation>
    </message>
    <message>
        <source>Share entries</source>
        <translation>Share entries</translation>
    </message>
    <message>
        <source>Send feedback</source>
        <translation>Send feedback</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Feedback — open comments: %1</source>
        <translation>Feedback — open comments: %1</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Feedback on this entry</source>
        <translation>Feedback on this entry</translation>
    </message>
</context>
<context>
    <name>FieldChoice</name>
    <message>
        <source>(not in this version)</source>
        <translation>(not in this version)</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>Keep this version</translation>
    </message>
    <message>
        <source>Write my own:</source>
        <translation>Write my own:</translation>
    </message>
    <message>
        <source>A date as YYYY-MM-DD, or empty</source>
        <translation>A date as YYYY-MM-DD, or empty</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Finish without checking?</source>
        <translation>Finish without checking?</translation>
    </message>
    <message>
        <source>Your vault is created. If you have not saved the recovery key, you will not see it again. Continue without checking it?</source>
        <translation>Your vault is created. If you have not saved the recovery key, you will not see it again. Continue without checking it?</translation>
    </message>
    <message>
        <source>ReflectDesk: first steps</source>
        <translation>ReflectDesk: first steps</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Create my vault</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>HintBanner</name>
    <message>
        <source>Observation notes work best when they describe only what was seen and heard. Some words may read as judgements (underlined): %1. Could you describe what happened instead?</source>
        <translation>Observation notes work best when they describe only what was seen and heard. Some words may read as judgements (underlined): %1. Could you describe what happened instead?</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Dismiss the hint</source>
        <translation>Dismiss the hint</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>These two revisions are the same.</source>
        <translation>These two revisions are the same.</translation>
    </message>
    <message>
        <source>Restore this revision?</source>
        <translation>Restore this revision?</translation>
    </message>
    <message>
        <source>From “%1” to “%2”: struck out was removed, marked was added.</source>
        <translation>From “%1” to “%2”: struck out was removed, marked was added.</translation>
    </message>
    <message>
        <source>“%1” becomes the current text, as a new revision. Nothing is lost: the current text stays in the history.</source>
        <translation>“%1” becomes the current text, as a new revision. Nothing is lost: the current text stays in the history.</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation>Revision history</translation>
    </message>
    <message>
        <source>&amp;Revisions (newest first):</source>
        <translation>&amp;Revisions (newest first):</translation>
    </message>
    <message>
        <source>Com&amp;pare with:</source>
        <translation>Com&amp;pare with:</translation>
    </message>
    <message>
        <source>Re&amp;store this revision</source>
        <translation>Re&amp;store this revision</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <source>Compare with revision</source>
        <translation>Compare with revision</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation>Restore this revision</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Checking the bundle…</source>
        <translation>Checking the bundle…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was stored.</source>
        <translation>Import cancelled: nothing was stored.</translation>
    </message>
    <message>
        <source>Someone unknown</source>
        <translation>Someone unknown</translation>
    </message>
    <message>
        <source>From you (%1)</source>
        <translation>From you (%1)</translation>
    </message>
    <message>
        <source>From %1, verified</source>
        <translation>From %1, verified</translation>
    </message>
    <message>
        <source>From %1, not verified</source>
        <translation>From %1, not verified</translation>
    </message>
    <message>
        <source>From %1, not among your contacts</source>
        <translation>From %1, not among your contacts</translation>
    </message>
    <message>
        <source>A bundle you made on %1.</source>
        <translation>A bundle you made on %1.</translation>
    </message>
    <message>
        <source>Signed by %2 on %1, with the keys you verified. Nothing was altered.</source>
        <translation>Signed by %2 on %1, with the keys you verified. Nothing was altered.</translation>
    </message>
    <message>
        <source>Signed by %2 on %1, nothing was altered. You have not compared the safety number with %2 yet (Contacts).</source>
        <translation>Signed by %2 on %1, nothing was altered. You have not compared the safety number with %2 yet (Contacts).</translation>
    </message>
    <message>
        <source>Signed on %1 by keys you do not have. Before you import it, compare this safety number with %2 in person or by phone. Importing adds %2 to your contacts, not verified.</source>
        <translation>Signed on %1 by keys you do not have. Before you import it, compare this safety number with %2 in person or by phone. Importing adds %2 to your contacts, not verified.</translation>
    </message>
    <message>
        <source>Careful: you already have a contact called %1 with other keys. This may be someone else.</source>
        <translation>Careful: you already have a contact called %1 with other keys. This may be someone else.</translation>
    </message>
    <message>
        <source>Safety number with %1</source>
        <translation>Safety number with %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new entries</source>
        <translation>
            <numerusform>%n new entry</numerusform>
            <numerusform>%n new entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated entries</source>
        <translation>
            <numerusform>%n updated entry</numerusform>
            <numerusform>%n updated entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged entries</source>
        <translation>
            <numerusform>%n unchanged entry</numerusform>
            <numerusform>%n unchanged entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachments</source>
        <translation>
            <numerusform>%n attachment</numerusform>
            <numerusform>%n attachments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comments</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sign-offs</source>
        <translation>
            <numerusform>%n sign-off</numerusform>
            <numerusform>%n sign-offs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review records in all (replies, statuses and resolutions included)</source>
        <translation>
            <numerusform>%n review record in all (replies, statuses and resolutions included)</numerusform>
            <numerusform>%n review records in all (replies, statuses and resolutions included)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachments not included by the sender</source>
        <translation>
            <numerusform>%n attachment not included by the sender</numerusform>
            <numerusform>%n attachments not included by the sender</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries whose research consent is withdrawn</source>
        <translation>
            <numerusform>%n entry whose research consent is withdrawn</numerusform>
            <numerusform>%n entries whose research consent is withdrawn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comments or sign-offs this version cannot import yet</source>
        <translation>
            <numerusform>%n comment or sign-off this version cannot import yet</numerusform>
            <numerusform>%n comments or sign-offs this version cannot import yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent for the bundle: %1</source>
        <translation>Consent for the bundle: %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>This bundle was already imported. Nothing changed.</source>
        <translation>This bundle was already imported. Nothing changed.</translation>
    </message>
    <message numerus="yes">
        <source>%n comments, replies or sign-offs</source>
        <translation>
            <numerusform>%n comment, reply or sign-off</numerusform>
            <numerusform>%n comments, replies or sign-offs</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported from %1:</source>
        <translation>Imported from %1:</translation>
    </message>
    <message numerus="yes">
        <source>%n entries now have two versions side by side (edited in two places)</source>
        <translation>
            <numerusform>%n entry now has two versions side by side (edited in two places)</numerusform>
            <numerusform>%n entries now have two versions side by side (edited in two places)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was added to your contacts, not verified.</source>
        <translation>%1 was added to your contacts, not verified.</translation>
    </message>
    <message>
        <source>The file changed on disk after you opened it. What you saw was imported, not the file there now. If you did not change it, someone or something with access to that folder did.</source>
        <translation>The file changed on disk after you opened it. What you saw was imported, not the file there now. If you did not change it, someone or something with access to that folder did.</translation>
    </message>
    <message>
        <source>You find them under Received in the sidebar. They are read-only.</source>
        <translation>You find them under Received in the sidebar. They are read-only.</translation>
    </message>
    <message>
        <source>The feedback shows in the entries it is about, beside their text.</source>
        <translation>The feedback shows in the entries it is about, beside their text.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Open a bundle</source>
        <translation>Open a bundle</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Safety number</translation>
    </message>
    <message>
        <source>I &amp;compared the safety number with the sender and it matches</source>
        <translation>I &amp;compared the safety number with the sender and it matches</translation>
    </message>
    <message>
        <source>I compared the safety number</source>
        <translation>I compared the safety number</translation>
    </message>
    <message>
        <source>You already imported this bundle. Importing it again changes nothing.</source>
        <translation>You already imported this bundle. Importing it again changes nothing.</translation>
    </message>
    <message>
        <source>Entries in the bundle</source>
        <translation>Entries in the bundle</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Show the received entries</source>
        <translation>&amp;Show the received entries</translation>
    </message>
    <message>
        <source>Show the received entries</source>
        <translation>Show the received entries</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to ReflectDesk</source>
        <translation>Welcome to ReflectDesk</translation>
    </message>
    <message>
        <source>Your practicum journal: private, structured, yours.</source>
        <translation>Your practicum journal: private, structured, yours.</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer, encrypted with a passphrase only you know. You decide what your mentor and your university see.

Choose the language of the app. You can change it later in Settings.</source>
        <translation>Everything you write stays on this computer, encrypted with a passphrase only you know. You decide what your mentor and your university see.

Choose the language of the app. You can change it later in Settings.</translation>
    </message>
    <message>
        <source>I have a backup: &amp;restore it…</source>
        <translation>I have a backup: &amp;restore it…</translation>
    </message>
    <message>
        <source>Restore a journal from a backup</source>
        <translation>Restore a journal from a backup</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ReflectDesk</source>
        <extracomment>Up to this many entries the list is fetched on the GUI thread (a few ms); above, on a worker, so that 10,000 entries never freeze the window.</extracomment>
        <translation>ReflectDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;New entry…</source>
        <translation>&amp;New entry…</translation>
    </message>
    <message>
        <source>New &amp;journal…</source>
        <translation>New &amp;journal…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;History…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Show &amp;preview</source>
        <translation>Show &amp;preview</translation>
    </message>
    <message>
        <source>Go to &amp;sidebar</source>
        <translation>Go to &amp;sidebar</translation>
    </message>
    <message>
        <source>Go to entry &amp;list</source>
        <translation>Go to entry &amp;list</translation>
    </message>
    <message>
        <source>Go to &amp;editor</source>
        <translation>Go to &amp;editor</translation>
    </message>
    <message>
        <source>&amp;About ReflectDesk</source>
        <translation>&amp;About ReflectDesk</translation>
    </message>
    <message>
        <source>&amp;Share entries…</source>
        <translation>&amp;Share entries…</translation>
    </message>
    <message>
        <source>&amp;Open bundle…</source>
        <translation>&amp;Open bundle…</translation>
    </message>
    <message>
        <source>Import &amp;many bundles…</source>
        <translation>Import &amp;many bundles…</translation>
    </message>
    <message>
        <source>Import a fol&amp;der of bundles…</source>
        <translation>Import a fol&amp;der of bundles…</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Contacts</translation>
    </message>
    <message>
        <source>&amp;Share the selected entries…</source>
        <translation>&amp;Share the selected entries…</translation>
    </message>
    <message>
        <source>&amp;Withdraw research consent…</source>
        <translation>&amp;Withdraw research consent…</translation>
    </message>
    <message>
        <source>S&amp;ync and exchange points…</source>
        <translation>S&amp;ync and exchange points…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>Choose an entry on the left, or start a new one with Ctrl+N.

Ctrl+F searches, Ctrl+L locks.</source>
        <translation>Choose an entry on the left, or start a new one with Ctrl+N.

Ctrl+F searches, Ctrl+L locks.</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>%1 (received)</source>
        <translation>%1 (received)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries in total</source>
        <translation>
            <numerusform>%n entry in total</numerusform>
            <numerusform>%n entries in total</numerusform>
        </translation>
    </message>
    <message>
        <source>My practicum journal</source>
        <translation>My practicum journal</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>No entries match.</translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>About ReflectDesk</source>
        <translation>About ReflectDesk</translation>
    </message>
    <message>
        <source>Bundles and contact cards (*.rdbundle *.rdcard)</source>
        <translation>Bundles and contact cards (*.rdbundle *.rdcard)</translation>
    </message>
    <message>
        <source>Contact cards (*.rdcard)</source>
        <translation>Contact cards (*.rdcard)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Bundles (*.rdbundle)</source>
        <translation>Bundles (*.rdbundle)</translation>
    </message>
</context>
<context>
    <name>MyCardPanel</name>
    <message>
        <source>Key: %1</source>
        <extracomment>A new key pair: every safety number changed (the contacts page redraws).</extracomment>
        <translation>Key: %1</translation>
    </message>
    <message>
        <source>Contact cards (*.rdcard)</source>
        <translation>Contact cards (*.rdcard)</translation>
    </message>
    <message>
        <source>Save my card</source>
        <translation>Save my card</translation>
    </message>
    <message>
        <source>Your card was saved to %1.</source>
        <translation>Your card was saved to %1.</translation>
    </message>
    <message>
        <source>Give this file to the people you will share with (USB stick, e-mail). It holds only public keys. Then compare the safety number with each of them.</source>
        <translation>Give this file to the people you will share with (USB stick, e-mail). It holds only public keys. Then compare the safety number with each of them.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG image (*.svg)</translation>
    </message>
    <message>
        <source>Save my QR code</source>
        <translation>Save my QR code</translation>
    </message>
    <message>
        <source>My old key &amp;vouches for the new card (recommended)</source>
        <translation>My old key &amp;vouches for the new card (recommended)</translation>
    </message>
    <message>
        <source>My old key vouches for the new card</source>
        <translation>My old key vouches for the new card</translation>
    </message>
    <message>
        <source>New key pair</source>
        <translation>New key pair</translation>
    </message>
    <message>
        <source>Make a new key pair?</source>
        <translation>Make a new key pair?</translation>
    </message>
    <message>
        <source>Your contacts need your new card to send you bundles: you save it next and give it to them. Bundles sent to your old key still open, and your entries stay yours.

Leave the box ticked so that your old key signs the new card: your contacts then take it without checking again. Untick it only if your old key was lost or someone else may have it; your contacts must then compare the safety number with you again.</source>
        <translation>Your contacts need your new card to send you bundles: you save it next and give it to them. Bundles sent to your old key still open, and your entries stay yours.

Leave the box ticked so that your old key signs the new card: your contacts then take it without checking again. Untick it only if your old key was lost or someone else may have it; your contacts must then compare the safety number with you again.</translation>
    </message>
    <message>
        <source>Make new keys</source>
        <translation>Make new keys</translation>
    </message>
    <message>
        <source>Save my new card</source>
        <translation>Save my new card</translation>
    </message>
    <message>
        <source>The card is signed by your old key too: give it to your contacts and they take it without checking again. Bundles sent to your old key still open, and your entries stay yours.</source>
        <translation>The card is signed by your old key too: give it to your contacts and they take it without checking again. Bundles sent to your old key still open, and your entries stay yours.</translation>
    </message>
    <message>
        <source>Give the card to your contacts: they must compare the safety number with you again. Bundles sent to your old key still open, and your entries stay yours.</source>
        <translation>Give the card to your contacts: they must compare the safety number with you again. Bundles sent to your old key still open, and your entries stay yours.</translation>
    </message>
    <message>
        <source>Your new keys (%1) are ready. Their card was saved to %2.</source>
        <translation>Your new keys (%1) are ready. Their card was saved to %2.</translation>
    </message>
    <message>
        <source>Revoke my keys</source>
        <translation>Revoke my keys</translation>
    </message>
    <message>
        <source>Revoke your keys?</source>
        <translation>Revoke your keys?</translation>
    </message>
    <message>
        <source>This writes a revocation of your current keys. Give it to your contacts: when they import it (like a card), they stop trusting these keys, refuse bundles signed with them and send you nothing more with them. Do this if your keys were lost or someone else may have them.

Then make a new key pair, not vouched for by the old key, and give your contacts its card: they compare the safety number with you again.</source>
        <translation>This writes a revocation of your current keys. Give it to your contacts: when they import it (like a card), they stop trusting these keys, refuse bundles signed with them and send you nothing more with them. Do this if your keys were lost or someone else may have them.

Then make a new key pair, not vouched for by the old key, and give your contacts its card: they compare the safety number with you again.</translation>
    </message>
    <message>
        <source>Save the revocation…</source>
        <translation>Save the revocation…</translation>
    </message>
    <message>
        <source>Save the revocation</source>
        <translation>Save the revocation</translation>
    </message>
    <message>
        <source>The revocation was saved to %1.</source>
        <translation>The revocation was saved to %1.</translation>
    </message>
    <message>
        <source>Give it to your contacts: they import it like a card. Make a new key pair now? Its card is not signed by the revoked keys, so your contacts compare the safety number with you again.</source>
        <translation>Give it to your contacts: they import it like a card. Make a new key pair now? Its card is not signed by the revoked keys, so your contacts compare the safety number with you again.</translation>
    </message>
    <message>
        <source>Make a new key pair</source>
        <translation>Make a new key pair</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Saving the revocation…</source>
        <translation>Saving the revocation…</translation>
    </message>
    <message>
        <source>Making a new key pair…</source>
        <translation>Making a new key pair…</translation>
    </message>
    <message>
        <source>Your new card is not saved yet. Save it with “Save my card…” and give it to your contacts.</source>
        <translation>Your new card is not saved yet. Save it with “Save my card…” and give it to your contacts.</translation>
    </message>
    <message>
        <source>My card</source>
        <translation>My card</translation>
    </message>
    <message>
        <source>Your card as a QR code: it holds your name, role and public keys.</source>
        <translation>Your card as a QR code: it holds your name, role and public keys.</translation>
    </message>
    <message>
        <source>QR code of my card</source>
        <translation>QR code of my card</translation>
    </message>
    <message>
        <source>&amp;Save my card…</source>
        <translation>&amp;Save my card…</translation>
    </message>
    <message>
        <source>QR as &amp;PNG…</source>
        <translation>QR as &amp;PNG…</translation>
    </message>
    <message>
        <source>Save the QR code as PNG</source>
        <translation>Save the QR code as PNG</translation>
    </message>
    <message>
        <source>QR as SV&amp;G…</source>
        <translation>QR as SV&amp;G…</translation>
    </message>
    <message>
        <source>Save the QR code as SVG</source>
        <translation>Save the QR code as SVG</translation>
    </message>
    <message>
        <source>My keys</source>
        <translation>My keys</translation>
    </message>
    <message>
        <source>New &amp;key pair…</source>
        <translation>New &amp;key pair…</translation>
    </message>
    <message>
        <source>&amp;Revoke my keys…</source>
        <translation>&amp;Revoke my keys…</translation>
    </message>
</context>
<context>
    <name>NewJournalDialog</name>
    <message>
        <source>Give the journal a name, for example the practicum it is for.</source>
        <translation>Give the journal a name, for example the practicum it is for.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>The name is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>You already have a journal with this name: choose another.</source>
        <translation>You already have a journal with this name: choose another.</translation>
    </message>
    <message>
        <source>New journal</source>
        <translation>New journal</translation>
    </message>
    <message>
        <source>A journal holds the entries of one practicum or course. You can have several; each entry belongs to one.</source>
        <translation>A journal holds the entries of one practicum or course. You can have several; each entry belongs to one.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Course or practicum (optional):</source>
        <translation>&amp;Course or practicum (optional):</translation>
    </message>
    <message>
        <source>&amp;Template for new entries (optional):</source>
        <translation>&amp;Template for new entries (optional):</translation>
    </message>
    <message>
        <source>e.g. Professional practicum II</source>
        <translation>e.g. Professional practicum II</translation>
    </message>
    <message>
        <source>e.g. Practicum II, 2nd semester 2026</source>
        <translation>e.g. Practicum II, 2nd semester 2026</translation>
    </message>
    <message>
        <source>None: choose each time</source>
        <translation>None: choose each time</translation>
    </message>
    <message>
        <source>New entries in this journal start with this template chosen.</source>
        <translation>New entries in this journal start with this template chosen.</translation>
    </message>
    <message>
        <source>Name of the journal</source>
        <translation>Name of the journal</translation>
    </message>
    <message>
        <source>Course or practicum</source>
        <translation>Course or practicum</translation>
    </message>
    <message>
        <source>Template for new entries</source>
        <translation>Template for new entries</translation>
    </message>
    <message>
        <source>C&amp;reate journal</source>
        <translation>C&amp;reate journal</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>New &amp;passphrase:</source>
        <translation>New &amp;passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repeat it:</translation>
    </message>
    <message>
        <source>&amp;Show passphrase</source>
        <translation>&amp;Show passphrase</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repeat the new passphrase</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Show passphrase</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <source>A new recovery key replaces the one you saved: the old key stops opening this vault. Do this if someone may have seen or found your recovery key. Copies of the vault made before now (backups) still open with the old key.</source>
        <translation>A new recovery key replaces the one you saved: the old key stops opening this vault. Do this if someone may have seen or found your recovery key. Copies of the vault made before now (backups) still open with the old key.</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>C&amp;urrent passphrase:</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>Your new recovery key, shown only now. Save it as a PDF or print it, and destroy the old one.</source>
        <translation>Your new recovery key, shown only now. Save it as a PDF or print it, and destroy the old one.</translation>
    </message>
    <message>
        <source>I &amp;saved or wrote down the new recovery key</source>
        <translation>I &amp;saved or wrote down the new recovery key</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>&amp;Make a new key</source>
        <translation>&amp;Make a new key</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Make a new recovery key</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Choose a passphrase</translation>
    </message>
    <message>
        <source>It encrypts everything you write. Nobody can reset it.</source>
        <translation>It encrypts everything you write. Nobody can reset it.</translation>
    </message>
    <message>
        <source>A passphrase is a password made of several words. Pick four or more words that have nothing to do with each other, and that you will remember.</source>
        <translation>A passphrase is a password made of several words. Pick four or more words that have nothing to do with each other, and that you will remember.</translation>
    </message>
    <message>
        <source>&amp;Create my vault</source>
        <translation>&amp;Create my vault</translation>
    </message>
</context>
<context>
    <name>PortfolioDialog</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Web pages (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>portfolio</source>
        <translation>portfolio</translation>
    </message>
    <message>
        <source>Preparing the entries…</source>
        <translation>Preparing the entries…</translation>
    </message>
    <message>
        <source>Drawing the pages…</source>
        <translation>Drawing the pages…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries with their feedback saved to %1.</source>
        <translation>
            <numerusform>%n entry with its feedback saved to %1.</numerusform>
            <numerusform>%n entries with their feedback saved to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>The export failed: nothing was written.</source>
        <translation>The export failed: nothing was written.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Export to PDF or HTML</source>
        <translation>Export to PDF or HTML</translation>
    </message>
    <message>
        <source>Export with its comments and sign-offs:</source>
        <translation>Export with its comments and sign-offs:</translation>
    </message>
    <message>
        <source>&amp;This entry</source>
        <translation>&amp;This entry</translation>
    </message>
    <message>
        <source>The whole &amp;journal “%1”</source>
        <translation>The whole &amp;journal “%1”</translation>
    </message>
    <message>
        <source>The whole &amp;journal</source>
        <translation>The whole &amp;journal</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>PDF (to print or hand in)</source>
        <translation>PDF (to print or hand in)</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Web page (HTML)</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>The exported file is not encrypted: anyone who gets it can read the entries, the comments and the sign-offs.</source>
        <translation>The exported file is not encrypted: anyone who gets it can read the entries, the comments and the sign-offs.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Standards:</source>
        <translation>Standards:</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>About you</source>
        <translation>About you</translation>
    </message>
    <message>
        <source>This shapes the app around what you do.</source>
        <translation>This shapes the app around what you do.</translation>
    </message>
    <message>
        <source>I am a…</source>
        <translation>I am a…</translation>
    </message>
    <message>
        <source>&amp;Student teacher</source>
        <translation>&amp;Student teacher</translation>
    </message>
    <message>
        <source>I write reflections on my practicum and share them when I choose.</source>
        <translation>I write reflections on my practicum and share them when I choose.</translation>
    </message>
    <message>
        <source>School &amp;mentor (profesor/a guía)</source>
        <translation>School &amp;mentor (profesor/a guía)</translation>
    </message>
    <message>
        <source>I read my student teachers&apos; journals and give feedback.</source>
        <translation>I read my student teachers&apos; journals and give feedback.</translation>
    </message>
    <message>
        <source>&amp;University educator or researcher</source>
        <translation>&amp;University educator or researcher</translation>
    </message>
    <message>
        <source>I supervise students and build case studies from consented entries.</source>
        <translation>I supervise students and build case studies from consented entries.</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Display &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Institution (optional):</source>
        <translation>&amp;Institution (optional):</translation>
    </message>
    <message>
        <source>e.g. Camila Pérez</source>
        <translation>e.g. Camila Pérez</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Your name is stored encrypted. Others see it only in what you share with them.</source>
        <translation>Your name is stored encrypted. Others see it only in what you share with them.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Measuring this computer&apos;s speed…</source>
        <translation>Measuring this computer&apos;s speed…</translation>
    </message>
    <message>
        <source>Deriving the key from your passphrase…</source>
        <translation>Deriving the key from your passphrase…</translation>
    </message>
    <message>
        <source>Creating your encrypted vault…</source>
        <translation>Creating your encrypted vault…</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>Preparing search…</translation>
    </message>
    <message>
        <source>Converting the vault to the new encrypted format (once)…</source>
        <translation>Converting the vault to the new encrypted format (once)…</translation>
    </message>
    <message>
        <source>Checking the converted vault…</source>
        <translation>Checking the converted vault…</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>Opening the vault…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>PromptField</name>
    <message>
        <source>* The template asks you to answer this.</source>
        <translation>* The template asks you to answer this.</translation>
    </message>
</context>
<context>
    <name>PseudonymiseDialog</name>
    <message>
        <source>student</source>
        <translation>student</translation>
    </message>
    <message>
        <source>mentor</source>
        <translation>mentor</translation>
    </message>
    <message>
        <source>tutor</source>
        <translation>tutor</translation>
    </message>
    <message>
        <source>colleague</source>
        <translation>colleague</translation>
    </message>
    <message>
        <source>pupil</source>
        <translation>pupil</translation>
    </message>
    <message>
        <source>school</source>
        <translation>school</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>commune</translation>
    </message>
    <message>
        <source>other person</source>
        <translation>other person</translation>
    </message>
    <message>
        <source>name of two people</source>
        <translation>name of two people</translation>
    </message>
    <message>
        <source>RUT</source>
        <translation>RUT</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>Looking for names, RUTs, e-mail addresses and phones…</source>
        <translation>Looking for names, RUTs, e-mail addresses and phones…</translation>
    </message>
    <message>
        <source>Term added as %1; it does not appear in the texts.</source>
        <translation>Term added as %1; it does not appear in the texts.</translation>
    </message>
    <message>
        <source>Term added as %1.</source>
        <translation>Term added as %1.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Stopped: nothing was changed.</source>
        <translation>Stopped: nothing was changed.</translation>
    </message>
    <message>
        <source>%1 of %2 accepted</source>
        <translation>%1 of %2 accepted</translation>
    </message>
    <message>
        <source>Accepted: it will be replaced.</source>
        <translation>Accepted: it will be replaced.</translation>
    </message>
    <message>
        <source>Skipped: it stays as written.</source>
        <translation>Skipped: it stays as written.</translation>
    </message>
    <message>
        <source>Making the replacements…</source>
        <translation>Making the replacements…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries still wait for their pseudonyms: exports stay blocked until every replacement in them is accepted.</source>
        <translation>
            <numerusform>%n entry still waits for its pseudonyms: exports stay blocked until every replacement in it is accepted.</numerusform>
            <numerusform>%n entries still wait for their pseudonyms: exports stay blocked until every replacement in them is accepted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Review pseudonyms again to accept what was skipped in them.</source>
        <translation>Review pseudonyms again to accept what was skipped in them.</translation>
    </message>
    <message>
        <source>Making the replacements… please wait.</source>
        <translation>Making the replacements… please wait.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries may only be used pseudonymised and have skipped replacements: exports stay blocked until those entries are pseudonymised.</source>
        <translation>
            <numerusform>%n entry may only be used pseudonymised and has skipped replacements: exports stay blocked until it is pseudonymised.</numerusform>
            <numerusform>%n entries may only be used pseudonymised and have skipped replacements: exports stay blocked until those entries are pseudonymised.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to replace: no names, RUTs, e-mail addresses or phone numbers were found. Add a term if someone is missing.</source>
        <translation>Nothing to replace: no names, RUTs, e-mail addresses or phone numbers were found. Add a term if someone is missing.</translation>
    </message>
    <message>
        <source>Review pseudonyms</source>
        <translation>Review pseudonyms</translation>
    </message>
    <message>
        <source>Review the proposed pseudonyms</source>
        <translation>Review the proposed pseudonyms</translation>
    </message>
    <message>
        <source>Tick each replacement you accept; unticked ones are skipped and stay as written. Space ticks or unticks, the arrow keys move. The list of who is who stays in this vault: it is never exported.</source>
        <translation>Tick each replacement you accept; unticked ones are skipped and stay as written. Space ticks or unticks, the arrow keys move. The list of who is who stays in this vault: it is never exported.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>Kind of term</source>
        <translation>Kind of term</translation>
    </message>
    <message>
        <source>Name of the term</source>
        <translation>Name of the term</translation>
    </message>
    <message>
        <source>Other forms of the term</source>
        <translation>Other forms of the term</translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation>&amp;Search again</translation>
    </message>
    <message>
        <source>Proposed replacements, grouped by term</source>
        <translation>Proposed replacements, grouped by term</translation>
    </message>
    <message>
        <source>&amp;Before:</source>
        <translation>&amp;Before:</translation>
    </message>
    <message>
        <source>A&amp;fter:</source>
        <translation>A&amp;fter:</translation>
    </message>
    <message>
        <source>The text as written</source>
        <translation>The text as written</translation>
    </message>
    <message>
        <source>The text with the pseudonym</source>
        <translation>The text with the pseudonym</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>S&amp;kip</translation>
    </message>
    <message>
        <source>Accept all for this &amp;term</source>
        <translation>Accept all for this &amp;term</translation>
    </message>
    <message>
        <source>Accept a&amp;ll</source>
        <translation>Accept a&amp;ll</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>Skip all</translation>
    </message>
    <message>
        <source>Add t&amp;erm…</source>
        <translation>Add t&amp;erm…</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Other forms:</source>
        <translation>&amp;Other forms:</translation>
    </message>
    <message>
        <source>separated by commas: Martina, la Martina</source>
        <translation>separated by commas: Martina, la Martina</translation>
    </message>
    <message>
        <source>A&amp;dd and search again</source>
        <translation>A&amp;dd and search again</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>A&amp;pply</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>This entry has no text.</source>
        <translation>This entry has no text.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Entry %1 of %2 from %3</source>
        <translation>Entry %1 of %2 from %3</translation>
    </message>
    <message>
        <source>not read yet: %1, updated since: %2</source>
        <translation>not read yet: %1, updated since: %2</translation>
    </message>
    <message>
        <source>New: you had not read this entry before.</source>
        <translation>New: you had not read this entry before.</translation>
    </message>
    <message>
        <source>Updated since you last read it (version %1, now %2): what changed is highlighted.</source>
        <translation>Updated since you last read it (version %1, now %2): what changed is highlighted.</translation>
    </message>
    <message>
        <source>Entry &amp;list</source>
        <translation>Entry &amp;list</translation>
    </message>
    <message>
        <source>Keep the entry list while reading</source>
        <translation>Keep the entry list while reading</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Previous</translation>
    </message>
    <message>
        <source>Previous entry</source>
        <translation>Previous entry</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Next ▶</translation>
    </message>
    <message>
        <source>Next entry</source>
        <translation>Next entry</translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation>Co&amp;mment</translation>
    </message>
    <message>
        <source>Comment on the selected text</source>
        <translation>Comment on the selected text</translation>
    </message>
    <message>
        <source>Select text in a section, then Ctrl+Alt+M</source>
        <translation>Select text in a section, then Ctrl+Alt+M</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Comment…</translation>
    </message>
    <message>
        <source>Show all &amp;changes…</source>
        <translation>Show all &amp;changes…</translation>
    </message>
    <message>
        <source>Show all changes since you last read</source>
        <translation>Show all changes since you last read</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Entry text</translation>
    </message>
    <message>
        <source>Reading view</source>
        <translation>Reading view</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>Add a contact first: there is no one to share with yet.</source>
        <translation>Add a contact first: there is no one to share with yet.</translation>
    </message>
    <message>
        <source>Choose at least one person: click their row.</source>
        <translation>Choose at least one person: click their row.</translation>
    </message>
    <message>
        <source>Not verified yet: %1. Compare the safety number with them (Contacts) so you know the bundle can only be opened by them.</source>
        <translation>Not verified yet: %1. Compare the safety number with them (Contacts) so you know the bundle can only be opened by them.</translation>
    </message>
    <message numerus="yes">
        <source>%n people chosen, and you</source>
        <translation>
            <numerusform>%n person chosen, and you</numerusform>
            <numerusform>%n people chosen, and you</numerusform>
        </translation>
    </message>
    <message>
        <source>Who may open it?</source>
        <translation>Who may open it?</translation>
    </message>
    <message>
        <source>Your comments, replies and sign-offs, in one bundle encrypted to these people and signed by you.</source>
        <translation>Your comments, replies and sign-offs, in one bundle encrypted to these people and signed by you.</translation>
    </message>
    <message>
        <source>The bundle is encrypted to exactly these people and signed by you.</source>
        <translation>The bundle is encrypted to exactly these people and signed by you.</translation>
    </message>
    <message>
        <source>%1 (you): always included, so you can open your own bundle.</source>
        <translation>%1 (you): always included, so you can open your own bundle.</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Click a row or press Space to choose a person; chosen rows are ticked.</source>
        <translation>Click a row or press Space to choose a person; chosen rows are ticked.</translation>
    </message>
    <message>
        <source>You have no contacts yet. Import their card on the Contacts page first.</source>
        <translation>You have no contacts yet. Import their card on the Contacts page first.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover with your recovery key</source>
        <translation>Recover with your recovery key</translation>
    </message>
    <message>
        <source>Type the recovery key you saved or printed when you created your vault, then choose a new passphrase. Your entries stay as they are.</source>
        <translation>Type the recovery key you saved or printed when you created your vault, then choose a new passphrase. Your entries stay as they are.</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Re&amp;cover</source>
        <translation>Re&amp;cover</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Recover</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Your recovery key</translation>
    </message>
    <message>
        <source>Shown only now. Save it as a PDF or print it.</source>
        <translation>Shown only now. Save it as a PDF or print it.</translation>
    </message>
    <message>
        <source>If you forget your passphrase, this key is the only way back into your journal. Nobody else has a copy, not even ReflectDesk.</source>
        <translation>If you forget your passphrase, this key is the only way back into your journal. Nobody else has a copy, not even ReflectDesk.</translation>
    </message>
    <message>
        <source>Keep it away from this computer, like a spare house key. Anyone with the key and your computer can read your journal.</source>
        <translation>Keep it away from this computer, like a spare house key. Anyone with the key and your computer can read your journal.</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>ReflectDesk recovery key</source>
        <translation>ReflectDesk recovery key</translation>
    </message>
    <message>
        <source>This key opens your ReflectDesk vault if you forget your passphrase. Anyone who has it and your computer can read your journal: keep this page somewhere safe, away from the computer, and do not photograph it or send it by e-mail.</source>
        <translation>This key opens your ReflectDesk vault if you forget your passphrase. Anyone who has it and your computer can read your journal: keep this page somewhere safe, away from the computer, and do not photograph it or send it by e-mail.</translation>
    </message>
    <message>
        <source>Written on {date}. Spaces and dashes do not matter when you type it.</source>
        <translation>Written on {date}. Spaces and dashes do not matter when you type it.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Print the recovery key</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Choose a backup</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>ReflectDesk backups (*.rdbackup)</source>
        <translation>ReflectDesk backups (*.rdbackup)</translation>
    </message>
    <message>
        <source>Where the restored journal goes</source>
        <translation>Where the restored journal goes</translation>
    </message>
    <message>
        <source>Journal restored</source>
        <translation>Journal restored</translation>
    </message>
    <message>
        <source>The backup was checked and restored into %1.</source>
        <translation>The backup was checked and restored into %1.</translation>
    </message>
    <message>
        <source>It opens with the passphrase it had when the backup was made.</source>
        <translation>It opens with the passphrase it had when the backup was made.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>&amp;Backup:</translation>
    </message>
    <message>
        <source>Restore &amp;into:</source>
        <translation>Restore &amp;into:</translation>
    </message>
    <message>
        <source>&amp;Passphrase or key:</source>
        <translation>&amp;Passphrase or key:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>Choose &amp;folder…</translation>
    </message>
    <message>
        <source>Choose where the restored journal goes</source>
        <translation>Choose where the restored journal goes</translation>
    </message>
    <message>
        <source>With the passphrase</source>
        <translation>With the passphrase</translation>
    </message>
    <message>
        <source>With the recovery key</source>
        <translation>With the recovery key</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Passphrase or recovery key</source>
        <translation>Passphrase or recovery key</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <source>New folder for the restored journal</source>
        <translation>New folder for the restored journal</translation>
    </message>
    <message>
        <source>The backup is checked in full first. It goes into a new folder: your current journal is not touched.</source>
        <translation>The backup is checked in full first. It goes into a new folder: your current journal is not touched.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Restore progress</source>
        <translation>Restore progress</translation>
    </message>
</context>
<context>
    <name>ReviewBadgeText</name>
    <message>
        <source>Signed off, changed</source>
        <translation>Signed off, changed</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Signed off</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Marked ready for feedback.</source>
        <translation>Marked ready for feedback.</translation>
    </message>
    <message numerus="yes">
        <source>%n comments and replies from others.</source>
        <translation>
            <numerusform>%n comment or reply from others.</numerusform>
            <numerusform>%n comments and replies from others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them since your last reply or edit.</source>
        <translation>
            <numerusform>%n of them since your last reply or edit.</numerusform>
            <numerusform>%n of them since your last reply or edit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open threads.</source>
        <translation>
            <numerusform>%n open thread.</numerusform>
            <numerusform>%n open threads.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed off on an earlier version; the entry changed since.</source>
        <translation>Signed off on an earlier version; the entry changed since.</translation>
    </message>
    <message>
        <source>Signed off on this version.</source>
        <translation>Signed off on this version.</translation>
    </message>
</context>
<context>
    <name>ReviewMargin</name>
    <message>
        <source>No comments yet.</source>
        <translation>No comments yet.</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Term → pseudonym</source>
        <translation>Term → pseudonym</translation>
    </message>
    <message>
        <source>Kind · as written</source>
        <translation>Kind · as written</translation>
    </message>
    <message>
        <source>Found · decision</source>
        <translation>Found · decision</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrences</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 accepted</source>
        <translation>%1 of %2 accepted</translation>
    </message>
    <message>
        <source>%1
This entry may only be used pseudonymised: if this is skipped, exports wait until it is accepted.</source>
        <translation>%1
This entry may only be used pseudonymised: if this is skipped, exports wait until it is accepted.</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
</context>
<context>
    <name>ReviewNav</name>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Waiting for feedback (%1)</source>
        <translation>Waiting for feedback (%1)</translation>
    </message>
    <message>
        <source>Triad overview</source>
        <translation>Triad overview</translation>
    </message>
    <message>
        <source>Cohort dashboard</source>
        <translation>Cohort dashboard</translation>
    </message>
    <message>
        <source>Feedback (%1)</source>
        <translation>Feedback (%1)</translation>
    </message>
    <message>
        <source>Marked ready for feedback.</source>
        <translation>Marked ready for feedback.</translation>
    </message>
    <message>
        <source>Marked as draft.</source>
        <translation>Marked as draft.</translation>
    </message>
    <message>
        <source>&amp;Ready for feedback</source>
        <translation>&amp;Ready for feedback</translation>
    </message>
    <message>
        <source>Mark this entry ready for your mentor&apos;s feedback (it travels in your bundle)</source>
        <translation>Mark this entry ready for your mentor&apos;s feedback (it travels in your bundle)</translation>
    </message>
    <message>
        <source>Send &amp;feedback…</source>
        <translation>Send &amp;feedback…</translation>
    </message>
    <message>
        <source>E&amp;xport to PDF/HTML…</source>
        <translation>E&amp;xport to PDF/HTML…</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries waiting</source>
        <translation>
            <numerusform>%n entry waiting</numerusform>
            <numerusform>%n entries waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Waits for feedback and sign-off</source>
        <translation>Waits for feedback and sign-off</translation>
    </message>
    <message>
        <source>Waits for feedback</source>
        <translation>Waits for feedback</translation>
    </message>
    <message>
        <source>Waits for sign-off</source>
        <translation>Waits for sign-off</translation>
    </message>
    <message>
        <source>Feedback on your entries</source>
        <translation>Feedback on your entries</translation>
    </message>
    <message>
        <source>Your entries with comments or a sign-off. The feedback shows beside your text when you open the entry; your replies travel in your next bundle.</source>
        <translation>Your entries with comments or a sign-off. The feedback shows beside your text when you open the entry; your replies travel in your next bundle.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>No feedback yet. Mark an entry “Ready for feedback” and share it with your mentor.</source>
        <translation>No feedback yet. Mark an entry “Ready for feedback” and share it with your mentor.</translation>
    </message>
    <message>
        <source>Waiting for your feedback</source>
        <translation>Waiting for your feedback</translation>
    </message>
    <message>
        <source>Per student, the entries marked ready that wait for your comments or your sign-off on their current version. Open one to read and comment; “Send feedback” builds the bundle back to the student.</source>
        <translation>Per student, the entries marked ready that wait for your comments or your sign-off on their current version. Open one to read and comment; “Send feedback” builds the bundle back to the student.</translation>
    </message>
    <message>
        <source>Student and entry</source>
        <translation>Student and entry</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <source>Nothing waits for your feedback.</source>
        <translation>Nothing waits for your feedback.</translation>
    </message>
    <message>
        <source>&amp;Open the entry</source>
        <translation>&amp;Open the entry</translation>
    </message>
    <message>
        <source>Send &amp;feedback…</source>
        <translation>Send &amp;feedback…</translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) changed</source>
        <translation>
            <numerusform>%n section changed</numerusform>
            <numerusform>%n sections changed</numerusform>
        </translation>
    </message>
    <message>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>tags</translation>
    </message>
    <message>
        <source>standards</source>
        <translation>standards</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>changed: %1</translation>
    </message>
    <message>
        <source>no change in the text</source>
        <translation>no change in the text</translation>
    </message>
    <message>
        <source>First version · %1</source>
        <translation>First version · %1</translation>
    </message>
    <message>
        <source>Versions merged · %1</source>
        <translation>Versions merged · %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Edited %1</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <source>Save the bundle</source>
        <translation>Save the bundle</translation>
    </message>
    <message>
        <source>Press “Queue it to send” to go on.</source>
        <translation>Press “Queue it to send” to go on.</translation>
    </message>
    <message>
        <source>Choose a folder for the bundle.</source>
        <translation>Choose a folder for the bundle.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to (is the USB stick still plugged in?): choose another one.</source>
        <translation>The folder %1 cannot be written to (is the USB stick still plugged in?): choose another one.</translation>
    </message>
    <message>
        <source>Press “Create the bundle” to go on.</source>
        <translation>Press “Create the bundle” to go on.</translation>
    </message>
    <message>
        <source>C&amp;reate the bundle</source>
        <translation>C&amp;reate the bundle</translation>
    </message>
    <message>
        <source>&amp;Queue it to send</source>
        <translation>&amp;Queue it to send</translation>
    </message>
    <message>
        <source>Create the bundle</source>
        <translation>Create the bundle</translation>
    </message>
    <message>
        <source>Queue it to send</source>
        <translation>Queue it to send</translation>
    </message>
    <message>
        <source>No folder chosen yet</source>
        <translation>No folder chosen yet</translation>
    </message>
    <message>
        <source>Where does it go?</source>
        <translation>Where does it go?</translation>
    </message>
    <message>
        <source>Send it through an exchange point, or save it in a folder (a USB stick, a shared folder…). The file is named by today&apos;s date and a short code, never by who or what is inside.</source>
        <translation>Send it through an exchange point, or save it in a folder (a USB stick, a shared folder…). The file is named by today&apos;s date and a short code, never by who or what is inside.</translation>
    </message>
    <message>
        <source>Choose a folder (a USB stick, a shared folder…). The file is named by today&apos;s date and a short code, never by who or what is inside.</source>
        <translation>Choose a folder (a USB stick, a shared folder…). The file is named by today&apos;s date and a short code, never by who or what is inside.</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <source>Folder for the bundle: choose</source>
        <translation>Folder for the bundle: choose</translation>
    </message>
    <message>
        <source>&amp;Send through exchange point %1</source>
        <translation>&amp;Send through exchange point %1</translation>
    </message>
    <message>
        <source>Send through exchange point %1</source>
        <translation>Send through exchange point %1</translation>
    </message>
    <message>
        <source>The bundle waits in the outbox and leaves with the next sync, when the exchange point can be reached. Only the recipients can open it.</source>
        <translation>The bundle waits in the outbox and leaves with the next sync, when the exchange point can be reached. Only the recipients can open it.</translation>
    </message>
    <message>
        <source>Save it in a &amp;folder:</source>
        <translation>Save it in a &amp;folder:</translation>
    </message>
    <message>
        <source>Save it in a folder</source>
        <translation>Save it in a folder</translation>
    </message>
    <message>
        <source>Folder (click to choose another):</source>
        <translation>Folder (click to choose another):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel creating the bundle</source>
        <translation>Cancel creating the bundle</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>SavedFile</name>
    <message>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>File: %1 (%2 KB)</source>
        <translation>File: %1 (%2 KB)</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Co&amp;py the path</source>
        <translation>Co&amp;py the path</translation>
    </message>
    <message>
        <source>Copy the path</source>
        <translation>Copy the path</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search entries (Ctrl+F)</source>
        <translation>Search entries (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search entries</source>
        <translation>Search entries</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Show filters</source>
        <translation>Show filters</translation>
    </message>
    <message>
        <source>Filter by journal, tag, template, standard or date</source>
        <translation>Filter by journal, tag, template, standard or date</translation>
    </message>
    <message>
        <source>&amp;Journal:</source>
        <translation>&amp;Journal:</translation>
    </message>
    <message>
        <source>T&amp;ag:</source>
        <translation>T&amp;ag:</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>Te&amp;mplate:</translation>
    </message>
    <message>
        <source>&amp;Standard:</source>
        <translation>&amp;Standard:</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>F&amp;rom:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>T&amp;o:</translation>
    </message>
    <message>
        <source>Filter by journal</source>
        <translation>Filter by journal</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Filter by tag</translation>
    </message>
    <message>
        <source>Filter by template</source>
        <translation>Filter by template</translation>
    </message>
    <message>
        <source>Filter by standard</source>
        <translation>Filter by standard</translation>
    </message>
    <message>
        <source>Filter from a date</source>
        <translation>Filter from a date</translation>
    </message>
    <message>
        <source>Filter up to a date</source>
        <translation>Filter up to a date</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>All journals</source>
        <translation>All journals</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>All templates</translation>
    </message>
    <message>
        <source>All standards</source>
        <translation>All standards</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Appearance:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>&amp;Text size:</translation>
    </message>
    <message>
        <source>Loc&amp;k automatically after:</source>
        <translation>Loc&amp;k automatically after:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Change passphrase…</source>
        <translation>&amp;Change passphrase…</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Recovery key:</translation>
    </message>
    <message>
        <source>&amp;New recovery key…</source>
        <translation>&amp;New recovery key…</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <source>These settings are kept in a small unencrypted file on this computer. It holds no journal text and no names.</source>
        <translation>These settings are kept in a small unencrypted file on this computer. It holds no journal text and no names.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Lock automatically after, in minutes</source>
        <translation>Lock automatically after, in minutes</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Student teacher</source>
        <translation>Student teacher</translation>
    </message>
    <message>
        <source>School mentor</source>
        <translation>School mentor</translation>
    </message>
    <message>
        <source>University educator</source>
        <translation>University educator</translation>
    </message>
    <message>
        <source>Recipients may only read it</source>
        <translation>Recipients may only read it</translation>
    </message>
    <message>
        <source>May be used in a research case study</source>
        <translation>May be used in a research case study</translation>
    </message>
    <message>
        <source>Research only after pseudonymisation</source>
        <translation>Research only after pseudonymisation</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>Keys changed: not verified</source>
        <translation>Keys changed: not verified</translation>
    </message>
    <message>
        <source>New key vouched by the old one: not verified</source>
        <translation>New key vouched by the old one: not verified</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Journal entries</translation>
    </message>
    <message>
        <source>Consent withdrawal</source>
        <translation>Consent withdrawal</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Contact card</translation>
    </message>
</context>
<context>
    <name>SheetButtons</name>
    <message>
        <source>Save the recovery key</source>
        <translation>Save the recovery key</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>ReflectDesk</source>
        <translation>ReflectDesk</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>The PDF could not be written.</translation>
    </message>
    <message>
        <source>Saved to %1. Print it, keep it safe, and delete the file.</source>
        <translation>Saved to %1. Print it, keep it safe, and delete the file.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>Save the recovery key as PDF</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Print the recovery key</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All entries</source>
        <translation>All entries</translation>
    </message>
    <message>
        <source>Journals</source>
        <translation>Journals</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Received from %1 (read only)</source>
        <translation>Received from %1 (read only)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Standards (MBE)</source>
        <translation>Standards (MBE)</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Sharing</translation>
    </message>
    <message>
        <source>Coming in a later version</source>
        <translation>Coming in a later version</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Case studies</source>
        <translation>Case studies</translation>
    </message>
    <message>
        <source>Journals, tags, templates and standards</source>
        <translation>Journals, tags, templates and standards</translation>
    </message>
</context>
<context>
    <name>SignOffBox</name>
    <message>
        <source>Signed off by %1 on %2, on version %3</source>
        <translation>Signed off by %1 on %2, on version %3</translation>
    </message>
    <message>
        <source>; changed since</source>
        <translation>; changed since</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>Overall: %1</source>
        <translation>Overall: %1</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>Withdraw this sign-off</source>
        <translation>Withdraw this sign-off</translation>
    </message>
</context>
<context>
    <name>SignOffPanel</name>
    <message>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>partly</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>— not judged</source>
        <translation>— not judged</translation>
    </message>
    <message>
        <source>Verdict for %1</source>
        <translation>Verdict for %1</translation>
    </message>
    <message>
        <source>Note for %1</source>
        <translation>Note for %1</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>The lowest verdict given</source>
        <translation>The lowest verdict given</translation>
    </message>
    <message>
        <source>Withdraw the sign-off</source>
        <translation>Withdraw the sign-off</translation>
    </message>
    <message>
        <source>Why do you withdraw it?</source>
        <translation>Why do you withdraw it?</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <source>Not signed off yet.</source>
        <translation>Not signed off yet.</translation>
    </message>
    <message>
        <source>Sign off this version against the standards: for each, met, partly or not yet, with a note. It is signed with your key and bound to this exact version.</source>
        <translation>Sign off this version against the standards: for each, met, partly or not yet, with a note. It is signed with your key and bound to this exact version.</translation>
    </message>
    <message>
        <source>Add a stan&amp;dard…</source>
        <translation>Add a stan&amp;dard…</translation>
    </message>
    <message>
        <source>Add a standard</source>
        <translation>Add a standard</translation>
    </message>
    <message>
        <source>&amp;Overall:</source>
        <translation>&amp;Overall:</translation>
    </message>
    <message>
        <source>Overall no&amp;te:</source>
        <translation>Overall no&amp;te:</translation>
    </message>
    <message>
        <source>Overall verdict</source>
        <translation>Overall verdict</translation>
    </message>
    <message>
        <source>Overall note</source>
        <translation>Overall note</translation>
    </message>
    <message>
        <source>&amp;Sign off</source>
        <translation>&amp;Sign off</translation>
    </message>
    <message>
        <source>Sign off this version</source>
        <translation>Sign off this version</translation>
    </message>
</context>
<context>
    <name>StandardsPicker</name>
    <message>
        <source>Standards</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>&amp;Search the standards:</source>
        <translation>&amp;Search the standards:</translation>
    </message>
    <message>
        <source>Search the standards</source>
        <translation>Search the standards</translation>
    </message>
    <message>
        <source>%1. Suggested by the template in bold. Space or Enter ticks a standard.</source>
        <translation>%1. Suggested by the template in bold. Space or Enter ticks a standard.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Very weak</source>
        <translation>Very weak</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Strong</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Very strong</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Avoid common passwords and everyday words such as “contraseña” or “colegio”.</source>
        <translation>Avoid common passwords and everyday words such as “contraseña” or “colegio”.</translation>
    </message>
    <message>
        <source>Do not use your name.</source>
        <translation>Do not use your name.</translation>
    </message>
    <message>
        <source>Avoid keyboard runs and sequences such as “qwerty” or “1234”.</source>
        <translation>Avoid keyboard runs and sequences such as “qwerty” or “1234”.</translation>
    </message>
    <message>
        <source>Avoid repeated characters and words.</source>
        <translation>Avoid repeated characters and words.</translation>
    </message>
    <message>
        <source>Avoid years and dates: they are easy to guess.</source>
        <translation>Avoid years and dates: they are easy to guess.</translation>
    </message>
    <message>
        <source>Add more unrelated words: four random words make a strong passphrase that is easy to remember.</source>
        <translation>Add more unrelated words: four random words make a strong passphrase that is easy to remember.</translation>
    </message>
    <message>
        <source>A strong passphrase. Make sure you can remember it: nobody can reset it for you.</source>
        <translation>A strong passphrase. Make sure you can remember it: nobody can reset it for you.</translation>
    </message>
    <message>
        <source>Strength: not entered yet</source>
        <translation>Strength: not entered yet</translation>
    </message>
    <message numerus="yes">
        <source>Several unrelated words, at least %n characters.</source>
        <translation>
            <numerusform>Several unrelated words, at least %n character.</numerusform>
            <numerusform>Several unrelated words, at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Strength: %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%1 (not verified): %n entries</source>
        <translation>
            <numerusform>%1 (not verified): %n entry</numerusform>
            <numerusform>%1 (not verified): %n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>No exchange points yet: nothing is ever sent.</source>
        <translation>No exchange points yet: nothing is ever sent.</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>%1 · %2 waiting to be sent</source>
        <translation>%1 · %2 waiting to be sent</translation>
    </message>
    <message>
        <source>Reached here: %1</source>
        <translation>Reached here: %1</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>sent %1, received %2, waiting %3</source>
        <translation>sent %1, received %2, waiting %3</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Import this bundle? Compare the safety number with the person first:
%1</source>
        <translation>Import this bundle? Compare the safety number with the person first:
%1</translation>
    </message>
    <message>
        <source>Received bundle</source>
        <translation>Received bundle</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Received, waiting for you:</source>
        <translation>Received, waiting for you:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>SyncStatusItem</name>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message numerus="yes">
        <source>Offline, %n waiting</source>
        <translation>
            <numerusform>Offline, %n waiting</numerusform>
            <numerusform>Offline, %n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync problem: %1</source>
        <translation>Sync problem: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n waiting to be sent</numerusform>
            <numerusform>%n waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>last sync %1</translation>
    </message>
    <message numerus="yes">
        <source>%n received waiting for you</source>
        <translation>
            <numerusform>%n received waiting for you</numerusform>
            <numerusform>%n received waiting for you</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the sync page</source>
        <translation>Open the sync page</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Send and fetch now</source>
        <translation>Send and fetch now</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Sync status</translation>
    </message>
</context>
<context>
    <name>TemplateChooser</name>
    <message>
        <source>New entry: choose a template</source>
        <translation>New entry: choose a template</translation>
    </message>
    <message>
        <source>&amp;Find a template:</source>
        <translation>&amp;Find a template:</translation>
    </message>
    <message>
        <source>Find a template</source>
        <translation>Find a template</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
</context>
<context>
    <name>ThreadCard</name>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>On an earlier version (%1), %2: “%3”</source>
        <translation>On an earlier version (%1), %2: “%3”</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Reply to this comment</source>
        <translation>Reply to this comment</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Comment by %1</source>
        <translation>Comment by %1</translation>
    </message>
</context>
<context>
    <name>TriadView</name>
    <message>
        <source>No standard signed off yet.</source>
        <translation>No standard signed off yet.</translation>
    </message>
    <message>
        <source>Triad overview</source>
        <translation>Triad overview</translation>
    </message>
    <message>
        <source>Per student whose entries you received: her entries, those marked ready, the feedback given on them (comments and replies by her mentor and by you) and the standards signed off as met.</source>
        <translation>Per student whose entries you received: her entries, those marked ready, the feedback given on them (comments and replies by her mentor and by you) and the standards signed off as met.</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Feedback given</source>
        <translation>Feedback given</translation>
    </message>
    <message>
        <source>Standards signed off (met)</source>
        <translation>Standards signed off (met)</translation>
    </message>
    <message>
        <source>No student has shared entries with you yet. Open her bundle (Ctrl+O).</source>
        <translation>No student has shared entries with you yet. Open her bundle (Ctrl+O).</translation>
    </message>
    <message>
        <source>&amp;Show her entries</source>
        <translation>&amp;Show her entries</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>ReflectDesk: unlock</source>
        <translation>ReflectDesk: unlock</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Welcome back</translation>
    </message>
    <message>
        <source>Your journal is encrypted. Enter your passphrase to open it.</source>
        <translation>Your journal is encrypted. Enter your passphrase to open it.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Forgot your passphrase?</source>
        <translation>&amp;Forgot your passphrase?</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Another journal is in %1. To open it, start ReflectDesk with --vault %1.</source>
        <translation>Another journal is in %1. To open it, start ReflectDesk with --vault %1.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>Forgot your passphrase?</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Cancel the conversion</source>
        <translation>Cancel the conversion</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Enter your passphrase.</translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message>
        <source>Rest of the cohort</source>
        <translation>Rest of the cohort</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Revoked: nothing can be sent to %1.</source>
        <translation>Revoked: nothing can be sent to %1.</translation>
    </message>
    <message>
        <source>%1 received these entries from you.</source>
        <translation>%1 received these entries from you.</translation>
    </message>
    <message>
        <source>You have not sent these entries to anyone from this app. Tick who should get the withdrawal.</source>
        <translation>You have not sent these entries to anyone from this app. Tick who should get the withdrawal.</translation>
    </message>
    <message>
        <source>Ticked: the people who received these entries from you. You can add or remove people.</source>
        <translation>Ticked: the people who received these entries from you. You can add or remove people.</translation>
    </message>
    <message>
        <source>Not ticked, because their keys were revoked: %1.</source>
        <translation>Not ticked, because their keys were revoked: %1.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Research consent withdrawn for %n entries:</source>
        <translation>
            <numerusform>Research consent withdrawn for %n entry:</numerusform>
            <numerusform>Research consent withdrawn for %n entries:</numerusform>
        </translation>
    </message>
    <message>
        <source>To: %1 and you.</source>
        <translation>To: %1 and you.</translation>
    </message>
    <message>
        <source>Where to save the withdrawal</source>
        <translation>Where to save the withdrawal</translation>
    </message>
    <message>
        <source>Signing and encrypting…</source>
        <translation>Signing and encrypting…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Withdraw research consent</source>
        <translation>Withdraw research consent</translation>
    </message>
    <message numerus="yes">
        <source>Withdraw research consent for %n entries</source>
        <translation>
            <numerusform>Withdraw research consent for %n entry</numerusform>
            <numerusform>Withdraw research consent for %n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>This writes a bundle signed by you for the people who received these entries. Once they import it, they may no longer use the entries for research or case studies (they can still read them).</source>
        <translation>This writes a bundle signed by you for the people who received these entries. Once they import it, they may no longer use the entries for research or case studies (they can still read them).</translation>
    </message>
    <message>
        <source>&amp;Entries:</source>
        <translation>&amp;Entries:</translation>
    </message>
    <message>
        <source>Entries whose research consent you withdraw</source>
        <translation>Entries whose research consent you withdraw</translation>
    </message>
    <message>
        <source>Send it &amp;to:</source>
        <translation>Send it &amp;to:</translation>
    </message>
    <message>
        <source>Recipients of the withdrawal</source>
        <translation>Recipients of the withdrawal</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>Folder for the withdrawal</source>
        <translation>Folder for the withdrawal</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>&amp;Save the withdrawal</source>
        <translation>&amp;Save the withdrawal</translation>
    </message>
    <message>
        <source>Save the withdrawal</source>
        <translation>Save the withdrawal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
