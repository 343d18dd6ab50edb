//! Files, at the edge: downloads of exports and reading of picked files. The limits and names
//! are the core's (`autodiag_core::files`).

pub use autodiag_core::files::*;

/// Offers `text` to the user as a downloaded file.
#[cfg(target_arch = "wasm32")]
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    use wasm_bindgen::JsCast;

    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoking the URL at once can cancel the download in some browsers: keep it a while.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    true
}

#[cfg(not(target_arch = "wasm32"))]
pub fn download(_: &str, _: &str, _: &str) -> bool {
    false
}
