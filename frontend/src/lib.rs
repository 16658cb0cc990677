//! Browser entry: `hydrate()` is called by the script leptos puts in every page.

// Leptos views are nested types; a page with many sections nests deeper than the default
// query depth (128) when the wasm release build computes layouts of its hydration futures.
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
