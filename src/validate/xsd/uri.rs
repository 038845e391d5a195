//! RFC 3986 URI-reference syntax over bytes, for `xs:anyURI` (after libxml2's mapping of
//! characters a URI cannot hold, see `simple::is_uri_reference`).

fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}
fn sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

/// Consumes `*(allowed / pct-encoded)`; false on a bad `%`.
fn run(s: &[u8], i: &mut usize, allowed: impl Fn(u8) -> bool) -> bool {
    while let Some(&b) = s.get(*i) {
        if b == b'%' {
            let ok = s.get(*i + 1).is_some_and(u8::is_ascii_hexdigit)
                && s.get(*i + 2).is_some_and(u8::is_ascii_hexdigit);
            if !ok {
                return false;
            }
            *i += 3;
        } else if allowed(b) {
            *i += 1;
        } else {
            break;
        }
    }
    true
}

fn pchar(b: u8) -> bool {
    unreserved(b) || sub_delim(b) || b == b':' || b == b'@'
}

/// `[ "?" query ] [ "#" fragment ]` up to the end.
fn tail(s: &[u8], mut i: usize) -> bool {
    if s.get(i) == Some(&b'?') {
        i += 1;
        if !run(s, &mut i, |b| pchar(b) || b == b'/' || b == b'?') {
            return false;
        }
    }
    if s.get(i) == Some(&b'#') {
        i += 1;
        if !run(s, &mut i, |b| pchar(b) || b == b'/' || b == b'?') {
            return false;
        }
    }
    i == s.len()
}

/// `authority path-abempty` after `//`.
fn authority_path(s: &[u8], mut i: usize) -> Option<usize> {
    // userinfo@ if an '@' comes before the end of the authority
    let end = s[i..]
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .map_or(s.len(), |p| i + p);
    if let Some(at) = s[i..end].iter().position(|b| *b == b'@') {
        let mut j = i;
        if !run(s, &mut j, |b| unreserved(b) || sub_delim(b) || b == b':') || j != i + at {
            return None;
        }
        i = j + 1;
    }
    if s.get(i) == Some(&b'[') {
        let close = s[i..end].iter().position(|b| *b == b']')?;
        i += close + 1;
    } else if !run(s, &mut i, |b| unreserved(b) || sub_delim(b)) {
        return None;
    }
    if s.get(i) == Some(&b':') {
        i += 1;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if i != end {
        return None;
    }
    path_abempty(s, i)
}

fn path_abempty(s: &[u8], mut i: usize) -> Option<usize> {
    while s.get(i) == Some(&b'/') {
        i += 1;
        if !run(s, &mut i, pchar) {
            return None;
        }
    }
    Some(i)
}

pub(crate) fn absolute(s: &[u8]) -> bool {
    let Some(colon) = s.iter().position(|b| *b == b':') else {
        return false;
    };
    let scheme = &s[..colon];
    let scheme_ok = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !scheme_ok {
        return false;
    }
    hier_and_tail(s, colon + 1, true)
}

pub(crate) fn relative(s: &[u8]) -> bool {
    hier_and_tail(s, 0, false)
}

fn hier_and_tail(s: &[u8], start: usize, after_scheme: bool) -> bool {
    let mut i = start;
    if s[i..].starts_with(b"//") {
        match authority_path(s, i + 2) {
            Some(j) => return tail(s, j),
            None => return false,
        }
    }
    // path-absolute / path-rootless (after a scheme) / path-noscheme / path-empty
    let seg_start = i;
    let first_ok = if after_scheme {
        run(s, &mut i, pchar)
    } else {
        run(s, &mut i, |b| pchar(b) && b != b':')
    };
    if !first_ok {
        return false;
    }
    if !after_scheme && s.get(i) == Some(&b':') {
        return false;
    }
    let _ = seg_start;
    match path_abempty(s, i) {
        Some(j) => tail(s, j),
        None => false,
    }
}
