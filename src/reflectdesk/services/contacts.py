"""Contacts: import cards and revocations, compare safety numbers, mark verified.

The rules for a card (``preview_card`` says which applies, ``import_card`` does it):

* a name with invisible or text-direction characters is refused
  (``CardNameInvalid``; :mod:`reflectdesk.domain.names`);
* a key you do not know → a **new** contact, unverified;
* the same signing key, a newer card → a **renewal** (it is signed by the pinned key);
  the contact stays as verified as it was. If it changes the name, role or
  institution the user confirmed, it is refused (``ContactRenamed``) unless
  ``accept_rename``: the preview shows old → new. A newer card with the same signing
  key but another age key is treated as a **rotation** (below): the safety number
  changed, and only the signing key (or a thief's copy of it) vouches for it;
* a **rotation** (new keys, the card also signed by the pinned key as
  ``previous_signing_key``): the new key joins the contact's rotation chain, vouched
  for by the old one. A verified contact becomes **vouched**, not verified: whoever
  holds the old key (its owner, or a thief) could have signed it. Renames as above;
* an older card than the pinned one → **outdated**, nothing changes;
* a newer card for a key the contact already replaced, or signed by one (a fork
  or a loop of the chain) → **retired key**, refused (``CardKeyRetired``);
* a card you import *for* a chosen contact (``replaces=``) whose keys differ and are
  not signed by the pinned key → a **key change**: refused unless confirmed, then
  pinned with ``verified`` cleared and ``key_changed`` set until checked again;
* a new key under a name that looks like a contact's (same TR 39 skeleton) → **same
  name**: refused unless confirmed, then a separate, unverified contact (never a
  silent re-pin: the name proves nothing);
* a revocation of your own key (current or previous) is refused
  (``RevocationOfYourKey``): if you did not make it, someone else has your key;
* a card for a revoked key, or vouched for by one, is refused; a revocation (signed
  by the key it withdraws) applies to that key and every key reached from it by
  rotation (:mod:`reflectdesk.domain.key_chain`): the contact is no longer verified
  and bundles those keys signed from the revocation's date on are refused.
"""

from __future__ import annotations

import builtins
import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reflectdesk.bundles import (
    DEFAULT_LIMITS,
    Card,
    PinnedKey,
    PublicIdentity,
    Revocation,
    card_replaces,
    parse_card,
    parse_card_or_revocation,
    parse_revocation,
    safety_number,
)
from reflectdesk.bundles.canonical import format_timestamp
from reflectdesk.domain.key_chain import link_for, retired_at, revocation_dates, revoked_keys
from reflectdesk.domain.model import (
    CardAction,
    CardData,
    CardImportResult,
    CardPreview,
    Changes,
    Contact,
    KeyRevocation,
    Role,
)
from reflectdesk.domain.names import check_person_name, name_skeleton
from reflectdesk.errors import (
    BundleAuthorKeyRevokedInChain,
    CardInvalid,
    CardKeyRetired,
    CardKeyRevoked,
    ContactKeyChanged,
    ContactNotFound,
    ContactRenamed,
    ContactSameName,
    FileUnreadable,
    RecipientRevoked,
    RevocationOfYourKey,
    SafetyNumberMismatch,
)
from reflectdesk.services.identity import load_or_create_identity, previous_identities
from reflectdesk.services.unlocked_state import UnlockedState

log = logging.getLogger(__name__)

# Sealed documents (storage/documents.py) holding revocations of keys no contact had.
REVOCATION_DOCUMENT = "key-revocation"


def card_data(card: Card) -> CardData:
    return CardData(
        name=card.name,
        role=card.role,
        institution=card.institution,
        age_recipient=card.public.age_recipient,
        signing_key=card.public.signing_key,
        key_id=card.key_id_hex,
        created=card.created,
        expires=card.expires,
        raw=card.raw,
    )


def public_of(contact: Contact) -> PublicIdentity:
    return PublicIdentity(contact.card.age_recipient, contact.card.signing_key)


def _pinned_card(contact: Contact) -> Card:
    return parse_card(contact.card.raw, allow_expired=True)


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def read_card_file(path: Path) -> bytes:
    """A card or revocation file, refusing one over the size cap before reading it."""
    limit = DEFAULT_LIMITS.max_card_bytes
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise FileUnreadable(path.name) from exc
    if len(data) > limit:
        raise CardInvalid("card too large")
    return data


