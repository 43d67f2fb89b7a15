//! The errata register: every place where a seed prints something that disagrees with itself.
//!
//! A misprint is never corrected silently. The tables keep the cell as printed and point
//! here; the quote uses the reading chosen below and lists the erratum, so a user can see
//! exactly where the library departs from the page.

use std::borrow::Cow;

use crate::model::answer::{Confidence, Erratum};

const fn s(text: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(text)
}

/// The register.
pub static ERRATA: &[Erratum] = &[
    Erratum {
        id: s("003-cr-enfant-ascendant-de-francais-first-issue"),
        seed: s("003"),
        row: s("CR - Enfant ou ascendant de Français - L. 314-11 2°"),
        column: s("first_issue"),
        printed: s("69 (250+19) (*)"),
        reading: s("269 (250+19)"),
        reason: s("The printed total drops a digit: its own components give 250+19 = 269, and every other general-rate cell of the 2016 table is 269."),
        confidence: Confidence::High,
    },
    Erratum {
        id: s("003-talent-famille-duplicate"),
        seed: s("003"),
        row: s("CSP Passeport talents - Famille - L. 313-21"),
        column: s("duplicate"),
        printed: s("269 (250+19) CST"),
        reading: s("269 (250+19), as printed"),
        reason: s("The first title and the renewal cost the stamp duty alone (19), and everywhere else in the table a duplicate costs the renewal tax (plus 16 € where a tax is due): the retiree cards, also tax-exempt, print 19 for the duplicate. By that rule the cell would read 19. No source says which figure is wrong, so the cell is kept as printed and flagged."),
        confidence: Confidence::Low,
    },
    Erratum {
        id: s("003-cap-note"),
        seed: s("003"),
        row: s("NB (plafond de 250 €)"),
        column: s("note"),
        printed: s("Pour les duplicatas et renouvellements de titre de séjour sans être appliqués lorsqu'elles occasionnent un montant total de taxe - hors droit de timbre - supérieur à 250€"),
        reading: s("Pour les duplicatas et renouvellements sans présentation du titre échu, les majorations ne sont pas appliquées lorsqu'elles occasionnent un montant total de taxe, hors droit de timbre, supérieur à 250 €"),
        reason: s("Words are missing from the sentence. The reading is the one every cell of the third column agrees with: 250 € cells carry no surcharge, 60 € and 120 € cells carry 16 €."),
        confidence: Confidence::High,
    },
    Erratum {
        id: s("004-vpf-droit-au-respect-first-issue"),
        seed: s("004"),
        row: s("CST/CSP VPF - Droit respect de la VPF - L. 313-11 7° - L. 313-17"),
        column: s("first_issue"),
        printed: s("225 (250+25) CST"),
        reading: s("225 (200+25)"),
        reason: s("The 2020 law sets a uniform 200 € tax (measure 1 of the note); the printed total 225 agrees with 200+25, and 250 is the 2016 figure left in."),
        confidence: Confidence::High,
    },
    Erratum {
        id: s("004-vpf-rente-accident-maladie-duplicate"),
        seed: s("004"),
        row: s("CST/CSP VPF - Rente accident-maladie - L. 313-11 9° - L. 313-17"),
        column: s("duplicate"),
        printed: s("75 (50+75) CST/CSP"),
        reading: s("75 (50+25)"),
        reason: s("The stamp duty is 25 € (measure 7), the printed total 75 agrees with 50+25, and the two other cells of the row print 75 (50+25)."),
        confidence: Confidence::High,
    },
    Erratum {
        id: s("004-vpf-regroupement-familial-spouse-rate"),
        seed: s("004"),
        row: s("CST/CSP VPF - Regroupement familial - Conjoint-Enfant - L. 313-11 1° - L. 313-17"),
        column: s("all"),
        printed: s("75 (50+25) (***) CST/CSP"),
        reading: s("75 (50+25) for the spouse as for the child, as printed"),
        reason: s("Measure 2 of the note gives the reduced rate to young adults admitted through family reunification as minors, not to spouses, while the table prints the reduced rate for the whole « Conjoint-Enfant » row. The table is kept, as the more specific text, and the discrepancy is flagged."),
        confidence: Confidence::Medium,
    },
];

/// Looks up an erratum by id.
pub fn erratum(id: &str) -> Option<&'static Erratum> {
    ERRATA.iter().find(|e| e.id == id)
}
