//! A tiny XML tree and its serializer: 2-space indentation between the children of
//! element-only containers, nothing added inside mixed content.

use super::tables::BLOCK_ELEMENTS;

/// One node of the output tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// An element.
    Element(Element),
    /// Character data, stored unescaped.
    Text(String),
}

/// An element with its attributes (in output order) and children.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    /// The element name (`sec`, `ali:license_ref`).
    pub name: &'static str,
    /// Attributes in output order, values unescaped.
    pub attrs: Vec<(&'static str, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
}

impl Element {
    /// An empty element.
    pub fn new(name: &'static str) -> Self {
        Element {
            name,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// An element holding one run of text.
    pub fn text_leaf(name: &'static str, text: impl Into<String>) -> Self {
        Element::new(name).text(text)
    }

    /// Adds an attribute.
    pub fn attr(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((key, value.into()));
        self
    }

    /// Adds an attribute when a value is given.
    pub fn attr_opt(self, key: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.attr(key, v),
            None => self,
        }
    }

    /// Adds `xml:lang` unless the tag is empty (an empty value is not a valid NMTOKEN).
    pub fn lang(self, tag: &str) -> Self {
        let tag = tag.trim();
        if tag.is_empty() {
            self
        } else {
            self.attr("xml:lang", tag)
        }
    }

    /// Adds a child element.
    pub fn child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    /// Adds a run of text.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.push_text(text);
        self
    }

    /// Appends a child element.
    pub fn push(&mut self, child: Element) {
        self.children.push(Node::Element(child));
    }

    /// Appends a run of text (empty runs are skipped; adjacent runs are merged).
    pub fn push_text(&mut self, text: impl Into<String>) {
        let text = text.into();
        if text.is_empty() {
            return;
        }
        if let Some(Node::Text(last)) = self.children.last_mut() {
            last.push_str(&text);
        } else {
            self.children.push(Node::Text(text));
        }
    }

    /// Whether the element has no children.
    pub fn is_empty(&self) -> bool {
        self.children.is_empty()
    }

    /// Whether whitespace may be added between this element's children.
    fn is_block(&self) -> bool {
        BLOCK_ELEMENTS.contains(&self.name)
            && !self.children.iter().any(|c| matches!(c, Node::Text(_)))
    }
}

/// Serializes trees, counting characters XML 1.0 cannot hold.
#[derive(Debug, Default)]
pub(crate) struct Serializer {
    /// Whether to indent element-only content.
    pub pretty: bool,
    /// How many characters were replaced by U+FFFD because XML 1.0 forbids them.
    pub replaced_chars: usize,
    out: String,
}

impl Serializer {
    /// A serializer writing pretty or compact output.
    pub fn new(pretty: bool) -> Self {
        Serializer {
            pretty,
            replaced_chars: 0,
            out: String::new(),
        }
    }

    /// Appends raw markup (declarations) verbatim.
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Appends an element and its subtree.
    pub fn element(&mut self, element: &Element) {
        self.write_element(element, 0, self.pretty);
    }

    /// The serialized text.
    pub fn finish(self) -> String {
        self.out
    }

    fn write_element(&mut self, e: &Element, depth: usize, pretty: bool) {
        self.out.push('<');
        self.out.push_str(e.name);
        for (k, v) in &e.attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            self.escape(v, true);
            self.out.push('"');
        }
        if e.children.is_empty() {
            self.out.push_str("/>");
            return;
        }
        self.out.push('>');
        let indent = pretty && e.is_block();
        for child in &e.children {
            if indent {
                self.newline(depth + 1);
            }
            match child {
                Node::Element(c) => self.write_element(c, depth + 1, indent),
                Node::Text(t) => self.escape(t, false),
            }
        }
        if indent {
            self.newline(depth);
        }
        self.out.push_str("</");
        self.out.push_str(e.name);
        self.out.push('>');
    }

    fn newline(&mut self, depth: usize) {
        self.out.push('\n');
        for _ in 0..depth {
            self.out.push_str("  ");
        }
    }

    fn escape(&mut self, text: &str, attribute: bool) {
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' if attribute => self.out.push_str("&quot;"),
                // Attribute-value normalization would turn these into spaces.
                '\t' if attribute => self.out.push_str("&#9;"),
                '\n' if attribute => self.out.push_str("&#10;"),
                // A literal CR would be read back as LF.
                '\r' => self.out.push_str("&#13;"),
                c if is_xml_char(c) => self.out.push(c),
                _ => {
                    self.replaced_chars += 1;
                    self.out.push('\u{FFFD}');
                }
            }
        }
    }
}

/// Whether XML 1.0 allows the character in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\u{9}' | '\u{A}' | '\u{D}'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(e: &Element, pretty: bool) -> (String, usize) {
        let mut s = Serializer::new(pretty);
        s.element(e);
        let n = s.replaced_chars;
        (s.finish(), n)
    }

    #[test]
    fn escapes_text_and_attributes() {
        let e = Element::new("p")
            .attr("specific-use", "a\"b<c>&\n")
            .text("x < y & \"z\" > w");
        let (out, _) = render(&e, true);
        assert_eq!(
            out,
            "<p specific-use=\"a&quot;b&lt;c&gt;&amp;&#10;\">x &lt; y &amp; \"z\" &gt; w</p>"
        );
    }

    #[test]
    fn indents_element_only_content_but_not_mixed_content() {
        let e = Element::new("sec")
            .child(Element::text_leaf("title", "عنوان"))
            .child(
                Element::new("p")
                    .child(Element::text_leaf("bold", "a"))
                    .text(" b"),
            );
        let (out, _) = render(&e, true);
        assert_eq!(
            out,
            "<sec>\n  <title>عنوان</title>\n  <p><bold>a</bold> b</p>\n</sec>"
        );
        let (compact, _) = render(&e, false);
        assert_eq!(
            compact,
            "<sec><title>عنوان</title><p><bold>a</bold> b</p></sec>"
        );
    }

    #[test]
    fn mixed_element_with_only_element_children_stays_inline() {
        let e = Element::new("p").child(Element::new("xref").attr("rid", "fn1"));
        assert_eq!(render(&e, true).0, "<p><xref rid=\"fn1\"/></p>");
    }

    #[test]
    fn replaces_characters_xml_cannot_hold() {
        let e = Element::text_leaf("p", "a\u{1}b\u{FFFF}");
        let (out, n) = render(&e, true);
        assert_eq!(out, "<p>a\u{FFFD}b\u{FFFD}</p>");
        assert_eq!(n, 2);
    }

    #[test]
    fn keeps_arabic_text_unnormalized() {
        // A decomposed sequence (alef + hamza above) must not be composed.
        let text = "\u{0627}\u{0654}\u{0644}";
        let (out, _) = render(&Element::text_leaf("p", text), false);
        assert_eq!(out, format!("<p>{text}</p>"));
    }
}
