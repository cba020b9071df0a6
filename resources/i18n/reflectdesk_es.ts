<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_CL" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>ReflectDesk %1</source>
        <translation>ReflectDesk %1</translation>
    </message>
    <message>
        <source>Encrypted, offline-first practicum reflection journals for initial teacher education.</source>
        <translation>Diarios de reflexión de la práctica, cifrados y sin conexión, para la formación inicial docente.</translation>
    </message>
    <message>
        <source>For a bug report:</source>
        <translation>Para informar un error:</translation>
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
        <translation>Tu nueva frase de contraseña quedó configurada.</translation>
    </message>
    <message>
        <source>Use it from now on. Your recovery key still works, too.</source>
        <translation>Úsala desde ahora. Tu clave de recuperación también sigue sirviendo.</translation>
    </message>
</context>
<context>
    <name>AttachmentRow</name>
    <message>
        <source>Save a copy…</source>
        <translation>Guardar una copia…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Save a copy of %1</source>
        <translation>Guardar una copia de %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <source>Attach a fi&amp;le…</source>
        <translation>Ad&amp;juntar un archivo…</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>No attachments. Photos appear here; files stay encrypted.</source>
        <translation>Sin archivos adjuntos. Las fotos se muestran aquí; los archivos quedan cifrados.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>Save an unencrypted copy?</source>
        <translation>¿Guardar una copia sin cifrar?</translation>
    </message>
    <message>
        <source>The copy of “%1” will NOT be encrypted: anyone with access to the folder you choose can open it. Inside ReflectDesk the attachment stays encrypted.</source>
        <translation>La copia de «%1» NO estará cifrada: cualquier persona con acceso a la carpeta que elijas podrá abrirla. Dentro de ReflectDesk el archivo adjunto sigue cifrado.</translation>
    </message>
    <message>
        <source>Remove attachment?</source>
        <translation>¿Quitar el archivo adjunto?</translation>
    </message>
    <message>
        <source>Remove “%1” from this entry?</source>
        <translation>¿Quitar «%1» de esta entrada?</translation>
    </message>
    <message>
        <source>Copy saved</source>
        <translation>Copia guardada</translation>
    </message>
    <message>
        <source>Saved “%1”. Remember: this copy is not encrypted.</source>
        <translation>Se guardó «%1». Recuerda: esta copia no está cifrada.</translation>
    </message>
</context>
<context>
    <name>AuditCounts</name>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n pasaje</numerusform>
            <numerusform>%n pasajes</numerusform>
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
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n código</numerusform>
            <numerusform>%n códigos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Choose a folder for your backups</source>
        <translation>Elige una carpeta para tus copias de seguridad</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>&amp;Carpeta de copias:</translation>
    </message>
    <message>
        <source>Back up a&amp;utomatically:</source>
        <translation>Copia a&amp;utomática:</translation>
    </message>
    <message>
        <source>&amp;Keep the last:</source>
        <translation>&amp;Guardar las últimas:</translation>
    </message>
    <message>
        <source>A USB stick or a synced folder</source>
        <translation>Un pendrive o una carpeta sincronizada</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Elegir la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>Solo cuando yo lo pida</translation>
    </message>
    <message>
        <source>Every time the journal locks</source>
        <translation>Cada vez que tu espacio se bloquea</translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation>Una vez al día</translation>
    </message>
    <message>
        <source>Back up automatically</source>
        <translation>Copia de seguridad automática</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> copias</translation>
    </message>
    <message>
        <source>How many backups to keep</source>
        <translation>Cuántas copias de seguridad guardar</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Hacer copia ahora</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Progreso de la copia de seguridad</translation>
    </message>
    <message>
        <source>Last backup: %1.</source>
        <translation>Última copia: %1.</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Todavía no hay ninguna copia.</translation>
    </message>
    <message>
        <source>A backup is encrypted: your passphrase or your recovery key opens it.</source>
        <translation>Una copia de seguridad está cifrada: la abre tu frase de contraseña o tu clave de recuperación.</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <source>Choose a folder for your backups</source>
        <translation>Elige una carpeta para tus copias de seguridad</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Backup saved in %1</source>
        <translation>Copia de seguridad guardada en %1</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Hacer copia ahora</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Backup reminder</source>
        <translation>Recordatorio de copia de seguridad</translation>
    </message>
    <message>
        <source>Your last backup is from %1. A lost or broken laptop would take everything written since.</source>
        <translation>Tu última copia de seguridad es del %1. Si pierdes o se daña el computador, perderías todo lo escrito desde entonces.</translation>
    </message>
    <message>
        <source>Your journal has no backup yet. A lost or broken laptop would take all of it.</source>
        <translation>Tu espacio todavía no tiene copia de seguridad. Si pierdes o se daña el computador, lo perderías entero.</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>Hacer &amp;copia ahora</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Progreso de la copia de seguridad</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Copying the encrypted vault…</source>
        <translation>Copiando tu espacio cifrado…</translation>
    </message>
    <message>
        <source>Writing the backup file…</source>
        <translation>Escribiendo el archivo de la copia…</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>Leyendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Checking every record…</source>
        <translation>Comprobando cada registro…</translation>
    </message>
    <message>
        <source>Deriving the key…</source>
        <translation>Derivando la clave…</translation>
    </message>
    <message>
        <source>Checking the search index…</source>
        <translation>Comprobando el índice de búsqueda…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>BatchImportDialog</name>
    <message>
        <source>Checking and importing the bundles…</source>
        <translation>Revisando e importando los paquetes…</translation>
    </message>
    <message>
        <source>Importing the bundles of the checked senders…</source>
        <translation>Importando los paquetes de los remitentes marcados…</translation>
    </message>
    <message>
        <source>Bundles: %1 of %2</source>
        <translation>Paquetes: %1 de %2</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>De: %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Already had</source>
        <translation>Ya estaba</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Sender to verify</source>
        <translation>Remitente por verificar</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No realizado</translation>
    </message>
    <message numerus="yes">
        <source>%n bundles imported</source>
        <translation>
            <numerusform>%n paquete importado</numerusform>
            <numerusform>%n paquetes importados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already had</source>
        <translation>
            <numerusform>%n ya estaba</numerusform>
            <numerusform>%n ya estaban</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n rechazado</numerusform>
            <numerusform>%n rechazados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n from senders to verify</source>
        <translation>
            <numerusform>%n de remitentes por verificar</numerusform>
            <numerusform>%n de remitentes por verificar</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the bundles imported before stay.</source>
        <translation>Cancelado: los paquetes ya importados se conservan.</translation>
    </message>
    <message>
        <source>Stopped: %1 The bundles imported before stay; import again for the rest.</source>
        <translation>Detenido: %1 Los paquetes ya importados se conservan; vuelve a importar para el resto.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincide</translation>
    </message>
    <message>
        <source>I compared the safety number with %1 and it matches</source>
        <translation>Comparé el número de seguridad con %1 y coincide</translation>
    </message>
    <message>
        <source>Careful: you already have a contact called %1 with other keys.</source>
        <translation>Cuidado: ya tienes un contacto llamado %1 con otras claves.</translation>
    </message>
    <message numerus="yes">
        <source>%n bundles</source>
        <translation>
            <numerusform>%n paquete</numerusform>
            <numerusform>%n paquetes</numerusform>
        </translation>
    </message>
    <message>
        <source>Save report as CSV</source>
        <translation>Guardar el informe como CSV</translation>
    </message>
    <message>
        <source>import-report.csv</source>
        <translation>informe-importacion.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Informe guardado: %1</translation>
    </message>
    <message>
        <source>Make a cohort</source>
        <translation>Crear una cohorte</translation>
    </message>
    <message>
        <source>Name of the cohort (for example: Práctica II — 2026 — Sección 2):</source>
        <translation>Nombre de la cohorte (por ejemplo: Práctica II — 2026 — Sección 2):</translation>
    </message>
    <message>
        <source>Cohort %1 made with %2 people.</source>
        <translation>Cohorte %1 creada con %2 personas.</translation>
    </message>
    <message>
        <source>Stopping after the current bundle…</source>
        <translation>Deteniendo después del paquete en curso…</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Importar paquetes</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Informe de importación</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Comparado</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Número de seguridad</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <source>Senders who are not your contacts</source>
        <translation>Remitentes que no son tus contactos</translation>
    </message>
    <message>
        <source>Senders who are not your contacts. Compare each safety number with the person (in person or by phone), tick the ones that match, then import their bundles. They are added to your contacts as verified.</source>
        <translation>Remitentes que no son tus contactos. Compara cada número de seguridad con la persona (en persona o por teléfono), marca los que coinciden y luego importa sus paquetes. Se agregan a tus contactos como verificados.</translation>
    </message>
    <message>
        <source>&amp;Import from the checked senders</source>
        <translation>&amp;Importar de los remitentes marcados</translation>
    </message>
    <message>
        <source>&amp;Save report as CSV…</source>
        <translation>&amp;Guardar el informe como CSV…</translation>
    </message>
    <message>
        <source>Make a &amp;cohort of these senders…</source>
        <translation>Crear una &amp;cohorte con estos remitentes…</translation>
    </message>
    <message>
        <source>Import from the checked senders</source>
        <translation>Importar de los remitentes marcados</translation>
    </message>
    <message>
        <source>Make a cohort of these senders</source>
        <translation>Crear una cohorte con estos remitentes</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Choose a folder of bundles</source>
        <translation>Elige una carpeta de paquetes</translation>
    </message>
    <message>
        <source>Choose bundles</source>
        <translation>Elige paquetes</translation>
    </message>
    <message>
        <source>Bundles (*.rdbundle);;All files (*)</source>
        <translation>Paquetes (*.rdbundle);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>BundleLogPage</name>
    <message>
        <source>you</source>
        <translation>tú</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
    <message>
        <source>Bundles you imported: when, from whom and how many entries.</source>
        <translation>Paquetes que importaste: cuándo, de quién y cuántas entradas.</translation>
    </message>
    <message>
        <source>Nothing imported yet. Open a bundle, or drop a .rdbundle file here.</source>
        <translation>Aún no has importado nada. Abre un paquete o arrastra aquí un archivo .rdbundle.</translation>
    </message>
    <message>
        <source>&amp;Open a bundle…</source>
        <translation>Abrir un &amp;paquete…</translation>
    </message>
    <message>
        <source>Open a bundle</source>
        <translation>Abrir un paquete</translation>
    </message>
    <message>
        <source>Bundles received</source>
        <translation>Paquetes recibidos</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Bundles you made: when, for whom and how many entries.</source>
        <translation>Paquetes que creaste: cuándo, para quién y cuántas entradas.</translation>
    </message>
    <message>
        <source>Nothing shared yet.</source>
        <translation>Aún no has compartido nada.</translation>
    </message>
    <message>
        <source>&amp;Share entries…</source>
        <translation>&amp;Compartir entradas…</translation>
    </message>
    <message>
        <source>Share entries</source>
        <translation>Compartir entradas</translation>
    </message>
    <message>
        <source>Bundles sent</source>
        <translation>Paquetes enviados</translation>
    </message>
</context>
<context>
    <name>CaseAuditTab</name>
    <message>
        <source>Study created</source>
        <translation>Estudio creado</translation>
    </message>
    <message>
        <source>Ethics approval recorded</source>
        <translation>Aprobación ética registrada</translation>
    </message>
    <message>
        <source>Item added</source>
        <translation>Elemento añadido</translation>
    </message>
    <message>
        <source>Item removed</source>
        <translation>Elemento quitado</translation>
    </message>
    <message>
        <source>Pseudonymisation accepted</source>
        <translation>Seudonimización aceptada</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Consent withdrawn: item removed</source>
        <translation>Consentimiento retirado: elemento quitado</translation>
    </message>
    <message>
        <source>Imported from a REFI-QDA project</source>
        <translation>Importado de un proyecto REFI-QDA</translation>
    </message>
    <message>
        <source>Study deleted</source>
        <translation>Estudio eliminado</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>vence el %1</translation>
    </message>
    <message>
        <source>withdrawn on %1</source>
        <translation>retirado el %1</translation>
    </message>
    <message>
        <source>bundle %1</source>
        <translation>paquete %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <source>consent: %1</source>
        <translation>consentimiento: %1</translation>
    </message>
    <message>
        <source>format %1</source>
        <translation>formato %1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motivo: %1</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>consentimiento retirado</translation>
    </message>
    <message>
        <source>consent changed to read only</source>
        <translation>consentimiento cambiado a solo lectura</translation>
    </message>
    <message>
        <source>no consent recorded</source>
        <translation>no hay consentimiento registrado</translation>
    </message>
    <message>
        <source>signature checked</source>
        <translation>firma comprobada</translation>
    </message>
    <message>
        <source>signature not checked</source>
        <translation>firma no comprobada</translation>
    </message>
    <message>
        <source>with information sheet</source>
        <translation>con hoja informativa</translation>
    </message>
    <message>
        <source>no information sheet</source>
        <translation>sin hoja informativa</translation>
    </message>
    <message>
        <source>Every addition, removal, pseudonymisation, export and withdrawal, signed with your key. It names no person and quotes no text.</source>
        <translation>Cada elemento añadido o quitado, seudonimización, exportación y retiro de consentimiento, firmado con tu clave. No nombra a nadie ni cita ningún texto.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verificar</translation>
    </message>
    <message>
        <source>&amp;Export log…</source>
        <translation>&amp;Exportar registro…</translation>
    </message>
    <message>
        <source>&amp;Check a file…</source>
        <translation>&amp;Comprobar un archivo…</translation>
    </message>
    <message>
        <source>Passed: %1 (%2 records, signed by %3).</source>
        <translation>Correcto: %1 (%2 registros, firmados por %3).</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>(at %1)</source>
        <translation>(en %1)</translation>
    </message>
    <message>
        <source>the log in your vault is whole and signed</source>
        <translation>el registro de tu espacio está completo y firmado</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>Audit logs (*.audit.json)</source>
        <translation>Registros de auditoría (*.audit.json)</translation>
    </message>
    <message>
        <source>Exported to %1 (%2 records).</source>
        <translation>Exportado a %1 (%2 registros).</translation>
    </message>
    <message>
        <source>Check an exported audit log</source>
        <translation>Comprobar un registro de auditoría exportado</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>CaseCodingTab</name>
    <message>
        <source>Reading the study…</source>
        <translation>Leyendo el estudio…</translation>
    </message>
    <message>
        <source>Code selection as</source>
        <translation>Codificar selección como</translation>
    </message>
    <message>
        <source>Remove coding %1…</source>
        <translation>Quitar codificación %1…</translation>
    </message>
    <message>
        <source>Choose a code in the codebook first.</source>
        <translation>Elige primero un código en el libro de códigos.</translation>
    </message>
    <message>
        <source>Select a passage in the text first.</source>
        <translation>Selecciona primero un pasaje en el texto.</translation>
    </message>
    <message>
        <source>Coded «%1» as %2.</source>
        <translation>«%1» codificado como %2.</translation>
    </message>
    <message>
        <source>Remove coding</source>
        <translation>Quitar codificación</translation>
    </message>
    <message>
        <source>Remove the code %1 from «%2»?</source>
        <translation>¿Quitar el código %1 de «%2»?</translation>
    </message>
    <message>
        <source>The text stays; its memo on this passage is removed with it.</source>
        <translation>El texto se mantiene; el memo de este pasaje se elimina con ella.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Memo saved.</source>
        <translation>Memo guardado.</translation>
    </message>
    <message>
        <source>Memo removed.</source>
        <translation>Memo eliminado.</translation>
    </message>
    <message numerus="yes">
        <source>%n coded passage(s) go with it.</source>
        <translation>
            <numerusform>%n pasaje codificado se va con él.</numerusform>
            <numerusform>%n pasajes codificados se van con él.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its %n subcode(s) go too.</source>
        <translation>
            <numerusform>También se va su %n subcódigo.</numerusform>
            <numerusform>También se van sus %n subcódigos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Eliminar código</translation>
    </message>
    <message>
        <source>Delete the code %1?</source>
        <translation>¿Eliminar el código %1?</translation>
    </message>
    <message>
        <source>Memos on them are deleted too. The texts stay.</source>
        <translation>Sus memos también se eliminan. Los textos se mantienen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Import a codebook</source>
        <translation>Importar un libro de códigos</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>Libro de códigos REFI-QDA (*.qdc)</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) imported.</source>
        <translation>
            <numerusform>%n código importado.</numerusform>
            <numerusform>%n códigos importados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <source>Filter: pseudonym, date, template</source>
        <translation>Filtrar: seudónimo, fecha, plantilla</translation>
    </message>
    <message>
        <source>Filter the items</source>
        <translation>Filtrar los elementos</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Seudónimo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Coded passages</source>
        <translation>Pasajes codificados</translation>
    </message>
    <message>
        <source>Items of the study</source>
        <translation>Elementos del estudio</translation>
    </message>
    <message>
        <source>The item&apos;s text</source>
        <translation>El texto del elemento</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Libro de códigos</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>&amp;Code selection</source>
        <translation>&amp;Codificar selección</translation>
    </message>
    <message>
        <source>Apply the chosen code to the selected text (Ctrl+Return). You can also double-click a code or drag the selection onto it.</source>
        <translation>Aplica el código elegido al texto seleccionado (Ctrl+Intro). También puedes hacer doble clic en un código o arrastrar la selección sobre él.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Nuevo código</translation>
    </message>
    <message>
        <source>&amp;Subcode…</source>
        <translation>&amp;Subcódigo…</translation>
    </message>
    <message>
        <source>New subcode of the chosen code</source>
        <translation>Nuevo subcódigo del código elegido</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit the chosen code</source>
        <translation>Editar el código elegido</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>Delete the chosen code</source>
        <translation>Eliminar el código elegido</translation>
    </message>
    <message>
        <source>&amp;Import .qdc…</source>
        <translation>&amp;Importar .qdc…</translation>
    </message>
    <message>
        <source>Import a REFI-QDA codebook (.qdc)</source>
        <translation>Importar un libro de códigos REFI-QDA (.qdc)</translation>
    </message>
    <message>
        <source>Codes on this passage</source>
        <translation>Códigos de este pasaje</translation>
    </message>
    <message>
        <source>&amp;Remove coding…</source>
        <translation>&amp;Quitar codificación…</translation>
    </message>
    <message>
        <source>A memo on this coded passage</source>
        <translation>Un memo sobre este pasaje codificado</translation>
    </message>
    <message>
        <source>Memo on the passage</source>
        <translation>Memo sobre el pasaje</translation>
    </message>
    <message>
        <source>Save &amp;memo</source>
        <translation>Guardar &amp;memo</translation>
    </message>
    <message>
        <source>Choose a case study to code its items.</source>
        <translation>Elige un estudio de caso para codificar sus elementos.</translation>
    </message>
    <message>
        <source>This study has no items yet: add entries in the Items tab.</source>
        <translation>Este estudio aún no tiene elementos: agrega entradas en la pestaña Elementos.</translation>
    </message>
    <message>
        <source>Make a code with New… (or import a codebook), then select a passage.</source>
        <translation>Crea un código con Nuevo… (o importa un libro de códigos) y luego selecciona un pasaje.</translation>
    </message>
    <message>
        <source>Select a passage, then double-click a code or press Ctrl+Return.</source>
        <translation>Selecciona un pasaje y haz doble clic en un código o pulsa Ctrl+Intro.</translation>
    </message>
</context>
<context>
    <name>CaseExportsTab</name>
    <message>
        <source>No ethics approval: record it (Approval…) before exporting anything.</source>
        <translation>Sin aprobación ética: regístrela (Aprobación…) antes de exportar.</translation>
    </message>
    <message>
        <source>The ethics approval expired on %1: record the renewed approval (Approval…) before exporting.</source>
        <translation>La aprobación ética venció el %1: registre la aprobación renovada (Aprobación…) antes de exportar.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries may only be used pseudonymised and are not reviewed yet: review their pseudonyms (Items tab, Review pseudonyms…) before exporting.</source>
        <translation>
            <numerusform>%n entrada solo puede usarse seudonimizada y aún no se revisa: revisa sus seudónimos (pestaña Elementos, Revisar seudónimos…) antes de exportar.</numerusform>
            <numerusform>%n entradas solo pueden usarse seudonimizadas y aún no se revisan: revisa sus seudónimos (pestaña Elementos, Revisar seudónimos…) antes de exportar.</numerusform>
        </translation>
    </message>
    <message>
        <source>The codebook is empty: add a code before exporting it.</source>
        <translation>El libro de códigos está vacío: agregue un código antes de exportarlo.</translation>
    </message>
    <message>
        <source>case-study</source>
        <translation>estudio-de-caso</translation>
    </message>
    <message>
        <source>codebook</source>
        <translation>libro-de-codigos</translation>
    </message>
    <message>
        <source>case-study-report</source>
        <translation>informe-estudio-de-caso</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>Proyectos REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <source>REFI-QDA codebooks (*.qdc)</source>
        <translation>Libros de códigos REFI-QDA (*.qdc)</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Páginas web (*.html)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export the case study to</source>
        <translation>Exportar el estudio de caso a</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Its signed audit log is beside it: %1</source>
        <translation>Su registro de auditoría firmado está al lado: %1</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Exportación cancelada: no se escribió nada.</translation>
    </message>
    <message>
        <source>The export failed: nothing was written.</source>
        <translation>La exportación falló: no se escribió nada.</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(sin definir)</translation>
    </message>
    <message>
        <source>School type of %1</source>
        <translation>Tipo de establecimiento de %1</translation>
    </message>
    <message>
        <source>Municipal</source>
        <translation>Municipal</translation>
    </message>
    <message>
        <source>SLEP (local public education service)</source>
        <translation>SLEP (servicio local)</translation>
    </message>
    <message>
        <source>Private subsidised</source>
        <translation>Particular subvencionado</translation>
    </message>
    <message>
        <source>Private fee-paying</source>
        <translation>Particular pagado</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Outdated</source>
        <translation>Desactualizada</translation>
    </message>
    <message>
        <source>Outdated: an entry was withdrawn or removed after the export was made, so the file still holds it. Export again for a copy without it, and delete the old one.</source>
        <translation>Desactualizada: se retiró o quitó una entrada después de hacer la exportación, así que el archivo aún la contiene. Exporte de nuevo para tener una copia sin ella y elimine la anterior.</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>REFI-QDA project (.qdpx)</source>
        <translation>Proyecto REFI-QDA (.qdpx)</translation>
    </message>
    <message>
        <source>Codebook (.qdc)</source>
        <translation>Libro de códigos (.qdc)</translation>
    </message>
    <message>
        <source>Report, web page (.html)</source>
        <translation>Informe, página web (.html)</translation>
    </message>
    <message>
        <source>Report, PDF (.pdf)</source>
        <translation>Informe, PDF (.pdf)</translation>
    </message>
    <message>
        <source>Report, Markdown (.md)</source>
        <translation>Informe, Markdown (.md)</translation>
    </message>
    <message>
        <source>The whole project — texts, codes, coded passages, memos, one case per student — for QualCoder, NVivo, ATLAS.ti or MAXQDA. Checked against the REFI-QDA schema before it is written.</source>
        <translation>El proyecto completo —textos, códigos, pasajes codificados, memos, un caso por estudiante— para QualCoder, NVivo, ATLAS.ti o MAXQDA. Se valida contra el esquema REFI-QDA antes de escribirlo.</translation>
    </message>
    <message>
        <source>The codebook only: codes, colours and descriptions.</source>
        <translation>Solo el libro de códigos: códigos, colores y descripciones.</translation>
    </message>
    <message>
        <source>The report: the project and its approval, excerpts by code, the code tables.</source>
        <translation>El informe: el proyecto y su aprobación, extractos por código, las tablas de códigos.</translation>
    </message>
    <message>
        <source>The report as a PDF, to print or hand in.</source>
        <translation>El informe en PDF, para imprimir o entregar.</translation>
    </message>
    <message>
        <source>The report as Markdown text.</source>
        <translation>El informe como texto Markdown.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Exports made</source>
        <translation>Exportaciones hechas</translation>
    </message>
    <message>
        <source>Case attributes</source>
        <translation>Atributos de los casos</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The exported file is not encrypted. It holds only pseudonymised text, never the pseudonym key; its signed audit log is saved beside it.</source>
        <translation>El archivo exportado no está cifrado. Contiene solo texto seudonimizado, nunca la clave de seudónimos; su registro de auditoría firmado se guarda al lado.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Nothing exported yet.</source>
        <translation>Aún no se ha exportado nada.</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Seudónimo</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohorte</translation>
    </message>
    <message>
        <source>School type</source>
        <translation>Tipo de establecimiento</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>MBE standards</source>
        <translation>Estándares MBE</translation>
    </message>
    <message>
        <source>Each student is a case of the REFI-QDA project with these attributes; the report lists them too. Set the school type here.</source>
        <translation>Cada estudiante es un caso del proyecto REFI-QDA con estos atributos; el informe también los lista. Defina aquí el tipo de establecimiento.</translation>
    </message>
    <message>
        <source>Choose a case study to export it.</source>
        <translation>Elija un estudio de caso para exportarlo.</translation>
    </message>
</context>
<context>
    <name>CaseItemsTab</name>
    <message>
        <source>Reviewed</source>
        <translation>Revisado</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Falta revisar</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Withdrawn on %1, from bundle %2: removed with %3 and %4.</source>
        <translation>Retirado el %1, del paquete %2: quitado con %3 y %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n pasaje</numerusform>
            <numerusform>%n pasajes</numerusform>
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
        <translation>Procedencia</translation>
    </message>
    <message>
        <source>Select an item.</source>
        <translation>Selecciona un elemento.</translation>
    </message>
    <message>
        <source>Pseudonym: %1</source>
        <translation>Seudónimo: %1</translation>
    </message>
    <message>
        <source>Version %1 of the entry, added %2</source>
        <translation>Versión %1 de la entrada, añadida el %2</translation>
    </message>
    <message>
        <source>Imported from a REFI-QDA project: no signature or consent.</source>
        <translation>Importado de un proyecto REFI-QDA: sin firma ni consentimiento.</translation>
    </message>
    <message>
        <source>Author&apos;s key: %1</source>
        <translation>Clave de la autora o autor: %1</translation>
    </message>
    <message>
        <source>Signature checked: yes, with a key pinned for the author.</source>
        <translation>Firma comprobada: sí, con una clave fijada para su autor.</translation>
    </message>
    <message>
        <source>Signature checked: no, the key is not one pinned for the author.</source>
        <translation>Firma comprobada: no, la clave no es una de las fijadas para su autor.</translation>
    </message>
    <message>
        <source>verified in person (safety number compared)</source>
        <translation>verificado en persona (número de seguridad comparado)</translation>
    </message>
    <message>
        <source>known, not verified in person</source>
        <translation>conocido, no verificado en persona</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>Autor: %1</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Consentimiento: %1</translation>
    </message>
    <message>
        <source>Bundle: %1</source>
        <translation>Paquete: %1</translation>
    </message>
    <message>
        <source>Standards: %1</source>
        <translation>Estándares: %1</translation>
    </message>
    <message>
        <source>Sections: %1</source>
        <translation>Secciones: %1</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Seudónimo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Pseudonymisation</source>
        <translation>Seudonimización</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Review &amp;pseudonyms…</source>
        <translation>Revisar &amp;seudónimos…</translation>
    </message>
    <message>
        <source>No items yet. Add received entries whose authors consented to research.</source>
        <translation>Aún no hay elementos. Añade entradas recibidas cuyos autores consintieron su uso en investigación.</translation>
    </message>
    <message numerus="yes">
        <source>%n items need the pseudonymisation review before any export.</source>
        <translation>
            <numerusform>%n elemento necesita la revisión de seudónimos antes de exportar.</numerusform>
            <numerusform>%n elementos necesitan la revisión de seudónimos antes de exportar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Published on %1: the cut-off date. Exports made before a withdrawal are marked outdated.</source>
        <translation>Publicado el %1: la fecha de corte. Las exportaciones hechas antes de un retiro se marcan como desactualizadas.</translation>
    </message>
    <message>
        <source>Not published yet: a consent withdrawal removes that entry&apos;s excerpts from this study.</source>
        <translation>Aún no publicado: un retiro de consentimiento quita de este estudio los fragmentos de esa entrada.</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Quitar elemento</translation>
    </message>
    <message>
        <source>Remove %1&apos;s entry from this case study?</source>
        <translation>¿Quitar la entrada de %1 de este estudio de caso?</translation>
    </message>
    <message>
        <source>Its coded passages and the memos on them are removed too. The audit log records the removal. The entry stays in your received journals.</source>
        <translation>También se quitan sus pasajes codificados y los memos sobre ellos. El registro de auditoría anota el retiro. La entrada sigue en tus diarios recibidos.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>CaseMemosTab</name>
    <message>
        <source>The project</source>
        <translation>El proyecto</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Código: %1</translation>
    </message>
    <message>
        <source>Item: %1</source>
        <translation>Elemento: %1</translation>
    </message>
    <message>
        <source>A coded passage</source>
        <translation>Un pasaje codificado</translation>
    </message>
    <message>
        <source>Passage: «%1» (%2, %3)</source>
        <translation>Pasaje: «%1» (%2, %3)</translation>
    </message>
    <message>
        <source>Written %1 · changed %2</source>
        <translation>Escrito %1 · modificado %2</translation>
    </message>
    <message>
        <source>A new memo</source>
        <translation>Un memo nuevo</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>Eliminar memo</translation>
    </message>
    <message>
        <source>Delete the memo on %1?</source>
        <translation>¿Eliminar el memo sobre %1?</translation>
    </message>
    <message>
        <source>Its text is gone for good.</source>
        <translation>Su texto se pierde para siempre.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>All memos</source>
        <translation>Todos los memos</translation>
    </message>
    <message>
        <source>On the project</source>
        <translation>Sobre el proyecto</translation>
    </message>
    <message>
        <source>On codes</source>
        <translation>Sobre códigos</translation>
    </message>
    <message>
        <source>On items</source>
        <translation>Sobre elementos</translation>
    </message>
    <message>
        <source>On coded passages</source>
        <translation>Sobre pasajes codificados</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>Sobre:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Write the memo here.</source>
        <translation>Escribe el memo aquí.</translation>
    </message>
    <message>
        <source>Memo text</source>
        <translation>Texto del memo</translation>
    </message>
    <message>
        <source>&amp;New memo</source>
        <translation>&amp;Nuevo memo</translation>
    </message>
    <message>
        <source>&amp;Save memo</source>
        <translation>&amp;Guardar memo</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>No memos yet. Write one on the project, a code or an item here, or on a coded passage in the Coding tab.</source>
        <translation>Aún no hay memos. Escribe uno sobre el proyecto, un código o un elemento aquí, o sobre un pasaje codificado en la pestaña Codificación.</translation>
    </message>
    <message>
        <source>Choose a case study to see its memos.</source>
        <translation>Elige un estudio de caso para ver sus memos.</translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <source>Research</source>
        <translation>Investigación</translation>
    </message>
    <message>
        <source>Research, pseudonymised</source>
        <translation>Investigación, con seudónimos</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>Not addable: consent to read only</source>
        <translation>No se puede añadir: consentimiento solo para lectura</translation>
    </message>
    <message>
        <source>Not addable: consent withdrawn</source>
        <translation>No se puede añadir: consentimiento retirado</translation>
    </message>
    <message>
        <source>Not addable: no consent recorded</source>
        <translation>No se puede añadir: no hay consentimiento registrado</translation>
    </message>
    <message>
        <source>Already in this study</source>
        <translation>Ya está en este estudio</translation>
    </message>
