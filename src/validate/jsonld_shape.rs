//! papermeta's JSON-LD output shape (`schemas/scholarly-article.schema.json`) written out as
//! Rust data and checked by a small walker, so that checking an output compiles no JSON
//! Schema at run time. tests in `jsonld.rs` hold this table to the schema file: every
//! property, requirement and pattern of the schema is checked to be here.

use serde_json::Value;
use std::sync::LazyLock;

/// What a value must be.
pub(super) enum Shape {
    /// A string with a non-space character.
    NonEmpty,
    /// A BCP 47 language tag.
    Bcp47,
    /// An ISO date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// An ISSN `NNNN-NNNC`.
    Issn,
    /// An absolute URL.
    AbsoluteUrl,
    /// An e-mail address.
    Email,
    /// An integer ≥ 0.
    Count,
    /// Exactly this string.
    Const(&'static str),
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// An object of this shape.
    Object(&'static ObjectShape),
    /// An array with at least `min` items of a shape.
    Array(&'static Shape, usize),
    /// Exactly one of these shapes.
    OneOf(&'static [Shape]),
}

/// An object's properties.
pub(super) struct ObjectShape {
    /// Properties that must be present.
    pub required: &'static [&'static str],
    /// Every property allowed, with its shape.
    pub properties: &'static [(&'static str, Shape)],
    /// Fewest properties.
    pub min_properties: usize,
}

use Shape::*;

const TEXT: Shape = OneOf(&[NonEmpty, Object(&LANGUAGE_TAGGED)]);
const LOCALIZED: Shape = OneOf(&[TEXT, Array(&TEXT, 1)]);
const STRING_OR_STRINGS: Shape = OneOf(&[NonEmpty, Array(&NonEmpty, 1)]);

static LANGUAGE_TAGGED: ObjectShape = ObjectShape {
    required: &["@value", "@language"],
    properties: &[("@value", NonEmpty), ("@language", Bcp47)],
    min_properties: 0,
};
static PROPERTY_VALUE: ObjectShape = ObjectShape {
    required: &["@type", "propertyID", "value"],
    properties: &[
        ("@type", Const("PropertyValue")),
        ("propertyID", Enum(&["DOI", "ORCID"])),
        ("value", NonEmpty),
    ],
    min_properties: 0,
};
static POSTAL_ADDRESS: ObjectShape = ObjectShape {
    required: &["@type"],
    properties: &[
        ("@type", Const("PostalAddress")),
        ("addressLocality", NonEmpty),
        ("addressCountry", NonEmpty),
    ],
    min_properties: 2,
};
static ORGANIZATION: ObjectShape = ObjectShape {
    required: &["@type", "name"],
    properties: &[
        ("@type", Const("Organization")),
        ("name", TEXT),
        ("location", NonEmpty),
        ("address", Object(&POSTAL_ADDRESS)),
        ("parentOrganization", Object(&ORGANIZATION)),
    ],
    min_properties: 0,
};
static PERSON: ObjectShape = ObjectShape {
    required: &["@type", "name"],
    properties: &[
        ("@type", Const("Person")),
        ("name", NonEmpty),
        ("givenName", NonEmpty),
        ("familyName", NonEmpty),
        ("alternateName", STRING_OR_STRINGS),
        ("honorificPrefix", NonEmpty),
        ("jobTitle", NonEmpty),
        ("email", Email),
        ("identifier", Object(&PROPERTY_VALUE)),
        ("@id", AbsoluteUrl),
        ("sameAs", AbsoluteUrl),
        ("affiliation", Array(&Object(&ORGANIZATION), 0)),
    ],
    min_properties: 0,
};
static CITED_PERSON: ObjectShape = ObjectShape {
    required: &["@type", "name"],
    properties: &[
        ("@type", Const("Person")),
        ("name", NonEmpty),
        ("givenName", NonEmpty),
        ("familyName", NonEmpty),
    ],
    min_properties: 0,
};
static PERIODICAL: ObjectShape = ObjectShape {
    required: &["@type"],
    properties: &[
        ("@type", Enum(&["Periodical", "Newspaper"])),
        ("name", LOCALIZED),
        ("issn", OneOf(&[Issn, Array(&Issn, 1)])),
        ("publisher", Object(&ORGANIZATION)),
    ],
    min_properties: 0,
};
static PUBLICATION_VOLUME: ObjectShape = ObjectShape {
    required: &["@type", "volumeNumber"],
    properties: &[
        ("@type", Const("PublicationVolume")),
        ("volumeNumber", NonEmpty),
        ("isPartOf", Object(&PERIODICAL)),
    ],
    min_properties: 0,
};
static PUBLICATION_ISSUE: ObjectShape = ObjectShape {
    required: &["@type", "issueNumber"],
    properties: &[
        ("@type", Const("PublicationIssue")),
        ("issueNumber", NonEmpty),
        (
            "isPartOf",
            OneOf(&[Object(&PUBLICATION_VOLUME), Object(&PERIODICAL)]),
        ),
    ],
    min_properties: 0,
};
static CONTAINER: ObjectShape = ObjectShape {
    required: &["@type", "name"],
    properties: &[
        (
            "@type",
            Enum(&["WebSite", "Book", "BookSeries", "CreativeWork"]),
        ),
        ("name", TEXT),
    ],
    min_properties: 0,
};
static PLACE: ObjectShape = ObjectShape {
    required: &["@type", "name"],
    properties: &[("@type", Const("Place")), ("name", NonEmpty)],
    min_properties: 0,
};
static CITATION: ObjectShape = ObjectShape {
    required: &["@type", "name"],
    properties: &[
        (
            "@type",
            Enum(&[
                "Book",
                "Chapter",
                "ScholarlyArticle",
                "Thesis",
                "NewsArticle",
                "WebPage",
                "Report",
                "Legislation",
                "CreativeWork",
            ]),
        ),
        ("name", TEXT),
        (
            "author",
            Array(&OneOf(&[Object(&CITED_PERSON), Object(&ORGANIZATION)]), 0),
        ),
        ("datePublished", Date),
        ("bookEdition", NonEmpty),
        ("version", NonEmpty),
        ("inSupportOf", NonEmpty),
        ("publisher", Object(&ORGANIZATION)),
        ("locationCreated", Object(&PLACE)),
        ("reportNumber", NonEmpty),
        (
            "isPartOf",
            OneOf(&[
                Object(&PUBLICATION_ISSUE),
                Object(&PUBLICATION_VOLUME),
                Object(&PERIODICAL),
                Object(&CONTAINER),
            ]),
        ),
        ("pagination", NonEmpty),
        ("pageStart", Count),
        ("pageEnd", Count),
        ("url", AbsoluteUrl),
        ("identifier", Object(&PROPERTY_VALUE)),
        ("@id", AbsoluteUrl),
        ("sameAs", AbsoluteUrl),
        ("inLanguage", Bcp47),
    ],
    min_properties: 0,
};
static LICENSE: ObjectShape = ObjectShape {
    required: &["@type", "name"],
    properties: &[
        ("@type", Const("CreativeWork")),
        ("name", NonEmpty),
        ("url", AbsoluteUrl),
    ],
    min_properties: 0,
};

/// The whole document.
pub(super) static ARTICLE: ObjectShape = ObjectShape {
    required: &[
        "@context",
        "@type",
        "name",
        "headline",
        "inLanguage",
        "author",
    ],
    properties: &[
        ("@context", Const("https://schema.org")),
        ("@type", Const("ScholarlyArticle")),
        ("name", LOCALIZED),
        ("headline", NonEmpty),
        ("inLanguage", Bcp47),
        ("author", Array(&Object(&PERSON), 1)),
        ("editor", Array(&Object(&PERSON), 0)),
        ("translator", Array(&Object(&PERSON), 0)),
        ("abstract", LOCALIZED),
        ("keywords", Array(&TEXT, 0)),
        ("genre", NonEmpty),
        ("articleSection", Array(&NonEmpty, 0)),
        (
            "isPartOf",
            OneOf(&[
                Object(&PUBLICATION_ISSUE),
                Object(&PUBLICATION_VOLUME),
                Object(&PERIODICAL),
            ]),
        ),
        ("datePublished", Date),
        ("pagination", NonEmpty),
        ("pageStart", Count),
        ("pageEnd", Count),
        ("identifier", Object(&PROPERTY_VALUE)),
        ("@id", AbsoluteUrl),
        ("sameAs", AbsoluteUrl),
        ("url", AbsoluteUrl),
        ("license", OneOf(&[AbsoluteUrl, Object(&LICENSE)])),
        ("wordCount", Count),
        ("citation", Array(&Object(&CITATION), 0)),
    ],
    min_properties: 0,
};

fn pattern(shape: &Shape) -> Option<&'static regex::Regex> {
    static BCP47: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?$").expect("constant regex")
    });
    static DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
            .expect("constant regex")
    });
    static ISSN: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^\d{4}-\d{3}[\dX]$").expect("constant regex"));
    static URL: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$").expect("constant regex")
    });
    static EMAIL: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^[^@\s]+@[^@\s]+$").expect("constant regex"));
    match shape {
        Bcp47 => Some(&BCP47),
        Date => Some(&DATE),
        Issn => Some(&ISSN),
        AbsoluteUrl => Some(&URL),
        Email => Some(&EMAIL),
        _ => None,
    }
}

