"""The one error hierarchy of ReflectDesk.

A leaf module: it imports nothing from the project but the translation marker.
Every error carries a stable ``code`` (for logs, tests and the GUI), an English
``message`` and ``hint`` marked for translation (context ``Errors``), and an
``exit_code`` the CLI returns. Details that could contain journal text are never
put into an error: only ids, counts and file names chosen by the user.
"""

from __future__ import annotations

from typing import ClassVar

from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP

# Documented in docs/cli.md: the CLI exits with these.
EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_VAULT = 5
EXIT_INPUT = 6
EXIT_BUNDLE = 7
EXIT_IO = 8
EXIT_CANCELLED = 9
EXIT_NETWORK = 10


class ReflectDeskError(Exception):
    """Root of every error a user may see."""

    code: ClassVar[str] = "error"
    message: ClassVar[str] = QT_TRANSLATE_NOOP("Errors", "Something went wrong.")
    hint: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Errors", "Try again. If it keeps happening, report it with the crash report."
    )
    exit_code: ClassVar[int] = EXIT_INTERNAL

    def __init__(self, detail: str = "", **params: object) -> None:
        # ``detail`` is a non-secret, untranslated specific (a file name, a field,
        # an id); ``params`` fill ``{placeholders}`` in message and hint.
        super().__init__(detail or self.code)
        self.detail = detail
        self.params = params

    def __str__(self) -> str:
        text = self.message.format(**self.params) if self.params else self.message
        return f"{text} ({self.detail})" if self.detail else text


class InstallationDamaged(ReflectDeskError):
    code = "installation_damaged"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A file of the ReflectDesk installation is missing or damaged: {file}"
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Reinstall ReflectDesk. Your journal is not affected: it is kept apart."
    )
    exit_code = EXIT_IO


class PdfUnavailable(ReflectDeskError):
    code = "pdf_unavailable"
    message = QT_TRANSLATE_NOOP("Errors", "The PDF could not be made.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "The PDF is drawn with the desktop app's Qt libraries. Check that ReflectDesk is "
        "fully installed, or export as HTML and print that to PDF.",
    )
    exit_code = EXIT_IO


# --- vault and keys ---------------------------------------------------------------
class VaultError(ReflectDeskError):
    code = "vault"
    message = QT_TRANSLATE_NOOP("Errors", "The vault could not be used.")
    exit_code = EXIT_VAULT


class WrongPassphrase(VaultError):
    code = "wrong_passphrase"
    message = QT_TRANSLATE_NOOP("Errors", "The passphrase is not correct.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Check Caps Lock and the keyboard layout and try again, or use your recovery key.",
    )
    exit_code = EXIT_AUTH


class WrongRecoveryKey(VaultError):
    code = "wrong_recovery_key"
    message = QT_TRANSLATE_NOOP("Errors", "The recovery key is not correct.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Type the key exactly as it was printed; spaces and dashes do not matter."
    )
    exit_code = EXIT_AUTH


class VaultLocked(VaultError):
    code = "vault_locked"
    message = QT_TRANSLATE_NOOP("Errors", "The vault is locked.")
    hint = QT_TRANSLATE_NOOP("Errors", "Unlock it with your passphrase first.")
    exit_code = EXIT_AUTH


class VaultNotFound(VaultError):
    code = "vault_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no vault in this folder.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Create one with 'init', or choose the folder that holds your vault."
    )
    exit_code = EXIT_NOT_FOUND


class VaultExists(VaultError):
    code = "vault_exists"
    message = QT_TRANSLATE_NOOP("Errors", "A vault already exists in this folder.")
    hint = QT_TRANSLATE_NOOP("Errors", "Open it, or choose another folder for a new vault.")


class VaultCorrupt(VaultError):
    code = "vault_corrupt"
    message = QT_TRANSLATE_NOOP("Errors", "The vault header is damaged or incomplete.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Restore the vault folder from a backup. Nothing was changed.",
    )


class NotAVault(VaultError):
    code = "not_a_vault"
    message = QT_TRANSLATE_NOOP("Errors", "This file is not a ReflectDesk vault.")
    hint = QT_TRANSLATE_NOOP("Errors", "Choose the folder that holds your ReflectDesk vault.")


class VaultTooNew(VaultError):
    code = "vault_too_new"
    message = QT_TRANSLATE_NOOP(
        "Errors", "This vault was written by a newer version of ReflectDesk."
    )
    hint = QT_TRANSLATE_NOOP("Errors", "Update ReflectDesk to open it. Nothing was changed.")


class VaultInUse(VaultError):
    code = "vault_in_use"
    message = QT_TRANSLATE_NOOP("Errors", "This vault is already open in another window.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Switch to the window that has it open, or close it and try again."
    )


class RecordTampered(VaultError):
    code = "record_tampered"
    message = QT_TRANSLATE_NOOP("Errors", "A record in the vault failed its integrity check.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "The vault file was altered or damaged. Restore it from a backup."
    )


class VaultDamaged(VaultError):
    code = "vault_damaged"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The vault file is damaged: part of it fails its integrity check."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "The file was changed outside ReflectDesk or the disk failed. Do not use this copy: "
        "restore the whole vault folder from a backup.",
    )


class VaultMigrationFailed(VaultError):
    code = "vault_migration_failed"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The vault could not be converted to the new format: the copy did not check."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Nothing was changed: the vault still opens as before. Free some disk space and try "
        "again; if it keeps happening, report it.",
    )


class VaultStateTampered(VaultError):
    code = "vault_state_tampered"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Part of the vault was changed, deleted or replaced by an older copy outside ReflectDesk.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Keys, contacts, consents or entry versions may have been altered. Do not use this "
        "copy: restore the whole vault folder from a backup.",
    )


class BackupDamaged(VaultError):
    code = "backup_damaged"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This backup is damaged or was changed after it was made: it does not pass its checks.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Do not restore from it. Use another backup (an older one, or a copy kept elsewhere); "
        "your vault was not touched.",
    )


