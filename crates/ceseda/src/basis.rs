//! Legal bases: the article behind each charge, in the numbering in force on the decision
//! date (the CESEDA was renumbered on 1 May 2021; amounts did not change).

use chrono::NaiveDate;

use crate::regime::{RegimeId, RECODIFICATION};

/// What a line is charged under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subject {
    /// Tax on the issue and renewal of a title.
    IssueTax,
    /// Tax on a duplicate (the renewal tax).
    DuplicateTax,
    /// The surcharge on a duplicate or a renewal without the expired title (2011, 2016).
    Surcharge,
    /// Tax on the DCEM.
    Dcem,
    /// Visa de régularisation.
    VisaRegularisation,
    /// Late-renewal charge.
    LateRenewal,
    /// Droit de timbre.
    Stamp,
    /// The 2026 tax on an APS.
    ApsTax,
    /// Travel documents (code général des impôts).
    TravelDocument,
}

/// The article reference for `subject` under `regime` for a decision on `date`.
pub(crate) fn article(subject: Subject, regime: RegimeId, date: NaiveDate) -> &'static str {
    use Subject::*;
    if regime == RegimeId::Table2011 {
        return match subject {
            IssueTax | DuplicateTax => "CESEDA L. 311-13, L. 311-14",
            Surcharge | LateRenewal => "CESEDA L. 311-13 (note ** du tableau)",
            Stamp => "CESEDA L. 311-16",
            Dcem => "CESEDA L. 311-13",
            VisaRegularisation => "CESEDA L. 311-13",
            ApsTax => "CESEDA L. 311-13",
            TravelDocument => "CGI art. 953",
        };
    }
    if date < RECODIFICATION {
        match subject {
            IssueTax | ApsTax => "CESEDA L. 311-13 A",
            DuplicateTax => "CESEDA L. 311-13 B",
            Surcharge => "CESEDA L. 311-13 B, D. 311-18-1",
            Dcem => "CESEDA L. 311-13 C",
            VisaRegularisation => "CESEDA L. 311-13 D 1°",
            LateRenewal => "CESEDA L. 311-13 D 2°",
            Stamp => "CESEDA L. 311-16",
            TravelDocument => "CGI art. 953",
        }
    } else {
        match subject {
            IssueTax => "CESEDA L. 436-1",
            ApsTax => "CESEDA L. 436-1 II",
            DuplicateTax => "CESEDA L. 436-2",
            Surcharge => "CESEDA L. 436-2",
            Dcem => "CESEDA L. 436-3",
            VisaRegularisation => "CESEDA L. 436-4",
            LateRenewal => "CESEDA L. 436-5",
            Stamp => "CESEDA L. 436-7",
            TravelDocument => "CGI art. 953",
        }
    }
}
