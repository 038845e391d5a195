//! Emails and ORCID iDs: their patterns, and which author an email belongs to, by how well
//! its local part spells the author's name (romanized, by consonant skeleton).

use crate::script::romanize::{consonant_skeleton, romanize};
use regex::Regex;
use std::sync::LazyLock;

/// An email address.
pub(crate) static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
        .expect("valid regex")
});

/// An ORCID iD.
pub(crate) static ORCID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b").expect("valid regex"));

/// Lower-case letter tokens of an email's local part (`Omar.khalid88` → `omar`, `khalid`).
fn email_tokens(email: &str) -> Vec<String> {
    let local = email.split('@').next().unwrap_or("");
    local
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|t| t.len() >= 2)
        .map(|t| t.to_ascii_lowercase())
        .collect()
}

/// Similarity of a token from an email and a romanized name part, in 0..=1.
pub(crate) fn token_similarity(email_token: &str, name_part: &str) -> f64 {
    let a = consonant_skeleton(email_token);
    let b = consonant_skeleton(name_part);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let skel = strsim::normalized_levenshtein(&a, &b);
    let spelled = strsim::jaro_winkler(email_token, &romanize(name_part).replace(' ', ""));
    let prefix = if a.len() >= 2 && b.len() >= 2 && (a.starts_with(&b) || b.starts_with(&a)) {
        0.8
    } else {
        0.0
    };
    skel.max(prefix).max(spelled * 0.9)
}

/// How well `email` fits the person `name` (any script), in 0..=1: each token of the local
/// part is compared with the name's words and runs of adjacent words (`shamsaldeen` with
/// `شمس الدين`) by consonant skeleton, and the whole local part with the words glued together.
pub(crate) fn email_name_score(email: &str, name: &str) -> f64 {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() {
        return 0.0;
    }
    let mut candidates: Vec<String> = Vec::new();
    for i in 0..words.len() {
        for len in 1..=3 {
            if let Some(run) = words.get(i..i + len) {
                candidates.push(run.concat());
            }
        }
    }
    let tokens = email_tokens(email);
    if tokens.is_empty() {
        return 0.0;
    }
    let per_token: f64 = tokens
        .iter()
        .map(|t| {
            candidates
                .iter()
                .map(|c| token_similarity(t, c))
                .fold(0.0, f64::max)
        })
        .sum::<f64>()
        / tokens.len() as f64;
    // The whole local part against initials + a word, or two glued words (`okhalid`).
    let whole: String = tokens.concat();
    let mut glued = 0.0f64;
    for (i, w) in words.iter().enumerate() {
        for (j, v) in words.iter().enumerate() {
            if i == j {
                continue;
            }
            let initial: String = romanize(w).chars().take(1).collect();
            let forms = [
                format!("{initial}{}", romanize(v)),
                romanize(&format!("{w}{v}")),
            ];
            for f in forms {
                let f: String = f.chars().filter(|c| !c.is_whitespace()).collect();
                glued = glued.max(strsim::normalized_levenshtein(&whole, &f));
                glued = glued.max(strsim::normalized_levenshtein(
                    &consonant_skeleton(&whole),
                    &consonant_skeleton(&f),
                ));
            }
        }
    }
    per_token.max(glued)
}

/// The lowest score at which an email is taken to belong to a name.
pub(crate) const EMAIL_MATCH_THRESHOLD: f64 = 0.72;

/// Assigns emails to names, best pairs first, each name and each email at most once.
/// Returns, for each email, the index of its name.
pub(crate) fn match_emails(emails: &[&str], names: &[&[String]]) -> Vec<Option<usize>> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (e, email) in emails.iter().enumerate() {
        for (n, forms) in names.iter().enumerate() {
            let score = forms
                .iter()
                .map(|f| email_name_score(email, f))
                .fold(0.0, f64::max);
            if score >= EMAIL_MATCH_THRESHOLD {
                pairs.push((score, e, n));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; emails.len()];
    let mut taken = vec![false; names.len()];
    for (_, e, n) in pairs {
        if out.get(e).is_some_and(|o| o.is_none()) && taken.get(n).is_some_and(|t| !t) {
            if let Some(slot) = out.get_mut(e) {
                *slot = Some(n);
            }
            if let Some(t) = taken.get_mut(n) {
                *t = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_emails_against_arabic_and_latin_names() {
        let s = |e, n| email_name_score(e, n);
        assert!(s("huda.salim@uni.edu.iq", "هدى سالم جواد") >= EMAIL_MATCH_THRESHOLD);
        assert!(s("saifaldeen.k@uni.edu.iq", "سيف الدين كاظم علي") >= EMAIL_MATCH_THRESHOLD);
        assert!(s("abdulrahman77@gmail.com", "عبد الرحمن حسين") >= EMAIL_MATCH_THRESHOLD);
        assert!(s("jroe@kent.ac.uk", "Jane Roe") >= EMAIL_MATCH_THRESHOLD);
        assert!(s("huda.salim@uni.edu.iq", "كريم عباس ناجي") < EMAIL_MATCH_THRESHOLD);
        assert!(s("editor@journal.org", "هدى سالم جواد") < EMAIL_MATCH_THRESHOLD);
    }

    #[test]
    fn matches_emails_by_name_not_order() {
        let a = vec!["هدى سالم جواد".to_string()];
        let b = vec!["كريم عباس ناجي".to_string()];
        let names: Vec<&[String]> = vec![&a, &b];
        let got = match_emails(&["kareem.abbas@x.iq", "huda.s@x.iq", "office@x.iq"], &names);
        assert_eq!(got, [Some(1), Some(0), None]);
    }
}
