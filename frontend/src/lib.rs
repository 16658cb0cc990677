//! Browser entry: `hydrate()` is called by the script leptos puts in every page.

// Leptos views are nested types; a page with many sections nests deeper than the default
// query depth (128) when the wasm release build computes layouts of its hydration futures.
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Under a sub-path every server-function call goes to `<base>/api/…`.
    let base = app::base_path::from_document();
    if !base.is_root() {
        let prefix: &'static str = Box::leak(base.as_str().to_owned().into_boxed_str());
        leptos::server_fn::client::set_server_url(prefix);
    }
    leptos::mount::hydrate_body(move || {
        leptos::prelude::provide_context(base);
        leptos::prelude::view! { <app::App/> }
    });
}