</context>
<context>
    <name>CasePickerDialog</name>
    <message>
        <source>Add entries to the case study</source>
        <translation>Añadir entradas al estudio de caso</translation>
    </message>
    <message>
        <source>Entries your students sent with consent for research can be added. The others are shown greyed, with the reason.</source>
        <translation>Se pueden añadir las entradas que tus estudiantes enviaron con consentimiento para investigación. Las demás se muestran en gris, con el motivo.</translation>
    </message>
    <message>
        <source>Filter by student, title, template or cohort</source>
        <translation>Filtrar por estudiante, título, plantilla o cohorte</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohorte</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %n entries</source>
        <translation>
            <numerusform>&amp;Añadir %n entrada</numerusform>
            <numerusform>&amp;Añadir %n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Reading the received entries…</source>
        <translation>Leyendo las entradas recibidas…</translation>
    </message>
    <message>
        <source>No received entries yet: import your students&apos; bundles first.</source>
        <translation>Aún no hay entradas recibidas: primero importa los paquetes de tus estudiantes.</translation>
    </message>
    <message>
        <source>%1 of %2 entries shown; %3 can be added.</source>
        <translation>Se muestran %1 de %2 entradas; se pueden añadir %3.</translation>
    </message>
</context>
<context>
    <name>CaseProjectDialog</name>
    <message>
        <source>New case study</source>
        <translation>Nuevo estudio de caso</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>Estudio de caso</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Research &amp;question:</source>
        <translation>&amp;Pregunta de investigación:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Of the pseudonyms (“Estudiante A” or “Student A”) and the report.</source>
        <translation>De los seudónimos («Estudiante A» o «Student A») y del informe.</translation>
    </message>
    <message>
        <source>Cohorts:</source>
        <translation>Cohortes:</translation>
    </message>
    <message>
        <source>No cohorts yet: make them in Contacts after importing a batch.</source>
        <translation>Aún no hay cohortes: créalas en Contactos después de importar un lote.</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Equipo:</translation>
    </message>
    <message>
        <source>Publication:</source>
        <translation>Publicación:</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Publicado el</translation>
    </message>
    <message>
        <source>The cut-off: a withdrawal that arrives later cannot reach back past it.</source>
        <translation>La fecha de corte: un retiro que llegue después no puede ir más atrás.</translation>
    </message>
    <message>
        <source>Ethics approval</source>
        <translation>Aprobación ética</translation>
    </message>
    <message>
        <source>Without an approval you can plan the study (codes, memos) but not add.</source>
        <translation>Sin aprobación puedes planificar el estudio (códigos, memos), pero no añadir entradas.</translation>
    </message>
    <message>
        <source>&amp;Committee:</source>
        <translation>&amp;Comité:</translation>
    </message>
    <message>
        <source>&amp;Reference number:</source>
        <translation>&amp;Número de referencia:</translation>
    </message>
    <message>
        <source>&amp;Expires on:</source>
        <translation>&amp;Vence el:</translation>
    </message>
    <message>
        <source>Information sheet:</source>
        <translation>Hoja informativa:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>Leave the committee empty to record no approval yet. The information sheet is kept encrypted in your vault.</source>
        <translation>Deja el comité vacío para no registrar aún una aprobación. La hoja informativa se guarda cifrada en tu espacio.</translation>
    </message>
    <message>
        <source>e.g. Fractions with concrete materials</source>
        <translation>p. ej., Fracciones con material concreto</translation>
    </message>
    <message>
        <source>e.g. CEC-CSAH</source>
        <translation>p. ej., CEC-CSAH</translation>
    </message>
    <message>
        <source>e.g. 2026-041</source>
        <translation>p. ej., 2026-041</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Ninguna elegida</translation>
    </message>
    <message>
        <source>Choose the information sheet</source>
        <translation>Elegir la hoja informativa</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.odt *.docx *.doc *.txt *.md)</source>
        <translation>Documentos (*.pdf *.odt *.docx *.doc *.txt *.md)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>An approval needs both the committee and the reference.</source>
        <translation>Una aprobación necesita el comité y la referencia.</translation>
    </message>
    <message>
        <source>The information sheet goes with an approval.</source>
        <translation>La hoja informativa va con una aprobación.</translation>
    </message>
</context>
<context>
    <name>CaseQueriesTab</name>
    <message>
        <source>Reading the coded passages…</source>
        <translation>Leyendo los pasajes codificados…</translation>
    </message>
    <message>
        <source>Choose a case study on the left to query its coding.</source>
        <translation>Elige un estudio de caso a la izquierda para consultar su codificación.</translation>
    </message>
    <message>
        <source>The coded passages could not be read.</source>
        <translation>No se pudieron leer los pasajes codificados.</translation>
    </message>
    <message>
        <source>No codes yet. Create a codebook and code some passages in the Coding tab first; their queries appear here.</source>
        <translation>Aún no hay códigos. Primero crea un libro de códigos y codifica algunos pasajes en la pestaña Codificación; sus consultas aparecerán aquí.</translation>
    </message>
    <message>
        <source>No coded passages yet. Code some passages in the Coding tab first; then find them here by code, student, section and date, and see code frequencies, co-occurrence and the code × MBE standard matrix.</source>
        <translation>Aún no hay pasajes codificados. Primero codifica algunos pasajes en la pestaña Codificación; luego encuéntralos aquí por código, estudiante, sección y fecha, y ve las frecuencias de códigos, la co-ocurrencia y la matriz código × estándar MBE.</translation>
    </message>
    <message>
        <source>All students</source>
        <translation>Todos los estudiantes</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>Todas las secciones</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Coded passages</source>
        <translation>Pasajes codificados</translation>
    </message>
    <message>
        <source>Coded passages per template section</source>
        <translation>Pasajes codificados por sección de la plantilla</translation>
    </message>
    <message>
        <source>Coded passages per student</source>
        <translation>Pasajes codificados por estudiante</translation>
    </message>
    <message>
        <source>No two codes overlap yet. Two codes co-occur where their passages overlap in the same section.</source>
        <translation>Aún no se superponen dos códigos. Dos códigos co-ocurren donde sus pasajes se superponen en la misma sección.</translation>
    </message>
    <message>
        <source>The coded items name no MBE standard: the matrix fills when the entries were tagged with standards.</source>
        <translation>Los elementos codificados no nombran ningún estándar MBE: la matriz se llena cuando las entradas fueron etiquetadas con estándares.</translation>
    </message>
    <message>
        <source>Passages shown: %1 of %2. Double-click one to show it in the Coding tab.</source>
        <translation>Pasajes mostrados: %1 de %2. Haz doble clic en uno para verlo en la pestaña Codificación.</translation>
    </message>
    <message>
        <source>No passage matches these filters (coded passages: %1).</source>
        <translation>Ningún pasaje coincide con estos filtros (pasajes codificados: %1).</translation>
    </message>
    <message>
        <source>Coded passages: %1 · codes: %2 · students: %3.</source>
        <translation>Pasajes codificados: %1 · códigos: %2 · estudiantes: %3.</translation>
    </message>
    <message>
        <source>How many times passages of two codes overlap in the same section. Pairs of codes that overlap: %1.</source>
        <translation>Cuántas veces se superponen pasajes de dos códigos en la misma sección. Pares de códigos que se superponen: %1.</translation>
    </message>
    <message>
        <source>Coded passages of each code in entries tagged with each MBE standard. Standards named: %1.</source>
        <translation>Pasajes codificados de cada código en entradas etiquetadas con cada estándar MBE. Estándares nombrados: %1.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Student (pseudonym)</source>
        <translation>Estudiante (seudónimo)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Pasaje</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>passages-by-code</source>
        <translation>pasajes-por-codigo</translation>
    </message>
    <message>
        <source>code-frequencies</source>
        <translation>frecuencias-de-codigos</translation>
    </message>
    <message>
        <source>code-cooccurrence</source>
        <translation>co-ocurrencia-de-codigos</translation>
    </message>
    <message>
        <source>codes-by-standard</source>
        <translation>codigos-por-estandar</translation>
    </message>
    <message>
        <source>Export the query</source>
        <translation>Exportar la consulta</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Imágenes SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Frequencies</source>
        <translation>Frecuencias</translation>
    </message>
    <message>
        <source>Code × MBE</source>
        <translation>Código × MBE</translation>
    </message>
    <message>
        <source>The coded passages of the codes checked, by student, section and date</source>
        <translation>Los pasajes codificados de los códigos marcados, por estudiante, sección y fecha</translation>
    </message>
    <message>
        <source>How often each code was applied, per student or per template section</source>
        <translation>Cuántas veces se aplicó cada código, por estudiante o por sección de la plantilla</translation>
    </message>
    <message>
        <source>How many times passages of two codes overlap</source>
        <translation>Cuántas veces se superponen pasajes de dos códigos</translation>
    </message>
    <message>
        <source>Coded passages of each code in entries tagged with each MBE standard</source>
        <translation>Pasajes codificados de cada código en entradas etiquetadas con cada estándar MBE</translation>
    </message>
    <message>
        <source>Image as &amp;PNG…</source>
        <translation>Imagen como P&amp;NG…</translation>
    </message>
    <message>
        <source>Image as S&amp;VG…</source>
        <translation>Imagen como S&amp;VG…</translation>
    </message>
    <message>
        <source>Passages by code</source>
        <translation>Pasajes por código</translation>
    </message>
    <message>
        <source>Code frequencies</source>
        <translation>Frecuencias de códigos</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>Co-ocurrencia</translation>
    </message>
    <message>
        <source>Codes (none checked: all)</source>
        <translation>Códigos (ninguno marcado: todos)</translation>
    </message>
    <message>
        <source>Check one or more codes; a code includes its sub-codes. None: all.</source>
        <translation>Marca uno o más códigos; un código incluye sus subcódigos. Ninguno: todos.</translation>
    </message>
    <message>
        <source>The whole passage in its context</source>
        <translation>El pasaje completo en su contexto</translation>
    </message>
    <message>
        <source>Template section</source>
        <translation>Sección de la plantilla</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Count &amp;per</source>
        <translation>Contar &amp;por</translation>
    </message>
    <message>
        <source>Code frequencies chart</source>
        <translation>Gráfico de frecuencias de códigos</translation>
    </message>
    <message>
        <source>Code co-occurrence</source>
        <translation>Co-ocurrencia de códigos</translation>
    </message>
    <message>
        <source>Codes by MBE standard</source>
        <translation>Códigos por estándar MBE</translation>
    </message>
    <message>
        <source>Export the image</source>
        <translation>Exportar la imagen</translation>
    </message>
    <message>
        <source>Show in &amp;Coding</source>
        <translation>Ver en &amp;Codificación</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>Exportar C&amp;SV…</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Codificación</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportaciones</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Case studies</source>
        <translation>Estudios de caso</translation>
    </message>
    <message>
        <source>No case studies yet. Create one, then record its ethics approval and add entries your students sent with consent for research.</source>
        <translation>Aún no hay estudios de caso. Crea uno, registra su aprobación ética y añade entradas que tus estudiantes enviaron con consentimiento para investigación.</translation>
    </message>
    <message>
        <source>Choose a case study, or create one.</source>
        <translation>Elige un estudio de caso o crea uno.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <source>&amp;Import REFI-QDA project…</source>
        <translation>&amp;Importar proyecto REFI-QDA…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>E&amp;ditar…</translation>
    </message>
    <message>
        <source>A&amp;pproval…</source>
        <translation>A&amp;probación…</translation>
    </message>
    <message>
        <source>Import a REFI-QDA project</source>
        <translation>Importar un proyecto REFI-QDA</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>Proyectos REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save the signed audit log first, as the record of deletion</source>
        <translation>Guardar antes el registro de auditoría firmado, como constancia de la eliminación</translation>
    </message>
    <message>
        <source>Delete case study</source>
        <translation>Eliminar estudio de caso</translation>
    </message>
    <message>
        <source>Delete “%1” and everything in it?</source>
        <translation>¿Eliminar «%1» y todo lo que contiene?</translation>
    </message>
    <message>
        <source>Its items, codes, passages, memos, the pseudonym map and the information sheet are deleted from your vault, with its audit log. Files you exported are not touched. This cannot be undone.</source>
        <translation>Sus elementos, códigos, pasajes, memos, el mapa de seudónimos y la hoja informativa se eliminan de tu espacio, junto con su registro de auditoría. Los archivos que exportaste no se tocan. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Save the audit log</source>
        <translation>Guardar el registro de auditoría</translation>
    </message>
    <message>
        <source>Audit logs (*.audit.json)</source>
        <translation>Registros de auditoría (*.audit.json)</translation>
    </message>
    <message>
        <source>No ethics approval: you can plan, not add or export.</source>
        <translation>Sin aprobación ética: puedes planificar, pero no añadir ni exportar.</translation>
    </message>
    <message>
        <source>Approval expired on %1: renew it to add entries or export.</source>
        <translation>La aprobación venció el %1: renuévala para añadir entradas o exportar.</translation>
    </message>
    <message>
        <source>Approved by %1, ref %2, until %3</source>
        <translation>Aprobado por %1, ref. %2, hasta el %3</translation>
    </message>
    <message>
        <source>Needs an ethics approval first (Approval…).</source>
        <translation>Primero necesita una aprobación ética (Aprobación…).</translation>
    </message>
    <message>
        <source>The approval expired on %1.</source>
        <translation>La aprobación venció el %1.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Passphrase changed</source>
        <translation>Frase de contraseña cambiada</translation>
    </message>
    <message>
        <source>Your new passphrase is set. Use it the next time you unlock.</source>
        <translation>Tu nueva frase de contraseña quedó configurada. Úsala la próxima vez que desbloquees.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar frase de contraseña</translation>
    </message>
    <message>
        <source>The vault is not re-encrypted: a copy of it made before now (a backup, a copied folder) still opens with the old passphrase. If someone may know your old passphrase and have such a copy, it stays readable to them.</source>
        <translation>Tu espacio no se vuelve a cifrar: una copia hecha antes de ahora (un respaldo, una carpeta copiada) sigue abriéndose con la frase de contraseña anterior. Si alguien puede conocer tu frase de contraseña anterior y tener una copia así, podrá seguir leyéndola.</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>Frase de contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation>&amp;Cambiar</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Saved revision {seq}.</source>
        <translation>Se guardó la revisión {seq}.</translation>
    </message>
    <message>
        <source>Saved {name} to {path}. This copy is not encrypted.</source>
        <translation>Se guardó {name} en {path}. Esta copia no está cifrada.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>este computador</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>otro computador</translation>
    </message>
    <message>
        <source>merged automatically</source>
        <translation>unida automáticamente</translation>
    </message>
    <message>
        <source>its author</source>
        <translation>quien la escribió</translation>
    </message>
    <message>
        <source>Resolve with: entry resolve {id} --keep FIELD=N or --text FIELD=TEXT</source>
        <translation>Resuelve con: entry resolve {id} --keep CAMPO=N o --text CAMPO=TEXTO</translation>
    </message>
    <message>
        <source>No journals yet. Create one with &apos;journal create&apos;.</source>
        <translation>Aún no hay diarios. Crea uno con &apos;journal create&apos;.</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Ninguna entrada coincide.</translation>
    </message>
    <message>
        <source>Suggested standards: {codes}</source>
        <translation>Estándares sugeridos: {codes}</translation>
    </message>
    <message>
        <source>Valid: {id} version {version} (sections: {count}).</source>
        <translation>Válida: {id} versión {version} (secciones: {count}).</translation>
    </message>
    <message>
        <source>Imported {id} version {version}.</source>
        <translation>Se importó {id} versión {version}.</translation>
    </message>
    <message>
        <source>[?] not yet checked against the official text</source>
        <translation>[?] aún no verificado con el texto oficial</translation>
    </message>
    <message>
        <source>Loaded {id} version {version}.</source>
        <translation>Se cargó {id} versión {version}.</translation>
    </message>
    <message>
        <source>Vault created in {path}.</source>
        <translation>Espacio creado en {path}.</translation>
    </message>
    <message>
        <source>Your recovery key is shown only this once. Write it down or print it and keep it somewhere safe; it is the only way back in if you forget your passphrase:</source>
        <translation>Tu clave de recuperación se muestra solo esta vez. Anótala o imprímela y guárdala en un lugar seguro; es la única forma de volver a entrar si olvidas tu frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Frase de contraseña cambiada.</translation>
    </message>
    <message>
        <source>Vault recovered; the new passphrase is set.</source>
        <translation>Espacio recuperado; la nueva frase de contraseña quedó configurada.</translation>
    </message>
    <message>
        <source>Your old recovery key no longer opens this vault. The new one is shown only this once. Write it down or print it and keep it somewhere safe:</source>
        <translation>Tu clave de recuperación anterior ya no abre este espacio. La nueva se muestra solo esta vez. Anótala o imprímela y guárdala en un lugar seguro:</translation>
    </message>
    <message>
        <source>Copies of the vault made before now (backups) still open with the old recovery key.</source>
        <translation>Las copias de tu espacio hechas antes de ahora (respaldos) siguen abriéndose con la clave de recuperación anterior.</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>Frase de contraseña: </translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>Nueva frase de contraseña: </translation>
    </message>
    <message>
        <source>Repeat the new passphrase: </source>
        <translation>Repite la nueva frase de contraseña: </translation>
    </message>
    <message>
        <source>Note: another vault is in {path}; open it with --vault {path}</source>
        <translation>Nota: hay otro espacio en {path}; ábrelo con --vault {path}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Internal error ({kind}). Nothing was changed; please report it.</source>
        <translation>Error interno ({kind}). No se cambió nada; por favor, infórmalo.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>From: you ({key_id})</source>
        <translation>De: ti ({key_id})</translation>
    </message>
    <message>
        <source>From: {name}, verified ({key_id})</source>
        <translation>De: {name}, verificado/a ({key_id})</translation>
    </message>
    <message>
        <source>From: {name}, a contact NOT verified yet ({key_id})</source>
        <translation>De: {name}, un contacto AÚN NO verificado ({key_id})</translation>
    </message>
    <message>
        <source>From: {name}, who is NOT one of your contacts ({key_id})</source>
        <translation>De: {name}, que NO está entre tus contactos ({key_id})</translation>
    </message>
    <message>
        <source>Wrote a bundle to {path} (entries: {entries}, attachments: {attachments}).</source>
        <translation>Paquete escrito en {path} (entradas: {entries}, adjuntos: {attachments}).</translation>
    </message>
    <message>
        <source>Wrote the withdrawal of research consent to {path} (entries: {entries}). Send it to the same people as before.</source>
        <translation>Retiro del consentimiento de investigación escrito en {path} (entradas: {entries}). Envíalo a las mismas personas que antes.</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} ({kind}). Entries: {new} new, {updated} updated, {unchanged} unchanged. Attachments: {attachments}. Consent: {consent}.</source>
        <translation>Paquete {bundle_id} ({kind}). Entradas: {new} nuevas, {updated} actualizadas, {unchanged} sin cambios. Adjuntos: {attachments}. Consentimiento: {consent}.</translation>
    </message>
    <message>
        <source>Bundle {bundle_id} ({kind}).</source>
        <translation>Paquete {bundle_id} ({kind}).</translation>
    </message>
    <message>
        <source>Research consent withdrawn (entries: {count}).</source>
        <translation>Consentimiento de investigación retirado (entradas: {count}).</translation>
    </message>
    <message>
        <source>Feedback: {comments} comments, {sign_offs} sign-offs ({records} records).</source>
        <translation>Retroalimentación: {comments} comentarios, {sign_offs} aprobaciones ({records} registros).</translation>
    </message>
    <message>
        <source>Imported. Entries: {new} new, {updated} updated. Attachments: {attachments}.</source>
        <translation>Importado. Entradas: {new} nuevas, {updated} actualizadas. Adjuntos: {attachments}.</translation>
    </message>
    <message>
        <source>WARNING: the file changed on disk after the preview. What you saw was imported, not the file there now. If you did not change it, someone or something with access to that folder did.</source>
        <translation>ATENCIÓN: el archivo cambió en el disco después de la vista previa. Se importó lo que viste, no el archivo que está ahí ahora. Si no lo cambiaste tú, lo hizo alguien o algo con acceso a esa carpeta.</translation>
    </message>
    <message>
        <source>Entries that now hold concurrent versions (both kept): {count}.</source>
        <translation>Entradas que ahora tienen versiones concurrentes (se conservaron ambas): {count}.</translation>
    </message>
    <message>
        <source>Compare this safety number with the sender (in person or by phone) before you import:</source>
        <translation>Compara este número de seguridad con quien lo envió (en persona o por teléfono) antes de importar:</translation>
    </message>
    <message>
        <source>Wrote a feedback bundle for {names} to {path} (entries: {entries}).</source>
        <translation>Se escribió un paquete de retroalimentación para {names} en {path} (entradas: {entries}).</translation>
    </message>
    <message>
        <source>WARNING: you have a contact with this name but other keys ({ids}).</source>
        <translation>ADVERTENCIA: tienes un contacto con este nombre pero con otras claves ({ids}).</translation>
    </message>
    <message>
        <source>This bundle was already imported.</source>
        <translation>Este paquete ya se importó.</translation>
    </message>
    <message>
        <source>{size} bytes, encrypted to {x25519} keys ({stanzas} header stanzas).</source>
        <translation>{size} bytes, cifrado para {x25519} claves ({stanzas} bloques en la cabecera).</translation>
    </message>
    <message>
        <source>Import it?</source>
        <translation>¿Importarlo?</translation>
    </message>
    <message>
        <source>The sender was added as a contact ({id}), not verified yet.</source>
        <translation>Quien lo envió se agregó como contacto ({id}), aún sin verificar.</translation>
    </message>
    <message>
        <source>New contact (not verified yet).</source>
        <translation>Contacto nuevo (aún sin verificar).</translation>
    </message>
    <message>
        <source>You already have this card.</source>
        <translation>Ya tienes esta tarjeta.</translation>
    </message>
    <message>
        <source>A newer card of a contact, signed by their key.</source>
        <translation>Una tarjeta más reciente de un contacto, firmada con su clave.</translation>
    </message>
    <message>
        <source>You already have a newer card for this contact; nothing changes.</source>
        <translation>Ya tienes una tarjeta más reciente de este contacto; no cambia nada.</translation>
    </message>
    <message>
        <source>WARNING: other keys for this contact, not signed by the keys you have. Compare the safety number with the person before you accept them.</source>
        <translation>ADVERTENCIA: otras claves para este contacto, no firmadas con las claves que tienes. Compara el número de seguridad con la persona antes de aceptarlas.</translation>
    </message>
    <message>
        <source>WARNING: you already have a contact with this name but other keys. It will be added as a separate contact; compare the safety number with the person first.</source>
        <translation>ADVERTENCIA: ya tienes un contacto con este nombre pero con otras claves. Se agregará como un contacto aparte; primero compara el número de seguridad con la persona.</translation>
    </message>
    <message>
        <source>New key, vouched by the old one: the contact&apos;s previous key signed this card. Whoever holds the old key could have made it, so the contact is not verified until you compare the new safety number with the person.</source>
        <translation>Clave nueva, avalada por la anterior: la clave anterior del contacto firmó esta tarjeta. Quien tenga la clave anterior pudo haberla hecho, así que el contacto queda sin verificar hasta que compares el nuevo número de seguridad con la persona.</translation>
    </message>
    <message>
        <source>The key on this card, or the key that vouched for it, was revoked.</source>
        <translation>La clave de esta tarjeta, o la clave que la avaló, fue revocada.</translation>
    </message>
    <message>
        <source>This card is for, or signed by, a key this contact has already replaced.</source>
        <translation>Esta tarjeta es de una clave que este contacto ya reemplazó, o está firmada por ella.</translation>
    </message>
    <message>
        <source>A revocation: this key, and every newer key it vouched for, will no longer be trusted; bundles they signed from the revocation&apos;s date on are refused.</source>
        <translation>Una revocación: esta clave, y cada clave más nueva que avaló, dejarán de ser de confianza; se rechazarán los paquetes que firmen desde la fecha de la revocación.</translation>
    </message>
    <message>
        <source>A revocation of a key none of your contacts has. It is kept: a card or bundle with that key, or vouched for by it, will be refused.</source>
        <translation>Una revocación de una clave que no tiene ninguno de tus contactos. Se guarda: se rechazará una tarjeta o un paquete con esa clave, o avalado por ella.</translation>
    </message>
    <message>
        <source>Key id: {key_id}</source>
        <translation>Identificador de clave: {key_id}</translation>
    </message>
    <message>
        <source>Safety number:</source>
        <translation>Número de seguridad:</translation>
    </message>
    <message>
        <source>The contact was verified; it will be &apos;vouched&apos; (not verified) now.</source>
        <translation>El contacto estaba verificado; ahora quedará «avalado» (sin verificar).</translation>
    </message>
    <message>
        <source>WARNING: this card changes what you confirmed about this contact:</source>
        <translation>ADVERTENCIA: esta tarjeta cambia lo que confirmaste sobre este contacto:</translation>
    </message>
    <message>
        <source>WARNING: this name looks like that of your contact {name}.</source>
        <translation>ADVERTENCIA: este nombre se parece al de tu contacto {name}.</translation>
    </message>
    <message>
        <source>Accept this card?</source>
        <translation>¿Aceptar esta tarjeta?</translation>
    </message>
    <message>
        <source>No contacts yet. Import a card with &apos;contact import&apos;.</source>
        <translation>Aún no hay contactos. Importa una tarjeta con &apos;contact import&apos;.</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <source>vouched by an old key</source>
        <translation>avalado por una clave anterior</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocado</translation>
    </message>
    <message>
        <source>keys changed</source>
        <translation>claves cambiadas</translation>
    </message>
    <message>
        <source>Compare this safety number with the one {name} sees (in person or by phone):</source>
        <translation>Compara este número de seguridad con el que ve {name} (en persona o por teléfono):</translation>
    </message>
    <message>
        <source>Do the numbers match exactly?</source>
        <translation>¿Los números coinciden exactamente?</translation>
    </message>
    <message>
        <source>{name} is verified.</source>
        <translation>{name} quedó verificado/a.</translation>
    </message>
    <message>
        <source>{name}&apos;s keys are revoked: their bundles are refused and nothing is sent to them.</source>
        <translation>Las claves de {name} están revocadas: sus paquetes se rechazan y no se le envía nada.</translation>
    </message>
    <message>
        <source>Wrote your secret age key to {path}. Anyone with this file can read the bundles sent to you: keep it private and delete it when you are done.</source>
        <translation>Se escribió tu clave secreta age en {path}. Cualquiera con este archivo puede leer los paquetes que te envíen: mantenlo en privado y bórralo cuando termines.</translation>
    </message>
    <message>
        <source>Wrote your minisign public key to {path}.</source>
        <translation>Se escribió tu clave pública minisign en {path}.</translation>
    </message>
    <message>
        <source>Wrote your contact card to {path}. Give it to your contacts, then compare safety numbers with them (&apos;contact safety-number&apos;).</source>
        <translation>Se escribió tu tarjeta de contacto en {path}. Entrégala a tus contactos y luego compara los números de seguridad con ellos (&apos;contact safety-number&apos;).</translation>
    </message>
    <message>
        <source>Make a new key pair? Contacts will need the new card to send you bundles.</source>
        <translation>¿Crear un nuevo par de claves? Tus contactos necesitarán la nueva tarjeta para enviarte paquetes.</translation>
    </message>
    <message>
        <source>New key pair made; its card is in {path}. Your contacts must import it and compare safety numbers with you again. Bundles sent to your old key still open.</source>
        <translation>Nuevo par de claves creado; su tarjeta está en {path}. Tus contactos deben importarla y volver a comparar contigo los números de seguridad. Los paquetes enviados a tu clave anterior se siguen abriendo.</translation>
    </message>
    <message>
        <source>New key pair made; its card, signed by your old key too, is in {path}. Give it to your contacts: they take it without checking again. Bundles sent to your old key still open.</source>
        <translation>Nuevo par de claves creado; su tarjeta, firmada también con tu clave anterior, está en {path}. Entrégala a tus contactos: la aceptan sin volver a comprobar. Los paquetes enviados a tu clave anterior se siguen abriendo.</translation>
    </message>
    <message>
        <source>Wrote a revocation of your keys to {path}. Contacts who import it stop trusting these keys. Then make new ones with &apos;identity rotate --no-vouch&apos; and give your contacts the new card.</source>
        <translation>Se escribió una revocación de tus claves en {path}. Los contactos que la importen dejan de confiar en estas claves. Luego crea claves nuevas con &apos;identity rotate --no-vouch&apos; y entrega la nueva tarjeta a tus contactos.</translation>
    </message>
    <message>
        <source>ReflectDesk is in the applications menu; .rdbundle and .rdcard files open with it ({count} files in {path}).</source>
        <translation>ReflectDesk está en el menú de aplicaciones; los archivos .rdbundle y .rdcard se abren con él ({count} archivos en {path}).</translation>
    </message>
    <message>
        <source>Desktop integration removed ({count} files).</source>
        <translation>Integración con el escritorio eliminada ({count} archivos).</translation>
    </message>
    <message>
        <source>Nothing waits for your feedback.</source>
        <translation>Nada espera tu retroalimentación.</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>retroalimentación</translation>
    </message>
    <message>
        <source>sign-off</source>
        <translation>aprobación</translation>
    </message>
    <message>
        <source>{student}: {entries} entries, {ready} ready, {feedback} comments and replies, standards met: {standards}</source>
        <translation>{student}: {entries} entradas, {ready} listas, {feedback} comentarios y respuestas, estándares logrados: {standards}</translation>
    </message>
    <message>
        <source>on an earlier version</source>
        <translation>en una versión anterior</translation>
    </message>
    <message>
        <source>(resolved)</source>
        <translation>(resuelto)</translation>
    </message>
    <message>
        <source>Signed off by {name} on version {version}: {overall}</source>
        <translation>Aprobado por {name} en la versión {version}: {overall}</translation>
    </message>
    <message>
        <source>The entry changed since this sign-off.</source>
        <translation>La entrada cambió después de esta aprobación.</translation>
    </message>
    <message>
        <source>{count} records wait for a version not received yet.</source>
        <translation>{count} registros esperan una versión que aún no llega.</translation>
    </message>
    <message>
        <source>Marked as draft.</source>
        <translation>Marcada como borrador.</translation>
    </message>
    <message>
        <source>Marked ready for feedback.</source>
        <translation>Marcada como lista para retroalimentación.</translation>
    </message>
    <message>
        <source>Wrote {count} entries with their feedback to {path}. This copy is not encrypted.</source>
        <translation>Se escribieron {count} entradas con su retroalimentación en {path}. Esta copia no está cifrada.</translation>
    </message>
    <message>
        <source>App password: </source>
        <translation>Contraseña de aplicación: </translation>
    </message>
    <message>
        <source>Exchange point added. Nothing is sent until you run &apos;sync now&apos; or the app does.</source>
        <translation>Punto de intercambio agregado. No se envía nada hasta que ejecutes &apos;sync now&apos; o lo haga la aplicación.</translation>
    </message>
    <message>
        <source>No exchange points: nothing is ever sent. Add one with &apos;exchange add&apos;.</source>
        <translation>No hay puntos de intercambio: nunca se envía nada. Agrega uno con &apos;exchange add&apos;.</translation>
    </message>
    <message>
        <source>Exchange point removed. Files on it were left as they are.</source>
        <translation>Punto de intercambio eliminado. Los archivos que tenía quedaron como estaban.</translation>
    </message>
    <message>
        <source>The new app password is stored (encrypted).</source>
        <translation>La nueva contraseña de aplicación quedó guardada (cifrada).</translation>
    </message>
    <message>
        <source>{label}: offline, {count} waiting</source>
        <translation>{label}: sin conexión, {count} en espera</translation>
    </message>
    <message>
        <source>{label}: {count} waiting to be sent</source>
        <translation>{label}: {count} por enviar</translation>
    </message>
    <message>
        <source>last sync: {when}</source>
        <translation>última sincronización: {when}</translation>
    </message>
    <message>
        <source>Received from people not verified, waiting for you: {count} (&apos;sync waiting&apos;).</source>
        <translation>Recibidos de personas no verificadas, esperándote: {count} (&apos;sync waiting&apos;).</translation>
    </message>
    <message>
        <source>Sent: {sent}. Imported: {received}. Waiting for you: {waiting}.</source>
        <translation>Enviados: {sent}. Importados: {received}. Esperándote: {waiting}.</translation>
    </message>
    <message>
        <source>Nothing is waiting for you.</source>
        <translation>Nada te está esperando.</translation>
    </message>
    <message>
        <source>Import this bundle?</source>
        <translation>¿Importar este paquete?</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Importado.</translation>
    </message>
    <message>
        <source>Queued a bundle for {points} exchange point(s) (entries: {entries}). It is sent by &apos;sync now&apos;, or by the app when it is open and online.</source>
        <translation>Paquete en cola para {points} punto(s) de intercambio (entradas: {entries}). Se envía con &apos;sync now&apos;, o lo envía la aplicación cuando está abierta y con conexión.</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Copia de seguridad escrita: {path}</translation>
    </message>
    <message>
        <source>Backup of {date}: {entries} entries, {revisions} revisions, {attachments} attachments, {contacts} contacts, {bundles} bundle-log rows.</source>
        <translation>Copia del {date}: {entries} entradas, {revisions} revisiones, {attachments} adjuntos, {contacts} contactos, {bundles} filas del registro de paquetes.</translation>
    </message>
    <message>
        <source>The backup is whole: every record opens and the vault checks pass.</source>
        <translation>La copia está completa: cada registro se abre y las comprobaciones del espacio pasan.</translation>
    </message>
    <message>
        <source>Restored into {path}. Open it with --vault {path}.</source>
        <translation>Restaurado en {path}. Ábrelo con --vault {path}.</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <source>already had</source>
        <translation>ya estaba</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>unknown sender</source>
        <translation>remitente desconocido</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>no realizado</translation>
    </message>
    <message>
        <source>Senders who are NOT your contacts ({count}). Compare each safety number with the sender (in person or by phone) before you import their bundles:</source>
        <translation>Remitentes que NO son tus contactos ({count}). Compara cada número de seguridad con quien lo envía (en persona o por teléfono) antes de importar sus paquetes:</translation>
    </message>
    <message>
        <source>    WARNING: you have a contact with this name but other keys ({ids}).</source>
        <translation>    ATENCIÓN: tienes un contacto con este nombre pero con otras claves ({ids}).</translation>
    </message>
    <message>
        <source>Bundles: {imported} imported, {already} already had, {refused} refused, {unknown} from unknown senders, {not_done} not done.</source>
        <translation>Paquetes: {imported} importados, {already} ya estaban, {refused} rechazados, {unknown} de remitentes desconocidos, {not_done} no realizados.</translation>
    </message>
    <message>
        <source>The import stopped: {reason} The bundles imported before stay; run it again to import the rest.</source>
        <translation>La importación se detuvo: {reason} Los paquetes ya importados se conservan; vuelve a ejecutarla para importar el resto.</translation>
    </message>
    <message>
        <source>Run the import again with --yes to import their bundles; they become contacts, not verified yet.</source>
        <translation>Vuelve a ejecutar la importación con --yes para importar sus paquetes; quedarán como contactos aún no verificados.</translation>
    </message>
    <message>
        <source>Cohort {name}: {count} members.</source>
        <translation>Cohorte {name}: {count} integrantes.</translation>
    </message>
    <message>
        <source>No cohorts yet. Create one with &apos;cohort create&apos;.</source>
        <translation>Aún no hay cohortes. Crea una con &apos;cohort create&apos;.</translation>
    </message>
    <message>
        <source>planning</source>
        <translation>en planificación</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>approval expired</source>
        <translation>aprobación vencida</translation>
    </message>
    <message>
        <source>Planning. Record its ethics approval with &apos;case approve&apos; before adding entries.</source>
        <translation>En planificación. Registra su aprobación ética con &apos;case approve&apos; antes de agregar entradas.</translation>
    </message>
    <message>
        <source>Ethics approval recorded; it expires on {date}.</source>
        <translation>Aprobación ética registrada; vence el {date}.</translation>
    </message>
    <message>
        <source>No case studies yet. Create one with &apos;case create&apos;.</source>
        <translation>Aún no hay estudios de caso. Crea uno con &apos;case create&apos;.</translation>
    </message>
    <message>
        <source>Export {file} ({date}) is outdated: items were removed since.</source>
        <translation>La exportación {file} ({date}) está desactualizada: desde entonces se quitaron elementos.</translation>
    </message>
    <message>
        <source>Withdrawn on {date}, from bundle {bundle}.</source>
        <translation>Retirado el {date}, desde el paquete {bundle}.</translation>
    </message>
    <message>
        <source>can be added</source>
        <translation>se puede agregar</translation>
    </message>
    <message>
        <source>consent to read only</source>
        <translation>consentimiento solo de lectura</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>consentimiento retirado</translation>
    </message>
    <message>
        <source>no consent recorded</source>
        <translation>sin consentimiento registrado</translation>
    </message>
    <message>
        <source>already in this study</source>
        <translation>ya está en este estudio</translation>
    </message>
    <message>
        <source>Added as {pseudonym}, version {seq}.</source>
        <translation>Agregada como {pseudonym}, versión {seq}.</translation>
    </message>
    <message>
        <source>Term added as {pseudonym}.</source>
        <translation>Término agregado como {pseudonym}.</translation>
    </message>
    <message>
        <source>Stopped: nothing was changed.</source>
        <translation>Detenido: no se cambió nada.</translation>
    </message>
    <message>
        <source>{count} proposals; nothing changed. Review them on a terminal or use --accept-all.</source>
        <translation>{count} propuestas; no se cambió nada. Revísalas en una terminal o use --accept-all.</translation>
    </message>
    <message>
        <source>{made} of {count} replacements made; the items are reviewed.</source>
        <translation>Se hicieron {made} de {count} reemplazos; los elementos quedan revisados.</translation>
    </message>
    <message>
        <source>{n} item(s) consented as research-pseudonymised still hold a name you skipped: they stay unreviewed and exports wait for them. Run &apos;case pseudonymise&apos; again.</source>
        <translation>{n} elemento(s) con consentimiento de investigación seudonimizada aún contienen un nombre que omitiste: siguen sin revisar y las exportaciones los esperan. Ejecuta «case pseudonymise» de nuevo.</translation>
    </message>
    <message>
        <source>Study: {study}.</source>
        <translation>Estudio: {study}.</translation>
    </message>
    <message>
        <source>It ends on record {seq}, the signed record of the {format} export of {date} (SHA-256 {sha256}).</source>
        <translation>Termina en el registro {seq}, el registro firmado de la exportación {format} del {date} (SHA-256 {sha256}).</translation>
    </message>
    <message>
        <source>{file} is that export: its SHA-256 matches.</source>
        <translation>{file} es esa exportación: su SHA-256 coincide.</translation>
    </message>
    <message>
        <source>Add --project FILE to check that FILE is the export it ends on.</source>
        <translation>Agregue --project ARCHIVO para comprobar que ARCHIVO es la exportación en que termina.</translation>
    </message>
    <message>
        <source>It is this study&apos;s log in the vault, up to that record.</source>
        <translation>Es el registro de este estudio en el espacio, hasta ese registro.</translation>
    </message>
    <message>
        <source>{count} codes imported.</source>
        <translation>Códigos importados: {count}.</translation>
    </message>
    <message>
        <source>Exported to {file}; its signed audit log is {audit}.</source>
        <translation>Exportado a {file}; su registro de auditoría firmado es {audit}.</translation>
    </message>
    <message>
        <source>Delete &apos;{title}&apos; with its items, codes, memos, pseudonym map and audit log from the vault? This cannot be undone.</source>
        <translation>¿Eliminar «{title}» con sus elementos, códigos, memos, mapa de seudónimos y registro de auditoría de tu espacio? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Case study deleted.</source>
        <translation>Estudio de caso eliminado.</translation>
    </message>
    <message>
        <source>Case study deleted; its signed log, closed by the deletion, is {file}.</source>
        <translation>Estudio de caso eliminado; su registro firmado, cerrado por la eliminación, está en {file}.</translation>
    </message>
    <message>
        <source>The audit log verifies: {count} records, signed by {keys}.</source>
        <translation>El registro de auditoría es válido: {count} registros, firmados por {keys}.</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>New code</source>
        <extracomment>Colours a new code gets in turn (readable under text, light and dark).</extracomment>
        <translation>Nuevo código</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Editar código</translation>
    </message>
    <message>
        <source>Under:</source>
        <translation>Dentro de:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Color:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Choose the code&apos;s colour</source>
        <translation>Elegir el color del código</translation>
    </message>
