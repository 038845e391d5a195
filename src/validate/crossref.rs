//! Crossref deposit validation: the root must be a `doi_batch` of schema 5.3.1, and the
//! document valid against the official Crossref 5.3.1 XSD (embedded; see `xsd`).

use crate::model::Diagnostic;
use crate::validate::xsd::{self, NS_CROSSREF};
use crate::validate::Report;

/// Validates a Crossref deposit against the deposit schema 5.3.1.
pub fn validate_crossref(bytes: &[u8]) -> Report {
    xsd_report(bytes, &["doi_batch"], NS_CROSSREF, xsd::crossref_schema())
}

/// Shared by the XSD-defined formats: the schema, then one of the expected roots.
pub(crate) fn xsd_report(
    bytes: &[u8],
    roots: &[&str],
    namespace: &str,
    schema: Result<&'static xsd::Schema, &'static xsd::XsdError>,
) -> Report {
    let schema = match schema {
        Ok(s) => s,
        Err(e) => {
            return Report {
                diagnostics: vec![Diagnostic::error(
                    "xsd-schema-unavailable",
                    format!("the embedded schema does not compile: {e}"),
                    None,
                )],
            }
        }
    };
    let mut diagnostics = schema.validate(bytes);
    if diagnostics.is_empty() {
        if let Some((ns, local)) = root_name(bytes) {
            if !roots.contains(&local.as_str()) || ns != namespace {
                diagnostics.push(Diagnostic::error(
                    "xsd-root",
                    format!(
                        "the root element is {{{ns}}}{local}, expected {{{namespace}}}{}",
                        roots.join(" or ")
                    ),
                    Some(1),
                ));
            }
        }
    }
    Report { diagnostics }
}

/// The namespace and local name of the root element.
fn root_name(bytes: &[u8]) -> Option<(String, String)> {
    let mut reader = quick_xml::NsReader::from_reader(bytes);
    loop {
        match reader.read_event().ok()? {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                let (res, local) = reader.resolve_element(e.name());
                let ns = match res {
                    quick_xml::name::ResolveResult::Bound(n) => {
                        String::from_utf8_lossy(n.as_ref()).into_owned()
                    }
                    _ => String::new(),
                };
                return Some((ns, String::from_utf8_lossy(local.as_ref()).into_owned()));
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_document_of_another_root_is_refused() {
        let r = validate_crossref(
            b"<journal_title xmlns=\"http://www.crossref.org/schema/5.3.1\">x</journal_title>",
        );
        assert!(!r.is_valid());
        assert_eq!(r.diagnostics[0].code, "xsd-root");
    }
}
