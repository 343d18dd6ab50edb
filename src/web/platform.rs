//! The clock and the random source, at the edge: the reducer gets their readings in its actions.

use crate::model::uuid_v4;

/// Now, as RFC 3339 in UTC, to the millisecond so that changes made in one second still order.
#[cfg(target_arch = "wasm32")]
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A new random UUID v4. `crypto.getRandomValues` works on plain http pages too (unlike
/// `crypto.randomUUID`, which needs a secure context), so partner portals on http still get one.
#[cfg(target_arch = "wasm32")]
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto at all (very old browsers): Math.random is enough to tell ids apart.
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

// Natively (prerendering, tests) nothing is created; these only keep the code compiling.
#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> String {
    "1970-01-01T00:00:00Z".into()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed).to_be_bytes();
    let mut bytes = [0u8; 16];
    bytes[8..].copy_from_slice(&n);
    uuid_v4(bytes)
}

/// Asks the browser to keep this site's storage even under pressure (Safari otherwise evicts it
/// after seven days without a visit). The answer changes nothing here, so it is not awaited.
#[cfg(target_arch = "wasm32")]
pub fn request_persistent_storage() {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().storage().persist();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn request_persistent_storage() {}

/// An RFC 3339 time as the user reads dates, in their time zone: "28/11/2026 21:15".
#[cfg(target_arch = "wasm32")]
pub fn local_date_time(iso: &str, lang: crate::i18n::Lang) -> String {
    let date = js_sys::Date::new(&iso.into());
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let options = js_sys::Object::new();
    for (k, v) in [("dateStyle", "short"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    let locale = match lang {
        crate::i18n::Lang::Fr => "fr-FR",
        crate::i18n::Lang::En => "en-GB",
    };
    date.to_locale_string(locale, &options).into()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn local_date_time(iso: &str, _: crate::i18n::Lang) -> String {
    iso.replace('T', " ").trim_end_matches('Z').to_string()
}

/// Today as `YYYY-MM-DD`, in the user's time zone.
#[cfg(target_arch = "wasm32")]
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> String {
    "1970-01-01".into()
}

pub use autodiag_core::print::{print_sheet, PRINT_MARK};

/// Prints the report (or the blank questionnaire) the user asked for with event `from`, `footer`
/// on every page. A page that is only the widget prints as it is; an embedded widget prints
/// alone, not the host page around it.
#[cfg(target_arch = "wasm32")]
pub fn print(from: &web_sys::Event, standalone: bool, footer: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    prepare_print(&window, from, standalone, footer);
    let _ = window.print();
}

#[cfg(target_arch = "wasm32")]
fn prepare_print(
    window: &web_sys::Window,
    from: &web_sys::Event,
    standalone: bool,
    footer: &str,
) -> Option<()> {
    use wasm_bindgen::JsCast;

    let doc = window.document()?;
    let host = if standalone {
        None
    } else {
        let node = from.target()?.dyn_into::<web_sys::Node>().ok()?;
        let root = node
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()?;
        Some(root.host())
    };
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet
        .replace_sync(&print_sheet(footer, host.is_some()))
        .ok()?;
    if let Some(host) = &host {
        host.set_attribute(PRINT_MARK, "").ok()?;
    }
    let sheets = doc.adopted_style_sheets();
    sheets.push(&sheet);
    doc.set_adopted_style_sheets(&sheets);
    gloo::events::EventListener::once(window, "afterprint", move |_| {
        if let Some(host) = &host {
            let _ = host.remove_attribute(PRINT_MARK);
        }
        let kept = doc
            .adopted_style_sheets()
            .filter(&mut |s, _, _| s != wasm_bindgen::JsValue::from(&sheet));
        doc.set_adopted_style_sheets(&kept);
    })
    .forget();
    Some(())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn print(_: &web_sys::Event, _: bool, _: &str) {}

/// The element with this id in the page or inside any widget's shadow root.
#[cfg(target_arch = "wasm32")]
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;

    let doc = web_sys::window()?.document()?;
    if let Some(el) = doc.get_element_by_id(id) {
        return Some(el);
    }
    let hosts = doc
        .query_selector_all(&format!("[{}]", crate::HOST_ATTRIBUTE))
        .ok()?;
    (0..hosts.length())
        .filter_map(|i| hosts.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find_map(|h| h.shadow_root()?.get_element_by_id(id))
}

/// Baseline in every browser since 2023, but still behind web-sys's unstable-API flag.
#[cfg(target_arch = "wasm32")]
mod streams {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        pub type CompressionStream;
        #[wasm_bindgen(constructor, catch)]
        pub fn new(format: &str) -> Result<CompressionStream, JsValue>;

        pub type DecompressionStream;
        #[wasm_bindgen(constructor, catch)]
        pub fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    }
}

/// Compresses `bytes` (raw DEFLATE) with the browser's own stream, which costs no wasm.
#[cfg(target_arch = "wasm32")]
pub async fn deflate_raw(bytes: &[u8]) -> Result<Vec<u8>, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;

    // The stream is a { readable, writable } pair, which is all pipeThrough asks for.
    let pair: web_sys::ReadableWritablePair =
        streams::CompressionStream::new("deflate-raw")?.unchecked_into();
    let stream = blob_of(bytes)?.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[cfg(target_arch = "wasm32")]
fn blob_of(bytes: &[u8]) -> Result<web_sys::Blob, wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts)
}

/// Decompresses a share link's `bytes` (raw DEFLATE), chunk by chunk: as soon as the output passes
/// a document's limit the stream is cancelled, so a crafted link that expands to megabytes is
/// refused having held at most one chunk more than the limit.
#[cfg(target_arch = "wasm32")]
pub async fn inflate_raw(bytes: &[u8]) -> Result<Vec<u8>, crate::share::Refused> {
    use crate::share::{Inflated, Refused};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let broken = |_| Refused::Broken;
    let pair: web_sys::ReadableWritablePair = streams::DecompressionStream::new("deflate-raw")
        .map_err(broken)?
        .unchecked_into();
    let stream = blob_of(bytes).map_err(broken)?.stream().pipe_through(&pair);
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Inflated::default();
    loop {
        let step: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(broken)?
            .unchecked_into();
        if step.get_done().unwrap_or(true) {
            return Ok(out.into_bytes());
        }
        let Ok(chunk) = step.get_value().dyn_into::<js_sys::Uint8Array>() else {
            return Err(Refused::Broken);
        };
        if !out.fits(chunk.length() as usize) {
            // Stops the decompression: nothing more is produced or kept.
            let _ = reader.cancel();
            return Err(Refused::TooLong);
        }
        out.push(&chunk.to_vec())?;
    }
}

/// The page's address without its fragment, and its fragment.
#[cfg(target_arch = "wasm32")]
pub fn address() -> (String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Default::default();
    };
    let href = location.href().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    (href.split('#').next().unwrap_or_default().to_string(), hash)
}

/// Removes the fragment from the address bar, so that a reload does not offer a link again.
#[cfg(target_arch = "wasm32")]
pub fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        let (page, _) = address();
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
        }
    }
}

