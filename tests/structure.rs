//! The shape of the source tree, checked: no function over 150 lines in `src/extract/`, every
//! file there states its concern in its first `//!` comment, and no import cycle between the
//! modules of `src/` (issue 8). Each check also runs on a planted fault, so it cannot pass by
//! reading nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FUNCTION_LINES: usize = 150;

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The source with comments and the contents of string and char literals blanked (newlines
/// kept, so line numbers stay), so that braces, `fn` and `use` inside them are not code.
fn code_only(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&c) = chars.get(i) {
                    out.push(blank(c));
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' {
            if next == Some('\\') {
                // An escaped char literal: `'\n'`, `'\u{2070}'`, `'\''`.
                out.push_str("'  ");
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    out.push(' ');
                    i += 1;
                }
                out.push('\'');
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                out.push_str("' '");
                i += 3;
            } else {
                // A lifetime or a loop label.
                out.push(c);
                i += 1;
            }
        } else if is_ident_char(c) {
            let start = i;
            while i < chars.len() && is_ident_char(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push_str(&word);
            let mut hashes = 0;
            while chars.get(i + hashes) == Some(&'#') {
                hashes += 1;
            }
            let raw = matches!(word.as_str(), "r" | "br") && chars.get(i + hashes) == Some(&'"');
            if raw {
                // A raw string: `r"…"`, `r#"…"#`; it ends at a quote followed by its hashes.
                for _ in 0..hashes {
                    out.push('#');
                }
                out.push('"');
                i += hashes + 1;
                while i < chars.len() {
                    if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                        out.push('"');
                        for _ in 0..hashes {
                            out.push('#');
                        }
                        i += hashes + 1;
                        break;
                    }
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn line_of(code: &str, byte: usize) -> usize {
    code[..byte].matches('\n').count() + 1
}

/// The byte offset of the brace closing the one at `open`.
fn matching_brace(code: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, b) in code.as_bytes()[open..].iter().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Every function item with a body in `code` (already [`code_only`]): name, first line (of
/// `fn`) and number of lines up to its closing brace.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = code[at..].find("fn") {
        let start = at + found;
        at = start + 2;
        let before_ok =
            start == 0 || !is_ident_char(code[..start].chars().next_back().unwrap_or(' '));
        let rest = &code[start + 2..];
        let name_start = rest.len() - rest.trim_start().len();
        if !before_ok || name_start == 0 {
            continue; // `fn` inside a word, or a `fn(…)` pointer type.
        }
        let name: String = rest[name_start..]
            .chars()
            .take_while(|&c| is_ident_char(c))
            .collect();
        if name.is_empty() {
            continue;
        }
        // The body opens at the first `{` outside brackets; a `;` there means no body.
        let mut depth = 0i32;
        let mut open = None;
        for (k, &b) in bytes[start..].iter().enumerate() {
            match b {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b';' if depth == 0 => break,
                b'{' if depth == 0 => {
                    open = Some(start + k);
                    break;
                }
                _ => {}
            }
        }
        let Some(open) = open else { continue };
        let close =
            matching_brace(code, open).unwrap_or_else(|| panic!("unbalanced braces in fn {name}"));
        let first = line_of(code, start);
        out.push((name, first, line_of(code, close) - first + 1));
    }
    out
}

/// Functions of `src/extract/` over the limit, as `file:line fn name (n lines)`, and how many
/// functions were measured.
fn long_functions(files: &[PathBuf]) -> (Vec<String>, usize) {
    let mut long = Vec::new();
    let mut count = 0;
    for path in files {
        for (name, line, lines) in functions(&code_only(&read(path))) {
            count += 1;
            if lines > MAX_FUNCTION_LINES {
                long.push(format!(
                    "{}:{line} fn {name} ({lines} lines)",
                    path.display()
                ));
            }
        }
    }
    (long, count)
}

#[test]
fn no_function_in_extract_is_over_150_lines() {
    let files = rust_files(&src_dir().join("extract"));
    assert!(
        files.len() >= 20,
        "src/extract/ holds {} files",
        files.len()
    );
    let (long, count) = long_functions(&files);
    assert!(
        count >= 300,
        "only {count} functions measured in src/extract/"
    );
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn function_lengths_are_measured_through_literals_and_comments() {
    let body: String = (0..149)
        .map(|k| format!("    let x{k} = '{{';\n"))
        .collect();
    let src = format!(
        "/// fn in a comment {{\nfn short() -> [u8; 2] {{ [b'}}', 1] }}\n\
         fn long<'a>(s: &'a str) -> &'a str {{\n    let _ = \"}}\\\" {{\";\n    let _ = r#\"}}\"{{\"#;\n    /* }} */\n{body}    s\n}}\n\
         fn declared(x: u32);\nfn after() {{}}\n"
    );
    let found = functions(&code_only(&src));
    let names: Vec<(&str, usize)> = found.iter().map(|(n, _, l)| (n.as_str(), *l)).collect();
    assert_eq!(names, [("short", 1), ("long", 155), ("after", 1)]);
    let dir = std::env::temp_dir().join(format!("papermeta-structure-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("planted.rs");
    fs::write(&file, &src).expect("planted file");
    let (long, count) = long_functions(&[file]);
    fs::remove_dir_all(&dir).ok();
    assert_eq!(count, 3);
    assert_eq!(long.len(), 1, "{long:?}");
    assert!(long[0].ends_with("fn long (155 lines)"), "{long:?}");
}

/// The first comment of a file, when it is a `//!` one with at least a few words.
fn concern(src: &str) -> Option<&str> {
    let first = src.lines().find(|l| !l.trim().is_empty())?;
    let text = first.trim().strip_prefix("//!")?.trim();
    (text.split_whitespace().count() >= 3).then_some(text)
}

#[test]
fn every_extract_file_states_its_concern_first() {
    let files = rust_files(&src_dir().join("extract"));
    let missing: Vec<String> = files
        .iter()
        .filter(|p| concern(&read(p)).is_none())
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a first `//!` comment:\n{}",
        missing.join("\n")
    );
    assert_eq!(
        concern("\n//! Pages: furniture and zones.\nuse x;"),
        Some("Pages: furniture and zones.")
    );
    assert_eq!(concern("use x;\n//! Late comment.\n"), None);
    assert_eq!(concern("// Plain comment here.\n"), None);
}

/// One module of the crate: its path (`crate::extract::pages`), its file and its code
/// without comments, literals and `#[cfg(test)]` items.
struct Module {
    path: Vec<String>,
    code: String,
    children: Vec<String>,
}

/// Blanks every `#[cfg(test)]` item of `code`; returns the names of test-only `mod x;` files.
fn drop_test_items(code: &mut String) -> Vec<String> {
    let mut test_mods = Vec::new();
    while let Some(at) = code.find("#[cfg(test)]") {
        let bytes = code.as_bytes();
        let mut end = None;
        let mut depth = 0i32;
        for (k, &b) in bytes[at + 12..].iter().enumerate() {
            let k = at + 12 + k;
            match b {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b';' if depth == 0 => {
                    end = Some(k);
                    break;
                }
                b'{' if depth == 0 => {
                    end = matching_brace(code, k);
                    break;
                }
                _ => {}
            }
        }
        let end = end.unwrap_or(code.len() - 1);
        let item = code[at + 12..=end].trim().to_string();
        if let Some(name) = item
            .strip_prefix("mod ")
            .and_then(|r| r.strip_suffix(';'))
            .map(str::trim)
        {
            test_mods.push(name.to_string());
        }
        let blanked: String = code[at..=end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        code.replace_range(at..=end, &blanked);
    }
    test_mods
}

/// The `mod name;` declarations of `code`.
fn declared_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for stmt in code.split([';', '{', '}']) {
        let words: Vec<&str> = stmt.split_whitespace().collect();
        if let [.., "mod", name] = words.as_slice() {
            if words[..words.len() - 2]
                .iter()
                .all(|w| *w == "pub" || w.starts_with("pub(") || w.starts_with('#'))
            {
                out.push((*name).to_string());
            }
        }
    }
    out
}

/// Reads the module tree from a crate root file.
fn module_tree(root: &Path, root_name: &str) -> Vec<Module> {
    let mut out = Vec::new();
    let mut stack = vec![(root.to_path_buf(), vec![root_name.to_string()])];
    while let Some((file, path)) = stack.pop() {
        let mut code = code_only(&read(&file));
        let test_mods = drop_test_items(&mut code);
        let children: Vec<String> = declared_modules(&code)
            .into_iter()
            .filter(|c| !test_mods.contains(c))
            .collect();
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let dir = if matches!(stem, "mod" | "lib" | "main") {
            file.parent().expect("parent").to_path_buf()
        } else {
            file.with_extension("")
        };
        for child in &children {
            let flat = dir.join(format!("{child}.rs"));
            let nested = dir.join(child).join("mod.rs");
            let child_file = if flat.exists() { flat } else { nested };
            assert!(
                child_file.exists(),
                "{}: mod {child} has no file",
                file.display()
            );
            let mut child_path = path.clone();
            child_path.push(child.clone());
            stack.push((child_file, child_path));
        }
        out.push(Module {
            path,
            code,
            children,
        });
    }
    out
}

/// Expands a `use` tree (`a::{b, c::{self as d, *}}`) into its paths.
fn use_paths(tree: &str) -> Vec<Vec<String>> {
    fn split_top(s: &str) -> Vec<&str> {
        let (mut depth, mut last, mut parts) = (0, 0, Vec::new());
        for (k, c) in s.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&s[last..k]);
                    last = k + 1;
                }
                _ => {}
            }
        }
        parts.push(&s[last..]);
        parts
    }
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let tree = tree.trim();
    if tree.is_empty() {
        return Vec::new();
    }
    if let Some(open) = tree.find('{') {
        let prefix: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let inner = tree[open + 1..].trim_end().trim_end_matches('}');
        let mut out = Vec::new();
        for part in split_top(inner) {
            for mut sub in use_paths(part) {
                if sub.first().is_some_and(|s| s == "self") {
                    sub.remove(0);
                }
                let mut p = prefix.clone();
                p.extend(sub);
                out.push(p);
            }
        }
        return out;
    }
    let path = tree.split(" as ").next().unwrap_or(tree);
    vec![path
        .split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "*")
        .map(str::to_string)
        .collect()]
}

