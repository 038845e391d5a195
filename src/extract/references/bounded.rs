//! The reference patterns that bound a repeated Unicode class (`[^\d()]{2,150}?`), in a form
//! that is cheap to compile: the repeat unbounded, its bound checked on the match. The regex
//! compiler copies a bounded repeat once per count, so each of these took 10–30 ms to build
//! at start-up; unbounded they take well under one. Every function returns exactly what the
//! bounded pattern would (the tests below compare both on generated text).

use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// The number of characters in `s` (a regex repeat counts characters, not bytes).
fn chars(s: &str) -> usize {
    s.chars().count()
}

/// `^(?P<lead>[^\d()\[\]<>|]{2,150}?[.,])\s*(?P<year>\d{4}[a-z]?)\s*[.,]\s+\S`: an author-date
/// year printed without parentheses after a short lead. The lead is lazy, so the shortest
/// that works is taken bounded or not: the bound only rejects it.
static BARE_YEAR_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<lead>[^\d()\[\]<>|]{2,}?[.,])\s*(?P<year>\d{4}[a-z]?)\s*[.,]\s+\S")
        .expect("valid regex")
});

pub(super) fn bare_year_head(text: &str) -> Option<Captures<'_>> {
    let c = BARE_YEAR_HEAD.captures(text)?;
    // 150 lead characters and its closing stop or comma.
    (chars(&c["lead"]) <= 151).then_some(c)
}

/// `^[^\d()\[\]<>]{2,120}?\(\s*(?:\d{4}[a-z]?|n\.\s?d\.?|د\.\s?ت)\s*[),]`: a short lead without
/// digits or brackets, then an author-date year. The lead cannot hold `(`, so it is all that
/// comes before the first one.
static APA_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\d()\[\]<>]{2,}?\(\s*(?:\d{4}[a-z]?|n\.\s?d\.?|د\.\s?ت)\s*[),]")
        .expect("valid regex")
});

pub(super) fn is_apa_head(text: &str) -> bool {
    APA_HEAD.is_match(text) && text.find('(').is_some_and(|i| chars(&text[..i]) <= 120)
}

/// `^(?P<name>\p{Lu}[^,;:()\d|]{0,90}?)\s*[,.]?\s*(?:(?:vol|Vol|Bd|Jg)\.?\s*)?\d{1,4}…`: a
/// journal name and its volume; the lazy name is the shortest that works, bounded or not.
static JOURNAL_VOLUME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>\p{Lu}[^,;:()\d|]*?)\s*[,.]?\s*(?:(?:vol|Vol|Bd|Jg)\.?\s*)?\d{1,4}(?:\s*\(\s*[\d\-–/ ]+\s*\))?\s*(?:[:(,;.]|$|-|–)",
    )
    .expect("valid regex")
});

pub(super) fn journal_volume(text: &str) -> Option<Captures<'_>> {
    let c = JOURNAL_VOLUME.captures(text)?;
    (chars(&c["name"]) <= 91).then_some(c)
}

/// `\(\s*(\d{4})[a-z]?(?:\s*/\s*\d{2,4}[a-z]?)?(?:\s*\[\s*\d{4}[a-z]?\s*\])?\s*(?:[,،][^()]{0,30}|\s[\p{L}\-–. ]{1,30})?\)`:
/// a parenthesized year. A match holds no bracket but its first and last, so it ends at the
/// first `)` after its `(` whatever the parse, and the words after the year, taken after all
/// the spaces before them, are the fewest any parse gives: when they are too many there is no
/// match at that `(`, and the next one can only start after it.
static YEAR_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\(\s*(\d{4})[a-z]?(?:\s*/\s*\d{2,4}[a-z]?)?(?:\s*\[\s*\d{4}[a-z]?\s*\])?\s*(?:[,،][^()]{0,30}|\s(?P<words>[\p{L}\-–. ]+))?\)",
    )
    .expect("valid year regex")
});

/// The leftmost parenthesized year in `text`, as a byte range.
pub(super) fn find_year_paren(text: &str) -> Option<Range<usize>> {
    YEAR_PAREN
        .captures_iter(text)
        .find(|c| c.name("words").is_none_or(|w| chars(w.as_str()) <= 30))
        .and_then(|c| c.get(0))
        .map(|m| m.range())
}

