//! Marker table: front.
