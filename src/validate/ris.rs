//! RIS validation: a structural check of the tagged format (RIS specification, 2011
//! edition, as EndNote, Zotero, Mendeley, rispy and citation-js read it).
//!
//! Errors: not UTF-8; a line that is not `XY  - value`; records not delimited `TY` … `ER`;
//! a `TY` that is not a reference type; a record without a title; `PY` not starting with a
//! four-digit year; `DA`/`Y2` not `YYYY/MM/DD`; an empty name line. A tag outside the
//! specification's list is a warning.

use crate::model::Diagnostic;
use crate::validate::Report;

/// Reference types of `TY`.
pub const REFERENCE_TYPES: &[&str] = &[
    "ABST", "ADVS", "AGGR", "ANCIENT", "ART", "BILL", "BLOG", "BOOK", "CASE", "CHAP", "CHART",
    "CLSWK", "COMP", "CONF", "CPAPER", "CTLG", "DATA", "DBASE", "DICT", "EBOOK", "ECHAP", "EDBOOK",
    "EJOUR", "ELEC", "ENCYC", "EQUA", "FIGURE", "GEN", "GOVDOC", "GRANT", "HEAR", "ICOMM", "INPR",
    "JFULL", "JOUR", "LEGAL", "MANSCPT", "MAP", "MGZN", "MPCT", "MULTI", "MUSIC", "NEWS", "PAMP",
    "PAT", "PCOMM", "RPRT", "SER", "SLIDE", "SOUND", "STAND", "STAT", "THES", "UNPB", "VIDEO",
];

/// The tags of the specification.
const TAGS: &[&str] = &[
    "TY", "A1", "A2", "A3", "A4", "AB", "AD", "AN", "AU", "AV", "BT", "C1", "C2", "C3", "C4", "C5",
    "C6", "C7", "C8", "CA", "CN", "CP", "CT", "CY", "DA", "DB", "DO", "DP", "ED", "EP", "ET", "ID",
    "IS", "J1", "J2", "JA", "JF", "JO", "KW", "L1", "L2", "L3", "L4", "LA", "LB", "LK", "M1", "M2",
    "M3", "N1", "N2", "NV", "OP", "PB", "PP", "PY", "RI", "RN", "RP", "SE", "SN", "SP", "ST", "T1",
    "T2", "T3", "TA", "TI", "TT", "U1", "U2", "U3", "U4", "U5", "UR", "VL", "VO", "Y1", "Y2", "ER",
];
const TITLE_TAGS: &[&str] = &["TI", "T1", "CT", "BT"];
const NAME_TAGS: &[&str] = &["AU", "A1", "A2", "A3", "A4"];

fn is_date(v: &str) -> bool {
    // YYYY[/[MM][/[DD][/other]]]
    let mut parts = v.splitn(4, '/');
    let year = parts.next().unwrap_or("");
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let two = |s: &str| s.is_empty() || (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()));
    parts.next().is_none_or(two) && parts.next().is_none_or(two)
}

fn err(diags: &mut Vec<Diagnostic>, code: &str, line: usize, column: usize, message: String) {
    let mut d = Diagnostic::error(code, message, Some(line));
    d.column = Some(column);
    diags.push(d);
}