</context>
<context>
    <name>CohortDashboard</name>
    <message>
        <source>Reading the cohort…</source>
        <translation>Leyendo la cohorte…</translation>
    </message>
    <message>
        <source>The cohort could not be read.</source>
        <translation>No se pudo leer la cohorte.</translation>
    </message>
    <message>
        <source>Nobody here has sent you entries yet. Import their bundles first.</source>
        <translation>Nadie de aquí te ha enviado entradas todavía. Importa primero sus paquetes.</translation>
    </message>
    <message>
        <source>%1 students, %2 entries shown. Double-click a student, a cell or a bar to open the entries.</source>
        <translation>%1 estudiantes, %2 entradas a la vista. Haz doble clic en un estudiante, una celda o una barra para abrir las entradas.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Imágenes SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>Exportar el gráfico</translation>
    </message>
    <message>
        <source>entries-per-week</source>
        <translation>entradas-por-semana</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Exportar la tabla</translation>
    </message>
    <message>
        <source>cohort</source>
        <translation>cohorte</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cohort dashboard</source>
        <translation>Panel de la cohorte</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Retroalimentación</translation>
    </message>
    <message>
        <source>Sign-offs</source>
        <translation>Vistos buenos</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <source>Standards covered per student</source>
        <translation>Estándares abordados por estudiante</translation>
    </message>
    <message>
        <source>Entries per week</source>
        <translation>Entradas por semana</translation>
    </message>
    <message>
        <source>Standards (MBE)</source>
        <translation>Estándares (MBE)</translation>
    </message>
    <message>
        <source>ISO week</source>
        <translation>Semana ISO</translation>
    </message>
    <message>
        <source>&amp;Show her entries</source>
        <translation>&amp;Ver sus entradas</translation>
    </message>
    <message>
        <source>Ta&amp;ble as CSV…</source>
        <translation>Ta&amp;bla como CSV…</translation>
    </message>
    <message>
        <source>Chart as &amp;PNG…</source>
        <translation>Gráfico como P&amp;NG…</translation>
    </message>
    <message>
        <source>Chart as S&amp;VG…</source>
        <translation>Gráfico como S&amp;VG…</translation>
    </message>
    <message>
        <source>Chart and standards</source>
        <translation>Gráfico y estándares</translation>
    </message>
</context>
<context>
    <name>CohortsPanel</name>
    <message>
        <source>No cohorts yet. A cohort groups contacts, for example a course section.</source>
        <translation>Aún no hay cohortes. Una cohorte agrupa contactos, por ejemplo una sección de un curso.</translation>
    </message>
    <message>
        <source>Nobody in this cohort yet.</source>
        <translation>Todavía no hay nadie en esta cohorte.</translation>
    </message>
    <message>
        <source>Name (for example: Práctica II — 2026 — Sección 2):</source>
        <translation>Nombre (por ejemplo: Práctica II — 2026 — Sección 2):</translation>
    </message>
    <message>
        <source>New cohort</source>
        <translation>Nueva cohorte</translation>
    </message>
    <message>
        <source>Rename the cohort</source>
        <translation>Cambiar el nombre de la cohorte</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>Cohortes</translation>
    </message>
    <message>
        <source>Members of the cohort</source>
        <translation>Integrantes de la cohorte</translation>
    </message>
    <message>
        <source>New cohort…</source>
        <translation>Nueva cohorte…</translation>
    </message>
    <message>
        <source>Rename the cohort…</source>
        <translation>Cambiar el nombre de la cohorte…</translation>
    </message>
    <message>
        <source>Delete the cohort</source>
        <translation>Eliminar la cohorte</translation>
    </message>
    <message>
        <source>Add this contact</source>
        <translation>Agregar este contacto</translation>
    </message>
    <message>
        <source>Remove this contact</source>
        <translation>Quitar este contacto</translation>
    </message>
    <message>
        <source>Show the cohort&apos;s dashboard</source>
        <translation>Ver el panel de la cohorte</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Your &amp;reply:</source>
        <translation>Tu &amp;respuesta:</translation>
    </message>
    <message>
        <source>Your &amp;comment:</source>
        <translation>Tu &amp;comentario:</translation>
    </message>
    <message>
        <source>Quoted passage</source>
        <translation>Pasaje citado</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>That matches. Your vault is ready.</source>
        <translation>Coincide. Tu espacio está listo.</translation>
    </message>
    <message>
        <source>Groups %1 and %2 do not match your key. Look at them again.</source>
        <translation>Los grupos %1 y %2 no coinciden con tu clave. Revísalos de nuevo.</translation>
    </message>
    <message>
        <source>Group %1 does not match your key. Look at it again.</source>
        <translation>El grupo %1 no coincide con tu clave. Revísalo de nuevo.</translation>
    </message>
    <message>
        <source>Check your copy</source>
        <translation>Revisa tu copia</translation>
    </message>
    <message>
        <source>So that you know the copy you kept is right.</source>
        <translation>Para que sepas que la copia que guardaste está correcta.</translation>
    </message>
    <message>
        <source>From the copy you saved or printed, type group %1 and group %2.</source>
        <translation>Desde la copia que guardaste o imprimiste, escribe el grupo %1 y el grupo %2.</translation>
    </message>
    <message>
        <source>Group %1:</source>
        <translation>Grupo %1:</translation>
    </message>
    <message>
        <source>Group %1 of the recovery key</source>
        <translation>Grupo %1 de la clave de recuperación</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Two versions of this entry, written on different computers: resolve.</source>
        <translation>Dos versiones de esta entrada, escritas en computadores distintos: resuélvelas.</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Resolver…</translation>
    </message>
    <message>
        <source>Two versions of this entry: its author has not merged them yet.</source>
        <translation>Dos versiones de esta entrada: su autora o autor aún no las ha unido.</translation>
    </message>
    <message>
        <source>&amp;Compare versions…</source>
        <translation>&amp;Comparar versiones…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>This computer</source>
        <translation>Este computador</translation>
    </message>
    <message>
        <source>Another computer</source>
        <translation>Otro computador</translation>
    </message>
    <message>
        <source>Merged automatically</source>
        <translation>Unida automáticamente</translation>
    </message>
    <message>
        <source>Version %1 by %2</source>
        <translation>Versión %1 de %2</translation>
    </message>
    <message>
        <source>Version %1 by its author</source>
        <translation>Versión %1 de quien la escribió</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Estándares</translation>
    </message>
    <message>
        <source>Versions of this entry</source>
        <translation>Versiones de esta entrada</translation>
    </message>
    <message>
        <source>This entry was changed on two computers before they met. Where both changed the same part, choose the version to keep or write your own. Nothing is lost: both versions stay in the history.</source>
        <translation>Esta entrada se cambió en dos computadores antes de que se sincronizaran. Donde ambos cambiaron la misma parte, elige la versión que quieres conservar o escribe la tuya. No se pierde nada: las dos versiones quedan en el historial.</translation>
    </message>
    <message>
        <source>Its author changed this entry on two computers and has not merged the versions yet. Each is shown as it was written; only the author can merge them.</source>
        <translation>Quien escribió esta entrada la cambió en dos computadores y aún no ha unido las versiones. Cada una se muestra tal como se escribió; solo quien la escribió puede unirlas.</translation>
    </message>
    <message>
        <source>Merged by itself (changed on one side only): %1</source>
        <translation>Unido automáticamente (cambió en un solo lado): %1</translation>
    </message>
    <message>
        <source>&amp;Save the merged entry</source>
        <translation>&amp;Guardar la entrada unida</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>As for the bundle</source>
        <translation>Igual que el paquete</translation>
    </message>
    <message>
        <source>Consent for %1</source>
        <translation>Consentimiento para %1</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>What may they do with it?</source>
        <translation>¿Qué pueden hacer con ellas?</translation>
    </message>
    <message>
        <source>Your choice travels signed with the bundle. You can withdraw it later.</source>
        <translation>Tu decisión viaja firmada con el paquete. Puedes retirarla más adelante.</translation>
    </message>
    <message>
        <source>For the whole bundle:</source>
        <translation>Para todo el paquete:</translation>
    </message>
    <message>
        <source>Different for some entries? Choose it here (optional):</source>
        <translation>¿Distinto para algunas entradas? Elígelo aquí (opcional):</translation>
    </message>
    <message>
        <source>Consent per entry</source>
        <translation>Consentimiento por entrada</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Key: %1</source>
        <translation>Clave: %1</translation>
    </message>
    <message>
        <source>Safety number with %1</source>
        <translation>Número de seguridad con %1</translation>
    </message>
    <message>
        <source>This contact&apos;s keys were revoked: bundles signed with them are refused and nothing can be sent to them.</source>
        <translation>Las claves de este contacto fueron revocadas: se rechazan los paquetes firmados con ellas y no se le puede enviar nada.</translation>
    </message>
    <message>
        <source>You compared this safety number with %1. It is verified.</source>
        <translation>Comparaste este número de seguridad con %1. Está verificado.</translation>
    </message>
    <message>
        <source>%1 sees the same 60 digits on their screen. Compare them in person or by phone, then mark the contact as verified.</source>
        <translation>%1 ve los mismos 60 dígitos en su pantalla. Compárenlos en persona o por teléfono y luego marca el contacto como verificado.</translation>
    </message>
    <message>
        <source>Import a contact card</source>
        <translation>Importar una tarjeta de contacto</translation>
    </message>
    <message>
        <source>Contact cards (*.rdcard)</source>
        <translation>Tarjetas de contacto (*.rdcard)</translation>
    </message>
    <message>
        <source>The keys of %1 have changed</source>
        <translation>Las claves de %1 cambiaron</translation>
    </message>
    <message>
        <source>This card has other keys than the ones you have for %1, and it is not signed by them. Someone may be pretending to be them. If you accept it, the contact stays not verified until you compare the new safety number in person or by phone.</source>
        <translation>Esta tarjeta tiene otras claves que las que tienes de %1 y no está firmada con ellas. Alguien podría estar haciéndose pasar por esa persona. Si la aceptas, el contacto queda sin verificar hasta que compares el nuevo número de seguridad en persona o por teléfono.</translation>
    </message>
    <message>
        <source>You already have a contact called %1</source>
        <translation>Ya tienes un contacto llamado %1</translation>
    </message>
    <message>
        <source>This card has other keys. A name proves nothing: it will be added as a separate, not verified contact. Compare the safety number with the person before you trust it.</source>
        <translation>Esta tarjeta tiene otras claves. Un nombre no prueba nada: se agregará como un contacto aparte, sin verificar. Compara el número de seguridad con la persona antes de confiar en él.</translation>
    </message>
    <message>
        <source>Check this card</source>
        <translation>Revisa esta tarjeta</translation>
    </message>
    <message>
        <source>Accept, not verified</source>
        <translation>Aceptar sin verificar</translation>
    </message>
    <message>
        <source>%1 was added. Compare the safety number with them before you trust it.</source>
        <translation>Se agregó a %1. Compara el número de seguridad con esa persona antes de confiar en el contacto.</translation>
    </message>
    <message>
        <source>%1 was added as a separate contact, not verified. Compare the safety number.</source>
        <translation>Se agregó a %1 como un contacto aparte, sin verificar. Compara el número de seguridad.</translation>
    </message>
    <message>
        <source>You already have this card of %1.</source>
        <translation>Ya tienes esta tarjeta de %1.</translation>
    </message>
    <message>
        <source>%1&apos;s card was renewed (signed by their key).</source>
        <translation>Se renovó la tarjeta de %1 (firmada con su clave).</translation>
    </message>
    <message>
        <source>You already have a newer card of %1; nothing changed.</source>
        <translation>Ya tienes una tarjeta más reciente de %1; no cambió nada.</translation>
    </message>
    <message>
        <source>%1&apos;s new keys were saved, not verified: compare the safety number again.</source>
        <translation>Se guardaron las claves nuevas de %1, sin verificar: vuelve a comparar el número de seguridad.</translation>
    </message>
    <message>
        <source>%1&apos;s keys are revoked: their bundles are refused and nothing is sent to them.</source>
        <translation>Las claves de %1 están revocadas: sus paquetes se rechazan y no se le envía nada.</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Tarjeta de contacto</translation>
    </message>
    <message>
        <source>Mark as verified</source>
        <translation>Marcar como verificado</translation>
    </message>
    <message>
        <source>Do you see exactly the same digits as %1?</source>
        <translation>¿Ves exactamente los mismos dígitos que %1?</translation>
    </message>
    <message>
        <source>Compare the safety number with %1 in person or by phone (not by e-mail or chat: someone could change both). Mark as verified only if every digit matches.

%2</source>
        <translation>Compara el número de seguridad con %1 en persona o por teléfono (no por correo ni chat: alguien podría cambiar ambos). Márcalo como verificado solo si coinciden todos los dígitos.

%2</translation>
    </message>
    <message>
        <source>%1&apos;s new key was vouched for by their old, verified key. Whoever holds the old key could have done that: compare this new safety number with %1 in person or by phone to mark them verified again.</source>
        <translation>La clave nueva de %1 fue avalada por su clave anterior, que estaba verificada. Quien tenga la clave anterior pudo hacer eso: compara este nuevo número de seguridad con %1 en persona o por teléfono para marcarlo como verificado otra vez.</translation>
    </message>
    <message>
        <source>This card is signed by the contact&apos;s key, but it changes what you confirmed:
%1
Accept it only if the person told you about the change. Otherwise keep the name you have: nothing is changed.</source>
        <translation>Esta tarjeta está firmada con la clave del contacto, pero cambia lo que confirmaste:
%1
Acéptala solo si la persona te avisó del cambio. Si no, mantén el nombre que tienes: no se cambia nada.</translation>
    </message>
    <message>
        <source>The new name looks like that of your contact %1.</source>
        <translation>El nombre nuevo se parece al de tu contacto %1.</translation>
    </message>
    <message>
        <source>%1 has a new name</source>
        <translation>%1 tiene un nombre nuevo</translation>
    </message>
    <message>
        <source>Accept the new name</source>
        <translation>Aceptar el nombre nuevo</translation>
    </message>
    <message>
        <source>Keep the name I have</source>
        <translation>Mantener el nombre que tengo</translation>
    </message>
    <message>
        <source>%1 has a new key, vouched by the old one (their previous key signed it). Whoever holds the old key could have made it: compare the new safety number with %1 to mark them verified.</source>
        <translation>%1 tiene una clave nueva, avalada por la anterior (su clave anterior la firmó). Quien tenga la clave anterior pudo haberla hecho: compara el nuevo número de seguridad con %1 para marcarlo como verificado.</translation>
    </message>
    <message>
        <source>This revocation is for a key none of your contacts has. It is kept: a card or bundle with that key, or vouched for by it, will be refused.</source>
        <translation>Esta revocación es de una clave que no tiene ninguno de tus contactos. Se guarda: se rechazará una tarjeta o un paquete con esa clave, o avalado por ella.</translation>
    </message>
    <message>
        <source>They match: mark as verified</source>
        <translation>Coinciden: marcar como verificado</translation>
    </message>
    <message>
        <source>Revoke contact</source>
        <translation>Revocar contacto</translation>
    </message>
    <message>
        <source>Stop trusting the keys of %1?</source>
        <translation>¿Dejar de confiar en las claves de %1?</translation>
    </message>
    <message>
        <source>Bundles signed with these keys will be refused and you cannot send %1 anything more. Do this if %1 tells you their keys were lost or stolen, or if you no longer share with them.

This cannot be undone: to share again, %1 makes new keys and gives you the new card.</source>
        <translation>Se rechazarán los paquetes firmados con estas claves y ya no podrás enviarle nada a %1. Hazlo si %1 te avisa que perdió sus claves o que se las robaron, o si ya no compartes con esa persona.