class StorageUnwritable(ReflectDeskError):
    code = "storage_unwritable"
    message = QT_TRANSLATE_NOOP("Errors", "ReflectDesk cannot write to the data folder.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Check that the folder exists, is not read-only and the disk is not full."
    )
    exit_code = EXIT_IO


class RevisionGraphUnsound(ReflectDeskError):
    """Revisions to store would make an entry's history a cycle (``detail``: its id).

    Raised by storage inside the write's transaction, so nothing is kept; a service
    that got the revisions from a bundle reports it as that bundle's error.
    """

    code = "revision_graph_unsound"
    message = QT_TRANSLATE_NOOP("Errors", "The versions of an entry do not form a valid history.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Nothing was saved. If they came in a bundle, ask the sender to export it again."
    )
    exit_code = EXIT_INPUT


# --- user input --------------------------------------------------------------------
class InputError(ReflectDeskError):
    code = "input"
    message = QT_TRANSLATE_NOOP("Errors", "The input is not valid.")
    hint = QT_TRANSLATE_NOOP("Errors", "Correct it and try again.")
    exit_code = EXIT_INPUT


class NotFound(InputError):
    code = "not_found"
    message = QT_TRANSLATE_NOOP("Errors", "Nothing with this id was found.")
    hint = QT_TRANSLATE_NOOP("Errors", "Check the id; listings show the ids that exist.")
    exit_code = EXIT_NOT_FOUND


class JournalNotFound(NotFound):
    code = "journal_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no journal with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See the ids with 'journal list'.")


class EntryNotFound(NotFound):
    code = "entry_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no entry with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See the ids with 'entry list'.")


class AttachmentNotFound(NotFound):
    code = "attachment_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no attachment with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See an entry's attachments with 'entry show'.")


class AttachmentTooLarge(InputError):
    code = "attachment_too_large"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The attachment is larger than the limit of {limit_mb} MB."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Reduce the file (for example, export the photo smaller) and attach it again."
    )


class FileUnreadable(InputError):
    code = "file_unreadable"
    message = QT_TRANSLATE_NOOP("Errors", "The file could not be read.")
    hint = QT_TRANSLATE_NOOP("Errors", "Check that the file exists and that you may read it.")
    exit_code = EXIT_IO


class FileUnwritable(InputError):
    code = "file_unwritable"
    message = QT_TRANSLATE_NOOP("Errors", "The file could not be written.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Check that the folder exists, that you may write there and that the disk is not full.",
    )
    exit_code = EXIT_IO


class InvalidQuery(InputError):
    code = "invalid_query"
    message = QT_TRANSLATE_NOOP("Errors", "The search could not be understood.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        'Check quotes and parentheses. Use "two words" for a phrase, word* for a prefix, '
        "and AND, OR, NOT between words.",
    )


class WeakPassphrase(InputError):
    code = "weak_passphrase"
    message = QT_TRANSLATE_NOOP("Errors", "The passphrase is too short.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Use at least {min_length} characters; several unrelated words work well."
    )


class InvalidValue(InputError):
    code = "invalid_value"
    message = QT_TRANSLATE_NOOP("Errors", "A value is not valid.")
    hint = QT_TRANSLATE_NOOP("Errors", "Check the value named in the message and try again.")


class CommentNotFound(NotFound):
    code = "comment_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no comment with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See an entry's comments with 'comment list ENTRY'.")


class NoFeedbackToSend(InputError):
    code = "no_feedback_to_send"
    message = QT_TRANSLATE_NOOP(
        "Errors", "There are no comments, sign-offs or statuses to send to these contacts."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Feedback goes on entries shared with them: comment or sign off a received entry, "
        "or send them your entries first with 'bundle export'.",
    )


class FeedbackThroughAuthor(InputError):
    code = "feedback_through_author"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{name} could not accept any of this feedback: its entries were not shared with "
        "{name}, or not in a bundle that also named you.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Leave {name} out. Feedback on your entries goes to those you sent them to; on "
        "someone else's entry, to its author, who forwards it.",
    )


class SignOffNotFound(NotFound):
    code = "sign_off_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no sign-off with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See an entry's sign-offs with 'comment list ENTRY'.")


class QuoteNotFound(InputError):
    code = "quote_not_found"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The quoted text is not in that section of the entry's current version."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Copy the passage exactly as it appears (up to 2,000 characters) and try again."
    )


class StandardUnknown(InputError):
    code = "standard_unknown"
    message = QT_TRANSLATE_NOOP("Errors", "There is no standard with the code {code}.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Use a code of the teaching standards (MBE), for example C7=met."
    )


class NotYourSignOff(InputError):
    code = "not_your_sign_off"
    message = QT_TRANSLATE_NOOP("Errors", "Only the person who signed off may withdraw it.")
    hint = QT_TRANSLATE_NOOP("Errors", "Nothing was changed.")


class OwnEntrySignOff(InputError):
    code = "own_entry_sign_off"
    message = QT_TRANSLATE_NOOP("Errors", "You cannot sign off your own entry.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Send it to your mentor, who signs it off against the standards."
    )


class NotYourEntry(InputError):
    code = "not_your_entry"
    message = QT_TRANSLATE_NOOP("Errors", "Only the entry's author can mark it ready for feedback.")
    hint = QT_TRANSLATE_NOOP("Errors", "Nothing was changed.")


class UnknownSection(InputError):
    code = "unknown_section"
    message = QT_TRANSLATE_NOOP("Errors", "This template has no section with that key.")
    hint = QT_TRANSLATE_NOOP("Errors", "Valid keys: {valid}.")


class TemplateInvalid(InputError):
    code = "template_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The template file is not valid.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Fix the field named in the message; docs/templates.md describes the format."
    )


class TemplateNotFound(NotFound):
    code = "template_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no template with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See the ids with 'templates list'.")


