from reflectdesk.domain.folding import fold, matches


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Bitácora SEMANAL") == "bitacora semanal"
    assert fold("Schön") == "schon"
    assert fold("Ñuñoa") == "nunoa"
    assert fold("Straße") == "strasse"


def test_every_word_must_match_somewhere() -> None:
    assert matches("bitacora", "Bitácora semanal de práctica")
    assert matches("GIBBS ciclo", "Ciclo reflexivo de Gibbs")
    assert matches("schon", "Reflexión en la acción (Schön)")
    assert matches("lesson", "Estudio de clases", "lesson study")
    assert not matches("gibbs kolb", "Ciclo reflexivo de Gibbs")
    assert matches("", "anything")