No se puede deshacer: para volver a compartir, %1 crea claves nuevas y te entrega su nueva tarjeta.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>The people you share entries with. Import their card (a .rdcard file: drop it here), then compare the safety number with them once.</source>
        <translation>Las personas con quienes compartes entradas. Importa su tarjeta (un archivo .rdcard: arrástralo aquí) y luego compara el número de seguridad con ellas una vez.</translation>
    </message>
    <message>
        <source>No contacts yet. Import the card of your mentor or your student.</source>
        <translation>Aún no hay contactos. Importa la tarjeta de tu profesor/a guía o de tu estudiante.</translation>
    </message>
    <message>
        <source>&amp;Import a card…</source>
        <translation>&amp;Importar una tarjeta…</translation>
    </message>
    <message>
        <source>Selected contact</source>
        <translation>Contacto elegido</translation>
    </message>
    <message>
        <source>Choose a contact to see their safety number.</source>
        <translation>Elige un contacto para ver su número de seguridad.</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Número de seguridad</translation>
    </message>
    <message>
        <source>&amp;Mark as verified…</source>
        <translation>&amp;Marcar como verificado…</translation>
    </message>
    <message>
        <source>&amp;New card for this contact…</source>
        <translation>&amp;Nueva tarjeta de este contacto…</translation>
    </message>
    <message>
        <source>Import a new card for this contact</source>
        <translation>Importar una nueva tarjeta de este contacto</translation>
    </message>
    <message>
        <source>Revoke &amp;contact…</source>
        <translation>Revocar &amp;contacto…</translation>
    </message>
    <message>
        <source>Revoke this contact</source>
        <translation>Revocar este contacto</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>ReflectDesk: unexpected error</source>
        <translation>ReflectDesk: error inesperado</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your entries are saved and encrypted. You can keep working, or restart ReflectDesk if things look wrong.</source>
        <translation>Algo inesperado salió mal. Tus entradas están guardadas y cifradas. Puedes seguir trabajando o reiniciar ReflectDesk si algo se ve raro.</translation>
    </message>
    <message>
        <source>The report below holds no journal text: only the error type, where it happened in the program, and the versions. Copy it to send it to support.</source>
        <translation>El informe de abajo no contiene texto de tu diario: solo el tipo de error, dónde ocurrió en el programa y las versiones. Cópialo para enviarlo a soporte.</translation>
    </message>
    <message>
        <source>Co&amp;py report</source>
        <translation>Co&amp;piar informe</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copiar informe</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Informe de error</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>My practicum journal</source>
        <translation>Mi diario de práctica</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was created.</source>
        <translation>Cancelado. No se creó nada.</translation>
    </message>
    <message>
        <source>The vault could not be created.</source>
        <translation>No se pudo crear tu espacio.</translation>
    </message>
    <message>
        <source>Creating your vault</source>
        <translation>Creando tu espacio</translation>
    </message>
    <message>
        <source>This takes a few seconds on purpose: it makes guessing slow.</source>
        <translation>Esto tarda unos segundos a propósito: así adivinar es lento.</translation>
    </message>
    <message>
        <source>ReflectDesk turns your passphrase into a key with Argon2id, tuned to this computer, and creates your encrypted vault and your recovery key.</source>
        <translation>ReflectDesk convierte tu frase de contraseña en una clave con Argon2id, ajustado a este computador, y crea tu espacio cifrado y tu clave de recuperación.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Siguiente &gt;</translation>
    </message>
</context>
<context>
    <name>DashboardFilterBar</name>
    <message>
        <source>Everyone who sent you entries</source>
        <translation>Todas las personas que te enviaron entradas</translation>
    </message>
    <message>
        <source>All courses and journals</source>
        <translation>Todos los cursos y diarios</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>Todas las plantillas</translation>
    </message>
    <message>
        <source>&amp;Cohort:</source>
        <translation>&amp;Cohorte:</translation>
    </message>
    <message>
        <source>C&amp;ourse or journal:</source>
        <translation>C&amp;urso o diario:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha de término</translation>
    </message>
    <message>
        <source>&amp;Reset filters</source>
        <translation>&amp;Restablecer filtros</translation>
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
        <translation>Paquete en cola</translation>
    </message>
    <message>
        <source>It waits in the outbox until it is sent: only the recipients can open it.</source>
        <translation>Espera en la bandeja de salida hasta que se envíe: solo los destinatarios pueden abrirlo.</translation>
    </message>
    <message>
        <source>Bundle saved</source>
        <translation>Paquete guardado</translation>
    </message>
    <message>
        <source>Nothing has been sent yet: give them the file any way you like (a USB stick, e-mail, a shared folder). Only they can open it.</source>
        <translation>Todavía no se ha enviado nada: hazles llegar el archivo como prefieras (una memoria USB, correo electrónico, una carpeta compartida). Solo ellos pueden abrirlo.</translation>
    </message>