/// Checks `value` (at JSON pointer `at`) against `shape`; pushes (pointer, message) pairs.
pub(super) fn check(shape: &Shape, value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match shape {
        NonEmpty | Bcp47 | Date | Issn | AbsoluteUrl | Email => {
            let Value::String(s) = value else {
                out.push((at.to_string(), format!("{value} is not of type \"string\"")));
                return;
            };
            if s.trim().is_empty() {
                out.push((at.to_string(), format!("{value} has no visible character")));
            } else if let Some(re) = pattern(shape) {
                if !re.is_match(s) {
                    out.push((
                        at.to_string(),
                        format!("{value} does not match \"{}\"", re.as_str()),
                    ));
                }
            }
        }
        Count => {
            if value.as_u64().is_none() {
                out.push((at.to_string(), format!("{value} is not an integer ≥ 0")));
            }
        }
        Const(c) => {
            if value.as_str() != Some(c) {
                out.push((
                    at.to_string(),
                    format!("\"{c}\" was expected, found {value}"),
                ));
            }
        }
        Enum(options) => {
            if !value.as_str().is_some_and(|v| options.contains(&v)) {
                out.push((at.to_string(), format!("{value} is not one of {options:?}")));
            }
        }
        Array(item, min) => {
            let Value::Array(items) = value else {
                out.push((at.to_string(), format!("{value} is not of type \"array\"")));
                return;
            };
            if items.len() < *min {
                out.push((
                    at.to_string(),
                    format!("{value} has fewer than {min} item(s)"),
                ));
            }
            for (i, v) in items.iter().enumerate() {
                check(item, v, &format!("{at}/{i}"), out);
            }
        }
        OneOf(options) => {
            let matching = options
                .iter()
                .filter(|s| {
                    let mut errs = Vec::new();
                    check(s, value, at, &mut errs);
                    errs.is_empty()
                })
                .count();
            match matching {
                1 => {}
                0 => out.push((
                    at.to_string(),
                    format!("{value} is not valid under any of the shapes allowed here"),
                )),
                _ => out.push((
                    at.to_string(),
                    format!("{value} is valid under more than one of the shapes allowed here"),
                )),
            }
        }
        Object(object) => {
            let Value::Object(map) = value else {
                out.push((at.to_string(), format!("{value} is not of type \"object\"")));
                return;
            };
            for r in object.required {
                if !map.contains_key(*r) {
                    out.push((at.to_string(), format!("\"{r}\" is a required property")));
                }
            }
            if map.len() < object.min_properties {
                out.push((
                    at.to_string(),
                    format!(
                        "{value} has fewer than {} properties",
                        object.min_properties
                    ),
                ));
            }
            for (key, v) in map {
                let pointer = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                match object.properties.iter().find(|(k, _)| k == key) {
                    Some((_, s)) => check(s, v, &pointer, out),
                    None => out.push((
                        at.to_string(),
                        format!("additional properties are not allowed ('{key}' was unexpected)"),
                    )),
                }
            }
        }
    }
}
