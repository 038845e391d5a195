//! Invented papers for scale and batch tests: deterministic from a seed, in the layout of a
//! humanities paper as a PDF text extractor prints it (title, authors with affiliations,
//! abstract, keywords, numbered sections, per-page footnotes with raised markers, a reference
//! list). Every word comes from the lists below; no real paper is reproduced.

#![allow(dead_code)]

const GIVEN: &[&str] = &[
    "Amira", "Samuel", "Layla", "Omar", "Nadia", "Karim", "Helen", "Tariq", "Mona", "Peter",
    "Salma", "Yusuf", "Rana", "David", "Hana", "Jonas",
];
const FAMILY: &[&str] = &[
    "Haddad",
    "Whitfield",
    "Osei",
    "Rahman",
    "Lindqvist",
    "Mansour",
    "Okafor",
    "Brennan",
    "Saleh",
    "Novak",
    "Farouk",
    "Castell",
    "Idris",
    "Morrow",
    "Zayed",
    "Quinlan",
];
const TOPICS: &[&str] = &[
    "Water Governance",
    "Municipal Reform",
    "Coastal Cities",
    "Public Budgets",
    "Urban Land",
    "Local Courts",
    "River Basins",
    "Port Authorities",
    "School Boards",
    "Housing Markets",
    "Tax Collection",
    "Civil Registries",
];
const QUALIFIERS: &[&str] = &[
    "after the Fiscal Crisis",
    "in Comparative Perspective",
    "and Their Limits",
    "under Emergency Loans",
    "between Centre and Periphery",
    "in the Long Run",
];
const WORDS: &[&str] = &[
    "reform",
    "council",
    "records",
    "budget",
    "operator",
    "regulator",
    "service",
    "tariff",
    "maintenance",
    "accountability",
    "agency",
    "province",
    "ministry",
    "statute",
    "district",
    "survey",
    "interview",
    "archive",
    "minutes",
    "contract",
    "loan",
    "debt",
    "audit",
    "policy",
];
const PLACES: &[&str] = &[
    "Leeds", "Accra", "Basrah", "Uppsala", "Lagos", "Cork", "Tunis",
];
const PUBLISHERS: &[&str] = &[
    "Harbor Press",
    "Northfield",
    "Meridian Books",
    "Atlas Academic",
];
const JOURNALS: &[&str] = &[
    "Journal of Urban Affairs",
    "Water Policy",
    "Public Administration Review",
    "Regional Studies Quarterly",
];
const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| SUPERSCRIPT[c.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// A reference of the list, as its entry is printed.
struct Work {
    family: String,
    given: String,
    year: u64,
    title: String,
    entry: String,
}

fn work(rng: &mut Rng, i: usize) -> Work {
    let family = format!(
        "{}{}",
        rng.pick(FAMILY),
        if i >= FAMILY.len() {
            format!("-{}", rng.pick(FAMILY))
        } else {
            String::new()
        }
    );
    let given = rng.pick(GIVEN).to_string();
    let year = 1990 + rng.below(34);
    let title = format!(
        "{} {} and the {} of {}",
        capitalize(rng.pick(WORDS)),
        rng.pick(WORDS),
        rng.pick(WORDS),
        rng.pick(TOPICS)
    );
    let entry = if i.is_multiple_of(2) {
        format!(
            "{family}, {given}. {year}. {title}. {}: {}.",
            rng.pick(PLACES),
            rng.pick(PUBLISHERS)
        )
    } else {
        format!(
            "{family}, {given}. {year}. \"{title}.\" {} {}, no. {}: {}-{}.",
            rng.pick(JOURNALS),
            1 + rng.below(40),
            1 + rng.below(4),
            10 + i,
            30 + i
        )
    };
    Work {
        family,
        given,
        year,
        title,
        entry,
    }
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// An invented paper's text: `pages` pages of body with `notes_per_page` footnotes each, and
/// a reference list of `references` works that the notes cite.
pub fn paper(seed: u64, pages: usize, notes_per_page: usize, references: usize) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let works: Vec<Work> = (0..references.max(1)).map(|i| work(&mut rng, i)).collect();
    let mut out = String::new();
    let a1 = (rng.pick(GIVEN), rng.pick(FAMILY));
    let a2 = (rng.pick(GIVEN), rng.pick(FAMILY));
    out.push_str(&format!(
        "\n\n{} {} {}\n\nDr. {} {}¹, Prof. {} {}²\n\n",
        rng.pick(TOPICS),
        rng.pick(QUALIFIERS),
        seed,
        a1.0,
        a1.1,
        a2.0,
        a2.1
    ));
    out.push_str(&format!(
        "¹ Department of Public Policy, University of {}, {}\n² School of Government, University of {}, {}\n\n",
        rng.pick(PLACES),
        rng.pick(PLACES),
        rng.pick(PLACES),
        rng.pick(PLACES)
    ));
    out.push_str(&format!(
        "Corresponding author: {}.{}@example.org\n\n",
        a1.0.to_lowercase(),
        a1.1.to_lowercase()
    ));
    out.push_str(&format!(
        "Abstract: This article examines how {} shaped {} across {} cases. It argues that the {} of the {} matters more than the formal model chosen.\n\n",
        rng.pick(WORDS),
        rng.pick(TOPICS).to_lowercase(),
        3 + rng.below(20),
        rng.pick(WORDS),
        rng.pick(WORDS)
    ));
    out.push_str(&format!(
        "Keywords: {}; {}; {}.\n\n",
        rng.pick(WORDS),
        rng.pick(TOPICS).to_lowercase(),
        rng.pick(WORDS)
    ));
    let mut note = 0usize;
    for page in 0..pages.max(1) {
        if page > 0 {
            out.push_str("\n\n\n");
        }
        out.push_str(&format!("{}. {}\n\n", page + 1, rng.pick(TOPICS)));
        let mut notes = Vec::new();
        for _ in 0..notes_per_page {
            note += 1;
            let w = &works[(rng.next() as usize) % works.len()];
            out.push_str(&format!(
                "The {} of the {} was recorded in the {} of the {} and discussed at length by later observers of the {}.{}\n\n",
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.pick(WORDS),
                superscript(note)
            ));
            let text = if notes.len() % 3 == 2 {
                "Ibid., p. 12.".to_string()
            } else {
                format!(
                    "{} {}, {} ({}), p. {}.",
                    w.given,
                    w.family,
                    w.title,
                    w.year,
                    1 + rng.below(300)
                )
            };
            notes.push(format!("{} {}", superscript(note), text));
        }
        for n in notes {
            out.push_str(&n);
            out.push('\n');
        }
    }
    out.push_str("\n\n\nReferences\n\n");
    for w in &works {
        out.push_str(&w.entry);
        out.push('\n');
    }
    out
}

/// The metadata of an invented journal.
pub const META: &str = "[journal]\nid = \"jgen\"\ntitle = { en = \"Journal of Generated Studies\" }\nissn_electronic = \"1234-5679\"\n";