</context>
<context>
    <name>EntriesPage</name>
    <message>
        <source>You have no journal of your own to share yet.</source>
        <translation>Aún no tienes un diario propio que compartir.</translation>
    </message>
    <message>
        <source>This journal has no entries yet: choose another one.</source>
        <translation>Este diario aún no tiene entradas: elige otro.</translation>
    </message>
    <message>
        <source>You have no entries of your own to share yet.</source>
        <translation>Aún no tienes entradas propias que compartir.</translation>
    </message>
    <message>
        <source>Tick at least one entry to go on.</source>
        <translation>Marca al menos una entrada para seguir.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries chosen</source>
        <translation>
            <numerusform>%n entrada elegida</numerusform>
            <numerusform>%n entradas elegidas</numerusform>
        </translation>
    </message>
    <message>
        <source>Which entries?</source>
        <translation>¿Qué entradas?</translation>
    </message>
    <message>
        <source>Only your own entries can be shared. Received entries stay with you.</source>
        <translation>Solo puedes compartir tus propias entradas. Las entradas recibidas se quedan contigo.</translation>
    </message>
    <message>
        <source>&amp;Chosen entries:</source>
        <translation>Entradas &amp;elegidas:</translation>
    </message>
    <message>
        <source>Chosen entries</source>
        <translation>Entradas elegidas</translation>
    </message>
    <message>
        <source>A &amp;whole journal:</source>
        <translation>Un diario &amp;completo:</translation>
    </message>
    <message>
        <source>A whole journal</source>
        <translation>Un diario completo</translation>
    </message>
    <message>
        <source>Journal to share</source>
        <translation>Diario que compartir</translation>
    </message>
    <message>
        <source>Filter by title or tag</source>
        <translation>Filtrar por título o etiqueta</translation>
    </message>
    <message>
        <source>Filter entries</source>
        <translation>Filtrar entradas</translation>
    </message>
    <message>
        <source>Entries to share</source>
        <translation>Entradas que compartir</translation>
    </message>
    <message>
        <source>Select &amp;all shown</source>
        <translation>Elegir &amp;todas las mostradas</translation>
    </message>
    <message>
        <source>Select all entries shown</source>
        <translation>Elegir todas las entradas mostradas</translation>
    </message>
    <message>
        <source>Select n&amp;one</source>
        <translation>N&amp;o elegir ninguna</translation>
    </message>
    <message>
        <source>Select no entries</source>
        <translation>No elegir ninguna entrada</translation>
    </message>
    <message>
        <source>Include a&amp;ttachments (photos, files)</source>
        <translation>Incluir archivos ad&amp;juntos (fotos, archivos)</translation>
    </message>
    <message>
        <source>Include attachments</source>
        <translation>Incluir archivos adjuntos</translation>
    </message>
    <message>
        <source>Include the revision &amp;history (not only the last version)</source>
        <translation>Incluir el &amp;historial de revisiones (no solo la última versión)</translation>
    </message>
    <message>
        <source>Include the revision history</source>
        <translation>Incluir el historial de revisiones</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Received from %1 — read only</source>
        <translation>Recibida de %1 — solo lectura</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Ninguno elegido</translation>
    </message>
    <message>
        <source>+ %1 more</source>
        <translation>+ %1 más</translation>
    </message>
    <message>
        <source>%1 · * still to answer: %2</source>
        <translation>%1 · * por responder: %2</translation>
    </message>
    <message>
        <source>New entry: it is saved as soon as you write.</source>
        <translation>Entrada nueva: se guarda apenas escribas.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved and encrypted</source>
        <translation>Guardado y cifrado</translation>
    </message>
    <message>
        <source>Not saved: see the message</source>
        <translation>Sin guardar: revisa el mensaje</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Plantilla:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Et&amp;iquetas:</translation>
    </message>
    <message>
        <source>Standards:</source>
        <translation>Estándares:</translation>
    </message>
    <message>
        <source>A short title for this entry</source>
        <translation>Un título breve para esta entrada</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. evaluation, 3rd grade</source>
        <translation>Separadas por comas, p. ej. evaluación, 3° básico</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>H&amp;istory…</source>
        <translation>Hist&amp;orial…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Date of the experience</source>
        <translation>Fecha de la experiencia</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Choose standards</source>
        <translation>Elegir estándares</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation>Historial de revisiones</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Preguntas guía</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <extracomment>``loader(fetch, deliver)`` runs ``fetch`` somewhere and calls ``deliver`` with the rows on the GUI thread; ``None`` means: right here. Emitted on the GUI thread each time a (re)load has been applied.</extracomment>
        <translation>(sin título)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation>Algo salió mal.</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, report it with the crash report.</source>
        <translation>Inténtalo de nuevo. Si sigue pasando, infórmalo junto con el informe de error.</translation>
    </message>
    <message>
        <source>A file of the ReflectDesk installation is missing or damaged: {file}</source>
        <translation>Falta un archivo de la instalación de ReflectDesk o está dañado: {file}</translation>
    </message>
    <message>
        <source>Reinstall ReflectDesk. Your journal is not affected: it is kept apart.</source>
        <translation>Reinstala ReflectDesk. Tu espacio no se ve afectado: se guarda aparte.</translation>
    </message>
    <message>
        <source>The vault could not be used.</source>
        <translation>No se pudo usar tu espacio.</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>La frase de contraseña no es correcta.</translation>
    </message>
    <message>
        <source>Check Caps Lock and the keyboard layout and try again, or use your recovery key.</source>
        <translation>Revisa las mayúsculas (Bloq Mayús) y la distribución del teclado e inténtalo de nuevo, o usa tu clave de recuperación.</translation>
    </message>
    <message>
        <source>The recovery key is not correct.</source>
        <translation>La clave de recuperación no es correcta.</translation>
    </message>
    <message>
        <source>Type the key exactly as it was printed; spaces and dashes do not matter.</source>
        <translation>Escribe la clave tal como quedó impresa; los espacios y guiones no importan.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Tu espacio está bloqueado.</translation>
    </message>
    <message>
        <source>Unlock it with your passphrase first.</source>
        <translation>Primero desbloquéalo con tu frase de contraseña.</translation>
    </message>
    <message>
        <source>There is no vault in this folder.</source>
        <translation>No hay un espacio de ReflectDesk en esta carpeta.</translation>
    </message>
    <message>
        <source>Create one with &apos;init&apos;, or choose the folder that holds your vault.</source>
        <translation>Crea uno con &apos;init&apos; o elige la carpeta que contiene tu espacio.</translation>
    </message>
    <message>
        <source>A vault already exists in this folder.</source>
        <translation>Ya existe un espacio de ReflectDesk en esta carpeta.</translation>
    </message>
    <message>
        <source>Open it, or choose another folder for a new vault.</source>
        <translation>Ábrelo o elige otra carpeta para un espacio nuevo.</translation>
    </message>
    <message>
        <source>The vault header is damaged or incomplete.</source>
        <translation>La cabecera de tu espacio está dañada o incompleta.</translation>
    </message>
    <message>
        <source>Restore the vault folder from a backup. Nothing was changed.</source>
        <translation>Restaura la carpeta de tu espacio desde un respaldo. No se cambió nada.</translation>
    </message>
    <message>
        <source>This file is not a ReflectDesk vault.</source>
        <translation>Este archivo no es un espacio de ReflectDesk.</translation>
    </message>
    <message>
        <source>Choose the folder that holds your ReflectDesk vault.</source>
        <translation>Elige la carpeta que contiene tu espacio de ReflectDesk.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of ReflectDesk.</source>
        <translation>Este espacio fue escrito por una versión más nueva de ReflectDesk.</translation>
    </message>
    <message>
        <source>Update ReflectDesk to open it. Nothing was changed.</source>
        <translation>Actualiza ReflectDesk para abrirla. No se cambió nada.</translation>
    </message>
    <message>
        <source>This vault is already open in another window.</source>
        <translation>Este espacio ya está abierto en otra ventana.</translation>
    </message>
    <message>
        <source>Switch to the window that has it open, or close it and try again.</source>
        <translation>Cambia a la ventana que lo tiene abierto, o ciérrala e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>A record in the vault failed its integrity check.</source>
        <translation>Un registro de tu espacio no pasó su verificación de integridad.</translation>
    </message>
    <message>
        <source>The vault file was altered or damaged. Restore it from a backup.</source>
        <translation>El archivo de tu espacio fue alterado o está dañado. Restáuralo desde un respaldo.</translation>
    </message>
    <message>
        <source>The vault file is damaged: part of it fails its integrity check.</source>
        <translation>El archivo de tu espacio está dañado: una parte no pasa su verificación de integridad.</translation>
    </message>
    <message>
        <source>The file was changed outside ReflectDesk or the disk failed. Do not use this copy: restore the whole vault folder from a backup.</source>
        <translation>El archivo se cambió fuera de ReflectDesk o el disco falló. No uses esta copia: restaura la carpeta completa de tu espacio desde un respaldo.</translation>
    </message>
    <message>
        <source>The vault could not be converted to the new format: the copy did not check.</source>
        <translation>No se pudo convertir tu espacio al nuevo formato: la copia no pasó la verificación.</translation>
    </message>
    <message>
        <source>Nothing was changed: the vault still opens as before. Free some disk space and try again; if it keeps happening, report it.</source>
        <translation>No se cambió nada: tu espacio se abre igual que antes. Haz lugar en el disco e inténtalo de nuevo; si sigue pasando, infórmalo.</translation>
    </message>
    <message>
        <source>Part of the vault was changed, deleted or replaced by an older copy outside ReflectDesk.</source>
        <translation>Una parte de tu espacio fue cambiada, borrada o reemplazada por una copia anterior fuera de ReflectDesk.</translation>
    </message>
    <message>
        <source>Keys, contacts, consents or entry versions may have been altered. Do not use this copy: restore the whole vault folder from a backup.</source>
        <translation>Pueden haberse alterado claves, contactos, consentimientos o versiones de entradas. No uses esta copia: restaura la carpeta completa de tu espacio desde un respaldo.</translation>
    </message>
    <message>
        <source>ReflectDesk cannot write to the data folder.</source>
        <translation>ReflectDesk no puede escribir en la carpeta de datos.</translation>
    </message>
    <message>
        <source>Check that the folder exists, is not read-only and the disk is not full.</source>
        <translation>Revisa que la carpeta exista, que no sea de solo lectura y que el disco no esté lleno.</translation>
    </message>
    <message>
        <source>The versions of an entry do not form a valid history.</source>
        <translation>Las versiones de una entrada no forman un historial válido.</translation>
    </message>
    <message>
        <source>Nothing was saved. If they came in a bundle, ask the sender to export it again.</source>
        <translation>No se guardó nada. Si venían en un paquete, pide a quien lo envió que lo exporte de nuevo.</translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation>Los datos ingresados no son válidos.</translation>
    </message>
    <message>
        <source>Correct it and try again.</source>
        <translation>Corrígelos e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Nothing with this id was found.</source>
        <translation>No se encontró nada con este identificador.</translation>
    </message>
    <message>
        <source>Check the id; listings show the ids that exist.</source>
        <translation>Revisa el identificador; los listados muestran los que existen.</translation>
    </message>
    <message>
        <source>There is no journal with this id.</source>
        <translation>No hay un diario con este identificador.</translation>
    </message>
    <message>
        <source>See the ids with &apos;journal list&apos;.</source>
        <translation>Mira los identificadores con &apos;journal list&apos;.</translation>
    </message>
    <message>
        <source>There is no entry with this id.</source>
        <translation>No hay una entrada con este identificador.</translation>
    </message>
    <message>
        <source>See the ids with &apos;entry list&apos;.</source>
        <translation>Mira los identificadores con &apos;entry list&apos;.</translation>
    </message>
    <message>
        <source>There is no attachment with this id.</source>
        <translation>No hay un archivo adjunto con este identificador.</translation>
    </message>
    <message>
        <source>See an entry&apos;s attachments with &apos;entry show&apos;.</source>
        <translation>Mira los archivos adjuntos de una entrada con &apos;entry show&apos;.</translation>
    </message>
    <message>
        <source>The attachment is larger than the limit of {limit_mb} MB.</source>
        <translation>El archivo adjunto supera el límite de {limit_mb} MB.</translation>
    </message>
    <message>
        <source>Reduce the file (for example, export the photo smaller) and attach it again.</source>
        <translation>Reduce el archivo (por ejemplo, exporta la foto más pequeña) y adjúntalo de nuevo.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>No se pudo leer el archivo.</translation>
    </message>
    <message>
        <source>Check that the file exists and that you may read it.</source>
        <translation>Revisa que el archivo exista y que tengas permiso para leerlo.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>No se pudo escribir el archivo.</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk is not full.</source>
        <translation>Comprueba que la carpeta exista, que puedas escribir en ella y que el disco no esté lleno.</translation>
    </message>
    <message>
        <source>The search could not be understood.</source>
        <translation>No se pudo entender la búsqueda.</translation>
    </message>
    <message>
        <source>Check quotes and parentheses. Use &quot;two words&quot; for a phrase, word* for a prefix, and AND, OR, NOT between words.</source>
        <translation>Revisa las comillas y los paréntesis. Usa &quot;dos palabras&quot; para una frase, palabra* para un prefijo, y Y, O, NO (o AND, OR, NOT) entre palabras.</translation>
    </message>
    <message>
        <source>The passphrase is too short.</source>
        <translation>La frase de contraseña es demasiado corta.</translation>
    </message>
    <message>
        <source>Use at least {min_length} characters; several unrelated words work well.</source>
        <translation>Usa al menos {min_length} caracteres; varias palabras sin relación entre sí funcionan bien.</translation>
    </message>
    <message>
        <source>A value is not valid.</source>
        <translation>Un valor no es válido.</translation>
    </message>
    <message>
        <source>Check the value named in the message and try again.</source>
        <translation>Revisa el valor que indica el mensaje e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>{name} could not accept any of this feedback: its entries were not shared with {name}, or not in a bundle that also named you.</source>
        <translation>{name} no podría aceptar nada de esta retroalimentación: sus entradas no se compartieron con {name}, o no en un paquete que también te nombrara a ti.</translation>
    </message>
    <message>
        <source>Leave {name} out. Feedback on your entries goes to those you sent them to; on someone else&apos;s entry, to its author, who forwards it.</source>
        <translation>Deja fuera a {name}. La retroalimentación sobre tus entradas va a quienes se las enviaste; sobre la entrada de otra persona, a su autora, que la reenvía.</translation>
    </message>
    <message>
        <source>This template has no section with that key.</source>
        <translation>Esta plantilla no tiene una sección con esa clave.</translation>
    </message>
    <message>
        <source>Valid keys: {valid}.</source>
        <translation>Claves válidas: {valid}.</translation>
    </message>
    <message>
        <source>The template file is not valid.</source>
        <translation>El archivo de plantilla no es válido.</translation>
    </message>
    <message>
        <source>Fix the field named in the message; docs/templates.md describes the format.</source>
        <translation>Corrige el campo que indica el mensaje; docs/templates.md describe el formato.</translation>
    </message>
    <message>
        <source>There is no template with this id.</source>
        <translation>No hay una plantilla con este identificador.</translation>
    </message>
    <message>
        <source>See the ids with &apos;templates list&apos;.</source>
        <translation>Mira los identificadores con &apos;templates list&apos;.</translation>
    </message>
    <message>
        <source>The standards file is not valid.</source>
        <translation>El archivo de estándares no es válido.</translation>
    </message>
    <message>
        <source>The bundle could not be opened.</source>
        <translation>No se pudo abrir el paquete.</translation>
    </message>
    <message>
        <source>Ask the sender to export it again. Nothing was imported.</source>
        <translation>Pide a quien lo envió que lo exporte de nuevo. No se importó nada.</translation>
    </message>
    <message>
        <source>A comment or sign-off in this bundle is damaged or not valid.</source>
        <translation>Un comentario o una aprobación de este paquete está dañado o no es válido.</translation>
    </message>
    <message>
        <source>Ask the sender to send their feedback again. Nothing was imported.</source>
        <translation>Pide a quien lo envió que mande su retroalimentación de nuevo. No se importó nada.</translation>
    </message>
    <message>
        <source>A comment or sign-off was not signed by the person it names, or was changed.</source>
        <translation>Un comentario o una aprobación no fue firmado por la persona que indica, o fue modificado.</translation>
    </message>
    <message>
        <source>Someone may have altered it on the way. Ask the sender to send it again. Nothing was imported.</source>
        <translation>Alguien pudo alterarlo en el camino. Pide a quien lo envió que lo mande de nuevo. No se importó nada.</translation>
    </message>
    <message>
        <source>The contact card could not be used.</source>
        <translation>No se pudo usar la tarjeta de contacto.</translation>
    </message>
    <message>
        <source>Ask the person to send their card again.</source>
        <translation>Pide a la persona que te envíe su tarjeta de nuevo.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>La operación se canceló.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>No se pudo generar el PDF.</translation>
    </message>
    <message>
        <source>The PDF is drawn with the desktop app&apos;s Qt libraries. Check that ReflectDesk is fully installed, or export as HTML and print that to PDF.</source>
        <translation>El PDF se dibuja con las bibliotecas Qt de la aplicación de escritorio. Revisa que ReflectDesk esté instalado completo, o exporta como HTML e imprímelo a PDF.</translation>
    </message>
    <message>
        <source>This backup is damaged or was changed after it was made: it does not pass its checks.</source>
        <translation>Esta copia de seguridad está dañada o fue modificada después de hacerse: no pasa sus comprobaciones.</translation>
    </message>
    <message>
        <source>Do not restore from it. Use another backup (an older one, or a copy kept elsewhere); your vault was not touched.</source>
        <translation>No restaures desde ella. Usa otra copia (una más antigua, o una guardada en otro lugar); tu espacio no se tocó.</translation>
    </message>
    <message>
        <source>There is no comment with this id.</source>
        <translation>No hay ningún comentario con este id.</translation>
    </message>
    <message>
        <source>See an entry&apos;s comments with &apos;comment list ENTRY&apos;.</source>
        <translation>Revisa los comentarios de una entrada con &apos;comment list ENTRADA&apos;.</translation>
    </message>
    <message>
        <source>There are no comments, sign-offs or statuses to send to these contacts.</source>
        <translation>No hay comentarios, aprobaciones ni estados para enviar a estos contactos.</translation>
    </message>
    <message>
        <source>Feedback goes on entries shared with them: comment or sign off a received entry, or send them your entries first with &apos;bundle export&apos;.</source>
        <translation>La retroalimentación va sobre entradas compartidas con ellos: comenta o aprueba una entrada recibida, o envíales primero tus entradas con &apos;bundle export&apos;.</translation>
    </message>
    <message>
        <source>There is no sign-off with this id.</source>
        <translation>No hay ninguna aprobación con este id.</translation>
    </message>
    <message>
        <source>See an entry&apos;s sign-offs with &apos;comment list ENTRY&apos;.</source>
        <translation>Revisa las aprobaciones de una entrada con &apos;comment list ENTRADA&apos;.</translation>
    </message>
    <message>
        <source>The quoted text is not in that section of the entry&apos;s current version.</source>
        <translation>El texto citado no está en esa sección de la versión actual de la entrada.</translation>
    </message>
    <message>
        <source>Copy the passage exactly as it appears (up to 2,000 characters) and try again.</source>
        <translation>Copia el pasaje tal como aparece (hasta 2.000 caracteres) e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>There is no standard with the code {code}.</source>
        <translation>No hay ningún estándar con el código {code}.</translation>
    </message>
    <message>
        <source>Use a code of the teaching standards (MBE), for example C7=met.</source>
        <translation>Usa un código de los estándares de la profesión docente (MBE), por ejemplo C7=met.</translation>
    </message>
    <message>
        <source>Only the person who signed off may withdraw it.</source>
        <translation>Solo quien hizo la aprobación puede retirarla.</translation>
    </message>
    <message>
        <source>You cannot sign off your own entry.</source>
        <translation>No puedes aprobar tu propia entrada.</translation>
    </message>
    <message>
        <source>Send it to your mentor, who signs it off against the standards.</source>
        <translation>Envíala a tu profesor/a colaborador/a, que la aprueba según los estándares.</translation>
    </message>
    <message>
        <source>Only the entry&apos;s author can mark it ready for feedback.</source>
        <translation>Solo quien escribió la entrada puede marcarla como lista para retroalimentación.</translation>
    </message>
    <message>
        <source>A comment or sign-off is signed by someone who is not among your contacts.</source>
        <translation>Un comentario o una aprobación está firmado por alguien que no está entre tus contactos.</translation>
    </message>
    <message>
        <source>Add that person&apos;s contact card first, compare the safety number, and import again. Nothing was imported.</source>
        <translation>Agrega primero la tarjeta de contacto de esa persona, compara el número de seguridad e importa de nuevo. No se importó nada.</translation>
    </message>
    <message>
        <source>A comment or sign-off is signed with a key that was revoked or replaced.</source>
        <translation>Un comentario o una aprobación está firmado con una clave que fue revocada o reemplazada.</translation>
    </message>
    <message>
        <source>Whoever holds that key may not be its owner. Ask the person to send their feedback again with their current key. Nothing was imported.</source>
        <translation>Quien tiene esa clave puede no ser su dueño. Pide a la persona que envíe su retroalimentación de nuevo con su clave actual. No se importó nada.</translation>
    </message>
    <message>
        <source>A comment or sign-off comes from someone this entry was not shared with.</source>
        <translation>Un comentario o una aprobación viene de alguien con quien no se compartió esta entrada.</translation>
    </message>
    <message>
        <source>Only the people an entry was sent to may comment on it or sign it off, and only on a version they received. Nothing was imported.</source>
        <translation>Solo las personas a quienes se envió una entrada pueden comentarla o aprobarla, y solo en una versión que recibieron. No se importó nada.</translation>
    </message>
    <message>
        <source>A comment or sign-off names a version of the entry that differs from yours.</source>
        <translation>Un comentario o una aprobación indica una versión de la entrada distinta de la tuya.</translation>
    </message>
    <message>
        <source>It may have been moved to another entry or version on the way. Ask the sender to send it again. Nothing was imported.</source>
        <translation>Puede haber sido movido a otra entrada o versión en el camino. Pide a quien lo envió que lo mande de nuevo. No se importó nada.</translation>
    </message>
    <message>
        <source>A comment points at text that is not in the version it names.</source>
        <translation>Un comentario apunta a un texto que no está en la versión que indica.</translation>
    </message>
    <message>
        <source>A record does something its author may not do (withdraw another person&apos;s sign-off, mark someone else&apos;s entry, or sign off their own).</source>
        <translation>Un registro hace algo que su autor no puede hacer (retirar la aprobación de otra persona, marcar la entrada de otra persona o aprobar la propia).</translation>
    </message>
    <message>
        <source>There are more comments and sign-offs than ReflectDesk takes at once ({limit}).</source>
        <translation>Hay más comentarios y aprobaciones de los que ReflectDesk recibe de una vez ({limit}).</translation>
    </message>
    <message>
        <source>Ask the sender to send their feedback in smaller parts. Nothing was imported.</source>
        <translation>Pide a quien lo envió que mande su retroalimentación en partes más pequeñas. No se importó nada.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>No se pudo conectar con el servidor.</translation>
    </message>
    <message>
        <source>Check the connection; ReflectDesk will retry on its own later.</source>
        <translation>Revisa la conexión; ReflectDesk lo volverá a intentar por su cuenta más tarde.</translation>
    </message>
    <message>
        <source>This template id belongs to a built-in template.</source>
        <translation>Este identificador pertenece a una plantilla incluida.</translation>
    </message>
    <message>
        <source>Choose another id for your template, for example with your university&apos;s prefix.</source>
        <translation>Elige otro identificador para tu plantilla, por ejemplo con el prefijo de tu universidad.</translation>
    </message>
    <message>
        <source>This template version was already imported with different content.</source>
        <translation>Esta versión de la plantilla ya se importó con otro contenido.</translation>
    </message>
    <message>
        <source>Raise the version number in the file and import it again.</source>
        <translation>Sube el número de versión en el archivo e impórtalo de nuevo.</translation>
    </message>
    <message>
        <source>This standards version was already loaded with different content.</source>
        <translation>Esta versión de los estándares ya se cargó con otro contenido.</translation>
    </message>
    <message>
        <source>Raise the version number in the file and load it again.</source>
        <translation>Sube el número de versión en el archivo y cárgalo de nuevo.</translation>
    </message>
    <message>
        <source>The bundle is larger than the limit of {limit_mb} MB.</source>
        <translation>El paquete supera el límite de {limit_mb} MB.</translation>
    </message>
    <message>
        <source>Ask the sender to split it into smaller bundles. Nothing was imported.</source>
        <translation>Pide a quien lo envió que lo divida en paquetes más pequeños. No se importó nada.</translation>
    </message>
    <message>
        <source>This file is not a ReflectDesk bundle.</source>
        <translation>Este archivo no es un paquete de ReflectDesk.</translation>
    </message>
    <message>
        <source>Choose a .rdbundle file that someone sent you. Nothing was imported.</source>
        <translation>Elige un archivo .rdbundle que alguien te haya enviado. No se importó nada.</translation>
    </message>
    <message>
        <source>This file is neither a ReflectDesk bundle nor a contact card.</source>
        <translation>Este archivo no es un paquete ni una tarjeta de contacto de ReflectDesk.</translation>
    </message>
    <message>
        <source>ReflectDesk opens bundles (.rdbundle) and contact cards (.rdcard). Ask the sender which file to use.</source>
        <translation>ReflectDesk abre paquetes (.rdbundle) y tarjetas de contacto (.rdcard). Pregunta a quien te lo envió qué archivo usar.</translation>
    </message>
    <message>
        <source>The encryption header of the bundle is damaged.</source>
        <translation>La cabecera de cifrado del paquete está dañada.</translation>
    </message>
    <message>
        <source>The encryption header of the bundle is larger than ReflectDesk accepts.</source>
        <translation>La cabecera de cifrado del paquete es más grande de lo que ReflectDesk acepta.</translation>
    </message>
    <message>
        <source>The bundle is encrypted to more keys than ReflectDesk accepts ({limit}).</source>
        <translation>El paquete está cifrado para más claves de las que ReflectDesk acepta ({limit}).</translation>
    </message>
    <message>
        <source>A bundle can be sent to at most {limit} people.</source>
        <translation>Un paquete se puede enviar a un máximo de {limit} personas.</translation>
    </message>
    <message>
        <source>Send it in several bundles. Nothing was exported.</source>
        <translation>Envíalo en varios paquetes. No se exportó nada.</translation>
    </message>
    <message>
        <source>The bundle is protected with a passphrase; ReflectDesk only opens bundles encrypted to a key.</source>
        <translation>El paquete está protegido con una frase de contraseña; ReflectDesk solo abre paquetes cifrados para una clave.</translation>
    </message>
    <message>
        <source>The bundle is not encrypted to any ReflectDesk key.</source>
        <translation>El paquete no está cifrado para ninguna clave de ReflectDesk.</translation>
    </message>
    <message>
        <source>This bundle was not encrypted to your key.</source>
        <translation>Este paquete no fue cifrado para tu clave.</translation>
    </message>
    <message>
        <source>Check that it was meant for you, or ask the sender to export it again to your current contact card. Nothing was imported.</source>
        <translation>Revisa que estuviera dirigido a ti, o pide a quien lo envió que lo exporte de nuevo para tu tarjeta de contacto actual. No se importó nada.</translation>
    </message>
    <message>
        <source>The bundle is damaged or incomplete: its encryption check failed.</source>
        <translation>El paquete está dañado o incompleto: falló su verificación de cifrado.</translation>
    </message>
    <message>
        <source>The contents of the bundle are damaged or not in the expected format.</source>
        <translation>El contenido del paquete está dañado o no tiene el formato esperado.</translation>
    </message>
    <message>
        <source>The bundle contains a file name that is not allowed.</source>
        <translation>El paquete contiene un nombre de archivo que no está permitido.</translation>
    </message>
    <message>
        <source>The bundle contains the same file name twice.</source>
        <translation>El paquete contiene dos veces el mismo nombre de archivo.</translation>
    </message>
    <message>
        <source>The bundle contains more files than ReflectDesk accepts ({limit}).</source>
        <translation>El paquete contiene más archivos de los que ReflectDesk acepta ({limit}).</translation>
    </message>
    <message>
        <source>A file in the bundle is larger than ReflectDesk accepts.</source>
        <translation>Un archivo del paquete es más grande de lo que ReflectDesk acepta.</translation>
    </message>
    <message>
        <source>A file in the bundle is compressed suspiciously well (a possible zip bomb).</source>
        <translation>Un archivo del paquete está comprimido de forma sospechosa (posible bomba zip).</translation>
    </message>
    <message>
        <source>The bundle contains compressed files. ReflectDesk writes bundles without compression and does not open compressed ones.</source>
        <translation>El paquete contiene archivos comprimidos. ReflectDesk escribe los paquetes sin compresión y no abre paquetes comprimidos.</translation>
    </message>
    <message>
        <source>Ask the sender to export it again with ReflectDesk (a bundle unpacked and packed again with another program is refused). Nothing was imported.</source>
        <translation>Pide a quien lo envió que lo exporte de nuevo con ReflectDesk (un paquete desempaquetado y vuelto a empaquetar con otro programa se rechaza). No se importó nada.</translation>
    </message>
    <message>
        <source>The bundle contains a file stored in a way ReflectDesk does not accept.</source>
        <translation>El paquete contiene un archivo guardado de una forma que ReflectDesk no acepta.</translation>
    </message>
    <message>
        <source>The bundle has no signed list of its contents.</source>
        <translation>El paquete no tiene una lista firmada de su contenido.</translation>
    </message>
    <message>
        <source>The signature of the bundle is not valid.</source>
        <translation>La firma del paquete no es válida.</translation>
    </message>
    <message>
        <source>The bundle was changed after it was signed, or is damaged. Nothing was imported.</source>
        <translation>El paquete se modificó después de firmarse o está dañado. No se importó nada.</translation>
    </message>
    <message>
        <source>The key that signed this bundle has been revoked.</source>
        <translation>La clave que firmó este paquete fue revocada.</translation>
    </message>
    <message>
        <source>Ask the sender for their new contact card. Nothing was imported.</source>
        <translation>Pide a quien lo envió su nueva tarjeta de contacto. No se importó nada.</translation>
    </message>
    <message>
        <source>This bundle is signed by a key revoked on {date}, or by a newer key that a revoked key vouched for.</source>
        <translation>Este paquete está firmado con una clave revocada el {date}, o con una clave más nueva que una clave revocada avaló.</translation>
    </message>
    <message>
        <source>Whoever stole the revoked key can make such bundles. Nothing was imported. Ask the person, in person or by phone, for their current card.</source>
        <translation>Quien robó la clave revocada puede hacer paquetes así. No se importó nada. Pide a la persona, en persona o por teléfono, su tarjeta actual.</translation>
    </message>
    <message>
        <source>This bundle is signed by a key its owner had already replaced on {date}, and it is dated after that.</source>
        <translation>Este paquete está firmado con una clave que su dueño ya había reemplazado el {date}, y tiene fecha posterior.</translation>
    </message>
    <message>
        <source>Ask the sender to send it again; their app signs with their current key. Nothing was imported.</source>
        <translation>Pide a quien lo envió que lo envíe otra vez; su aplicación firma con su clave actual. No se importó nada.</translation>
    </message>
    <message>
        <source>This bundle is signed with one of your own keys that you revoked or replaced as lost.</source>
        <translation>Este paquete está firmado con una de tus propias claves que revocaste o reemplazaste por pérdida.</translation>
    </message>
    <message>
        <source>Someone else may hold that key: do not trust what it says. Nothing was imported.</source>
        <translation>Otra persona podría tener esa clave: no confíes en su contenido. No se importó nada.</translation>
    </message>
    <message>
        <source>The bundle was signed with keys that do not match the ones you have for this contact.</source>
        <translation>El paquete se firmó con claves que no coinciden con las que tienes para este contacto.</translation>
    </message>
    <message>
        <source>Compare safety numbers with the sender before you trust it. Nothing was imported.</source>
        <translation>Compara los números de seguridad con quien lo envió antes de confiar en él. No se importó nada.</translation>
    </message>
    <message>
        <source>This bundle was not addressed to you: someone else re-encrypted it to your key.</source>
        <translation>Este paquete no estaba dirigido a ti: otra persona lo volvió a cifrar para tu clave.</translation>
    </message>
    <message>
        <source>Only its author can share it with you. Nothing was imported.</source>
        <translation>Solo su autor/a puede compartirlo contigo. No se importó nada.</translation>
    </message>
    <message>
        <source>A file in the bundle does not match its signed checksum.</source>
        <translation>Un archivo del paquete no coincide con su suma de verificación firmada.</translation>
    </message>
    <message>
        <source>A file listed in the signed contents of the bundle is missing.</source>
        <translation>Falta un archivo que aparece en el contenido firmado del paquete.</translation>
    </message>
    <message>
        <source>The bundle contains a file that is not in its signed list of contents.</source>
        <translation>El paquete contiene un archivo que no está en su lista firmada de contenido.</translation>
    </message>
    <message>
        <source>A data file in the bundle is larger than ReflectDesk accepts.</source>
        <translation>Un archivo de datos del paquete es más grande de lo que ReflectDesk acepta.</translation>
    </message>
    <message>
        <source>A data file in the bundle is not valid JSON.</source>
        <translation>Un archivo de datos del paquete no es JSON válido.</translation>
    </message>
    <message>
        <source>A data file in the bundle does not have the expected fields.</source>
        <translation>Un archivo de datos del paquete no tiene los campos esperados.</translation>
    </message>
    <message>
        <source>This bundle was made by a newer version of ReflectDesk.</source>
        <translation>Este paquete se creó con una versión más nueva de ReflectDesk.</translation>
    </message>
    <message>
        <source>Update ReflectDesk to open it. Nothing was imported.</source>
        <translation>Actualiza ReflectDesk para abrirlo. No se importó nada.</translation>
    </message>
    <message>
        <source>The bundle could not be made from this content.</source>
        <translation>No se pudo crear el paquete con este contenido.</translation>
    </message>
    <message>
        <source>This is a bug in ReflectDesk; please report it. Nothing was exported.</source>
        <translation>Es un error de ReflectDesk; por favor, infórmalo. No se exportó nada.</translation>
    </message>
    <message>
        <source>Your stored key pair is damaged or in an unknown format.</source>
        <translation>Tu par de claves guardado está dañado o tiene un formato desconocido.</translation>
    </message>
    <message>
        <source>Restore the vault from a backup.</source>
        <translation>Restaura tu espacio desde un respaldo.</translation>
    </message>
    <message>
        <source>A public key is not valid.</source>
        <translation>Una clave pública no es válida.</translation>
    </message>
    <message>
        <source>This is not a valid ReflectDesk contact card.</source>
        <translation>Esta no es una tarjeta de contacto válida de ReflectDesk.</translation>
    </message>
    <message>
        <source>The signature of the contact card is not valid.</source>
        <translation>La firma de la tarjeta de contacto no es válida.</translation>
    </message>
    <message>
        <source>The card was changed or damaged. Ask the person to send it again.</source>
        <translation>La tarjeta se modificó o está dañada. Pide a la persona que la envíe de nuevo.</translation>
    </message>
    <message>
        <source>The contact card has expired.</source>
        <translation>La tarjeta de contacto venció.</translation>
    </message>
    <message>
        <source>Ask the person for a new card.</source>
        <translation>Pide a la persona una tarjeta nueva.</translation>
    </message>
    <message>
        <source>The contact card is dated in the future.</source>
        <translation>La tarjeta de contacto tiene una fecha futura.</translation>
    </message>
    <message>
        <source>Check the date and time of this computer, or ask for a new card.</source>
        <translation>Revisa la fecha y la hora de este computador o pide una tarjeta nueva.</translation>
    </message>
    <message>
        <source>The key revocation is not valid.</source>
        <translation>La revocación de la clave no es válida.</translation>
    </message>
    <message>
        <source>It was changed or damaged. Ask the person to send it again.</source>
        <translation>Se modificó o está dañada. Pide a la persona que la envíe de nuevo.</translation>
    </message>
    <message>
        <source>This entry was received from someone else and cannot be changed.</source>
        <translation>Esta entrada se recibió de otra persona y no se puede cambiar.</translation>
    </message>
    <message>
        <source>Only its author can change it. Comment on it, or copy what you need.</source>
        <translation>Solo su autor/a puede cambiarla. Coméntala o copia lo que necesites.</translation>
    </message>
    <message>
        <source>This entry has only one version: there is nothing to resolve.</source>
        <translation>Esta entrada tiene una sola versión: no hay nada que resolver.</translation>
    </message>
    <message>
        <source>The versions of this entry changed while you were resolving them.</source>
        <translation>Las versiones de esta entrada cambiaron mientras las resolvías.</translation>
    </message>
    <message>
        <source>Nothing was saved. Open the versions again and choose.</source>
        <translation>No se guardó nada. Abre de nuevo las versiones y elige.</translation>
    </message>
    <message>
        <source>This entry was received from someone else; only its author can share it.</source>
        <translation>Esta entrada se recibió de otra persona; solo su autor/a puede compartirla.</translation>
    </message>
    <message>
        <source>Choose entries from your own journals. Nothing was exported.</source>
        <translation>Elige entradas de tus propios diarios. No se exportó nada.</translation>
    </message>
    <message>
        <source>There is no contact with this id.</source>
        <translation>No hay un contacto con este identificador.</translation>
    </message>
    <message>
        <source>See the ids with &apos;contact list&apos;.</source>
        <translation>Mira los identificadores con &apos;contact list&apos;.</translation>
    </message>
    <message>
        <source>This contact&apos;s key has been revoked; nothing can be sent to it.</source>
        <translation>La clave de este contacto fue revocada; no se le puede enviar nada.</translation>
    </message>
    <message>
        <source>Ask the person for their new contact card. Nothing was exported.</source>
        <translation>Pide a la persona su nueva tarjeta de contacto. No se exportó nada.</translation>
    </message>
    <message>
        <source>This step needs your confirmation.</source>
        <translation>Este paso necesita tu confirmación.</translation>
    </message>
    <message>
        <source>Read what was shown, then run the command again with --yes. Nothing was changed.</source>
        <translation>Lee lo que se mostró y vuelve a ejecutar el comando con --yes. No se cambió nada.</translation>
    </message>
    <message>
        <source>This card has other keys than the ones you have for this contact, and the old key did not sign it.</source>
        <translation>Esta tarjeta tiene claves distintas de las que tienes para este contacto, y la clave anterior no la firmó.</translation>
    </message>
    <message>
        <source>Compare the safety number with the person (in person or by phone) before you accept it. Nothing was changed.</source>
        <translation>Compara el número de seguridad con la persona (en persona o por teléfono) antes de aceptarla. No se cambió nada.</translation>
    </message>
    <message>
        <source>You already have a contact with this name but with other keys.</source>
        <translation>Ya tienes un contacto con este nombre pero con otras claves.</translation>
    </message>
    <message>
        <source>It may be a new card of the same person or someone else. Compare the safety number with the person before you accept it. Nothing was changed.</source>
        <translation>Puede ser una tarjeta nueva de la misma persona o de otra. Compara el número de seguridad con la persona antes de aceptarla. No se cambió nada.</translation>
    </message>
    <message>
        <source>The key on this card has been revoked.</source>
        <translation>La clave de esta tarjeta fue revocada.</translation>
    </message>
    <message>
        <source>Ask the person for a card with their new key.</source>
        <translation>Pide a la persona una tarjeta con su clave nueva.</translation>
    </message>
    <message>
        <source>This card is for, or signed by, a key that this contact has already replaced.</source>
        <translation>Esta tarjeta es de una clave que este contacto ya reemplazó, o está firmada por ella.</translation>
    </message>
    <message>
        <source>Only someone holding the old key could make it. Ask the person for their current card and compare the safety number. Nothing was changed.</source>
        <translation>Solo alguien con la clave anterior pudo hacerla. Pide a la persona su tarjeta actual y compara el número de seguridad. No se cambió nada.</translation>
    </message>
    <message>
        <source>This is a revocation of your own key, not of a contact&apos;s.</source>
        <translation>Esta es una revocación de tu propia clave, no de la de un contacto.</translation>
    </message>
    <message>
        <source>If you did not make it, someone else has your secret key: make new keys now with &apos;identity rotate --no-vouch&apos; and give your contacts the new card. Nothing was changed.</source>
        <translation>Si no la hiciste tú, otra persona tiene tu clave secreta: crea claves nuevas ahora con &apos;identity rotate --no-vouch&apos; y entrega la nueva tarjeta a tus contactos. No se cambió nada.</translation>
    </message>
    <message>
        <source>The name on this card contains invisible or text-direction characters.</source>
        <translation>El nombre de esta tarjeta contiene caracteres invisibles o de dirección del texto.</translation>
    </message>
    <message>
        <source>Such characters can make a name look like another one. Ask the person for a card with their name typed plainly. Nothing was changed.</source>
        <translation>Esos caracteres pueden hacer que un nombre parezca otro. Pide a la persona una tarjeta con su nombre escrito de forma simple. No se cambió nada.</translation>
    </message>
    <message>
        <source>This card changes the name, role or institution of a contact you have.</source>
        <translation>Esta tarjeta cambia el nombre, el rol o la institución de un contacto que tienes.</translation>
    </message>
    <message>
        <source>Check the change with the person. To accept it, import the card again with --accept-rename. Nothing was changed.</source>
        <translation>Confirma el cambio con la persona. Para aceptarlo, importa la tarjeta otra vez con --accept-rename. No se cambió nada.</translation>
    </message>
    <message>
        <source>You already have a newer card for this contact.</source>
        <translation>Ya tienes una tarjeta más reciente de este contacto.</translation>
    </message>
    <message>
        <source>The safety number you entered does not match this contact&apos;s.</source>
        <translation>El número de seguridad que ingresaste no coincide con el de este contacto.</translation>
    </message>
    <message>
        <source>Do not mark the contact verified. Check that you both opened the right contact, then compare again.</source>
        <translation>No marques el contacto como verificado. Revisen que ambos abrieron el contacto correcto y vuelvan a comparar.</translation>
    </message>
    <message>
        <source>The sender of this bundle is not one of your contacts.</source>
        <translation>Quien envió este paquete no está entre tus contactos.</translation>
    </message>
    <message>
        <source>Compare the safety number shown with the sender (in person or by phone), then confirm the import. Nothing was imported.</source>
        <translation>Compara el número de seguridad que se muestra con quien lo envió (en persona o por teléfono) y luego confirma la importación. No se importó nada.</translation>
    </message>
    <message>
        <source>The bundle does not carry the contact card of its unknown sender.</source>
        <translation>El paquete no trae la tarjeta de contacto de su remitente desconocido.</translation>
    </message>
    <message>
        <source>Import the sender&apos;s contact card first, then the bundle again. Nothing was imported.</source>
        <translation>Primero importa la tarjeta de contacto de quien lo envió y luego el paquete de nuevo. No se importó nada.</translation>
    </message>
    <message>
        <source>The bundle would change an entry that belongs to someone else.</source>
        <translation>El paquete cambiaría una entrada que pertenece a otra persona.</translation>
    </message>
    <message>
        <source>Only the author of an entry can send new versions of it. Nothing was imported.</source>
        <translation>Solo el/la autor/a de una entrada puede enviar versiones nuevas de ella. No se importó nada.</translation>
    </message>
    <message>
        <source>A version in the bundle claims to be written by someone other than its signer.</source>
        <translation>Una versión del paquete dice estar escrita por alguien distinto de quien lo firmó.</translation>
    </message>
    <message>
        <source>A bundle may only carry versions written by the person who signed it. Nothing was imported; ask the author to send her own bundle.</source>
        <translation>Un paquete solo puede traer versiones escritas por quien lo firmó. No se importó nada; pide a la autora o al autor que envíe su propio paquete.</translation>
    </message>
    <message>
        <source>The bundle reuses an id that stands for something else in your vault.</source>
        <translation>El paquete reutiliza un identificador que corresponde a otra cosa en tu espacio.</translation>
    </message>
    <message>
        <source>Ask the sender to export it again, and report it if it happens again. Nothing was imported.</source>
        <translation>Pide a quien lo envió que lo exporte de nuevo e infórmalo si vuelve a pasar. No se importó nada.</translation>
    </message>
    <message>
        <source>The REFI-QDA project or codebook is not valid.</source>
        <translation>El proyecto o libro de códigos REFI-QDA no es válido.</translation>
    </message>
    <message>
        <source>Nothing was written or imported. Report it if the file came from ReflectDesk.</source>
        <translation>No se escribió ni importó nada. Infórmalo si el archivo lo creó ReflectDesk.</translation>
    </message>
    <message>
        <source>This file is not a REFI-QDA project archive (.qdpx).</source>
        <translation>Este archivo no es un proyecto REFI-QDA (.qdpx).</translation>
    </message>
    <message>
        <source>Export the project again from your analysis program as a REFI-QDA project. Nothing was imported.</source>
        <translation>Exporta de nuevo el proyecto desde tu programa de análisis como proyecto REFI-QDA. No se importó nada.</translation>
    </message>
    <message>
        <source>The project archive is too large, or expands too much, to open safely.</source>
        <translation>El archivo del proyecto es demasiado grande, o se expande demasiado, para abrirlo de forma segura.</translation>
    </message>
    <message>
        <source>Split the project into smaller ones and import each. Nothing was imported.</source>
        <translation>Divide el proyecto en otros más pequeños e importa cada uno. No se importó nada.</translation>
    </message>
    <message>
        <source>The project file is not well-formed XML.</source>
        <translation>El archivo del proyecto no es XML bien formado.</translation>
    </message>
    <message>
        <source>The project or codebook does not follow the REFI-QDA schema.</source>
        <translation>El proyecto o libro de códigos no sigue el esquema REFI-QDA.</translation>
    </message>
    <message>
        <source>Two elements of the project share one GUID.</source>
        <translation>Dos elementos del proyecto comparten el mismo GUID.</translation>
    </message>
    <message>
        <source>A reference in the project points to nothing, or to the wrong kind of element.</source>
        <translation>Una referencia del proyecto no apunta a nada, o apunta a un elemento del tipo equivocado.</translation>
    </message>
    <message>
        <source>A source file the project refers to is missing from the archive.</source>
        <translation>Falta en el archivo un documento fuente al que se refiere el proyecto.</translation>
    </message>
    <message>
        <source>The archive holds a file that the project does not refer to.</source>
        <translation>El archivo contiene un documento al que el proyecto no se refiere.</translation>
    </message>
    <message>
        <source>A source text is not plain UTF-8 text.</source>
        <translation>Un texto fuente no es texto UTF-8 simple.</translation>
    </message>
    <message>
        <source>A source text starts with a byte-order mark, which other programs misread.</source>
        <translation>Un texto fuente comienza con una marca de orden de bytes (BOM), que otros programas leen mal.</translation>
    </message>
    <message>
        <source>A source text has Windows (CR LF) or old Mac (CR) line endings.</source>
        <translation>Un texto fuente tiene fines de línea de Windows (CR LF) o de Mac antiguo (CR).</translation>
    </message>
    <message>
        <source>A coded passage lies outside the text of its source.</source>
        <translation>Un pasaje codificado queda fuera del texto de su fuente.</translation>
    </message>
    <message>
        <source>A coded passage is empty or reversed: its start is not before its end.</source>
        <translation>Un pasaje codificado está vacío o invertido: su inicio no está antes de su final.</translation>
    </message>
    <message>
        <source>The project holds picture, PDF, audio or video sources, which ReflectDesk cannot import.</source>
        <translation>El proyecto contiene fuentes de imagen, PDF, audio o video, que ReflectDesk no puede importar.</translation>
    </message>
    <message>
        <source>Export only the text sources from your analysis program and import that project. Nothing was imported.</source>
        <translation>Exporta solo las fuentes de texto desde tu programa de análisis e importa ese proyecto. No se importó nada.</translation>
    </message>
    <message>
        <source>A proposed replacement no longer matches the text it was proposed for.</source>
        <translation>Un reemplazo propuesto ya no coincide con el texto para el que se propuso.</translation>
    </message>
    <message>
        <source>Look for names again and review the new proposals. Nothing was changed.</source>
        <translation>Vuelve a buscar nombres y revisa las nuevas propuestas. No se cambió nada.</translation>
    </message>
    <message>
        <source>Two accepted replacements cover the same text.</source>
        <translation>Dos reemplazos aceptados cubren el mismo texto.</translation>
    </message>
    <message>
        <source>Skip one of them and apply the replacements again. Nothing was changed.</source>
        <translation>Omite uno de ellos y vuelve a aplicar los reemplazos. No se cambió nada.</translation>
    </message>
    <message>
        <source>The exchange server cannot be reached (offline?).</source>
        <translation>No se puede conectar con el servidor de intercambio (¿sin conexión?).</translation>
    </message>
    <message>
        <source>Check the Internet connection. What is waiting stays queued and is sent on its own when the server can be reached.</source>
        <translation>Revisa la conexión a Internet. Lo pendiente sigue en la cola y se envía solo cuando el servidor esté disponible.</translation>
    </message>
    <message>
        <source>The exchange server did not answer in time.</source>
        <translation>El servidor de intercambio no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The connection may be slow or the server busy. ReflectDesk will try again later.</source>
        <translation>La conexión puede estar lenta o el servidor ocupado. ReflectDesk lo volverá a intentar más tarde.</translation>
    </message>
    <message>
        <source>The exchange server refused the user name or app password.</source>
        <translation>El servidor de intercambio rechazó el nombre de usuario o la contraseña de aplicación.</translation>
    </message>
    <message>
        <source>The password may have been changed or the app password revoked. Create a new app password on the server and enter it in the exchange point settings.</source>
        <translation>Puede que la contraseña haya cambiado o que la contraseña de aplicación se haya revocado. Crea una nueva contraseña de aplicación en el servidor e ingrésala en la configuración del punto de intercambio.</translation>
    </message>
    <message>
        <source>The exchange server does not allow this account to use that folder.</source>
        <translation>El servidor de intercambio no permite que esta cuenta use esa carpeta.</translation>
    </message>
    <message>
        <source>Ask whoever shared the folder to give you write access, or choose another folder.</source>
        <translation>Pide a quien compartió la carpeta que te dé permiso de escritura, o elige otra carpeta.</translation>
    </message>
    <message>
        <source>The folder of the exchange point does not exist.</source>
        <translation>La carpeta del punto de intercambio no existe.</translation>
    </message>
    <message>
        <source>Check the address in the exchange point settings; it may have been moved.</source>
        <translation>Revisa la dirección en la configuración del punto de intercambio; puede que la carpeta se haya movido.</translation>
    </message>
    <message>
        <source>The file is no longer on the exchange point.</source>
        <translation>El archivo ya no está en el punto de intercambio.</translation>
    </message>
    <message>
        <source>Someone removed it. Ask the sender to send it again if you still need it.</source>
        <translation>Alguien lo eliminó. Si todavía lo necesitas, pide a quien lo envió que lo envíe de nuevo.</translation>
    </message>
    <message>
        <source>The exchange server refused the change because its folder is not as expected.</source>
        <translation>El servidor de intercambio rechazó el cambio porque su carpeta no está como se esperaba.</translation>
    </message>
    <message>
        <source>Check that the folder still exists on the server, then try again.</source>
        <translation>Comprueba que la carpeta todavía exista en el servidor y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Another file with the same name is already on the exchange point.</source>
        <translation>Ya hay otro archivo con el mismo nombre en el punto de intercambio.</translation>
    </message>
    <message>
        <source>Nothing was overwritten. Send it again: it will get a new name.</source>
        <translation>No se sobrescribió nada. Envíalo de nuevo: recibirá un nombre nuevo.</translation>
    </message>
    <message>
        <source>The file on the exchange point changed since it was listed.</source>
        <translation>El archivo del punto de intercambio cambió desde que se listó.</translation>
    </message>
    <message>
        <source>Nothing was changed here. Sync again to see the current files.</source>
        <translation>Aquí no se cambió nada. Sincroniza de nuevo para ver los archivos actuales.</translation>
    </message>
    <message>
        <source>The file or folder is locked on the exchange server.</source>
        <translation>El archivo o la carpeta está bloqueado en el servidor de intercambio.</translation>
    </message>
    <message>
        <source>Another program is using it. ReflectDesk will try again later.</source>
        <translation>Otro programa lo está usando. ReflectDesk lo volverá a intentar más tarde.</translation>
    </message>
    <message>
        <source>The exchange server has a problem right now.</source>
        <translation>El servidor de intercambio tiene un problema en este momento.</translation>
    </message>
    <message>
        <source>It is not your connection. ReflectDesk will try again later on its own.</source>
        <translation>No es tu conexión. ReflectDesk lo volverá a intentar más tarde por su cuenta.</translation>
    </message>
    <message>
        <source>The exchange point has no space left.</source>
        <translation>El punto de intercambio no tiene espacio libre.</translation>
    </message>
    <message>
        <source>Free some space there or ask its administrator for more. What is waiting stays queued; nothing was lost.</source>
        <translation>Libera espacio allí o pide más a quien lo administra. Lo pendiente sigue en la cola; no se perdió nada.</translation>
    </message>
    <message>
        <source>The transfer was cut off before the whole file arrived.</source>
        <translation>La transferencia se cortó antes de que llegara el archivo completo.</translation>
    </message>
    <message>
        <source>Nothing incomplete was kept. ReflectDesk will try again later.</source>
        <translation>No se guardó nada incompleto. ReflectDesk lo volverá a intentar más tarde.</translation>
    </message>
    <message>
        <source>The secure connection to the exchange server could not be verified.</source>
        <translation>No se pudo verificar la conexión segura con el servidor de intercambio.</translation>
    </message>
    <message>
        <source>Check the address and the computer&apos;s date and time. If it persists, someone may be intercepting the connection: do not use this network, and tell your university&apos;s IT.</source>
        <translation>Revisa la dirección y la fecha y hora del computador. Si sigue pasando, alguien podría estar interceptando la conexión: no uses esta red y avisa al soporte informático de tu universidad.</translation>
    </message>
    <message>
        <source>The exchange server gave an answer ReflectDesk does not understand.</source>
        <translation>El servidor de intercambio dio una respuesta que ReflectDesk no entiende.</translation>
    </message>
    <message>
        <source>Check that the address points to a WebDAV folder (for Nextcloud, the WebDAV address shown in its Files settings).</source>
        <translation>Comprueba que la dirección apunte a una carpeta WebDAV (en Nextcloud, la dirección WebDAV que aparece en la configuración de Archivos).</translation>
    </message>
    <message>
        <source>The shared folder is not available.</source>
        <translation>La carpeta compartida no está disponible.</translation>
    </message>
    <message>
        <source>Plug in the USB stick or connect the network drive. What is waiting stays queued.</source>
        <translation>Conecta el pendrive o la unidad de red. Lo pendiente sigue en la cola.</translation>
    </message>
    <message>
        <source>ReflectDesk may not write to the shared folder.</source>
        <translation>ReflectDesk no tiene permiso para escribir en la carpeta compartida.</translation>
    </message>
    <message>
        <source>Check that the folder is not read-only and that you may write there.</source>
        <translation>Comprueba que la carpeta no sea de solo lectura y que tengas permiso para escribir en ella.</translation>
    </message>
    <message>
        <source>The address of the exchange point is not valid.</source>
        <translation>La dirección del punto de intercambio no es válida.</translation>
    </message>
    <message>
        <source>Use an https:// address (http:// only for this computer itself), without a user name or password in it.</source>
        <translation>Usa una dirección https:// (http:// solo para este mismo computador), sin nombre de usuario ni contraseña en ella.</translation>
    </message>
    <message>
        <source>This file name cannot be used on an exchange point.</source>
        <translation>Este nombre de archivo no se puede usar en un punto de intercambio.</translation>
    </message>
    <message>
        <source>This is a bug in ReflectDesk; please report it. Nothing was sent.</source>
        <translation>Es un error de ReflectDesk; por favor, infórmalo. No se envió nada.</translation>
    </message>
    <message>
        <source>ReflectDesk only removes files it put on the exchange point itself.</source>
        <translation>ReflectDesk solo elimina los archivos que él mismo puso en el punto de intercambio.</translation>
    </message>
    <message>
        <source>The file was left where it is. Nothing was removed.</source>
        <translation>El archivo quedó donde estaba. No se eliminó nada.</translation>
    </message>
    <message>
        <source>There is no exchange point with this id.</source>
        <translation>No hay un punto de intercambio con este id.</translation>
    </message>
    <message>
        <source>See the ids with &apos;exchange list&apos;.</source>
        <translation>Mira los ids con &apos;exchange list&apos;.</translation>
    </message>
    <message>
        <source>This folder cannot be used as an exchange point.</source>
        <translation>Esta carpeta no se puede usar como punto de intercambio.</translation>
    </message>
    <message>
        <source>Choose an existing folder by its full path (a USB stick, a network drive or a folder your Nextcloud client syncs), outside the vault.</source>
        <translation>Elige una carpeta existente por su ruta completa (un pendrive, una unidad de red o una carpeta que sincroniza tu cliente de Nextcloud), fuera de tu espacio.</translation>
    </message>
    <message>
        <source>An exchange point needs a name (up to 80 characters).</source>
        <translation>Un punto de intercambio necesita un nombre (hasta 80 caracteres).</translation>
    </message>
    <message>
        <source>For example: University — Nextcloud.</source>
        <translation>Por ejemplo: Universidad — Nextcloud.</translation>
    </message>
    <message>
        <source>Bundles are still waiting to be sent through this exchange point: {count}.</source>
        <translation>Todavía hay paquetes por enviar a través de este punto de intercambio: {count}.</translation>
    </message>
    <message>
        <source>Send them first (&apos;sync now&apos;), or remove it with --force: they are then not sent.</source>
        <translation>Envíalos primero (&apos;sync now&apos;), o elimínalo con --force: entonces no se envían.</translation>
    </message>
    <message>
        <source>None of these contacts is reached through an exchange point.</source>
        <translation>Ninguno de estos contactos se alcanza a través de un punto de intercambio.</translation>
    </message>
    <message>
        <source>Add an exchange point for them (&apos;exchange add … --contact&apos;), or export to a file with --output.</source>
        <translation>Agrega un punto de intercambio para ellos (&apos;exchange add … --contact&apos;), o exporta a un archivo con --output.</translation>
    </message>
    <message>
        <source>No received bundle is waiting with this id.</source>
        <translation>No hay un paquete recibido en espera con este id.</translation>
    </message>
    <message>
        <source>See the ids with &apos;sync waiting&apos;.</source>
        <translation>Mira los ids con &apos;sync waiting&apos;.</translation>
    </message>
    <message>
        <source>This file is not a ReflectDesk backup.</source>
        <translation>Este archivo no es una copia de seguridad de ReflectDesk.</translation>
    </message>
    <message>
        <source>Choose a file ending in .rdbackup made by &apos;Back up now&apos; or &apos;backup create&apos;.</source>
        <translation>Elige un archivo terminado en .rdbackup hecho con «Hacer copia ahora» o con «backup create».</translation>
    </message>
    <message>
        <source>The folder for the restored vault already exists and is not empty.</source>
        <translation>La carpeta para el espacio restaurado ya existe y no está vacía.</translation>
    </message>
    <message>
        <source>Choose a new folder: a restore never writes over existing files.</source>
        <translation>Elige una carpeta nueva: una restauración nunca escribe sobre archivos existentes.</translation>
    </message>
    <message>
        <source>This link points outside the chosen folder.</source>
        <translation>Este enlace apunta fuera de la carpeta elegida.</translation>
    </message>
    <message>
        <source>Links that leave the folder are not followed. Choose the file it points to if you want to import it.</source>
        <translation>No se siguen los enlaces que salen de la carpeta. Elige el archivo al que apunta si quieres importarlo.</translation>
    </message>
    <message>
        <source>There is no cohort with this id or name.</source>
        <translation>No hay ninguna cohorte con este identificador o nombre.</translation>
    </message>
    <message>
        <source>See your cohorts with &apos;cohort list&apos;.</source>
        <translation>Consulta tus cohortes con &apos;cohort list&apos;.</translation>
    </message>
    <message>
        <source>The cohort&apos;s name is empty, too long or not valid.</source>
        <translation>El nombre de la cohorte está vacío, es demasiado largo o no es válido.</translation>
    </message>
    <message>
        <source>Use up to 120 characters, for example: Práctica II — 2026 — Sección 2.</source>
        <translation>Usa hasta 120 caracteres, por ejemplo: Práctica II — 2026 — Sección 2.</translation>
    </message>
    <message>
        <source>You already have a cohort with this name.</source>
        <translation>Ya tienes una cohorte con este nombre.</translation>
    </message>
    <message>
        <source>Choose another name, or add the people to that cohort.</source>
        <translation>Elige otro nombre, o agrega a las personas a esa cohorte.</translation>
    </message>
    <message>
        <source>There is no case study with this id or title.</source>
        <translation>No hay ningún estudio de caso con este id o título.</translation>
    </message>
    <message>
        <source>See your case studies with &apos;case list&apos;.</source>
        <translation>Ve sus estudios de caso con &apos;case list&apos;.</translation>
    </message>
    <message>
        <source>The case study holds no item with this id.</source>
        <translation>El estudio de caso no tiene ningún elemento con este id.</translation>
    </message>
    <message>
        <source>See its items with &apos;case show&apos;.</source>
        <translation>Ve sus elementos con &apos;case show&apos;.</translation>
    </message>
    <message>
        <source>The case study has no code with this id or name.</source>
        <translation>El estudio de caso no tiene ningún código con este id o nombre.</translation>
    </message>
    <message>
        <source>See its codebook with &apos;case show&apos;.</source>
        <translation>Ve su libro de códigos con &apos;case show&apos;.</translation>
    </message>
    <message>
        <source>The case study has no memo or passage with this id.</source>
        <translation>El estudio de caso no tiene ningún memo ni pasaje con este id.</translation>
    </message>
    <message>
        <source>See its memos and passages with &apos;case show&apos;.</source>
        <translation>Ve sus memos y pasajes con &apos;case show&apos;.</translation>
    </message>
    <message>
        <source>A field of the case study is empty, too long or not valid: {field}.</source>
        <translation>Un campo del estudio de caso está vacío, es demasiado largo o no es válido: {field}.</translation>
    </message>
    <message>
        <source>Titles and names take up to 200 characters; dates are written YYYY-MM-DD.</source>
        <translation>Los títulos y nombres admiten hasta 200 caracteres; las fechas se escriben AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>This case study has no ethics approval: entries cannot be added or exported.</source>
        <translation>Este estudio de caso no tiene aprobación ética: no se pueden agregar ni exportar entradas.</translation>
    </message>
    <message>
        <source>Record the committee, the approval&apos;s reference and its expiry date with &apos;case approve&apos;. Until then the study can be planned.</source>
        <translation>Registra el comité, la referencia de la aprobación y su fecha de vencimiento con &apos;case approve&apos;. Mientras tanto, el estudio se puede planificar.</translation>
    </message>
    <message>
        <source>The ethics approval of this case study expired on {date}: no entry can be added and nothing exported.</source>
        <translation>La aprobación ética de este estudio de caso venció el {date}: no se pueden agregar entradas ni exportar nada.</translation>
    </message>
    <message>
        <source>Record the renewed approval with &apos;case approve&apos; and try again.</source>
        <translation>Registra la aprobación renovada con &apos;case approve&apos; e intenta de nuevo.</translation>
    </message>
    <message>
        <source>The author of this entry has not consented to its use in research.</source>
        <translation>La autora o el autor de esta entrada no ha consentido su uso en investigación.</translation>
    </message>
    <message>
        <source>Only entries received with the consent &apos;research&apos; or &apos;research-pseudonymised&apos;, and not withdrawn, can be added to a case study.</source>
        <translation>Solo se pueden agregar a un estudio de caso entradas recibidas con el consentimiento &apos;research&apos; o &apos;research-pseudonymised&apos; y no retirado.</translation>
    </message>
    <message>
        <source>Only entries received from their authors can be added to a case study.</source>
        <translation>Solo se pueden agregar a un estudio de caso entradas recibidas de sus autores.</translation>
    </message>
    <message>
        <source>Import the author&apos;s bundle, then pick the entry from &apos;case add --list&apos;.</source>
        <translation>Importa el paquete de la autora o el autor y luego elige la entrada en &apos;case add --list&apos;.</translation>
    </message>
    <message>
        <source>This entry is already in the case study.</source>
        <translation>Esta entrada ya está en el estudio de caso.</translation>
    </message>
    <message>
        <source>Remove the item first to add another version of it.</source>
        <translation>Quita primero el elemento para agregar otra versión.</translation>
    </message>
    <message>
        <source>Entries that may only be used pseudonymised have not been reviewed yet ({count}): nothing was exported.</source>
        <translation>Hay entradas que solo pueden usarse seudonimizadas y aún no se han revisado ({count}): no se exportó nada.</translation>
    </message>
    <message>
        <source>Review the proposed replacements with &apos;case pseudonymise&apos;, then export.</source>
        <translation>Revisa los reemplazos propuestos con &apos;case pseudonymise&apos; y luego exporta.</translation>
    </message>
    <message>
        <source>Entries name pupils, schools or communes, or hold a RUT, e-mail or phone number, and have not been reviewed yet ({count}): nothing was exported.</source>
        <translation>Hay entradas que nombran a estudiantes del curso, escuelas o comunas, o que contienen un RUT, un correo o un teléfono, y aún no se han revisado ({count}): no se exportó nada.</translation>
    </message>
    <message>
        <source>Review the proposed replacements (Review pseudonyms… in the Items tab, or &apos;case pseudonymise&apos;), then export. Pupils and schools never leave in clear, whatever the author consented to.</source>
        <translation>Revisa los reemplazos propuestos (Revisar seudónimos… en la pestaña Elementos, o «case pseudonymise») y luego exporta. Los nombres de estudiantes del curso y de escuelas nunca salen sin seudónimo, cualquiera sea el consentimiento de la autora.</translation>
    </message>
    <message>
        <source>The passage is empty or lies outside the text of its section.</source>
        <translation>El pasaje está vacío o queda fuera del texto de su sección.</translation>
    </message>
    <message>
        <source>Select the passage again; offsets count characters (code points) from 0.</source>
        <translation>Selecciona el pasaje de nuevo; las posiciones cuentan caracteres (puntos de código) desde 0.</translation>
    </message>
    <message>
        <source>The file is larger than the limit of {limit_mb} MB.</source>
        <translation>El archivo supera el límite de {limit_mb} MB.</translation>
    </message>
    <message>
        <source>Keep the information sheet as a smaller PDF.</source>
        <translation>Guarda la hoja informativa como un PDF más pequeño.</translation>
    </message>
    <message>
        <source>The audit log does not verify: a record was changed, removed, reordered or not signed by the researcher.</source>
        <translation>El registro de auditoría no es válido: un registro fue cambiado, quitado, reordenado o no lo firmó la persona investigadora.</translation>
    </message>
    <message>
        <source>Do not trust this copy of the log. Export it again from the researcher&apos;s vault and compare.</source>
        <translation>No confíes en esta copia del registro. Expórtalo de nuevo desde el espacio de ReflectDesk de la persona investigadora y compara.</translation>
    </message>
    <message>
        <source>The audit log verifies, but it does not end on the export of this file ({file}): its SHA-256 is not the one the log signed.</source>
        <translation>El registro de auditoría se verifica, pero no termina en la exportación de este archivo ({file}): su SHA-256 no es el que firmó el registro.</translation>
    </message>
    <message>
        <source>The log belongs to another export: another case study, or an earlier or later export of this one. Check the file with the .audit.json written beside it.</source>
        <translation>El registro pertenece a otra exportación: otro estudio de caso, o una exportación anterior o posterior de este. Compruebe el archivo con el .audit.json escrito a su lado.</translation>
    </message>
    <message>
        <source>The codebook is empty: there is nothing to export.</source>
        <translation>El libro de códigos está vacío: no hay nada que exportar.</translation>
    </message>
    <message>
        <source>Add codes first, with &apos;case codebook --add&apos;.</source>
        <translation>Agrega códigos primero, con &apos;case codebook --add&apos;.</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>Shared folder</source>
        <translation>Carpeta compartida</translation>
    </message>
    <message>
        <source>New exchange point</source>
        <translation>Nuevo punto de intercambio</translation>
    </message>
    <message>
        <source>WebDAV server (Nextcloud)</source>
        <translation>Servidor WebDAV (Nextcloud)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>e.g. University — Nextcloud</source>
        <translation>p. ej. Universidad — Nextcloud</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>App password:</source>
        <translation>Contraseña de aplicación:</translation>
    </message>
    <message>
        <source>Reached here:</source>
        <translation>Se alcanza aquí a:</translation>
    </message>
    <message>
        <source>Only encrypted, signed bundles go there, under random names. The server learns their sizes and times, never who wrote them or to whom. Use an app password, not your main password: it is stored encrypted in your vault.</source>
        <translation>Solo van ahí paquetes cifrados y firmados, con nombres al azar. El servidor conoce sus tamaños y horas, nunca quién los escribió ni para quién. Usa una contraseña de aplicación, no tu contraseña principal: se guarda cifrada en tu espacio.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Revoked: nothing can be sent to %1.</source>
        <translation>Revocado: no se le puede enviar nada a %1.</translation>
    </message>
    <message>
        <source>Not verified: compare the safety number with %1 first.</source>
        <translation>Sin verificar: primero compara el número de seguridad con %1.</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>To: %1 and you</source>
        <translation>Para: %1 y tú</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Consentimiento: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries with their own consent</source>
        <translation>
            <numerusform>%n entrada con su propio consentimiento</numerusform>
            <numerusform>%n entradas con su propio consentimiento</numerusform>
        </translation>
    </message>
    <message>
        <source>With attachments</source>
        <translation>Con archivos adjuntos</translation>
    </message>
    <message>
        <source>Without attachments</source>
        <translation>Sin archivos adjuntos</translation>
    </message>
    <message>
        <source>With the whole revision history</source>
        <translation>Con todo el historial de revisiones</translation>
    </message>
    <message>
        <source>Only the current version of each entry</source>
        <translation>Solo la versión actual de cada entrada</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With %n attachments.</source>
        <translation>
            <numerusform>Con %n archivo adjunto.</numerusform>
            <numerusform>Con %n archivos adjuntos.</numerusform>
        </translation>
    </message>
    <message>
        <source>To: %1 and you.</source>
        <translation>Para: %1 y tú.</translation>
    </message>
    <message>
        <source>Your feedback: your comments, replies and sign-offs on the entries you share with them.</source>
        <translation>Tu retroalimentación: tus comentarios, respuestas y aprobaciones sobre las entradas que compartes con estas personas.</translation>
    </message>
    <message numerus="yes">
        <source>Your feedback on %n entries:</source>
        <translation>
            <numerusform>Tu retroalimentación sobre %n entrada:</numerusform>
            <numerusform>Tu retroalimentación sobre %n entradas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries:</source>
        <translation>
            <numerusform>%n entrada:</numerusform>
            <numerusform>%n entradas:</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent: %1.</source>
        <translation>Consentimiento: %1.</translation>
    </message>
    <message>
        <source>Queued to send via %1.</source>
        <translation>En cola para enviarse por %1.</translation>
    </message>
    <message>
        <source>It leaves with the next sync: at once if the exchange point can be reached, otherwise as soon as it can. The status bar shows what is still waiting.</source>
        <translation>Sale con la próxima sincronización: enseguida si se puede llegar al punto de intercambio y, si no, en cuanto se pueda. La barra de estado muestra lo que sigue en espera.</translation>
    </message>
    <message numerus="yes">
        <source>%n bundles, one for each group of recipients who can accept the same feedback, in the same folder.</source>
        <translation>
            <numerusform>%n paquete, uno por cada grupo de destinatarios que puede aceptar la misma retroalimentación, en la misma carpeta.</numerusform>
            <numerusform>%n paquetes, uno por cada grupo de destinatarios que puede aceptar la misma retroalimentación, en la misma carpeta.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to save the bundle</source>
        <translation>Dónde guardar el paquete</translation>
    </message>
    <message>
        <source>Encrypting and signing…</source>
        <translation>Cifrando y firmando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Listo.</translation>
    </message>
    <message>
        <source>Cancelled: no bundle was written.</source>
        <translation>Cancelado: no se escribió ningún paquete.</translation>
    </message>
    <message>
        <source>Share entries</source>
        <translation>Compartir entradas</translation>
    </message>
    <message>
        <source>Send feedback</source>
        <translation>Enviar retroalimentación</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Feedback — open comments: %1</source>
        <translation>Retroalimentación — comentarios abiertos: %1</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Retroalimentación</translation>
    </message>
    <message>
        <source>Feedback on this entry</source>
        <translation>Retroalimentación sobre esta entrada</translation>
    </message>
