//! Code that few visits need runs in the on-demand worker ([`crate::worker`]),
//! which this module starts the first time a job is asked for: neither bundle
//! carries it, and a page that never asks never downloads it. Jobs are answered
//! in the order asked; the page never freezes while one runs.
//!
//! Each job has a deadline ([`WORKER_JOB_DEADLINE_MS`]): a job still running
//! past it ends the worker (and fails the jobs queued behind it, with the same
//! message), and the next job starts a fresh one, so one hostile file never
//! hangs every later job. Encryption and decryption run in a worker of their
//! own, ended as soon as it answers, so no passphrase lives on in memory.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

pub use crate::worker::jobs::{
    AGE_DECRYPT, AGE_ENCRYPT, DOCX_BOARD, DOCX_REPORT, OSCAL_EXPORT, PORTFOLIO_XLSX, REDACT, SHA256, XLSX_EXPORT,
    XLSX_READ,
};
pub use smm_core::limits::WORKER_JOB_DEADLINE_MS;

/// The reason a job's promise is rejected with when its deadline passed.
const PAST_DEADLINE: &str = "smm-navigator: past the deadline";

/// The loader Trunk writes for the worker, next to the app's pages.
const WORKER_URL: &str = "./worker_loader.js";

/// Why a job gave no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobError {
    /// The worker could not be started or loaded (offline before it was ever cached, say).
    Unavailable(String),
    /// The worker ran the job and refused it, with its reason.
    Failed(String),
    /// The job (or the one before it) ran past [`WORKER_JOB_DEADLINE_MS`]; the worker was ended.
    TimedOut,
}

impl std::fmt::Display for JobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JobError::Unavailable(why) => write!(f, "the optional part of SMM Navigator could not be loaded ({why})"),
            JobError::Failed(why) => f.write_str(why),
            JobError::TimedOut => write!(
                f,
                "the work took longer than {} seconds and was stopped, so that the page stays usable; a file that \
                 takes this long may be damaged or made to hang the app. Nothing stored was changed, and the next \
                 action starts afresh",
                WORKER_JOB_DEADLINE_MS / 1000
            ),
        }
    }
}

type Pending = HashMap<u32, (js_sys::Function, js_sys::Function)>;

struct Connection {
    worker: Worker,
    /// Resolves once the worker listens (it drops messages sent before).
    ready: js_sys::Promise,
    pending: std::rc::Rc<RefCell<Pending>>,
    next: u32,
}

thread_local! {
    /// The shared worker, for every job but encryption and decryption.
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
}

/// Forgets the shared worker if it is the one whose jobs are `pending` (a
/// worker of its own, for one crypto job, is never the shared one).
fn forget_if_shared(pending: &std::rc::Rc<RefCell<Pending>>) {
    CONNECTION.with(|c| {
        let mut c = c.borrow_mut();
        if c.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(&c.pending, pending)) {
            c.take();
        }
    });
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn connect() -> Result<Connection, JobError> {
    let worker = Worker::new(WORKER_URL).map_err(|e| JobError::Unavailable(describe(&e)))?;
    let pending: std::rc::Rc<RefCell<Pending>> = Default::default();
    let mut signal_ready: Option<js_sys::Function> = None;
    let ready = js_sys::Promise::new(&mut |resolve, _| signal_ready = Some(resolve));
    let answers = pending.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
        let data = msg.data();
        if get(&data, "ready").is_truthy() {
            if let Some(f) = &signal_ready {
                let _ = f.call0(&JsValue::NULL);
            }
            return;
        }
        let Some(id) = get(&data, "id").as_f64() else { return };
        if let Some((resolve, _)) = answers.borrow_mut().remove(&(id as u32)) {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // A worker that fails to load fails every job waiting for it, and the next
    // job starts a new one.
    let failed = pending.clone();
    let onerror = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let why = e
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "the worker did not start".into());
        for (_, (_, reject)) in failed.borrow_mut().drain() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        }
        forget_if_shared(&failed);
    });
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    Ok(Connection { worker, ready, pending, next: 0 })
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default()
}

/// Runs job `kind` on `input` (with `params`, job-specific) in the worker,
/// starting it first if need be.
pub async fn run(kind: &str, input: &[u8], params: &str) -> Result<Vec<u8>, JobError> {
    run_js(kind, js_sys::Uint8Array::from(input), params).await
}

