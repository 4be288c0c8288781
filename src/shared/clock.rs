//! Dates, times and fresh ids, from the browser's clock.

/// Today's date, `YYYY-MM-DD`, local time.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Now, as an RFC 3339 UTC time.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

/// The local time of day, `HH:MM:SS`.
pub fn clock() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
}

/// A new random id, e.g. `a-lx3k9q-7f2c1d`.
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("a-{}-{}", radix36(time), radix36(random))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A random id that says nothing of when or where it was made (for a redacted
/// copy): `PREFIX-` and 80 random bits in base 36.
pub fn random_id(prefix: &str) -> String {
    let part = || (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("{prefix}-{}{}", radix36(part()), radix36(part()))
}