class TaxonomyInvalid(InputError):
    code = "taxonomy_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The standards file is not valid.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Fix the field named in the message; docs/templates.md describes the format."
    )


# --- bundles and contacts -------------------------------------------------------------
class BundleError(ReflectDeskError):
    code = "bundle"
    message = QT_TRANSLATE_NOOP("Errors", "The bundle could not be opened.")
    hint = QT_TRANSLATE_NOOP("Errors", "Ask the sender to export it again. Nothing was imported.")
    exit_code = EXIT_BUNDLE


class ReviewRecordInvalid(BundleError):
    code = "review_record_invalid"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A comment or sign-off in this bundle is damaged or not valid."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Ask the sender to send their feedback again. Nothing was imported."
    )


class ReviewRecordForged(BundleError):
    code = "review_record_forged"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A comment or sign-off was not signed by the person it names, or was changed.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Someone may have altered it on the way. Ask the sender to send it again. "
        "Nothing was imported.",
    )


class ReviewSignerUnknown(BundleError):
    code = "review_signer_unknown"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A comment or sign-off is signed by someone who is not among your contacts."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Add that person's contact card first, compare the safety number, and import "
        "again. Nothing was imported.",
    )


class ReviewSignerRevoked(BundleError):
    code = "review_signer_revoked"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A comment or sign-off is signed with a key that was revoked or replaced."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Whoever holds that key may not be its owner. Ask the person to send their feedback "
        "again with their current key. Nothing was imported.",
    )


class ReviewNotShared(BundleError):
    code = "review_not_shared"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A comment or sign-off comes from someone this entry was not shared with."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Only the people an entry was sent to may comment on it or sign it off, and only "
        "on a version they received. Nothing was imported.",
    )


class ReviewRevisionMismatch(BundleError):
    code = "review_revision_mismatch"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A comment or sign-off names a version of the entry that differs from yours."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "It may have been moved to another entry or version on the way. Ask the sender to "
        "send it again. Nothing was imported.",
    )


class ReviewQuoteOutside(BundleError):
    code = "review_quote_outside"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A comment points at text that is not in the version it names."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Ask the sender to send their feedback again. Nothing was imported."
    )


class ReviewNotAllowed(BundleError):
    code = "review_not_allowed"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A record does something its author may not do (withdraw another person's "
        "sign-off, mark someone else's entry, or sign off their own).",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Ask the sender to send their feedback again. Nothing was imported."
    )


class ReviewTooManyRecords(BundleError):
    code = "review_too_many_records"
    message = QT_TRANSLATE_NOOP(
        "Errors", "There are more comments and sign-offs than ReflectDesk takes at once ({limit})."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Ask the sender to send their feedback in smaller parts. Nothing was imported."
    )


class ContactError(ReflectDeskError):
    code = "contact"
    message = QT_TRANSLATE_NOOP("Errors", "The contact card could not be used.")
    hint = QT_TRANSLATE_NOOP("Errors", "Ask the person to send their card again.")
    exit_code = EXIT_BUNDLE


# --- other -----------------------------------------------------------------------------
class Cancelled(ReflectDeskError):
    code = "cancelled"
    message = QT_TRANSLATE_NOOP("Errors", "The operation was cancelled.")
    hint = QT_TRANSLATE_NOOP("Errors", "Nothing was changed.")
    exit_code = EXIT_CANCELLED


class NetworkError(ReflectDeskError):
    code = "network"
    message = QT_TRANSLATE_NOOP("Errors", "The server could not be reached.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Check the connection; ReflectDesk will retry on its own later."
    )
    exit_code = EXIT_NETWORK


# --- templates and standards (leaf classes) ---------------------------------------------
class TemplateIdReserved(TemplateInvalid):
    code = "template_id_reserved"
    message = QT_TRANSLATE_NOOP("Errors", "This template id belongs to a built-in template.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Choose another id for your template, for example with your university's prefix."
    )


class TemplateVersionExists(TemplateInvalid):
    code = "template_version_exists"
    message = QT_TRANSLATE_NOOP(
        "Errors", "This template version was already imported with different content."
    )
    hint = QT_TRANSLATE_NOOP("Errors", "Raise the version number in the file and import it again.")


class TaxonomyVersionExists(TaxonomyInvalid):
    code = "taxonomy_version_exists"
    message = QT_TRANSLATE_NOOP(
        "Errors", "This standards version was already loaded with different content."
    )
    hint = QT_TRANSLATE_NOOP("Errors", "Raise the version number in the file and load it again.")


# --- bundles (leaf classes, raised by reflectdesk.bundles) -------------------------------
class BundleTooLarge(BundleError):
    code = "bundle_too_large"
    message = QT_TRANSLATE_NOOP("Errors", "The bundle is larger than the limit of {limit_mb} MB.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Ask the sender to split it into smaller bundles. Nothing was imported."
    )


class NotABundle(BundleError):
    code = "not_a_bundle"
    message = QT_TRANSLATE_NOOP("Errors", "This file is not a ReflectDesk bundle.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Choose a .rdbundle file that someone sent you. Nothing was imported."
    )


class NotOpenable(BundleError):
    code = "not_openable"
    message = QT_TRANSLATE_NOOP(
        "Errors", "This file is neither a ReflectDesk bundle nor a contact card."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "ReflectDesk opens bundles (.rdbundle) and contact cards (.rdcard). "
        "Ask the sender which file to use.",
    )


class BundleHeaderInvalid(BundleError):
    code = "bundle_header_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The encryption header of the bundle is damaged.")


class BundleHeaderTooLarge(BundleError):
    code = "bundle_header_too_large"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The encryption header of the bundle is larger than ReflectDesk accepts."
    )


class BundleTooManyStanzas(BundleError):
    code = "bundle_too_many_stanzas"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle is encrypted to more keys than ReflectDesk accepts ({limit})."
    )


