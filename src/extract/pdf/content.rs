//! The content-stream interpreter: runs a page's drawing operators (graphics state, text
//! state and positioning, strings, form XObjects) and yields each glyph with its text, font,
//! size and place, and the thin horizontal rules drawn on the page.

use super::fonts::Font;
use super::lexer::{Lexer, Operand};
use super::objects::{
    as_stream, decode_stream, dict_entry, entry, name_entry, numbers, resolve, StreamError,
};
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// One glyph as drawn, in page space with the origin at the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnGlyph {
    /// Its text (possibly several characters, possibly empty).
    pub text: String,
    /// The baseline origin's left edge.
    pub x: f32,
    /// The baseline, measured down from the top of the page.
    pub y: f32,
    /// The horizontal advance.
    pub width: f32,
    /// The rendered font size (the font size scaled by the text and page matrices).
    pub size: f32,
    /// Index into [`FontCache::fonts`].
    pub font: usize,
    /// How the glyph is turned, in quarter turns counterclockwise (0 upright, 1 reading
    /// upwards, 2 upside down, 3 reading downwards); `None` when skewed or mirrored.
    pub quarter_turns: Option<u8>,
}

/// A horizontal rule drawn on the page (a thin filled box or a stroked line).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// Its height on the page, measured down from the top.
    pub y: f32,
}

/// What a page draws.
#[derive(Debug, Default)]
pub struct PageContent {
    /// The glyphs in drawing order.
    pub glyphs: Vec<DrawnGlyph>,
    /// The horizontal rules.
    pub rules: Vec<Rule>,
}

/// Why a page's content could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ContentError {
    /// A stream inflates past the limit.
    TooLarge,
    /// The page draws more glyphs than a page can hold.
    TooManyGlyphs,
}

/// The most glyphs one page may draw (a normal dense page has under 10,000).
pub const MAX_GLYPHS_PER_PAGE: usize = 400_000;
/// The most operators one page may run (forms included).
const MAX_OPERATIONS: usize = 4_000_000;
/// How deep forms may nest.
const MAX_FORM_DEPTH: usize = 12;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// The turn of a glyph's rendering matrix, when it is a whole number of quarter turns
/// without mirroring or skew.
fn quarter_turns(m: &Matrix) -> Option<u8> {
    let (a, b, c, d) = (m[0], m[1], m[2], m[3]);
    let scale = a.abs().max(b.abs()).max(c.abs()).max(d.abs());
    if scale <= 0.0 {
        return None;
    }
    let small = |v: f32| v.abs() < 0.02 * scale;
    if small(b) && small(c) && a > 0.0 && d > 0.0 {
        Some(0)
    } else if small(a) && small(d) && b > 0.0 && c < 0.0 {
        Some(1)
    } else if small(b) && small(c) && a < 0.0 && d < 0.0 {
        Some(2)
    } else if small(a) && small(d) && b < 0.0 && c > 0.0 {
        Some(3)
    } else {
        None
    }
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<usize>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
}

struct Interpreter<'a> {
    doc: &'a Document,
    /// The page's top in user space (for flipping y) and its left edge.
    top: f32,
    left: f32,
    out: PageContent,
    fonts: &'a mut FontCache,
    operations: usize,
    path: Vec<(f32, f32, f32, f32)>,
    path_start: Option<(f32, f32)>,
}

/// The fonts of a document, each loaded once.
#[derive(Debug, Default)]
pub struct FontCache {
    /// The fonts loaded so far.
    pub fonts: Vec<Font>,
    /// Fonts already loaded, by object id or by resource dictionary address and name.
    ids: HashMap<FontKey, usize>,
}

#[derive(Debug, Hash, PartialEq, Eq)]
enum FontKey {
    Object(lopdf::ObjectId),
    Inline(usize, Vec<u8>),
}

