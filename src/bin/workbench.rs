//! Entry point of the workbench bundle (`workbench.js`, `workbench_bg.wasm`), built by Trunk.

fn main() {
    smm_navigator::workbench::start();
}