class BundleTooManyRecipients(BundleError):
    code = "bundle_too_many_recipients"
    message = QT_TRANSLATE_NOOP("Errors", "A bundle can be sent to at most {limit} people.")
    hint = QT_TRANSLATE_NOOP("Errors", "Send it in several bundles. Nothing was exported.")


class BundlePassphraseEncrypted(BundleError):
    code = "bundle_passphrase_encrypted"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle is protected with a passphrase; ReflectDesk only opens bundles "
        "encrypted to a key.",
    )


class BundleNoKeyRecipient(BundleError):
    code = "bundle_no_key_recipient"
    message = QT_TRANSLATE_NOOP("Errors", "The bundle is not encrypted to any ReflectDesk key.")


class BundleNotForYou(BundleError):
    code = "bundle_not_for_you"
    message = QT_TRANSLATE_NOOP("Errors", "This bundle was not encrypted to your key.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Check that it was meant for you, or ask the sender to export it again to your "
        "current contact card. Nothing was imported.",
    )


class BundleDecryptionFailed(BundleError):
    code = "bundle_decryption_failed"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle is damaged or incomplete: its encryption check failed."
    )


class BundleArchiveInvalid(BundleError):
    code = "bundle_archive_invalid"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The contents of the bundle are damaged or not in the expected format."
    )


class BundleUnsafeName(BundleError):
    code = "bundle_unsafe_name"
    message = QT_TRANSLATE_NOOP("Errors", "The bundle contains a file name that is not allowed.")


class BundleDuplicateName(BundleError):
    code = "bundle_duplicate_name"
    message = QT_TRANSLATE_NOOP("Errors", "The bundle contains the same file name twice.")


class BundleTooManyFiles(BundleError):
    code = "bundle_too_many_files"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle contains more files than ReflectDesk accepts ({limit})."
    )


class BundleFileTooLarge(BundleError):
    code = "bundle_file_too_large"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A file in the bundle is larger than ReflectDesk accepts."
    )


class BundleCompressionSuspicious(BundleError):
    code = "bundle_compression_suspicious"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A file in the bundle is compressed suspiciously well (a possible zip bomb)."
    )


class BundleCompressed(BundleError):
    code = "bundle_compressed"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle contains compressed files. ReflectDesk writes bundles without "
        "compression and does not open compressed ones.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Ask the sender to export it again with ReflectDesk (a bundle unpacked and packed "
        "again with another program is refused). Nothing was imported.",
    )


class BundleEntryUnsupported(BundleError):
    code = "bundle_entry_unsupported"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle contains a file stored in a way ReflectDesk does not accept."
    )


class BundleManifestMissing(BundleError):
    code = "bundle_manifest_missing"
    message = QT_TRANSLATE_NOOP("Errors", "The bundle has no signed list of its contents.")


class BundleSignatureInvalid(BundleError):
    code = "bundle_signature_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The signature of the bundle is not valid.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle was changed after it was signed, or is damaged. Nothing was imported.",
    )


class BundleAuthorRevoked(BundleError):
    code = "bundle_author_revoked"
    message = QT_TRANSLATE_NOOP("Errors", "The key that signed this bundle has been revoked.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Ask the sender for their new contact card. Nothing was imported."
    )


class BundleAuthorKeyRevokedInChain(BundleError):
    code = "bundle_author_key_revoked_in_chain"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This bundle is signed by a key revoked on {date}, or by a newer key that a "
        "revoked key vouched for.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Whoever stole the revoked key can make such bundles. Nothing was imported. Ask the "
        "person, in person or by phone, for their current card.",
    )


class BundleAuthorKeyReplaced(BundleError):
    code = "bundle_author_key_replaced"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This bundle is signed by a key its owner had already replaced on {date}, and it is "
        "dated after that.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Ask the sender to send it again; their app signs with their current key. Nothing "
        "was imported.",
    )


class BundleSignedByYourRetiredKey(BundleError):
    code = "bundle_signed_by_your_retired_key"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This bundle is signed with one of your own keys that you revoked or replaced as lost.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Someone else may hold that key: do not trust what it says. Nothing was imported."
    )


class BundleAuthorKeyMismatch(BundleError):
    code = "bundle_author_key_mismatch"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The bundle was signed with keys that do not match the ones you have for this contact.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Compare safety numbers with the sender before you trust it. Nothing was imported.",
    )


class BundleNotAddressedToYou(BundleError):
    code = "bundle_not_addressed_to_you"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This bundle was not addressed to you: someone else re-encrypted it to your key.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Only its author can share it with you. Nothing was imported."
    )


class BundleHashMismatch(BundleError):
    code = "bundle_hash_mismatch"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A file in the bundle does not match its signed checksum."
    )


class BundleFileMissing(BundleError):
    code = "bundle_file_missing"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A file listed in the signed contents of the bundle is missing."
    )


class BundleFileUnlisted(BundleError):
    code = "bundle_file_unlisted"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle contains a file that is not in its signed list of contents."
    )


class BundleJsonTooLarge(BundleError):
    code = "bundle_json_too_large"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A data file in the bundle is larger than ReflectDesk accepts."
    )


class BundleJsonInvalid(BundleError):
    code = "bundle_json_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "A data file in the bundle is not valid JSON.")


class BundleSchemaInvalid(BundleError):
    code = "bundle_schema_invalid"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A data file in the bundle does not have the expected fields."
    )


class BundleVersionUnsupported(BundleError):
    code = "bundle_version_unsupported"
    message = QT_TRANSLATE_NOOP("Errors", "This bundle was made by a newer version of ReflectDesk.")
    hint = QT_TRANSLATE_NOOP("Errors", "Update ReflectDesk to open it. Nothing was imported.")


class BundleBuildInvalid(BundleError):
    code = "bundle_build_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The bundle could not be made from this content.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "This is a bug in ReflectDesk; please report it. Nothing was exported."
    )