/// Sends one job to `c` and arms its deadline; the promise settles with the
/// worker's answer, or is rejected when the worker fails or the deadline passes.
fn send(c: &mut Connection, kind: &str, input: &js_sys::Uint8Array, params: &str) -> js_sys::Promise {
    c.next += 1;
    let id = c.next;
    let pending = c.pending.clone();
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        pending.borrow_mut().insert(id, (resolve, reject));
    });
    let request = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&request, &"id".into(), &JsValue::from(id));
    let _ = js_sys::Reflect::set(&request, &"kind".into(), &JsValue::from_str(kind));
    let _ = js_sys::Reflect::set(&request, &"input".into(), input);
    let _ = js_sys::Reflect::set(&request, &"params".into(), &JsValue::from_str(params));
    let worker = c.worker.clone();
    // Sent once the worker listens.
    let send = Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| {
        let _ = worker.post_message(&request);
    });
    let _ = c.ready.then(&send);
    send.forget();
    // The deadline: if this job is still waiting then, the worker is ended and
    // every job waiting on it fails; the next job starts a new worker.
    let worker = c.worker.clone();
    let deadline = Closure::once_into_js(move || {
        if !pending.borrow().contains_key(&id) {
            return;
        }
        worker.terminate();
        for (_, (_, reject)) in pending.borrow_mut().drain() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(PAST_DEADLINE));
        }
        forget_if_shared(&pending);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            deadline.unchecked_ref(),
            WORKER_JOB_DEADLINE_MS as i32,
        );
    }
    answer
}

/// Like [`run`], with the input already in a browser array (a picked file's
/// bytes go to the worker without a copy in the page's memory).
pub async fn run_js(kind: &str, input: js_sys::Uint8Array, params: &str) -> Result<Vec<u8>, JobError> {
    let answer = CONNECTION.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = Some(connect()?);
        }
        let c = slot.as_mut().ok_or_else(|| JobError::Unavailable("no worker".into()))?;
        Ok::<_, JobError>(send(c, kind, &input, params))
    })?;
    settle(answer).await
}

/// Runs one job in a worker of its own, ended as soon as it answers (or fails,
/// or passes its deadline): for the jobs that hold a passphrase.
async fn run_alone(kind: &str, input: &[u8], params: &str) -> Result<Vec<u8>, JobError> {
    let mut c = connect()?;
    let answer = send(&mut c, kind, &js_sys::Uint8Array::from(input), params);
    let result = settle(answer).await;
    c.worker.terminate();
    result
}

/// The output of an answered job, or why there is none.
async fn settle(answer: js_sys::Promise) -> Result<Vec<u8>, JobError> {
    let data = JsFuture::from(answer).await.map_err(|e| match e.as_string().as_deref() {
        Some(PAST_DEADLINE) => JobError::TimedOut,
        _ => JobError::Unavailable(describe(&e)),
    })?;
    if let Some(e) = get(&data, "error").as_string() {
        return Err(JobError::Failed(e));
    }
    get(&data, "output")
        .dyn_into::<js_sys::Uint8Array>()
        .map(|a| a.to_vec())
        .map_err(|_| JobError::Failed("the worker's answer had no output".into()))
}

/// The SHA-256 fingerprint of `bytes`, 64 hexadecimal digits, computed in the worker.
pub async fn sha256(bytes: &[u8]) -> Result<String, JobError> {
    let out = run(SHA256, bytes, "").await?;
    String::from_utf8(out).map_err(|_| JobError::Failed("the fingerprint was not text".into()))
}

/// The largest file fingerprinted (2 GiB): the browser holds it in memory while it is hashed.
pub const MAX_FINGERPRINT_BYTES: f64 = 2.0 * 1024.0 * 1024.0 * 1024.0;

/// The SHA-256 fingerprint of a picked file, hashed in the worker a piece at a time.
pub async fn sha256_file(file: &web_sys::Blob) -> Result<String, JobError> {
    if file.size() > MAX_FINGERPRINT_BYTES {
        return Err(JobError::Failed(format!(
            "the file is {:.1} GiB; files over 2 GiB cannot be fingerprinted in the browser (use sha256sum and type the reference)",
            file.size() / 1073741824.0
        )));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| JobError::Failed(format!("the browser could not read the file ({})", describe(&e))))?;
    let out = run_js(SHA256, js_sys::Uint8Array::new(&buffer), "").await?;
    String::from_utf8(out).map_err(|_| JobError::Failed("the fingerprint was not text".into()))
}

/// Encrypts `plaintext` with `passphrase` in the age format, in a worker of its own.
pub async fn encrypt(plaintext: &[u8], passphrase: &str) -> Result<Vec<u8>, JobError> {
    run_alone(AGE_ENCRYPT, plaintext, passphrase).await
}

/// Decrypts an age file made with a passphrase, in a worker of its own.
pub async fn decrypt(sealed: &[u8], passphrase: &str) -> Result<Vec<u8>, JobError> {
    run_alone(AGE_DECRYPT, sealed, passphrase).await
}
