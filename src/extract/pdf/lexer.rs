//! The content-stream lexer: splits a page's drawing program into operators with their
//! operands (numbers, names, strings, arrays), skipping inline image data. It never fails:
//! damaged input ends the stream or is skipped, and nesting is bounded.

/// One operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    /// An integer or real number.
    Number(f32),
    /// A name, without its slash (escapes `#xx` left as written).
    Name(&'a [u8]),
    /// A string's bytes, escapes decoded.
    Str(Vec<u8>),
    /// An array.
    Array(Vec<Operand<'a>>),
    /// Anything else (booleans, null, dictionaries): kept only as a placeholder.
    Other,
}

impl Operand<'_> {
    /// The operand as a number.
    pub fn number(&self) -> Option<f32> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Iterates over `(operator, operands)` of a content stream.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    operands: Vec<Operand<'a>>,
}

const MAX_DEPTH: usize = 32;
const MAX_OPERANDS: usize = 4096;

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

impl<'a> Lexer<'a> {
    /// A lexer over decoded content.
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            operands: Vec::new(),
        }
    }

    fn skip_white(&mut self) {
        while self.pos < self.data.len() {
            let b = self.data[self.pos];
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.pos < self.data.len() && !matches!(self.data[self.pos], b'\r' | b'\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.pos < self.data.len()
            && !is_white(self.data[self.pos])
            && !is_delimiter(self.data[self.pos])
        {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    fn literal_string(&mut self) -> Vec<u8> {
        // At the byte after `(`.
        let mut out = Vec::new();
        let mut depth = 1usize;
        while self.pos < self.data.len() {
            let b = self.data[self.pos];
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(self.pos) else {
                        break;
                    };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        b'\r' => {
                            if self.data.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        // At the byte after `<`.
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while self.pos < self.data.len() {
            let b = self.data[self.pos];
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let Some(d) = (b as char).to_digit(16) else {
                continue;
            };
            match high.take() {
                Some(h) => out.push((h << 4) | d as u8),
                None => high = Some(d as u8),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// The next operand, or `None` at an operator or the end (the position is then at it).
    fn operand(&mut self, depth: usize) -> Option<Operand<'a>> {
        self.skip_white();
        let b = *self.data.get(self.pos)?;
        match b {
            b'/' => {
                self.pos += 1;
                Some(Operand::Name(self.regular()))
            }
            b'(' => {
                self.pos += 1;
                Some(Operand::Str(self.literal_string()))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                // A dictionary (marked-content properties): skip it whole.
                let mut nest = 1usize;
                while self.pos < self.data.len() && nest > 0 {
                    match self.data[self.pos] {
                        b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                            nest += 1;
                            self.pos += 2;
                        }
                        b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                            nest -= 1;
                            self.pos += 2;
                        }
                        b'(' => {
                            self.pos += 1;
                            self.literal_string();
                        }
                        _ => self.pos += 1,
                    }
                }
                Some(Operand::Other)
            }
            b'<' => {
                self.pos += 1;
                Some(Operand::Str(self.hex_string()))
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.data.get(self.pos) {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        _ => {}
                    }
                    if depth >= MAX_DEPTH {
                        self.pos += 1;
                        continue;
                    }
                    match self.operand(depth + 1) {
                        Some(item) => {
                            if items.len() < MAX_OPERANDS {
                                items.push(item);
                            }
                        }
                        None => {
                            // A bare word inside an array (damage): skip it.
                            let word = self.regular();
                            if word.is_empty() {
                                self.pos += 1;
                            }
                        }
                    }
                }
                Some(Operand::Array(items))
            }
            b']' | b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                Some(Operand::Other)
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let start = self.pos;
                let word = self.regular();
                match parse_number(word) {
                    Some(n) => Some(Operand::Number(n)),
                    None => {
                        self.pos = start + word.len().max(1);
                        Some(Operand::Other)
                    }
                }
            }
            _ => {
                let start = self.pos;
                let word = self.regular();
                match word {
                    b"true" | b"false" | b"null" => Some(Operand::Other),
                    _ => {
                        self.pos = start;
                        None
                    }
                }
            }
        }
    }

    /// Skips an inline image's data: from after `ID` to the `EI` that follows white space.
    fn skip_inline_image(&mut self) {
        self.pos += 1;
        while self.pos + 1 < self.data.len() {
            if self.data[self.pos] == b'E'
                && self.data[self.pos + 1] == b'I'
                && self.pos > 0
                && is_white(self.data[self.pos - 1])
                && self.data.get(self.pos + 2).is_none_or(|&b| is_white(b))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = self.data.len();
    }

    /// The next operator with its operands; `None` at the end.
    pub fn next_op(&mut self) -> Option<(&'a [u8], Vec<Operand<'a>>)> {
        loop {
            while let Some(op) = self.operand(0) {
                if self.operands.len() < MAX_OPERANDS {
                    self.operands.push(op);
                }
            }
            if self.pos >= self.data.len() {
                return None;
            }
            let word = self.regular();
            if word.is_empty() {
                self.pos += 1;
                continue;
            }
            let operands = std::mem::take(&mut self.operands);
            if word == b"ID" {
                self.skip_inline_image();
                continue;
            }
            return Some((word, operands));
        }
    }
}

fn parse_number(word: &[u8]) -> Option<f32> {
    // Fast path for plain integers and decimals; PDF numbers have no exponent.
    let (neg, digits) = match word.first() {
        Some(b'-') => (true, &word[1..]),
        Some(b'+') => (false, &word[1..]),
        _ => (false, word),
    };
    if digits.is_empty() {
        return None;
    }
    let mut int: f64 = 0.0;
    let mut frac: f64 = 0.0;
    let mut scale = 1.0f64;
    let mut seen_dot = false;
    let mut any = false;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                any = true;
                if seen_dot {
                    scale /= 10.0;
                    frac += f64::from(b - b'0') * scale;
                } else {
                    int = int * 10.0 + f64::from(b - b'0');
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            // `--5` and other slips: read what can be read.
            b'-' => {}
            _ => return None,
        }
    }
    if !any {
        return Some(0.0);
    }
    let v = (int + frac) as f32;
    let v = if neg { -v } else { v };
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut lexer = Lexer::new(data);
        let mut out = Vec::new();
        while let Some((op, args)) = lexer.next_op() {
            out.push((String::from_utf8_lossy(op).into_owned(), args));
        }
        out
    }

    #[test]
    fn operators_and_operands() {
        let got =
            ops(b"BT /F1 9.5 Tf 1 0 0 1 72 -.5 Tm [(A\\(b\\)) -250 <00410042>] TJ (x\\101) Tj ET");
        assert_eq!(got[1].0, "Tf");
        assert_eq!(got[1].1, vec![Operand::Name(b"F1"), Operand::Number(9.5)]);
        assert_eq!(got[2].1[5], Operand::Number(-0.5));
        assert_eq!(
            got[3].1[0],
            Operand::Array(vec![
                Operand::Str(b"A(b)".to_vec()),
                Operand::Number(-250.0),
                Operand::Str(vec![0, 0x41, 0, 0x42])
            ])
        );
        assert_eq!(got[4].1[0], Operand::Str(b"xA".to_vec()));
        assert_eq!(got.last().unwrap().0, "ET");
    }

    #[test]
    fn skips_inline_images_and_dictionaries() {
        let got = ops(b"/Span <</ActualText (x) /N <<>> >> BDC BI /W 2 ID \x00EI\xffEI EI Q EMC");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BDC", "BI", "Q", "EMC"]);
    }

    #[test]
    fn damage_never_loops() {
        for data in [&b"[[[[[(((("[..], b"<<<<", b")]}>", b"1.2.3 -- +", b"/"] {
            let _ = ops(data);
        }
        let deep = vec![b'['; 100_000];
        assert!(ops(&deep).is_empty());
    }
}
