//! Entry point of the on-demand worker (`worker.js`, `worker_bg.wasm`, started
//! by `worker_loader.js`), built by Trunk as `data-type="worker"`.

fn main() {
    smm_navigator::worker::start();
}
