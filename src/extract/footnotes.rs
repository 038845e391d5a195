//! Footnotes: the numbered notes of each page's footnote zone and the markers in the text.
