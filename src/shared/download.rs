//! Downloads made in the page (a Blob and a temporary link): no network involved.
//!
//! Only two callers: the workbench's and exchange page's one way out
//! ([`crate::workbench::outbox::send`], which encrypts when asked), and the
//! reader's quick check (a file of indicator ids met, on a page that offers no
//! encryption and holds nothing else). `tests/tidy.rs` holds it.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a file named `filename` of type `mime`.
pub(crate) fn offer(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let part: &wasm_bindgen::JsValue = &js_sys::Uint8Array::from(bytes);
    let fail = |e: wasm_bindgen::JsValue| format!("the download could not be prepared: {e:?}");
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.style().set_property("display", "none").map_err(fail)?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).map_err(fail)?;
    a.click();
    a.remove();
    web_sys::Url::revoke_object_url(&url).map_err(fail)?;
    Ok(())
}

/// A file name made of safe characters from an assessment name.
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').chars().take(60).collect::<String>();
    if out.is_empty() {
        "assessment".into()
    } else {
        out
    }
}
