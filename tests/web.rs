//! Browser tests (wasm-bindgen-test in headless Chromium): the reader mounts into a
//! given element, not only `<body>`, and renders the catalogue from smm-core.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets the reactive system and a requestAnimationFrame run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn host(id: &str) -> web_sys::HtmlElement {
    let doc = document();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    el.set_id(id);
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
async fn mounts_into_the_given_element_and_follows_hash_routes() {
    let outside = host("outside");
    outside.set_inner_html("<p id=\"untouched\">host page content</p>");
    let el = host("smm-test-host");
    web_sys::window().unwrap().location().set_hash("#/practices").unwrap();
    smm_navigator::reader::mount_into(el.clone());
    settle().await;

    // Everything the app renders is inside the host element.
    assert!(el.query_selector(".smm-app").unwrap().is_some());
    assert_eq!(el.query_selector_all(".practice-link").unwrap().length(), 18);
    assert_eq!(outside.inner_html(), "<p id=\"untouched\">host page content</p>");

    // The reader links to the assessments by the workbench's page, an ordinary page load.
    let link = el.query_selector("nav[aria-label='Main'] a[href*='assessments']").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").unwrap(), "workbench.html#/assessments");

    // A hash change routes to the practice page.
    web_sys::window().unwrap().location().set_hash("#/practices/risk-attitude").unwrap();
    settle().await;
    let h1 = el.query_selector("#smm-main h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), "Risk Attitude");
    assert_eq!(el.query_selector_all(".level-column").unwrap().length(), 4);
    let indicator = el.query_selector("[data-indicator='risk-attitude.1.a']").unwrap();
    assert!(indicator.is_some(), "indicators carry their stable ids");

    // An in-page anchor (the skip link) is not a route: the page stays.
    web_sys::window().unwrap().location().set_hash("#smm-main").unwrap();
    settle().await;
    let h1 = el.query_selector("#smm-main h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), "Risk Attitude");
}