@dataclass(frozen=True, slots=True)
class _CardPlan:
    preview: CardPreview
    card: Card | None
    contact: Contact | None
    revocation: Revocation | None = None
    holders: tuple[str, ...] = ()  # contacts a revocation applies to


def _label(contact: Contact) -> tuple[str, Role, str]:
    """What the user confirmed about a contact: name, role, institution."""
    return (contact.name, contact.card.role, contact.card.institution)


def _card_label(card: Card) -> tuple[str, Role, str]:
    return (card.name, card.role, card.institution)


def _look_alike(contacts: list[Contact], name: str, besides: Contact | None) -> str:
    """The name of another contact whose name looks like ``name``."""
    skeleton = name_skeleton(name)
    for other in contacts:
        if other is not besides and name_skeleton(other.name) == skeleton:
            return other.name
    return ""


def _pinned(signing_key: bytes, holders: list[Contact]) -> PinnedKey:
    """The pinned key of ``signing_key``, held (current or replaced) by ``holders``."""
    contact = next((c for c in holders if c.card.signing_key == signing_key), holders[0])
    link = link_for(contact, signing_key)
    assert link is not None
    revoked_at = revoked_keys(contact).get(signing_key)
    retired = retired_at(contact.chain, signing_key)
    dates = [d for d in (revoked_at, retired) if d is not None]
    refused = min(dates) if dates else None
    return PinnedKey(
        signing_key=signing_key,
        age_recipient=link.age_recipient,
        revoked=contact.revoked_by_hand,
        # Only the current, unrevoked key of a verified contact is "verified".
        verified=contact.verified and refused is None,
        contact_id=contact.id,
        refused_from=refused,
        revoked_in_chain=revoked_at is not None and revoked_at == refused,
        revoked_on=revocation_dates(contact).get(signing_key),
    )