</context>
<context>
    <name>FieldChoice</name>
    <message>
        <source>(not in this version)</source>
        <translation>(no está en esta versión)</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>Conservar esta versión</translation>
    </message>
    <message>
        <source>Write my own:</source>
        <translation>Escribir la mía:</translation>
    </message>
    <message>
        <source>A date as YYYY-MM-DD, or empty</source>
        <translation>Una fecha como AAAA-MM-DD, o vacío</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Finish without checking?</source>
        <translation>¿Terminar sin revisar?</translation>
    </message>
    <message>
        <source>Your vault is created. If you have not saved the recovery key, you will not see it again. Continue without checking it?</source>
        <translation>Tu espacio ya está creado. Si no guardaste la clave de recuperación, no la volverás a ver. ¿Continuar sin revisarla?</translation>
    </message>
    <message>
        <source>ReflectDesk: first steps</source>
        <translation>ReflectDesk: primeros pasos</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Crear mi espacio</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
</context>
<context>
    <name>HintBanner</name>
    <message>
        <source>Observation notes work best when they describe only what was seen and heard. Some words may read as judgements (underlined): %1. Could you describe what happened instead?</source>
        <translation>Las notas de observación funcionan mejor cuando describen solo lo que se vio y se escuchó. Algunas palabras pueden leerse como juicios (subrayadas): %1. ¿Podrías describir lo que ocurrió?</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <source>Dismiss the hint</source>
        <translation>Cerrar la sugerencia</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>These two revisions are the same.</source>
        <translation>Estas dos revisiones son iguales.</translation>
    </message>
    <message>
        <source>Restore this revision?</source>
        <translation>¿Restaurar esta revisión?</translation>
    </message>
    <message>
        <source>From “%1” to “%2”: struck out was removed, marked was added.</source>
        <translation>De «%1» a «%2»: lo tachado se quitó, lo marcado se agregó.</translation>
    </message>
    <message>
        <source>“%1” becomes the current text, as a new revision. Nothing is lost: the current text stays in the history.</source>
        <translation>«%1» pasa a ser el texto actual, como una revisión nueva. No se pierde nada: el texto actual queda en el historial.</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation>Historial de revisiones</translation>
    </message>
    <message>
        <source>&amp;Revisions (newest first):</source>
        <translation>&amp;Revisiones (la más reciente primero):</translation>
    </message>
    <message>
        <source>Com&amp;pare with:</source>
        <translation>Com&amp;parar con:</translation>
    </message>
    <message>
        <source>Re&amp;store this revision</source>
        <translation>Re&amp;staurar esta revisión</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <source>Compare with revision</source>
        <translation>Comparar con la revisión</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Diferencias</translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation>Restaurar esta revisión</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Checking the bundle…</source>
        <translation>Revisando el paquete…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was stored.</source>
        <translation>Importación cancelada: no se guardó nada.</translation>
    </message>
    <message>
        <source>Someone unknown</source>
        <translation>Alguien desconocido</translation>
    </message>
    <message>
        <source>From you (%1)</source>
        <translation>Tuyo (%1)</translation>
    </message>
    <message>
        <source>From %1, verified</source>
        <translation>De %1, verificado/a</translation>
    </message>
    <message>
        <source>From %1, not verified</source>
        <translation>De %1, sin verificar</translation>
    </message>
    <message>
        <source>From %1, not among your contacts</source>
        <translation>De %1, que no está entre tus contactos</translation>
    </message>
    <message>
        <source>A bundle you made on %1.</source>
        <translation>Un paquete que creaste el %1.</translation>
    </message>
    <message>
        <source>Signed by %2 on %1, with the keys you verified. Nothing was altered.</source>
        <translation>Firmado por %2 el %1, con las claves que verificaste. No se alteró nada.</translation>
    </message>
    <message>
        <source>Signed by %2 on %1, nothing was altered. You have not compared the safety number with %2 yet (Contacts).</source>
        <translation>Firmado por %2 el %1; no se alteró nada. Aún no comparas el número de seguridad con %2 (Contactos).</translation>
    </message>
    <message>
        <source>Signed on %1 by keys you do not have. Before you import it, compare this safety number with %2 in person or by phone. Importing adds %2 to your contacts, not verified.</source>
        <translation>Firmado el %1 con claves que no tienes. Antes de importarlo, compara este número de seguridad con %2 en persona o por teléfono. Al importarlo, %2 se agrega a tus contactos sin verificar.</translation>
    </message>
    <message>
        <source>Careful: you already have a contact called %1 with other keys. This may be someone else.</source>
        <translation>Cuidado: ya tienes un contacto llamado %1 con otras claves. Podría ser otra persona.</translation>
    </message>
    <message>
        <source>Safety number with %1</source>
        <translation>Número de seguridad con %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new entries</source>
        <translation>
            <numerusform>%n entrada nueva</numerusform>
            <numerusform>%n entradas nuevas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated entries</source>
        <translation>
            <numerusform>%n entrada actualizada</numerusform>
            <numerusform>%n entradas actualizadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged entries</source>
        <translation>
            <numerusform>%n entrada sin cambios</numerusform>
            <numerusform>%n entradas sin cambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachments</source>
        <translation>
            <numerusform>%n archivo adjunto</numerusform>
            <numerusform>%n archivos adjuntos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comments</source>
        <translation>
            <numerusform>%n comentario</numerusform>
            <numerusform>%n comentarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sign-offs</source>
        <translation>
            <numerusform>%n aprobación</numerusform>
            <numerusform>%n aprobaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review records in all (replies, statuses and resolutions included)</source>
        <translation>
            <numerusform>%n registro de revisión en total (con respuestas, estados y resoluciones)</numerusform>
            <numerusform>%n registros de revisión en total (con respuestas, estados y resoluciones)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachments not included by the sender</source>
        <translation>
            <numerusform>%n archivo adjunto que no incluyó quien lo envió</numerusform>
            <numerusform>%n archivos adjuntos que no incluyó quien lo envió</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries whose research consent is withdrawn</source>
        <translation>
            <numerusform>%n entrada cuyo consentimiento de investigación se retiró</numerusform>
            <numerusform>%n entradas cuyo consentimiento de investigación se retiró</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comments or sign-offs this version cannot import yet</source>
        <translation>
            <numerusform>%n comentario o visto bueno que esta versión aún no puede importar</numerusform>
            <numerusform>%n comentarios o vistos buenos que esta versión aún no puede importar</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent for the bundle: %1</source>
        <translation>Consentimiento del paquete: %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>This bundle was already imported. Nothing changed.</source>
        <translation>Este paquete ya se había importado. No cambió nada.</translation>
    </message>
    <message numerus="yes">
        <source>%n comments, replies or sign-offs</source>
        <translation>
            <numerusform>%n comentario, respuesta o aprobación</numerusform>
            <numerusform>%n comentarios, respuestas o aprobaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported from %1:</source>
        <translation>Importado de %1:</translation>
    </message>
    <message numerus="yes">
        <source>%n entries now have two versions side by side (edited in two places)</source>
        <translation>
            <numerusform>%n entrada ahora tiene dos versiones lado a lado (editada en dos lugares)</numerusform>
            <numerusform>%n entradas ahora tienen dos versiones lado a lado (editadas en dos lugares)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was added to your contacts, not verified.</source>
        <translation>%1 se agregó a tus contactos, sin verificar.</translation>
    </message>
    <message>
        <source>The file changed on disk after you opened it. What you saw was imported, not the file there now. If you did not change it, someone or something with access to that folder did.</source>
        <translation>El archivo cambió en el disco después de que lo abriste. Se importó lo que viste, no el archivo que está ahí ahora. Si no lo cambiaste tú, lo hizo alguien o algo con acceso a esa carpeta.</translation>
    </message>
    <message>
        <source>You find them under Received in the sidebar. They are read-only.</source>
        <translation>Las encuentras en Recibidas, en la barra lateral. Son de solo lectura.</translation>
    </message>
    <message>
        <source>The feedback shows in the entries it is about, beside their text.</source>
        <translation>La retroalimentación aparece en las entradas a las que se refiere, junto a su texto.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Open a bundle</source>
        <translation>Abrir un paquete</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Número de seguridad</translation>
    </message>
    <message>
        <source>I &amp;compared the safety number with the sender and it matches</source>
        <translation>&amp;Comparé el número de seguridad con quien lo envió y coincide</translation>
    </message>
    <message>
        <source>I compared the safety number</source>
        <translation>Comparé el número de seguridad</translation>
    </message>
    <message>
        <source>You already imported this bundle. Importing it again changes nothing.</source>
        <translation>Ya importaste este paquete. Importarlo de nuevo no cambia nada.</translation>
    </message>
    <message>
        <source>Entries in the bundle</source>
        <translation>Entradas del paquete</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&amp;Show the received entries</source>
        <translation>&amp;Ver las entradas recibidas</translation>
    </message>
    <message>
        <source>Show the received entries</source>
        <translation>Ver las entradas recibidas</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to ReflectDesk</source>
        <translation>Te damos la bienvenida a ReflectDesk</translation>
    </message>
    <message>
        <source>Your practicum journal: private, structured, yours.</source>
        <translation>Tu diario de práctica: privado, estructurado y tuyo.</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer, encrypted with a passphrase only you know. You decide what your mentor and your university see.

Choose the language of the app. You can change it later in Settings.</source>
        <translation>Todo lo que escribes queda en este computador, cifrado con una frase de contraseña que solo tú conoces. Tú decides qué ven tu profesor/a guía y tu universidad.