# --- identities and contact cards (leaf classes, raised by reflectdesk.bundles) ----------
class IdentityInvalid(ContactError):
    code = "identity_invalid"
    message = QT_TRANSLATE_NOOP(
        "Errors", "Your stored key pair is damaged or in an unknown format."
    )
    hint = QT_TRANSLATE_NOOP("Errors", "Restore the vault from a backup.")


class PublicKeyInvalid(ContactError):
    code = "public_key_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "A public key is not valid.")


class CardInvalid(ContactError):
    code = "card_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "This is not a valid ReflectDesk contact card.")


class CardSignatureInvalid(ContactError):
    code = "card_signature_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The signature of the contact card is not valid.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "The card was changed or damaged. Ask the person to send it again."
    )


class CardExpired(ContactError):
    code = "card_expired"
    message = QT_TRANSLATE_NOOP("Errors", "The contact card has expired.")
    hint = QT_TRANSLATE_NOOP("Errors", "Ask the person for a new card.")


class CardNotYetValid(ContactError):
    code = "card_not_yet_valid"
    message = QT_TRANSLATE_NOOP("Errors", "The contact card is dated in the future.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Check the date and time of this computer, or ask for a new card."
    )


class RevocationInvalid(ContactError):
    code = "revocation_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The key revocation is not valid.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "It was changed or damaged. Ask the person to send it again."
    )


# --- sharing: identity, contacts, export and import (leaf classes, raised by services) ----
class ReadOnlyEntry(InputError):
    code = "read_only_entry"
    message = QT_TRANSLATE_NOOP(
        "Errors", "This entry was received from someone else and cannot be changed."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Only its author can change it. Comment on it, or copy what you need."
    )


class NoConflict(InputError):
    """Resolving an entry that has one version only (merge issue)."""

    code = "no_conflict"
    message = QT_TRANSLATE_NOOP(
        "Errors", "This entry has only one version: there is nothing to resolve."
    )
    hint = QT_TRANSLATE_NOOP("Errors", "Nothing was changed.")


class ConflictChanged(InputError):
    """The versions of a conflicted entry changed while its author was resolving it."""

    code = "conflict_changed"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The versions of this entry changed while you were resolving them."
    )
    hint = QT_TRANSLATE_NOOP("Errors", "Nothing was saved. Open the versions again and choose.")


class EntryNotExportable(InputError):
    code = "entry_not_exportable"
    message = QT_TRANSLATE_NOOP(
        "Errors", "This entry was received from someone else; only its author can share it."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Choose entries from your own journals. Nothing was exported."
    )


class ContactNotFound(NotFound):
    code = "contact_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no contact with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See the ids with 'contact list'.")


class RecipientRevoked(InputError):
    code = "recipient_revoked"
    message = QT_TRANSLATE_NOOP(
        "Errors", "This contact's key has been revoked; nothing can be sent to it."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Ask the person for their new contact card. Nothing was exported."
    )


class ConfirmationRequired(InputError):
    code = "confirmation_required"
    message = QT_TRANSLATE_NOOP("Errors", "This step needs your confirmation.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Read what was shown, then run the command again with --yes. Nothing was changed."
    )


class ContactKeyChanged(ContactError):
    code = "contact_key_changed"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This card has other keys than the ones you have for this contact, and the old key "
        "did not sign it.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Compare the safety number with the person (in person or by phone) before you "
        "accept it. Nothing was changed.",
    )


class ContactSameName(ContactError):
    code = "contact_same_name"
    message = QT_TRANSLATE_NOOP(
        "Errors", "You already have a contact with this name but with other keys."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "It may be a new card of the same person or someone else. Compare the safety "
        "number with the person before you accept it. Nothing was changed.",
    )


class CardKeyRevoked(ContactError):
    code = "card_key_revoked"
    message = QT_TRANSLATE_NOOP("Errors", "The key on this card has been revoked.")
    hint = QT_TRANSLATE_NOOP("Errors", "Ask the person for a card with their new key.")


class CardKeyRetired(ContactError):
    code = "card_key_retired"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This card is for, or signed by, a key that this contact has already replaced.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Only someone holding the old key could make it. Ask the person for their current "
        "card and compare the safety number. Nothing was changed.",
    )


class RevocationOfYourKey(ContactError):
    code = "revocation_of_your_key"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This is a revocation of your own key, not of a contact's.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "If you did not make it, someone else has your secret key: make new keys now "
        "with 'identity rotate --no-vouch' and give your contacts the new card. Nothing "
        "was changed.",
    )


class CardNameInvalid(ContactError):
    code = "card_name_invalid"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The name on this card contains invisible or text-direction characters.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Such characters can make a name look like another one. Ask the person for a card "
        "with their name typed plainly. Nothing was changed.",
    )


class ContactRenamed(ContactError):
    code = "contact_renamed"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This card changes the name, role or institution of a contact you have.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Check the change with the person. To accept it, import the card again with "
        "--accept-rename. Nothing was changed.",
    )


class CardOutdated(ContactError):
    code = "card_outdated"
    message = QT_TRANSLATE_NOOP("Errors", "You already have a newer card for this contact.")
    hint = QT_TRANSLATE_NOOP("Errors", "Nothing was changed.")


class SafetyNumberMismatch(ContactError):
    code = "safety_number_mismatch"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The safety number you entered does not match this contact's."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Do not mark the contact verified. Check that you both opened the right contact, "
        "then compare again.",
    )


class UnknownSender(BundleError):
    code = "unknown_sender"
    message = QT_TRANSLATE_NOOP("Errors", "The sender of this bundle is not one of your contacts.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Compare the safety number shown with the sender (in person or by phone), then "
        "confirm the import. Nothing was imported.",
    )


class BundleSenderCardMissing(BundleError):
    code = "bundle_sender_card_missing"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle does not carry the contact card of its unknown sender."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Import the sender's contact card first, then the bundle again. Nothing was imported.",
    )


