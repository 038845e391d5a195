//! Romanization of Arabic names, for matching emails and building ASCII citation keys.

/// A lower-case ASCII romanization of `text`: Arabic letters are transliterated, Latin letters
/// lose their accents, everything else becomes a space.
pub fn romanize(text: &str) -> String {
    // Placeholder until the front-matter work lands its full table.
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect()
}
