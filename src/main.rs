//! Entry point of the WebAssembly app built by Trunk.

fn main() {
    smm_navigator::start();
}
