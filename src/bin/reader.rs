//! Entry point of the reader bundle (`reader.js`, `reader_bg.wasm`), built by Trunk.

fn main() {
    smm_navigator::reader::start();
}