/// Every path of `code` that names another module: `use` trees, and `crate::`, `super::`,
/// `self::` or child-module paths in the code.
fn referenced_paths(code: &str, children: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = String::with_capacity(code.len());
    // `use` statements first; what is left is searched for inline paths.
    let mut at = 0;
    while let Some(found) = code[at..].find("use ") {
        let start = at + found;
        let word_start =
            start == 0 || !is_ident_char(code[..start].chars().next_back().unwrap_or(' '));
        let Some(end) = code[start..].find(';').map(|e| start + e) else {
            break;
        };
        if word_start {
            rest.push_str(&code[at..start]);
            out.extend(use_paths(&code[start + 4..end]));
            at = end + 1;
        } else {
            rest.push_str(&code[at..start + 4]);
            at = start + 4;
        }
    }
    rest.push_str(&code[at..]);
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_ident_char(chars[i])
            || (i > 0 && (is_ident_char(chars[i - 1]) || chars[i - 1] == ':'))
        {
            i += 1;
            continue;
        }
        // A path: identifiers joined by `::`.
        let mut segments = Vec::new();
        let mut j = i;
        loop {
            let s = j;
            while j < chars.len() && is_ident_char(chars[j]) {
                j += 1;
            }
            segments.push(chars[s..j].iter().collect::<String>());
            let mut k = j;
            while k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            if chars.get(k) == Some(&':') && chars.get(k + 1) == Some(&':') {
                k += 2;
                while k < chars.len() && chars[k] == ' ' {
                    k += 1;
                }
                if chars.get(k).is_some_and(|&c| is_ident_char(c)) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        i = j;
        let head = segments[0].as_str();
        if segments.len() > 1
            && (matches!(head, "crate" | "super" | "self" | "papermeta")
                || children.iter().any(|c| c == head))
        {
            out.push(segments);
        }
    }
    out
}

/// The module a path from module `from` lands in (the deepest module it names).
fn resolve(
    from: &[String],
    path: &[String],
    modules: &BTreeSet<Vec<String>>,
    lib: &str,
) -> Option<Vec<String>> {
    let mut at: Vec<String> = from.to_vec();
    let mut segments = path.iter().peekable();
    match segments.peek().map(|s| s.as_str()) {
        Some("crate") => {
            at.truncate(1);
            segments.next();
        }
        Some("papermeta") => {
            at = vec![lib.to_string()];
            segments.next();
        }
        Some("self") => {
            segments.next();
        }
        Some("super") => {
            while segments.peek().is_some_and(|s| *s == "super") {
                at.pop();
                segments.next();
            }
        }
        _ => {}
    }
    for s in segments {
        let mut deeper = at.clone();
        deeper.push(s.clone());
        if modules.contains(&deeper) {
            at = deeper;
        } else {
            break;
        }
    }
    (at.len() > 1 || at[0] == lib).then_some(at)
}

/// The module graph: which module's code names which other module. A module's use of an
/// ancestor (the parent that declares it) counts only under the `strict` module paths.
fn module_graph(
    trees: &[Vec<Module>],
    lib: &str,
    strict: &[&str],
) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<Vec<String>> = trees.iter().flatten().map(|m| m.path.clone()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in trees.iter().flatten() {
        let from = m.path.join("::");
        let edges = graph.entry(from.clone()).or_default();
        for p in referenced_paths(&m.code, &m.children) {
            if let Some(to) = resolve(&m.path, &p, &modules, lib) {
                let to = to.join("::");
                let to_ancestor = from.starts_with(&format!("{to}::"));
                let counted = !to_ancestor
                    || strict
                        .iter()
                        .any(|p| from == *p || from.starts_with(&format!("{p}::")));
                if to != from && counted {
                    edges.insert(to);
                }
            }
        }
    }
    graph
}

/// The cycles of a graph, one per strongly connected group (Tarjan), each as its members.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.out.push(group);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[test]
fn no_import_cycle_in_src() {
    let lib = module_tree(&src_dir().join("lib.rs"), "crate");
    let bin = module_tree(&src_dir().join("main.rs"), "main");
    assert!(lib.len() >= 40, "only {} modules read", lib.len());
    // In src/extract/ every file is a room of its own: a module using its parent's items
    // counts too. Elsewhere a child may use what its parent declares (a writer's or a
    // validator's shared types).
    let graph = module_graph(&[lib, bin], "crate", &["crate::extract"]);
    let edge = |a: &str, b: &str| graph.get(a).is_some_and(|e| e.contains(b));
    // The reader sees real imports: a plain `use`, a grouped one, an inline path, the binary's.
    assert!(edge("crate::extract::pages", "crate::extract::text"));
    assert!(edge(
        "crate::extract::references::parse",
        "crate::extract::references::text"
    ));
    assert!(edge("crate::extract", "crate::extract::front"));
    assert!(edge("main::cli", "crate::convert"));
    assert!(edge(
        "crate::extract::sections::headings",
        "crate::extract::sections::lines"
    ));
    let edges: usize = graph.values().map(BTreeSet::len).sum();
    assert!(edges >= 100, "only {edges} imports read");
    let found = cycles(&graph);
    assert!(
        found.is_empty(),
        "import cycles in src/:\n{}",
        found
            .iter()
            .map(|c| c.join(" ↔ "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn planted_cycles_are_found() {
    let module = |path: &[&str], src: &str| {
        let mut code = code_only(src);
        drop_test_items(&mut code);
        Module {
            path: path.iter().map(|s| s.to_string()).collect(),
            children: declared_modules(&code),
            code,
        }
    };
    let tree = vec![
        module(&["crate"], "pub mod a;\nmod b;\nmod c;\n"),
        module(&["crate", "a"], "use super::b::{self as bee, Thing};\n"),
        module(&["crate", "b"], "fn f() { crate::a::g(); }\n// crate::c::h()\n"),
        module(
            &["crate", "c"],
            "use crate::a;\nconst S: &str = \"crate::b::x\";\n#[cfg(test)]\nmod tests { use crate::b::*; }\nmod d;\nfn f() { d::g(); }\n",
        ),
        module(&["crate", "c", "d"], "use super::S;\n"),
    ];
    let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let graph = module_graph(std::slice::from_ref(&tree), "crate", &[]);
    assert_eq!(cycles(&graph), [names(&["crate::a", "crate::b"])]);
    assert_eq!(
        graph["crate::c"],
        BTreeSet::from(["crate::a".to_string(), "crate::c::d".to_string()])
    );
    // A child using its parent: a cycle only where that counts.
    let strict = module_graph(&[tree], "crate", &["crate::c"]);
    let mut found = cycles(&strict);
    found.sort();
    assert_eq!(
        found,
        [
            names(&["crate::a", "crate::b"]),
            names(&["crate::c", "crate::c::d"])
        ]
    );
}