/// Puts `text` on the clipboard; false where the browser refuses (plain http, permissions).
#[cfg(target_arch = "wasm32")]
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn clear_fragment() {}

/// Makes `lang`'s texts available (see `i18n::pack`): from the pack the page carries inline (the
/// offline single file), else from the file the page names, checked against its integrity hash.
/// The page names it in `<script type="application/json" data-autodiag-lang="en"
/// data-href="…" data-integrity="…">`, which the build writes (the embed loader adds it to its host
/// page). False when it cannot: no such element, offline, a wrong hash, a pack of another build.
#[cfg(target_arch = "wasm32")]
pub async fn load_language(lang: crate::i18n::Lang) -> bool {
    use crate::i18n::{is_available, pack};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    if is_available(lang) {
        return true;
    }
    let fetched = async {
        let doc = web_sys::window()?.document()?;
        let source = doc
            .query_selector(&format!("script[data-autodiag-lang=\"{}\"]", lang.id()))
            .ok()??;
        let inline = source.text_content().unwrap_or_default();
        if !inline.trim().is_empty() {
            return Some(inline);
        }
        let href = source.get_attribute("data-href")?;
        let init = web_sys::RequestInit::new();
        if let Some(hash) = source.get_attribute("data-integrity") {
            init.set_integrity(&hash);
        }
        let response: web_sys::Response =
            JsFuture::from(web_sys::window()?.fetch_with_str_and_init(&href, &init))
                .await
                .ok()?
                .dyn_into()
                .ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()
    };
    match fetched.await {
        Some(json) => pack::install(&json).is_ok() && is_available(lang),
        None => false,
    }
}
