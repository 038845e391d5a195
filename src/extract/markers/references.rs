//! Marker table: references.
