//! The on-demand worker (`worker_loader.js`, `worker.js`, `worker_bg.wasm`): code
//! that few visits need (file fingerprints, passphrase encryption; later
//! spreadsheets) runs here, in a Web Worker the workbench starts the first time
//! such a job is asked for (see [`crate::workbench::on_demand`]). Neither the
//! reader nor the workbench bundle carries it.
//!
//! Protocol (structured clone, not JSON): the worker posts `{ready: true}` once
//! it listens; a request is `{id, kind, input: Uint8Array, params: string}`; the
//! answer is `{id, output: Uint8Array}` or `{id, error: string}`.

pub mod jobs;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn answer(id: &JsValue, result: Result<Vec<u8>, String>) -> js_sys::Object {
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"id".into(), id);
    let _ = match result {
        Ok(bytes) => js_sys::Reflect::set(&out, &"output".into(), &js_sys::Uint8Array::from(bytes.as_slice())),
        Err(e) => js_sys::Reflect::set(&out, &"error".into(), &JsValue::from_str(&e)),
    };
    out
}

/// The piece of a large input hashed at a time (1 MiB).
const PIECE: u32 = 1 << 20;

/// Listens for jobs and answers each one; then says it is ready.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
        let data = msg.data();
        let id = get(&data, "id");
        let kind = get(&data, "kind").as_string().unwrap_or_default();
        let array = get(&data, "input").dyn_into::<js_sys::Uint8Array>().ok();
        let params = get(&data, "params").as_string().unwrap_or_default();
        let result = match (kind.as_str(), array) {
            // A file to fingerprint may be large: hash it a piece at a time.
            (jobs::SHA256, Some(array)) => {
                let mut stream = jobs::Sha256Stream::default();
                let len = array.length();
                let mut at = 0;
                while at < len {
                    let end = len.min(at + PIECE);
                    stream.update(&array.subarray(at, end).to_vec());
                    at = end;
                }
                Ok(stream.finish().into_bytes())
            }
            (_, array) => jobs::run(&kind, &array.map(|a| a.to_vec()).unwrap_or_default(), &params),
        };
        let _ = reply_to.post_message(&answer(&id, result));
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}
