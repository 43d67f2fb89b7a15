"""The str-Enums and vocabularies mirror the core."""

from __future__ import annotations

import importlib.util
import pathlib

import ceseda
from ceseda import _native

TOOL = pathlib.Path(__file__).resolve().parents[1] / "tools" / "gen_codes.py"


def test_the_generated_enums_are_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("gen_codes", TOOL)
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.TARGET.read_text(encoding="utf-8") == gen.render(), "run: python bindings/python/tools/gen_codes.py"


def test_every_enum_lists_the_core_codes_in_order() -> None:
    vocab = _native.vocabularies()
    pairs = {
        "permit": ceseda.Permit,
        "travel_document": ceseda.TravelDocument,
        "procedure": ceseda.Procedure,
        "regime": ceseda.RegimeId,
        "family_member": ceseda.FamilyMember,
        "card_kind": ceseda.CardKind,
        "card_validity": ceseda.CardValidity,
        "admission_card": ceseda.AdmissionCard,
        "eu_status": ceseda.EuStatus,
        "outcome": ceseda.Outcome,
        "component": ceseda.Component,
        "due": ceseda.DueAt,
        "confidence": ceseda.Confidence,
        "window_rule": ceseda.WindowRule,
    }
    for key, enum in pairs.items():
        assert [m.value for m in enum] == vocab[key], key
    assert list(ceseda.FIELDS) == vocab["fields"]
    assert list(ceseda.ERROR_CODES) == vocab["error_codes"]
    assert ceseda.FRAME_COLUMNS == ("total", *vocab["component"], "outcome", "regime", "error", "error_field")
