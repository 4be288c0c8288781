//! Entry point of the review bundle (`review.js`, `review_bg.wasm`), built by Trunk.

fn main() {
    smm_navigator::review::start();
}
