//! Entry point of the interviews bundle (`interviews.js`, `interviews_bg.wasm`), built by Trunk.

fn main() {
    smm_navigator::interviews::start();
}