class ContactService:
    def __init__(self, state: Callable[[], UnlockedState]) -> None:
        self._state = state

    # -- reads ---------------------------------------------------------------------------
    def list(self) -> list[Contact]:
        return self._state().contacts.list()

    def get(self, contact_id: str) -> Contact:
        return self._state().contacts.get(contact_id)

    def resolve(self, ref: str) -> Contact:
        """A contact by id, key id, id prefix (6+ characters) or unique name (for the CLI)."""
        contacts = self.list()
        for c in contacts:
            if ref in (c.id, c.key_id):
                return c
        by_prefix = [c for c in contacts if len(ref) >= 6 and c.id.startswith(ref)]
        if len(by_prefix) == 1:
            return by_prefix[0]
        by_name = [c for c in contacts if _name_key(c.name) == _name_key(ref)]
        if len(by_name) == 1:
            return by_name[0]
        raise ContactNotFound(ref if len(ref) <= 64 else ref[:64])

    @staticmethod
    def read_card(data: bytes) -> Card:
        """A card's contents, verified (format, signatures, dates; an expired one too):
        what a front end shows of a card it holds. Raises ``CardInvalid``."""
        return parse_card(data, allow_expired=True)

    def by_signing_key(self, signing_key: bytes) -> Contact | None:
        return self._state().contacts.by_signing_key(signing_key)

    def pinned_key(self, signing_key: bytes) -> PinnedKey | None:
        """What a bundle's author is checked against: any key of a contact's rotation
        chain, with the date from which its bundles are refused."""
        holders = self._state().contacts.with_key(signing_key)
        if holders:
            return _pinned(signing_key, holders)
        if signing_key in self._revoked_unknown():
            return PinnedKey(signing_key=signing_key, revoked=True)
        return None

    def known_authors(self) -> dict[bytes, PinnedKey]:
        """:meth:`pinned_key` of every key this vault knows, as one table: what
        ``open_bundle`` looks a bundle's author up in (a key not in it is unknown)."""
        out = {
            # Revoked before anyone here knew it: nothing from it is taken.
            key: PinnedKey(signing_key=key, revoked=True)
            for key in self._revoked_unknown()
        }
        holders: dict[bytes, builtins.list[Contact]] = {}
        for contact in self.list():  # the order ``with_key`` keeps
            for key in dict.fromkeys(link.signing_key for link in contact.chain):
                holders.setdefault(key, []).append(contact)
        out.update({key: _pinned(key, having) for key, having in holders.items()})
        return out

    def safety_number(self, contact_id: str) -> str:
        """60 digits in 12 groups: the same on your screen and on the contact's."""
        st = self._state()
        contact = st.contacts.get(contact_id)
        return safety_number(load_or_create_identity(st).public, public_of(contact))

    def recipients(self, contact_ids: tuple[str, ...]) -> builtins.list[Contact]:
        """The contacts to encrypt to (once each); a revoked contact cannot be one."""
        out: builtins.list[Contact] = []
        for contact_id in dict.fromkeys(contact_ids):
            contact = self.get(contact_id)
            if contact.revoked:
                raise RecipientRevoked(contact.id)
            out.append(contact)
        return out

    # -- cards ---------------------------------------------------------------------------
    def _plan(self, data: bytes, replaces: str | None) -> _CardPlan:
        st = self._state()
        me = load_or_create_identity(st).public
        doc = parse_card_or_revocation(data)
        own = {me.signing_key, *(p.public.signing_key for p in previous_identities(st))}
        if isinstance(doc, Revocation):
            if doc.public.signing_key in own:
                # Only your key signs it: kept quietly as "a key no contact has", it hid
                # that someone else may hold your key.
                raise RevocationOfYourKey(doc.public.key_id_hex)
            return self._plan_revocation(doc, me)
        card = doc
        if card.public.signing_key in own:
            raise CardInvalid("this is your own card")
        check_person_name(card.name)
        repo = st.contacts
        contacts = repo.list()  # every sealed record once: the chains are the authority
        key, prev = card.public.signing_key, card.previous_signing_key

        def preview(
            action: CardAction, contact: Contact | None, *, quiet_change: bool = False
        ) -> _CardPlan:
            renamed_from = None
            look_alike = ""
            if contact is not None and quiet_change and _label(contact) != _card_label(card):
                renamed_from = _label(contact)
            if renamed_from is not None or action is CardAction.SAME_NAME:
                look_alike = _look_alike(contacts, card.name, contact if renamed_from else None)
            return _CardPlan(
                CardPreview(
                    action=action,
                    name=card.name,
                    role=card.role,
                    institution=card.institution,
                    key_id=card.key_id_hex,
                    safety_number=safety_number(me, card.public),
                    contact_id=contact.id if contact else None,
                    expires=card.expires,
                    expired=card.is_expired(),
                    renamed_from=renamed_from,
                    look_alike=look_alike,
                    vouched=(
                        action is CardAction.ROTATION
                        and contact is not None
                        and (contact.verified or contact.vouched)
                    ),
                ),
                card,
                contact,
            )

        holders = [c for c in contacts if link_for(c, key) is not None]
        # A key a revocation reached (a thief's rotation included), or vouched for by one;
        # revocations of keys no contact had are kept too (a revocation before the card).
        revoked = self._revoked_map(contacts)
        for k in (key, prev):
            if k is not None and k in revoked:
                return preview(CardAction.REVOKED_KEY, revoked[k][1])
        # A key the contact already replaced: an old card, or a loop back to it.
        for c in holders:
            if c.card.signing_key != key:
                older = card.created <= c.card.created
                return preview(CardAction.OUTDATED if older else CardAction.RETIRED_KEY, c)
        pinned = holders[0] if holders else None
        if replaces is not None:
            target = repo.get(replaces)
            if pinned is not None and pinned.id != target.id:
                raise CardInvalid("these keys belong to another contact")
            if pinned is None:
                quiet = not target.revoked and card_replaces(_pinned_card(target), card)
                if quiet:
                    return preview(CardAction.ROTATION, target, quiet_change=True)
                return preview(CardAction.KEY_CHANGE, target)
        if pinned is not None:
            old = _pinned_card(pinned)
            if old.raw == card.raw:
                return preview(CardAction.UNCHANGED, pinned)
            if card.created < old.created:
                return preview(CardAction.OUTDATED, pinned)
            if card_replaces(old, card):
                if card.public.age_recipient != old.public.age_recipient:
                    # Same signing key, another age key: a new safety number, vouched
                    # only by the signing key (a thief's alone could make it).
                    return preview(CardAction.ROTATION, pinned, quiet_change=True)
                return preview(CardAction.RENEWAL, pinned, quiet_change=True)
            return preview(CardAction.KEY_CHANGE, pinned)  # pragma: no cover - same key
        if prev is not None:
            voucher = next((c for c in contacts if link_for(c, prev) is not None), None)
            if voucher is not None and voucher.card.signing_key != prev:
                return preview(CardAction.RETIRED_KEY, voucher)  # a fork from an old key
            if (
                voucher is not None
                and not voucher.revoked
                and card_replaces(_pinned_card(voucher), card)
            ):
                return preview(CardAction.ROTATION, voucher, quiet_change=True)
        skeleton = name_skeleton(card.name)
        for other in contacts:  # revoked ones too: a new key after a revocation is checked
            if name_skeleton(other.name) == skeleton:
                return preview(CardAction.SAME_NAME, other)
        return preview(CardAction.NEW, None)

    def _plan_revocation(self, revocation: Revocation, me: PublicIdentity) -> _CardPlan:
        holders = self._state().contacts.touched_by(revocation.public.signing_key)
        contact = holders[0] if holders else None
        action = CardAction.REVOCATION if contact is not None else CardAction.REVOCATION_UNKNOWN
        return _CardPlan(
            CardPreview(
                action=action,
                name=contact.name if contact else "",
                role=contact.card.role if contact else None,
                institution=contact.card.institution if contact else "",
                key_id=revocation.public.key_id_hex,
                safety_number=safety_number(me, revocation.public),
                contact_id=contact.id if contact else None,
                expires=None,
                expired=False,
            ),
            None,
            contact,
            revocation,
            tuple(c.id for c in holders),
        )

    def preview_card(self, data: bytes, *, replaces: str | None = None) -> CardPreview:
        """What importing ``data`` (a card or a revocation) would do; nothing is stored.

        Raises the card errors (``CardInvalid``, ``CardSignatureInvalid``,
        ``CardExpired``, ``CardNotYetValid``, ``RevocationInvalid``, ``CardNameInvalid``).
        """
        return self._plan(data, replaces).preview

    def import_card(
        self,
        data: bytes,
        *,
        replaces: str | None = None,
        confirm: bool = False,
        accept_rename: bool = False,
    ) -> CardImportResult:
        """Import a card or a revocation following the rules in the module docstring.

        A key change or a same-name card raises ``ContactKeyChanged`` /
        ``ContactSameName`` unless ``confirm`` (the user compared the safety number
        or accepted the warning); a renewal or rotation that renames a contact raises
        ``ContactRenamed`` unless ``accept_rename``; a card for a revoked key raises
        ``CardKeyRevoked``, one for a replaced key ``CardKeyRetired``.
        """
        st = self._state()
        with st.write_lock:
            plan = self._plan(data, replaces)
            action, card, contact = plan.preview.action, plan.card, plan.contact
            result: Contact | None = contact
            if action is CardAction.REVOKED_KEY:
                raise CardKeyRevoked(plan.preview.key_id)
            if action is CardAction.RETIRED_KEY:
                raise CardKeyRetired(plan.preview.key_id)
            if action is CardAction.KEY_CHANGE and not confirm:
                raise ContactKeyChanged(plan.preview.key_id)
            if action is CardAction.SAME_NAME and not confirm:
                raise ContactSameName(plan.preview.key_id)
            if plan.preview.renamed_from is not None and not accept_rename:
                raise ContactRenamed(plan.preview.key_id)
            if action in (CardAction.NEW, CardAction.SAME_NAME):
                assert card is not None
                result = st.contacts.add(card_data(card), vouched_by=card.previous_signing_key)
            elif action is CardAction.RENEWAL:
                assert card is not None and contact is not None
                result = st.contacts.replace_card(
                    contact.id,
                    card_data(card),
                    verified=contact.verified,
                    vouched=contact.vouched,
                    key_changed=contact.key_changed,
                )
            elif action is CardAction.ROTATION:
                assert card is not None and contact is not None
                result = st.contacts.replace_card(
                    contact.id,
                    card_data(card),
                    verified=False,
                    vouched=plan.preview.vouched,
                    key_changed=contact.key_changed,
                    vouched_by=contact.card.signing_key,
                )
            elif action is CardAction.KEY_CHANGE:
                assert card is not None and contact is not None
                result = st.contacts.replace_card(
                    contact.id, card_data(card), verified=False, key_changed=True
                )
            elif action is CardAction.REVOCATION and plan.revocation is not None:
                revoked = KeyRevocation(
                    signing_key=plan.revocation.public.signing_key,
                    stated=plan.revocation.revoked,
                    imported_at=datetime.now(UTC),
                )
                updated = [st.contacts.add_revocation(cid, revoked) for cid in plan.holders]
                result = updated[0]
            elif action is CardAction.REVOCATION_UNKNOWN and plan.revocation is not None:
                self._keep_unknown_revocation(plan.revocation)
        log.info("card imported: %s (key %s)", action.value, plan.preview.key_id)
        if result is not None and action not in (CardAction.UNCHANGED, CardAction.OUTDATED):
            st.emit(Changes(contacts=frozenset({result.id, *plan.holders})))
        return CardImportResult(action, result)

    def import_card_file(
        self,
        path: Path,
        *,
        replaces: str | None = None,
        confirm: bool = False,
        accept_rename: bool = False,
    ) -> CardImportResult:
        return self.import_card(
            read_card_file(path), replaces=replaces, confirm=confirm, accept_rename=accept_rename
        )

    # -- revocations of keys no contact has (yet) -------------------------------------
    def _revoked_unknown(self) -> dict[bytes, datetime]:
        """Key -> revocation date, for revocations imported before any card of the key.

        Kept as sealed documents; each is re-verified (its own signature) when read.
        """
        out: dict[bytes, datetime] = {}
        for raw in self._state().documents.payloads(REVOCATION_DOCUMENT):
            revocation = parse_revocation(raw)
            when = revocation.revoked
            key = revocation.public.signing_key
            out[key] = min(out.get(key, when), when)
        return out

    def _revoked_map(
        self, contacts: builtins.list[Contact]
    ) -> dict[bytes, tuple[datetime | None, Contact | None]]:
        """Every revoked key -> (from when, whose): reached by a revocation through a
        contact's chain, a key of a contact revoked by hand (None: always), or revoked
        before any card of it came."""
        out: dict[bytes, tuple[datetime | None, Contact | None]] = {
            k: (when, None) for k, when in self._revoked_unknown().items()
        }
        for c in contacts:
            out.update({k: (when, c) for k, when in revocation_dates(c).items()})
            if c.revoked_by_hand:
                out.update({link.signing_key: (None, c) for link in c.chain})
        return out

    def check_new_sender(self, card: Card) -> None:
        """The card of a bundle's unknown sender, about to become a contact: the rules for
        any new card's key apply (its name; no revoked key, nor one vouched for by it)."""
        check_person_name(card.name)
        revoked = self._revoked_map(self.list())
        for key in (card.public.signing_key, card.previous_signing_key):
            if key is not None and key in revoked:
                when = revoked[key][0]
                raise BundleAuthorKeyRevokedInChain(
                    card.key_id_hex, date=format_timestamp(when) if when else "-"
                )

    def _keep_unknown_revocation(self, revocation: Revocation) -> None:
        st = self._state()
        if revocation.raw in st.documents.payloads(REVOCATION_DOCUMENT):
            return
        st.documents.put(REVOCATION_DOCUMENT, revocation.public.key_id_hex, revocation.raw)

    # -- trust -----------------------------------------------------------------------------
    def verify(self, contact_id: str, safety_number_text: str | None = None) -> Contact:
        """Mark verified once the safety numbers were compared.

        With ``safety_number_text`` (what the other screen shows; spaces ignored) it is
        checked first, and a mismatch raises ``SafetyNumberMismatch``.
        """
        st = self._state()
        with st.write_lock:
            contact = st.contacts.get(contact_id)
            if contact.revoked:
                raise CardKeyRevoked(contact.key_id)
            if safety_number_text is not None:
                given = "".join(ch for ch in safety_number_text if not ch.isspace())
                expected = self.safety_number(contact_id).replace(" ", "")
                if given != expected:
                    raise SafetyNumberMismatch(contact.id)
            contact = st.contacts.set_flags(
                contact_id, verified=True, vouched=False, key_changed=False
            )
        st.emit(Changes(contacts=frozenset({contact_id})))
        return contact

    def unverify(self, contact_id: str) -> Contact:
        st = self._state()
        with st.write_lock:
            contact = st.contacts.set_flags(contact_id, verified=False, vouched=False)
        st.emit(Changes(contacts=frozenset({contact_id})))
        return contact

    def revoke(self, contact_id: str) -> Contact:
        """Stop trusting this contact's key: its bundles are refused, nothing is sent to it."""
        st = self._state()
        with st.write_lock:
            contact = st.contacts.set_flags(contact_id, revoked=True, verified=False, vouched=False)
        st.emit(Changes(contacts=frozenset({contact_id})))
        return contact
