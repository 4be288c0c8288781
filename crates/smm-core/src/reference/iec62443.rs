//! ISA/IEC 62443 specifics: the identifier grammar of each part. The 62443
//! catalogue itself is a framework catalogue (`data/frameworks/iec62443.json`,
//! see [`crate::framework`]): parts are its top-level groups (with their
//! editions and roles), foundational requirements and practice groups the tier
//! below.

use crate::model::framework::Framework;

/// The 62443 part a requirement of the built-in 62443 catalogue is in (its top-level group).
pub fn part_of<'a>(framework: &'a Framework, requirement: &str) -> Option<&'a str> {
    framework.requirement(requirement).and_then(|r| framework.top_group(r)).map(|g| g.id.as_str())
}

/// True when `id` has the shape of a requirement id of `part` (62443-2-1, 2-4,
/// 3-2, 3-3, 4-1 or 4-2; any other part has no well-formed id).
pub fn well_formed(part: &str, id: &str) -> bool {
    let num = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let dotted = |s: &str| s.split('.').all(num) && s.split('.').count() == 2;
    let (base, re) = match id.split_once(" RE(") {
        Some((b, rest)) => (b, rest.strip_suffix(')').is_some_and(num)),
        None => (id, true),
    };
    re && match part {
        "62443-3-3" => base.strip_prefix("SR ").is_some_and(dotted),
        "62443-4-2" => ["CR ", "EDR ", "HDR ", "NDR ", "SAR "].iter().any(|p| base.strip_prefix(p).is_some_and(dotted)),
        "62443-4-1" => base
            .split_once('-')
            .is_some_and(|(g, n)| !g.is_empty() && g.bytes().all(|b| b.is_ascii_uppercase()) && num(n)),
        "62443-2-4" => base.strip_prefix("SP.").is_some_and(|s| s.split('.').count() == 2 && s.split('.').all(num)),
        "62443-2-1" => base.strip_prefix("SPE ").is_some_and(num),
        "62443-3-2" => id == base && base.strip_prefix("ZCR ").is_some_and(|s| s.split('.').all(num)),
        _ => false,
    }
}
