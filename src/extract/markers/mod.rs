//! Genre markers, one table per concern and language. Code matches against these tables
//! and never spells a marker word itself.
//!
//! Each concern's file defines one table type and a constant per language (`ARABIC`,
//! `ENGLISH`), plus `ALL`, the tables to try in order. Forms several concerns read are declared once, in
//! [`common`].

pub mod common;
pub mod front;
pub mod intext;
pub mod languages;
pub mod names;
pub mod notes;
pub mod references;
pub mod sections;