/// Runs a page's content.
pub fn run_page<'a>(
    doc: &'a Document,
    fonts: &'a mut FontCache,
    page: &'a Dictionary,
    media_box: [f32; 4],
    content: &[u8],
) -> Result<PageContent, ContentError> {
    let resources = super::objects::inherited(doc, page, b"Resources").and_then(|o| match o {
        Object::Dictionary(d) => Some(d),
        _ => None,
    });
    let mut interp = Interpreter {
        doc,
        top: media_box[3],
        left: media_box[0],
        out: PageContent::default(),
        fonts,
        operations: 0,
        path: Vec::new(),
        path_start: None,
    };
    let state = GraphicsState {
        ctm: IDENTITY,
        font: None,
        font_size: 0.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        horizontal_scale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    interp.run(content, resources, state, 0)?;
    Ok(interp.out)
}

fn operand(ops: &[Operand], i: usize) -> f32 {
    ops.get(i).and_then(Operand::number).unwrap_or(0.0)
}

impl<'a> Interpreter<'a> {
    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        state: GraphicsState,
        depth: usize,
    ) -> Result<(), ContentError> {
        let mut gs = state;
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut lexer = Lexer::new(content);
        while let Some((operator, ops)) = lexer.next_op() {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                break;
            }
            let ops = &ops[..];
            match operator {
                b"q" if stack.len() < 256 => {
                    stack.push(gs.clone());
                }
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" if ops.len() == 6 => {
                    let m = [
                        operand(ops, 0),
                        operand(ops, 1),
                        operand(ops, 2),
                        operand(ops, 3),
                        operand(ops, 4),
                        operand(ops, 5),
                    ];
                    gs.ctm = multiply(&m, &gs.ctm);
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" if ops.len() == 2 => {
                    gs.font_size = operand(ops, 1);
                    gs.font = match &ops[0] {
                        Operand::Name(name) => self.font(resources, name)?,
                        _ => None,
                    };
                }
                b"Tc" => gs.char_spacing = operand(ops, 0),
                b"Tw" => gs.word_spacing = operand(ops, 0),
                b"Tz" => gs.horizontal_scale = operand(ops, 0) / 100.0,
                b"TL" => gs.leading = operand(ops, 0),
                b"Ts" => gs.rise = operand(ops, 0),
                b"Td" | b"TD" => {
                    let (tx, ty) = (operand(ops, 0), operand(ops, 1));
                    if operator == b"TD" {
                        gs.leading = -ty;
                    }
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm);
                    tm = tlm;
                }
                b"Tm" if ops.len() == 6 => {
                    tlm = [
                        operand(ops, 0),
                        operand(ops, 1),
                        operand(ops, 2),
                        operand(ops, 3),
                        operand(ops, 4),
                        operand(ops, 5),
                    ];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" => {
                    if let Some(Operand::Str(bytes)) = ops.first() {
                        self.show(bytes, &gs, &mut tm)?;
                    }
                }
                b"'" | b"\"" => {
                    if operator == b"\"" && ops.len() == 3 {
                        gs.word_spacing = operand(ops, 0);
                        gs.char_spacing = operand(ops, 1);
                    }
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                    if let Some(Operand::Str(bytes)) = ops.last() {
                        self.show(bytes, &gs, &mut tm)?;
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = ops.first() {
                        for item in items {
                            match item {
                                Operand::Str(bytes) => self.show(bytes, &gs, &mut tm)?,
                                other => {
                                    if let Some(n) = other.number() {
                                        let tx = -n / 1000.0 * gs.font_size * gs.horizontal_scale;
                                        tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                    }
                                }
                            }
                        }
                    }
                }
                b"Do" => {
                    if let (Some(Operand::Name(name)), true) = (ops.first(), depth < MAX_FORM_DEPTH)
                    {
                        self.form(resources, name, &gs, depth)?;
                    }
                }
                b"re" if ops.len() == 4 => {
                    let (x, y, w, h) = (
                        operand(ops, 0),
                        operand(ops, 1),
                        operand(ops, 2),
                        operand(ops, 3),
                    );
                    let (ax, ay) = apply(&gs.ctm, x, y);
                    let (bx, by) = apply(&gs.ctm, x + w, y + h);
                    self.path.push((ax, ay, bx, by));
                }
                b"m" if ops.len() == 2 => {
                    self.path_start = Some(apply(&gs.ctm, operand(ops, 0), operand(ops, 1)));
                }
                b"l" if ops.len() == 2 => {
                    let end = apply(&gs.ctm, operand(ops, 0), operand(ops, 1));
                    if let Some(start) = self.path_start {
                        self.path.push((start.0, start.1, end.0, end.1));
                    }
                    self.path_start = Some(end);
                }
                b"f" | b"F" | b"f*" | b"S" | b"s" | b"B" | b"B*" | b"b" | b"b*" => {
                    self.paint_rules()
                }
                b"n" => {
                    self.path.clear();
                    self.path_start = None;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Keeps the painted path's thin horizontal parts as rules.
    fn paint_rules(&mut self) {
        for &(ax, ay, bx, by) in &self.path {
            let (x0, x1) = (ax.min(bx) - self.left, ax.max(bx) - self.left);
            if (ay - by).abs() <= 2.0 && x1 - x0 >= 20.0 && self.out.rules.len() < 1000 {
                self.out.rules.push(Rule {
                    x0,
                    x1,
                    y: self.top - (ay + by) / 2.0,
                });
            }
        }
        self.path.clear();
        self.path_start = None;
    }

    fn font(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
    ) -> Result<Option<usize>, ContentError> {
        let Some(fonts) = resources.and_then(|r| dict_entry(self.doc, r, b"Font")) else {
            return Ok(None);
        };
        let Ok(raw) = fonts.get(name) else {
            return Ok(None);
        };
        let key = match raw {
            Object::Reference(id) => FontKey::Object(*id),
            _ => FontKey::Inline(fonts as *const Dictionary as usize, name.to_vec()),
        };
        if let Some(&index) = self.fonts.ids.get(&key) {
            return Ok(Some(index));
        }
        let Object::Dictionary(dict) = resolve(self.doc, raw) else {
            return Ok(None);
        };
        let font = Font::load(self.doc, dict).map_err(|_| ContentError::TooLarge)?;
        self.fonts.fonts.push(font);
        let index = self.fonts.fonts.len() - 1;
        self.fonts.ids.insert(key, index);
        Ok(Some(index))
    }

    fn show(
        &mut self,
        bytes: &[u8],
        gs: &GraphicsState,
        tm: &mut Matrix,
    ) -> Result<(), ContentError> {
        let Some(font_index) = gs.font else {
            return Ok(());
        };
        let glyphs = self.fonts.fonts[font_index].glyphs(bytes);
        let fs = gs.font_size;
        let th = gs.horizontal_scale;
        for glyph in glyphs {
            let trm = multiply(
                &[fs * th, 0.0, 0.0, fs, 0.0, gs.rise],
                &multiply(tm, &gs.ctm),
            );
            let (x, y) = (trm[4], trm[5]);
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let quarter_turns = quarter_turns(&trm);
            let spacing = gs.char_spacing
                + if glyph.is_space_code {
                    gs.word_spacing
                } else {
                    0.0
                };
            let advance = (glyph.width * fs + spacing) * th;
            let width = glyph.width * (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
            if self.out.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                return Err(ContentError::TooManyGlyphs);
            }
            if x.is_finite() && y.is_finite() && size.is_finite() {
                self.out.glyphs.push(DrawnGlyph {
                    text: glyph.text,
                    x: x - self.left,
                    y: self.top - y,
                    width,
                    size,
                    font: font_index,
                    quarter_turns,
                });
            }
            *tm = multiply(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
        }
        Ok(())
    }

    fn form(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        gs: &GraphicsState,
        depth: usize,
    ) -> Result<(), ContentError> {
        let Some(xobjects) = resources.and_then(|r| dict_entry(self.doc, r, b"XObject")) else {
            return Ok(());
        };
        let Some(stream) = xobjects.get(name).ok().and_then(|o| as_stream(self.doc, o)) else {
            return Ok(());
        };
        if name_entry(self.doc, &stream.dict, b"Subtype") != Some(b"Form") {
            return Ok(());
        }
        let data = match decode_stream(stream) {
            Ok(d) => d,
            Err(StreamError::TooLarge) => return Err(ContentError::TooLarge),
            Err(StreamError::Damaged(_)) => return Ok(()),
        };
        let mut state = gs.clone();
        if let Some(m) = entry(self.doc, &stream.dict, b"Matrix") {
            let m = numbers(self.doc, m);
            if m.len() == 6 {
                state.ctm = multiply(&[m[0], m[1], m[2], m[3], m[4], m[5]], &gs.ctm);
            }
        }
        let form_resources = dict_entry(self.doc, &stream.dict, b"Resources").or(resources);
        self.run(&data, form_resources, state, depth + 1)
    }
}