class BundleForeignEntry(BundleError):
    code = "bundle_foreign_entry"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle would change an entry that belongs to someone else."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Only the author of an entry can send new versions of it. Nothing was imported."
    )


class BundleRevisionAuthorMismatch(BundleError):
    code = "bundle_revision_author"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A version in the bundle claims to be written by someone other than its signer."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "A bundle may only carry versions written by the person who signed it. Nothing was "
        "imported; ask the author to send her own bundle.",
    )


class BundleIdConflict(BundleError):
    code = "bundle_id_conflict"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The bundle reuses an id that stands for something else in your vault."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Ask the sender to export it again, and report it if it happens again. "
        "Nothing was imported.",
    )


# --- research: REFI-QDA exchange and pseudonymisation (raised by reflectdesk.research) ---
class ResearchExchangeError(InputError):
    code = "research_exchange"
    message = QT_TRANSLATE_NOOP("Errors", "The REFI-QDA project or codebook is not valid.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Nothing was written or imported. Report it if the file came from ReflectDesk."
    )


class QdpxArchiveInvalid(ResearchExchangeError):
    code = "qdpx_archive_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "This file is not a REFI-QDA project archive (.qdpx).")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Export the project again from your analysis program as a REFI-QDA project. "
        "Nothing was imported.",
    )


class QdpxTooLarge(ResearchExchangeError):
    code = "qdpx_too_large"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The project archive is too large, or expands too much, to open safely."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Split the project into smaller ones and import each. Nothing was imported."
    )


class QdpxXmlInvalid(ResearchExchangeError):
    code = "qdpx_xml_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The project file is not well-formed XML.")


class QdpxSchemaInvalid(ResearchExchangeError):
    code = "qdpx_schema_invalid"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The project or codebook does not follow the REFI-QDA schema."
    )


class QdpxDuplicateGuid(ResearchExchangeError):
    code = "qdpx_duplicate_guid"
    message = QT_TRANSLATE_NOOP("Errors", "Two elements of the project share one GUID.")


class QdpxDanglingReference(ResearchExchangeError):
    code = "qdpx_dangling_reference"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A reference in the project points to nothing, or to the wrong kind of element.",
    )


class QdpxSourceFileMissing(ResearchExchangeError):
    code = "qdpx_source_file_missing"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A source file the project refers to is missing from the archive."
    )


class QdpxUnexpectedFile(ResearchExchangeError):
    code = "qdpx_unexpected_file"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The archive holds a file that the project does not refer to."
    )


class QdpxTextEncoding(ResearchExchangeError):
    code = "qdpx_text_encoding"
    message = QT_TRANSLATE_NOOP("Errors", "A source text is not plain UTF-8 text.")


class QdpxTextBom(ResearchExchangeError):
    code = "qdpx_text_bom"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A source text starts with a byte-order mark, which other programs misread."
    )


class QdpxTextLineEndings(ResearchExchangeError):
    code = "qdpx_text_line_endings"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A source text has Windows (CR LF) or old Mac (CR) line endings."
    )


class QdpxSelectionOutOfRange(ResearchExchangeError):
    code = "qdpx_selection_out_of_range"
    message = QT_TRANSLATE_NOOP("Errors", "A coded passage lies outside the text of its source.")


class QdpxSelectionEmpty(ResearchExchangeError):
    code = "qdpx_selection_empty"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A coded passage is empty or reversed: its start is not before its end."
    )


class QdpxUnsupportedContent(ResearchExchangeError):
    code = "qdpx_unsupported_content"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The project holds picture, PDF, audio or video sources, which ReflectDesk cannot import.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Export only the text sources from your analysis program and import that project. "
        "Nothing was imported.",
    )


class PseudonymisationStale(InputError):
    code = "pseudonymisation_stale"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A proposed replacement no longer matches the text it was proposed for."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Look for names again and review the new proposals. Nothing was changed."
    )


class PseudonymisationOverlap(InputError):
    code = "pseudonymisation_overlap"
    message = QT_TRANSLATE_NOOP("Errors", "Two accepted replacements cover the same text.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Skip one of them and apply the replacements again. Nothing was changed."
    )


# --- sync transports (leaf classes, raised by reflectdesk.sync) ---------------------------
# ``retryable`` tells the outbox/inbox whether trying the same step again later can help
# without anyone doing anything; ``retry_after`` (seconds) is the server's own wish.
class SyncTransferError(NetworkError):
    code = "sync_transfer"
    retryable: ClassVar[bool] = True

    def __init__(self, detail: str = "", *, retry_after: float | None = None, **params: object):
        super().__init__(detail, **params)
        self.retry_after = retry_after


class ServerUnreachable(SyncTransferError):
    code = "server_unreachable"
    message = QT_TRANSLATE_NOOP("Errors", "The exchange server cannot be reached (offline?).")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Check the Internet connection. What is waiting stays queued and is sent on its own "
        "when the server can be reached.",
    )


class ServerTimeout(SyncTransferError):
    code = "server_timeout"
    message = QT_TRANSLATE_NOOP("Errors", "The exchange server did not answer in time.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "The connection may be slow or the server busy. ReflectDesk will try again later."
    )


class ServerPasswordRejected(SyncTransferError):
    code = "server_password_rejected"
    retryable = False
    message = QT_TRANSLATE_NOOP(
        "Errors", "The exchange server refused the user name or app password."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "The password may have been changed or the app password revoked. Create a new app "
        "password on the server and enter it in the exchange point settings.",
    )


class ServerForbidden(SyncTransferError):
    code = "server_forbidden"
    retryable = False
    message = QT_TRANSLATE_NOOP(
        "Errors", "The exchange server does not allow this account to use that folder."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Ask whoever shared the folder to give you write access, or choose another folder.",
    )


class ServerFolderNotFound(SyncTransferError):
    code = "server_folder_not_found"
    retryable = False
    message = QT_TRANSLATE_NOOP("Errors", "The folder of the exchange point does not exist.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Check the address in the exchange point settings; it may have been moved."
    )


