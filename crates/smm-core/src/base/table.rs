//! Escaping for the tables every export writes: CSV rows and Markdown cells.

/// Appends one CSV record with RFC 4180 quoting and CRLF line ends. A field that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// apostrophe so that a spreadsheet does not run it as a formula (a spreadsheet
/// skips a leading tab or carriage return and reads the formula after it).
pub fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let guarded;
        let f = if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            guarded = format!("'{f}");
            guarded.as_str()
        } else {
            f
        };
        if f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') || f.ends_with(' ') {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

/// [`md_escape`] for text of several lines (OSCAL's Markdown fields, notes):
/// each line escaped, line breaks kept, and what would start a list, a quote,
/// a heading underline or a code fence at the start of a line escaped too.
pub fn md_escape_lines(s: &str) -> String {
    s.lines()
        .map(|line| {
            let e = md_escape(line);
            let lead = e.len() - e.trim_start().len();
            let (indent, rest) = e.split_at(lead);
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if rest.starts_with(['-', '+', '>', '=', '~']) {
                format!("{indent}\\{rest}")
            } else if digits > 0 && matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) {
                format!("{indent}{}\\{}", &rest[..digits], &rest[digits..])
            } else {
                e
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escapes the characters that Markdown or embedded HTML would interpret.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_is_guarded_after_a_leading_tab_or_carriage_return_too() {
        for f in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1"] {
            let mut out = String::new();
            csv_row(&mut out, &[f]);
            let cell = out.trim_end_matches("\r\n").trim_start_matches('"');
            assert!(cell.starts_with('\''), "{f:?} written as {out:?}");
        }
        let mut out = String::new();
        csv_row(&mut out, &["plain", " spaced "]);
        assert_eq!(out, "plain,\" spaced \"\r\n");
    }

    #[test]
    fn markdown_lines_keep_their_breaks_and_lose_their_markup() {
        let s = md_escape_lines(
            "- item\n> quote\n1. first\n  + nested\n<script>x</script> [link](javascript:x) `code` |\nplain 3. text",
        );
        assert_eq!(
            s,
            "\\- item\n&gt; quote\n1\\. first\n  \\+ nested\n&lt;script&gt;x&lt;/script&gt; \\[link\\](javascript:x) \\`code\\` \\|\nplain 3. text"
        );
        assert_eq!(md_escape("a\u{1b}[2Jb"), "a\\[2Jb");
    }
}
