//! A small XML tree and serializer for the record writers (Crossref, MARCXML): elements
//! whose children are all elements are indented by two spaces; an element holding text is
//! written on one line with its text exactly as given (escaped, never re-spaced).

use std::fmt::Write as _;

/// A node of the output tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Element(Element),
    /// Character data, unescaped.
    Text(String),
}

/// An element: name, attributes in output order, children.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    pub name: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn new(name: &'static str) -> Self {
        Element {
            name,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// An element holding one run of text.
    pub fn leaf(name: &'static str, text: impl Into<String>) -> Self {
        let mut e = Element::new(name);
        e.children.push(Node::Text(text.into()));
        e
    }

    pub fn attr(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((key, value.into()));
        self
    }

    pub fn attr_opt(self, key: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.attr(key, v),
            None => self,
        }
    }

    pub fn child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    pub fn push(&mut self, child: Element) {
        self.children.push(Node::Element(child));
    }

    /// Whether the element has no children.
    pub fn is_empty(&self) -> bool {
        self.children.is_empty()
    }
}

fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            // Kept as references so attribute-value normalization cannot turn them into spaces.
            '\t' | '\n' | '\r' if attribute => {
                let _ = write!(out, "&#{};", c as u32);
            }
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

fn write_element(e: &Element, depth: usize, out: &mut String) {
    out.push('<');
    out.push_str(e.name);
    for (k, v) in &e.attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape_into(out, v, true);
        out.push('"');
    }
    if e.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    let element_only = e.children.iter().all(|c| matches!(c, Node::Element(_)));
    for c in &e.children {
        match c {
            Node::Element(child) => {
                if element_only {
                    out.push('\n');
                    out.push_str(&"  ".repeat(depth + 1));
                }
                write_element(child, depth + 1, out);
            }
            Node::Text(t) => escape_into(out, t, false),
        }
    }
    if element_only {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    }
    out.push_str("</");
    out.push_str(e.name);
    out.push('>');
}

/// The document: XML declaration, the root element, a final newline.
pub(crate) fn document(root: &Element) -> Vec<u8> {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    write_element(root, 0, &mut out);
    out.push('\n');
    out.into_bytes()
}

/// Text with the characters XML 1.0 cannot hold removed (controls other than tab, newline
/// and carriage return; U+FFFE/U+FFFF) and runs of white space (line breaks included)
/// joined into single spaces.
pub(crate) fn clean(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_element_only_content_and_escapes() {
        let root = Element::new("a")
            .attr("k", "x\"<&\n")
            .child(Element::leaf("b", "1 < 2 & <c>"))
            .child(Element::new("c"));
        let out = String::from_utf8(document(&root)).unwrap();
        assert_eq!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"x&quot;&lt;&amp;&#10;\">\n  <b>1 &lt; 2 &amp; &lt;c&gt;</b>\n  <c/>\n</a>\n"
        );
        assert_eq!(clean(" a\u{1}\n b  "), "a b");
    }
}