class RemoteFileGone(SyncTransferError):
    code = "remote_file_gone"
    retryable = False
    message = QT_TRANSLATE_NOOP("Errors", "The file is no longer on the exchange point.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Someone removed it. Ask the sender to send it again if you still need it."
    )


class ServerConflict(SyncTransferError):
    code = "server_conflict"
    retryable = False
    message = QT_TRANSLATE_NOOP(
        "Errors", "The exchange server refused the change because its folder is not as expected."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Check that the folder still exists on the server, then try again."
    )


class RemoteNameTaken(SyncTransferError):
    code = "remote_name_taken"
    retryable = False
    message = QT_TRANSLATE_NOOP(
        "Errors", "Another file with the same name is already on the exchange point."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Nothing was overwritten. Send it again: it will get a new name."
    )


class RemoteFileChanged(SyncTransferError):
    code = "remote_file_changed"
    retryable = False
    message = QT_TRANSLATE_NOOP(
        "Errors", "The file on the exchange point changed since it was listed."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Nothing was changed here. Sync again to see the current files."
    )


class ServerLocked(SyncTransferError):
    code = "server_locked"
    message = QT_TRANSLATE_NOOP("Errors", "The file or folder is locked on the exchange server.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Another program is using it. ReflectDesk will try again later."
    )


class ServerTrouble(SyncTransferError):
    code = "server_trouble"
    message = QT_TRANSLATE_NOOP("Errors", "The exchange server has a problem right now.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "It is not your connection. ReflectDesk will try again later on its own."
    )


class ServerFull(SyncTransferError):
    code = "server_full"
    retryable = False
    message = QT_TRANSLATE_NOOP("Errors", "The exchange point has no space left.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Free some space there or ask its administrator for more. What is waiting stays "
        "queued; nothing was lost.",
    )


class TransferIncomplete(SyncTransferError):
    code = "transfer_incomplete"
    message = QT_TRANSLATE_NOOP("Errors", "The transfer was cut off before the whole file arrived.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Nothing incomplete was kept. ReflectDesk will try again later."
    )


class ServerTlsFailed(SyncTransferError):
    code = "server_tls_failed"
    retryable = False
    message = QT_TRANSLATE_NOOP(
        "Errors", "The secure connection to the exchange server could not be verified."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Check the address and the computer's date and time. If it persists, someone may be "
        "intercepting the connection: do not use this network, and tell your university's IT.",
    )


class ServerProtocolError(SyncTransferError):
    code = "server_protocol_error"
    retryable = False
    message = QT_TRANSLATE_NOOP(
        "Errors", "The exchange server gave an answer ReflectDesk does not understand."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Check that the address points to a WebDAV folder (for Nextcloud, the WebDAV "
        "address shown in its Files settings).",
    )


class ExchangeFolderUnavailable(SyncTransferError):
    code = "exchange_folder_unavailable"
    message = QT_TRANSLATE_NOOP("Errors", "The shared folder is not available.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Plug in the USB stick or connect the network drive. What is waiting stays queued.",
    )


class ExchangeFolderUnwritable(SyncTransferError):
    code = "exchange_folder_unwritable"
    retryable = False
    message = QT_TRANSLATE_NOOP("Errors", "ReflectDesk may not write to the shared folder.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Check that the folder is not read-only and that you may write there."
    )


class ExchangeAddressInvalid(InputError):
    code = "exchange_address_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The address of the exchange point is not valid.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Use an https:// address (http:// only for this computer itself), without a user "
        "name or password in it.",
    )


class RemoteNameInvalid(InputError):
    code = "remote_name_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "This file name cannot be used on an exchange point.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "This is a bug in ReflectDesk; please report it. Nothing was sent."
    )


class RemoteFileNotOwn(InputError):
    code = "remote_file_not_own"
    message = QT_TRANSLATE_NOOP(
        "Errors", "ReflectDesk only removes files it put on the exchange point itself."
    )
    hint = QT_TRANSLATE_NOOP("Errors", "The file was left where it is. Nothing was removed.")


# --- sync: exchange points, outbox, inbox (issue 17) ------------------------------------
class ExchangePointNotFound(NotFound):
    code = "exchange_point_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no exchange point with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See the ids with 'exchange list'.")


class ExchangeFolderInvalid(InputError):
    code = "exchange_folder_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "This folder cannot be used as an exchange point.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Choose an existing folder by its full path (a USB stick, a network drive or a "
        "folder your Nextcloud client syncs), outside the vault.",
    )


class ExchangeLabelInvalid(InputError):
    code = "exchange_label_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "An exchange point needs a name (up to 80 characters).")
    hint = QT_TRANSLATE_NOOP("Errors", "For example: University — Nextcloud.")


class ExchangePointBusy(InputError):
    code = "exchange_point_busy"
    message = QT_TRANSLATE_NOOP(
        "Errors", "Bundles are still waiting to be sent through this exchange point: {count}."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Send them first ('sync now'), or remove it with --force: they are then not sent.",
    )


class NoExchangePoint(InputError):
    code = "no_exchange_point"
    message = QT_TRANSLATE_NOOP(
        "Errors", "None of these contacts is reached through an exchange point."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Add an exchange point for them ('exchange add … --contact'), or export to a file "
        "with --output.",
    )


class WaitingBundleNotFound(NotFound):
    code = "waiting_bundle_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "No received bundle is waiting with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See the ids with 'sync waiting'.")


# --- backups (issue 16) -------------------------------------------------------------
class NotABackup(InputError):
    code = "not_a_backup"
    message = QT_TRANSLATE_NOOP("Errors", "This file is not a ReflectDesk backup.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Choose a file ending in .rdbackup made by 'Back up now' or 'backup create'."
    )


class RestoreTargetExists(InputError):
    code = "restore_target_exists"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The folder for the restored vault already exists and is not empty."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Choose a new folder: a restore never writes over existing files."
    )