Elige el idioma de la aplicación. Puedes cambiarlo después en Configuración.</translation>
    </message>
    <message>
        <source>I have a backup: &amp;restore it…</source>
        <translation>Tengo una copia de seguridad: &amp;restaurarla…</translation>
    </message>
    <message>
        <source>Restore a journal from a backup</source>
        <translation>Restaurar tu espacio desde una copia de seguridad</translation>
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
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;New entry…</source>
        <translation>&amp;Nueva entrada…</translation>
    </message>
    <message>
        <source>New &amp;journal…</source>
        <translation>Nuevo &amp;diario…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Show &amp;preview</source>
        <translation>Mostrar &amp;vista previa</translation>
    </message>
    <message>
        <source>Go to &amp;sidebar</source>
        <translation>Ir a la barra &amp;lateral</translation>
    </message>
    <message>
        <source>Go to entry &amp;list</source>
        <translation>Ir a la lista de &amp;entradas</translation>
    </message>
    <message>
        <source>Go to &amp;editor</source>
        <translation>Ir al edi&amp;tor</translation>
    </message>
    <message>
        <source>&amp;About ReflectDesk</source>
        <translation>&amp;Acerca de ReflectDesk</translation>
    </message>
    <message>
        <source>&amp;Share entries…</source>
        <translation>&amp;Compartir entradas…</translation>
    </message>
    <message>
        <source>&amp;Open bundle…</source>
        <translation>Abrir un &amp;paquete…</translation>
    </message>
    <message>
        <source>Import &amp;many bundles…</source>
        <translation>Importar &amp;varios paquetes…</translation>
    </message>
    <message>
        <source>Import a fol&amp;der of bundles…</source>
        <translation>Importar una carpe&amp;ta de paquetes…</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>Con&amp;tactos</translation>
    </message>
    <message>
        <source>&amp;Share the selected entries…</source>
        <translation>&amp;Compartir las entradas elegidas…</translation>
    </message>
    <message>
        <source>&amp;Withdraw research consent…</source>
        <translation>&amp;Retirar el consentimiento de investigación…</translation>
    </message>
    <message>
        <source>S&amp;ync and exchange points…</source>
        <translation>Si&amp;ncronización y puntos de intercambio…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Choose an entry on the left, or start a new one with Ctrl+N.

Ctrl+F searches, Ctrl+L locks.</source>
        <translation>Elige una entrada a la izquierda o empieza una nueva con Ctrl+N.

Ctrl+F busca y Ctrl+L bloquea.</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>%1 (received)</source>
        <translation>%1 (recibido)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries in total</source>
        <translation>
            <numerusform>%n entrada en total</numerusform>
            <numerusform>%n entradas en total</numerusform>
        </translation>
    </message>
    <message>
        <source>My practicum journal</source>
        <translation>Mi diario de práctica</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Ninguna entrada coincide.</translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Estándares</translation>
    </message>
    <message>
        <source>About ReflectDesk</source>
        <translation>Acerca de ReflectDesk</translation>
    </message>
    <message>
        <source>Bundles and contact cards (*.rdbundle *.rdcard)</source>
        <translation>Paquetes y tarjetas de contacto (*.rdbundle *.rdcard)</translation>
    </message>
    <message>
        <source>Contact cards (*.rdcard)</source>
        <translation>Tarjetas de contacto (*.rdcard)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Bundles (*.rdbundle)</source>
        <translation>Paquetes (*.rdbundle)</translation>
    </message>
</context>
<context>
    <name>MyCardPanel</name>
    <message>
        <source>Key: %1</source>
        <extracomment>A new key pair: every safety number changed (the contacts page redraws).</extracomment>
        <translation>Clave: %1</translation>
    </message>
    <message>
        <source>Contact cards (*.rdcard)</source>
        <translation>Tarjetas de contacto (*.rdcard)</translation>
    </message>
    <message>
        <source>Save my card</source>
        <translation>Guardar mi tarjeta</translation>
    </message>
    <message>
        <source>Your card was saved to %1.</source>
        <translation>Tu tarjeta se guardó en %1.</translation>
    </message>
    <message>
        <source>Give this file to the people you will share with (USB stick, e-mail). It holds only public keys. Then compare the safety number with each of them.</source>
        <translation>Entrega este archivo a las personas con quienes vas a compartir (pendrive, correo). Solo contiene claves públicas. Luego compara el número de seguridad con cada una.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save my QR code</source>
        <translation>Guardar mi código QR</translation>
    </message>
    <message>
        <source>My old key &amp;vouches for the new card (recommended)</source>
        <translation>Mi clave anterior &amp;respalda la nueva tarjeta (recomendado)</translation>
    </message>
    <message>
        <source>My old key vouches for the new card</source>
        <translation>Mi clave anterior respalda la nueva tarjeta</translation>
    </message>
    <message>
        <source>New key pair</source>
        <translation>Nuevo par de claves</translation>
    </message>
    <message>
        <source>Make a new key pair?</source>
        <translation>¿Crear un nuevo par de claves?</translation>
    </message>
    <message>
        <source>Your contacts need your new card to send you bundles: you save it next and give it to them. Bundles sent to your old key still open, and your entries stay yours.

Leave the box ticked so that your old key signs the new card: your contacts then take it without checking again. Untick it only if your old key was lost or someone else may have it; your contacts must then compare the safety number with you again.</source>
        <translation>Tus contactos necesitan tu nueva tarjeta para enviarte paquetes: la guardas a continuación y se la entregas. Los paquetes enviados a tu clave anterior se siguen abriendo y tus entradas siguen siendo tuyas.

Deja la casilla marcada para que tu clave anterior firme la nueva tarjeta: así tus contactos la aceptan sin volver a comprobar nada. Desmárcala solo si perdiste tu clave anterior o alguien más podría tenerla; en ese caso, tus contactos deberán volver a comparar el número de seguridad contigo.</translation>
    </message>
    <message>
        <source>Make new keys</source>
        <translation>Crear claves nuevas</translation>
    </message>
    <message>
        <source>Save my new card</source>
        <translation>Guardar mi nueva tarjeta</translation>
    </message>
    <message>
        <source>The card is signed by your old key too: give it to your contacts and they take it without checking again. Bundles sent to your old key still open, and your entries stay yours.</source>
        <translation>La tarjeta también está firmada con tu clave anterior: entrégasela a tus contactos y la aceptarán sin volver a comprobar nada. Los paquetes enviados a tu clave anterior se siguen abriendo y tus entradas siguen siendo tuyas.</translation>
    </message>
    <message>
        <source>Give the card to your contacts: they must compare the safety number with you again. Bundles sent to your old key still open, and your entries stay yours.</source>
        <translation>Entrega la tarjeta a tus contactos: deberán volver a comparar el número de seguridad contigo. Los paquetes enviados a tu clave anterior se siguen abriendo y tus entradas siguen siendo tuyas.</translation>
    </message>
    <message>
        <source>Your new keys (%1) are ready. Their card was saved to %2.</source>
        <translation>Tus claves nuevas (%1) están listas. Su tarjeta se guardó en %2.</translation>
    </message>
    <message>
        <source>Revoke my keys</source>
        <translation>Revocar mis claves</translation>
    </message>
    <message>
        <source>Revoke your keys?</source>
        <translation>¿Revocar tus claves?</translation>
    </message>
    <message>
        <source>This writes a revocation of your current keys. Give it to your contacts: when they import it (like a card), they stop trusting these keys, refuse bundles signed with them and send you nothing more with them. Do this if your keys were lost or someone else may have them.

Then make a new key pair, not vouched for by the old key, and give your contacts its card: they compare the safety number with you again.</source>
        <translation>Esto escribe una revocación de tus claves actuales. Entrégasela a tus contactos: cuando la importen (como una tarjeta), dejarán de confiar en estas claves, rechazarán los paquetes firmados con ellas y ya no te enviarán nada con ellas. Hazlo si perdiste tus claves o alguien más podría tenerlas.

Luego crea un nuevo par de claves, sin el respaldo de la clave anterior, y entrega su tarjeta a tus contactos: volverán a comparar el número de seguridad contigo.</translation>
    </message>
    <message>
        <source>Save the revocation…</source>
        <translation>Guardar la revocación…</translation>
    </message>
    <message>
        <source>Save the revocation</source>
        <translation>Guardar la revocación</translation>
    </message>
    <message>
        <source>The revocation was saved to %1.</source>
        <translation>La revocación se guardó en %1.</translation>
    </message>
    <message>
        <source>Give it to your contacts: they import it like a card. Make a new key pair now? Its card is not signed by the revoked keys, so your contacts compare the safety number with you again.</source>
        <translation>Entrégasela a tus contactos: la importan como una tarjeta. ¿Crear ahora un nuevo par de claves? Su tarjeta no está firmada con las claves revocadas, así que tus contactos volverán a comparar el número de seguridad contigo.</translation>
    </message>
    <message>
        <source>Make a new key pair</source>
        <translation>Crear un nuevo par de claves</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Saving the revocation…</source>
        <translation>Guardando la revocación…</translation>
    </message>
    <message>
        <source>Making a new key pair…</source>
        <translation>Creando un nuevo par de claves…</translation>
    </message>
    <message>
        <source>Your new card is not saved yet. Save it with “Save my card…” and give it to your contacts.</source>
        <translation>Tu nueva tarjeta aún no está guardada. Guárdala con «Guardar mi tarjeta…» y entrégasela a tus contactos.</translation>
    </message>
    <message>
        <source>My card</source>
        <translation>Mi tarjeta</translation>
    </message>
    <message>
        <source>Your card as a QR code: it holds your name, role and public keys.</source>
        <translation>Tu tarjeta como código QR: contiene tu nombre, tu rol y tus claves públicas.</translation>
    </message>
    <message>
        <source>QR code of my card</source>
        <translation>Código QR de mi tarjeta</translation>
    </message>
    <message>
        <source>&amp;Save my card…</source>
        <translation>Guardar mi &amp;tarjeta…</translation>
    </message>
    <message>
        <source>QR as &amp;PNG…</source>
        <translation>QR como &amp;PNG…</translation>
    </message>
    <message>
        <source>Save the QR code as PNG</source>
        <translation>Guardar el código QR como PNG</translation>
    </message>
    <message>
        <source>QR as SV&amp;G…</source>
        <translation>QR como SV&amp;G…</translation>
    </message>
    <message>
        <source>Save the QR code as SVG</source>
        <translation>Guardar el código QR como SVG</translation>
    </message>
    <message>
        <source>My keys</source>
        <translation>Mis claves</translation>
    </message>
    <message>
        <source>New &amp;key pair…</source>
        <translation>Nuevo par de c&amp;laves…</translation>
    </message>
    <message>
        <source>&amp;Revoke my keys…</source>
        <translation>&amp;Revocar mis claves…</translation>
    </message>
</context>
<context>
    <name>NewJournalDialog</name>
    <message>
        <source>Give the journal a name, for example the practicum it is for.</source>
        <translation>Ponle un nombre al diario, por ejemplo, la práctica a la que corresponde.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>El nombre es demasiado largo: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>You already have a journal with this name: choose another.</source>
        <translation>Ya tienes un diario con este nombre: elige otro.</translation>
    </message>
    <message>
        <source>New journal</source>
        <translation>Nuevo diario</translation>
    </message>
    <message>
        <source>A journal holds the entries of one practicum or course. You can have several; each entry belongs to one.</source>
        <translation>Un diario reúne las entradas de una práctica o un curso. Puedes tener varios; cada entrada pertenece a uno.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Course or practicum (optional):</source>
        <translation>&amp;Curso o práctica (opcional):</translation>
    </message>
    <message>
        <source>&amp;Template for new entries (optional):</source>
        <translation>&amp;Plantilla para entradas nuevas (opcional):</translation>
    </message>
    <message>
        <source>e.g. Professional practicum II</source>
        <translation>p. ej., Práctica profesional II</translation>
    </message>
    <message>
        <source>e.g. Practicum II, 2nd semester 2026</source>
        <translation>p. ej., Práctica II, 2.º semestre 2026</translation>
    </message>
    <message>
        <source>None: choose each time</source>
        <translation>Ninguna: elegir cada vez</translation>
    </message>
    <message>
        <source>New entries in this journal start with this template chosen.</source>
        <translation>Las entradas nuevas de este diario parten con esta plantilla elegida.</translation>
    </message>
    <message>
        <source>Name of the journal</source>
        <translation>Nombre del diario</translation>
    </message>
    <message>
        <source>Course or practicum</source>
        <translation>Curso o práctica</translation>
    </message>
    <message>
        <source>Template for new entries</source>
        <translation>Plantilla para entradas nuevas</translation>
    </message>
    <message>
        <source>C&amp;reate journal</source>
        <translation>C&amp;rear diario</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>New &amp;passphrase:</source>
        <translation>Nueva &amp;frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítela:</translation>
    </message>
    <message>
        <source>&amp;Show passphrase</source>
        <translation>&amp;Mostrar la frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repite la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Mostrar la frase de contraseña</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Nueva clave de recuperación</translation>
    </message>
    <message>
        <source>A new recovery key replaces the one you saved: the old key stops opening this vault. Do this if someone may have seen or found your recovery key. Copies of the vault made before now (backups) still open with the old key.</source>
        <translation>Una nueva clave de recuperación reemplaza la que guardaste: la clave anterior deja de abrir este espacio. Hazlo si alguien pudo ver o encontrar tu clave de recuperación. Las copias de tu espacio hechas antes de ahora (respaldos) siguen abriéndose con la clave anterior.</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>Frase de contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>Your new recovery key, shown only now. Save it as a PDF or print it, and destroy the old one.</source>
        <translation>Tu nueva clave de recuperación, que se muestra solo ahora. Guárdala como PDF o imprímela, y destruye la anterior.</translation>
    </message>
    <message>
        <source>I &amp;saved or wrote down the new recovery key</source>
        <translation>&amp;Guardé o anoté la nueva clave de recuperación</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Make a new key</source>
        <translation>&amp;Crear una clave nueva</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Crear una nueva clave de recuperación</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Elige una frase de contraseña</translation>
    </message>
    <message>
        <source>It encrypts everything you write. Nobody can reset it.</source>
        <translation>Cifra todo lo que escribes. Nadie puede restablecerla.</translation>
    </message>
    <message>
        <source>A passphrase is a password made of several words. Pick four or more words that have nothing to do with each other, and that you will remember.</source>
        <translation>Una frase de contraseña es una contraseña hecha de varias palabras. Elige cuatro o más palabras que no tengan nada que ver entre sí y que puedas recordar.</translation>
    </message>
    <message>
        <source>&amp;Create my vault</source>
        <translation>&amp;Crear mi espacio</translation>
    </message>
</context>
<context>
    <name>PortfolioDialog</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Páginas web (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>portfolio</source>
        <translation>portafolio</translation>
    </message>
    <message>
        <source>Preparing the entries…</source>
        <translation>Preparando las entradas…</translation>
    </message>
    <message>
        <source>Drawing the pages…</source>
        <translation>Dibujando las páginas…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries with their feedback saved to %1.</source>
        <translation>
            <numerusform>%n entrada con su retroalimentación guardada en %1.</numerusform>
            <numerusform>%n entradas con su retroalimentación guardadas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Exportación cancelada: no se escribió nada.</translation>
    </message>
    <message>
        <source>The export failed: nothing was written.</source>
        <translation>La exportación falló: no se escribió nada.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Export to PDF or HTML</source>
        <translation>Exportar a PDF o HTML</translation>
    </message>
    <message>
        <source>Export with its comments and sign-offs:</source>
        <translation>Exportar con sus comentarios y aprobaciones:</translation>
    </message>
    <message>
        <source>&amp;This entry</source>
        <translation>&amp;Esta entrada</translation>
    </message>
    <message>
        <source>The whole &amp;journal “%1”</source>
        <translation>Todo el &amp;diario «%1»</translation>
    </message>
    <message>
        <source>The whole &amp;journal</source>
        <translation>Todo el &amp;diario</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>PDF (to print or hand in)</source>
        <translation>PDF (para imprimir o entregar)</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Página web (HTML)</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>The exported file is not encrypted: anyone who gets it can read the entries, the comments and the sign-offs.</source>
        <translation>El archivo exportado no está cifrado: quien lo tenga puede leer las entradas, los comentarios y las aprobaciones.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Tags:</source>
        <translation>Etiquetas:</translation>
    </message>
    <message>
        <source>Standards:</source>
        <translation>Estándares:</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>About you</source>
        <translation>Sobre ti</translation>
    </message>
    <message>
        <source>This shapes the app around what you do.</source>
        <translation>Así la aplicación se adapta a lo que haces.</translation>
    </message>
    <message>
        <source>I am a…</source>
        <translation>Soy…</translation>
    </message>
    <message>
        <source>&amp;Student teacher</source>
        <translation>&amp;Estudiante en práctica (pedagogía)</translation>
    </message>
    <message>
        <source>I write reflections on my practicum and share them when I choose.</source>
        <translation>Escribo reflexiones sobre mi práctica y las comparto cuando yo decido.</translation>
    </message>
    <message>
        <source>School &amp;mentor (profesor/a guía)</source>
        <translation>Profesor/a &amp;guía del centro de práctica</translation>
    </message>
    <message>
        <source>I read my student teachers&apos; journals and give feedback.</source>
        <translation>Leo los diarios de mis estudiantes en práctica y les doy retroalimentación.</translation>
    </message>
    <message>
        <source>&amp;University educator or researcher</source>
        <translation>Académico/a o &amp;investigador/a universitario/a</translation>
    </message>
    <message>
        <source>I supervise students and build case studies from consented entries.</source>
        <translation>Superviso estudiantes y construyo estudios de caso con entradas que tienen consentimiento.</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nombre visible:</translation>
    </message>
    <message>
        <source>&amp;Institution (optional):</source>
        <translation>Instit&amp;ución (opcional):</translation>
    </message>
    <message>
        <source>e.g. Camila Pérez</source>
        <translation>p. ej. Camila Pérez</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institución</translation>
    </message>
    <message>
        <source>Your name is stored encrypted. Others see it only in what you share with them.</source>
        <translation>Tu nombre se guarda cifrado. Otras personas solo lo ven en lo que compartes con ellas.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Measuring this computer&apos;s speed…</source>
        <translation>Midiendo la velocidad de este computador…</translation>
    </message>
    <message>
        <source>Deriving the key from your passphrase…</source>
        <translation>Derivando la clave a partir de tu frase de contraseña…</translation>
    </message>
    <message>
        <source>Creating your encrypted vault…</source>
        <translation>Creando tu espacio cifrado…</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>Preparando la búsqueda…</translation>
    </message>
    <message>
        <source>Converting the vault to the new encrypted format (once)…</source>
        <translation>Convirtiendo tu espacio al nuevo formato cifrado (solo esta vez)…</translation>
    </message>
    <message>
        <source>Checking the converted vault…</source>
        <translation>Verificando tu espacio convertido…</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>Abriendo tu espacio…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>PromptField</name>
    <message>
        <source>* The template asks you to answer this.</source>
        <translation>* La plantilla te pide responder esto.</translation>
    </message>
</context>
<context>
    <name>PseudonymiseDialog</name>
    <message>
        <source>student</source>
        <translation>estudiante</translation>
    </message>
    <message>
        <source>mentor</source>
        <translation>mentor/a</translation>
    </message>
    <message>
        <source>tutor</source>
        <translation>supervisor/a</translation>
    </message>
    <message>
        <source>colleague</source>
        <translation>colega</translation>
    </message>
    <message>
        <source>pupil</source>
        <translation>alumno/a</translation>
    </message>
    <message>
        <source>school</source>
        <translation>escuela</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>comuna</translation>
    </message>
    <message>
        <source>other person</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <source>name of two people</source>
        <translation>nombre de dos personas</translation>
    </message>
    <message>
        <source>RUT</source>
        <translation>RUT</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>correo</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>Looking for names, RUTs, e-mail addresses and phones…</source>
        <translation>Buscando nombres, RUT, correos y teléfonos…</translation>
    </message>
    <message>
        <source>Term added as %1; it does not appear in the texts.</source>
        <translation>Término agregado como %1; no aparece en los textos.</translation>
    </message>
    <message>
        <source>Term added as %1.</source>
        <translation>Término agregado como %1.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Stopped: nothing was changed.</source>
        <translation>Detenido: no se cambió nada.</translation>
    </message>
    <message>
        <source>%1 of %2 accepted</source>
        <translation>%1 de %2 aceptados</translation>
    </message>
    <message>
        <source>Accepted: it will be replaced.</source>
        <translation>Aceptado: se reemplazará.</translation>
    </message>
    <message>
        <source>Skipped: it stays as written.</source>
        <translation>Omitido: queda como está escrito.</translation>
    </message>
    <message>
        <source>Making the replacements…</source>
        <translation>Haciendo los reemplazos…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries still wait for their pseudonyms: exports stay blocked until every replacement in them is accepted.</source>
        <translation>
            <numerusform>%n entrada aún espera sus seudónimos: las exportaciones quedan bloqueadas hasta que se acepte cada reemplazo en ella.</numerusform>
            <numerusform>%n entradas aún esperan sus seudónimos: las exportaciones quedan bloqueadas hasta que se acepte cada reemplazo en ellas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Review pseudonyms again to accept what was skipped in them.</source>
        <translation>Vuelve a revisar los seudónimos para aceptar lo que se omitió en ellas.</translation>
    </message>
    <message>
        <source>Making the replacements… please wait.</source>
        <translation>Haciendo los reemplazos… espera, por favor.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries may only be used pseudonymised and have skipped replacements: exports stay blocked until those entries are pseudonymised.</source>
        <translation>
            <numerusform>%n entrada solo puede usarse con seudónimos y tiene reemplazos omitidos: las exportaciones quedan bloqueadas hasta que se seudonimice.</numerusform>
            <numerusform>%n entradas solo pueden usarse con seudónimos y tienen reemplazos omitidos: las exportaciones quedan bloqueadas hasta que se seudonimicen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to replace: no names, RUTs, e-mail addresses or phone numbers were found. Add a term if someone is missing.</source>
        <translation>Nada que reemplazar: no se encontraron nombres, RUT, correos ni teléfonos. Agrega un término si falta alguien.</translation>
    </message>
    <message>
        <source>Review pseudonyms</source>
        <translation>Revisar seudónimos</translation>
    </message>
    <message>
        <source>Review the proposed pseudonyms</source>
        <translation>Revisa los seudónimos propuestos</translation>
    </message>
    <message>
        <source>Tick each replacement you accept; unticked ones are skipped and stay as written. Space ticks or unticks, the arrow keys move. The list of who is who stays in this vault: it is never exported.</source>
        <translation>Marca cada reemplazo que aceptas; los no marcados se omiten y quedan como están escritos. La barra espaciadora marca o desmarca, las flechas se mueven. La lista de quién es quién queda en este espacio: nunca se exporta.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>Detene&amp;r</translation>
    </message>
    <message>
        <source>Kind of term</source>
        <translation>Tipo de término</translation>
    </message>
    <message>
        <source>Name of the term</source>
        <translation>Nombre del término</translation>
    </message>
    <message>
        <source>Other forms of the term</source>
        <translation>Otras formas del término</translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation>&amp;Buscar de nuevo</translation>
    </message>
    <message>
        <source>Proposed replacements, grouped by term</source>
        <translation>Reemplazos propuestos, agrupados por término</translation>
    </message>
    <message>
        <source>&amp;Before:</source>
        <translation>Ante&amp;s:</translation>
    </message>
    <message>
        <source>A&amp;fter:</source>
        <translation>D&amp;espués:</translation>
    </message>
    <message>
        <source>The text as written</source>
        <translation>El texto como está escrito</translation>
    </message>
    <message>
        <source>The text with the pseudonym</source>
        <translation>El texto con el seudónimo</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Omitir</translation>
    </message>
    <message>
        <source>Accept all for this &amp;term</source>
        <translation>Aceptar todo este &amp;término</translation>
    </message>
    <message>
        <source>Accept a&amp;ll</source>
        <translation>Aceptar to&amp;dos</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>Omitir todos</translation>
    </message>
    <message>
        <source>Add t&amp;erm…</source>
        <translation>A&amp;gregar término…</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>No&amp;mbre:</translation>
    </message>
    <message>
        <source>&amp;Other forms:</source>
        <translation>Otras &amp;formas:</translation>
    </message>
    <message>
        <source>separated by commas: Martina, la Martina</source>
        <translation>separadas por comas: Martina, la Martina</translation>
    </message>
    <message>
        <source>A&amp;dd and search again</source>
        <translation>Agregar y buscar de &amp;nuevo</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>A&amp;plicar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Estándares</translation>
    </message>
    <message>
        <source>This entry has no text.</source>
        <translation>Esta entrada no tiene texto.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Entry %1 of %2 from %3</source>
        <translation>Entrada %1 de %2 de %3</translation>
    </message>
    <message>
        <source>not read yet: %1, updated since: %2</source>
        <translation>sin leer: %1, actualizadas desde entonces: %2</translation>
    </message>
    <message>
        <source>New: you had not read this entry before.</source>
        <translation>Nueva: no habías leído esta entrada.</translation>
    </message>
    <message>
        <source>Updated since you last read it (version %1, now %2): what changed is highlighted.</source>
        <translation>Actualizada desde tu última lectura (versión %1, ahora %2): lo que cambió está destacado.</translation>
    </message>
    <message>
        <source>Entry &amp;list</source>
        <translation>&amp;Lista de entradas</translation>
    </message>
    <message>
        <source>Keep the entry list while reading</source>
        <translation>Mantener la lista de entradas al leer</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ A&amp;nterior</translation>
    </message>
    <message>
        <source>Previous entry</source>
        <translation>Entrada anterior</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Siguiente ▶</translation>
    </message>
    <message>
        <source>Next entry</source>
        <translation>Entrada siguiente</translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation>Co&amp;mentar</translation>
    </message>
    <message>
        <source>Comment on the selected text</source>
        <translation>Comentar el texto seleccionado</translation>
    </message>
    <message>
        <source>Select text in a section, then Ctrl+Alt+M</source>
        <translation>Selecciona texto de una sección y luego Ctrl+Alt+M</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Comentar…</translation>
    </message>
    <message>
        <source>Show all &amp;changes…</source>
        <translation>Ver todos los &amp;cambios…</translation>
    </message>
    <message>
        <source>Show all changes since you last read</source>
        <translation>Ver todos los cambios desde tu última lectura</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Texto de la entrada</translation>
    </message>
    <message>
        <source>Reading view</source>
        <translation>Vista de lectura</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>Add a contact first: there is no one to share with yet.</source>
        <translation>Primero agrega un contacto: aún no hay nadie con quien compartir.</translation>
    </message>
    <message>
        <source>Choose at least one person: click their row.</source>
        <translation>Elige al menos a una persona: haz clic en su fila.</translation>
    </message>
    <message>
        <source>Not verified yet: %1. Compare the safety number with them (Contacts) so you know the bundle can only be opened by them.</source>
        <translation>Aún sin verificar: %1. Compara el número de seguridad con ellos (Contactos) para saber que solo ellos pueden abrir el paquete.</translation>
    </message>
    <message numerus="yes">
        <source>%n people chosen, and you</source>
        <translation>
            <numerusform>%n persona elegida, y tú</numerusform>
            <numerusform>%n personas elegidas, y tú</numerusform>
        </translation>
    </message>
    <message>
        <source>Who may open it?</source>
        <translation>¿Quién puede abrirlo?</translation>
    </message>
    <message>
        <source>Your comments, replies and sign-offs, in one bundle encrypted to these people and signed by you.</source>
        <translation>Tus comentarios, respuestas y aprobaciones, en un paquete cifrado para estas personas y firmado por ti.</translation>
    </message>
    <message>
        <source>The bundle is encrypted to exactly these people and signed by you.</source>
        <translation>El paquete se cifra exactamente para estas personas y lo firmas tú.</translation>
    </message>
    <message>
        <source>%1 (you): always included, so you can open your own bundle.</source>
        <translation>%1 (tú): siempre se incluye, para que puedas abrir tu propio paquete.</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Click a row or press Space to choose a person; chosen rows are ticked.</source>
        <translation>Haz clic en una fila o pulsa Espacio para elegir a una persona; las filas elegidas quedan marcadas.</translation>
    </message>
    <message>
        <source>You have no contacts yet. Import their card on the Contacts page first.</source>
        <translation>Aún no tienes contactos. Primero importa su tarjeta en la página Contactos.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover with your recovery key</source>
        <translation>Recuperar con tu clave de recuperación</translation>
    </message>
    <message>
        <source>Type the recovery key you saved or printed when you created your vault, then choose a new passphrase. Your entries stay as they are.</source>
        <translation>Escribe la clave de recuperación que guardaste o imprimiste al crear tu espacio y luego elige una nueva frase de contraseña. Tus entradas quedan tal como están.</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Clave de recuperación:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Re&amp;cover</source>
        <translation>Recu&amp;perar</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Tu clave de recuperación</translation>
    </message>
    <message>
        <source>Shown only now. Save it as a PDF or print it.</source>
        <translation>Se muestra solo ahora. Guárdala como PDF o imprímela.</translation>
    </message>
    <message>
        <source>If you forget your passphrase, this key is the only way back into your journal. Nobody else has a copy, not even ReflectDesk.</source>
        <translation>Si olvidas tu frase de contraseña, esta clave es la única forma de volver a entrar a tu espacio. Nadie más tiene una copia, ni siquiera ReflectDesk.</translation>
    </message>
    <message>
        <source>Keep it away from this computer, like a spare house key. Anyone with the key and your computer can read your journal.</source>
        <translation>Guárdala lejos de este computador, como una copia de la llave de tu casa. Cualquiera que tenga la clave y tu computador puede leer tu diario.</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>ReflectDesk recovery key</source>
        <translation>Clave de recuperación de ReflectDesk</translation>
    </message>
    <message>
        <source>This key opens your ReflectDesk vault if you forget your passphrase. Anyone who has it and your computer can read your journal: keep this page somewhere safe, away from the computer, and do not photograph it or send it by e-mail.</source>
        <translation>Esta clave abre tu espacio de ReflectDesk si olvidas tu frase de contraseña. Cualquiera que la tenga junto con tu computador puede leer tu diario: guarda esta hoja en un lugar seguro, lejos del computador, y no la fotografíes ni la envíes por correo electrónico.</translation>
    </message>
    <message>
        <source>Written on {date}. Spaces and dashes do not matter when you type it.</source>
        <translation>Anotada el {date}. Los espacios y guiones no importan al escribirla.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Imprimir la clave de recuperación</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Choose a backup</source>
        <translation>Elegir una copia de seguridad</translation>
    </message>
    <message>
        <source>ReflectDesk backups (*.rdbackup)</source>
        <translation>Copias de seguridad de ReflectDesk (*.rdbackup)</translation>
    </message>
    <message>
        <source>Where the restored journal goes</source>
        <translation>Dónde va el espacio restaurado</translation>
    </message>
    <message>
        <source>Journal restored</source>
        <translation>Espacio restaurado</translation>
    </message>
    <message>
        <source>The backup was checked and restored into %1.</source>
        <translation>La copia se comprobó y se restauró en %1.</translation>
    </message>
    <message>
        <source>It opens with the passphrase it had when the backup was made.</source>
        <translation>Se abre con la frase de contraseña que tenía cuando se hizo la copia.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>&amp;Copia:</translation>
    </message>
    <message>
        <source>Restore &amp;into:</source>
        <translation>Restaurar &amp;en:</translation>
    </message>
    <message>
        <source>&amp;Passphrase or key:</source>
        <translation>&amp;Frase o clave:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>Elegir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Choose where the restored journal goes</source>
        <translation>Elegir dónde va el espacio restaurado</translation>
    </message>
    <message>
        <source>With the passphrase</source>
        <translation>Con la frase de contraseña</translation>
    </message>
    <message>
        <source>With the recovery key</source>
        <translation>Con la clave de recuperación</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Passphrase or recovery key</source>
        <translation>Frase de contraseña o clave de recuperación</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Archivo de la copia de seguridad</translation>
    </message>
    <message>
        <source>New folder for the restored journal</source>
        <translation>Carpeta nueva para el espacio restaurado</translation>
    </message>
    <message>
        <source>The backup is checked in full first. It goes into a new folder: your current journal is not touched.</source>
        <translation>Primero se comprueba la copia entera. Va a una carpeta nueva: tu espacio actual no se toca.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Restore progress</source>
        <translation>Progreso de la restauración</translation>
    </message>
</context>
<context>
    <name>ReviewBadgeText</name>
    <message>
        <source>Signed off, changed</source>
        <translation>Aprobada, cambió</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Aprobada</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nuevo</numerusform>
            <numerusform>%n nuevos</numerusform>
        </translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Con comentarios</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Marked ready for feedback.</source>
        <translation>Marcada como lista para retroalimentación.</translation>
    </message>
    <message numerus="yes">
        <source>%n comments and replies from others.</source>
        <translation>
            <numerusform>%n comentario o respuesta de otras personas.</numerusform>
            <numerusform>%n comentarios y respuestas de otras personas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them since your last reply or edit.</source>
        <translation>
            <numerusform>%n desde tu última respuesta o edición.</numerusform>
            <numerusform>%n desde tu última respuesta o edición.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open threads.</source>
        <translation>
            <numerusform>%n hilo abierto.</numerusform>
            <numerusform>%n hilos abiertos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed off on an earlier version; the entry changed since.</source>
        <translation>Aprobada en una versión anterior; la entrada cambió desde entonces.</translation>
    </message>
    <message>
        <source>Signed off on this version.</source>
        <translation>Aprobada en esta versión.</translation>
    </message>
</context>
<context>
    <name>ReviewMargin</name>
    <message>
        <source>No comments yet.</source>
        <translation>Aún no hay comentarios.</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Term → pseudonym</source>
        <translation>Término → seudónimo</translation>
    </message>
    <message>
        <source>Kind · as written</source>
        <translation>Tipo · como está escrito</translation>
    </message>
    <message>
        <source>Found · decision</source>
        <translation>Veces · decisión</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrences</source>
        <translation>
            <numerusform>%n vez</numerusform>
            <numerusform>%n veces</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 accepted</source>
        <translation>%1 de %2 aceptados</translation>
    </message>
    <message>
        <source>%1
This entry may only be used pseudonymised: if this is skipped, exports wait until it is accepted.</source>
        <translation>%1
Esta entrada solo puede usarse con seudónimos: si se omite este reemplazo, las exportaciones esperan hasta que se acepte.</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceptado</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
</context>
<context>
    <name>ReviewNav</name>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Waiting for feedback (%1)</source>
        <translation>Esperando retroalimentación (%1)</translation>
    </message>
    <message>
        <source>Triad overview</source>
        <translation>Resumen de la tríada</translation>
    </message>
    <message>
        <source>Cohort dashboard</source>
        <translation>Panel de la cohorte</translation>
    </message>
    <message>
        <source>Feedback (%1)</source>
        <translation>Retroalimentación (%1)</translation>
    </message>
    <message>
        <source>Marked ready for feedback.</source>
        <translation>Marcada como lista para retroalimentación.</translation>
    </message>
    <message>
        <source>Marked as draft.</source>
        <translation>Marcada como borrador.</translation>
    </message>
    <message>
        <source>&amp;Ready for feedback</source>
        <translation>&amp;Lista para retroalimentación</translation>
    </message>
    <message>
        <source>Mark this entry ready for your mentor&apos;s feedback (it travels in your bundle)</source>
        <translation>Marca esta entrada como lista para la retroalimentación de tu profesor/a colaborador/a (viaja en tu paquete)</translation>
    </message>
    <message>
        <source>Send &amp;feedback…</source>
        <translation>&amp;Enviar retroalimentación…</translation>
    </message>
    <message>
        <source>E&amp;xport to PDF/HTML…</source>
        <translation>E&amp;xportar a PDF/HTML…</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries waiting</source>
        <translation>
            <numerusform>%n entrada en espera</numerusform>
            <numerusform>%n entradas en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Waits for feedback and sign-off</source>
        <translation>Espera retroalimentación y aprobación</translation>
    </message>
    <message>
        <source>Waits for feedback</source>
        <translation>Espera retroalimentación</translation>
    </message>
    <message>
        <source>Waits for sign-off</source>
        <translation>Espera aprobación</translation>
    </message>
    <message>
        <source>Feedback on your entries</source>
        <translation>Retroalimentación sobre tus entradas</translation>
    </message>
    <message>
        <source>Your entries with comments or a sign-off. The feedback shows beside your text when you open the entry; your replies travel in your next bundle.</source>
        <translation>Tus entradas con comentarios o una aprobación. La retroalimentación aparece junto a tu texto al abrir la entrada; tus respuestas viajan en tu próximo paquete.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Retroalimentación</translation>
    </message>
    <message>
        <source>No feedback yet. Mark an entry “Ready for feedback” and share it with your mentor.</source>
        <translation>Todavía no hay retroalimentación. Marca una entrada «Lista para retroalimentación» y compártela con tu profesor/a colaborador/a.</translation>
    </message>
    <message>
        <source>Waiting for your feedback</source>
        <translation>Esperando tu retroalimentación</translation>
    </message>
    <message>
        <source>Per student, the entries marked ready that wait for your comments or your sign-off on their current version. Open one to read and comment; “Send feedback” builds the bundle back to the student.</source>
        <translation>Por estudiante, las entradas marcadas como listas que esperan tus comentarios o tu aprobación de su versión actual. Abre una para leer y comentar; «Enviar retroalimentación» arma el paquete de vuelta para el/la estudiante.</translation>
    </message>
    <message>
        <source>Student and entry</source>
        <translation>Estudiante y entrada</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Espera</translation>
    </message>
    <message>
        <source>Nothing waits for your feedback.</source>
        <translation>Nada espera tu retroalimentación.</translation>
    </message>
    <message>
        <source>&amp;Open the entry</source>
        <translation>&amp;Abrir la entrada</translation>
    </message>
    <message>
        <source>Send &amp;feedback…</source>
        <translation>Enviar &amp;retroalimentación…</translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message>
        <source>Revision %1</source>
        <translation>Revisión %1</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) changed</source>
        <translation>
            <numerusform>%n sección cambiada</numerusform>
            <numerusform>%n secciones cambiadas</numerusform>
        </translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>standards</source>
        <translation>estándares</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n sección</numerusform>
            <numerusform>%n secciones</numerusform>
        </translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>cambios: %1</translation>
    </message>
    <message>
        <source>no change in the text</source>
        <translation>sin cambios en el texto</translation>
    </message>
    <message>
        <source>First version · %1</source>
        <translation>Primera versión · %1</translation>
    </message>
    <message>
        <source>Versions merged · %1</source>
        <translation>Versiones unidas · %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Editada %1</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <source>Save the bundle</source>
        <translation>Guardar el paquete</translation>
    </message>
    <message>
        <source>Press “Queue it to send” to go on.</source>
        <translation>Pulsa «Poner en cola para enviar» para seguir.</translation>
    </message>
    <message>
        <source>Choose a folder for the bundle.</source>
        <translation>Elige una carpeta para el paquete.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to (is the USB stick still plugged in?): choose another one.</source>
        <translation>No se puede escribir en la carpeta %1 (¿sigue conectada la memoria USB?): elige otra.</translation>
    </message>
    <message>
        <source>Press “Create the bundle” to go on.</source>
        <translation>Pulsa «Crear el paquete» para seguir.</translation>
    </message>
    <message>
        <source>C&amp;reate the bundle</source>
        <translation>C&amp;rear el paquete</translation>
    </message>
    <message>
        <source>&amp;Queue it to send</source>
        <translation>&amp;Poner en cola para enviar</translation>
    </message>
    <message>
        <source>Create the bundle</source>
        <translation>Crear el paquete</translation>
    </message>
    <message>
        <source>Queue it to send</source>
        <translation>Poner en cola para enviar</translation>
    </message>
    <message>
        <source>No folder chosen yet</source>
        <translation>Aún no se ha elegido una carpeta</translation>
    </message>
    <message>
        <source>Where does it go?</source>
        <translation>¿Adónde va?</translation>
    </message>
    <message>
        <source>Send it through an exchange point, or save it in a folder (a USB stick, a shared folder…). The file is named by today&apos;s date and a short code, never by who or what is inside.</source>
        <translation>Envíalo por un punto de intercambio o guárdalo en una carpeta (una memoria USB, una carpeta compartida…). El archivo se nombra con la fecha de hoy y un código corto, nunca con quién o qué hay dentro.</translation>
    </message>
    <message>
        <source>Choose a folder (a USB stick, a shared folder…). The file is named by today&apos;s date and a short code, never by who or what is inside.</source>
        <translation>Elige una carpeta (una memoria USB, una carpeta compartida…). El archivo se nombra con la fecha de hoy y un código corto, nunca con quién o qué hay dentro.</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Elegir una carpeta…</translation>
    </message>
    <message>
        <source>Folder for the bundle: choose</source>
        <translation>Carpeta para el paquete: elegir</translation>
    </message>
    <message>
        <source>&amp;Send through exchange point %1</source>
        <translation>En&amp;viar por el punto de intercambio %1</translation>
    </message>
    <message>
        <source>Send through exchange point %1</source>
        <translation>Enviar por el punto de intercambio %1</translation>
    </message>
    <message>
        <source>The bundle waits in the outbox and leaves with the next sync, when the exchange point can be reached. Only the recipients can open it.</source>
        <translation>El paquete espera en la bandeja de salida y sale con la próxima sincronización, cuando se pueda llegar al punto de intercambio. Solo los destinatarios pueden abrirlo.</translation>
    </message>
    <message>
        <source>Save it in a &amp;folder:</source>
        <translation>Guardarlo en una &amp;carpeta:</translation>
    </message>
    <message>
        <source>Save it in a folder</source>
        <translation>Guardarlo en una carpeta</translation>
    </message>
    <message>
        <source>Folder (click to choose another):</source>
        <translation>Carpeta (haz clic para elegir otra):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel creating the bundle</source>
        <translation>Cancelar la creación del paquete</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
