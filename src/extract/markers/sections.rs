//! Marker table: sections.
