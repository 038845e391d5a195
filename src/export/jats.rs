//! JATS 1.3 Journal Publishing XML.
