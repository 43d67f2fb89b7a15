//! "Did you mean": the accepted code closest to an unknown one.
//!
//! A code is matched after normalising case, accents, spaces and hyphens (`Visiteur`,
//! `first-issue`), then against the French and English labels of permits (`visitor`), then by
//! edit distance within a third of the code's length.

use crate::model::document::Document;

/// The accepted code closest to `value`, if one is close enough to suggest.
pub(crate) fn closest(value: &str, expected: &[&'static str], field: &str) -> Option<&'static str> {
    let wanted = normalise(value);
    if wanted.is_empty() || wanted.len() > 80 {
        return None;
    }
    if let Some(exact) = expected.iter().find(|c| normalise(c) == wanted) {
        return Some(exact);
    }
    if matches!(field, "permit" | "underlying_permit" | "previous_permit") {
        let by_label = Document::all().find(|d| normalise(d.label_fr()) == wanted || normalise(d.label_en()) == wanted);
        if let Some(d) = by_label.filter(|d| expected.contains(&d.code())) {
            return Some(d.code());
        }
    }
    let limit = wanted.chars().count().div_ceil(3).max(1);
    expected
        .iter()
        .map(|c| (distance(&wanted, &normalise(c)), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Lower case, accents dropped, runs of spaces, hyphens and apostrophes as one `_`.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            ' ' | '-' | '\'' | '’' | '_' => '_',
            c => c,
        };
        if c == '_' && out.ends_with('_') {
            continue;
        }
        out.push(c);
    }
    out
}

/// Levenshtein distance, on characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            let deletion = row.get(j + 1).copied().unwrap_or(usize::MAX).saturating_add(1);
            let insertion = row.get(j).copied().unwrap_or(usize::MAX).saturating_add(1);
            previous = row.get(j + 1).copied().unwrap_or(0);
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = substitution.min(deletion).min(insertion);
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_get_a_suggestion() {
        let permits: Vec<&'static str> = Document::all_codes().collect();
        assert_eq!(closest("visitor", &permits, "permit"), Some("visiteur"));
        assert_eq!(closest("Visiteur", &permits, "permit"), Some("visiteur"));
        assert_eq!(closest("salarié", &permits, "permit"), Some("salarie"));
        let procedures = ["first_issue", "renewal", "duplicate"];
        assert_eq!(closest("first-issue", &procedures, "procedure"), Some("first_issue"));
        assert_eq!(closest("renewl", &procedures, "procedure"), Some("renewal"));
        assert_eq!(closest("zzzzzzzz", &procedures, "procedure"), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