/// Checks RIS bytes; diagnostics carry line and column.
pub fn validate_ris(bytes: &[u8]) -> Report {
    let mut diags = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            err(
                &mut diags,
                "ris-encoding",
                line,
                1,
                "the file is not UTF-8".into(),
            );
            return Report { diagnostics: diags };
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    struct Open {
        line: usize,
        has_title: bool,
    }
    let mut open: Option<Open> = None;
    let mut records = 0;
    let mut warnings = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        let b = line.as_bytes();
        let well_formed = b.len() >= 5
            && b[0].is_ascii_uppercase()
            && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
            && &b[2..5] == b"  -"
            && (b.len() == 5 || b[5] == b' ');
        if !well_formed {
            err(
                &mut diags,
                "ris-syntax",
                n,
                1,
                format!(
                    "not a tag line `XY  - value`: {}",
                    line.chars().take(60).collect::<String>()
                ),
            );
            continue;
        }
        let tag = &line[..2];
        let value = line.get(6..).unwrap_or("").trim();
        if !TAGS.contains(&tag) {
            let mut d = Diagnostic::warning(
                "ris-unknown-tag",
                format!("tag {tag} is not in the RIS specification"),
                Some(n),
            );
            d.column = Some(1);
            warnings.push(d);
        }
        match tag {
            "TY" => {
                if let Some(o) = &open {
                    err(
                        &mut diags,
                        "ris-structure",
                        n,
                        1,
                        format!("TY before the ER of the record opened at line {}", o.line),
                    );
                }
                if !REFERENCE_TYPES.contains(&value) {
                    err(
                        &mut diags,
                        "ris-type",
                        n,
                        7,
                        format!("`{value}` is not an RIS reference type"),
                    );
                }
                open = Some(Open {
                    line: n,
                    has_title: false,
                });
            }
            "ER" => match open.take() {
                None => err(&mut diags, "ris-structure", n, 1, "ER without a TY".into()),
                Some(o) => {
                    records += 1;
                    if !o.has_title {
                        err(
                            &mut diags,
                            "ris-title",
                            o.line,
                            1,
                            "the record has no title (TI, T1, CT or BT)".into(),
                        );
                    }
                }
            },
            _ => {
                let Some(o) = open.as_mut() else {
                    err(
                        &mut diags,
                        "ris-structure",
                        n,
                        1,
                        format!("{tag} outside a record (before TY or after ER)"),
                    );
                    continue;
                };
                if TITLE_TAGS.contains(&tag) && !value.is_empty() {
                    o.has_title = true;
                }
                if (tag == "PY" || tag == "Y1")
                    && !(value.len() >= 4
                        && value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                        && (value.len() == 4 || value.as_bytes()[4] == b'/'))
                {
                    err(
                        &mut diags,
                        "ris-date",
                        n,
                        7,
                        format!("{tag} `{value}` does not start with a four-digit year"),
                    );
                }
                if (tag == "DA" || tag == "Y2") && !is_date(value) {
                    err(
                        &mut diags,
                        "ris-date",
                        n,
                        7,
                        format!("{tag} `{value}` is not YYYY/MM/DD"),
                    );
                }
                if NAME_TAGS.contains(&tag) && value.is_empty() {
                    err(&mut diags, "ris-name", n, 7, format!("empty {tag} line"));
                }
            }
        }
    }
    if let Some(o) = open {
        err(
            &mut diags,
            "ris-structure",
            o.line,
            1,
            "the record opened here has no ER".into(),
        );
    }
    if records == 0 && diags.is_empty() {
        err(
            &mut diags,
            "ris-structure",
            1,
            1,
            "no record (TY … ER)".into(),
        );
    }
    diags.extend(warnings);
    Report { diagnostics: diags }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_types_titles_and_dates() {
        let ok = "TY  - JOUR\nTI  - A\nPY  - 2024\nDA  - 2024/03/\nER  - \n\nTY  - BOOK\nTI  - B\nER  - \n";
        assert!(validate_ris(ok.as_bytes()).is_valid());
        let bad = "TY  - JORN\nPY  - 24\nAU  - \nER  - \nKW  - x\nTI  -A\n";
        let r = validate_ris(bad.as_bytes());
        let codes: Vec<(&str, Option<usize>)> =
            r.errors().map(|d| (d.code.as_str(), d.line)).collect();
        assert_eq!(
            codes,
            [
                ("ris-type", Some(1)),
                ("ris-date", Some(2)),
                ("ris-name", Some(3)),
                ("ris-title", Some(1)),
                ("ris-structure", Some(5)),
                ("ris-syntax", Some(6)),
            ]
        );
        assert!(!validate_ris(b"TY  - JOUR\nTI  - x\n").is_valid());
        assert!(!validate_ris(b"").is_valid());
        assert!(!validate_ris(b"\xff").is_valid());
    }
}