/// Chicago's `(Place: Publisher, Year)`, as byte ranges in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PubParen {
    pub whole: Range<usize>,
    pub place: Option<Range<usize>>,
    pub publisher: Range<usize>,
    pub year: Range<usize>,
}

/// The place-and-publisher form after `(` and its spaces, and the publisher-only form.
static PUB_WITH_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>[^():,،\d]{2,}?)\s*:\s*(?P<publisher>[^()\d]{2,}?)\s*[,،]\s*(?P<year>\d{4})\s*\)",
    )
    .expect("valid regex")
});
static PUB_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<publisher>[^()\d]{2,}?)\s*[,،]\s*(?P<year>\d{4})\s*\)").expect("valid regex")
});

/// `\(\s*(?:(?P<place>[^():,،\d]{2,40}?)\s*:\s*)?(?P<publisher>[^()\d]{2,80}?)\s*[,،]\s*(?P<year>\d{4})\s*\)`,
/// tried the way the regex engine tries it: at each `(` from the left, the spaces after it
/// from the most to none, and for each the form with a place before the one without. Within
/// one of these tries a longer place or publisher is all another parse could give, so the
/// first parse found decides it.
pub(super) fn find_pub_paren(text: &str) -> Option<PubParen> {
    for (open, _) in text.match_indices('(') {
        let after = open + 1;
        let spaces: Vec<usize> = text[after..]
            .char_indices()
            .take_while(|(_, c)| c.is_whitespace())
            .map(|(i, c)| after + i + c.len_utf8())
            .collect();
        for start in spaces.iter().rev().copied().chain([after]) {
            let rest = &text[start..];
            let at = |m: regex::Match<'_>| start + m.start()..start + m.end();
            if let Some(c) = PUB_WITH_PLACE.captures(rest) {
                if chars(&c["place"]) <= 40 && chars(&c["publisher"]) <= 80 {
                    return Some(PubParen {
                        whole: open..start + c[0].len(),
                        place: c.name("place").map(at),
                        publisher: at(c.name("publisher")?),
                        year: at(c.name("year")?),
                    });
                }
            }
            if let Some(c) = PUB_ONLY.captures(rest) {
                if chars(&c["publisher"]) <= 80 {
                    return Some(PubParen {
                        whole: open..start + c[0].len(),
                        place: None,
                        publisher: at(c.name("publisher")?),
                        year: at(c.name("year")?),
                    });
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn original(pattern: &str) -> Regex {
        Regex::new(pattern).unwrap()
    }

    static ORIGINAL_BARE_YEAR_HEAD: LazyLock<Regex> = LazyLock::new(|| {
        original(r"^(?P<lead>[^\d()\[\]<>|]{2,150}?[.,])\s*(?P<year>\d{4}[a-z]?)\s*[.,]\s+\S")
    });
    static ORIGINAL_APA_HEAD: LazyLock<Regex> = LazyLock::new(|| {
        original(r"^[^\d()\[\]<>]{2,120}?\(\s*(?:\d{4}[a-z]?|n\.\s?d\.?|د\.\s?ت)\s*[),]")
    });
    static ORIGINAL_JOURNAL_VOLUME: LazyLock<Regex> = LazyLock::new(|| {
        original(
            r"^(?P<name>\p{Lu}[^,;:()\d|]{0,90}?)\s*[,.]?\s*(?:(?:vol|Vol|Bd|Jg)\.?\s*)?\d{1,4}(?:\s*\(\s*[\d\-–/ ]+\s*\))?\s*(?:[:(,;.]|$|-|–)",
        )
    });
    static ORIGINAL_YEAR_PAREN: LazyLock<Regex> = LazyLock::new(|| {
        original(
            r"\(\s*(\d{4})[a-z]?(?:\s*/\s*\d{2,4}[a-z]?)?(?:\s*\[\s*\d{4}[a-z]?\s*\])?\s*(?:[,،][^()]{0,30}|\s[\p{L}\-–. ]{1,30})?\)",
        )
    });
    static ORIGINAL_PUB_PAREN: LazyLock<Regex> = LazyLock::new(|| {
        original(
            r"\(\s*(?:(?P<place>[^():,،\d]{2,40}?)\s*:\s*)?(?P<publisher>[^()\d]{2,80}?)\s*[,،]\s*(?P<year>\d{4})\s*\)",
        )
    });

    fn spans(c: Option<Captures<'_>>) -> Option<Vec<Option<Range<usize>>>> {
        c.map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
    }

    fn pub_paren_original(text: &str) -> Option<PubParen> {
        let c = ORIGINAL_PUB_PAREN.captures(text)?;
        Some(PubParen {
            whole: c.get(0)?.range(),
            place: c.name("place").map(|m| m.range()),
            publisher: c.name("publisher")?.range(),
            year: c.name("year")?.range(),
        })
    }

    /// A run of letters and spaces (Latin or Arabic), sometimes with a stop, a comma or a
    /// colon inside, with lengths around every bound.
    fn run() -> BoxedStrategy<String> {
        run_unboxed().boxed()
    }

    fn run_unboxed() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z]{0,3}",
            "[A-Z][a-z ]{0,8}",
            "[a-z ]{25,35}",
            "[A-Za-z ]{36,45}",
            "[a-z ]{75,95}",
            "[A-Z][a-z ]{85,95}",
            "[a-z ]{110,130}",
            "[a-z .,]{140,160}",
            "[ب-ي ]{28,42}",
            "[a-z ,:.]{1,20}",
        ]
    }

    fn space() -> BoxedStrategy<String> {
        space_unboxed().boxed()
    }

    fn space_unboxed() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just(" ".to_string()),
            Just("  ".to_string()),
            Just("\u{a0}".to_string()),
            Just(" \t".to_string()),
        ]
    }

    fn year() -> BoxedStrategy<String> {
        year_unboxed().boxed()
    }

    fn year_unboxed() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("2019".to_string()),
            Just("٢٠١٩".to_string()),
            Just("2019a".to_string()),
            Just("1890/1950".to_string()),
            Just("1988 [1961]".to_string()),
            Just("19".to_string()),
            Just("n.d.".to_string()),
        ]
    }

    fn piece() -> BoxedStrategy<String> {
        piece_unboxed().boxed()
    }

    fn piece_unboxed() -> impl Strategy<Value = String> {
        prop_oneof![
            run(),
            space(),
            year(),
            Just("(".to_string()),
            Just(")".to_string()),
            Just(",".to_string()),
            Just("،".to_string()),
            Just(".".to_string()),
            Just(":".to_string()),
            Just("Vol. ".to_string()),
            Just("12".to_string()),
            Just("(3)".to_string()),
        ]
    }

    /// Text shaped like the patterns (a lead, a bracket, a place, a publisher, a year), with
    /// random pieces in between, so that matches, near misses and bounds crossed are common.
    fn shaped() -> BoxedStrategy<String> {
        shaped_unboxed().boxed()
    }

    fn shaped_unboxed() -> impl Strategy<Value = String> {
        (
            (
                run(),
                proptest::option::of(piece()),
                prop_oneof![Just("("), Just(""), Just(". "), Just(", ")],
                space(),
                proptest::option::of((run(), space(), Just(":"), space())),
                run(),
                space(),
                prop_oneof![Just(","), Just("،"), Just("."), Just("")],
                space(),
                year(),
                space(),
                prop_oneof![Just(")"), Just(". T"), Just(", x"), Just("")],
            ),
            proptest::collection::vec(piece(), 0..4),
        )
            .prop_map(|((a, b, c, d, e, f, g, h, i, j, k, l), m)| {
                let e = e
                    .map(|(p, s1, c, s2)| format!("{p}{s1}{c}{s2}"))
                    .unwrap_or_default();
                format!(
                    "{a}{}{c}{d}{e}{f}{g}{h}{i}{j}{k}{l}{}",
                    b.unwrap_or_default(),
                    m.concat()
                )
            })
    }

    /// A lead, then a year in brackets with words or a note after it.
    fn paren_year() -> BoxedStrategy<String> {
        paren_year_unboxed().boxed()
    }

    fn paren_year_unboxed() -> impl Strategy<Value = String> {
        (
            proptest::option::of(run()),
            space(),
            year(),
            space(),
            prop_oneof![
                Just(String::new()),
                run().prop_map(|r| format!(",{r}")),
                run().prop_map(|r| format!("، {r}")),
                run().prop_map(|r| format!(" {r}")),
            ],
            prop_oneof![Just(")"), Just(","), Just(""), Just(").")],
            proptest::collection::vec(piece(), 0..3),
        )
            .prop_map(|(a, b, c, d, e, f, g)| {
                format!("{}({b}{c}{d}{e}{f}{}", a.unwrap_or_default(), g.concat())
            })
    }

    /// `(Place: Publisher, Year)` with lengths around the bounds.
    fn pub_shaped() -> BoxedStrategy<String> {
        (
            proptest::collection::vec(piece(), 0..2),
            space(),
            proptest::option::of((run(), space(), space())),
            run(),
            space(),
            prop_oneof![Just(","), Just("،"), Just(", (x,")],
            space(),
            prop_oneof![Just("2019"), Just("٢٠١٩"), Just("19")],
            space(),
            prop_oneof![Just(")"), Just("),"), Just("")],
            proptest::collection::vec(piece(), 0..2),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i, j, k)| {
                let c = c
                    .map(|(p, s1, s2)| format!("{p}{s1}:{s2}"))
                    .unwrap_or_default();
                format!("{}({b}{c}{d}{e}{f}{g}{h}{i}{j}{}", a.concat(), k.concat())
            })
            .boxed()
    }

    fn text() -> BoxedStrategy<String> {
        text_unboxed().boxed()
    }

    fn text_unboxed() -> impl Strategy<Value = String> {
        prop_oneof![
            pub_shaped(),
            paren_year(),
            shaped(),
            (proptest::collection::vec(piece(), 0..3), shaped()).prop_map(|(p, s)| p.concat() + &s),
            proptest::collection::vec(piece(), 0..12).prop_map(|v| v.concat()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn bare_year_head_matches_the_bounded_pattern(t in text()) {
            prop_assert_eq!(spans(bare_year_head(&t)), spans(ORIGINAL_BARE_YEAR_HEAD.captures(&t)));
        }

        #[test]
        fn apa_head_matches_the_bounded_pattern(t in text()) {
            prop_assert_eq!(is_apa_head(&t), ORIGINAL_APA_HEAD.is_match(&t));
        }

        #[test]
        fn journal_volume_matches_the_bounded_pattern(t in text()) {
            prop_assert_eq!(spans(journal_volume(&t)), spans(ORIGINAL_JOURNAL_VOLUME.captures(&t)));
        }

        #[test]
        fn year_paren_matches_the_bounded_pattern(t in text()) {
            prop_assert_eq!(find_year_paren(&t), ORIGINAL_YEAR_PAREN.find(&t).map(|m| m.range()));
        }

        #[test]
        fn pub_paren_matches_the_bounded_pattern(t in text()) {
            prop_assert_eq!(find_pub_paren(&t), pub_paren_original(&t));
        }
    }

    #[test]
    fn bounds_are_kept() {
        let long = "a".repeat(151);
        assert!(bare_year_head(&format!("{long}. 2019. Title")).is_none());
        assert!(bare_year_head("Smith, J. 2019. Title").is_some());
        assert!(!is_apa_head(&format!("{} (2019).", "b".repeat(121))));
        assert!(is_apa_head("Smith, J. (2019)."));
        assert_eq!(
            find_year_paren(&format!("({}) (2019 {})", "x", "May".repeat(11))),
            None
        );
        assert_eq!(find_year_paren("x (2019 May) y"), Some(2..12));
        let p = find_pub_paren("(Boston: Harbor Press, 2017)").unwrap();
        assert_eq!(p.place, Some(1..7));
        let far = format!("({}: Harbor Press, 2017)", "q".repeat(41));
        assert_eq!(find_pub_paren(&far).unwrap().place, None);
    }
}
