//! Marker table: notes.