# --- batch import and cohorts (issue 14) --------------------------------------------------
class SymlinkOutsideFolder(InputError):
    code = "symlink_outside_folder"
    message = QT_TRANSLATE_NOOP("Errors", "This link points outside the chosen folder.")
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Links that leave the folder are not followed. Choose the file it points to if you "
        "want to import it.",
    )
    exit_code = EXIT_IO


class CohortNotFound(NotFound):
    code = "cohort_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no cohort with this id or name.")
    hint = QT_TRANSLATE_NOOP("Errors", "See your cohorts with 'cohort list'.")


class CohortNameInvalid(InputError):
    code = "cohort_name_invalid"
    message = QT_TRANSLATE_NOOP("Errors", "The cohort's name is empty, too long or not valid.")
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Use up to 120 characters, for example: Práctica II — 2026 — Sección 2."
    )


class CohortNameTaken(InputError):
    code = "cohort_name_taken"
    message = QT_TRANSLATE_NOOP("Errors", "You already have a cohort with this name.")
    hint = QT_TRANSLATE_NOOP("Errors", "Choose another name, or add the people to that cohort.")


# --- case studies (issue 15; raised by services/case_*.py) ----------------------------------
class CaseStudyNotFound(NotFound):
    code = "case_study_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "There is no case study with this id or title.")
    hint = QT_TRANSLATE_NOOP("Errors", "See your case studies with 'case list'.")


class CaseItemNotFound(NotFound):
    code = "case_item_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "The case study holds no item with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See its items with 'case show'.")


class CaseCodeNotFound(NotFound):
    code = "case_code_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "The case study has no code with this id or name.")
    hint = QT_TRANSLATE_NOOP("Errors", "See its codebook with 'case show'.")


class CaseMemoNotFound(NotFound):
    code = "case_memo_not_found"
    message = QT_TRANSLATE_NOOP("Errors", "The case study has no memo or passage with this id.")
    hint = QT_TRANSLATE_NOOP("Errors", "See its memos and passages with 'case show'.")


class CaseFieldInvalid(InputError):
    code = "case_field_invalid"
    message = QT_TRANSLATE_NOOP(
        "Errors", "A field of the case study is empty, too long or not valid: {field}."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Titles and names take up to 200 characters; dates are written YYYY-MM-DD."
    )


class CaseApprovalMissing(InputError):
    code = "case_approval_missing"
    message = QT_TRANSLATE_NOOP(
        "Errors", "This case study has no ethics approval: entries cannot be added or exported."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Record the committee, the approval's reference and its expiry date with "
        "'case approve'. Until then the study can be planned.",
    )


class CaseApprovalExpired(InputError):
    code = "case_approval_expired"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The ethics approval of this case study expired on {date}: no entry can be added and "
        "nothing exported.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Record the renewed approval with 'case approve' and try again."
    )


class CaseConsentMissing(InputError):
    code = "case_consent_missing"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The author of this entry has not consented to its use in research."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Only entries received with the consent 'research' or 'research-pseudonymised', "
        "and not withdrawn, can be added to a case study.",
    )


class CaseEntryNotReceived(InputError):
    code = "case_entry_not_received"
    message = QT_TRANSLATE_NOOP(
        "Errors", "Only entries received from their authors can be added to a case study."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Import the author's bundle, then pick the entry from 'case add --list'."
    )


class CaseItemDuplicate(InputError):
    code = "case_item_duplicate"
    message = QT_TRANSLATE_NOOP("Errors", "This entry is already in the case study.")
    hint = QT_TRANSLATE_NOOP("Errors", "Remove the item first to add another version of it.")


class CasePseudonymisationRequired(InputError):
    code = "case_pseudonymisation_required"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Entries that may only be used pseudonymised have not been reviewed yet ({count}): "
        "nothing was exported.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Review the proposed replacements with 'case pseudonymise', then export."
    )


class CaseThirdPartiesUnreviewed(InputError):
    code = "case_third_parties_unreviewed"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Entries name pupils, schools or communes, or hold a RUT, e-mail or phone number, "
        "and have not been reviewed yet ({count}): nothing was exported.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Review the proposed replacements (Review pseudonyms… in the Items tab, or 'case "
        "pseudonymise'), then export. Pupils and schools never leave in clear, whatever "
        "the author consented to.",
    )


class CaseSegmentInvalid(InputError):
    code = "case_segment_invalid"
    message = QT_TRANSLATE_NOOP(
        "Errors", "The passage is empty or lies outside the text of its section."
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors", "Select the passage again; offsets count characters (code points) from 0."
    )


class CaseFileTooLarge(InputError):
    code = "case_file_too_large"
    message = QT_TRANSLATE_NOOP("Errors", "The file is larger than the limit of {limit_mb} MB.")
    hint = QT_TRANSLATE_NOOP("Errors", "Keep the information sheet as a smaller PDF.")


class CaseAuditInvalid(InputError):
    code = "case_audit_invalid"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The audit log does not verify: a record was changed, removed, reordered or not "
        "signed by the researcher.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "Do not trust this copy of the log. Export it again from the researcher's vault and "
        "compare.",
    )


class CaseAuditProjectMismatch(InputError):
    code = "case_audit_project_mismatch"
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The audit log verifies, but it does not end on the export of this file ({file}): "
        "its SHA-256 is not the one the log signed.",
    )
    hint = QT_TRANSLATE_NOOP(
        "Errors",
        "The log belongs to another export: another case study, or an earlier or later "
        "export of this one. Check the file with the .audit.json written beside it.",
    )


class CaseCodebookEmpty(InputError):
    code = "case_codebook_empty"
    message = QT_TRANSLATE_NOOP("Errors", "The codebook is empty: there is nothing to export.")
    hint = QT_TRANSLATE_NOOP("Errors", "Add codes first, with 'case codebook --add'.")
