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
