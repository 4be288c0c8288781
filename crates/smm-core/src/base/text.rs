//! Text rules shared by every file kind: the size limit and decoding of a
//! file, the limits of a free-text field, dates and ids.

use crate::base::error::DocumentError;

pub use crate::base::limits::{MAX_FILE_BYTES, MAX_TEXT_CHARS};

/// Size limit, empty file, byte-order mark and UTF-8.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<&str, DocumentError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DocumentError::one(
            "",
            format!(
                "the file is {:.1} MiB; files over {} MiB are refused",
                bytes.len() as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        DocumentError::one("", format!("the file is not UTF-8 text (invalid byte at offset {})", e.valid_up_to()))
    })?;
    if text.trim().is_empty() {
        return Err(DocumentError::one("", "the file is empty"));
    }
    Ok(text)
}

/// What is wrong with a free-text value, if anything: too long, or control
/// characters other than tab and line breaks.
pub fn text_problem(value: &str) -> Option<String> {
    let n = value.chars().count();
    if n > MAX_TEXT_CHARS {
        return Some(format!("the text is {n} characters long; at most {MAX_TEXT_CHARS} are accepted"));
    }
    value
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .map(|c| format!("the text contains the control character U+{:04X}", u32::from(c)))
}

/// True for a character that changes the direction or joining of the text
/// around it without being seen (bidirectional embeddings, overrides and
/// isolates, and the directional marks): in a name they can make one name
/// show as another.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What is wrong with a person's name or pseudonym, if anything: empty, over
/// `max` characters, a control character, or a bidirectional control.
pub fn name_problem(name: &str, max: usize) -> Option<String> {
    if name.trim().is_empty() || name.chars().count() > max {
        Some(format!("a name of 1 to {max} characters is needed"))
    } else if name.chars().any(char::is_control) {
        Some("the name contains a control character".into())
    } else if name.chars().any(is_bidi_control) {
        Some("the name contains a character that reverses or isolates the direction of text".into())
    } else {
        None
    }
}

/// The date `days` days after 1970-01-01, as `YYYY-MM-DD` (Howard Hinnant's
/// civil-from-days algorithm); for the CLI's clock and spreadsheet dates.
pub fn date_from_days(days: i64) -> String {
    // Bounded so that no input overflows: about ±27 million years either way.
    let z = days.clamp(-10_000_000_000, 10_000_000_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// True for `YYYY-MM-DD`, optionally followed by a time (`T` and at most 24
/// digits, colons, dots, `Z`, `+` or `-`, as in `T10:00:00.000+02:00`): nothing
/// that a report, a terminal or Markdown would read as anything but a date.
pub fn is_iso_date_prefix(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let ok = digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10);
    if !ok || !(b.len() == 10 || b.get(10) == Some(&b'T')) {
        return false;
    }
    if b.len() > 35
        || !b[10..].iter().skip(1).all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'+' | b'-'))
    {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// True for a stable id: lowercase ASCII letters and digits in words joined by single hyphens.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date_prefix("2026-11-25"));
        assert!(is_iso_date_prefix("2026-11-25T10:00:00Z"));
        assert!(is_iso_date_prefix("2026-11-25T10:00:00.000+02:00"));
        for hostile in ["2026-11-25T\u{1b}[2J", "2026-11-25T10:00 | x", "2026-11-25T<b>", "2026-11-25T1\n2"] {
            assert!(!is_iso_date_prefix(hostile), "{hostile:?}");
        }
        for bad in ["2026-13-01", "26-11-25", "2026/11/25", "2026-11-25x", "2026-11-00"] {
            assert!(!is_iso_date_prefix(bad), "{bad}");
        }
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn any_day_count_gives_a_date_without_overflow() {
        assert_eq!(date_from_days(0), "1970-01-01");
        assert_eq!(date_from_days(20_428), "2025-12-06");
        let _ = (date_from_days(i64::MAX), date_from_days(i64::MIN));
    }
}

#[cfg(test)]
mod kebab_tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        assert!(is_kebab_id("threat-modeling"));
        assert!(is_kebab_id("sr-1"));
        for bad in ["", "Threat", "a--b", "-a", "a-", "a_b", "a b"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }
}
