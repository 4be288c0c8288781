//! Entry point of the interviews bundle (`exchange.js`, `exchange_bg.wasm`), built by Trunk.

fn main() {
    smm_navigator::exchange::start();
}
