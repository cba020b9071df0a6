"""The bundle log service: consent statements per entry, in any order of bundles."""

from __future__ import annotations

from pathlib import Path

from reflectdesk.domain.model import (
    Consent,
    EntryContent,
)
from tests.services.bundle_helpers import (
    Pair,
    clone_vault,
    export,
    received,
)


# --- consent ---------------------------------------------------------------------------------
def test_consent_per_entry_and_its_withdrawal_in_any_order(pair: Pair, tmp_path: Path) -> None:
    s, m = pair.student, pair.mentor
    other = clone_vault(m, pair.mentor_dir, tmp_path / "other")
    one = s.entries.add(pair.journal_id, EntryContent(title="Uno"))
    two = s.entries.add(pair.journal_id, EntryContent(title="Dos"))
    sent = export(
        pair,
        entry_ids=(one.id, two.id),
        consent=Consent.RESEARCH,
        entry_consent={two.id: Consent.RESEARCH_PSEUDONYMISED},
    )
    withdrawal = s.exports.withdraw_consent([one.id], [pair.mentor_at_student], pair.out).path
    mine = s.bundle_log.current_consent(one.id)
    assert mine is not None and mine.withdrawn and mine.direction == "out"
    assert [r.level for r in s.bundle_log.consents(two.id)] == [Consent.RESEARCH_PSEUDONYMISED]
    preview = m.imports.preview(withdrawal)
    one_m = received(pair, one.id)
    assert preview.kind == "consent-withdrawal" and preview.withdrawals == (one_m,)
    m.imports.import_bundle(sent)
    current = m.bundle_log.current_consent(one_m)
    assert current is not None and current.level is Consent.RESEARCH
    result = m.imports.import_bundle(withdrawal)
    assert result.withdrawals == 1
    current = m.bundle_log.current_consent(one_m)
    assert current is not None and current.withdrawn
    two_now = m.bundle_log.current_consent(received(pair, two.id))
    assert two_now is not None and two_now.level is Consent.RESEARCH_PSEUDONYMISED
    # The withdrawal arriving first gives the same answer.
    try:
        other.imports.import_bundle(withdrawal)
        other.imports.import_bundle(sent)
        late = other.bundle_log.current_consent(one_m)
        assert late is not None and late.withdrawn
    finally:
        other.close()