</context>
<context>
    <name>SavedFile</name>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>File: %1 (%2 KB)</source>
        <translation>Archivo: %1 (%2 KB)</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Abrir la carpeta</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Abrir la carpeta</translation>
    </message>
    <message>
        <source>Co&amp;py the path</source>
        <translation>Co&amp;piar la ruta</translation>
    </message>
    <message>
        <source>Copy the path</source>
        <translation>Copiar la ruta</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search entries (Ctrl+F)</source>
        <translation>Buscar entradas (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search entries</source>
        <translation>Buscar entradas</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Show filters</source>
        <translation>Mostrar filtros</translation>
    </message>
    <message>
        <source>Filter by journal, tag, template, standard or date</source>
        <translation>Filtrar por diario, etiqueta, plantilla, estándar o fecha</translation>
    </message>
    <message>
        <source>&amp;Journal:</source>
        <translation>Dia&amp;rio:</translation>
    </message>
    <message>
        <source>T&amp;ag:</source>
        <translation>Eti&amp;queta:</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>&amp;Standard:</source>
        <translation>E&amp;stándar:</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Filter by journal</source>
        <translation>Filtrar por diario</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Filtrar por etiqueta</translation>
    </message>
    <message>
        <source>Filter by template</source>
        <translation>Filtrar por plantilla</translation>
    </message>
    <message>
        <source>Filter by standard</source>
        <translation>Filtrar por estándar</translation>
    </message>
    <message>
        <source>Filter from a date</source>
        <translation>Filtrar desde una fecha</translation>
    </message>
    <message>
        <source>Filter up to a date</source>
        <translation>Filtrar hasta una fecha</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha de término</translation>
    </message>
    <message>
        <source>All journals</source>
        <translation>Todos los diarios</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>Todas las plantillas</translation>
    </message>
    <message>
        <source>All standards</source>
        <translation>Todos los estándares</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Apariencia:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>&amp;Tamaño del texto:</translation>
    </message>
    <message>
        <source>Loc&amp;k automatically after:</source>
        <translation>&amp;Bloquear automáticamente tras:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clara</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscura</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Change passphrase…</source>
        <translation>&amp;Cambiar frase de contraseña…</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Clave de recuperación:</translation>
    </message>
    <message>
        <source>&amp;New recovery key…</source>
        <translation>&amp;Nueva clave de recuperación…</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Nueva clave de recuperación</translation>
    </message>
    <message>
        <source>These settings are kept in a small unencrypted file on this computer. It holds no journal text and no names.</source>
        <translation>Esta configuración se guarda en un pequeño archivo sin cifrar en este computador. No contiene texto de tu diario ni nombres.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Lock automatically after, in minutes</source>
        <translation>Bloquear automáticamente después de estos minutos</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar frase de contraseña</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Student teacher</source>
        <translation>Estudiante en práctica</translation>
    </message>
    <message>
        <source>School mentor</source>
        <translation>Profesor/a guía</translation>
    </message>
    <message>
        <source>University educator</source>
        <translation>Académico/a universitario/a</translation>
    </message>
    <message>
        <source>Recipients may only read it</source>
        <translation>Solo pueden leerlo sus destinatarios</translation>
    </message>
    <message>
        <source>May be used in a research case study</source>
        <translation>Se puede usar en un estudio de caso de investigación</translation>
    </message>
    <message>
        <source>Research only after pseudonymisation</source>
        <translation>Investigación solo tras seudonimizar</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Sin verificar</translation>
    </message>
    <message>
        <source>Keys changed: not verified</source>
        <translation>Claves cambiadas: sin verificar</translation>
    </message>
    <message>
        <source>New key vouched by the old one: not verified</source>
        <translation>Clave nueva avalada por la anterior: sin verificar</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institución</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Entradas de diario</translation>
    </message>
    <message>
        <source>Consent withdrawal</source>
        <translation>Retiro de consentimiento</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Retroalimentación</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Visto bueno</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Tarjeta de contacto</translation>
    </message>
</context>
<context>
    <name>SheetButtons</name>
    <message>
        <source>Save the recovery key</source>
        <translation>Guardar la clave de recuperación</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>ReflectDesk</source>
        <translation>ReflectDesk</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>No se pudo escribir el PDF.</translation>
    </message>
    <message>
        <source>Saved to %1. Print it, keep it safe, and delete the file.</source>
        <translation>Se guardó en %1. Imprímela, guárdala en un lugar seguro y borra el archivo.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviada a la impresora.</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Guardar como &amp;PDF…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Imp&amp;rimir…</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>Guardar la clave de recuperación como PDF</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Imprimir la clave de recuperación</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All entries</source>
        <translation>Todas las entradas</translation>
    </message>
    <message>
        <source>Journals</source>
        <translation>Diarios</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibidas</translation>
    </message>
    <message>
        <source>Received from %1 (read only)</source>
        <translation>Recibidas de %1 (solo lectura)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Standards (MBE)</source>
        <translation>Estándares (MBE)</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Coming in a later version</source>
        <translation>Disponible en una versión próxima</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Case studies</source>
        <translation>Estudios de caso</translation>
    </message>
    <message>
        <source>Journals, tags, templates and standards</source>
        <translation>Diarios, etiquetas, plantillas y estándares</translation>
    </message>
</context>
<context>
    <name>SignOffBox</name>
    <message>
        <source>Signed off by %1 on %2, on version %3</source>
        <translation>Aprobada por %1 el %2, en la versión %3</translation>
    </message>
    <message>
        <source>; changed since</source>
        <translation>; cambió desde entonces</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirada</translation>
    </message>
    <message>
        <source>Overall: %1</source>
        <translation>En general: %1</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Retirar…</translation>
    </message>
    <message>
        <source>Withdraw this sign-off</source>
        <translation>Retirar esta aprobación</translation>
    </message>
</context>
<context>
    <name>SignOffPanel</name>
    <message>
        <source>met</source>
        <translation>logrado</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>parcialmente</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>aún no</translation>
    </message>
    <message>
        <source>— not judged</source>
        <translation>— sin evaluar</translation>
    </message>
    <message>
        <source>Verdict for %1</source>
        <translation>Juicio para %1</translation>
    </message>
    <message>
        <source>Note for %1</source>
        <translation>Nota para %1</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <source>The lowest verdict given</source>
        <translation>El juicio más bajo dado</translation>
    </message>
    <message>
        <source>Withdraw the sign-off</source>
        <translation>Retirar la aprobación</translation>
    </message>
    <message>
        <source>Why do you withdraw it?</source>
        <translation>¿Por qué la retiras?</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Aprobación</translation>
    </message>
    <message>
        <source>Not signed off yet.</source>
        <translation>Aún sin aprobar.</translation>
    </message>
    <message>
        <source>Sign off this version against the standards: for each, met, partly or not yet, with a note. It is signed with your key and bound to this exact version.</source>
        <translation>Aprueba esta versión según los estándares: para cada uno, logrado, parcialmente o aún no, con una nota. Se firma con tu clave y queda ligada a esta versión exacta.</translation>
    </message>
    <message>
        <source>Add a stan&amp;dard…</source>
        <translation>Agregar un es&amp;tándar…</translation>
    </message>
    <message>
        <source>Add a standard</source>
        <translation>Agregar un estándar</translation>
    </message>
    <message>
        <source>&amp;Overall:</source>
        <translation>En &amp;general:</translation>
    </message>
    <message>
        <source>Overall no&amp;te:</source>
        <translation>N&amp;ota general:</translation>
    </message>
    <message>
        <source>Overall verdict</source>
        <translation>Juicio general</translation>
    </message>
    <message>
        <source>Overall note</source>
        <translation>Nota general</translation>
    </message>
    <message>
        <source>&amp;Sign off</source>
        <translation>Apro&amp;bar</translation>
    </message>
    <message>
        <source>Sign off this version</source>
        <translation>Aprobar esta versión</translation>
    </message>
</context>
<context>
    <name>StandardsPicker</name>
    <message>
        <source>Standards</source>
        <translation>Estándares</translation>
    </message>
    <message>
        <source>&amp;Search the standards:</source>
        <translation>&amp;Buscar en los estándares:</translation>
    </message>
    <message>
        <source>Search the standards</source>
        <translation>Buscar en los estándares</translation>
    </message>
    <message>
        <source>%1. Suggested by the template in bold. Space or Enter ticks a standard.</source>
        <translation>%1. En negrita, los que sugiere la plantilla. Espacio o Intro marca un estándar.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Very weak</source>
        <translation>Muy débil</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Fuerte</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Muy fuerte</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Usa al menos %n carácter.</numerusform>
            <numerusform>Usa al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Avoid common passwords and everyday words such as “contraseña” or “colegio”.</source>
        <translation>Evita contraseñas comunes y palabras cotidianas como «contraseña» o «colegio».</translation>
    </message>
    <message>
        <source>Do not use your name.</source>
        <translation>No uses tu nombre.</translation>
    </message>
    <message>
        <source>Avoid keyboard runs and sequences such as “qwerty” or “1234”.</source>
        <translation>Evita secuencias del teclado o de números como «qwerty» o «1234».</translation>
    </message>
    <message>
        <source>Avoid repeated characters and words.</source>
        <translation>Evita repetir caracteres y palabras.</translation>
    </message>
    <message>
        <source>Avoid years and dates: they are easy to guess.</source>
        <translation>Evita años y fechas: son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Add more unrelated words: four random words make a strong passphrase that is easy to remember.</source>
        <translation>Agrega más palabras sin relación entre sí: cuatro palabras al azar forman una frase de contraseña fuerte y fácil de recordar.</translation>
    </message>
    <message>
        <source>A strong passphrase. Make sure you can remember it: nobody can reset it for you.</source>
        <translation>Una frase de contraseña fuerte. Asegúrate de recordarla: nadie puede restablecerla por ti.</translation>
    </message>
    <message>
        <source>Strength: not entered yet</source>
        <translation>Fortaleza: aún no escribes nada</translation>
    </message>
    <message numerus="yes">
        <source>Several unrelated words, at least %n characters.</source>
        <translation>
            <numerusform>Varias palabras sin relación entre sí, al menos %n carácter.</numerusform>
            <numerusform>Varias palabras sin relación entre sí, al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Fortaleza: %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%1 (not verified): %n entries</source>
        <translation>
            <numerusform>%1 (no verificado): %n entrada</numerusform>
            <numerusform>%1 (no verificado): %n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>No exchange points yet: nothing is ever sent.</source>
        <translation>Todavía no hay puntos de intercambio: nunca se envía nada.</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>online</source>
        <translation>con conexión</translation>
    </message>
    <message>
        <source>%1 · %2 waiting to be sent</source>
        <translation>%1 · %2 por enviar</translation>
    </message>
    <message>
        <source>Reached here: %1</source>
        <translation>Se alcanza aquí a: %1</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>sent %1, received %2, waiting %3</source>
        <translation>enviados %1, recibidos %2, en espera %3</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Import this bundle? Compare the safety number with the person first:
%1</source>
        <translation>¿Importar este paquete? Primero compara el número de seguridad con la persona:
%1</translation>
    </message>
    <message>
        <source>Received bundle</source>
        <translation>Paquete recibido</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Agregar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Received, waiting for you:</source>
        <translation>Recibidos, esperándote:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>SyncStatusItem</name>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message numerus="yes">
        <source>Offline, %n waiting</source>
        <translation>
            <numerusform>Sin conexión, %n en espera</numerusform>
            <numerusform>Sin conexión, %n en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync problem: %1</source>
        <translation>Problema de sincronización: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n por enviar</numerusform>
            <numerusform>%n por enviar</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>última sincronización %1</translation>
    </message>
    <message numerus="yes">
        <source>%n received waiting for you</source>
        <translation>
            <numerusform>%n recibido te espera</numerusform>
            <numerusform>%n recibidos te esperan</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the sync page</source>
        <translation>Abrir la página de sincronización</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Send and fetch now</source>
        <translation>Enviar y recibir ahora</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
</context>
<context>
    <name>TemplateChooser</name>
    <message>
        <source>New entry: choose a template</source>
        <translation>Nueva entrada: elige una plantilla</translation>
    </message>
    <message>
        <source>&amp;Find a template:</source>
        <translation>&amp;Buscar una plantilla:</translation>
    </message>
    <message>
        <source>Find a template</source>
        <translation>Buscar una plantilla</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
</context>
<context>
    <name>ThreadCard</name>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>On an earlier version (%1), %2: “%3”</source>
        <translation>En una versión anterior (%1), %2: «%3»</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Reply to this comment</source>
        <translation>Responder a este comentario</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Comment by %1</source>
        <translation>Comentario de %1</translation>
    </message>
</context>
<context>
    <name>TriadView</name>
    <message>
        <source>No standard signed off yet.</source>
        <translation>Todavía no hay estándares aprobados.</translation>
    </message>
    <message>
        <source>Triad overview</source>
        <translation>Resumen de la tríada</translation>
    </message>
    <message>
        <source>Per student whose entries you received: her entries, those marked ready, the feedback given on them (comments and replies by her mentor and by you) and the standards signed off as met.</source>
        <translation>Por cada estudiante de quien recibiste entradas: sus entradas, las marcadas como listas, la retroalimentación que recibieron (comentarios y respuestas de su profesor/a colaborador/a y tuyos) y los estándares aprobados como logrados.</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listas</translation>
    </message>
    <message>
        <source>Feedback given</source>
        <translation>Retroalimentación dada</translation>
    </message>
    <message>
        <source>Standards signed off (met)</source>
        <translation>Estándares aprobados (logrados)</translation>
    </message>
    <message>
        <source>No student has shared entries with you yet. Open her bundle (Ctrl+O).</source>
        <translation>Ningún/a estudiante te ha compartido entradas todavía. Abre su paquete (Ctrl+O).</translation>
    </message>
    <message>
        <source>&amp;Show her entries</source>
        <translation>&amp;Ver sus entradas</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>ReflectDesk: unlock</source>
        <translation>ReflectDesk: desbloquear</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Hola de nuevo</translation>
    </message>
    <message>
        <source>Your journal is encrypted. Enter your passphrase to open it.</source>
        <translation>Tu espacio está cifrado. Escribe tu frase de contraseña para abrirlo.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Forgot your passphrase?</source>
        <translation>¿&amp;Olvidaste tu frase de contraseña?</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Another journal is in %1. To open it, start ReflectDesk with --vault %1.</source>
        <translation>Hay otro espacio en %1. Para abrirlo, inicia ReflectDesk con --vault %1.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>¿Olvidaste tu frase de contraseña?</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurar desde una copia…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Cancel the conversion</source>
        <translation>Cancelar la conversión</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Escribe tu frase de contraseña.</translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message>
        <source>Rest of the cohort</source>
        <translation>Resto de la cohorte</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Revoked: nothing can be sent to %1.</source>
        <translation>Revocado: no se le puede enviar nada a %1.</translation>
    </message>
    <message>
        <source>%1 received these entries from you.</source>
        <translation>%1 recibió estas entradas de tu parte.</translation>
    </message>
    <message>
        <source>You have not sent these entries to anyone from this app. Tick who should get the withdrawal.</source>
        <translation>No has enviado estas entradas a nadie desde esta aplicación. Marca quién debe recibir el retiro.</translation>
    </message>
    <message>
        <source>Ticked: the people who received these entries from you. You can add or remove people.</source>
        <translation>Marcadas: las personas que recibieron estas entradas de tu parte. Puedes agregar o quitar personas.</translation>
    </message>
    <message>
        <source>Not ticked, because their keys were revoked: %1.</source>
        <translation>Sin marcar, porque sus claves fueron revocadas: %1.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Research consent withdrawn for %n entries:</source>
        <translation>
            <numerusform>Consentimiento de investigación retirado para %n entrada:</numerusform>
            <numerusform>Consentimiento de investigación retirado para %n entradas:</numerusform>
        </translation>
    </message>
    <message>
        <source>To: %1 and you.</source>
        <translation>Para: %1 y tú.</translation>
    </message>
    <message>
        <source>Where to save the withdrawal</source>
        <translation>Dónde guardar el retiro</translation>
    </message>
    <message>
        <source>Signing and encrypting…</source>
        <translation>Firmando y cifrando…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelado: no se escribió nada.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Withdraw research consent</source>
        <translation>Retirar el consentimiento de investigación</translation>
    </message>
    <message numerus="yes">
        <source>Withdraw research consent for %n entries</source>
        <translation>
            <numerusform>Retirar el consentimiento de investigación de %n entrada</numerusform>
            <numerusform>Retirar el consentimiento de investigación de %n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>This writes a bundle signed by you for the people who received these entries. Once they import it, they may no longer use the entries for research or case studies (they can still read them).</source>
        <translation>Esto escribe un paquete firmado por ti para las personas que recibieron estas entradas. Una vez que lo importen, ya no podrán usar las entradas para investigación ni estudios de caso (podrán seguir leyéndolas).</translation>
    </message>
    <message>
        <source>&amp;Entries:</source>
        <translation>&amp;Entradas:</translation>
    </message>
    <message>
        <source>Entries whose research consent you withdraw</source>
        <translation>Entradas cuyo consentimiento de investigación retiras</translation>
    </message>
    <message>
        <source>Send it &amp;to:</source>
        <translation>Envia&amp;rlo a:</translation>
    </message>
    <message>
        <source>Recipients of the withdrawal</source>
        <translation>Destinatarios del retiro</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <source>Folder for the withdrawal</source>
        <translation>Carpeta para el retiro</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Elegir una carpeta</translation>
    </message>
    <message>
        <source>&amp;Save the withdrawal</source>
        <translation>&amp;Guardar el retiro</translation>
    </message>
    <message>
        <source>Save the withdrawal</source>
        <translation>Guardar el retiro</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
</TS>
