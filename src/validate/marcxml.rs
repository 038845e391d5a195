//! MARCXML validation: the root must be a MARC 21 slim `record` or `collection`, valid
//! against the Library of Congress `MARC21slim.xsd` (embedded; see `xsd`).

use crate::validate::crossref::xsd_report;
use crate::validate::xsd::{self, NS_MARC};
use crate::validate::Report;

/// Validates a MARCXML record (or collection) against MARC21slim.xsd.
pub fn validate_marcxml(bytes: &[u8]) -> Report {
    xsd_report(
        bytes,
        &["record", "collection"],
        NS_MARC,
        xsd::marc21_schema(),
    )
}
